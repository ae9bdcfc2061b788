"""The post ledger: which daily posts went out. The only sqlite3 user.

One row per (channel, date). A run first *claims* the row (a lease, so that two replicas or the
scheduler and a cron run racing each other post once), then *records* the message ts. A claim
whose lease ran out without a ts (the process died) can be claimed again; the daily post then
looks for its own message in the channel before posting, in case it died after posting.

Every call opens its own connection: sqlite3 connections must not be shared between threads, and
the file is shared between processes anyway. WAL lets readers run beside the one writer.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS posts (
    channel TEXT NOT NULL,
    date TEXT NOT NULL,
    ts TEXT,
    posted_at TEXT,
    owner TEXT,
    lease_until REAL,
    PRIMARY KEY (channel, date)
)
"""
BUSY_TIMEOUT_SECONDS = 30.0


def _key(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else day


def _initialise(conn: sqlite3.Connection) -> None:
    """WAL mode and the table. Two processes creating the file at once: switching the journal mode
    needs an exclusive lock that SQLite does not wait for (busy_timeout does not apply), so retry."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class PostLedger:
    def __init__(self, path: Path, *, now: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._now = now
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        with closing(conn):
            if not self._ready:
                _initialise(conn)
                self._ready = True
            yield conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the write lock up front, so check-then-insert is atomic."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def journal_mode(self) -> str:
        with self._connect() as conn:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])

    def claim(self, channel: str, day: date | str, owner: str, *, lease_seconds: float = 300.0) -> bool:
        """Take the right to post (channel, day). False when it is posted or another owner holds it."""
        now = self._now()
        with self._write() as conn:
            row = conn.execute(
                "SELECT ts, owner, lease_until FROM posts WHERE channel = ? AND date = ?",
                (channel, _key(day)),
            ).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO posts (channel, date, owner, lease_until) VALUES (?, ?, ?, ?)",
                    (channel, _key(day), owner, now + lease_seconds),
                )
                return True
            ts, holder, lease_until = row
            if ts is not None:
                return False
            if holder != owner and lease_until is not None and lease_until > now:
                return False
            conn.execute(
                "UPDATE posts SET owner = ?, lease_until = ? WHERE channel = ? AND date = ?",
                (owner, now + lease_seconds, channel, _key(day)),
            )
            return True

    def release(self, channel: str, day: date | str, owner: str) -> None:
        """Give a claim back after a failed post, so the next run need not wait for the lease."""
        with self._write() as conn:
            conn.execute(
                "DELETE FROM posts WHERE channel = ? AND date = ? AND owner = ? AND ts IS NULL",
                (channel, _key(day), owner),
            )

    def record(self, channel: str, day: date | str, ts: str) -> None:
        """Record the message that was posted (with or without a claim before it)."""
        posted_at = datetime.fromtimestamp(self._now(), UTC).isoformat(timespec="seconds")
        with self._write() as conn:
            conn.execute(
                "INSERT INTO posts (channel, date, ts, posted_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (channel, date) DO UPDATE SET ts = excluded.ts, "
                "posted_at = excluded.posted_at, lease_until = NULL",
                (channel, _key(day), ts, posted_at),
            )

    def forget(self, channel: str, day: date | str) -> None:
        """Drop the row of (channel, day): an operator's way to allow a post again."""
        with self._write() as conn:
            conn.execute("DELETE FROM posts WHERE channel = ? AND date = ?", (channel, _key(day)))

    def posted(self, channel: str, day: date | str) -> str | None:
        """The ts of the recorded post of (channel, day), or None."""
        with self._connect() as conn:
            row = conn.execute(
                "SELECT ts FROM posts WHERE channel = ? AND date = ?", (channel, _key(day))
            ).fetchone()
        return None if row is None or row[0] is None else str(row[0])
