from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renkei_bot.nlu.kanjinum import figures_as_digits, to_int
from renkei_bot.nlu.periods import AnniversaryAsk, Period
from renkei_bot.nlu.when import resolve
from renkei_bot.normalize import normalize

TODAY = date(2026, 11, 28)  # a Saturday
D = date.fromisoformat


def only(text: str, today: date = TODAY) -> Period:
    spans = resolve(text, today=today).spans
    assert len(spans) == 1, spans
    return spans[0]


def bounds(text: str) -> tuple[str, str, str]:
    span = only(text)
    return span.grain, span.start.isoformat(), span.end.isoformat()


@pytest.mark.parametrize(
    ("text", "grain", "start", "end"),
    [
        ("2016年", "year", "2016-01-01", "2016-12-31"),
        ("2016年4月", "month", "2016-04-01", "2016-04-30"),
        ("2016年4月26日", "day", "2016-04-26", "2016-04-26"),
        ("2016/4/26", "day", "2016-04-26", "2016-04-26"),
        ("2016-04-26", "day", "2016-04-26", "2016-04-26"),
        ("2016.4.26", "day", "2016-04-26", "2016-04-26"),
        ("2016/4", "month", "2016-04-01", "2016-04-30"),
        ("平成28年4月26日", "day", "2016-04-26", "2016-04-26"),
        ("令和元年", "year", "2019-05-01", "2019-12-31"),  # the era's days of that year
        ("平成31年", "year", "2019-01-01", "2019-04-30"),
        ("明治元年", "year", "1868-01-01", "1868-12-31"),
        ("昭和64年1月7日", "day", "1989-01-07", "1989-01-07"),
        ("平成元年1月8日", "day", "1989-01-08", "1989-01-08"),
        ("H28.4.26", "day", "2016-04-26", "2016-04-26"),
        ("H28/4/26", "day", "2016-04-26", "2016-04-26"),
        ("R3", "year", "2021-01-01", "2021-12-31"),
        ("R1年度", "fiscal_year", "2019-04-01", "2020-03-31"),
        ("H27年度", "fiscal_year", "2015-04-01", "2016-03-31"),
        # era edges: 平成 ends 2019-04-30, 令和 begins 2019-05-01
        ("平成31年4月30日", "day", "2019-04-30", "2019-04-30"),
        ("令和元年5月1日", "day", "2019-05-01", "2019-05-01"),
        ("平成31年4月", "month", "2019-04-01", "2019-04-30"),
        ("令和元年5月", "month", "2019-05-01", "2019-05-31"),
        ("平成31年5月", "month", "2019-05-01", "2019-05-31"),  # invalid but common: still 2019-05
        # 年度 runs April to March
        ("2017年度", "fiscal_year", "2017-04-01", "2018-03-31"),
        ("平成28年度", "fiscal_year", "2016-04-01", "2017-03-31"),
        ("平成31年度", "fiscal_year", "2019-04-01", "2020-03-31"),
        ("令和元年度", "fiscal_year", "2019-04-01", "2020-03-31"),
        ("2019年度", "fiscal_year", "2019-04-01", "2020-03-31"),
        # the counts table's short 年度: 1–10 are 令和, 11–31 are 平成
        ("27年度", "fiscal_year", "2015-04-01", "2016-03-31"),
        ("30年度", "fiscal_year", "2018-04-01", "2019-03-31"),
        ("元年度", "fiscal_year", "2019-04-01", "2020-03-31"),
        ("3年度", "fiscal_year", "2021-04-01", "2022-03-31"),
        # kanji numerals
        ("二〇一六年", "year", "2016-01-01", "2016-12-31"),
        ("二千十六年", "year", "2016-01-01", "2016-12-31"),
        ("平成二十八年", "year", "2016-01-01", "2016-12-31"),
        ("平成二十八年十月二十六日", "day", "2016-10-26", "2016-10-26"),
        ("三年前", "year", "2023-01-01", "2023-12-31"),
        ("二十六日", "day", "2026-11-26", "2026-11-26"),
        # joins and parts
        ("2016年の10月", "month", "2016-10-01", "2016-10-31"),
        ("2016年度の1月", "month", "2017-01-01", "2017-01-31"),
        ("今月26日", "day", "2026-11-26", "2026-11-26"),
        ("2016年前半", "range", "2016-01-01", "2016-06-30"),
        ("2016年度下半期", "range", "2016-10-01", "2017-03-31"),
    ],
)
def test_absolute_expressions(text: str, grain: str, start: str, end: str) -> None:
    assert bounds(text) == (grain, start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2016年4月から2017年3月まで", "2016-04-01", "2017-03-31"),
        ("2016年～2018年", "2016-01-01", "2018-12-31"),
        ("2016-2018", "2016-01-01", "2018-12-31"),
        ("27年度から3年度まで", "2015-04-01", "2022-03-31"),
        ("平成27年度～令和3年度", "2015-04-01", "2022-03-31"),
        ("2016年4月～6月", "2016-04-01", "2016-06-30"),
        ("2016年11月～2月", "2016-11-01", "2017-02-28"),
        ("2016年4月26日～27日", "2016-04-26", "2016-04-27"),
        ("平成29年以降", "2017-01-01", "9999-12-31"),
        ("2018年以前", "0001-01-01", "2018-12-31"),
        ("2016年より前", "0001-01-01", "2015-12-31"),
        ("2018年4月1日から", "2018-04-01", "9999-12-31"),
        ("2019年まで", "0001-01-01", "2019-12-31"),
    ],
)
def test_ranges(text: str, start: str, end: str) -> None:
    span = only(text)
    assert (span.grain, span.start.isoformat(), span.end.isoformat()) == ("range", start, end)
    assert span.text == text


def test_a_range_in_a_sentence_keeps_offsets_and_leaves_the_rest() -> None:
    text = "連携自治体数の合計は27年度から3年度までにどれだけ増えた？"
    when = resolve(text, today=TODAY)
    (span,) = when.spans
    assert text[span.begin : span.stop] == span.text == "27年度から3年度まで"
    assert when.remainder == "連携自治体数の合計はにどれだけ増えた？"


def test_fiscal_year_boundaries() -> None:
    fy2016, fy2017 = only("2016年度"), only("2017年度")
    assert fy2016.covers(D("2017-03-31")) and not fy2017.covers(D("2017-03-31"))
    assert fy2017.covers(D("2017-04-01")) and not fy2016.covers(D("2017-04-01"))


def test_era_is_recorded_for_false_premises() -> None:
    assert only("令和元年4月").era == "令和"  # 2019-04 was still 平成: the engine can say so
    assert only("H28.4.26").era == "平成"
    assert only("2016年4月").era is None


@pytest.mark.parametrize(
    ("text", "grain", "start", "end"),
    [
        ("今日", "day", "2026-11-28", "2026-11-28"),
        ("本日", "day", "2026-11-28", "2026-11-28"),
        ("昨日", "day", "2026-11-27", "2026-11-27"),
        ("一昨日", "day", "2026-11-26", "2026-11-26"),
        ("明日", "day", "2026-11-29", "2026-11-29"),
        ("今月", "month", "2026-11-01", "2026-11-30"),
        ("先月", "month", "2026-10-01", "2026-10-31"),
        ("来月", "month", "2026-12-01", "2026-12-31"),
        ("今年", "year", "2026-01-01", "2026-12-31"),
        ("去年", "year", "2025-01-01", "2025-12-31"),
        ("昨年", "year", "2025-01-01", "2025-12-31"),
        ("一昨年", "year", "2024-01-01", "2024-12-31"),
        ("おととし", "year", "2024-01-01", "2024-12-31"),
        ("来年", "year", "2027-01-01", "2027-12-31"),
        ("今年度", "fiscal_year", "2026-04-01", "2027-03-31"),
        ("昨年度", "fiscal_year", "2025-04-01", "2026-03-31"),
        ("前年度", "fiscal_year", "2025-04-01", "2026-03-31"),
        ("来年度", "fiscal_year", "2027-04-01", "2028-03-31"),
        ("5年前", "year", "2021-01-01", "2021-12-31"),
        ("十年前の今日", "day", "2016-11-28", "2016-11-28"),
        ("10年前の今月", "month", "2016-11-01", "2016-11-30"),
        ("3か月前", "month", "2026-08-01", "2026-08-31"),
        ("先週末", "range", "2026-11-21", "2026-11-22"),
        ("今週末", "range", "2026-11-28", "2026-11-29"),
        ("先週", "range", "2026-11-16", "2026-11-22"),
        ("今週", "range", "2026-11-23", "2026-11-29"),
        ("来週", "range", "2026-11-30", "2026-12-06"),
        ("去年の今日", "day", "2025-11-28", "2025-11-28"),
        ("去年の今ごろ", "range", "2025-11-21", "2025-12-05"),
    ],
)
def test_relative_words(text: str, grain: str, start: str, end: str) -> None:
    assert bounds(text) == (grain, start, end)


def test_fiscal_year_of_today_follows_april() -> None:
    assert only("今年度", today=D("2027-03-31")).start == D("2026-04-01")
    assert only("今年度", today=D("2027-04-01")).start == D("2027-04-01")


def test_last_weekend_on_a_monday_and_a_sunday() -> None:
    assert (only("先週末", today=D("2026-11-30")).start, only("先週末", today=D("2026-11-30")).end) == (
        D("2026-11-28"),
        D("2026-11-29"),
    )
    assert only("先週末", today=D("2026-11-29")).start == D("2026-11-21")


def test_month_and_month_day_without_a_year_match_any_year() -> None:
    october = only("10月")
    assert (october.grain, october.month, october.day, october.any_year) == ("month_day", 10, None, True)
    assert october.covers(D("2016-10-31")) and not october.covers(D("2016-11-01"))
    may13 = only("5月13日")
    assert (may13.grain, may13.month, may13.day, may13.any_year) == ("month_day", 5, 13, True)
    assert may13.covers(D("2018-05-13")) and not may13.covers(D("2018-05-14"))
    assert only("十月").month == 10
    assert only("5/20").day == 20
    leap = only("2月29日")
    assert leap.start == D("2024-02-29") and leap.covers(D("2016-02-29"))
    winter = only("12月～1月")
    assert winter.any_year and winter.covers(D("2017-01-15")) and not winter.covers(D("2017-02-01"))


def test_season_window_is_any_year() -> None:
    when = resolve("今ごろは何があった？", today=TODAY)
    (span,) = when.spans
    assert span.any_year and span.covers(D("2016-12-05")) and not span.covers(D("2016-12-06"))
    assert when.anniversary == AnniversaryAsk("season", 11, 28, None, TODAY)
    assert only("この時期").any_year


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("今日は何の日？", AnniversaryAsk("day", 11, 28, None, D("2026-11-28"))),
        ("5年前の今日は何があった?", AnniversaryAsk("day", 11, 28, 5, D("2021-11-28"))),
        ("10年前の今月は何があった？", AnniversaryAsk("month", 11, None, 10, D("2016-11-01"))),
        ("今月は何があった？", AnniversaryAsk("month", 11, None, None, D("2026-11-01"))),
        ("毎年この日には何がある？", AnniversaryAsk("day", 11, 28, None, D("2026-11-28"))),
        ("5月13日は何の日", AnniversaryAsk("day", 5, 13, None, D("2026-05-13"))),
        ("何の日？", AnniversaryAsk("day", 11, 28, None, D("2026-11-28"))),
    ],
)
def test_anniversary_asks(text: str, ask: AnniversaryAsk) -> None:
    assert resolve(text, today=TODAY).anniversary == ask


def test_years_ago_today_on_a_leap_day() -> None:
    when = resolve("2年前の今日", today=D("2024-02-29"))
    assert when.spans[0].start == D("2022-02-28")
    assert when.anniversary is not None and when.anniversary.years_ago == 2


def test_no_anniversary_for_a_plain_date() -> None:
    assert resolve("2016年4月26日に何があった？", today=TODAY).anniversary is None


@pytest.mark.parametrize(
    "text",
    [
        "27団体",
        "第2回全国連携シンポジウム",
        "372自治体",
        "20階",
        "8/COURT",
        "SDGs",
        "2018人",
        "3年ぶり",
        "2年間",
        "10日間",
        "5年目",
        "十日町市と四日市市",
        "令和0年",
        "M1グランプリ",
        "12.5",
        "version 3.10",
        "2016.4",
        "1000000000年",
        "第十回",
        "一番最後",
        "第一生命",
    ],
)
def test_non_dates(text: str) -> None:
    when = resolve(text, today=TODAY)
    assert when.spans == ()
    assert when.remainder == text


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("東北絆まつり2018はどこで開催された？", 2018),
        ("まち・ひと・しごと創生基本方針2018が閣議決定されたのはいつ？", 2018),
        ("東北絆まつり2020山形はどうなった？", 2020),
        ("全国ねぎサミット2016 in TOKYOはいつ？", 2016),
        ("東北六魂祭 2016の開催地は？", 2016),
        ("基本方針2018年版", 2018),
    ],
)
def test_a_year_glued_to_a_name_is_attached_and_kept(text: str, year: int) -> None:
    when = resolve(text, today=TODAY)
    (span,) = when.spans
    assert span.attached and span.grain == "year" and span.start.year == year
    assert when.remainder == text


def test_several_spans_in_order_and_the_remainder() -> None:
    text = "令和3年度第1回の全国連携展示と2016年10月の講演会"
    when = resolve(text, today=TODAY)
    assert [s.text for s in when.spans] == ["令和3年度", "2016年10月"]
    assert when.remainder == "第1回の全国連携展示との講演会"
    assert all(text[s.begin : s.stop] == s.text for s in when.spans)


def test_normalised_full_width_input() -> None:
    assert bounds(normalize("２０１６年４月〜６月")) == ("range", "2016-04-01", "2016-06-30")


def test_kanji_numerals() -> None:
    assert [to_int(s) for s in ("二〇一六", "二千十六", "二十八", "十", "百一", "元", "2016")] == [
        2016,
        2016,
        28,
        10,
        101,
        1,
        2016,
    ]
    assert to_int("十十") is None and to_int("二三十") is None and to_int("") is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_resolves_without_error(text: str) -> None:
    when = resolve(text, today=TODAY)
    for span in when.spans:
        assert text[span.begin : span.stop] == span.text
        assert span.start <= span.end


@settings(max_examples=15, deadline=None)
@given(st.text(min_size=1_000, max_size=10_000))
def test_long_random_text_resolves_without_error(text: str) -> None:
    start = time.perf_counter()
    resolve(text, today=TODAY)
    assert time.perf_counter() - start < 1.0


_DATEISH = st.text(
    alphabet="0123456789年月日度前今明昨来去先週HR元十二〇平成令和./-～からまで以降の ", max_size=60
)


@settings(max_examples=300, deadline=None)
@given(_DATEISH, st.dates(min_value=D("1900-01-01"), max_value=D("2100-12-31")))
def test_date_like_text_resolves_without_error(text: str, today: date) -> None:
    when = resolve(text, today=today)
    assert all(text[s.begin : s.stop] == s.text for s in when.spans)


@pytest.mark.parametrize(
    "text", ["あ" * 10_000, "2016年" * 2_000, "1" * 10_000, "十" * 10_000, "H1." * 3_000, "今日" * 5_000]
)
def test_long_input_is_linear(text: str) -> None:
    start = time.perf_counter()
    resolve(text, today=TODAY)
    assert time.perf_counter() - start < 1.0


def test_typical_question_is_fast() -> None:
    text = "連携自治体数の合計は27年度から3年度までにどれだけ増えた？"
    resolve(text, today=TODAY)
    runs = 300
    start = time.perf_counter()
    for _ in range(runs):
        resolve(text, today=TODAY)
    assert (time.perf_counter() - start) / runs < 0.001  # ~30 µs on a laptop


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("構成自治体 二十以上の協定先", "構成自治体 20以上の協定先"),
        ("百四十四自治体", "144自治体"),
        ("十勝の展示で一番多い", "十勝の展示で一番多い"),  # words, not figures
        ("第一回の展示", "第一回の展示"),  # an edition, read where editions are
    ],
)
def test_kanji_numerals_before_a_counter_are_figures(text: str, read: str) -> None:
    words = ("自治体", "団体", "以上", "回")
    assert figures_as_digits(text, words) == read
