"""Events files: parsed YAML → Event records, each field checked (see data/README.md)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from renkei_bot.dates import fiscal_year
from renkei_bot.loader.fields import Problems, Reader, not_a_day, parse_day, parse_month
from renkei_bot.records import DateSpan, Event, Mention, Precision

EVENT_FIELDS = (
    "id",
    "date",
    "fiscal_year",
    "title",
    "category",
    "series",
    "ordinal",
    "venue",
    "details",
    "mentions",
    "refs",
    "lines",
    "corrections",
)
DATE_FIELDS = ("text", "precision", "start", "end", "days", "after", "before")
PRECISIONS: tuple[Precision, ...] = ("day", "month", "unknown")


def record_label(kind: str, item: Mapping[object, object], index: int) -> str:
    """event 'ev-20160426-1', or event #3 (the 3rd in its list) when it has no usable id."""
    ident = item.get("id")
    if isinstance(ident, str) and ident.strip():
        return f"{kind} '{ident}'"
    return f"{kind} #{index + 1}"


def parse_events(problems: Problems, where: str, items: list[object], invalid: set[str]) -> list[Event]:
    """The valid events; the ids of invalid ones go to `invalid`."""
    events: list[Event] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.add(f"{where}: events[{index}] is not a mapping of fields (id, date, title, …)")
            continue
        reader = Reader(problems, f"{where}: {record_label('event', item, index)}", item)
        event = _event(reader)
        if event is not None:
            events.append(event)
        elif (ident := reader.record_id()) is not None:
            invalid.add(ident)
    return events


def _event(r: Reader) -> Event | None:
    r.only(EVENT_FIELDS)
    ident = r.ident("id")
    raw_date = r.mapping("date")
    span = _span(Reader(r.problems, r.where, raw_date, prefix="date.")) if raw_date is not None else None
    fy = _fiscal_year(r, span)
    title = r.text("title")
    category = r.text("category")
    series = r.ident("series", required=False)
    ordinal = r.integer("ordinal", required=False, minimum=1)
    venue = r.text("venue", required=False)
    details = r.strings("details")
    mentions = _mentions(r)
    refs = r.strings("refs", ids=True)
    lines = _lines(r)
    corrections = r.strings("corrections", ids=True)
    if not r.ok or ident is None or span is None or title is None or category is None:
        return None
    return Event(
        id=ident,
        date=span,
        fiscal_year=fy,
        title=title,
        category=category,
        details=details,
        series=series,
        ordinal=ordinal,
        venue=venue,
        mentions=mentions,
        refs=refs,
        lines=lines,
        corrections=corrections,
    )


def _span(r: Reader) -> DateSpan | None:
    r.only(DATE_FIELDS)
    text = r.text("text", nonempty=False)
    precision = r.text("precision")
    if precision is not None and precision not in PRECISIONS:
        r.fail(f"date.precision '{precision}' is not one of {', '.join(PRECISIONS)}")
        return None
    if precision is None or text is None:
        return None
    start = _bound(r, "start", precision)
    end = _bound(r, "end", precision)
    days = _days(r, precision)
    after = r.day("after", label="date.after", required=False)
    before = r.day("before", label="date.before", required=False)
    if precision == "unknown":
        if r.data.get("start") is not None or end is not None or days:
            r.fail(
                "date.start/end/days are set but date.precision is unknown; set the precision or remove them"
            )
        if after and before and after > before:
            r.fail(f"date.after '{after}' is later than date.before '{before}'; swap them")
    else:
        if r.data.get("start") is None:
            r.fail(f"field 'date.start' is missing; a {precision}-precision date needs it")
        if after is not None or before is not None:
            r.fail("date.after/before are only for precision unknown; remove them")
        if start and end and end < start:
            r.fail(
                f"date.end '{r.data.get('end')}' is before the start '{r.data.get('start')}'; fix one of them"
            )
        if start and days and not all(start <= d <= (end or start) for d in days):
            r.fail("date.days fall outside date.start…date.end; make start the first day and end the last")
    if not r.ok:
        return None
    return DateSpan(
        start=start,
        precision=precision,
        text=text,
        end=end,
        days=days,
        after=after,
        before=before,
    )


def _bound(r: Reader, key: str, precision: str) -> date | None:
    value = r.data.get(key)
    if value is None or precision == "unknown":
        return None
    label = "date" if key == "start" else f"date.{key}"
    if precision == "month":
        parsed = parse_month(value)
        if parsed is None:
            r.fail(f"{label} {_quoted(value)} is not YYYY-MM (date.precision is month)")
        return parsed
    parsed = parse_day(value)
    if parsed is None:
        r.fail(f"{label} {_quoted(value)} {not_a_day(value)}")
    return parsed


def _days(r: Reader, precision: str) -> tuple[date, ...]:
    raw = r.sequence("days")
    if raw and precision != "day":
        r.fail("date.days is only for precision day; remove it")
        return ()
    days: list[date] = []
    for i, value in enumerate(raw):
        parsed = parse_day(value)
        if parsed is None:
            r.fail(f"date.days[{i}] {_quoted(value)} {not_a_day(value)}")
        else:
            days.append(parsed)
    if days != sorted(set(days)):
        r.fail("date.days are not in order or repeat a day; list each day once, earliest first")
    return tuple(days)


def _fiscal_year(r: Reader, span: DateSpan | None) -> int | None:
    fy = r.integer("fiscal_year", required=False)
    if span is None or (fy is None and r.data.get("fiscal_year") is not None):
        return fy  # no date to compare with, or a wrong type (already reported)
    if span.start is not None:
        expected = fiscal_year(span.start)
        if fy is None:
            r.fail(f"field 'fiscal_year' is missing; for {span.start:%Y-%m-%d} it is {expected}")
        elif fy != expected:
            r.fail(
                f"fiscal_year {fy} does not match the date {span.start:%Y-%m-%d}, which falls in "
                f"fiscal year {expected} (April–March); set it to {expected}"
            )
    elif fy is not None:
        low = fiscal_year(span.after) if span.after else None
        high = fiscal_year(span.before) if span.before else None
        if (low is not None and fy < low) or (high is not None and fy > high):
            r.fail(f"fiscal_year {fy} is outside the bounds date.after/date.before; fix it or set it to null")
    return fy


def _mentions(r: Reader) -> tuple[Mention, ...]:
    out: list[Mention] = []
    for i, item in enumerate(r.sequence("mentions")):
        if not isinstance(item, dict):
            r.fail(f"mentions[{i}] is not a mapping {{date: 'YYYY-MM-DD', text: …}}")
            continue
        m = Reader(r.problems, r.where, item, prefix=f"mentions[{i}].")
        m.only(("date", "text"))
        day = m.day("date")
        text = m.text("text")
        if day is not None and text is not None:
            out.append(Mention(date=day, text=text))
    return tuple(out)


def _lines(r: Reader) -> tuple[int, ...]:
    out: list[int] = []
    for i, value in enumerate(r.sequence("lines")):
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            out.append(value)
        else:
            r.fail(f"lines[{i}] {value!r} is not a line number (1 or more)")
    return tuple(out)


def _quoted(value: object) -> str:
    return f"'{value.isoformat()}'" if isinstance(value, date) else f"'{value}'"
