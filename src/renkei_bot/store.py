"""The in-memory store: indexes over the records. It returns records, never formatted strings.

INTERFACE STUB — the method signatures below are the contract other modules code against.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from renkei_bot.records import CountTable, Dataset, Entity, Event, Partner, PartnerTable


class Store:
    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def load(cls, data_dir: Path) -> Store:
        """Load and validate every *.yaml in data_dir (raises DataError naming file, record, field)."""
        raise NotImplementedError

    # --- records ---------------------------------------------------------------------------
    @property
    def events(self) -> Sequence[Event]:
        """All events in chronological order (undated ones placed by their bounds/source order)."""
        raise NotImplementedError

    @property
    def entities(self) -> Sequence[Entity]:
        raise NotImplementedError

    @property
    def partners(self) -> PartnerTable:
        raise NotImplementedError

    @property
    def counts(self) -> CountTable:
        raise NotImplementedError

    def event(self, event_id: str) -> Event:
        raise NotImplementedError

    def entity(self, entity_id: str) -> Entity:
        raise NotImplementedError

    def partner(self, entity_id: str) -> Partner | None:
        raise NotImplementedError

    # --- indexes ---------------------------------------------------------------------------
    def between(self, start: date, end: date) -> list[Event]:
        """Events whose dates overlap [start, end] (inclusive), mentions excluded. Chronological."""
        raise NotImplementedError

    def on_month_day(self, month: int, day: int) -> list[Event]:
        """Day-precision events that START on (or list among their `days`) this month-day, any year."""
        raise NotImplementedError

    def in_fiscal_year(self, fiscal_year: int) -> list[Event]:
        raise NotImplementedError

    def about(self, entity_id: str) -> list[Event]:
        """Events that refer to the entity (directly, or through a child entity whose parent it is)."""
        raise NotImplementedError

    def in_category(self, category: str) -> list[Event]:
        raise NotImplementedError

    def in_series(self, series_id: str) -> list[Event]:
        raise NotImplementedError

    def search(self, phrase: str) -> list[Event]:
        """Events whose normalised title or details contain the normalised phrase. Chronological."""
        raise NotImplementedError

    @property
    def first_date(self) -> date:
        raise NotImplementedError

    @property
    def last_date(self) -> date:
        raise NotImplementedError
