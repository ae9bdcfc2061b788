"""The table operations over the real tables (data/partners.yaml, data/counts.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from renkei_bot.answers import table_query as tq
from renkei_bot.engine import Engine
from renkei_bot.nlu.facets import load_vocabulary
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.tokens import tokenize
from renkei_bot.paths import INTENTS_DIR
from renkei_bot.records import CountRow, CountTable, Partner


@pytest.fixture(scope="module")
def partners(engine: Engine) -> tuple[Partner, ...]:
    return engine.store.partners.partners


@pytest.fixture(scope="module")
def counts(engine: Engine) -> CountTable:
    return engine.store.counts


def span(start: date, end: date, grain: str = "range", *, any_year: bool = False) -> Period:
    return Period(start, end, grain, "x", 0, 1, any_year=any_year)  # type: ignore[arg-type]


def test_bounds_are_inclusive_unless_strict() -> None:
    assert tq.Bound(20, at_least=True).holds(20)
    assert not tq.Bound(20, at_least=True, strict=True).holds(20)
    assert tq.Bound(10, at_least=False).holds(10)
    assert not tq.Bound(10, at_least=False, strict=True).holds(10)


def test_filters_compose(partners: tuple[Partner, ...]) -> None:
    year_2018 = tq.agreed_in(partners, [span(date(2018, 1, 1), date(2018, 12, 31), "year")])
    assert year_2018 and all(p.agreed.year == 2018 for p in year_2018)
    mayors = tq.of_kind(partners, "市長会")
    assert mayors and all(p.name.endswith("市長会") for p in mayors)
    big = tq.within(partners, [tq.Bound(20, at_least=True)])
    assert big and all(p.members >= 20 for p in big)
    assert len(big) + len(tq.within(partners, [tq.Bound(20, at_least=False, strict=True)])) == len(partners)


def test_a_bare_month_day_filters_nothing() -> None:
    spans = [span(date(2026, 8, 1), date(2026, 8, 1), "month_day", any_year=True)]
    assert tq.dated_spans(spans) == []


def test_ranked_keeps_ties_at_the_edge(partners: tuple[Partner, ...]) -> None:
    top = tq.ranked(partners, most=True)
    assert [p.members for p in top] == [max(p.members for p in partners)]
    three = tq.ranked(partners, most=False, n=3)
    assert len(three) >= 3 and three == sorted(three, key=lambda p: p.members)
    groups = tq.equal_members(partners)
    assert groups and all(len({p.members for p in g}) == 1 and len(g) > 1 for g in groups)


def test_total_members_is_the_tables_stated_total(engine: Engine) -> None:
    assert tq.total_members(engine.store.partners.partners) == engine.store.partners.total


def test_calendar_and_fiscal_years_read_as_the_tables_years(counts: CountTable) -> None:
    assert tq.fiscal_years([span(date(2020, 1, 1), date(2021, 12, 31))], counts.years) == [2020, 2021]
    assert tq.fiscal_years([span(date(2019, 4, 1), date(2022, 3, 31), "fiscal_year")], counts.years) == [
        2019,
        2020,
        2021,
    ]
    assert tq.fiscal_years([span(date(2030, 1, 1), date(2030, 12, 31), "year")], counts.years) == []


def row(counts: CountTable, row_id: str) -> CountRow:
    return counts.row(row_id)


def test_compare_operations_on_the_rows(counts: CountTable) -> None:
    total = row(counts, "total")
    first, last = counts.years[0], counts.years[-1]
    assert tq.difference(total, first, last) == total.change  # the table's own 27→3年度 column
    steps = tq.rises(total)
    best = tq.largest_rise(total)
    assert best and all(d <= best[0][1] for _, d in steps)
    reached = tq.first_reaching(total, tq.Bound(1000, at_least=True, strict=True))
    assert reached is not None and reached[1] > 1000
    earlier = [v for y, v in tq.known(total) if y < reached[0]]
    assert all(v <= 1000 for v in earlier)
    agreement = row(counts, "agreement")
    flat = tq.unchanged_years(agreement)
    assert flat and all(agreement.value(y) == agreement.value(y - 1) for y, _ in flat)
    assert tq.constant_over(agreement, [y for y, _ in flat]) is True
    assert tq.constant_over(agreement, [first, last]) is None  # the first cell is —


def test_the_overlap_is_the_rows_sum_minus_the_total(counts: CountTable) -> None:
    year = counts.years[-1]
    parts, total = tq.parts_sum(counts, year) or (0, 0)
    assert total == row(counts, "total").value(year)
    assert parts == sum(r.value(year) or 0 for r in counts.rows if r.id != "total") > total


def test_a_row_facet_marked_in_names_is_read_inside_a_name() -> None:
    facets = load_vocabulary(INTENTS_DIR).facets
    question = "27年度の全国連携HP会員登録自治体数は？"
    name = "全国連携HP会員登録自治体"
    begin = question.index(name)
    hits = {h.name for h in facets.match(tokenize(question), skip=[(begin, begin + len(name))])}
    assert "row.hp-member" in hits  # in_names: true
    assert "subject.member" not in hits  # 会員 inside the name asks nothing


def test_groups_adding_up_to_a_figure(partners: tuple[Partner, ...]) -> None:
    candidates = tq.groups(partners, kinds=["市長会", "町村会"], as_of=[date(2016, 8, 1)])
    every = tq.adding_up_to(candidates, tq.total_members(partners))
    assert every and every[0].by == "all"
    by_august = [p for p in partners if p.agreed <= date(2016, 8, 1)]
    found = tq.adding_up_to(candidates, tq.total_members(by_august))
    assert found and set(found[0].partners) == set(by_august)
    assert len({g.partners for g in found}) == len(found)  # one answer per set of partners
    assert tq.adding_up_to(candidates, 1) == []
