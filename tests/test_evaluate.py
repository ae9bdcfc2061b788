from __future__ import annotations

from datetime import date

from renkei_bot.evaluate import Case, check, date_shown


def test_a_date_is_shown_in_either_calendar_and_as_the_end_of_a_range() -> None:
    text = "2019年（平成31年）1月8日～2月14日、2021年（令和3年）11月6日～14日、2015年（平成27年）12月"
    assert date_shown("2019-01-08", text)
    assert date_shown("2019-02-14", text)
    assert date_shown("2021-11-14", text)
    assert date_shown("2015-12", text)
    assert not date_shown("2021-11-15", text)
    assert not date_shown("2016-04-26", text)


def test_a_later_day_of_a_list_of_days_is_shown() -> None:
    text = "2016年（平成28年）11月26日、27日「全国ねぎサミット」"
    assert date_shown("2016-11-26", text)
    assert date_shown("2016-11-27", text)
    assert not date_shown("2016-11-28", text)
    assert not date_shown("2016-12-27", text)


def test_check_reports_what_is_missing() -> None:
    case = Case(
        "x", "q", True, "label", date(2026, 11, 28), {"all": ["北海道"], "any": [["144", "百四十四"]]}
    )
    assert check(case, True, "北海道町村会は144です") == ()
    assert check(case, True, "北海道町村会") == ("none of ['144', '百四十四']",)
    assert check(case, False, "") == (
        "found=False, expected True",
        "missing '北海道'",
        "none of ['144', '百四十四']",
    )
    refused = Case("y", "q", False, "out_of_scope", date(2026, 11, 28))
    assert check(refused, False, "記録にありません") == ()
    assert check(refused, True, "…") == ("found=True, expected False",)
