from __future__ import annotations

import calendar
from datetime import date

import pytest

from renkei_bot.dates import (
    days_in_month,
    era_to_year,
    fiscal_era_text,
    fiscal_year,
    format_date,
    format_fiscal_year,
    format_span,
    is_leap,
    wareki_year,
)
from renkei_bot.records import DateSpan


def test_both_calendars() -> None:
    assert format_date(date(2016, 4, 26)) == "2016年（平成28年）4月26日"
    assert format_date(date(2021, 1, 1), "month") == "2021年（令和3年）1月"


@pytest.mark.parametrize(
    ("day", "era"),
    [
        (date(2019, 4, 30), "平成31年"),
        (date(2019, 5, 1), "令和元年"),
        (date(1989, 1, 7), "昭和64年"),
        (date(1989, 1, 8), "平成元年"),
    ],
)
def test_era_edges(day: date, era: str) -> None:
    assert wareki_year(day) == era


def test_era_years() -> None:
    assert era_to_year("平成", 28) == 2016
    assert era_to_year("令和", 1) == 2019
    with pytest.raises(ValueError, match="元年"):
        era_to_year("令和", 0)


def test_fiscal_year_runs_april_to_march() -> None:
    assert fiscal_year(date(2017, 3, 31)) == 2016
    assert fiscal_year(date(2017, 4, 1)) == 2017
    assert format_fiscal_year(2019) == "2019年度（令和元年度）"
    assert fiscal_era_text(2016) == "平成28年度"


def test_spans() -> None:
    span = DateSpan(start=date(2019, 1, 8), end=date(2019, 2, 14), precision="day", text="")
    assert format_span(span) == "2019年（平成31年）1月8日～2月14日"
    days = DateSpan(
        start=date(2015, 5, 30),
        end=date(2015, 5, 31),
        precision="day",
        text="",
        days=(date(2015, 5, 30), date(2015, 5, 31)),
    )
    assert format_span(days) == "2015年（平成27年）5月30日、31日"
    unknown = DateSpan(
        start=None, precision="unknown", text="", after=date(2017, 1, 19), before=date(2017, 1, 27)
    )
    assert "2017" not in format_span(unknown)


def test_days_in_month_and_leap_years_are_the_calendar_modules() -> None:
    for year in (*range(1, 2500), 9999):
        assert is_leap(year) == calendar.isleap(year)
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
    for month in (0, 13):
        with pytest.raises(ValueError, match="bad month number"):
            days_in_month(2026, month)
