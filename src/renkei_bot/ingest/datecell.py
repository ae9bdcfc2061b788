"""The date cell of a chronology row → its dates.

Forms found in the source: 9月16日, 5月30、31日, 6月2日、3日, 11月18～23日, 8月21日～ 9月29日,
10月14日～ 18日, 令和3年 1月 (a month), 同日 (the previous row's date), an empty cell (no date),
and (1) 10月7日 (2) 10月6日 ～14日 (two dates, two events). A year header (平成28年, 令和元年)
may open the cell; it sets the year of this row and of the rows that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from renkei_bot.dates import ERA_NAMES, era_to_year
from renkei_bot.ingest.clean import flat

Kind = Literal["day", "month", "same", "none"]

SAME_DAY = "同日"
_HEADER = re.compile(rf"^({'|'.join(ERA_NAMES)})(\d{{1,2}}|元)年\s*")
_NUMBER = re.compile(r"\((\d{1,2})\)\s*")
_MONTH = re.compile(r"(\d{1,2})月")
_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_RANGE = re.compile(r"(\d{1,2})月(\d{1,2})日?\s*～\s*(?:(\d{1,2})月\s*)?(\d{1,2})日")
_LIST = re.compile(r"(\d{1,2})月(\d{1,2})日?((?:\s*[、,]\s*\d{1,2}日?)+)")


@dataclass(frozen=True, slots=True)
class CellDate:
    """One date of a cell. `label` is the (n) of a numbered date, else None."""

    text: str
    kind: Kind
    start: date | None = None
    end: date | None = None
    days: tuple[date, ...] = ()
    label: int | None = None


class DateCellError(ValueError):
    """The cell could not be read; the message says what was expected."""


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateCellError(f"{month}月{day}日 is not a day of {year}") from exc


def _part(text: str, year: int | None, label: int | None) -> CellDate:
    if year is None:
        raise DateCellError(f"the date {text!r} has no year: no year header (平成26年 …) before it")
    if m := _MONTH.fullmatch(text):
        month = int(m[1])
        return CellDate(text=text, kind="month", start=_day(year, month, 1), label=label)
    if m := _DAY.fullmatch(text):
        return CellDate(text=text, kind="day", start=_day(year, int(m[1]), int(m[2])), label=label)
    if m := _RANGE.fullmatch(text):
        start = _day(year, int(m[1]), int(m[2]))
        end = _day(year, int(m[3] or m[1]), int(m[4]))
        if end < start:  # 12月28日～1月5日 ends in the next year
            end = _day(year + 1, end.month, end.day)
        return CellDate(text=text, kind="day", start=start, end=end, label=label)
    if (m := _LIST.fullmatch(text)) and text.endswith("日"):
        month = int(m[1])
        days = (int(m[2]), *(int(d) for d in re.findall(r"\d{1,2}", m[3])))
        parsed = tuple(_day(year, month, d) for d in days)
        if list(parsed) != sorted(set(parsed)):
            raise DateCellError(f"the days of {text!r} are not in order")
        return CellDate(text=text, kind="day", start=parsed[0], end=parsed[-1], days=parsed, label=label)
    raise DateCellError(
        f"cannot read the date {text!r}: expected 9月16日, 5月30、31日, 11月18～23日, 8月21日～9月29日 or 1月"
    )


def parse_date_cell(cell: str, year: int | None) -> tuple[int | None, tuple[CellDate, ...]]:
    """(the year in force after this cell, the cell's dates). Raises DateCellError."""
    text = flat(cell)
    if not text:
        return year, (CellDate(text="", kind="none"),)
    if text == SAME_DAY:
        return year, (CellDate(text=text, kind="same"),)
    if m := _HEADER.match(text):
        year = era_to_year(m[1], 1 if m[2] == "元" else int(m[2]))
        rest = text[m.end() :]
        if not rest:
            raise DateCellError(f"the year header {text!r} has no date after it")
    else:
        rest = text
    pieces = _NUMBER.split(rest)
    if len(pieces) == 1:
        part = _part(rest.strip(), year, None)
        return year, (CellDate(text=text, kind=part.kind, start=part.start, end=part.end, days=part.days),)
    if pieces[0].strip():
        raise DateCellError(f"text before the first numbered date in {text!r}")
    labels = [int(n) for n in pieces[1::2]]
    if labels != list(range(1, len(labels) + 1)):
        raise DateCellError(f"the numbered dates of {text!r} are not (1), (2), …")
    parts = tuple(_part(p.strip(), year, n) for n, p in zip(labels, pieces[2::2], strict=True))
    return year, parts
