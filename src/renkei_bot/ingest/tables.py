"""The two tables after the chronology: 広域連携協定締結団体一覧 and 連携自治体数の推移."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from renkei_bot import wording
from renkei_bot.dates import ERAS, era_to_year, fiscal_era_text
from renkei_bot.errors import IngestError
from renkei_bot.ingest.clean import clean
from renkei_bot.ingest.rows import Layout, TableLine
from renkei_bot.normalize import compact
from renkei_bot.records import CountRow, CountTable, Entity, Event, Flag, Partner

_PARTNER = re.compile(
    rf"^(.+?)\(({'|'.join(n for n, _, _ in ERAS)})(\d{{1,2}}|元)年(\d{{1,2}})月(\d{{1,2}})日\)$"
)
_FY = re.compile(r"^(\d{1,2}|元)年度$")
_CHANGE = re.compile(r"^(\d{1,2}|元)→(\d{1,2}|元)年度$")
_AS_OF = re.compile(r"(\d{1,2})月(\d{1,2})日現在")
TOTAL_LABEL = "合計"
COUNT_ROWS: dict[str, str] = {
    "各区交流自治体": "ward-exchange",
    "全国連携HP会員登録自治体": "hp-member",
    "広域連携協定締結自治体": "agreement",
    TOTAL_LABEL: "total",
}
AGREEMENT_ROW = "agreement"


@dataclass(frozen=True, slots=True)
class Partners:
    partners: tuple[Partner, ...]
    total: int
    line: int  # the heading
    total_line: int


def _number(text: str, path: str, line: int, what: str) -> int:
    digits = clean(text).replace(",", "")
    if not re.fullmatch(r"\+?\d+", digits):
        raise IngestError(path, line, f"{what}: {text!r} is not a number")
    return int(digits)


def parse_partners(layout: Layout, entities: Sequence[Entity], events: Sequence[Event]) -> Partners:
    path = layout.path
    by_name = {compact(n): e for e in entities if e.type == "partner" for n in (e.name, *e.aliases)}
    partners: list[Partner] = []
    for row in layout.partners[1:]:
        if len(row.cells) != 2:
            raise IngestError(
                path, row.line, f"expected 'name(agreed date)<TAB>members', found {len(row.cells)} cells"
            )
        label = clean(row.cells[0])
        if compact(label) == TOTAL_LABEL:
            total = _number(row.cells[1], path, row.line, "the total 合計")
            stated = sum(p.members for p in partners)
            if stated != total or not partners:
                raise IngestError(
                    path,
                    row.line,
                    f"the members add up to {stated}, but 合計 says {total}: the table is inconsistent",
                )
            return Partners(
                partners=tuple(partners), total=total, line=layout.partners_line, total_line=row.line
            )
        m = _PARTNER.match(label)
        if not m:
            raise IngestError(path, row.line, f"cannot read {label!r}: expected 団体名（平成28年4月26日）")
        name = m[1].strip()
        entity = by_name.get(compact(name))
        if entity is None:
            raise IngestError(
                path, row.line, f"{name} is not a partner in entities.yaml: add it (type: partner)"
            )
        try:
            agreed = date(era_to_year(m[2], 1 if m[3] == "元" else int(m[3])), int(m[4]), int(m[5]))
        except ValueError as exc:
            raise IngestError(path, row.line, f"cannot read the date of {label!r}: {exc}") from exc
        ceremony = next(
            (
                e.id
                for e in events
                if e.date.start == agreed and e.category == "連携協定" and entity.id in e.refs
            ),
            None,
        )
        partners.append(
            Partner(
                id=entity.id,
                name=entity.name,
                agreed=agreed,
                members=_number(row.cells[1], path, row.line, name),
                line=row.line,
                event=ceremony,
            )
        )
    last = layout.partners[-1].line if layout.partners else layout.partners_line
    raise IngestError(path, last, "the partners table ends without its 合計 row: the file looks truncated")


def _years(header: TableLine, path: str, first_era: str) -> tuple[int, ...]:
    """27年度 … 元年度 2年度 3年度: the era moves on where the numbering starts again."""
    eras = [name for name, _, _ in reversed(ERAS)]
    era = eras.index(first_era)
    years: list[int] = []
    previous = 0
    for cell in header.cells[1:-1]:
        m = _FY.match(clean(cell))
        if not m:
            raise IngestError(
                path, header.line, f"cannot read the column {cell!r}: expected 27年度 or 元年度"
            )
        number = 1 if m[1] == "元" else int(m[1])
        if number <= previous:
            era += 1
        previous = number
        years.append(era_to_year(eras[era], number))
    if not _CHANGE.match(clean(header.cells[-1])):
        raise IngestError(
            path, header.line, f"the last column {header.cells[-1]!r} is not the change 27→3年度"
        )
    return tuple(years)


def parse_counts(layout: Layout, partners: Partners, *, first_era: str) -> CountTable:
    path = layout.path
    if not layout.counts:
        raise IngestError(path, layout.counts_line, "the counts table has no rows: the file looks truncated")
    years = _years(layout.counts[0], path, first_era)
    rows: list[CountRow] = []
    for line in layout.counts[1:]:
        label = clean(line.cells[0])
        row_id = COUNT_ROWS.get(compact(label))
        if row_id is None:
            raise IngestError(
                path, line.line, f"unknown row {label!r}: expected one of {', '.join(COUNT_ROWS)}"
            )
        if len(line.cells) != len(years) + 2:
            raise IngestError(path, line.line, f"expected {len(years) + 2} cells, found {len(line.cells)}")
        values = tuple(
            (year, None if clean(cell) in ("-", "") else _number(cell, path, line.line, f"{label} {year}"))
            for year, cell in zip(years, line.cells[1:-1], strict=True)
        )
        change = _number(line.cells[-1], path, line.line, f"{label} change")
        rows.append(CountRow(id=row_id, label=label, values=values, change=change, line=line.line))
    missing = [label for label, row_id in COUNT_ROWS.items() if row_id not in {r.id for r in rows}]
    if missing:
        raise IngestError(path, layout.last_line, f"the counts table lacks {', '.join(missing)}: truncated?")
    notes = tuple(clean(n.cells[0]).removeprefix("※").strip() for n in layout.notes)
    as_of = next((m for n in notes if (m := _AS_OF.search(n))), None)
    if as_of is None:
        raise IngestError(path, layout.last_line, "no ※ note saying 各年8月1日現在: truncated?")
    month, day = int(as_of[1]), int(as_of[2])
    table = CountTable(
        years=years, rows=tuple(rows), as_of=f"{month:02d}-{day:02d}", notes=notes, line=layout.counts_line
    )
    return with_flags(table, partners, month=month, day=day)


def with_flags(table: CountTable, partners: Partners, *, month: int, day: int) -> CountTable:
    """Flag an agreement count that the partners table does not support at its as-of day."""
    flags: list[Flag] = []
    for year, stated in table.row(AGREEMENT_ROW).values:
        as_of = date(year, month, day)
        signed = [p for p in partners.partners if p.agreed <= as_of]
        expected = sum(p.members for p in signed)
        if stated is None or stated == expected:
            continue
        late = [p for p in partners.partners if p.agreed > as_of]
        note = wording.count_flag_note(
            fiscal_year=fiscal_era_text(year),
            stated=stated,
            as_of=f"{month}月{day}日",
            expected=expected,
            late=[(p.name, p.members, f"{p.agreed.year}年{p.agreed.month}月{p.agreed.day}日") for p in late],
        )
        flags.append(Flag(row=AGREEMENT_ROW, fiscal_year=year, note=note))
    return CountTable(
        years=table.years,
        rows=table.rows,
        as_of=table.as_of,
        notes=table.notes,
        flags=tuple(flags),
        line=table.line,
    )
