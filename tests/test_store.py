from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datafixture import event, write_dataset, write_yaml
from renkei_bot.paths import DATA_DIR
from renkei_bot.store import Store
from renkei_bot.store_index import IntervalIndex, TextIndex


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store.load(write_dataset(tmp_path_factory.mktemp("store")), cache_dir=None, env={})


def ids(events: list[object]) -> list[str]:
    return [e.id for e in events]  # type: ignore[attr-defined]


def test_events_are_chronological_and_undated_sits_after_its_after_day(store: Store) -> None:
    assert ids(list(store.events)) == [
        "ev-20150530-1",
        "ev-20160426-1",  # same day: file order kept
        "ev-20160426-2",
        "ev-20160821-1",
        "ev-20170119-1",
        "ev-undated-1",  # after 2017-01-19, before 2017-01-27
        "ev-20170127-1",
        "ev-202101-1",
    ]


def test_record_lookups(store: Store) -> None:
    assert store.event("ev-20170119-1").title == "区長会総会"
    assert store.entity("tokachi").name == "十勝"
    partner = store.partner("hokkaido-chosonkai")
    assert partner is not None and partner.members == 144
    assert store.partner("minato") is None
    assert store.partners.total == 159 and store.counts.years == (2015, 2016)
    assert len(store.entities) == 7
    with pytest.raises(KeyError, match="no event with id 'nope'"):
        store.event("nope")
    with pytest.raises(KeyError, match="no entity with id 'nope'"):
        store.entity("nope")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2016, 9, 1), date(2016, 9, 1), ["ev-20160821-1"]),  # inside a range
        (date(2016, 9, 29), date(2016, 10, 31), ["ev-20160821-1"]),  # its last day
        (date(2016, 9, 30), date(2016, 10, 31), []),
        (date(2016, 4, 26), date(2016, 4, 26), ["ev-20160426-1", "ev-20160426-2"]),
        (date(2015, 6, 1), date(2015, 6, 1), []),  # a gap in the list 5/30, 5/31, 6/2
        (date(2015, 6, 2), date(2015, 6, 2), ["ev-20150530-1"]),
        (date(2021, 1, 15), date(2021, 1, 15), ["ev-202101-1"]),  # a month-precision event covers its month
        (date(2021, 2, 1), date(2021, 12, 31), []),
        # the undated event only when its bounds lie entirely inside the range
        (date(2017, 1, 1), date(2017, 1, 31), ["ev-20170119-1", "ev-undated-1", "ev-20170127-1"]),
        (date(2017, 1, 20), date(2017, 1, 31), ["ev-20170127-1"]),
        (date(2017, 3, 23), date(2017, 3, 23), []),  # mentions are excluded
        (date(2017, 1, 31), date(2017, 1, 1), []),
    ],
)
def test_between(store: Store, start: date, end: date, expected: list[str]) -> None:
    assert ids(store.between(start, end)) == expected


@pytest.mark.parametrize(
    ("month", "day", "expected"),
    [
        (4, 26, ["ev-20160426-1", "ev-20160426-2"]),
        (5, 30, ["ev-20150530-1"]),
        (5, 31, ["ev-20150530-1"]),  # a listed day
        (6, 2, ["ev-20150530-1"]),
        (6, 1, []),
        (8, 21, ["ev-20160821-1"]),
        (8, 22, []),  # a range counts on its first day only
        (1, 1, []),  # never a month-precision event
    ],
)
def test_on_month_day(store: Store, month: int, day: int, expected: list[str]) -> None:
    assert ids(store.on_month_day(month, day)) == expected


def test_in_fiscal_year(store: Store) -> None:
    assert ids(store.in_fiscal_year(2015)) == ["ev-20150530-1"]
    assert ids(store.in_fiscal_year(2016)) == [
        "ev-20160426-1",
        "ev-20160426-2",
        "ev-20160821-1",
        "ev-20170119-1",
        "ev-undated-1",  # both bounds in 2016年度
        "ev-20170127-1",
    ]
    assert ids(store.in_fiscal_year(2020)) == ["ev-202101-1"]
    assert store.in_fiscal_year(1999) == []


def test_about_includes_children_through_parent(store: Store) -> None:
    assert ids(store.about("obihiro")) == ["ev-20150530-1"]
    assert ids(store.about("tokachi")) == ["ev-20150530-1", "ev-20170127-1"]
    assert ids(store.about("hokkaido")) == ["ev-20150530-1", "ev-20170127-1"]
    assert ids(store.about("series-symposium")) == ["ev-undated-1", "ev-20170127-1"]
    assert store.about("nobody") == []


def test_category_and_series(store: Store) -> None:
    assert ids(store.in_category("連携協定")) == ["ev-20160426-1", "ev-20160426-2"]
    assert ids(store.in_series("series-symposium")) == ["ev-undated-1", "ev-20170127-1"]
    assert store.in_category("なし") == [] and store.in_series("nope") == []
    assert store.categories[:2] == ["全国連携展示", "連携協定"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("締結", ["ev-20160426-1", "ev-20160426-2"]),
        ("協定書に署名", ["ev-20160426-1"]),  # a detail
        ("区政 会館", ["ev-20160426-1"]),  # the venue; spaces do not matter
        ("２０階", ["ev-20160426-1"]),  # NFKC: full-width digits
        ("第3回全国連携", ["ev-20170127-1"]),
        ("シンポジウム", ["ev-undated-1", "ev-20170127-1"]),
        ("展", ["ev-20150530-1"]),  # one character
        ("実施締結式", []),  # never across title and details
        ("存在しない語", []),
        ("", []),
        ("   ", []),
    ],
)
def test_search(store: Store, phrase: str, expected: list[str]) -> None:
    assert ids(store.search(phrase)) == expected


def test_first_and_last_date(store: Store) -> None:
    assert store.first_date == date(2015, 5, 30)
    assert store.last_date == date(2021, 1, 31)  # the month-precision event covers January


def test_store_returns_new_lists(store: Store) -> None:
    got = store.in_category("連携協定")
    got.clear()
    assert len(store.in_category("連携協定")) == 2


def test_hand_written_events_file_is_indexed(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    extra = event("ev-20220426-1", "2022-04-26", title="新しい協定", category="連携協定", refs=["obihiro"])
    write_yaml(data / "events-2022.yaml", {"events": [extra]})
    store = Store.load(data, cache_dir=tmp_path / "cache")
    assert store.events[-1].id == "ev-20220426-1"
    assert ids(store.on_month_day(4, 26))[-1] == "ev-20220426-1"
    assert ids(store.about("hokkaido"))[-1] == "ev-20220426-1"
    assert store.last_date == date(2022, 4, 26)


# --- the index structures against brute force ---------------------------------------------------
intervals = st.lists(
    st.tuples(st.integers(0, 400), st.integers(0, 120)).map(lambda t: (t[0], t[0] + t[1])), max_size=60
)


@settings(max_examples=200, deadline=None)
@given(intervals, st.integers(-10, 560), st.integers(0, 200))
def test_interval_index_matches_brute_force(spans: list[tuple[int, int]], lo: int, width: int) -> None:
    index = IntervalIndex([(a, b, p) for p, (a, b) in enumerate(spans)])
    hi = lo + width
    assert index.overlapping(lo, hi) == [p for p, (a, b) in enumerate(spans) if a <= hi and b >= lo]
    assert index.within(lo, hi) == [p for p, (a, b) in enumerate(spans) if lo <= a and b <= hi]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abcあい", max_size=12), max_size=30), st.text("abcあい", min_size=1, max_size=4))
def test_text_index_matches_brute_force(texts: list[str], phrase: str) -> None:
    texts = texts + texts[:3]  # repeated texts are indexed once but found at every position
    assert TextIndex(texts).find(phrase) == [p for p, t in enumerate(texts) if phrase in t]


def test_text_index_on_a_large_corpus() -> None:
    texts = [f"第{i}回 全国連携展示 会場{i % 97} 区{i % 23}" for i in range(20000)]
    index = TextIndex(texts)
    assert index.find("第12345回") == [12345]
    assert index.find("会場96区") == [p for p, t in enumerate(texts) if "会場96区" in t]
    assert index.find("全国連携展示") == list(range(20000))


# --- the real data -----------------------------------------------------------------------------
@pytest.mark.skipif(not (DATA_DIR / "events.yaml").exists(), reason="data/ not generated yet")
def test_real_data_store() -> None:
    store = Store.load(DATA_DIR, cache_dir=None, env={})
    events = list(store.events)
    assert events == sorted(events, key=lambda e: store.position(e.id))
    assert store.first_date == date(2014, 9, 10)  # 平成26年9月10日, the chronology's first row
    assert len(store.partners.partners) == 13
    dated = [e for e in events if e.date.start is not None]
    assert [e.date.start for e in dated] == sorted(e.date.start for e in dated if e.date.start)
    for fy in range(2014, 2022):
        assert store.in_fiscal_year(fy), fy
    assert sum(len(store.in_fiscal_year(fy)) for fy in range(2014, 2022)) == len(events)
    undated = [e for e in events if e.date.precision == "unknown"]
    for e in undated:
        assert e.date.after is not None
        assert e not in store.between(e.date.after, e.date.after)
        assert e in store.between(e.date.after, e.date.before or e.date.after)
    for p in store.partners.partners:
        assert p.event is None or store.event(p.event) in store.between(p.agreed, p.agreed)
    assert store.search("シンポジウム")
