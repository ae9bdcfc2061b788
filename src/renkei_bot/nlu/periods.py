"""What a date expression in a question means: the result types of `renkei_bot.nlu.when`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from renkei_bot.dates import days_in_month

Grain = Literal["day", "month", "year", "fiscal_year", "range", "month_day"]
AnniversaryKind = Literal["day", "month", "season"]


@dataclass(frozen=True, slots=True)
class Period:
    """One date expression found in a question.

    `start`/`end` are inclusive. An open range uses date.min / date.max for its missing side
    (2018年以前 → date.min..2018-12-31; 平成29年以降 → 2017-01-01..date.max).
    `begin`/`stop` are character offsets of `text` in the question (question[begin:stop] == text).
    `any_year` marks a month or month-day with no year (10月, 5月13日, 今ごろ): only the month and day
    count, and `start`/`end` are placed in today's year (in the last leap year for 2月29日).
    `month`/`day` are set for month_day grain (day None for a bare month).
    `attached` marks a bare year glued to a name (東北絆まつり2018, 基本方針2018年版): a year mention,
    but probably part of the name, so it is not stripped from the remainder.
    `era` is the era the question named (平成 for H28.4.26), so a false premise can be noticed.
    `relative` marks a period placed from today (今年, 去年, 今月): a yes/no question searches it,
    it does not state it as a fact to check.
    """

    start: date
    end: date
    grain: Grain
    text: str
    begin: int
    stop: int
    month: int | None = None
    day: int | None = None
    any_year: bool = False
    attached: bool = False
    era: str | None = None
    relative: bool = False
    # 「R2」「H30」 (an era initial and a number, no 年): how the records label a 年度 too (令和2年度
    # 全国連携講演会 of 2021年2月), so the records so labelled are of it as well as that year's
    labelled: bool = False
    # an open range (「4月1日から」「今年度から」): the grain of the period it opens from, so that
    # 「…からスタートした」 means begun that day (or month, or 年度), not any day after
    opened: Grain | None = None

    def covers(self, day: date) -> bool:
        if not self.any_year:
            return self.start <= day <= self.end
        first, last, md = (
            (self.start.month, self.start.day),
            (self.end.month, self.end.day),
            (day.month, day.day),
        )
        if self.end.year > self.start.year:  # a window across New Year (12月～1月)
            return md >= first or md <= last
        return first <= md <= last


@dataclass(frozen=True, slots=True)
class AnniversaryAsk:
    """A question about this day or month in past years (今日は何の日, 5年前の今日, 今月, 今ごろ, 毎年この日).

    `target` is the exact day asked about: today, or N years ago today (2月29日 → 2月28日 in a common
    year), or the first day of the month for kind "month". `years_ago` is None when no N was given.
    """

    kind: AnniversaryKind
    month: int
    day: int | None
    years_ago: int | None
    target: date


@dataclass(frozen=True, slots=True)
class When:
    """Every date expression of a question, in order, and the question without them."""

    spans: tuple[Period, ...]
    anniversary: AnniversaryAsk | None
    remainder: str  # the question with the non-attached date expressions cut out

    @property
    def first(self) -> Period | None:
        return self.spans[0] if self.spans else None


def shift_years(day: date, years: int) -> date:
    """The same day `years` later (negative: earlier); 2月29日 becomes 2月28日 in a common year."""
    year = day.year + years
    return date(year, day.month, min(day.day, days_in_month(year, day.month)))


def shift_months(first: date, months: int) -> date:
    """The first day of the month `months` after the month of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
