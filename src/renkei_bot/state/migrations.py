"""The schema, as numbered migrations applied in order. The applied number lives in renkei_schema.

Both backends run the same statements except where their dialects differ (an auto-increment key).
A backend takes its lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock) and calls
`apply` inside that transaction, so replicas starting together migrate once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from renkei_bot.state.base import Backend


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(frozen=True)
class Migration:
    version: int
    what: str
    common: tuple[str, ...] = ()
    sqlite: tuple[str, ...] = ()
    postgresql: tuple[str, ...] = ()

    def statements(self, backend: Backend) -> tuple[str, ...]:
        return self.common + (self.sqlite if backend == "sqlite" else self.postgresql)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "the daily-post ledger",
        common=(
            # IF NOT EXISTS: state files written before versioning already have this table
            """CREATE TABLE IF NOT EXISTS posts (
                channel TEXT NOT NULL,
                date TEXT NOT NULL,
                ts TEXT,
                posted_at TEXT,
                owner TEXT,
                lease_until DOUBLE PRECISION,
                PRIMARY KEY (channel, date)
            )""",
        ),
    ),
    Migration(
        2,
        "event dedupe, conversation contexts, the log of what went unanswered",
        # IF NOT EXISTS: the interim conversation store of development builds made the same two tables
        common=(
            "CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL)",
            "CREATE INDEX IF NOT EXISTS seen_at ON seen (at)",
            "CREATE TABLE IF NOT EXISTS contexts (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
            "expires_at DOUBLE PRECISION NOT NULL)",
            "CREATE INDEX IF NOT EXISTS contexts_expires ON contexts (expires_at)",
        ),
        sqlite=(
            "CREATE TABLE IF NOT EXISTS unanswered_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at DOUBLE PRECISION NOT NULL, "
            "kind TEXT NOT NULL, question TEXT NOT NULL, intent TEXT NOT NULL, reason TEXT NOT NULL, "
            "record_ids TEXT NOT NULL, user_hash TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS unanswered_log_at ON unanswered_log (at)",
        ),
        postgresql=(
            "CREATE TABLE IF NOT EXISTS unanswered_log (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            "at DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL, question TEXT NOT NULL, "
            "intent TEXT NOT NULL, reason TEXT NOT NULL, record_ids TEXT NOT NULL, user_hash TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS unanswered_log_at ON unanswered_log (at)",
        ),
    ),
)
LATEST = MIGRATIONS[-1].version
_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS renkei_schema (version INTEGER NOT NULL)"


def current_version(cur: Cursor) -> int:
    """The applied version; 0 for an empty store. Call inside a transaction that created the table."""
    cur.execute(_VERSION_TABLE)
    cur.execute("SELECT MAX(version) FROM renkei_schema")
    row = cur.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


_EXISTS = {
    "sqlite": "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'renkei_schema'",
    "postgresql": "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'renkei_schema' "
    "AND schemaname = current_schema()",
}


def read_version(cur: Cursor, backend: Backend) -> int:
    """The applied version, creating nothing (for `renkei-bot state check`)."""
    cur.execute(_EXISTS[backend])
    row = cur.fetchone()
    if not row or not row[0]:
        return 0
    cur.execute("SELECT MAX(version) FROM renkei_schema")
    row = cur.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def apply(cur: Cursor, backend: Backend) -> int:
    """Apply what is missing, in order, inside the caller's locked transaction. Returns the version."""
    version = current_version(cur)
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        for statement in migration.statements(backend):
            cur.execute(statement)
        cur.execute("DELETE FROM renkei_schema")
        cur.execute("INSERT INTO renkei_schema (version) VALUES (?)", (migration.version,))
        version = migration.version
    return version
