"""Answers from 連携自治体数の推移: a cell, a row over the years, the change, the largest rise, the notes."""

from __future__ import annotations

from renkei_bot import wording
from renkei_bot.answers import table_query as tq
from renkei_bot.answers.context import Context
from renkei_bot.answers.model import Answer, Line
from renkei_bot.dates import era_of_year, era_to_year, format_fiscal_year
from renkei_bot.nlu.periods import Period
from renkei_bot.records import CountRow, CountTable

TABLE = "連携自治体数の推移"


def pick_rows(ctx: Context, table: CountTable) -> list[CountRow]:
    """Rows the question names (facets row.<row id>, intents/_facets.yaml); all rows when none is named."""
    named = [row for row in table.rows if ctx.query.has(f"row.{row.id}")]
    return named or list(table.rows)


def asked_spans(ctx: Context) -> list[Period]:
    """The periods the question asks about. 「前年度から増えなかった」 compares with the year before
    each year; that 前年度 is no period counted from today."""
    q = ctx.query
    spans = tq.dated_spans((*q.when.spans, *q.premise))
    if not q.has("change.increase", "change.none"):
        return spans
    before = [h for h in q.facets if h.name == "change.previous"]
    return [s for s in spans if not any(h.begin < s.stop and s.begin < h.end for h in before)]


def _years(ctx: Context, table: CountTable) -> list[int]:
    return tq.fiscal_years(asked_spans(ctx), table.years)


def _cell(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _figure(value: int | None) -> str:
    return "—" if value is None else wording.munis(value)


def row_line(table: CountTable, row: CountRow) -> Line:
    cells = "、".join(f"{format_fiscal_year(y)} {_cell(row.value(y))}" for y in table.years)
    first, last = (era_of_year(y)[1] for y in (table.years[0], table.years[-1]))
    return Line(f"{row.label}: {cells}（{first}→{last}年度 {row.change:+,}）", source=f"L{row.line}")


def _flags(table: CountTable, rows: list[CountRow], years: list[int]) -> tuple[str, ...]:
    ids = {r.id for r in rows}
    return tuple(
        wording.flagged(f.note) for f in table.flags if f.row in ids and (not years or f.fiscal_year in years)
    )


# A bare era year beside a 年度 (「27→3年度」) is read in the eras the table spans.
_TABLE_ERAS = ("平成", "令和")


def era_years(n: int) -> tuple[int, ...]:
    """The years a bare era year (27, 3) may stand for in the table."""
    return tuple(era_to_year(era, n) for era in _TABLE_ERAS) if n >= 1 else ()


def stated_figure(ctx: Context, table: CountTable) -> int | None:
    """The figure a yes/no states (「27→3年度の増加は+463？」): its last number that is no 年度 of the
    table (27 there); None when it states none."""
    stated = [n for n in ctx.query.numbers if not any(y in table.years for y in era_years(n))]
    return stated[-1] if stated else None


def yearly_count(ctx: Context) -> Answer:
    table = ctx.store.counts
    rows = pick_rows(ctx, table)
    years = _years(ctx, table)
    q = ctx.query
    source = (f"{TABLE}（{', '.join(f'L{r.line}' for r in rows)}）",)
    base = {"title": TABLE, "sources": source, "record_ids": tuple(r.id for r in rows)}
    if q.has("extreme.max") and q.has("change.increase"):
        # the years asked, or all but them (「初年度の28年度は除いて」)
        within = [y for y in table.years if y not in years] if q.has("filter.except") else years
        answers = []
        for row in rows:
            for year, rise in tq.largest_rise(row, within=within):
                answers.append(wording.largest_rise(row.label, format_fiscal_year(year), rise))
        lines = tuple(row_line(table, r) for r in rows)
        return ctx.found("\n".join(answers), lines=lines, notes=(wording.as_of(table.as_of),), **base)
    wards = q.entity_ids("ward")
    if wards and not q.entity_ids("partner"):
        # 「練馬区の交流自治体数は？」: the table counts all 23 wards together, none on its own
        name = ctx.store.entity(wards[0]).name
        lines = tuple(row_line(table, r) for r in rows)
        return ctx.not_found(wording.count_not_by_ward(name), lines=lines)
    asked_years = asked_spans(ctx)
    if asked_years and not years:
        first, last = table.years[0], table.years[-1]
        return ctx.not_found(wording.no_count_year(format_fiscal_year(first), format_fiscal_year(last)))
    notes = (wording.as_of(table.as_of), *_flags(table, rows, years))
    if q.has("table.as_of") and not years:
        return ctx.found(wording.as_of(table.as_of), lines=tuple(Line(n) for n in table.notes), **base)
    if q.has("table.meaning"):
        total = next((n for n in table.notes if "重複" in n), table.notes[-1] if table.notes else "")
        return ctx.found(wording.total_meaning(total), lines=(row_line(table, table.rows[-1]),), **base)
    if q.has("change.increase"):
        if len(years) >= 2:
            first, last = years[0], years[-1]
            parts = []
            for row in rows:
                a, b = row.value(first), row.value(last)
                if a is not None and b is not None:
                    parts.append(
                        wording.change_between(
                            row.label, format_fiscal_year(first), format_fiscal_year(last), b - a
                        )
                    )
                elif b is not None:
                    parts.append(wording.change_stated(row.label, row.change))
            summary = "\n".join(parts)
        else:
            summary = "\n".join(wording.change_stated(r.label, r.change) for r in rows)
        stated = stated_figure(ctx, table)
        if q.confirm and stated is not None:  # 「27→3年度の増加は+463であってますか」: the figure, checked
            summary = wording.yes_or_no(stated in {r.change for r in rows}, summary)
        return ctx.found(summary, lines=tuple(row_line(table, r) for r in rows), notes=notes, **base)
    if years:
        # 「令和3年度の連携自治体数は」 names no row: the 合計 is the figure asked, the rows follow
        order = rows if len(rows) == 1 else sorted(rows, key=lambda r: r.id != "total")
        parts = [
            wording.count_cell(format_fiscal_year(y), r.label, _figure(r.value(y)))
            for r in order
            for y in years
        ]
        return ctx.found("\n".join(parts), lines=tuple(row_line(table, r) for r in rows), notes=notes, **base)
    return ctx.found(
        wording.count_rows(TABLE), lines=tuple(row_line(table, r) for r in rows), notes=notes, **base
    )
