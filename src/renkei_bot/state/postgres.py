"""The state in PostgreSQL, shared by every replica: psycopg 3 with a psycopg_pool connection pool.

The pool checks a connection before lending it and reconnects in the background, so a server that
went away and came back is used again without a restart. A call that cannot get a connection within
`timeout` seconds raises StateUnavailable, which callers treat as an outage (slack/dedupe.py
degrades to in-process dedupe; the daily post waits and tries again).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from renkei_bot.errors import StateError, StateUnavailable
from renkei_bot.state.base import Backend, SchemaStatus
from renkei_bot.state.migrations import LATEST, apply, read_version
from renkei_bot.state.sql import SqlState

MIGRATION_LOCK = 0x72656E6B6569  # "renkei": one advisory lock key for every replica's migration
CONNECT_TIMEOUT_SECONDS = 3
POOL_TIMEOUT_SECONDS = 2.0
POOL_MAX = 4  # the answer workers (slack/app.py WORKERS) plus the scheduler

# the pool logs every failed reconnect attempt; the outage is logged once by its users instead
logging.getLogger("psycopg.pool").setLevel(logging.ERROR)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


class _Cursor:
    """A psycopg cursor that takes the `?` placeholders of renkei_bot.state.sql."""

    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> Any:
        return self._cur.execute(sql.replace("?", "%s"), params)

    def fetchone(self) -> Any:
        return self._cur.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall()


class PostgresState(SqlState):
    backend: Backend = "postgresql"

    def __init__(
        self,
        url: str,
        *,
        where: str,
        schema: str | None = None,
        now: Callable[[], float] = time.time,
        timeout: float = POOL_TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(now=now)
        self.where = where
        self._url = url
        kwargs: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
        if schema:
            kwargs["options"] = f"-c search_path={schema}"
        self._kwargs = kwargs
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=POOL_MAX,
            kwargs=kwargs,
            timeout=timeout,
            check=ConnectionPool.check_connection,
            open=False,
            name="renkei-state",
        )
        self._opened = False

    def _open_pool(self) -> None:
        if not self._opened:
            self._pool.open(wait=False)
            self._opened = True

    @contextmanager
    def _transaction(self) -> Iterator[_Cursor]:
        self._open_pool()
        try:
            with self._pool.connection() as conn, conn.transaction(), conn.cursor() as cur:
                yield _Cursor(cur)
        except (PoolTimeout, psycopg.OperationalError) as exc:
            raise StateUnavailable(f"{self.where}: {first_line(exc)}") from None
        except psycopg.Error as exc:
            raise StateError(f"{self.where}: {first_line(exc)}") from None

    def connect_now(self) -> None:
        """Connect once, directly, for the server's own reason when it fails (refused, unknown host,
        no such role): at start an unreachable server is an error, not an outage to ride out."""
        try:
            psycopg.connect(self._url, **self._kwargs).close()
        except psycopg.Error as exc:
            raise StateUnavailable(f"{self.where}: cannot connect ({first_line(exc)})") from None
        self._open_pool()

    def migrate(self) -> SchemaStatus:
        with self._transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            version = apply(cur, self.backend)
        return SchemaStatus(self.backend, self.where, version, LATEST)

    def status(self) -> SchemaStatus:
        with self._transaction() as cur:
            version = read_version(cur, self.backend)
        return SchemaStatus(self.backend, self.where, version, LATEST)

    def ping(self) -> None:
        with self._transaction() as cur:
            cur.execute("SELECT 1")

    def close(self) -> None:
        if self._opened:
            self._pool.close()
            self._opened = False
