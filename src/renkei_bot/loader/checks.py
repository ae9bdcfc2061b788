"""Checks across files: unique ids, references that resolve, one table of each kind, totals that add up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from renkei_bot.loader.fields import Problems
from renkei_bot.records import Correction, CountTable, Dataset, Entity, Event, PartnerTable

R = TypeVar("R", Event, Entity, Correction)
T = TypeVar("T")

_FIX_ENTITY = "add the entity to entities.yaml or fix the id"


@dataclass
class Collected:
    """The records of every file, each with the file it came from (for messages)."""

    files: list[str] = field(default_factory=list)
    events: list[tuple[str, Event]] = field(default_factory=list)
    entities: list[tuple[str, Entity]] = field(default_factory=list)
    corrections: list[tuple[str, Correction]] = field(default_factory=list)
    partners: list[tuple[str, PartnerTable]] = field(default_factory=list)
    counts: list[tuple[str, CountTable]] = field(default_factory=list)
    # ids of records that had problems of their own: references to them are not reported again
    invalid_ids: set[str] = field(default_factory=set)


def unique(problems: Problems, kind: str, records: Iterable[tuple[str, R]]) -> list[tuple[str, R]]:
    first: dict[str, str] = {}
    out: list[tuple[str, R]] = []
    for where, record in records:
        if record.id in first:
            problems.add(
                f"{where}: {kind} '{record.id}': id '{record.id}' is already used in {first[record.id]}; "
                "give one of them another id"
            )
            continue
        first[record.id] = where
        out.append((where, record))
    return out


def _single(problems: Problems, kind: str, key: str, tables: list[tuple[str, T]]) -> T | None:
    if not tables:
        problems.add(f"no {kind} file: one *.yaml file with a top-level '{key}:' list is required")
        return None
    if len(tables) > 1:
        names = ", ".join(where for where, _ in tables)
        problems.add(f"the {kind} table is in more than one file ({names}); keep it in one file")
        return None
    return tables[0][1]


def assemble(problems: Problems, c: Collected) -> Dataset | None:
    """The Dataset, or None after adding every problem found."""
    events = unique(problems, "event", c.events)
    entities = unique(problems, "entity", c.entities)
    corrections = unique(problems, "correction", c.corrections)
    if not c.events and not any(where.endswith("/events.yaml") for where in c.files):
        problems.add(
            "no events file: events.yaml is missing from the data folder; run `renkei-bot ingest` to make it"
        )
    partners = _single(problems, "partners", "partners", c.partners)
    counts = _single(problems, "counts", "rows", c.counts)
    entity_ids = {e.id for _, e in entities} | c.invalid_ids
    event_ids = {e.id for _, e in events} | c.invalid_ids
    correction_ids = {e.id for _, e in corrections} | c.invalid_ids

    for where, ev in events:
        at = f"{where}: event '{ev.id}'"
        for ref in ev.refs:
            if ref not in entity_ids:
                problems.add(f"{at}: refs '{ref}' is not the id of any entity; {_FIX_ENTITY}")
        if ev.series is not None and ev.series not in entity_ids:
            problems.add(f"{at}: series '{ev.series}' is not the id of any entity; {_FIX_ENTITY}")
        for cid in ev.corrections:
            if cid not in correction_ids:
                problems.add(
                    f"{at}: corrections '{cid}' is not the id of any correction; "
                    "add it to corrections.yaml or fix the id"
                )
    check_entities(problems, entities, entity_ids)
    check_corrections(problems, corrections)
    if partners is not None:
        _check_partners(problems, c.partners[0][0], partners, entity_ids, event_ids)
    if counts is not None:
        _check_counts(problems, c.counts[0][0], counts)
    if problems.count or partners is None or counts is None:
        return None
    return Dataset(
        events=tuple(e for _, e in events),
        entities=tuple(e for _, e in entities),
        partners=partners,
        counts=counts,
        corrections=tuple(e for _, e in corrections),
        files=tuple(c.files),
    )


def check_entities(problems: Problems, entities: list[tuple[str, Entity]], ids: set[str]) -> None:
    parent_of = {e.id: e.parent for _, e in entities}
    for where, entity in entities:
        if entity.parent is None:
            continue
        at = f"{where}: entity '{entity.id}'"
        if entity.parent not in ids:
            problems.add(f"{at}: parent '{entity.parent}' is not the id of any entity; {_FIX_ENTITY}")
            continue
        seen = [entity.id]
        node: str | None = entity.parent
        while node is not None and node in parent_of:
            if node in seen:
                chain = " → ".join([*seen, node])
                problems.add(f"{at}: parent makes a loop ({chain}); an entity cannot be its own ancestor")
                break
            seen.append(node)
            node = parent_of[node]


def check_corrections(problems: Problems, corrections: list[tuple[str, Correction]]) -> None:
    """Two corrections of the same wrong text would fight over it."""
    first: dict[str, str] = {}
    for where, correction in corrections:
        if correction.wrong in first:
            problems.add(
                f"{where}: correction '{correction.id}': wrong {correction.wrong!r} is already corrected by "
                f"'{first[correction.wrong]}'; keep one of them"
            )
        else:
            first[correction.wrong] = correction.id


def _check_partners(
    problems: Problems, where: str, table: PartnerTable, entity_ids: set[str], event_ids: set[str]
) -> None:
    seen: set[str] = set()
    for p in table.partners:
        at = f"{where}: partner '{p.id}'"
        if p.id in seen:
            problems.add(f"{at}: listed twice; keep one row per association")
        seen.add(p.id)
        if p.id not in entity_ids:
            problems.add(f"{at}: id '{p.id}' is not the id of any entity; {_FIX_ENTITY}")
        if p.event is not None and p.event not in event_ids:
            problems.add(f"{at}: event '{p.event}' is not the id of any event; fix the id or remove it")
    total = sum(p.members for p in table.partners)
    if total != table.total:
        problems.add(
            f"{where}: the partners' members add up to {total}, but total is {table.total}; "
            "fix the figures to match the source"
        )


def _check_counts(problems: Problems, where: str, table: CountTable) -> None:
    seen: set[str] = set()
    for row in table.rows:
        if row.id in seen:
            problems.add(f"{where}: row '{row.id}': id '{row.id}' is used twice; give one of them another id")
        seen.add(row.id)
    for i, flag in enumerate(table.flags):
        if flag.row not in seen:
            problems.add(
                f"{where}: flags[{i}]: row '{flag.row}' is not the id of any row; use one of {sorted(seen)}"
            )
