"""Dates mentioned inside a row (→5/20提出, 第3回 東京開催(3/23), 平成29年8月21日(月)) → Mentions.

A month/day without a year takes the row's year, except that an earlier month of January to
March in a row from April on belongs to the same 年度, so to the next calendar year: the 3/23 of
a 平成28年10月 row is 2017-03-23. Dates written with their era or year are taken as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from renkei_bot.dates import ERA_NAMES, era_to_year
from renkei_bot.records import Mention

_WRITTEN = re.compile(
    rf"(?:(?:({'|'.join(ERA_NAMES)})(\d{{1,2}}|元)|(\d{{4}}))年)?(\d{{1,2}})月(\d{{1,2}})日"
    r"((?:\([月火水木金土日]\))?(?:・\d{1,2}日(?:\([月火水木金土日]\))?)*)"
)
_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_MORE_DAYS = re.compile(r"・(\d{1,2})日")


def _year(month: int, row: date) -> int:
    if month < row.month and month <= 3 and row.month >= 4:
        return row.year + 1
    return row.year


def _context(text: str, start: int, end: int, token: str) -> str:
    """The innermost parenthesis around the date when it says more than the date; else the piece."""
    open_at = text.rfind("(", 0, start)
    close_at = text.find(")", end)
    if open_at != -1 and close_at != -1 and ")" not in text[open_at:start]:
        inner = text[open_at + 1 : close_at].strip()
        if inner and inner != token and "(" not in inner:
            return inner
    return text


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_mentions(pieces: Iterable[str], row: date | None) -> tuple[Mention, ...]:
    """Every date mentioned in the pieces, in order. `row` is the row's date (None if unknown)."""
    found: list[Mention] = []
    for piece in pieces:
        hits: list[tuple[int, date, str]] = []
        for m in _WRITTEN.finditer(piece):
            month, day = int(m[4]), int(m[5])
            if m[1]:
                year: int | None = era_to_year(m[1], 1 if m[2] == "元" else int(m[2]))
            elif m[3]:
                year = int(m[3])
            else:
                year = _year(month, row) if row else None
            if year is None:
                continue
            text = _context(piece, m.start(), m.end(), m[0])
            for d in (day, *(int(x) for x in _MORE_DAYS.findall(m[6]))):
                if (when := _safe(year, month, d)) is not None:
                    hits.append((m.start(), when, text))
        for m in _SLASH.finditer(piece):
            month, day = int(m[1]), int(m[2])
            if row is None or (when := _safe(_year(month, row), month, day)) is None:
                continue
            hits.append((m.start(), when, _context(piece, m.start(), m.end(), m[0])))
        found.extend(Mention(date=when, text=text) for _, when, text in sorted(hits, key=lambda h: h[0]))
    return tuple(found)
