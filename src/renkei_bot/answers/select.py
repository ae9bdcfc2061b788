"""Which records a Query is about: hard filters (entities, period) and a relevance ranking.

The ranking is generic: each entity of the question that an event refers to, and each content word
of the question found in the event's text (weighted by how rare the word is across all records),
adds to the event's score. No question is special-cased.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from renkei_bot.answers import ranking
from renkei_bot.answers.ranking import ORDINAL_WEIGHT, YEAR_WEIGHT, Plan, Term
from renkei_bot.answers.ranking import Ranked as Ranked  # answers import it from here
from renkei_bot.dates import fiscal_era_text, fiscal_year_bounds
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.query import Query
from renkei_bot.normalize import compact
from renkei_bot.records import Event, Mention
from renkei_bot.store import Store

T = TypeVar("T")

ENTITY_WEIGHT = 3.0
TITLE_BONUS = 0.5  # a word found in the title counts half again
RELATED = 0.7  # a record's word for the question's verb (決める → 決定) counts a little less
YEAR_FLOOR = 0.3  # a record of the year glued to a name wins if it scores this share of the best
OWN_SERIES = 0.8  # a series' own event is preferred unless another fits this much better
PERIODS_KEPT = 512  # periods whose events are remembered
RARE_WORD = 4.0  # idf of a word so rare that it says which rows are meant (in about 1 % of them)


class Selector:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._idf: dict[str, float] = {}
        self._hits: dict[str, frozenset[str]] = {}
        self._titled: dict[str, frozenset[str]] = {}
        self._entity_events: dict[tuple[str, bool], frozenset[str]] = {}
        self._ties: dict[tuple[tuple[str, ...], bool], frozenset[str]] = {}
        self._nths: dict[tuple[str, str, int], str | None] = {}
        self._titles: list[str | None] = [None] * len(store.events)
        self._categories: list[str] | None = None
        self._months: dict[int, list[Event]] | None = None
        self._mentions: dict[date, list[tuple[Event, Mention]]] | None = None
        self._starting: dict[date, list[Event]] | None = None
        # the last question's plans by the entities skipped: an answer ranks the same question several
        # times (best, then the next, its own series, a wider year); a new Query object starts afresh.
        # One tuple, replaced whole: a thread answering another question never sees this one's plans.
        self._plans: tuple[Query | None, dict[tuple[str, ...], Plan]] = (None, {})
        self._edges: tuple[Event, Event] | None = None
        self._of_query: tuple[Query | None, dict[str, Any]] = (None, {})
        self._derived: dict[str, Any] = {}
        self._periods: dict[
            tuple[tuple[bool, int | None, int | None, date, date, bool], ...], frozenset[str]
        ] = {}

    def of_query(self, query: Query, name: str, build: Callable[[], T]) -> T:
        """What `build` makes of one question, made once for the rest of its answer (several answer
        steps read the same words of it). Kept for the last Query object only, in one tuple replaced
        whole (as the plans): another question, or another thread's, starts afresh."""
        owner, made = self._of_query
        if owner is not query:
            made = {}
            self._of_query = (query, made)
        if name not in made:
            made[name] = build()
        found: T = made[name]
        return found

    def derived(self, name: str, build: Callable[[], T]) -> T:
        """What `build` makes of the records (never of a question), made once: the records never change
        once loaded, and a chart of every year need not walk every record again."""
        if name not in self._derived:
            self._derived[name] = build()
        found: T = self._derived[name]
        return found

    def _dated(self) -> dict[date, list[Event]]:
        if self._starting is None:
            index: dict[date, list[Event]] = {}
            for event in self.store.events:
                if event.date.start is not None:
                    index.setdefault(event.date.start, []).append(event)
            self._starting = index
            dated = [e for e in self.store.events if e.date.start is not None]
            if dated:
                self._edges = dated[0], max(dated, key=lambda e: (e.date.start, self.store.position(e.id)))
        return self._starting

    def starting(self, day: date) -> list[Event]:
        """The dated events that start on this day, in the store's order."""
        return self._dated().get(day, [])

    def dated_edges(self) -> tuple[Event, Event] | None:
        """The first dated event in the store's order and the last by (start, position); None if none."""
        self._dated()
        return self._edges

    def covers_store(self, events: Sequence[Event]) -> bool:
        """Whether `events` are all the store's (the list itself, or a copy as long)."""
        return events is self.store.events or len(events) >= len(self.store.events)

    def mentions_on(self, day: date) -> list[tuple[Event, Mention]]:
        """Dates written inside rows that fall on this day (第2回 京都開催（12/13）), with their row."""
        if self._mentions is None:
            index: dict[date, list[tuple[Event, Mention]]] = {}
            for event in self.store.events:
                for mention in event.mentions:
                    index.setdefault(mention.date, []).append((event, mention))
            self._mentions = index
        return self._mentions.get(day, [])

    def categories(self) -> list[str]:
        """Every category in the records, longest first (so 全国連携講演会 wins over 講演会)."""
        if self._categories is None:
            # the store's own list (its index by category), not a walk over every event
            self._categories = sorted(self.store.categories, key=lambda c: (-len(c), c))
        return self._categories

    # --- building blocks --------------------------------------------------------------------
    def events_of(self, entity_id: str, *, strict: bool = False) -> frozenset[str]:
        """Ids of events about an entity. With strict, a series gives only the events of that series
        (a 区長会総会 that mentions 東北絆まつり is about it, but is not one of its festivals)."""
        key = (entity_id, strict)
        cached = self._entity_events.get(key)
        if cached is None:
            entity = self.store.entity(entity_id)
            events = list(self.store.about(entity_id))
            if entity.type == "series":
                own = self.store.in_series(entity_id)
                events = list(own) if strict and own else events + list(own)
            cached = frozenset(e.id for e in events)
            self._entity_events[key] = cached
        return cached

    def term_hits(self, term: str) -> frozenset[str]:
        cached = self._hits.get(term)
        if cached is None:
            cached = frozenset(e.id for e in self.store.search(term))
            self._hits[term] = cached
        return cached

    def title_hits(self, term: str) -> frozenset[str]:
        """Ids of the events whose title holds the term (compacted), of those whose text does."""
        cached = self._titled.get(term)
        if cached is None:
            key, positions = compact(term), self.store.positions
            cached = frozenset(i for i in self.term_hits(term) if key in self._title_at(positions[i]))
            self._titled[term] = cached
        return cached

    def idf(self, term: str) -> float:
        cached = self._idf.get(term)
        if cached is None:
            n = len(self.store.events)
            cached = math.log((n + 1) / (len(self.term_hits(term)) + 1)) + 0.1
            self._idf[term] = cached
        return cached

    def _title_at(self, position: int) -> str:
        """The compacted title of the event at this position in the store, compacted once."""
        key = self._titles[position]
        if key is None:
            key = self._titles[position] = compact(self.store.events[position].title)
        return key

    # --- filters ----------------------------------------------------------------------------
    def entity_groups(
        self, query: Query, *, skip: Iterable[str] = (), strict: bool = False
    ) -> list[frozenset[str]]:
        """One set of event ids per entity of the question (a tie gives the union of its candidates)."""
        skipped = set(skip)
        # the project itself (own: true) beside another name chooses nothing: every record is about it
        # (「神野先生には全国連携プロジェクトの顧問を」 is about 神野先生's records)
        own = {m.entity_id for m in query.entities if self.store.entity(m.entity_id).own}
        # …nor beside a rare word written in rows that do not name it (ロゴマーク: 「ロゴマークを決定」
        # names no project, though it is the project's logo)
        # …nor when the question asks which of a kind (「パネルに出た特別区の方はどこの区？」: 特別区 is
        # the kind asked, the wards, not a name of the records)
        beside = any(m.entity_id not in own for m in query.entities) or query.kind_asked is not None
        if own and (beside or self._beyond(own, query.terms)):
            skipped |= own
        series = [m.entity_id for m in query.entities if m.type == "series" and m.entity_id not in skipped]
        groups = [
            self._group(m.entity_id, m.type, series, strict=strict)
            for m in query.entities
            if m.entity_id not in skipped
        ]
        for tie in query.ties:
            groups.append(self._tie_events(tie.candidates, strict=strict))
        return [g for g in groups if g is not None]

    def _beyond(self, own: set[str], terms: Sequence[str]) -> bool:
        """Whether a rare word of the question is written in rows the project's own names are not."""
        rare = [t for t in terms if self.idf(t) >= RARE_WORD]
        if not rare:
            return False
        of_own = frozenset().union(*(self.events_of(e) for e in own))
        return any(self.term_hits(t) - of_own for t in rare)

    def _tie_events(self, candidates: tuple[str, ...], *, strict: bool) -> frozenset[str]:
        """The events of any of a tie's candidates (a surname shared by a thousand names at ×1000)."""
        key = (candidates, strict)
        cached = self._ties.get(key)
        if cached is None:
            cached = frozenset().union(*(self.events_of(c, strict=strict) for c in candidates))
            self._ties[key] = cached
        return cached

    def _group(self, entity_id: str, type_: str, series: list[str], *, strict: bool) -> frozenset[str]:
        """An entity's events. A partner asked of beside a series (「広島県の町村の全国連携展示」) also
        has the series' events about its place: the exhibition of 広島県's towns refers to 広島県."""
        group = self.events_of(entity_id, strict=strict)
        parent = self.store.entity(entity_id).parent if type_ == "partner" else None
        if parent and series and self.store.has_entity(parent):
            own = frozenset.union(*(self.events_of(s, strict=True) for s in series))
            group = group | (self.events_of(parent) & own)
        return group

    def _events(self, ids: Iterable[str]) -> list[Event]:
        """Events by id, in the store's (chronological) order."""
        return sorted((self.store.event(i) for i in ids), key=lambda e: self.store.position(e.id))

    def period_ids(self, query: Query) -> frozenset[str] | None:
        """Ids of the events within the question's period, from the store's indexes; None: no period."""
        spans = [p for p in query.when.spans if not p.attached]
        if not spans:
            return None
        # An answer filters by its period several times (best, next, its series, a check), and other
        # questions ask the same year or 年度: the events of a period are looked up once. The key is
        # what decides them (not where the question wrote the period).
        key = tuple((p.any_year, p.month, p.day, p.start, p.end, p.labelled) for p in spans)
        found = self._periods.get(key)
        if found is None:
            if len(self._periods) >= PERIODS_KEPT:
                self._periods.clear()  # any range can be asked: it must not grow without bound
            found = self._periods[key] = self._period_ids(spans)
        return found

    def _period_ids(self, spans: Sequence[Period]) -> frozenset[str]:
        ids: set[str] = set()
        for p in spans:
            if p.any_year and p.month is not None and p.day is not None:
                ids.update(e.id for e in self.store.on_month_day(p.month, p.day))
            elif p.any_year:
                ids.update(e.id for e in self.in_month(p.month))
            else:
                ids.update(e.id for e in self.store.between(p.start, p.end) if e.date.start is not None)
            if p.labelled:  # 「R2講演会」: also the records labelled 令和2年度 (the 講演会 of 2021年2月)
                ids.update(e.id for e in self._labelled(p.start.year))
        return frozenset(ids)

    def _labelled(self, year: int) -> list[Event]:
        """The records whose title names the 年度 that begins in `year` (令和2年度 …)."""
        label = compact(fiscal_era_text(year))
        start, end = fiscal_year_bounds(year)
        return [e for e in self.store.between(start, end) if label in compact(e.title)]

    def in_month(self, month: int | None) -> list[Event]:
        """Dated events of a month in any year (「10月には何があった」 with no year)."""
        if self._months is None:
            months: dict[int, list[Event]] = {}
            for event in self.store.events:
                if event.date.start is not None:
                    months.setdefault(event.date.start.month, []).append(event)
            self._months = months
        return self._months.get(month or 0, [])

    def in_period(self, query: Query, events: Sequence[Event]) -> list[Event]:
        ids = self.period_ids(query)
        if ids is None:
            return list(events)
        if events is self.store.events:
            return self._events(ids)
        return [e for e in events if e.id in ids]

    def filtered(
        self, query: Query, *, skip: Iterable[str] = (), strict: bool = True, series_only: bool = False
    ) -> list[Event]:
        """Events about every entity of the question (AND), within its period.

        With strict=False and no event about all of them, events about the most of them. With
        series_only, a series named in the question means the events of that series.
        """
        groups = self.entity_groups(query, skip=skip, strict=series_only)
        if not groups:
            return self.in_period(query, self.store.events)
        both = frozenset.intersection(*groups)
        if not both and not strict:
            counts: dict[str, int] = {}
            for group in groups:
                for event_id in group:
                    counts[event_id] = counts.get(event_id, 0) + 1
            best = max(counts.values(), default=0)
            both = frozenset(i for i, c in counts.items() if c == best)
        period = self.period_ids(query)
        return self._events(both if period is None else both & period)

    # --- ranking ----------------------------------------------------------------------------
    def rank(
        self,
        query: Query,
        events: Sequence[Event],
        *,
        skip: Iterable[str] = (),
        floor: float | None = None,
        limit: int | None = None,
        exclude: frozenset[str] = frozenset(),
        minimum: float = -math.inf,
    ) -> list[Ranked]:
        """The events that can score (about an entity of the question, or containing one of its
        words), best first.

        With `floor`, only those scoring at least that share of the best (a prefix of the full ranking,
        ties at the edge included); with `limit`, at most that many. Either lets the ranking start from
        the rarest of the question's sets and stop before the common ones, so a large corpus costs what
        the answer shows, not what the question's commonest word touches. Events whose ids are in
        `exclude` are left out; events that cannot score `minimum` may be left out.
        """
        if not events:
            return []
        plan = self._plan(query, skip)
        # Pools are drawn from the store: one as long as the store is all of it.
        allowed = None if self.covers_store(events) else frozenset(e.id for e in events)
        return ranking.top(
            plan,
            allowed,
            events=self.store.events,
            positions=self.store.positions,
            floor=floor,
            limit=limit,
            exclude=exclude,
            minimum=minimum,
        )

    def _plan(self, query: Query, skip: Iterable[str]) -> Plan:
        """_planned(), kept for the rest of the answer to the same Query object."""
        skipped = tuple(skip)
        owner, plans = self._plans
        if owner is not query:
            plans = {}
            self._plans = (query, plans)
        plan = plans.get(skipped)
        if plan is None:
            plan = plans[skipped] = self._planned(query, skipped)
        return plan

    def _planned(self, query: Query, skip: Iterable[str]) -> Plan:
        """The question's weighted sets, compacted and weighed once, rarest (heaviest) first."""
        groups = self.entity_groups(query, skip=skip)
        nth = self._nth_of_series(query)
        related = set(query.related)
        # An entity named in almost every row (特別区全国連携プロジェクト) says less than a rare one.
        n = len(self.store.events)
        weights = [ENTITY_WEIGHT / 2 + math.log((n + 1) / (len(g) + 1)) for g in groups]
        terms: list[Term] = []
        # 婚活パーティー, written by no record: its parts (婚活) count as related words instead
        found = [t for t in query.terms if self.term_hits(t)]
        parts = [p for p in query.parts if not any(p in t for t in found) and p not in query.related]
        related.update(parts)
        for term in (*query.terms, *query.related, *parts):
            weight = self.idf(term) * (RELATED if term in related else 1.0)
            # a verb's noun (決める → 決定) in a title (閣議決定) names that record no more than its lines do
            bonus = 0.0 if term in related and term not in query.terms else TITLE_BONUS * weight
            terms.append(Term(term, self.term_hits(term), weight, bonus, self.title_hits(term)))
        extra = (ORDINAL_WEIGHT if query.ordinal is not None else 0.0) + (
            YEAR_WEIGHT if any(p.attached for p in query.when.spans) else 0.0
        )
        reach = [(w, w, g) for w, g in zip(weights, groups, strict=True)]
        reach += [(t.weight + t.bonus, t.weight, t.hits) for t in terms]
        reach.sort(key=lambda r: -r[0])
        reach.append((0.0, 0.0, nth))
        return Plan(
            groups=tuple(groups),
            weights=tuple(weights),
            terms=tuple(terms),
            nth=nth,
            ordinal=query.ordinal,
            years=frozenset(p.start.year for p in query.when.spans if p.attached),
            sets=tuple(ids for _, _, ids in reach),
            reach=tuple(r for r, _, _ in reach),
            least=tuple(r for _, r, _ in reach),
            extra=extra,
        )

    def _own_series(self, query: Query, skip: Iterable[str]) -> list[Event]:
        """The events of the series the question names, in its period and in the year glued to it."""
        skipped = set(skip)
        series = [m.entity_id for m in query.entities if m.type == "series" and m.entity_id not in skipped]
        if not series:
            return []
        ids = frozenset.intersection(*(self.events_of(s, strict=True) for s in series))
        period = self.period_ids(query)
        own = self._events(ids if period is None else ids & period)
        years = {p.start.year for p in query.when.spans if p.attached}
        if years:  # 東北絆まつり2020: that year's edition, if the series has one
            own = [e for e in own if e.date.start and e.date.start.year in years]
        return own

    def _nth_of_series(self, query: Query) -> frozenset[str]:
        """第1回 of a series whose rows do not number themselves: its n-th event in time."""
        if query.ordinal is None or query.ordinal < 1:
            return frozenset()
        wanted = [("series", m.entity_id) for m in query.entities if m.type == "series"]
        # 「第1回シンポジウム」: a category the question names is numbered the same way
        wanted += [("category", c) for c in query.categories]
        found = (self._nth(kind, name, query.ordinal) for kind, name in wanted)
        return frozenset(event_id for event_id in found if event_id is not None)

    def _nth(self, kind: str, name: str, ordinal: int) -> str | None:
        """The id of the n-th event in time of a series (of its dated events) or of a category, unless
        its rows number themselves; found once (a category has thousands of rows at ×1000)."""
        key = (kind, name, ordinal)
        if key not in self._nths:
            if kind == "series":
                events = [e for e in self.store.in_series(name) if e.date.start or e.date.after]
                events.sort(key=lambda e: self.store.position(e.id))
            else:
                events = self.store.in_category(name)  # in the store's order
            numbered = any(e.ordinal == ordinal for e in events)
            self._nths[key] = events[ordinal - 1].id if not numbered and len(events) >= ordinal else None
        return self._nths[key]

    def best(self, query: Query, *, skip: Iterable[str] = (), series_only: bool = False) -> list[Ranked]:
        """The top-scoring events (all of those tied at the top), best first; [] if nothing relates.

        A series named in the question means its own events first (the festival, not the meeting
        about it), unless an event outside the series fits the question clearly better.
        """
        return self._best(query, skip, series_only)[0]

    def best_and_next(
        self, query: Query, *, floor: float, count: int, share: float
    ) -> tuple[list[Ranked], list[Ranked]]:
        """`best(query)`, and after it the `count` best of the other events of the question's pool that
        score at least `floor` of the pool's best: ranking all of them but the best would walk every
        event near the top (a thousand ties at ×1000) twice. Those scoring under `share` of the first
        best may be left out (the caller shows none of them). ([], []) if nothing in the pool scores."""
        top, pool_best, pool = self._best(query, (), False)
        if pool_best is None:
            return [], []
        exclude = frozenset(r.event.id for r in top)
        after = self.rank(query, pool, limit=count, exclude=exclude, minimum=share * top[0].score)
        return top, [r for r in after if r.score > 0 and r.score >= floor * pool_best - 1e-9]

    def _best(
        self, query: Query, skip: Iterable[str], series_only: bool
    ) -> tuple[list[Ranked], float | None, list[Event]]:
        """best(), the best score of the question's pool (None: nothing in it scores) and the pool."""
        pool = self.filtered(query, skip=skip, strict=False, series_only=series_only)
        ranked = [r for r in self.rank(query, pool, skip=skip, floor=1.0) if r.score > 0]
        pool_best = ranked[0].score if ranked else None
        own = [
            r for r in self.rank(query, self._own_series(query, skip), skip=skip, floor=1.0) if r.score > 0
        ]
        if own and (not ranked or own[0].score >= OWN_SERIES * ranked[0].score):
            ranked = own
        years = {p.start.year for p in query.when.spans if p.attached}
        if years and not any(r.event.date.start and r.event.date.start.year in years for r in ranked[:1]):
            # 「東北絆まつり2020はどうなった？」: that year's records, if any fits the question at all
            wide = [r for r in self.rank(query, pool, skip=skip, floor=YEAR_FLOOR) if r.score > 0]
            ranked = [r for r in wide if r.event.date.start and r.event.date.start.year in years] or ranked
        if not ranked:
            return [], pool_best, pool
        top = ranked[0].score
        return [r for r in ranked if r.score >= top - 1e-9], pool_best, pool
