"""The one facade the adapters (CLI, Slack, scheduler) use. Knows nothing of Slack.

INTERFACE STUB — the engine is being built; the signatures are the contract.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from renkei_bot.answers.model import Answer
from renkei_bot.store import Store


class Engine:
    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path) -> Engine:
        return cls(Store.load(data_dir))

    def ask(self, question: str, *, today: date) -> Answer:
        """Any user text → an Answer. Never raises for bad input."""
        raise NotImplementedError

    def summary(self, period: str, *, today: date) -> Answer:
        """`/renkei summary <年|年度|期間>`."""
        raise NotImplementedError

    def partner(self, name: str, *, today: date) -> Answer:
        """`/renkei partner <名前>`: agreement date, members and the events about it."""
        raise NotImplementedError

    def partners(self) -> Answer:
        """`/renkei partners`: the 13 associations."""
        raise NotImplementedError

    def anniversaries(self, day: date) -> Answer:
        """`/renkei today`: 「N年前の今日」 for this month-day."""
        raise NotImplementedError

    def help(self, *, unknown: str | None = None) -> Answer:
        """Help generated from intents/*.yaml; with `unknown`, a 「もしかして」 for a mistyped subcommand."""
        raise NotImplementedError
