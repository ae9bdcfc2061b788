"""What the bot shares between its processes: one interface (base.py), SQLite or PostgreSQL behind it."""

from __future__ import annotations

from renkei_bot.state.base import LogRow, SchemaStatus, StateStore
from renkei_bot.state.url import connect, mask, open_state, sqlite_url

__all__ = ["LogRow", "SchemaStatus", "StateStore", "connect", "mask", "open_state", "sqlite_url"]
