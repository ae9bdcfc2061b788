"""Interim SQLite store of conversation contexts and the log of what went unanswered.

It implements only the methods of the shared state interface (renkei_bot.state, being built with a
PostgreSQL twin) that conversations, feedback and the log use; it is replaced by that package once it
lands. Every call opens its own connection (sqlite3 connections must not cross threads); WAL lets
readers run beside the one writer, and every write is one transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 30.0
DAY_SECONDS = 86_400.0

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS contexts (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        expires_at REAL NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS unanswered_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at REAL NOT NULL,
        kind TEXT NOT NULL,
        question TEXT NOT NULL,
        intent TEXT NOT NULL,
        reason TEXT NOT NULL,
        record_ids TEXT NOT NULL,
        user_hash TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS unanswered_log_at ON unanswered_log (at)",
)


@dataclass(frozen=True)
class LogRow:
    """One entry of the log: an answer that found nothing, an apology, or a 👍/👎 on an answer."""

    at: float  # seconds since the epoch
    kind: str  # "declined", "apology", "feedback_down", "feedback_up" (and "feedback_reason")
    question: str  # normalised
    intent: str
    reason: str
    record_ids: tuple[str, ...]
    user_hash: str  # HMAC of the user id keyed by RENKEI_LOG_SALT; never the id itself


def _initialise(conn: sqlite3.Connection) -> None:
    """WAL and the tables. Switching to WAL needs a lock SQLite does not wait for: retry a moment."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            for statement in _SCHEMA:
                conn.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class ConversationStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
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
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def save_context(self, key: str, value: str, *, expires_at: float) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO contexts (key, value, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
                (key, value, expires_at),
            )

    def load_context(self, key: str, *, now: float) -> str | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT value FROM contexts WHERE key = ? AND expires_at > ?", (key, now)
            ).fetchone()
        return None if row is None else str(row[0])

    def append_log(self, row: LogRow) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO unanswered_log (at, kind, question, intent, reason, record_ids, user_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    row.at,
                    row.kind,
                    row.question,
                    row.intent,
                    row.reason,
                    " ".join(row.record_ids),
                    row.user_hash,
                ),
            )

    def log_since(self, since: float) -> list[LogRow]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT at, kind, question, intent, reason, record_ids, user_hash FROM unanswered_log "
                "WHERE at >= ? ORDER BY at, id",
                (since,),
            ).fetchall()
        return [
            LogRow(float(at), str(k), str(q), str(i), str(r), tuple(str(ids).split()), str(u))
            for at, k, q, i, r, ids, u in rows
        ]

    def purge(self, *, now: float, dedupe_seconds: float, log_days: int) -> int:
        """Drop expired contexts and log entries older than `log_days`; the number of rows dropped.
        (`dedupe_seconds` is for the event-dedupe table of the shared store; there is none here.)"""
        with self._write() as conn:
            contexts = conn.execute("DELETE FROM contexts WHERE expires_at <= ?", (now,)).rowcount
            log = conn.execute(
                "DELETE FROM unanswered_log WHERE at < ?", (now - log_days * DAY_SECONDS,)
            ).rowcount
        return int(contexts) + int(log)
