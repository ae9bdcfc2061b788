"""The in-memory store: indexes over the records. It returns records, never formatted strings.

Every lookup returns a new list in chronological order. That order is by start day; an undated event
sits right after its `after` day (or right before its `before` day), and ties keep file order. A
month-precision event covers its whole month for range queries and sorts at the month's first day.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from renkei_bot.dates import days_in_month, fiscal_year
from renkei_bot.normalize import compact, to_hiragana
from renkei_bot.records import CountTable, Dataset, Entity, Event, Partner, PartnerTable
from renkei_bot.store_index import IntervalIndex, TextIndex

K = TypeVar("K")


def _span(event: Event) -> tuple[date, date] | None:
    """The days an event may cover: its range, or its whole month(s) for month precision."""
    span = event.date
    if span.start is None:
        return None
    last = span.end or span.start
    if span.precision == "month":
        last = last.replace(day=days_in_month(last.year, last.month))
    return span.start, last


def _sort_key(index: int, event: Event) -> tuple[int, int, int]:
    span = event.date
    if span.start is not None:
        return span.start.toordinal(), 0, index
    if span.after is not None:
        return span.after.toordinal(), 1, index  # right after the last event of its 'after' day
    if span.before is not None:
        return span.before.toordinal(), -1, index
    return date.max.toordinal(), 2, index


def _ancestors(entities: Iterable[Entity]) -> dict[str, tuple[str, ...]]:
    """Each entity id → itself and its parents up the chain (a loop, if any, is cut)."""
    parent = {e.id: e.parent for e in entities}
    out: dict[str, tuple[str, ...]] = {}
    for entity_id in parent:
        chain = [entity_id]
        node = parent[entity_id]
        while node is not None and node not in chain:
            chain.append(node)
            node = parent.get(node)
        out[entity_id] = tuple(chain)
    return out


class Store:
    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        order = sorted(range(len(dataset.events)), key=lambda i: _sort_key(i, dataset.events[i]))
        self._events: tuple[Event, ...] = tuple(dataset.events[i] for i in order)
        self._position = {e.id: p for p, e in enumerate(self._events)}
        self._entities = {e.id: e for e in dataset.entities}
        self._partners = {p.id: p for p in dataset.partners.partners}
        self._text: TextIndex | None = None  # built on the first search: the costliest index

        dated: list[tuple[int, int, int]] = []
        bounded: list[tuple[int, int, int]] = []
        month_day: dict[tuple[int, int], list[int]] = defaultdict(list)
        by_fy: dict[int, list[int]] = defaultdict(list)
        by_entity: dict[str, list[int]] = defaultdict(list)
        by_category: dict[str, list[int]] = defaultdict(list)
        by_series: dict[str, list[int]] = defaultdict(list)
        ancestors = _ancestors(dataset.entities)
        firsts: list[date] = []
        lasts: list[date] = []
        for p, event in enumerate(self._events):
            span, bounds = _span(event), event.date
            if span is not None:
                dated.append((span[0].toordinal(), span[1].toordinal(), p))
                firsts.append(span[0])
                lasts.append(span[1])
            elif bounds.after is not None and bounds.before is not None:
                bounded.append((bounds.after.toordinal(), bounds.before.toordinal(), p))
            if bounds.precision == "day" and bounds.start is not None:
                for day in bounds.days or (bounds.start,):
                    month_day[day.month, day.day].append(p)
            fy = self._fiscal_year(event)
            if fy is not None:
                by_fy[fy].append(p)
            related: set[str] = set()
            for ref in (*event.refs, *((event.series,) if event.series else ())):
                related.update(ancestors.get(ref, (ref,)))
            for entity_id in related:
                by_entity[entity_id].append(p)
            by_category[event.category].append(p)
            if event.series is not None:
                by_series[event.series].append(p)
        self._dated = IntervalIndex(dated)
        self._bounded = IntervalIndex(bounded)
        self._month_day = _arrays(month_day)
        self._fiscal = _arrays(by_fy)
        self._entity = _arrays(by_entity)
        self._category = _arrays(by_category)
        self._series = _arrays(by_series)
        self._first = min(firsts, default=None)
        self._last = max(lasts, default=None)

    @classmethod
    def load(
        cls,
        data_dir: Path,
        *,
        cache_dir: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Store:
        """Load and validate every *.yaml in data_dir (raises DataError naming file, record, field)."""
        from renkei_bot.loader import load_dataset  # the parsing code, only when there is no prepared cache

        return cls(load_dataset(data_dir, cache_dir=cache_dir, env=env))

    # --- records ---------------------------------------------------------------------------
    @property
    def events(self) -> Sequence[Event]:
        """All events in chronological order (undated ones placed by their bounds/source order)."""
        return self._events

    @property
    def entities(self) -> Sequence[Entity]:
        return self.dataset.entities

    @property
    def partners(self) -> PartnerTable:
        return self.dataset.partners

    @property
    def counts(self) -> CountTable:
        return self.dataset.counts

    def has_event(self, event_id: str) -> bool:
        return event_id in self._position

    def event(self, event_id: str) -> Event:
        try:
            return self._events[self._position[event_id]]
        except KeyError:
            raise KeyError(f"no event with id {event_id!r}") from None

    def entity(self, entity_id: str) -> Entity:
        try:
            return self._entities[entity_id]
        except KeyError:
            raise KeyError(f"no entity with id {entity_id!r}") from None

    def partner(self, entity_id: str) -> Partner | None:
        return self._partners.get(entity_id)

    def has_entity(self, entity_id: str) -> bool:
        return entity_id in self._entities

    @property
    def positions(self) -> Mapping[str, int]:
        """Each event id's index in `events`."""
        return self._position

    def position(self, event_id: str) -> int:
        """The event's index in `events` (chronological order)."""
        return self._position[event_id]

    # --- indexes ---------------------------------------------------------------------------
    def between(self, start: date, end: date) -> list[Event]:
        """Events whose dates overlap [start, end] (inclusive), mentions excluded. Chronological.

        A month-precision event overlaps when its month does. An undated event is included only
        when its bounds (after…before) lie entirely inside [start, end]: then it surely happened there.
        """
        lo, hi = start.toordinal(), end.toordinal()
        if lo > hi:
            return []
        found = [p for p in self._dated.overlapping(lo, hi) if self._on_listed_day(p, start, end)]
        found.extend(self._bounded.within(lo, hi))
        return self._pick(sorted(found))

    def _on_listed_day(self, position: int, start: date, end: date) -> bool:
        days = self._events[position].date.days
        return not days or any(start <= day <= end for day in days)

    def on_month_day(self, month: int, day: int) -> list[Event]:
        """Day-precision events that START on (or list among their `days`) this month-day, any year."""
        return self._pick(self._month_day.get((month, day), ()))

    def in_fiscal_year(self, fiscal_year: int) -> list[Event]:
        """Events of the 年度, including an undated one whose bounds both fall in it."""
        return self._pick(self._fiscal.get(fiscal_year, ()))

    def about(self, entity_id: str) -> list[Event]:
        """Events that refer to the entity (directly, or through a child entity whose parent it is)."""
        return self._pick(self._entity.get(entity_id, ()))

    def in_category(self, category: str) -> list[Event]:
        return self._pick(self._category.get(category, ()))

    def in_series(self, series_id: str) -> list[Event]:
        return self._pick(self._series.get(series_id, ()))

    def prepare(self) -> None:
        """Build the indexes that are otherwise built on first use (before caching the store)."""
        if self._text is None:
            self._text = TextIndex([_searchable(e) for e in self._events])

    def search(self, phrase: str) -> list[Event]:
        """Events whose normalised title or details contain the normalised phrase. Chronological.

        Title, each detail and the venue are matched separately (compact(): NFKC, no spaces; katakana
        read as hiragana), so a phrase never matches across two of them. An empty phrase finds nothing.
        """
        if self._text is None:
            self.prepare()
        assert self._text is not None
        key = to_hiragana(compact(phrase))  # ネギサミット finds ねぎサミット: kana of either kind
        if "\n" in key:
            return []
        return self._pick(self._text.find(key))

    @property
    def categories(self) -> list[str]:
        """Every category, in order of first appearance in time."""
        return sorted(self._category, key=lambda c: self._category[c][0])

    @property
    def first_date(self) -> date:
        """The earliest start among dated events."""
        if self._first is None:
            raise LookupError("the store has no dated event")
        return self._first

    @property
    def last_date(self) -> date:
        """The latest end among dated events (a month-precision event ends on its month's last day)."""
        if self._last is None:
            raise LookupError("the store has no dated event")
        return self._last

    # --- helpers ---------------------------------------------------------------------------
    def _pick(self, positions: Iterable[int]) -> list[Event]:
        events = self._events
        return [events[p] for p in positions]

    @staticmethod
    def _fiscal_year(event: Event) -> int | None:
        if event.fiscal_year is not None:
            return event.fiscal_year
        after, before = event.date.after, event.date.before
        if after is not None and before is not None and fiscal_year(after) == fiscal_year(before):
            return fiscal_year(after)
        return None


def _arrays(lists: Mapping[K, list[int]]) -> dict[K, array[int]]:
    """Positions as arrays, not lists of ints: the same reads, and the prepared cache reads them back as
    memory copies instead of an int object per position (two million at ×1000)."""
    return {key: array("i", positions) for key, positions in lists.items()}


def _searchable(event: Event) -> str:
    parts = (event.title, *event.details, *((event.venue,) if event.venue else ()))
    return to_hiragana("\n".join(compact(part) for part in parts))
