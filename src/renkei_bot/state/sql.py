"""The operations of the state interface, written once in the SQL both backends understand.

A backend supplies `_transaction()`: a cursor inside one transaction (committed when the block ends,
rolled back on an exception) whose `execute` takes `?` placeholders. Every write is one statement
whose effect is decided by the database, so two replicas racing each other cannot both win:
INSERT … ON CONFLICT DO NOTHING for the first sighting of an event and for a fresh claim, and an
UPDATE whose WHERE holds only while the lease of another owner has run out.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime

from renkei_bot.state.base import DAY_SECONDS, LogRow, day_key
from renkei_bot.state.migrations import Cursor


class SqlState:
    def __init__(self, *, now: Callable[[], float] = time.time) -> None:
        self._now = now

    def _transaction(self) -> AbstractContextManager[Cursor]:
        raise NotImplementedError

    # --- event dedupe -----------------------------------------------------------------------
    def first_seen(self, keys: Sequence[str], *, now: float) -> bool:
        fresh = True
        with self._transaction() as cur:
            for key in sorted(set(keys)):  # one order for every replica: no deadlock between two
                cur.execute(
                    "INSERT INTO seen (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", (key, now)
                )
                fresh = fresh and cur.rowcount == 1
        return fresh

    # --- the daily-post ledger ----------------------------------------------------------------
    def claim(self, channel: str, day: date | str, owner: str, *, lease_seconds: float = 300.0) -> bool:
        now = self._now()
        key = (channel, day_key(day))
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO posts (channel, date, owner, lease_until) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (channel, date) DO NOTHING",
                (*key, owner, now + lease_seconds),
            )
            if cur.rowcount == 1:
                return True
            cur.execute(
                "UPDATE posts SET owner = ?, lease_until = ? WHERE channel = ? AND date = ? AND ts IS NULL "
                "AND (owner = ? OR owner IS NULL OR lease_until IS NULL OR lease_until <= ?)",
                (owner, now + lease_seconds, *key, owner, now),
            )
            return cur.rowcount == 1

    def release(self, channel: str, day: date | str, owner: str) -> None:
        """Give a claim back after a failed post, so the next run need not wait for the lease."""
        with self._transaction() as cur:
            cur.execute(
                "DELETE FROM posts WHERE channel = ? AND date = ? AND owner = ? AND ts IS NULL",
                (channel, day_key(day), owner),
            )

    def record(self, channel: str, day: date | str, ts: str) -> None:
        """Record the message that was posted (with or without a claim before it)."""
        posted_at = datetime.fromtimestamp(self._now(), UTC).isoformat(timespec="seconds")
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO posts (channel, date, ts, posted_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (channel, date) DO UPDATE SET ts = excluded.ts, "
                "posted_at = excluded.posted_at, lease_until = NULL",
                (channel, day_key(day), ts, posted_at),
            )

    def forget(self, channel: str, day: date | str) -> None:
        """Drop the row of (channel, day): an operator's way to allow a post again."""
        with self._transaction() as cur:
            cur.execute("DELETE FROM posts WHERE channel = ? AND date = ?", (channel, day_key(day)))

    def posted(self, channel: str, day: date | str) -> str | None:
        with self._transaction() as cur:
            cur.execute("SELECT ts FROM posts WHERE channel = ? AND date = ?", (channel, day_key(day)))
            row = cur.fetchone()
        return None if row is None or row[0] is None else str(row[0])

    # --- conversation context and the log ---------------------------------------------------
    def save_context(self, key: str, value: str, *, expires_at: float) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO contexts (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) "
                "DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
                (key, value, expires_at),
            )

    def load_context(self, key: str, *, now: float) -> str | None:
        with self._transaction() as cur:
            cur.execute("SELECT value FROM contexts WHERE key = ? AND expires_at > ?", (key, now))
            row = cur.fetchone()
        return None if row is None else str(row[0])

    def append_log(self, row: LogRow) -> None:
        with self._transaction() as cur:
            cur.execute(
                "INSERT INTO unanswered_log (at, kind, question, intent, reason, record_ids, user_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    row.at,
                    row.kind,
                    row.question,
                    row.intent,
                    row.reason,
                    json.dumps(list(row.record_ids), ensure_ascii=False),
                    row.user_hash,
                ),
            )

    def log_since(self, since: float) -> list[LogRow]:
        with self._transaction() as cur:
            cur.execute(
                "SELECT at, kind, question, intent, reason, record_ids, user_hash FROM unanswered_log "
                "WHERE at >= ? ORDER BY at, id",
                (since,),
            )
            rows = cur.fetchall()
        return [
            LogRow(float(at), str(kind), str(q), str(intent), str(reason), _ids(str(ids)), str(user))
            for at, kind, q, intent, reason, ids, user in rows
        ]

    def purge(self, *, now: float, dedupe_seconds: float, log_days: int) -> int:
        """Delete dedupe keys older than `dedupe_seconds`, expired context and log rows past `log_days`."""
        deleted = 0
        with self._transaction() as cur:
            for sql, limit in (
                ("DELETE FROM seen WHERE at < ?", now - dedupe_seconds),
                ("DELETE FROM contexts WHERE expires_at <= ?", now),
                ("DELETE FROM unanswered_log WHERE at < ?", now - log_days * DAY_SECONDS),
            ):
                cur.execute(sql, (limit,))
                deleted += max(0, cur.rowcount)
        return deleted


def _ids(text: str) -> tuple[str, ...]:
    """A JSON list; rows of the interim store of development builds kept them space-separated."""
    return tuple(json.loads(text)) if text.startswith("[") else tuple(text.split())
