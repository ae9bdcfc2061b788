"""RENKEI_STATE_URL: which backend, where, and how to show it without its password."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from renkei_bot.errors import ConfigError, StateError, StateUnavailable
from renkei_bot.state.base import StateStore

SQLITE_PREFIX = "sqlite:///"
POSTGRES_SCHEMES = ("postgresql", "postgres")


def sqlite_url(path: Path | str) -> str:
    """sqlite:///relative/path or sqlite:////absolute/path (the path follows the third slash)."""
    return f"{SQLITE_PREFIX}{path}"


def mask(url: str) -> str:
    """The URL with any password replaced by ***, in the netloc and in a password= parameter."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable RENKEI_STATE_URL>"
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:***@{hostport}"
    query = urlencode(
        [(k, "***" if k.lower() == "password" else v) for k, v in parse_qsl(parts.query)], safe="*/:"
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def open_state(url: str, *, now: Callable[[], float] = time.time, schema: str | None = None) -> StateStore:
    """The backend for `url`. Nothing is connected yet: call .migrate() (or connect_now for PostgreSQL)."""
    if url.startswith(SQLITE_PREFIX):
        from renkei_bot.state.sqlite import SqliteState

        path = url[len(SQLITE_PREFIX) :]
        if not path:
            raise ConfigError(
                "RENKEI_STATE_URL=sqlite:/// names no file: write sqlite:///path/to/state.sqlite3"
            )
        return SqliteState(path, now=now)
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme in POSTGRES_SCHEMES:
        from renkei_bot.state.postgres import PostgresState  # psycopg only where it is used

        return PostgresState(url, where=mask(url), schema=schema, now=now)
    raise ConfigError(
        f"RENKEI_STATE_URL={mask(url)!r}: use sqlite:///path/to/state.sqlite3 "
        "or postgresql://user@host:5432/dbname"
    )


def connect(url: str, *, now: Callable[[], float] = time.time, schema: str | None = None) -> StateStore:
    """Open the store and bring its schema up to date, as `serve` does at start. An unreachable
    PostgreSQL raises StateError naming the URL (password masked) and the fix."""
    store = open_state(url, now=now, schema=schema)
    try:
        wait = getattr(store, "connect_now", None)
        if wait is not None:
            wait()
        store.migrate()
    except StateUnavailable as exc:
        store.close()
        raise StateError(
            f"state store {exc}. Start PostgreSQL or correct RENKEI_STATE_URL "
            "(unset it to use the SQLite file)."
        ) from None
    return store
