"""Entities, partners, counts and corrections files: parsed YAML → records (see data/README.md)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from renkei_bot.loader.events import record_label
from renkei_bot.loader.fields import Problems, Reader, is_int
from renkei_bot.records import (
    ENTITY_TYPES,
    Correction,
    CountRow,
    CountTable,
    Entity,
    Flag,
    Partner,
    PartnerTable,
)

ENTITY_FIELDS = ("id", "name", "type", "aliases", "reading", "parent", "note", "own")
PARTNER_FIELDS = ("id", "name", "agreed", "members", "line", "event")
ROW_FIELDS = ("id", "label", "values", "change", "line")
CORRECTION_FIELDS = ("id", "wrong", "right", "note")
_AS_OF = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _records(
    problems: Problems, where: str, kind: str, key: str, items: list[object]
) -> list[tuple[int, Reader]]:
    out: list[tuple[int, Reader]] = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            out.append((index, Reader(problems, f"{where}: {record_label(kind, item, index)}", item)))
        else:
            problems.add(f"{where}: {key}[{index}] is not a mapping of fields")
    return out


def parse_entities(problems: Problems, where: str, items: list[object], invalid: set[str]) -> list[Entity]:
    """The valid entities; the ids of invalid ones go to `invalid`."""
    out: list[Entity] = []
    for _, r in _records(problems, where, "entity", "entities", items):
        r.only(ENTITY_FIELDS)
        ident, name, kind = r.ident("id"), r.text("name"), r.text("type")
        if kind is not None and kind not in ENTITY_TYPES:
            r.fail(f"type '{kind}' is not one of {', '.join(ENTITY_TYPES)}")
        aliases = r.strings("aliases")
        reading = r.text("reading", required=False)
        parent = r.ident("parent", required=False)
        note = r.text("note", required=False)
        own = r.flag("own")
        if r.ok and ident and name and kind:
            entity = Entity(
                ident, name, kind, aliases=aliases, reading=reading, parent=parent, note=note, own=own
            )
            out.append(entity)
        elif (bad := r.record_id()) is not None:
            invalid.add(bad)
    return out


def parse_corrections(
    problems: Problems, where: str, items: list[object], invalid: set[str]
) -> list[Correction]:
    """The valid corrections; the ids of invalid ones go to `invalid`."""
    out: list[Correction] = []
    for _, r in _records(problems, where, "correction", "corrections", items):
        r.only(CORRECTION_FIELDS)
        ident, wrong, right = r.ident("id"), r.text("wrong"), r.text("right")
        note = r.text("note", required=False) or ""
        if r.ok and ident and wrong and right:
            out.append(Correction(ident, wrong, right, note))
        elif (bad := r.record_id()) is not None:
            invalid.add(bad)
    return out


def parse_partners(problems: Problems, where: str, top: Mapping[object, object]) -> PartnerTable | None:
    t = Reader(problems, where, top)
    t.only(("source", "line", "total", "total_line", "partners"))
    t.text("source", required=False)
    total = t.integer("total", minimum=0)
    line = t.integer("line", minimum=1)
    t.integer("total_line", required=False, minimum=1)
    partners: list[Partner] = []
    for _, r in _records(problems, where, "partner", "partners", t.sequence("partners")):
        r.only(PARTNER_FIELDS)
        ident, name, agreed = r.ident("id"), r.text("name"), r.day("agreed")
        members = r.integer("members", minimum=1)
        row_line = r.integer("line", minimum=1)
        event = r.ident("event", required=False)
        if r.ok and ident and name and agreed and members is not None and row_line is not None:
            partners.append(Partner(ident, name, agreed, members, row_line, event))
    if not t.ok or total is None or line is None:
        return None
    return PartnerTable(partners=tuple(partners), total=total, line=line)


def parse_counts(problems: Problems, where: str, top: Mapping[object, object]) -> CountTable | None:
    t = Reader(problems, where, top)
    t.only(("source", "line", "as_of", "years", "rows", "notes", "flags"))
    t.text("source", required=False)
    line = t.integer("line", required=False, minimum=1) or 0
    as_of = t.text("as_of")
    if as_of is not None and not _AS_OF.fullmatch(as_of):
        t.fail(f"as_of '{as_of}' is not MM-DD (e.g. '08-01' for 8月1日)")
    years: list[int] = []
    for i, value in enumerate(t.sequence("years")):
        if is_int(value):
            assert isinstance(value, int)
            years.append(value)
        else:
            t.fail(f"years[{i}] {value!r} is not a fiscal year such as 2015")
    if years != sorted(set(years)):
        t.fail("years are not in order or repeat a year; list each fiscal year once, earliest first")
    row_readers = _records(problems, where, "row", "rows", t.sequence("rows"))
    rows = [row for row in (_row(r, years) for _, r in row_readers) if row is not None]
    notes = t.strings("notes")
    flags: list[Flag] = []
    for index, r in _records(problems, where, "flag", "flags", t.sequence("flags")):
        r.where = f"{where}: flags[{index}]"
        r.only(("row", "fiscal_year", "note"))
        row_id, fy, note = r.ident("row"), r.integer("fiscal_year"), r.text("note")
        if fy is not None and years and fy not in years:
            r.fail(f"fiscal_year {fy} is not one of the years {years}")
        if r.ok and row_id and fy is not None and note:
            flags.append(Flag(row_id, fy, note))
    if not t.ok or as_of is None:
        return None
    return CountTable(
        years=tuple(years), rows=tuple(rows), as_of=as_of, notes=notes, flags=tuple(flags), line=line
    )


def _row(r: Reader, years: list[int]) -> CountRow | None:
    r.only(ROW_FIELDS)
    ident, label = r.ident("id"), r.text("label")
    change = r.integer("change")
    line = r.integer("line", minimum=1)
    raw = r.mapping("values")
    values: dict[int, int | None] = {}
    for key, value in (raw or {}).items():
        year = int(key) if isinstance(key, str) and key.isdigit() else key
        if not isinstance(year, int) or isinstance(year, bool) or (years and year not in years):
            r.fail(f"values has the year {key!r}, which is not one of the years {years}")
        elif value is None:
            values[year] = None
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            values[year] = value
        else:
            r.fail(
                f"values[{year}] {value!r} is not a count; write a whole number, or null where the cell is —"
            )
    missing = [y for y in years if y not in values]
    if raw is not None and missing and r.ok:
        r.fail(f"values has no figure for {missing}; write e.g. {missing[0]}: null where the cell is —")
    if not r.ok or ident is None or label is None or change is None or line is None:
        return None
    ordered = tuple((year, values[year]) for year in years)
    return CountRow(id=ident, label=label, values=ordered, change=change, line=line)
