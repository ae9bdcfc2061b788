"""How one record is cited: an event as a dated line with its source line numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import overload

from renkei_bot.answers.model import Line
from renkei_bot.dates import format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Entity, Event

KEYED = re.compile(r"^[・\s]*(?:[0-9０-９]+[.)）]\s*|[①-⑳]\s*)?([^:：]{1,12}?)\s*[:：]\s*(.+)$")


def line_ref(lines: Sequence[int]) -> str:
    if not lines:
        return ""
    if len(lines) == 1 or lines[-1] == lines[0]:
        return f"L{lines[0]}"
    return f"L{lines[0]}-L{lines[-1]}"


def keyed_details(event: Event) -> tuple[tuple[str, str], ...]:
    """Details written as 「key：value」 (テーマ：…, 会場：…), as (key, value) pairs."""
    return _keyed(event.details)


@lru_cache(maxsize=16_384)  # a record's details never change: read once, not by every answer citing it
def _keyed(details: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for detail in details:
        m = KEYED.match(detail)
        if m:
            pairs.append((m.group(1).strip(), m.group(2).strip()))
    return tuple(pairs)


def detail_value(event: Event, *keys: str) -> str | None:
    for key, value in keyed_details(event):
        if any(k in key for k in keys):
            return value
    return None


GENERIC_TITLE = 10  # a title this short (区長会総会) says little: the first detail goes with it


def headline(event: Event, named: Sequence[str] = ()) -> str:
    """The title, with what makes it specific: the theme, or the detail of a bare meeting name that
    names what the question names (`named`: 「平成30年7月豪雨」への支援金拠出を確認), else its first."""
    theme = detail_value(event, "テーマ")
    if theme and theme not in event.title:
        return f"{event.title}（テーマ: {theme}）"
    if len(event.title) <= GENERIC_TITLE and event.details:
        first = next((d for d in named if d in event.details), event.details[0]).lstrip("・ ")
        return f"{event.title}: {first}"
    return event.title


BRIEF_TITLE = 20  # a list line adds the first details to a title this short (北海道町村会との連携(第1弾))
BRIEF_MAX = 110


def brief(event: Event) -> str:
    """One list line's worth of an event: its title, and what its first details say when the title is short."""
    theme = detail_value(event, "テーマ")
    if (theme and theme not in event.title) or len(event.title) > BRIEF_TITLE or not event.details:
        return headline(event)
    more = "／".join(d.lstrip("・ ") for d in event.details[:2])
    text = f"{event.title}: {more}"
    return text if len(text) <= BRIEF_MAX else text[: BRIEF_MAX - 1] + "…"


def record_text(event: Event) -> str:
    """All a record writes (title, venue, details) as one compact string: whether it writes a word."""
    return compact(" ".join((event.title, event.venue or "", *event.details)))


def event_line(event: Event, *, prefix: str = "") -> Line:
    return Line(f"{prefix}{format_span(event.date)}　{brief(event)}", source=line_ref(event.lines))


def record_lines(event: Event, first: Sequence[str] = ()) -> tuple[Line, ...]:
    """One record: its line, then every detail (those in `first` before the rest)."""
    details = [*first, *(d for d in event.details if d not in first)]
    return (event_line(event), *(Line(f"　{d.lstrip('・ ')}", source=line_ref(event.lines)) for d in details))


def event_lines(events: Iterable[Event], *, full: bool = False) -> tuple[Line, ...]:
    """A line per event; with full, each followed by all its details (for a short list)."""
    out: list[Line] = []
    for event in events:
        if not full:
            out.append(event_line(event))
            continue
        out.append(Line(f"{format_span(event.date)}　{headline(event)}", source=line_ref(event.lines)))
        if full:
            out.extend(Line(f"　{d.lstrip('・ ')}", source=line_ref(event.lines)) for d in event.details)
    return tuple(out)


def cite(event: Event) -> str:
    """A source citation: 2016年（平成28年）4月26日「…」（L43）."""
    title = event.title if len(event.title) <= 40 else event.title[:39] + "…"
    return f"{format_span(event.date)}「{title}」（{line_ref(event.lines)}）"


def iso_dates(events: Iterable[Event]) -> tuple[str, ...]:
    out: dict[str, None] = {}  # distinct, in order
    for e in events:
        span = e.date
        start = span.start
        if start is not None:
            out[start.strftime("%Y-%m") if span.precision == "month" else start.isoformat()] = None
    return tuple(out)


class EventLines(Sequence[Line]):
    """A line per event, each built when first read: an answer about thousands of records (a month in
    every year of a large corpus) renders one page of them, and builds only that page."""

    def __init__(
        self, events: Iterable[Event], *, before: Iterable[Line] = (), after: Iterable[Line] = ()
    ) -> None:
        """`before` and `after`: lines already made, shown around the events' (an answer's own facts
        first, a record or two 「ほかに」 last)."""
        self._events = tuple(events)
        self._before = tuple(before)
        self._after = tuple(after)
        self._built: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self._before) + len(self._events) + len(self._after)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Line, ...]: ...

    def __getitem__(self, index: int | slice) -> Line | tuple[Line, ...]:
        if isinstance(index, slice):
            return tuple(self._line(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._line(index)

    def __iter__(self) -> Iterator[Line]:
        return (self._line(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"EventLines({len(self._events)} events, {len(self._before)} lines before, {len(self._after)} after)"

    @property
    def built(self) -> int:
        """How many of the lines have been built so far."""
        return len(self._built)

    def _line(self, index: int) -> Line:
        if index < len(self._before):
            return self._before[index]
        index -= len(self._before)
        if index >= len(self._events):
            return self._after[index - len(self._events)]
        line = self._built.get(index)
        if line is None:
            line = self._built[index] = event_line(self._events[index])
        return line


def names_entity(line: str, entity: Entity, *written: str) -> bool:
    """Whether a line names an entity: by its name, an alias, or as the question `written` it."""
    flat = compact(line)
    return any(compact(k) in flat for k in (*written, entity.name, *entity.aliases) if len(k) >= 2)
