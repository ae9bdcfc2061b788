"""Conversation contexts and the log in memory: for a process that keeps nothing (the bolt app
built without a state store, tests). The same methods as the state store's."""

from __future__ import annotations

import threading

from renkei_bot.state import LogRow
from renkei_bot.state.base import DAY_SECONDS


class MemoryStore:
    """The same methods in memory, for one process that keeps nothing (the console chat, tests)."""

    def __init__(self) -> None:
        self._contexts: dict[str, tuple[str, float]] = {}
        self._log: list[LogRow] = []
        self._lock = threading.Lock()

    def save_context(self, key: str, value: str, *, expires_at: float) -> None:
        with self._lock:
            self._contexts[key] = (value, expires_at)

    def load_context(self, key: str, *, now: float) -> str | None:
        with self._lock:
            found = self._contexts.get(key)
        return found[0] if found and found[1] > now else None

    def append_log(self, row: LogRow) -> None:
        with self._lock:
            self._log.append(row)

    def log_since(self, since: float) -> list[LogRow]:
        with self._lock:
            return sorted((r for r in self._log if r.at >= since), key=lambda r: r.at)

    def purge(self, *, now: float, dedupe_seconds: float, log_days: int) -> int:
        with self._lock:
            before = len(self._contexts) + len(self._log)
            self._contexts = {k: v for k, v in self._contexts.items() if v[1] > now}
            self._log = [r for r in self._log if r.at >= now - log_days * DAY_SECONDS]
            return before - len(self._contexts) - len(self._log)
