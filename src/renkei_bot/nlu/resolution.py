"""What the entity recogniser found in a question: matches, ties and near misses.

Offsets (`begin`, `end`) index the question string given to `EntityIndex.find`;
`surface == question[begin:end]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Method = Literal["exact", "fuzzy", "reading"]


@dataclass(frozen=True, slots=True)
class Match:
    """A span resolved to one entity."""

    entity_id: str
    name: str
    type: str
    surface: str
    begin: int
    end: int
    method: Method
    score: float  # 100.0 for exact and exact-reading matches; fuzz.ratio otherwise


@dataclass(frozen=True, slots=True)
class Tie:
    """A span that names two or more entities equally well: ask "which one?", never guess."""

    surface: str
    candidates: tuple[str, ...]  # entity ids, in data order
    names: tuple[str, ...]  # their names, parallel to candidates
    types: tuple[str, ...]  # their types, parallel to candidates
    begin: int
    end: int
    method: Method


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A span close to a name but not close enough to accept: 「もしかして: …」."""

    surface: str
    suggestions: tuple[str, ...]  # entity names, closest first
    score: float  # fuzz.ratio of the closest
    begin: int
    end: int
    entity_ids: tuple[str, ...]  # parallel to suggestions


@dataclass(frozen=True, slots=True)
class Resolution:
    matches: tuple[Match, ...] = ()
    ties: tuple[Tie, ...] = ()
    near_misses: tuple[NearMiss, ...] = ()
    # associations written in two parts that no partner is (「山梨県は市長会とも」 → 山梨県市長会)
    absent: tuple[str, ...] = ()

    @property
    def entity_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.entity_id for m in self.matches))
