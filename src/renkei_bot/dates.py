"""和暦・西暦・年度: calendar facts and how dates are shown.

A 年度 runs from 1 April to 31 March and is named by the year in which its April falls.
Dates are shown in both calendars: 2016年（平成28年）4月26日.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from renkei_bot.records import DateSpan

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without the calendar module (and locale): a cold start
    without bytecode caches compiled it for these two lines (about 6 ms)."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    return 29 if month == 2 and is_leap(year) else _MONTH_DAYS[month - 1]


def month_end(year: int, month: int) -> date:
    """The last day of a month: the one month-end helper."""
    return date(year, month, days_in_month(year, month))


# (era name, first day, romaji initial). Newest first, so the first era whose start <= day wins.
ERAS: tuple[tuple[str, date, str], ...] = (
    ("令和", date(2019, 5, 1), "R"),
    ("平成", date(1989, 1, 8), "H"),
    ("昭和", date(1926, 12, 25), "S"),
    ("大正", date(1912, 7, 30), "T"),
    # 明治 was proclaimed on 1868-10-23 and applied to the whole of that year: 明治元年 is all of 1868
    ("明治", date(1868, 1, 1), "M"),
)
ERA_NAMES: tuple[str, ...] = tuple(name for name, _, _ in ERAS)
ERA_INITIALS: dict[str, str] = {initial: name for name, _, initial in ERAS}


def whole_months(start: date, end: date) -> int:
    """The whole months from `start` to `end` (2014-09-16 → 2016-04-26: 19); negative when end is before."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and end.day < start.day:
        return months - 1
    if months < 0 and end.day > start.day:
        return months + 1
    return months


def era_first_year(era: str) -> int:
    for name, start, _ in ERAS:
        if name == era:
            return start.year
    raise ValueError(f"unknown era {era!r}: expected one of {', '.join(ERA_NAMES)}")


def date_words() -> tuple[str, ...]:
    """The date grammar's own words, for the speller (がんねんど → 元年度, れいわ → 令和)."""
    eras = [name for name, _, _ in ERAS]
    return (*eras, *(f"{era}元年" for era in eras), "元年", "元年度", "年度", "上半期", "下半期")


def era_to_year(era: str, year: int) -> int:
    """平成28 → 2016. 元年 is year 1."""
    if year < 1:
        raise ValueError(f"{era}{year}年 is not a year: era years start at 1 (元年)")
    return era_first_year(era) + year - 1


def era_year_days(era: str, year: int) -> tuple[date, date]:
    """The days of one era year: 平成31年 is 2019-01-01..04-30, 令和元年 2019-05-01..12-31."""
    western = era_to_year(era, year)
    first, last = date(western, 1, 1), date(western, 12, 31)
    for i, (name, start, _) in enumerate(ERAS):
        if name == era:
            following = ERAS[i - 1][1] if i > 0 else None
            first = max(first, start)
            if following is not None and following.year == western:
                last = following - timedelta(days=1)
    return first, last


def era_of(day: date) -> tuple[str, int]:
    for name, start, _ in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day.isoformat()} is before 明治")


def era_year_text(era: str, year: int) -> str:
    return f"{era}{'元' if year == 1 else year}年"


def wareki_year(day: date) -> str:
    """The era year of a day: 2019-04-30 → 平成31年, 2019-05-01 → 令和元年."""
    return era_year_text(*era_of(day))


def _both(year: int, era_text: str | None) -> str:
    # before 明治 there is no era name to show: the Western year alone, never an error
    return f"{year}年（{era_text}）" if era_text else f"{year}年"


def _has_era(day: date) -> bool:
    return day >= ERAS[-1][1]


def era_of_year(year: int) -> tuple[str, int]:
    """The era a calendar year is usually named by: the era in force at its end (2019 → 令和元年)."""
    return era_of(date(year, 12, 31))


def fiscal_year(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    return date(fy, 4, 1), date(fy + 1, 3, 31)


def fiscal_era_text(fy: int) -> str:
    """年度 in 和暦: 2019 → 令和元年度 (平成31年度 is the same 年度, renamed in May 2019)."""
    era, year = era_of_year(fy)
    return f"{era}{'元' if year == 1 else year}年度"


def format_fiscal_year(fy: int) -> str:
    """2016 → 2016年度（平成28年度）."""
    if fy < ERAS[-1][1].year:
        return f"{fy}年度"
    return f"{fy}年度（{fiscal_era_text(fy)}）"


def format_year(year: int) -> str:
    day = date(year, 12, 31)
    return _both(year, wareki_year(day) if _has_era(day) else None)


def format_date(day: date, precision: str = "day") -> str:
    """2016-04-26 → 2016年（平成28年）4月26日; with precision "month": 2021年（令和3年）1月."""
    return _format_date(day, precision)


@lru_cache(maxsize=4096)  # the records' dates, written by every answer that cites them
def _format_date(day: date, precision: str) -> str:
    head = _both(day.year, wareki_year(day) if _has_era(day) else None)
    if precision == "month":
        return f"{head}{day.month}月"
    return f"{head}{day.month}月{day.day}日"


def _tail(start: date, end: date) -> str:
    """The end of a range, without repeating what it shares with the start."""
    if end.year != start.year:
        return format_date(end)
    if end.month != start.month:
        return f"{end.month}月{end.day}日"
    return f"{end.day}日"


def format_span(span: DateSpan) -> str:
    """A DateSpan in both calendars. An unknown date says so and never guesses one."""
    if span.start is None:
        return "日付の記載なし"
    if span.precision == "month":
        return format_date(span.start, "month")
    if span.days and len(span.days) > 1:
        first = span.days[0]
        rest = "、".join(_tail(prev, day) for prev, day in zip(span.days, span.days[1:], strict=False))
        return f"{format_date(first)}、{rest}"
    if span.end and span.end != span.start:
        return f"{format_date(span.start)}～{_tail(span.start, span.end)}"
    return format_date(span.start)


def format_period(start: date, end: date, grain: str, text: str) -> str:
    """A period as answers show it: a day, a month, a year or a 年度 in both calendars; anything else
    (a range, a season, 今ごろ) as the question wrote it."""
    if grain == "day" and start == end:
        return format_date(start)
    if grain == "month":
        return format_date(start, "month")
    if grain == "year":
        return format_year(start.year)
    if grain == "fiscal_year":
        return format_fiscal_year(start.year)
    return text


def first_unit_end(start: date, grain: str | None = None) -> date:
    """「今年度から始まった」: an open range from a fiscal year, a year, a month or a day means begun in
    that unit; its end, by the grain the range opens from (`grain`), else from where it starts
    (4月1日 a fiscal year, 1月1日 a year, else a month)."""
    if grain == "day":
        return start  # 「4月1日からスタートした」: that day
    if grain in ("month", "month_day"):
        return month_end(start.year, start.month)
    if grain == "year":
        return date(start.year, 12, 31)
    if (start.month, start.day) == (4, 1):
        return date(start.year + 1, 3, 31)
    if (start.month, start.day) == (1, 1):
        return date(start.year, 12, 31)
    return month_end(start.year, start.month)
