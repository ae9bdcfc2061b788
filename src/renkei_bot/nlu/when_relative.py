"""Relative date words, resolved against an explicit `today` (never the real clock).

Weeks start on Monday. 先週末 is the Saturday and Sunday just before this week's Monday.
今ごろ / この時期 is the window of today's month-day ±7 days, in any year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from renkei_bot.dates import fiscal_year, fiscal_year_bounds, month_end
from renkei_bot.nlu.kanjinum import KANJI_DIGITS, KANJI_UNITS, NUMBER, to_int
from renkei_bot.nlu.periods import (
    AnniversaryAsk,
    Grain,
    Period,
    shift_months,
    shift_years,
    week_monday,
)
from renkei_bot.nlu.when_atoms import NUMERALS, Atom, any_year_anchor, compiled

_Bounds = tuple[date, date, Grain]
SEASON_DAYS = 7  # 「今ごろ」: a week either side of the day


def _day(today: date, offset: int) -> _Bounds:
    day = today + timedelta(days=offset)
    return day, day, "day"


def _month(today: date, offset: int) -> _Bounds:
    first = shift_months(today.replace(day=1), offset)
    return first, month_end(first.year, first.month), "month"


def _year(today: date, offset: int) -> _Bounds:
    year = today.year + offset
    return date(year, 1, 1), date(year, 12, 31), "year"


def _fiscal(today: date, offset: int) -> _Bounds:
    start, end = fiscal_year_bounds(fiscal_year(today) + offset)
    return start, end, "fiscal_year"


def _week(today: date, offset: int) -> _Bounds:
    monday = week_monday(today) + timedelta(weeks=offset)
    return monday, monday + timedelta(days=6), "range"


def _weekend(today: date, offset: int) -> _Bounds:
    saturday = week_monday(today) + timedelta(weeks=offset, days=5)
    return saturday, saturday + timedelta(days=1), "range"


_Rule = Callable[[date], _Bounds]


def _rule(kind: Callable[[date, int], _Bounds], offset: int) -> _Rule:
    return lambda today: kind(today, offset)


_WORDS: dict[str, _Rule] = {
    **dict.fromkeys(("今日", "本日"), _rule(_day, 0)),
    **dict.fromkeys(("昨日", "きのう"), _rule(_day, -1)),
    **dict.fromkeys(("一昨日", "おととい"), _rule(_day, -2)),
    **dict.fromkeys(("明日", "あした"), _rule(_day, 1)),
    **dict.fromkeys(("明後日", "あさって"), _rule(_day, 2)),
    **dict.fromkeys(("今月", "本月"), _rule(_month, 0)),
    "先月": _rule(_month, -1),
    "先々月": _rule(_month, -2),
    "来月": _rule(_month, 1),
    **dict.fromkeys(("今年", "本年", "ことし"), _rule(_year, 0)),
    **dict.fromkeys(("去年", "昨年"), _rule(_year, -1)),
    **dict.fromkeys(("一昨年", "おととし"), _rule(_year, -2)),
    "来年": _rule(_year, 1),
    "再来年": _rule(_year, 2),
    **dict.fromkeys(("今年度", "本年度"), _rule(_fiscal, 0)),
    **dict.fromkeys(("昨年度", "前年度"), _rule(_fiscal, -1)),
    "一昨年度": _rule(_fiscal, -2),
    **dict.fromkeys(("来年度", "次年度", "翌年度"), _rule(_fiscal, 1)),
    "今週": _rule(_week, 0),
    "先週": _rule(_week, -1),
    "先々週": _rule(_week, -2),
    "来週": _rule(_week, 1),
    "今週末": _rule(_weekend, 0),
    "先週末": _rule(_weekend, -1),
    "来週末": _rule(_weekend, 1),
}
_TODAY_WORDS = frozenset({"今日", "本日"})
_THIS_MONTH_WORDS = frozenset({"今月", "本月"})
_EVERY_YEAR_WORDS = ("毎年この日", "毎年今日", "毎年の今日", "毎年同じ日")
_SEASON_WORDS = ("今ごろ", "今頃", "いまごろ", "この時期", "今の時期", "例年この時期", "毎年この時期")

_ALTERNATIVES = sorted((*_WORDS, *_EVERY_YEAR_WORDS, *_SEASON_WORDS), key=len, reverse=True)
_FIXED = re.compile("|".join(_ALTERNATIVES))
_AGO = (
    rf"(?<![0-9{KANJI_DIGITS}{KANJI_UNITS}])(?P<n>{NUMBER})\s?(?P<unit>年度|年|か月|ヶ月|ヵ月|カ月|ケ月|箇月|日)前(?!半)"
    r"(?:の(?P<ref>今日|本日|この日|同じ日|今月|この月|明日|あした|昨日|きのう))?"
)
_REF_DAYS = {"明日": 1, "あした": 1, "昨日": -1, "きのう": -1}  # 「11年前の明日」: tomorrow, N years back


def _ago(match: re.Match[str], today: date) -> Atom | None:
    n = to_int(match["n"])
    if n is None:
        return None
    unit, ref, text, begin = match["unit"], match["ref"], match[0], match.start()
    stop = match.end()
    if unit == "日":
        day = today - timedelta(days=n)
        return Atom(Period(day, day, "day", text, begin, stop), "relative")
    if unit == "年度":  # 「5年度前」: the 年度 that many before today's
        start, end, grain = _fiscal(today, -n)
        return Atom(Period(start, end, grain, text, begin, stop), "relative")
    if unit != "年":
        first = shift_months(today.replace(day=1), -n)
        return Atom(Period(first, month_end(first.year, first.month), "month", text, begin, stop), "relative")
    if ref in ("今月", "この月"):
        first = shift_years(today.replace(day=1), -n)
        period = Period(first, month_end(first.year, first.month), "month", text, begin, stop)
        return Atom(period, "relative", AnniversaryAsk("month", today.month, None, n, first))
    if ref is not None:
        day = shift_years(today + timedelta(days=_REF_DAYS.get(ref, 0)), -n)
        return Atom(
            Period(day, day, "day", text, begin, stop),
            "relative",
            AnniversaryAsk("day", day.month, day.day, n, day),
        )
    year = today.year - n
    return Atom(Period(date(year, 1, 1), date(year, 12, 31), "year", text, begin, stop), "relative")


def _fixed(word: str, today: date, begin: int) -> Atom:
    stop = begin + len(word)
    if word in _EVERY_YEAR_WORDS:
        anchor = date(any_year_anchor(today, today.month, today.day), today.month, today.day)
        period = Period(anchor, anchor, "month_day", word, begin, stop, today.month, today.day, any_year=True)
        return Atom(period, "relative", AnniversaryAsk("day", today.month, today.day, None, today))
    if word in _SEASON_WORDS:
        start, end = today - timedelta(days=SEASON_DAYS), today + timedelta(days=SEASON_DAYS)
        period = Period(start, end, "range", word, begin, stop, any_year=True)
        return Atom(period, "relative", AnniversaryAsk("season", today.month, today.day, None, today))
    start, end, grain = _WORDS[word](today)
    period = Period(start, end, grain, word, begin, stop)
    anniversary = None
    if word in _TODAY_WORDS:
        anniversary = AnniversaryAsk("day", today.month, today.day, None, today)
    elif word in _THIS_MONTH_WORDS:
        anniversary = AnniversaryAsk("month", today.month, None, None, today.replace(day=1))
    return Atom(period, "relative", anniversary)


def relative_atoms(text: str, *, today: date) -> list[Atom]:
    atoms: list[Atom] = []
    for match in compiled(_AGO).finditer(text) if NUMERALS.search(text) else ():  # 3年前 needs a number
        try:
            atom = _ago(match, today)
        except (ValueError, OverflowError):
            continue  # 3000年前: before year 1
        if atom is not None:
            atoms.append(atom)
    for match in _FIXED.finditer(text):
        try:
            atoms.append(_fixed(match[0], today, match.start()))
        except (ValueError, OverflowError):
            continue  # 来年 when today is 9999-12-31
    return atoms
