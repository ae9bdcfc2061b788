"""「N年前の今日」: which recorded events fall on a month-day, and the Answer that says so.

Pure: a store and a day in, records and an Answer out. The daily post (renkei_bot.daily) and the
engine (`/renkei today`) both call this, so they show the same content.

Rules: only day-precision dates count (undated and month-only records are never used for a day);
an event spanning several days counts only on its first day; a list of days (5月30、31日) counts
on the first day of each run of consecutive days; the event's own year (0年前) and later years
are not anniversaries. An event of 2月29日 is remembered on 2月28日 in common years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from renkei_bot import wording
from renkei_bot.answers.lines import brief
from renkei_bot.answers.model import Answer, Line
from renkei_bot.dates import format_date, format_span, is_leap
from renkei_bot.records import Event

ROUND_EVERY = 5  # 5, 10, 15 … years are called out


class EventSource(Protocol):
    """What this module needs of renkei_bot.store.Store."""

    @property
    def events(self) -> Sequence[Event]: ...

    def on_month_day(self, month: int, day: int) -> list[Event]: ...


@dataclass(frozen=True, slots=True)
class Anniversary:
    event: Event
    years_ago: int
    on: date  # the day it happened: the start, or the first day of a run in `days`

    @property
    def round(self) -> bool:
        return self.years_ago > 0 and self.years_ago % ROUND_EVERY == 0


def first_days(event: Event) -> tuple[date, ...]:
    """The days an event is remembered on: its first day, or the first day of each run of `days`."""
    span = event.date
    if span.precision != "day" or span.start is None:
        return ()
    if not span.days:
        return (span.start,)
    ordered = sorted(set(span.days))
    firsts = [d for i, d in enumerate(ordered) if i == 0 or ordered[i - 1] != d - timedelta(days=1)]
    return tuple(firsts)


def _month_days(day: date) -> list[tuple[int, int]]:
    wanted = [(day.month, day.day)]
    if day.month == 2 and day.day == 28 and not is_leap(day.year):
        wanted.append((2, 29))
    return wanted


def anniversaries_on(store: EventSource, day: date) -> list[Anniversary]:
    """Events that happened on this month-day in an earlier year, oldest first."""
    wanted = _month_days(day)
    found: dict[str, Anniversary] = {}
    for month, dom in wanted:
        for event in store.on_month_day(month, dom):
            for on in first_days(event):
                if (on.month, on.day) in wanted and on.year < day.year and event.id not in found:
                    found[event.id] = Anniversary(event=event, years_ago=day.year - on.year, on=on)
    return sorted(found.values(), key=lambda a: a.on)  # stable: the store's order within a day


def upcoming(store: EventSource, day: date, *, within_days: int = 7) -> tuple[date, list[Anniversary]] | None:
    """The nearest later day (at most `within_days` ahead) that has anniversaries."""
    for ahead in range(1, within_days + 1):
        if day > date.max - timedelta(days=ahead):
            return None  # 9999-12-31 has no later day
        later = day + timedelta(days=ahead)
        found = anniversaries_on(store, later)
        if found:
            return later, found
    return None


def month_anniversaries(store: EventSource, year: int, month: int) -> list[Anniversary]:
    """「N年前の今月」: day- and month-precision events that began in this month of an earlier year."""
    found: list[Anniversary] = []
    for event in store.events:
        span = event.date
        if span.start is None or span.precision == "unknown":
            continue
        days = first_days(event) if span.precision == "day" else (span.start,)
        on = next((d for d in days if d.month == month and d.year < year), None)
        if on is not None:
            found.append(Anniversary(event=event, years_ago=year - on.year, on=on))
    return sorted(found, key=lambda a: a.on)  # stable: the store's order within a day


def _when(anniversary: Anniversary) -> str:
    span = anniversary.event.date
    if span.precision == "month":
        return format_date(anniversary.on, "month")
    if anniversary.on == span.start and not span.days:
        return format_span(span)  # 2017年（平成29年）8月21日～9月29日
    return format_date(anniversary.on)


def _source(anniversary: Anniversary) -> str | None:
    lines = anniversary.event.lines
    return f"L{lines[0]}" if lines else None


def _lines(found: Sequence[Anniversary], label: str) -> tuple[Line, ...]:
    return tuple(
        Line(
            wording.anniversary_line(a.years_ago, label, _when(a), brief(a.event), round_=a.round),
            source=_source(a),
        )
        for a in found
    )


def _sources(found: Sequence[Anniversary]) -> tuple[str, ...]:
    out: list[str] = []
    for a in found:
        where = f"（{_source(a)}）" if _source(a) else ""
        out.append(f"{_when(a)}「{a.event.title}」{where}")
    return tuple(out)


def _answer(
    found: Sequence[Anniversary], *, question: str, intent: str, title: str, summary: str, label: str
) -> Answer:
    return Answer(
        question=question,
        intent=intent,
        found=True,
        summary=summary,
        title=title,
        lines=_lines(found, label),
        sources=_sources(found),
        dates=tuple(a.on.isoformat() for a in found),
        record_ids=tuple(a.event.id for a in found),
    )


def anniversary_answer(
    store: EventSource, day: date, *, question: str = "", intent: str = "anniversary"
) -> Answer:
    """`/renkei today` and the daily post: 「N年前の今日」 for `day`, or found=False with a hint."""
    found = anniversaries_on(store, day)
    if not found:
        nearest = upcoming(store, day)
        notes: tuple[str, ...] = ()
        if nearest is not None:
            later = nearest[0]
            notes = (wording.upcoming_note((later - day).days, later.month, later.day),)
        return Answer(
            question=question,
            intent=intent,
            found=False,
            summary=wording.no_anniversary(day.month, day.day),
            title=wording.anniversary_title(day.month, day.day),
            notes=notes,
        )
    return _answer(
        found,
        question=question,
        intent=intent,
        title=wording.anniversary_title(day.month, day.day),
        summary=wording.anniversary_summary(day.month, day.day, len(found)),
        label="今日",
    )


def upcoming_answer(
    store: EventSource,
    day: date,
    *,
    within_days: int = 7,
    question: str = "",
    intent: str = "anniversary",
) -> Answer | None:
    """For an empty day: the nearest upcoming anniversary within `within_days`, said as such."""
    nearest = upcoming(store, day, within_days=within_days)
    if nearest is None:
        return None
    later, found = nearest
    return _answer(
        found,
        question=question,
        intent=intent,
        title=wording.upcoming_title(later.month, later.day),
        summary=wording.upcoming_summary(day.month, day.day, (later - day).days, later.month, later.day),
        label=f"{later.month}月{later.day}日",
    )


def month_answer(
    store: EventSource, year: int, month: int, *, question: str = "", intent: str = "anniversary"
) -> Answer:
    """「N年前の今月」."""
    found = month_anniversaries(store, year, month)
    if not found:
        return Answer(
            question=question, intent=intent, found=False, summary=wording.no_month_anniversary(month)
        )
    return _answer(
        found,
        question=question,
        intent=intent,
        title=wording.month_anniversary_title(month),
        summary=wording.month_anniversary_summary(month, len(found)),
        label="今月",
    )
