"""What every state backend offers: the one interface the bot shares between its processes.

Event dedupe, the daily-post ledger with its lease, conversation context and the log of declined
answers and feedback. SQLite (one host) and PostgreSQL (several replicas) implement it alike; the
contract tests (tests/test_state_contract.py) run against both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

Backend = Literal["sqlite", "postgresql"]
DAY_SECONDS = 86_400.0


@dataclass(frozen=True)
class LogRow:
    at: float
    kind: str  # declined, apology, feedback_down, feedback_up, feedback_reason (unanswered.py)
    question: str
    intent: str
    reason: str
    record_ids: tuple[str, ...]
    user_hash: str


@dataclass(frozen=True)
class SchemaStatus:
    backend: Backend
    where: str  # the URL with its password masked
    version: int
    latest: int

    @property
    def current(self) -> bool:
        return self.version == self.latest


def day_key(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else day


class StateStore(Protocol):
    backend: Backend
    where: str

    # --- schema -----------------------------------------------------------------------------
    def migrate(self) -> SchemaStatus:
        """Apply the migrations not applied yet (under a lock: replicas may start together)."""
        ...

    def status(self) -> SchemaStatus: ...

    def ping(self) -> None:
        """Raise StateUnavailable unless the store answers now."""
        ...

    def close(self) -> None: ...

    # --- event dedupe -----------------------------------------------------------------------
    def first_seen(self, keys: Sequence[str], *, now: float) -> bool:
        """True when none of `keys` was seen before; all of them are remembered either way."""
        ...

    # --- the daily-post ledger ----------------------------------------------------------------
    def claim(self, channel: str, day: date | str, owner: str, *, lease_seconds: float = 300.0) -> bool:
        """Take the right to post (channel, day): False when it is posted or another owner's lease runs."""
        ...

    def release(self, channel: str, day: date | str, owner: str) -> None: ...

    def record(self, channel: str, day: date | str, ts: str) -> None: ...

    def forget(self, channel: str, day: date | str) -> None: ...

    def posted(self, channel: str, day: date | str) -> str | None: ...

    # --- conversation context and the log ---------------------------------------------------
    def save_context(self, key: str, value: str, *, expires_at: float) -> None: ...

    def load_context(self, key: str, *, now: float) -> str | None: ...

    def append_log(self, row: LogRow) -> None: ...

    def log_since(self, since: float) -> list[LogRow]: ...

    def purge(self, *, now: float, dedupe_seconds: float, log_days: int) -> int: ...
