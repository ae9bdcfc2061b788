"""PostgreSQL for the tests: RENKEI_TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test).

Each test gets a schema of its own, dropped afterwards. Without a reachable server the tests skip and
say why, except under CI=true, where a missing server fails the run: CI always exercises PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import psycopg
import pytest

from renkei_bot.state import mask

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
URL = os.environ.get("RENKEI_TEST_DATABASE_URL") or DEFAULT_URL
_reachable: str | None = None  # "" when reachable, the reason otherwise


def require_postgres() -> str:
    """The server's URL; skips (or, under CI=true, fails) when it cannot be reached."""
    global _reachable
    if _reachable is None:
        try:
            psycopg.connect(URL, connect_timeout=3).close()
            _reachable = ""
        except psycopg.Error as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            _reachable = f"PostgreSQL at {mask(URL)} is unreachable ({first}); start it or set RENKEI_TEST_DATABASE_URL"
    if _reachable:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{_reachable}. Under CI=true the PostgreSQL tests must run.")
        pytest.skip(_reachable)
    return URL


def with_schema(url: str, schema: str) -> str:
    """The URL with libpq's options parameter setting search_path, for a subprocess."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-c search_path={schema}')}"


@contextmanager
def fresh_schema() -> Iterator[str]:
    url = require_postgres()
    name = f"renkei_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')
