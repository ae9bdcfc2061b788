"""Operations over the two tables: filter, aggregate and compare. Data in, data out.

The answer modules (partner_facts.py, count_facts.py) choose the operations from a question's facets
and slots; nothing here knows the question or Japanese wording.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from renkei_bot.nlu.periods import Period
from renkei_bot.records import CountRow, CountTable, Partner


@dataclass(frozen=True, slots=True)
class Bound:
    """A threshold on a figure: ≥ value (at_least) or ≤ value; strict for 超える/未満."""

    value: int
    at_least: bool
    strict: bool = False

    def holds(self, figure: int) -> bool:
        if self.at_least:
            return figure > self.value if self.strict else figure >= self.value
        return figure < self.value if self.strict else figure <= self.value


# ---------------------------------------------------------------- partners: filters
def dated_spans(spans: Iterable[Period]) -> list[Period]:
    """The periods a question filters on: a written year or day, not a bare month-day or 2018 in a name."""
    return [p for p in spans if not p.attached and not p.any_year]


def agreed_in(partners: Sequence[Partner], spans: Sequence[Period]) -> list[Partner]:
    return [p for p in partners if any(s.start <= p.agreed <= s.end for s in spans)]


def agreed_on(partners: Sequence[Partner], days: Iterable[date]) -> list[Partner]:
    wanted = set(days)
    return [p for p in partners if p.agreed in wanted]


def of_kind(partners: Sequence[Partner], kind: str) -> list[Partner]:
    """市長会 or 町村会: the kind is the end of the association's name."""
    return [p for p in partners if p.name.endswith(kind)]


def within(partners: Sequence[Partner], bounds: Sequence[Bound]) -> list[Partner]:
    return [p for p in partners if all(b.holds(p.members) for b in bounds)]


# ---------------------------------------------------------------- partners: aggregates
def total_members(partners: Iterable[Partner]) -> int:
    return sum(p.members for p in partners)


def ranked(partners: Sequence[Partner], *, most: bool, n: int = 1) -> list[Partner]:
    """The n partners with the most (fewest) members, and any tied with the n-th."""
    order = sorted(partners, key=lambda p: (-p.members if most else p.members, p.line))
    if not order:
        return []
    n = max(1, min(n, len(order)))
    edge = order[n - 1].members
    return [p for p in order if (p.members >= edge if most else p.members <= edge)]


def equal_members(partners: Sequence[Partner]) -> list[list[Partner]]:
    """Groups of two or more partners with the same member count, largest count first."""
    groups: dict[int, list[Partner]] = {}
    for p in partners:
        groups.setdefault(p.members, []).append(p)
    return [g for _, g in sorted(groups.items(), key=lambda kv: -kv[0]) if len(g) > 1]


@dataclass(frozen=True, slots=True)
class Group:
    """A natural part of the partners table: all, one kind, one year or day of signing, or those signed
    by a yearly count's as-of day (the 広域連携協定締結自治体 row counts exactly those)."""

    by: str  # "all", "kind", "year", "day", "as_of"
    key: str | int | date
    partners: tuple[Partner, ...]


def groups(partners: Sequence[Partner], *, kinds: Sequence[str], as_of: Sequence[date]) -> list[Group]:
    found = [Group("all", "", tuple(partners))]
    found += [Group("kind", k, tuple(of_kind(partners, k))) for k in kinds]
    found += [Group("year", y, tuple(p for p in partners if p.agreed.year == y)) for y in _years(partners)]
    found += [Group("day", d, tuple(agreed_on(partners, [d]))) for d in sorted({p.agreed for p in partners})]
    found += [Group("as_of", d, tuple(p for p in partners if p.agreed <= d)) for d in as_of]
    return [g for g in found if g.partners]


def _years(partners: Iterable[Partner]) -> list[int]:
    return sorted({p.agreed.year for p in partners})


def adding_up_to(candidates: Sequence[Group], figure: int) -> list[Group]:
    """The groups whose members add up to the figure; one group per set of partners (the first)."""
    seen: set[tuple[Partner, ...]] = set()
    found = []
    for group in candidates:
        if total_members(group.partners) == figure and group.partners not in seen:
            seen.add(group.partners)
            found.append(group)
    return found


# ---------------------------------------------------------------- yearly counts
def fiscal_years(spans: Iterable[Period], years: Sequence[int]) -> list[int]:
    """The table's 年度 a question's periods cover. A calendar year is read as the 年度 of the same
    number (「2018年の連携自治体数」 means 2018年度): the table counts as of 8月1日, inside both."""
    found: set[int] = set()
    spans = dated_spans(spans)
    closed = [s for s in spans if s.end != date.max]
    for span in spans:
        first = _fiscal_start(span.start)
        if span.end == date.max and closed:  # 「28年度から」 beside 「平成29年度」: from one to the other
            found.add(first)
            continue
        last = _fiscal_end(span.end)
        found.update(y for y in years if first <= y <= last)
    return sorted(y for y in found if y in years)


def _fiscal_start(day: date) -> int:
    return day.year if day.month >= 4 or (day.month, day.day) == (1, 1) else day.year - 1


def _fiscal_end(day: date) -> int:
    return day.year if day.month >= 4 or (day.month, day.day) == (12, 31) else day.year - 1


def known(row: CountRow) -> list[tuple[int, int]]:
    return [(y, v) for y, v in row.values if v is not None]


def difference(row: CountRow, first: int, last: int) -> int | None:
    a, b = row.value(first), row.value(last)
    return None if a is None or b is None else b - a


def rises(row: CountRow) -> list[tuple[int, int]]:
    """(年度, change from the year before) for each year whose both cells are known."""
    cells = known(row)
    return [(y, v - pv) for (py, pv), (y, v) in pairwise(cells) if y == py + 1]


def largest_rise(row: CountRow, *, most: bool = True, within: Collection[int] = ()) -> list[tuple[int, int]]:
    """The 年度 of the largest (or smallest) change from the year before; only among `within` when
    given (「28年度以降で一番増えた」)."""
    steps = [(y, d) for y, d in rises(row) if not within or y in within]
    if not steps:
        return []
    edge = max(d for _, d in steps) if most else min(d for _, d in steps)
    return [(y, d) for y, d in steps if d == edge]


def first_reaching(row: CountRow, bound: Bound) -> tuple[int, int] | None:
    """The first 年度 whose figure meets the bound, with that figure."""
    return next(((y, v) for y, v in known(row) if bound.holds(v)), None)


def unchanged_years(row: CountRow) -> list[tuple[int, int]]:
    """年度 whose figure equals the year before's: no increase."""
    return [(y, d) for y, d in rises(row) if d == 0]


def constant_over(row: CountRow, years: Sequence[int]) -> bool | None:
    """Whether the row keeps one figure over the years; None when a cell is unknown."""
    values = [row.value(y) for y in years]
    if not values or any(v is None for v in values):
        return None
    return len(set(values)) == 1


def parts_sum(table: CountTable, year: int) -> tuple[int, int] | None:
    """(sum of the category rows, the stated 合計) for a year: their difference is the overlap."""
    total = next((r for r in table.rows if r.id == "total"), None)
    if total is None or total.value(year) is None:
        return None
    parts = [r.value(year) for r in table.rows if r.id != "total"]
    return sum(v for v in parts if v is not None), total.value(year) or 0
