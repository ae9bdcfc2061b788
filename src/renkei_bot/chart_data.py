"""What the charts show, as plain data: the counts table split into series and total, events per year.

No matplotlib here: the text tables and alt texts are built from the same data as the pictures.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from renkei_bot import wording
from renkei_bot.dates import era_of_year, era_year_text, fiscal_era_text
from renkei_bot.records import CountRow, CountTable, Event

MAX_CATEGORIES = 10  # more colours than this in one stacked bar cannot be told apart
_TOTAL_IDS = ("total", "sum")
_TOTAL_LABELS = ("合計", "合 計")


@dataclass(frozen=True, slots=True)
class CountSeries:
    years: tuple[int, ...]
    series: tuple[CountRow, ...]  # the category rows
    total: CountRow | None  # the deduplicated total: not the sum of the series
    as_of: tuple[int, int]  # (month, day)


@dataclass(frozen=True, slots=True)
class EventCounts:
    years: tuple[int, ...]  # every calendar year from the first to the last, gaps included
    categories: tuple[str, ...]  # most frequent first; wording.CHART_OTHER last when some were merged
    counts: dict[tuple[int, str], int]
    undated: int  # events whose calendar year is not known, left out
    merged: tuple[str, ...] = ()  # the small categories counted under wording.CHART_OTHER

    def count(self, year: int, category: str) -> int:
        return self.counts.get((year, category), 0)

    def year_total(self, year: int) -> int:
        return sum(self.count(year, c) for c in self.categories)


def _is_total(row: CountRow) -> bool:
    return row.id in _TOTAL_IDS or row.label.replace(" ", "").replace("　", "") in _TOTAL_LABELS


def count_series(table: CountTable) -> CountSeries:
    totals = [row for row in table.rows if _is_total(row)]
    try:
        month, day = (int(part) for part in table.as_of.split("-"))
    except ValueError:
        raise ValueError(
            f"counts: as_of {table.as_of!r} is not MM-DD: write it as in data/counts.yaml, e.g. '08-01'"
        ) from None
    return CountSeries(
        years=table.years,
        series=tuple(row for row in table.rows if not _is_total(row)),
        total=totals[0] if totals else None,
        as_of=(month, day),
    )


def event_year(event: Event) -> int | None:
    """The calendar year of an event; an undated one only when both its bounds fall in one year."""
    span = event.date
    if span.start is not None:
        return span.start.year
    if span.after is not None and span.before is not None and span.after.year == span.before.year:
        return span.after.year
    return None


def event_counts(events: Sequence[Event], *, max_categories: int = MAX_CATEGORIES) -> EventCounts:
    """Events per calendar year and category; beyond `max_categories`, the smallest become その他."""
    per_category: Counter[str] = Counter(e.category for e in events if event_year(e) is not None)
    # most_common keeps first-seen order among equals, so ties follow the chronology
    ranked = [c for c, _ in per_category.most_common()]
    merged: tuple[str, ...] = ()
    if len(ranked) > max_categories:
        merged = tuple(ranked[max_categories - 1 :])
        ranked = [c for c in ranked[: max_categories - 1] if c != wording.CHART_OTHER] + [wording.CHART_OTHER]
    counts: Counter[tuple[int, str]] = Counter()
    undated = 0
    for event in events:
        year = event_year(event)
        if year is None:
            undated += 1
            continue
        counts[(year, wording.CHART_OTHER if event.category in merged else event.category)] += 1
    years = tuple(range(min(y for y, _ in counts), max(y for y, _ in counts) + 1)) if counts else ()
    return EventCounts(years, tuple(ranked), dict(counts), undated, merged)


# --- labels -----------------------------------------------------------------------------------
def fiscal_year_label(fy: int) -> str:
    """Both calendars on two lines: 2015年度 / 平成27年度."""
    return f"{fy}年度\n{fiscal_era_text(fy)}"


def year_label(year: int) -> str:
    return f"{year}年\n{era_year_text(*era_of_year(year))}"


def number(value: int | None) -> str:
    return wording.CHART_NO_VALUE if value is None else f"{value:,}"


def flagged(table: CountTable, row_id: str, fy: int) -> bool:
    return any(f.row == row_id and f.fiscal_year == fy for f in table.flags)


# --- text tables ------------------------------------------------------------------------------
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most `width` columns (a kanji is two); Japanese has no spaces to break at."""
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width and line:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return [*lines, line] if line or not lines else lines


def _pad(text: str, width: int, *, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def _grid(head: str, columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    # (1) rather than ①: circled digits are of ambiguous width and would break the alignment
    names = [f"({i + 1})" for i in range(len(columns))]
    first = max(_width(head), *(_width(label) for label, _ in rows)) if rows else _width(head)
    widths = [max(_width(n), *(_width(cells[i]) for _, cells in rows)) for i, n in enumerate(names)]
    lines = [
        "  ".join(
            [
                _pad(head, first, right=False),
                *(_pad(n, w, right=True) for n, w in zip(names, widths, strict=True)),
            ]
        )
    ]
    for label, cells in rows:
        padded = (_pad(c, w, right=True) for c, w in zip(cells, widths, strict=True))
        lines.append("  ".join([_pad(label, first, right=False), *padded]).rstrip())
    lines.append("　".join(f"{n} {c}" for n, c in zip(names, columns, strict=True)))
    return lines


def counts_table_text(table: CountTable) -> str:
    """The counts as a monospace table (years down, rows across), with the notes of the chart."""
    data = count_series(table)
    rows = [*data.series, *([data.total] if data.total else [])]
    columns = [r.label if r is not data.total else wording.CHART_TOTAL_LABEL for r in rows]
    body = [
        (
            f"{fy}年度（{fiscal_era_text(fy)}）",
            [number(r.value(fy)) + ("＊" if flagged(table, r.id, fy) else "") for r in rows],
        )
        for fy in data.years
    ]
    lines = [
        f"{wording.CHART_COUNTS_TITLE}（{wording.chart_as_of(*data.as_of)}）",
        *_grid("年度", columns, body),
    ]
    lines.append(wording.chart_counts_note(*data.as_of))
    by_id = {r.id: r.label for r in table.rows}
    lines += [
        wording.chart_flag_note(by_id.get(f.row, f.row), fiscal_era_text(f.fiscal_year), f.note)
        for f in table.flags
    ]
    return "\n".join(lines)


def events_table_text(events: Sequence[Event]) -> str:
    data = event_counts(events)
    body = [
        (
            f"{year}年（{era_year_text(*era_of_year(year))}）",
            [*(str(data.count(year, c)) for c in data.categories), str(data.year_total(year))],
        )
        for year in data.years
    ]
    columns = [*data.categories, "計"]
    lines = [
        wording.CHART_EVENTS_TITLE,
        *_grid("年", columns, body),
        wording.chart_events_note(data.undated, data.merged),
    ]
    return "\n".join(lines)


# --- alt text ---------------------------------------------------------------------------------
ALT_MAX = 1000  # Slack's limit for a file's alt text


def _clip(text: str) -> str:
    return text if len(text) <= ALT_MAX else text[: ALT_MAX - 1] + "…"


def counts_alt_text(table: CountTable) -> str:
    data = count_series(table)
    if not data.years:
        return _clip(wording.CHART_COUNTS_TITLE)
    first, last = data.years[0], data.years[-1]
    rows = [*([data.total] if data.total else []), *data.series]
    parts = [
        f"{wording.CHART_TOTAL_LABEL if r is data.total else r.label}は"
        + "→".join(number(r.value(fy)) for fy in data.years)
        for r in rows
    ]
    return _clip(
        wording.chart_counts_alt(
            wording.chart_as_of(*data.as_of),
            f"{first}年度（{fiscal_era_text(first)}）",
            f"{last}年度（{fiscal_era_text(last)}）",
            parts,
        )
    )


def events_alt_text(events: Sequence[Event]) -> str:
    data = event_counts(events)
    if not data.years:
        return _clip(wording.CHART_EVENTS_TITLE)
    years = [f"{year}年{data.year_total(year)}件" for year in data.years]
    categories = [f"{c}{sum(data.count(y, c) for y in data.years)}件" for c in data.categories]
    total = sum(data.counts.values())
    return _clip(
        wording.chart_events_alt(f"{data.years[0]}年", f"{data.years[-1]}年", total, years, categories)
    )
