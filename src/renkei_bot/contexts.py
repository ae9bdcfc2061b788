"""Conversation contexts by key: the Turn of the last answer, kept until it expires.

The key names the conversation (a Slack thread, a DM channel); the adapter chooses it and how long
it lasts. A key saved without a Turn (the last answer found nothing) still marks a conversation
the bot takes part in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from renkei_bot.outage import Outage
from renkei_bot.turn import Turn

MEMBER = "{}"  # saved for a conversation whose last answer left nothing to refer to


class ContextStore(Protocol):
    def save_context(self, key: str, value: str, *, expires_at: float) -> None: ...

    def load_context(self, key: str, *, now: float) -> str | None: ...


class Contexts:
    def __init__(
        self, store: ContextStore, *, now: Callable[[], float], outage: Outage | None = None
    ) -> None:
        self.store = store
        self._now = now
        # The store out of reach (a PostgreSQL outage): questions are answered on their own meanwhile.
        self._outage = outage or Outage("conversation context")

    def _raw(self, key: str) -> str | None:
        return self._outage.call(lambda: self.store.load_context(key, now=self._now()), None)

    def load(self, key: str) -> Turn | None:
        return Turn.from_json(self._raw(key))

    def takes_part(self, key: str) -> bool:
        """Whether the bot answered in this conversation (and it has not expired)."""
        return self._raw(key) is not None

    def save(self, key: str, turn: Turn | None, *, ttl: float) -> None:
        value = turn.to_json() if turn is not None else MEMBER
        self._outage.call(lambda: self.store.save_context(key, value, expires_at=self._now() + ttl), None)
