"""The state in one SQLite file: the embedded default, for processes on one host sharing one disk.

Each thread keeps its own connection (sqlite3 connections must not cross threads): closing the last
connection of a WAL file checkpoints it, which made a connection per call cost ~15 ms. WAL lets
readers run beside the one writer, and BEGIN IMMEDIATE takes the write lock up front, so a check and
the write after it are one step.

A corrupted file is moved aside (kept, never deleted) and a new one started: the daily post looks
for its own message in the channel before posting, so nothing goes out twice. A read-only file or
folder is an error that names the file and the fix.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from renkei_bot.errors import StateError
from renkei_bot.state.base import Backend, SchemaStatus
from renkei_bot.state.migrations import LATEST, apply, read_version
from renkei_bot.state.sql import SqlState
from renkei_bot.state.url import sqlite_url

BUSY_TIMEOUT_SECONDS = 30.0
_CORRUPT = ("file is not a database", "malformed", "database corrupt")
log = logging.getLogger("renkei_bot.state")


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    return not isinstance(exc, sqlite3.OperationalError) and any(w in str(exc) for w in _CORRUPT)


class SqliteState(SqlState):
    backend: Backend = "sqlite"

    def __init__(self, path: Path | str, *, now: Callable[[], float] = time.time) -> None:
        super().__init__(now=now)
        self.path = Path(path)
        self.where = sqlite_url(self.path)
        self._ready = False
        self._local = threading.local()
        self._generation = 0  # bumped when the file is replaced: cached connections point at the old one

    # --- connections ----------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError(
                f"{self.path}: cannot create its folder ({exc.strerror}). Make {self.path.parent} "
                "writable by the bot's user, or set RENKEI_STATE_URL to a writable place."
            ) from None
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        conn.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across a crash of the process
        return conn

    def _thread_connection(self) -> sqlite3.Connection:
        local = self._local
        conn: sqlite3.Connection | None = getattr(local, "conn", None)
        if conn is not None and local.generation == self._generation:
            return conn
        if conn is not None:
            conn.close()
        conn = local.conn = self._open()
        local.generation = self._generation
        return conn

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.migrate()
        try:
            yield self._thread_connection()
        except sqlite3.DatabaseError as exc:
            raise self._explain(exc) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn.cursor()
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _explain(self, exc: sqlite3.DatabaseError) -> StateError:
        text = str(exc)
        if _is_corrupt(exc):
            self._ready = False  # the next call moves the file aside and starts a new one
            self._generation += 1
            return StateError(
                f"{self.path}: the state file is corrupted ({text}); it is replaced on next use"
            )
        if "readonly" in text or "read-only" in text:
            return StateError(
                f"{self.path}: the state file is read-only. Make the file and its folder writable by the "
                "bot's user (chmod u+w), or set RENKEI_STATE_URL to a writable place."
            )
        if "unable to open" in text:
            return StateError(
                f"{self.path}: cannot open the state file ({text}). Check that its folder exists and is "
                "writable, or set RENKEI_STATE_URL."
            )
        return StateError(f"{self.path}: {text}")

    # --- schema -----------------------------------------------------------------------------------
    def _initialise(self) -> int:
        """WAL mode and the migrations. Two processes creating the file at once: switching the journal
        mode needs an exclusive lock that SQLite does not wait for (busy_timeout does not apply), so retry."""
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            with closing(self._open()) as conn:
                try:
                    conn.execute("PRAGMA journal_mode=WAL")
                    check = conn.execute("PRAGMA quick_check").fetchone()
                    if check is None or check[0] != "ok":
                        raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        version = apply(conn.cursor(), self.backend)
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                    conn.execute("COMMIT")
                    return version
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or time.monotonic() > deadline:
                        raise
            time.sleep(0.02)

    def migrate(self) -> SchemaStatus:
        try:
            try:
                version = self._initialise()
            except sqlite3.DatabaseError as exc:
                if not _is_corrupt(exc):
                    raise
                self._move_aside(str(exc))
                self._generation += 1
                version = self._initialise()
        except sqlite3.DatabaseError as exc:
            raise self._explain(exc) from None
        self._ready = True
        return SchemaStatus(self.backend, self.where, version, LATEST)

    def _move_aside(self, why: str) -> None:
        stamp = datetime.fromtimestamp(self._now(), UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{self.path}{suffix}")
            if src.exists():
                src.replace(Path(f"{aside}{suffix}"))
        log.error(
            "%s: the state file is corrupted (%s); moved it to %s (kept) and started a new one. "
            "The daily post checks the channel history first, so nothing is posted twice.",
            self.path,
            why,
            aside,
        )

    def status(self) -> SchemaStatus:
        """The applied version, without migrating (0 when the file does not exist yet)."""
        if not self.path.exists():
            return SchemaStatus(self.backend, self.where, 0, LATEST)
        try:
            with closing(self._open()) as conn:
                conn.execute("BEGIN IMMEDIATE")
                version = read_version(conn.cursor(), self.backend)
                conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise self._explain(exc) from None
        return SchemaStatus(self.backend, self.where, version, LATEST)

    def ping(self) -> None:
        with self._connect() as conn:
            conn.execute("SELECT 1").fetchone()

    def journal_mode(self) -> str:
        with self._connect() as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])

    def close(self) -> None:
        """Close this thread's connection (other threads' close when they end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
