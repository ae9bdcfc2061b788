"""Questions over 連携自治体数の推移 that compute: the first 年度 a row passed a number, the years with no
increase, the largest (smallest) rise, the change from the year before, the overlap the 合計 removes,
what 「各年8月1日現在」 means, and yes/no on a stated figure, a constant row or an empty cell.

Chosen from facets and slots; None hands the question to counts.yearly_count (a cell, a row, a change).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import table_query as tq
from renkei_bot.answers.context import Context
from renkei_bot.answers.counts import TABLE, asked_spans, era_years, pick_rows, row_line, stated_figure
from renkei_bot.answers.items import NTH
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.partners import partner_line
from renkei_bot.dates import fiscal_year, format_date, format_fiscal_year
from renkei_bot.records import CountRow, CountTable

_ROWS_BY_NAME = ("row.ward-exchange", "row.hp-member")  # rows no other table has


def about_table(ctx: Context) -> bool:
    """A question that computes over the yearly counts, whatever intent its other words suggest: a row
    only this table has, or 合計, asked by 年度, by a threshold or as a change
    (「各区交流自治体が初めて800以上になったのは」「合計が2000を超えたのは何年度」)."""
    q = ctx.query
    if any(m.type != "document" for m in q.entities) or q.has("subject.partner"):
        return False
    fiscal = any(s.grain == "fiscal_year" for s in tq.dated_spans((*q.when.spans, *q.premise)))
    computes = fiscal or _bound(ctx) is not None or q.has("unit.fiscal_year", "change.", "table.")
    if q.has(*_ROWS_BY_NAME):
        return computes or q.has("extreme.")  # 「各区交流自治体が一番多いのは？」: over the years
    if q.has("table.meaning") and _as_of_asked(ctx, ctx.store.counts):
        return True  # 「各年8月1日現在とはどういう意味？」
    if q.has("row.agreement") and _bound(ctx) is not None and not q.has("subject.member"):
        return True  # 「広域連携協定締結自治体がはじめて300を超えた年度」
    dated = bool(tq.dated_spans(q.when.spans))
    # (何自治体, not 何件: the agreements signed then are counted in the partners table)
    counters = ctx.vocabulary.table_counters
    munis = any(w.endswith(tuple(counters)) for w in q.facet_words("count.how_many"))
    if q.has("row.agreement") and munis and dated and not q.entities:
        return True  # 「7年前の今日、広域連携協定の締結自治体は何自治体？」: that day's 年度 in the table
    return q.has("row.total") and not q.has("subject.member", "subject.agreement") and computes


def answer(ctx: Context) -> Answer | None:
    q = ctx.query
    table = ctx.store.counts
    asked = asked_spans(ctx)
    years = tq.fiscal_years(asked, table.years)
    if asked and not years:
        return None  # a year outside the table: counts.yearly_count says so
    named = [row for row in table.rows if q.has(f"row.{row.id}")]
    flags = [
        f for f in table.flags if f.fiscal_year in years and (not named or f.row in {r.id for r in named})
    ]
    if q.has("total.sum") and len(named) >= 2 and len(years) == 1 and q.has("wh"):
        # 「28年度の各区交流とHP会員を足すといくつ？（重複は気にしなくていい）」: the sum asked, first
        return _rows_sum(ctx, table, named, years[0])
    if flags and q.has("table.meaning", "table.as_of"):  # 「元年度の372はなぜ8月1日現在と合わない」
        return _found(ctx, table, "\n".join(f.note for f in flags), [table.row(f.row) for f in flags])
    if q.has("table.meaning") and _as_of_asked(ctx, table):
        return _as_of_meaning(ctx, table)
    if q.has("table.parts") and q.has("change.increase") and q.has("extreme.max", "extreme.min"):
        # 「27年度から3年度にかけていちばん伸びた区分は」: the row whose figure changed most
        return _row_grown_most(ctx, table, years or table.years, most=q.has("extreme.max"))
    if q.has("table.parts", "table.meaning"):  # 「3区分の和と合計の差は」「合計が合わないのはなぜ」
        return _overlap(ctx, table, years)
    bound = _bound(ctx)
    place = next((n for n, unit in q.counted if unit == NTH), None)
    if (
        place is not None
        and q.has("rank.next")
        and q.has("change.increase")
        and q.has("extreme.max", "extreme.min")
    ):
        # 「合計が2番目に大きく増えたのは」: the N-th rise, not a rise of N
        return _nth_rise(ctx, table, named or [table.row("total")], place, most=q.has("extreme.max"))
    if not years and q.numbers and q.has("change.increase") and q.has("wh"):
        # 「各区交流自治体が前の年度より100増えたのは何年度」: the years of that rise, not of that figure
        rise = bound or tq.Bound(q.numbers[-1], at_least=True)
        return _rose_by(ctx, table, named or [table.row("total")], rise, exact=bound is None)
    if not years and bound is not None:  # 「合計が初めて1,000を超えたのは」
        return _first_reaching(ctx, table, named or [table.row("total")], bound)
    if not years and named and q.numbers and not q.confirm and q.has("wh"):  # 「HP会員が269になったのはいつ」
        return _first_reaching(ctx, table, named, tq.Bound(q.numbers[-1], at_least=True), exact=True)
    if q.has("order.first") and named and not years:
        return _first_recorded(ctx, table, named)
    if q.has("change.increase", "change.none") and (
        q.has("extreme.min") or (q.has("extreme.max") and q.has("change.none"))
    ):  # 「いちばん増えなかった」 is the smallest rise
        return _smallest_rise(ctx, table, named or [table.row("total")])
    if q.has("change.none"):
        # 「元年度から3年度までずっと同じ？」 asks yes or no even without a yes/no ending
        asks = q.confirm or (len(years) >= 2 and not q.has("wh"))
        return _unchanged(ctx, table, named or list(table.rows), years, asks=asks)
    if q.confirm and q.has("change.increase") and not years:  # 「合計は毎年増えてる？」
        return _every_year(ctx, table, named or [table.row("total")])
    if q.has("change.increase") and q.has("extreme.max") and (len(years) >= 2 or q.has("filter.except")):
        # 「28年度以降で」「3年度は除いて」いちばん増えたのは: the largest rise among them (counts.yearly_count)
        return None
    which = q.has(*_WHICH_BODIES) or (q.has("wh") and q.has("subject.partner"))  # 「どの団体が加わった」
    if q.has("change.increase") and len(years) >= 2 and q.has("row.agreement") and which:
        # 「30年度→元年度で増えた分はどこの団体？」: the partners that signed in between
        return _partners_added(ctx, table, years[0], years[-1])
    if q.has("change.increase") and len(years) == 1 and q.has("row.agreement") and which:
        # 「30年度に321になったのは、どの団体が加わったから？」: since the year before
        before = table.row("agreement").value(years[0] - 1)
        if before is not None:
            return _partners_added(ctx, table, years[0] - 1, years[0])
    if q.has("change.increase", "change.rate") and len(years) >= 2:  # 「28年度から29年度で何自治体増えた」
        rows = named or [table.row("total")]
        return _between(
            ctx, table, rows, years[0], years[-1], asks=q.confirm or not q.has("wh", "change.rate")
        )
    if len(years) == 1 and bound is not None and not q.has("wh"):
        return _cell_bound(ctx, table, named or [table.row("total")], years[0], bound)  # 「900超えてた？」
    if q.has("change.increase") and len(named) == 2 and len(years) == 1 and not _sums(ctx):
        return _rows_apart(ctx, table, named, years[0])  # 「3年度の各区交流とHP会員、差はいくつ？」
    if q.has("extreme.max", "extreme.min") and not q.has("change.") and not years:
        # 「HP会員登録自治体がいちばん多かったのは何年度？」: the year(s) of the row's largest figure
        return _extreme_years(ctx, table, named or [table.row("total")], most=q.has("extreme.max"))
    if q.has("total.sum") and len(named) >= 2 and len(years) == 1:  # 「HP会員と協定締結を足すと30年度で」
        return _rows_sum(ctx, table, named, years[0])
    if q.has("change.increase") and len(years) == 1:
        return _one_year_change(ctx, table, pick_rows(ctx, table), years[0])
    if q.confirm and len(years) == 1:
        return _cell_stated(ctx, table, named or [table.row("total")], years[0])
    return None


_WHICH_BODIES = ("aspect.participants", "ask.which", "aspect.venue")  # 「どこの団体」「どこが」


def _partners_added(ctx: Context, table: CountTable, first: int, last: int) -> Answer:
    """The partners that signed between the two years' figures, read the way the table adds up: after
    the table's day of `first` (各年8月1日現在) up to that of `last` (28年度 → 29年度: 千葉県町村会 and
    広島県町村会, signed 2017-01), or else in the fiscal years after `first` (30年度 → 元年度: 千葉県市長会
    and 山梨県町村会, signed 2019-10, whose members the 元年度 figure holds)."""
    month, day = (int(x) for x in table.as_of.split("-"))
    partners = ctx.store.partners.partners
    as_of = [p for p in partners if date(first, month, day) < p.agreed <= date(last, month, day)]
    in_years = [p for p in partners if first < fiscal_year(p.agreed) <= last]
    row = table.row("agreement")
    rise = (row.value(last) or 0) - (row.value(first) or 0)
    added = next((c for c in (as_of, in_years) if sum(p.members for p in c) == rise), in_years)
    change = wording.change_two(
        row.label,
        format_fiscal_year(first),
        format_fiscal_year(last),
        row.value(first) or 0,
        row.value(last) or 0,
    )
    names = "、".join(f"{p.name}（{format_date(p.agreed)}締結、{p.members}自治体）" for p in added)
    summary = (
        wording.partners_added(format_fiscal_year(first), format_fiscal_year(last), names) + "\n" + change
    )
    return _found(ctx, table, summary, [row], lines=tuple(partner_line(p) for p in added))


def _found(
    ctx: Context,
    table: CountTable,
    summary: str,
    rows: list[CountRow],
    *,
    lines: tuple[Line, ...] = (),
    notes: tuple[str, ...] = (),
) -> Answer:
    return ctx.found(
        summary,
        title=TABLE,
        lines=(*(row_line(table, r) for r in rows), *lines),
        sources=(f"{TABLE}（{', '.join(f'L{r.line}' for r in rows)}）",),
        record_ids=tuple(r.id for r in rows),
        notes=(wording.as_of(table.as_of), *notes),
    )


def _as_of_asked(ctx: Context, table: CountTable) -> bool:
    """「※各年8月1日現在ってどういう意味」: the footnote's day is written in the question."""
    month, day = (int(x) for x in table.as_of.split("-"))
    return ctx.query.has("table.as_of") or any(
        s.any_year and s.month == month and s.day == day for s in ctx.query.when.spans
    )


def _as_of_meaning(ctx: Context, table: CountTable) -> Answer:
    month, day = (int(x) for x in table.as_of.split("-"))
    last = table.years[-1]
    summary = wording.as_of_meaning(month, day, format_fiscal_year(last), last)
    return ctx.found(
        summary,
        title=TABLE,
        lines=tuple(Line(n, source=f"L{table.line}") for n in table.notes),
        sources=(f"{TABLE}（L{table.line}）",),
        notes=tuple(wording.flagged(f.note) for f in table.flags),
    )


def _overlap(ctx: Context, table: CountTable, years: list[int]) -> Answer | None:
    """「3区分を足した数と合計の差は」: the figure first; 「合わないのはなぜ」: the footnote first."""
    figures = [(y, s) for y in (years or table.years) if (s := tq.parts_sum(table, y)) is not None]
    if not figures:
        return None
    lines = tuple(Line(wording.overlap_line(format_fiscal_year(y), p, t)) for y, (p, t) in figures)
    year, (parts, total) = figures[-1]
    note = next((n for n in table.notes if "重複" in n), "")
    if note and not ctx.query.has("change.increase"):
        summary = wording.overlap_meaning(note, format_fiscal_year(year), parts, total)
    else:
        summary = wording.overlap(format_fiscal_year(year), parts, total)
    if ctx.query.confirm:  # 「合計は単純に足したもの？」 いいえ; 「重複を除いた数ですよね？」 はい
        summary = wording.yes_or_no((parts != total) == ctx.query.has("table.deduplicated"), summary)
    return _found(ctx, table, summary, list(table.rows), lines=lines, notes=(note,) if note else ())


def _bound(ctx: Context) -> tq.Bound | None:
    q = ctx.query
    # 「2000を超えた」: a bare four-digit figure the date reader took for a year
    figures = [*q.numbers, *(s.start.year for s in q.when.spans if s.attached and s.grain == "year")]
    if not figures or not q.has("compare.at_least", "compare.at_most"):
        return None
    return tq.Bound(figures[-1], at_least=q.has("compare.at_least"), strict=q.has("compare.strict"))


def _first_reaching(
    ctx: Context, table: CountTable, rows: list[CountRow], bound: tq.Bound, *, exact: bool = False
) -> Answer:
    words = {"at_least": bound.at_least, "strict": bound.strict}
    parts = []
    for row in rows:
        hit = tq.first_reaching(row, bound)
        if exact and hit is not None and hit[1] == bound.value:
            parts.append(wording.first_equal(row.label, bound.value, format_fiscal_year(hit[0])))
            continue
        if hit is None:
            last = format_fiscal_year(table.years[-1])
            parts.append(
                wording.never_reaching(row.label, last, wording.bound_not_reached(bound.value, **words))
            )
        else:
            reached = wording.bound_reached(bound.value, **words)
            parts.append(wording.first_reaching(row.label, reached, format_fiscal_year(hit[0]), hit[1]))
    return _found(ctx, table, "\n".join(parts), rows)


def _rose_by(ctx: Context, table: CountTable, rows: list[CountRow], rise: tq.Bound, *, exact: bool) -> Answer:
    """The years in which each row rose from the year before by `rise.value` (`exact`), or by as much
    as the bound says (100以上); none: the largest rise."""
    parts = []
    for row in rows:
        steps = tq.rises(row)
        hits = [y for y, d in steps if (d == rise.value if exact else rise.holds(d))]
        said = "" if exact else wording.bound_said(at_least=rise.at_least, strict=rise.strict)
        if hits:
            years = "、".join(
                f"{format_fiscal_year(y)}（{row.value(y - 1):,}→{row.value(y):,}）" for y in hits
            )
            parts.append(wording.rose_by(row.label, rise.value, said, years))
        elif steps:
            year, most_rise = max(steps, key=lambda step: step[1])
            parts.append(
                wording.never_rose_by(
                    row.label, rise.value, said, f"{format_fiscal_year(year)}の{most_rise:+,}"
                )
            )
    return _found(ctx, table, "\n".join(parts), rows)


def _first_recorded(ctx: Context, table: CountTable, rows: list[CountRow]) -> Answer | None:
    parts = []
    for row in rows:
        cells = tq.known(row)
        if cells:
            parts.append(wording.first_recorded(row.label, format_fiscal_year(cells[0][0]), cells[0][1]))
    return _found(ctx, table, "\n".join(parts), rows) if parts else None


def _unchanged(
    ctx: Context, table: CountTable, rows: list[CountRow], years: list[int], *, asks: bool
) -> Answer:
    if len(years) >= 2:  # 「元年度から3年度までずっと同じ？」
        first, last = format_fiscal_year(years[0]), format_fiscal_year(years[-1])
        held = [r for r in rows if tq.constant_over(r, years)]
        if held:
            parts = [wording.constant(r.label, first, last, r.value(years[0]) or 0) for r in held]
            summary = "\n".join(parts)
            return _found(ctx, table, wording.yes_or_no(True, summary) if asks else summary, held)
        parts = [
            wording.not_constant(r.label, first, last, "→".join(f"{r.value(y) or 0:,}" for y in years))
            for r in rows
        ]
        summary = "\n".join(parts)
        return _found(ctx, table, wording.yes_or_no(False, summary) if asks else summary, rows)
    q = ctx.query
    parts = []
    kept = []
    for row in rows:
        flat = [(y, d) for y, d in tq.unchanged_years(row) if not years or y in years]
        if flat:
            kept.append(row)
            value = f"{row.value(flat[0][0]) or 0:,}のまま"
            parts.append(
                wording.unchanged(row.label, "、".join(format_fiscal_year(y) for y, _ in flat), value)
            )
    if not parts:
        said = wording.none_unchanged([r.label for r in rows], len(rows) == len(table.rows))
        return _found(ctx, table, wording.yes_or_no(False, said) if q.confirm else said, rows)
    summary = "\n".join(parts)
    return _found(ctx, table, wording.yes_or_no(True, summary) if q.confirm else summary, kept)


def _every_year(ctx: Context, table: CountTable, rows: list[CountRow]) -> Answer:
    parts = []
    holds = True
    for row in rows:
        flat = [y for y, d in tq.rises(row) if d <= 0]
        cells = tq.known(row)
        if flat:
            holds = False
            parts.append(
                wording.not_every_year_rising(row.label, "、".join(format_fiscal_year(y) for y in flat))
            )
        elif cells:
            first, last = format_fiscal_year(cells[0][0]), format_fiscal_year(cells[-1][0])
            parts.append(wording.every_year_rising(row.label, first, last))
    return _found(ctx, table, wording.yes_or_no(holds, "\n".join(parts)), rows)


def _nth_rise(
    ctx: Context, table: CountTable, rows: list[CountRow], place: int, *, most: bool
) -> Answer | None:
    """The 年度 of the N-th largest (or smallest) change from the year before; equal rises share a place."""
    parts = []
    for row in rows:
        steps = tq.rises(row)
        sizes = sorted({d for _, d in steps}, reverse=most)
        if not 1 <= place <= len(sizes):
            return None
        years = [format_fiscal_year(y) for y, d in steps if d == sizes[place - 1]]
        parts.append(wording.nth_rise(row.label, place, most, "・".join(years), sizes[place - 1]))
    return _found(ctx, table, "\n".join(parts), rows)


def _smallest_rise(ctx: Context, table: CountTable, rows: list[CountRow]) -> Answer:
    parts = []
    for row in rows:
        for year, rise in tq.largest_rise(row, most=False):
            parts.append(wording.smallest_rise(row.label, format_fiscal_year(year), rise))
    return _found(ctx, table, "\n".join(parts), rows)


def _one_year_change(ctx: Context, table: CountTable, rows: list[CountRow], year: int) -> Answer | None:
    """「R3で何増えた」: from the year before; 「27→3年度」: from the era year written beside it."""
    since = [y for n in ctx.query.numbers for y in era_years(n) if y in table.years and y < year]
    start = since[0] if since else year - 1
    parts = []
    for row in rows:
        before, after = row.value(start), row.value(year)
        if before is None or after is None:
            continue
        if since:
            parts.append(
                wording.change_between(
                    row.label, format_fiscal_year(start), format_fiscal_year(year), after - before
                )
            )
        else:
            parts.append(
                wording.change_from_previous(
                    row.label, format_fiscal_year(year), after - before, before, after
                )
            )
    if not parts:
        return None
    summary = "\n".join(parts)
    if ctx.query.confirm:  # 「令和3年度は前年より増えましたか？」「27→3年度の増加は+463？」
        rises = [(row.value(year) or 0) - (row.value(start) or 0) for row in rows]
        stated = stated_figure(ctx, table)
        holds = stated in rises if stated is not None else all(r > 0 for r in rises)
        summary = wording.yes_or_no(holds, summary)
    return _found(ctx, table, summary, rows)


def _between(
    ctx: Context, table: CountTable, rows: list[CountRow], first: int, last: int, *, asks: bool
) -> Answer | None:
    parts = []
    changed = False
    for row in rows:
        before, after = row.value(first), row.value(last)
        if before is None or after is None:
            continue
        changed = changed or before != after
        said = wording.change_two(
            row.label, format_fiscal_year(first), format_fiscal_year(last), before, after
        )
        if ctx.query.has("change.rate") and before:  # 「何％増えた？」: the rate, first
            said = wording.change_rate(100 * (after - before) / before) + said
        parts.append(said)
    if not parts:
        return None
    summary = "\n".join(parts)
    stated = stated_figure(ctx, table)
    if asks and stated is not None:  # 「増加は+463であってますか」「…150自治体増加」とあります」: that figure
        changed = any((r.value(last) or 0) - (r.value(first) or 0) == stated for r in rows)
    return _found(ctx, table, wording.yes_or_no(changed, summary) if asks else summary, rows)


def _cell_bound(ctx: Context, table: CountTable, rows: list[CountRow], year: int, bound: tq.Bound) -> Answer:
    fy = format_fiscal_year(year)
    words = {"at_least": bound.at_least, "strict": bound.strict}

    def judged(row: CountRow, value: int) -> tuple[bool, str]:
        ok = bound.holds(value)
        said = (
            wording.bound_text(bound.value, **words)
            if ok
            else wording.bound_not_reached(bound.value, **words)
        )
        return ok, wording.cell_against(fy, row.label, value, said)

    return _cells_checked(ctx, table, rows, year, judged)


def _cells_checked(
    ctx: Context,
    table: CountTable,
    rows: list[CountRow],
    year: int,
    judged: Callable[[CountRow, int], tuple[bool, str]],
) -> Answer:
    """A yes/no over one year's cells: each row judged by `judged`; an empty cell is a no."""
    fy = format_fiscal_year(year)
    parts = []
    holds = True
    for row in rows:
        value = row.value(year)
        if value is None:
            parts.append(wording.cell_none(fy, row.label))
            holds = False
            continue
        ok, said = judged(row, value)
        holds = holds and ok
        parts.append(said)
    return _found(ctx, table, wording.yes_or_no(holds, "\n".join(parts)), rows)


def _rows_sum(ctx: Context, table: CountTable, rows: list[CountRow], year: int) -> Answer | None:
    cells = [(r, v) for r in rows if (v := r.value(year)) is not None]
    if not cells:
        return None
    parts = "、".join(f"{r.label} {v:,}" for r, v in cells)
    summary = wording.rows_sum(format_fiscal_year(year), sum(v for _, v in cells), parts)
    return _found(ctx, table, summary, rows)


def _sums(ctx: Context) -> bool:
    """total.sum said as an operation, not only as the row 合計 (「合計と各区交流の差」)."""
    rows = [(h.begin, h.end) for h in ctx.query.facets if h.name == "row.total"]
    return any(h.name == "total.sum" and (h.begin, h.end) not in rows for h in ctx.query.facets)


def _row_grown_most(ctx: Context, table: CountTable, years: Sequence[int], *, most: bool) -> Answer | None:
    first, last = years[0], years[-1]
    rows = [r for r in table.rows if r.id != "total"]
    grown = [(r, (r.value(last) or 0) - (r.value(first) or 0)) for r in rows]
    if not grown:
        return None
    edge = (max if most else min)(g for _, g in grown)
    top = [(r, g) for r, g in grown if g == edge]
    parts = "、".join(f"{r.label}（{g:+,}自治体）" for r, g in top)
    summary = wording.row_grown_most(format_fiscal_year(first), format_fiscal_year(last), parts, most=most)
    return _found(ctx, table, summary, [r for r, _ in top])


def _rows_apart(ctx: Context, table: CountTable, rows: list[CountRow], year: int) -> Answer | None:
    (first, a), (second, b) = [(r, r.value(year)) for r in rows]
    if a is None or b is None:
        return None
    summary = wording.rows_apart(
        format_fiscal_year(year), abs(a - b), f"{first.label} {a:,}、{second.label} {b:,}"
    )
    if ctx.query.confirm and ctx.query.numbers:
        stated = ctx.query.numbers[-1]
        summary = wording.yes_or_no(abs(a - b) == stated, wording.figure_stated(summary, abs(a - b), stated))
    return _found(ctx, table, summary, rows)


def _extreme_years(ctx: Context, table: CountTable, rows: list[CountRow], *, most: bool) -> Answer | None:
    parts = []
    for row in rows:
        cells = tq.known(row)
        if not cells:
            continue
        edge = (max if most else min)(v for _, v in cells)
        years = "・".join(format_fiscal_year(y) for y, v in cells if v == edge)
        parts.append(wording.extreme_year(row.label, years, edge, most=most))
    return _found(ctx, table, "\n".join(parts), rows) if parts else None


def _cell_stated(ctx: Context, table: CountTable, rows: list[CountRow], year: int) -> Answer:
    """「令和2年度のHP会員登録自治体は269で合ってる？」「平成27年度に協定締結自治体はあった？」"""
    fy = format_fiscal_year(year)
    stated = [n for n in ctx.query.numbers if n not in _bare_years(ctx, year)]

    def judged(row: CountRow, value: int) -> tuple[bool, str]:
        fact = wording.count_cell(fy, row.label, wording.munis(value))
        if stated:
            return value == stated[-1], wording.figure_stated(fact, value, stated[-1])
        return value > 0, fact

    return _cells_checked(ctx, table, rows, year, judged)


def _bare_years(ctx: Context, year: int) -> set[int]:
    return {n for n in ctx.query.numbers if year in era_years(n)}
