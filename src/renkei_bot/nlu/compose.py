"""Names written in two parts: 「青森県の市長会」「あおもり県の町村会」「千葉県とは町村会と市長会」 → partners."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from renkei_bot.nlu.resolution import Match, Resolution
from renkei_bot.records import Entity

_KIND = re.compile(r"市長会|町村会")
_NEAR = 3  # 県の市長会: the prefecture and the kind are one name
_FAR = 12  # 千葉県とは町村会と市長会: the kind still belongs to the prefecture named before it


@dataclass(frozen=True)
class PartnerKinds:
    """The partners by (prefecture id, kind), and each partner's prefecture: built once."""

    by_place: dict[tuple[str, str], Entity]
    parent: dict[str, str]
    places: dict[str, str]  # prefecture id → its name (山梨県): an absent partner's name is made of it


def partners_with_parent(entities: Iterable[Entity]) -> PartnerKinds:
    by_place: dict[tuple[str, str], Entity] = {}
    parent: dict[str, str] = {}
    places: dict[str, str] = {}
    for entity in entities:
        if entity.type == "prefecture":
            places[entity.id] = entity.name
        if entity.type != "partner" or not entity.parent:
            continue
        parent[entity.id] = entity.parent
        for kind in ("市長会", "町村会"):
            if entity.name.endswith(kind):
                by_place.setdefault((entity.parent, kind), entity)
    return PartnerKinds(by_place, parent, places)


def compose_partners(resolution: Resolution, text: str, partners: PartnerKinds) -> Resolution:
    if not _KIND.search(text):
        return resolution  # most questions name no 市長会/町村会: nothing to compose
    # (begin, end, prefecture ids, whether the span may be taken into the new name)
    places: list[tuple[int, int, tuple[str, ...], bool]] = [
        (m.begin, m.end, (m.entity_id,), True) for m in resolution.matches if m.type == "prefecture"
    ]
    places += [
        (
            t.begin,
            t.end,
            tuple(c for c, ty in zip(t.candidates, t.types, strict=True) if ty == "prefecture"),
            True,
        )
        for t in resolution.ties
    ]
    # 「群馬県の市長会と町村会」: the second kind takes the prefecture of the partner named first
    places += [
        (m.begin, m.end, (partners.parent[m.entity_id],), False)
        for m in resolution.matches
        if m.type == "partner" and m.entity_id in partners.parent
    ]
    for kind in _KIND.finditer(text):
        if any(m.begin <= kind.start() < m.end for m in resolution.matches if m.type == "partner"):
            continue
        for begin, end, ids, absorb in sorted(places, key=lambda p: kind.start() - p[1]):
            gap = kind.start() - end
            if not ids or not 0 <= gap <= _FAR:
                continue
            partner = next(
                (p for i in ids if (p := partners.by_place.get((i, kind.group(0)))) is not None), None
            )
            if partner is None:
                # 「山梨県は市長会とも協定を？」: the prefecture's association of that kind is no partner
                if absorb and len(ids) == 1 and ids[0] in partners.places:
                    absent = partners.places[ids[0]] + kind.group(0)
                    resolution = dataclasses.replace(resolution, absent=(*resolution.absent, absent))
                    break
                continue
            start = begin if gap <= _NEAR and absorb else kind.start()
            match = Match(
                partner.id,
                partner.name,
                "partner",
                text[start : kind.end()],
                start,
                kind.end(),
                "exact",
                100.0,
            )
            span = range(start, kind.end())
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
