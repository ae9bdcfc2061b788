from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from daily_fakes import ListStore
from renkei_bot.answers.anniversaries import (
    anniversaries_on,
    anniversary_answer,
    month_anniversaries,
    month_answer,
    upcoming,
    upcoming_answer,
)
from renkei_bot.answers.render import to_text
from renkei_bot.paths import DATA_DIR

STORE = ListStore()


def ids(found: list) -> list[str]:  # type: ignore[type-arg]
    return [a.event.id for a in found]


def test_month_day_in_earlier_years_oldest_first() -> None:
    found = anniversaries_on(STORE, date(2026, 4, 26))
    assert ids(found) == ["ev-20160426-1", "ev-20190426-1", "ev-20210426-1"]
    assert [a.years_ago for a in found] == [10, 7, 5]
    assert [a.round for a in found] == [True, False, True]


def test_same_year_and_future_years_are_not_anniversaries() -> None:
    assert "ev-20260426-1" not in ids(anniversaries_on(STORE, date(2026, 4, 26)))
    assert "ev-20270426-1" not in ids(anniversaries_on(STORE, date(2026, 4, 26)))
    assert ids(anniversaries_on(STORE, date(2016, 4, 26))) == []
    assert ids(anniversaries_on(STORE, date(2028, 4, 26)))[-1] == "ev-20270426-1"


def test_exhibition_spanning_the_day_counts_only_on_its_first_day() -> None:
    assert ids(anniversaries_on(STORE, date(2026, 8, 21))) == ["ev-20170821-1"]
    assert anniversaries_on(STORE, date(2026, 9, 1)) == []
    assert anniversaries_on(STORE, date(2026, 9, 29)) == []


def test_list_of_days_counts_on_the_first_day_of_each_run() -> None:
    assert ids(anniversaries_on(STORE, date(2025, 5, 30))) == ["ev-20150530-1"]
    assert anniversaries_on(STORE, date(2025, 5, 31)) == []
    assert ids(anniversaries_on(STORE, date(2025, 6, 10))) == ["ev-20180610-1"]
    second = anniversaries_on(STORE, date(2025, 6, 20))
    assert ids(second) == ["ev-20180610-1"] and second[0].on == date(2018, 6, 20)
    assert anniversaries_on(STORE, date(2025, 6, 15)) == []


def test_undated_and_month_only_records_are_never_used_for_a_day() -> None:
    for day in (date(2026, 1, 1), date(2026, 1, 15), date(2026, 4, 1)):
        assert all(a.event.date.precision == "day" for a in anniversaries_on(STORE, day))
    assert anniversaries_on(STORE, date(2026, 1, 1)) == []


def test_leap_day_is_remembered_on_28_february_in_common_years() -> None:
    assert ids(anniversaries_on(STORE, date(2026, 2, 28))) == ["ev-20160229-1"]
    assert anniversaries_on(STORE, date(2028, 2, 28)) == []
    assert ids(anniversaries_on(STORE, date(2028, 2, 29))) == ["ev-20160229-1"]


def test_upcoming_finds_the_nearest_later_day_within_a_week() -> None:
    nearest = upcoming(STORE, date(2026, 4, 27))
    assert nearest is not None
    day, found = nearest
    assert day == date(2026, 4, 29) and ids(found) == ["ev-20160429-1"]
    assert upcoming(STORE, date(2026, 4, 20), within_days=5) is None
    assert upcoming(STORE, date(2026, 4, 20))[0] == date(2026, 4, 26)  # type: ignore[index]


def test_answer_lines_read_n_years_ago_today_and_call_out_round_years() -> None:
    answer = anniversary_answer(STORE, date(2026, 4, 26))
    assert answer.found and answer.intent == "anniversary"
    assert (
        answer.lines[0].text
        == "🎉 10周年 10年前の今日（2016年（平成28年）4月26日）北海道町村会との連携協定締結式"
    )
    assert answer.lines[0].source == "L43"
    assert answer.lines[1].text == "7年前の今日（2019年（平成31年）4月26日）七年前の出来事"
    assert answer.lines[2].text.startswith("🎉 5周年 5年前の今日（2021年（令和3年）4月26日）")
    assert answer.record_ids == ("ev-20160426-1", "ev-20190426-1", "ev-20210426-1")
    assert answer.dates == ("2016-04-26", "2019-04-26", "2021-04-26")
    assert "（L43）" in answer.sources[0]


def test_a_span_is_shown_whole_on_its_first_day() -> None:
    answer = anniversary_answer(STORE, date(2027, 8, 21))
    assert (
        answer.lines[0].text
        == "🎉 10周年 10年前の今日（2017年（平成29年）8月21日～9月29日）第1回全国連携展示"
    )


def test_empty_day_answer_says_so_and_points_to_the_next_one() -> None:
    answer = anniversary_answer(STORE, date(2026, 4, 27))
    assert not answer.found
    assert answer.summary == "4月27日にあたる出来事は記録にありません。"
    assert answer.notes == ("次の記念日は2日後の4月29日です。",)
    assert anniversary_answer(STORE, date(2026, 3, 1)).notes == ()


def test_upcoming_answer_says_it_is_upcoming() -> None:
    answer = upcoming_answer(STORE, date(2026, 4, 27))
    assert answer is not None and answer.found
    assert "2日後の4月29日" in answer.summary
    assert answer.lines[0].text == "🎉 10周年 10年前の4月29日（2016年（平成28年）4月29日）三日後の出来事"
    assert upcoming_answer(STORE, date(2026, 3, 1)) is None


def test_month_anniversaries_include_month_only_records_but_not_undated() -> None:
    found = month_anniversaries(STORE, 2026, 4)
    assert "ev-201904-1" in ids(found) and "ev-20160426-1" in ids(found)
    assert "ev-20260426-1" not in ids(found) and "ev-undated-1" not in ids(found)
    text = to_text(month_answer(STORE, 2026, 1), limit=50)
    assert "5年前の今月（2021年（令和3年）1月）月だけ分かる出来事" in text
    assert not month_answer(STORE, 2026, 3).found


def _real_store():  # type: ignore[no-untyped-def]
    from renkei_bot.store import Store

    if not (DATA_DIR / "events.yaml").exists():
        pytest.skip("data/events.yaml is not generated yet")
    try:
        return Store.load(Path(DATA_DIR), env={})
    except NotImplementedError:
        pytest.skip("Store.load is not implemented yet")


def test_real_data_exhibition_2017_counts_on_21_august_only() -> None:
    store = _real_store()
    on_first = anniversaries_on(store, date(2026, 8, 21))
    assert any(a.on == date(2017, 8, 21) and "全国連携展示" in a.event.title for a in on_first)
    assert not any(a.event.date.start == date(2017, 8, 21) for a in anniversaries_on(store, date(2026, 9, 1)))
    assert not any(
        a.event.date.start == date(2017, 8, 21) for a in anniversaries_on(store, date(2026, 9, 29))
    )


def test_real_data_hokkaido_agreement_is_ten_years_ago_on_2026_04_26() -> None:
    store = _real_store()
    answer = anniversary_answer(store, date(2026, 4, 26))
    assert answer.found
    assert any(
        line.text.startswith("🎉 10周年 10年前の今日（2016年（平成28年）4月26日）")
        and "北海道町村会" in line.text
        for line in answer.lines
    )


def test_real_data_only_day_precision_and_past_years() -> None:
    store = _real_store()
    for month in range(1, 13):
        for day in (1, 10, 15, 20, 28):
            for a in anniversaries_on(store, date(2026, month, day)):
                assert a.event.date.precision == "day"
                assert a.years_ago > 0 and (a.on.month, a.on.day) == (month, day)


def test_real_store_on_a_written_data_dir(tmp_path: Path) -> None:
    from datafixture import write_dataset
    from renkei_bot.store import Store

    store = Store.load(write_dataset(tmp_path), env={})
    assert ids(anniversaries_on(store, date(2026, 4, 26))) == ["ev-20160426-1", "ev-20160426-2"]
    assert ids(anniversaries_on(store, date(2026, 8, 21))) == ["ev-20160821-1"]
    assert anniversaries_on(store, date(2026, 9, 1)) == anniversaries_on(store, date(2026, 9, 29)) == []
    assert ids(anniversaries_on(store, date(2025, 5, 30))) == ["ev-20150530-1"]
    assert anniversaries_on(store, date(2025, 5, 31)) == []
    assert ids(anniversaries_on(store, date(2025, 6, 2))) == ["ev-20150530-1"]  # after a gap: a new run
    assert anniversaries_on(store, date(2026, 1, 1)) == []  # the month-only 2021-01 record
    every_day = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    used = {a.event.id for d in every_day for a in anniversaries_on(store, d)}
    assert "ev-undated-1" not in used and "ev-202101-1" not in used
