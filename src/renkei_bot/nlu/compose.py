"""Names written in two parts: 「青森県の市長会」「あおもり県の町村会」 → the partner 青森県市長会."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from renkei_bot.nlu.resolution import Match, Resolution
from renkei_bot.records import Entity

_KIND = re.compile(r"市長会|町村会")
_GAP = 3  # characters allowed between the prefecture and the kind: 県の, 府の


def partners_with_parent(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(e for e in entities if e.type == "partner" and e.parent)


def compose_partners(resolution: Resolution, text: str, entities: Iterable[Entity]) -> Resolution:
    """`entities`: the partners that have a parent (partners_with_parent), computed once."""
    partners = list(entities)
    for kind in _KIND.finditer(text):
        if any(m.begin <= kind.start() < m.end for m in resolution.matches if m.type == "partner"):
            continue
        places: list[tuple[int, int, tuple[str, ...]]] = [
            (m.begin, m.end, (m.entity_id,)) for m in resolution.matches if m.type == "prefecture"
        ]
        places += [
            (
                t.begin,
                t.end,
                tuple(c for c, ty in zip(t.candidates, t.types, strict=True) if ty == "prefecture"),
            )
            for t in resolution.ties
        ]
        for begin, end, ids in places:
            if not ids or not 0 <= kind.start() - end <= _GAP:
                continue
            partner = next((p for p in partners if p.parent in ids and p.name.endswith(kind.group(0))), None)
            if partner is None:
                continue
            match = Match(
                partner.id,
                partner.name,
                "partner",
                text[begin : kind.end()],
                begin,
                kind.end(),
                "exact",
                100.0,
            )
            span = range(begin, kind.end())
            resolution = dataclasses.replace(
                resolution,
                matches=(*(m for m in resolution.matches if m.begin not in span), match),
                ties=tuple(t for t in resolution.ties if t.begin not in span),
                near_misses=tuple(
                    n for n in resolution.near_misses if n.begin not in span and n.end - 1 not in span
                ),
            )
            break
    return resolution
