"""Absolute date expressions: 西暦, 和暦, era initials, 年度, months, days, bare years.

Each finder returns `Atom`s; `renkei_bot.nlu.when` picks non-overlapping ones and joins ranges.
Every regex is linear: bounded repeats, no nested quantifiers.

A year with no era and fewer than three digits is read as an era year, because the document's
counts table writes 年度 that way (27年度 … 元年度, 3年度): 1–10 (and 元) are 令和, 11–31 are 平成.
Such a short year is taken only as 年度 or with a month (28年4月); a bare 3年 is more often a
duration than a year, so it is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Literal

from renkei_bot.dates import (
    ERA_INITIALS,
    ERA_NAMES,
    ERAS,
    era_first_year,
    era_to_year,
    era_year_days,
    fiscal_year_bounds,
    month_end,
)
from renkei_bot.nlu.kanjinum import KANJI_DIGITS, KANJI_UNITS, NUMBER, to_int
from renkei_bot.nlu.periods import AnniversaryAsk, Period

AtomKind = Literal["abs", "month_day", "day_only", "relative"]


@dataclass(frozen=True, slots=True)
class Atom:
    period: Period
    kind: AtomKind
    anniversary: AnniversaryAsk | None = None


@cache
def compiled(source: str) -> re.Pattern[str]:
    """A date pattern, compiled on its first use rather than at import: with their classes of kanji
    numerals the finders' patterns take about 2.5 ms to compile, and only a text holding a numeral
    (NUMERALS) or a date asks for them."""
    return re.compile(source)


_NOT_IN_NUMBER = f"(?<![0-9{KANJI_DIGITS}{KANJI_UNITS}])"
_ERA = "明治|大正|昭和|平成|令和"
# after 年: not a duration or an age (3年前, 2年間, 5年目, 10年ぶり), not a name (2018年版); 前半/後半 are fine
_YEAR_STOP = "(?!前(?!半)|間|目|ぶり|後(?!半)|生|来|越|版|以上|未満)"
_DAY_STOP = "(?!間|目|ぶり|前|後|だけ|ほど|限り|[市町村場])"  # 十日町市, 四日市 are places; 1日だけ a length
_MONTH_STOP = "(?!間|目|ぶり)"
_MONTH_DAY = rf"(?:\s?(?P<m>{NUMBER})\s?月{_MONTH_STOP}(?:\s?(?P<d>{NUMBER})\s?日{_DAY_STOP})?)"

_JAPANESE = (
    rf"{_NOT_IN_NUMBER}(?:(?P<era>{_ERA})\s?)?(?P<y>元|{NUMBER})\s?年(?:(?P<fy>度)|{_MONTH_DAY}|{_YEAR_STOP})"
)
_INITIAL = (
    r"(?<![A-Za-z0-9])(?P<ei>[MTSHR])\s?(?P<y>元|[0-9]{1,2})"
    rf"(?:(?P<fy>年度)|年{_MONTH_DAY}?|[./-](?P<m2>[0-9]{{1,2}})(?:[./-](?P<d2>[0-9]{{1,2}}))?)?"
    r"(?![0-9A-Za-z])"
)
_NUMERIC = r"(?<![0-9./-])(?P<y>[0-9]{4})(?P<sep>[./-])(?P<m>[0-9]{1,2})(?:(?P=sep)(?P<d>[0-9]{1,2}))?(?![0-9]|[./-][0-9])"
_MONTH_DAY_ONLY = rf"{_NOT_IN_NUMBER}{_MONTH_DAY}"
_SLASH_MONTH_DAY = r"(?<![0-9./A-Za-z-])(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})(?![0-9]|[./][0-9])"
_DAY_ONLY = rf"(?<![0-9{KANJI_DIGITS}{KANJI_UNITS}/])(?P<d>{NUMBER})\s?日{_DAY_STOP}"
_COUNTERS = "回|件|自治体|団体|階|人|号|名|個|円|万|億|社|校|部|枚|冊|本|台|歳|才|%|ヶ|か所|箇所|位|番|点|票|店|年|月|日"
_BARE_YEAR = (
    rf"(?<![0-9.,/:])(?P<y>(?:19|20)[0-9]{{2}})(?P<ban>年版)?(?![0-9]|[.,/:][0-9]|\s?(?:{_COUNTERS}))"
)


def _era_year(era: str | None, raw: str, *, today: date) -> tuple[int, str | None] | None:
    """The western year of a year as written, and the era it was written in."""
    value = to_int(raw)
    if value is None:
        return None
    if era is not None:
        return (era_to_year(era, value), era) if value >= 1 else None
    if 1000 <= value <= 9999 and raw != "元":
        return value, None
    if raw == "元" or 1 <= value <= 10:
        return era_to_year("令和", value), "令和"
    if 11 <= value <= 31:
        return era_to_year("平成", value), "平成"
    return None


def any_year_anchor(today: date, month: int, day: int | None) -> int:
    """The year in which an any-year month-day is placed: today's, or the last leap year for 2月29日."""
    year = today.year
    if month == 2 and day == 29:
        while not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            year -= 1
    return year


def period_for(
    year: int | None, month: int | None, day: int | None, *, today: date, text: str, begin: int
) -> tuple[Period, AtomKind]:
    """A year, a month, a day, or (year None) a month-day in any year. Raises ValueError if invalid."""
    stop = begin + len(text)
    if year is None:
        if month is None:
            raise ValueError("a month-day needs a month")
        anchor = any_year_anchor(today, month, day)
        start = date(anchor, month, day or 1)
        end = start if day else month_end(anchor, month)
        return Period(start, end, "month_day", text, begin, stop, month, day, any_year=True), "month_day"
    if month is None:
        return Period(date(year, 1, 1), date(year, 12, 31), "year", text, begin, stop), "abs"
    if day is None:
        return Period(date(year, month, 1), month_end(year, month), "month", text, begin, stop), "abs"
    return Period(date(year, month, day), date(year, month, day), "day", text, begin, stop), "abs"


def _fiscal(fy: int, text: str, begin: int) -> Period:
    start, end = fiscal_year_bounds(fy)
    return Period(start, end, "fiscal_year", text, begin, begin + len(text))


def _optional_int(raw: str | None) -> int | None:
    return None if raw is None else to_int(raw)


def _japanese(text: str, today: date) -> list[Atom]:
    atoms: list[Atom] = []
    for match in compiled(_JAPANESE).finditer(text):
        era, raw = match["era"], match["y"]
        short = era is None and (raw == "元" or (to_int(raw) or 0) < 100)
        if short and not (match["fy"] or match["m"]):
            continue
        try:
            resolved = _era_year(era, raw, today=today)
            if resolved is None:
                continue
            year, era_named = resolved
            if match["fy"]:
                period = _fiscal(year, match[0], match.start())
            else:
                month, day = _optional_int(match["m"]), _optional_int(match["d"])
                period, _ = period_for(year, month, day, today=today, text=match[0], begin=match.start())
        except ValueError:
            continue
        atoms.append(Atom(_with_era(period, era_named if era else None), "abs"))
    return atoms


def _with_era(period: Period, era: str | None) -> Period:
    """A period said in an era; a whole era year is that era's days of it (平成31年: January to April)."""
    if era is None:
        return period
    if period.grain == "year" and era in ERA_NAMES:
        start, end = era_year_days(era, period.start.year - era_first_year(era) + 1)
        return replace(period, era=era, start=start, end=end)
    return replace(period, era=era)


def _initials(text: str, today: date) -> list[Atom]:
    atoms: list[Atom] = []
    for match in compiled(_INITIAL).finditer(text):
        era = ERA_INITIALS[match["ei"]]
        bare = not (match["fy"] or match[0].endswith("年") or match["m"] or match["m2"])
        if bare and era not in ("平成", "令和"):
            continue  # M1, S3, T5 are more often model names than years
        try:
            resolved = _era_year(era, match["y"], today=today)
            if resolved is None:
                continue
            year = resolved[0]
            if match["fy"]:
                period = _fiscal(year, match[0], match.start())
            else:
                month = _optional_int(match["m"] or match["m2"])
                day = _optional_int(match["d"] or match["d2"])
                period, _ = period_for(year, month, day, today=today, text=match[0], begin=match.start())
        except ValueError:
            continue
        atoms.append(Atom(replace(_with_era(period, era), labelled=bare), "abs"))
    return atoms


def _numeric(text: str, today: date) -> list[Atom]:
    atoms: list[Atom] = []
    for match in compiled(_NUMERIC).finditer(text):
        if match["d"] is None and match["sep"] == ".":
            continue  # 2016.4 is more often a version than a month
        try:
            period, _ = period_for(
                int(match["y"]),
                int(match["m"]),
                _optional_int(match["d"]),
                today=today,
                text=match[0],
                begin=match.start(),
            )
        except ValueError:
            continue
        atoms.append(Atom(period, "abs"))
    return atoms


def _month_days(text: str, today: date) -> list[Atom]:
    atoms: list[Atom] = []
    for source in (_MONTH_DAY_ONLY, _SLASH_MONTH_DAY):
        for match in compiled(source).finditer(text):
            try:
                month, day = to_int(match["m"]), _optional_int(match["d"])
                if month is None:
                    continue
                period, kind = period_for(None, month, day, today=today, text=match[0], begin=match.start())
            except ValueError:
                continue
            atoms.append(Atom(period, kind))
    for match in compiled(_DAY_ONLY).finditer(text):
        # a day with no month: this month's day; a range or a month before it gives it another month
        day = to_int(match["d"])
        try:
            period, _ = period_for(
                today.year, today.month, day, today=today, text=match[0], begin=match.start()
            )
        except (ValueError, TypeError):
            continue
        atoms.append(Atom(period, "day_only"))
    return atoms


def _bare_years(text: str) -> list[Atom]:
    atoms: list[Atom] = []
    for match in compiled(_BARE_YEAR).finditer(text):
        year, begin = int(match["y"]), match.start()
        before = text[begin - 1] if begin else ""
        if before == " " and begin >= 2:
            before = text[begin - 2]
        attached = bool(match["ban"]) or before.isalnum()
        period = Period(
            date(year, 1, 1), date(year, 12, 31), "year", match[0], begin, match.end(), attached=attached
        )
        atoms.append(Atom(period, "abs"))
    return atoms


# 「令和に入ってから」「平成のうちに」: an era named alone, not 令和2年 / 令和元年度
_BARE_ERA = re.compile(rf"(?P<era>{'|'.join(ERA_NAMES)})(?=に入|になって|の間|のうち|中|以降|から|期)")


def _bare_eras(text: str) -> list[Atom]:
    atoms: list[Atom] = []
    for match in _BARE_ERA.finditer(text):
        era = match["era"]
        index = ERA_NAMES.index(era)
        first = ERAS[index][1]
        last = ERAS[index - 1][1] - timedelta(days=1) if index else date.max
        period = Period(first, last, "range", match[0], match.start(), match.end(), era=era)
        atoms.append(Atom(period, "abs"))
    return atoms


# What every finder but _bare_eras needs: a number (ASCII or kanji), or 元 (元年, R元)
NUMERALS = re.compile(f"[0-9{KANJI_DIGITS}{KANJI_UNITS}元]")


def absolute_atoms(text: str, *, today: date) -> list[Atom]:
    if not NUMERALS.search(text):
        return _bare_eras(text)  # the others find nothing: one search instead of seven
    return [
        *_japanese(text, today),
        *_initials(text, today),
        *_numeric(text, today),
        *_month_days(text, today),
        *_bare_years(text),
        *_bare_eras(text),
    ]
