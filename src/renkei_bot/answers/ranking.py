"""Scoring a question's plan over the events it touches, best first, without walking what cannot rank.

A plan (built by answers/select.py from the question) holds weighted sets of event ids: one per entity
of the question, one per word. The events they touch are split by set operations into parts sharing
their sets; parts are scored heaviest first, and once what was met surely beats anything the lighter,
larger sets could still bring, those bring nothing new. Scores are summed in one fixed order, so equal
events stay exactly equal and ties fall to the chronological position.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from renkei_bot.records import Event

ORDINAL_WEIGHT = 3.0
YEAR_WEIGHT = 2.5
_SLACK = 1e-6  # a bound is a sum in another order than the score's: allow for rounding


class Ranked(NamedTuple):
    """An event with its score. A named tuple, not a dataclass: an answer about a thousand tied
    records makes a thousand, and a tuple is built in C (seven times faster than a frozen dataclass)."""

    event: Event
    score: float
    entity_hits: int
    term_hits: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    hits: frozenset[str]
    weight: float
    bonus: float  # when the title contains it
    titled: frozenset[str]  # the events whose (compacted) title contains it


@dataclass(frozen=True, slots=True)
class Plan:
    """What a question scores with, built once per ranking."""

    groups: tuple[frozenset[str], ...]
    weights: tuple[float, ...]
    terms: tuple[Term, ...]
    nth: frozenset[str]
    ordinal: int | None
    years: frozenset[int]
    sets: tuple[frozenset[str], ...]  # every set that can bring an event in, heaviest first
    reach: tuple[float, ...]  # the most sets[i] adds to a score (a term's weight with its title bonus)
    least: tuple[float, ...]  # the least it adds (without the bonus)
    extra: float  # the most the ordinal and the glued year add


def _settled(
    parts: Sequence[tuple[float, float, frozenset[str]]],
    most: float,
    *,
    floor: float | None,
    limit: int | None,
) -> bool:
    """Whether an event scoring at most `most` can no longer reach the floor (a share of the best) or
    the `limit` best, given parts whose every event scores at least their `least`."""
    if floor is not None and parts and most < floor * (max(p[1] for p in parts) - _SLACK):
        return True
    if limit is not None:
        sure = sum(len(p[2]) for p in parts if p[1] - _SLACK > most)
        return sure >= limit
    return False


def top(
    plan: Plan,
    allowed: frozenset[str] | None,
    *,
    events: Sequence[Event],
    positions: Mapping[str, int],
    floor: float | None,
    limit: int | None,
    exclude: frozenset[str] = frozenset(),
    minimum: float = -math.inf,
) -> list[Ranked]:
    """The events the plan touches (those in `allowed`, when given, and not in `exclude`), best first,
    by (−score, position). `events` are the store's, `positions` each event id's index in them.
    Parts that cannot reach `minimum` are not scored (what the caller would drop: some of what is
    returned may still score below it).

    With `floor`, only those scoring at least that share of the best (a prefix of the full ranking,
    ties at the edge included); with `limit`, at most that many.
    """
    blocks: list[tuple[float, frozenset[str], int]] = []  # (−score, events scoring it, shared index)
    shared: list[tuple[int, tuple[str, ...]]] = []  # per part: its entity hits and term hits
    best = -math.inf
    kept: list[float] = []  # with a limit: the `limit` best scores so far, as a min-heap
    for bound, ids in _partition(plan, allowed, exclude, floor=floor, limit=limit):
        if floor is not None and bound + _SLACK < floor * best:
            break  # nothing from here on can reach the floor
        if limit is not None and len(kept) >= limit and bound + _SLACK < kept[0]:
            break  # nor the `limit` best
        if bound + _SLACK < minimum:
            break  # nor what the caller keeps
        scored = _scored(plan, ids, len(shared), events, positions, shared)
        blocks += scored
        best = max(best, -min(b[0] for b in scored))
        if limit is not None:
            for negative, ids_of, _ in scored:
                for _ in range(min(len(ids_of), limit)):
                    if len(kept) < limit:
                        heapq.heappush(kept, -negative)
                    elif -negative > kept[0]:
                        heapq.heapreplace(kept, -negative)
                    else:
                        break
    if floor is not None:
        least = floor * best - 1e-9
        blocks = [b for b in blocks if -b[0] >= least]
    blocks.sort(key=lambda b: b[0])
    # Records are made for what is returned only (a floor may keep 3 of 4,000 scored), and the events
    # of one score are put in order by position in C.
    out: list[Ranked] = []
    where = positions.__getitem__
    new = tuple.__new__
    for negative, group in itertools.groupby(blocks, key=lambda b: b[0]):
        score, tied = -negative, list(group)
        room = len(out) + sum(len(ids) for _, ids, _ in tied) if limit is None else limit
        if len(tied) == 1:
            entity_hits, hits = shared[tied[0][2]]
            order = sorted(map(where, tied[0][1]))[: room - len(out)]
            out += [new(Ranked, (events[p], score, entity_hits, hits)) for p in order]
        else:
            mixed = sorted((positions[i], part) for _, ids, part in tied for i in ids)[: room - len(out)]
            out += [new(Ranked, (events[p], score, *shared[part])) for p, part in mixed]
        if limit is not None and len(out) >= limit:
            break
    return out


def _partition(
    plan: Plan,
    allowed: frozenset[str] | None,
    exclude: frozenset[str],
    *,
    floor: float | None,
    limit: int | None,
) -> list[tuple[float, frozenset[str]]]:
    """The events the question touches, split by which of its sets hold them (set operations, in C),
    each part with the most its events can score; highest first.

    Sets come heaviest first. Once the events already met surely score so well that one first met
    in the remaining (lighter, larger) sets could not reach the floor or the limit, those sets only
    split the parts already there and bring in nothing new: the common words are never walked.
    """
    parts: list[tuple[float, float, frozenset[str]]] = []  # (most, least, ids)
    covered: set[str] = set()
    rest = [*itertools.accumulate(reversed(plan.reach))][::-1]  # the most from sets[i:] on
    for i, (reach, least, ids) in enumerate(zip(plan.reach, plan.least, plan.sets, strict=True)):
        if allowed is not None:
            ids = ids & allowed if len(ids) <= len(allowed) else allowed & ids
        if exclude:
            ids = ids - exclude
        if not ids:
            continue
        split: list[tuple[float, float, frozenset[str]]] = []
        for most, low, part in parts:
            inside = part & ids
            if inside:
                split.append((most + reach, low + least, inside))
                part = part - inside
            if part:
                split.append((most, low, part))
        if not _settled(split, rest[i] + plan.extra + _SLACK, floor=floor, limit=limit):
            fresh = ids.difference(covered)
            if fresh:
                split.append((reach, least, fresh))
                covered.update(fresh)
        parts = split
    parts.sort(key=lambda p: -p[0])
    return [(most + plan.extra, part) for most, _, part in parts]


def _scored(
    plan: Plan,
    part: frozenset[str],
    number: int,
    events: Sequence[Event],
    positions: Mapping[str, int],
    shared: list[tuple[int, tuple[str, ...]]],
) -> list[tuple[float, frozenset[str], int]]:
    """The events of one part as blocks (−score, ids, `number`): they share their sets (noted once in
    `shared`), so only the title bonus, the ordinal and the year tell them apart. The title bonus
    splits the part by set operations; the ordinal and the year are looked at per event. The sums run
    in the same order as ever, so equal events stay exactly equal."""
    some = next(iter(part))
    entity_hits = sum(1 for g in plan.groups if some in g)
    base = sum(weight for g, weight in zip(plan.groups, plan.weights, strict=True) if some in g)
    terms = [t for t in plan.terms if some in t.hits]
    shared.append((entity_hits, tuple(t.term for t in terms)))
    pieces: list[tuple[frozenset[str], tuple[bool, ...]]] = [(part, ())]  # (ids, titled per term so far)
    for term in terms:
        split: list[tuple[frozenset[str], tuple[bool, ...]]] = []
        for ids, titled in pieces:
            inside = ids & term.titled
            if inside:
                split.append((inside, (*titled, True)))
            if len(inside) < len(ids):
                split.append((ids - inside, (*titled, False)))
        pieces = split
    out: list[tuple[float, frozenset[str], int]] = []
    ordinal, nth, years = plan.ordinal, plan.nth, plan.years
    for ids, titled in pieces:
        score = base
        for term, in_title in zip(terms, titled, strict=True):
            score += term.weight + (term.bonus if in_title else 0.0)
        if ordinal is None and not years:
            out.append((-score, ids, number))
            continue
        for event_id in ids:
            event = events[positions[event_id]]
            own = score
            if ordinal is not None and (event.ordinal == ordinal or event_id in nth):
                own += ORDINAL_WEIGHT
            if years and event.date.start and event.date.start.year in years:
                own += YEAR_WEIGHT
            out.append((-own, frozenset((event_id,)), number))
    return out
