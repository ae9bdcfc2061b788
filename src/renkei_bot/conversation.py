"""Follow-ups: a question that lacks a subject, a period or an intent inherits them from the last turn.

`follow(previous, query, marks)` takes the saved slots of the previous answer (a Turn) and the new
Query, and returns the Query to answer plus what was carried over, so the answer can say so. It only
fills what the question leaves out: a slot the question fills itself is never replaced. Whether the
question stands on its own is read from the parsed Query (its entities, periods, ordinal and intent
cues); the words that mark a follow-up (その前, もっと, じゃあ …) are data in intents/_followups.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from renkei_bot import wording
from renkei_bot.dates import format_period, month_end
from renkei_bot.nlu.facets import FacetHit
from renkei_bot.nlu.periods import Period, shift_months
from renkei_bot.nlu.query import Query
from renkei_bot.nlu.resolution import Match
from renkei_bot.nlu.when import When
from renkei_bot.turn import Span, Turn, own_spans, subject_terms

_ABSOLUTE = re.compile(r"[0-9〇一二三四五六七八九十元]")  # a period with a number is no relative one
# Intents that answer about a subject: asked without one (構成自治体数は？, いつ？, テーマは？), they are
# about the subject of the last answer.
SUBJECT_INTENTS = frozenset(
    {"agreement_date", "member_count", "when", "detail", "who", "count", "events_about"}
)
# Intents that, asked with no word but their cue (最初は？ 最後は？), are about the last subject.
BARE_INTENTS = frozenset({"first_last"})
# Intents for which a period alone (2018年度は？) asks the same again for that period.
PERIOD_INTENTS = frozenset({"events_in_period", "events_about", "count", "summary", "partners_list"})
# What a question with nothing but these asks of the last answer's subjects (「その差は？」「合計は？」)
_OPERATIONS = ("change.", "total.", "extreme.", "compare.")
# Intents that pick one record: an inherited ordinal (第1回) still points at it.
ONE_RECORD = frozenset({"when", "detail", "who"})
# 「もっと詳しく」 after a one-fact answer: everything about that record or subject.
EXPAND_TO = {"when": "detail", "who": "detail", "detail": "detail", "agreement_date": "events_about"}
EXPAND_TO["member_count"] = "events_about"


@dataclass(frozen=True, slots=True)
class Carried:
    """The Query to answer and what it took from the previous turn (empty: it stands on its own)."""

    query: Query
    about: tuple[str, ...] = ()  # names and periods carried or moved: 「北海道町村会について：」
    question: str | None = None  # the previous question, when its intent was reused
    expand: bool = False  # 「もっと」「詳しく」: the last answer, in full

    @property
    def carried(self) -> bool:
        return bool(self.about or self.question or self.expand)


def follow(
    previous: Turn | None,
    query: Query,
    marks: frozenset[str],
    *,
    is_cue: Callable[[str], bool],
    is_own: Callable[[str], bool] = lambda _: False,
) -> Carried:
    """`is_own`: whether an entity is the project's own side (特別区, 区長会): naming it alone
    (「特別区からは誰が参加した？」) names no new subject."""
    if previous is None:
        return Carried(query)
    named = [m for m in query.entities if not is_own(m.entity_id)]
    own_subject = bool(
        named or query.ties or query.unknown_names or query.near_misses or query.names
    ) or bool(subject_terms(query, is_cue))
    moves = [m for m in ("period.same", "period.before", "period.after") if m in marks]
    if moves and own_spans(query) and not any(_ABSOLUTE.search(p.text) for p in own_spans(query)):
        # 前年度・翌年 in a conversation count from the last answer's period, not from today
        query = replace(query, when=replace(query.when, spans=()))
    own_period = bool(own_spans(query) or query.when.anniversary or query.premise)
    own_intent = bool(query.cues) and query.intent != "fallback"
    aspect = bool(query.aspects)

    if own_subject and own_intent:
        return Carried(query)
    if moves and not own_period and not (aspect and not own_subject):
        return _moved(previous, query, moves[0], own_subject=own_subject, own_intent=own_intent)
    if "expand" in marks and not (own_subject or own_period or query.ordinal is not None or aspect):
        return _expanded(previous, query)
    about_last = own_intent and (
        query.intent in SUBJECT_INTENTS or (query.intent in BARE_INTENTS and not query.terms)
    )
    if not own_subject and not own_period and (aspect or about_last):
        return _same_subject(previous, query, own_intent=own_intent)
    operates = any(h.name.startswith(_OPERATIONS) for h in query.facets)
    if operates and not (own_subject or own_period or own_intent) and len(previous.subjects) >= 2:
        return _operated(previous, query)
    # A slot alone reuses the last question; a period alone only where a period narrows that question.
    new_slot = own_subject or query.ordinal is not None
    period_alone = own_period and ("switch" in marks or previous.intent in PERIOD_INTENTS)
    if not own_intent and (new_slot or period_alone):
        return _same_question(previous, query, own_subject=own_subject, own_period=own_period)
    return Carried(query)


def _matches(previous: Turn, query: Query) -> tuple[Match, ...]:
    end = len(query.text)  # past the end of the text: no offset of it refers to a carried name
    return tuple(Match(s.id, s.name, s.type, s.name, end, end, "exact", 100.0) for s in previous.subjects)


def _facets(previous: Turn, query: Query, *, families: tuple[str, ...] = ()) -> tuple[FacetHit, ...]:
    """The question's facets, and the last question's of the families it does not show itself (a
    reused 「いちばん多いのは」 still asks for the most); only of `families` when given."""
    own = {h.name.split(".")[0] for h in query.facets}
    end = len(query.text)
    kept = tuple(
        FacetHit(n, w, end, end)
        for n, w in previous.facets
        if n.split(".")[0] not in own and (not families or n.split(".")[0] in families)
    )
    return (*query.facets, *kept)


def _periods(spans: Sequence[Span], query: Query) -> When:
    end = len(query.text)
    carried = tuple(Period(s.start, s.end, s.grain, s.text, end, end) for s in spans)  # type: ignore[arg-type]
    return replace(query.when, spans=(*query.when.spans, *carried))


def _label(span: Span) -> str:
    return format_period(span.start, span.end, span.grain, span.text)


def _ordinal(previous: Turn) -> str | None:
    return f"第{previous.ordinal}{previous.ordinal_unit}" if previous.ordinal is not None else None


def _same_subject(previous: Turn, query: Query, *, own_intent: bool) -> Carried:
    """構成自治体数は？ / テーマは？ / いつ？: the question's intent about the last answer's subject."""
    intent = query.intent if own_intent else "detail"
    ordinal = previous.ordinal if intent in ONE_RECORD and query.ordinal is None else query.ordinal
    carried = replace(
        query,
        intent=intent,
        entities=_matches(previous, query),
        when=_periods(previous.periods, query),
        ordinal=ordinal,
        ordinal_unit=previous.ordinal_unit if ordinal is not None else query.ordinal_unit,
        terms=(*query.terms, *previous.terms),
        facets=_facets(previous, query, families=("order",)),  # 最初の… → テーマは？: the same first one
    )
    names = [s.name for s in previous.subjects] or list(previous.terms[:1])
    edition = _ordinal(previous) if ordinal is not None and query.ordinal is None else None
    about = wording.carried_subject([_label(p) for p in previous.periods], edition, names)
    return Carried(carried, about=(about,) if about else ())


def _operated(previous: Turn, query: Query) -> Carried:
    """「…合わせると何自治体？」 then 「その差は？」: the last question's subjects, with what this one
    asks of them (its own facets only: the sum asked before is not asked again)."""
    carried = replace(
        query,
        intent=previous.intent,
        entities=_matches(previous, query),
        when=_periods(previous.periods, query),
    )
    about = wording.carried_subject(
        [_label(p) for p in previous.periods], None, [s.name for s in previous.subjects]
    )
    return Carried(carried, about=(about,) if about else ())


def _same_question(previous: Turn, query: Query, *, own_subject: bool, own_period: bool) -> Carried:
    """じゃあ奈良県町村会は？ / 2018年度は？ / 第2回は？: the last question again, with the new slot."""
    carried = replace(
        query,
        intent=previous.intent,
        cues=query.cues,
        entities=query.entities if own_subject else _matches(previous, query),
        when=query.when if own_period else _periods(previous.periods, query),
        ordinal=query.ordinal if query.ordinal is not None or own_subject else previous.ordinal,
        aspects=query.aspects or previous.aspects,
        terms=query.terms if own_subject else (*query.terms, *previous.terms),
        facets=_facets(previous, query),
    )
    return Carried(carried, question=previous.question)


def _expanded(previous: Turn, query: Query) -> Carried:
    """もっと詳しく: the last question answered again, every line shown; after a one-fact answer,
    everything recorded about that event or subject."""
    intent = EXPAND_TO.get(previous.intent, previous.intent)
    carried = replace(
        query,
        intent=intent,
        entities=_matches(previous, query),
        when=_periods(previous.periods, query),
        ordinal=previous.ordinal,
        ordinal_unit=previous.ordinal_unit,
        aspects=() if intent != previous.intent else previous.aspects,
        terms=previous.terms,
        facets=_facets(previous, query) if intent == previous.intent else query.facets,
    )
    return Carried(carried, question=previous.question, expand=True)


def _moved(previous: Turn, query: Query, move: str, *, own_subject: bool, own_intent: bool) -> Carried:
    """その年は？ / その前は？ / 翌年度は？: the period of the last answer, moved."""
    base = _base_period(previous)
    if base is None:
        return Carried(query)
    span = _shift(base, {"period.same": 0, "period.before": -1, "period.after": 1}[move])
    intent = query.intent if own_intent else previous.intent
    if intent not in PERIOD_INTENTS and not own_intent:
        intent = "events_in_period"
    keep_subject = not own_subject and intent == previous.intent and intent in PERIOD_INTENTS
    carried = replace(
        query,
        intent=intent,
        entities=query.entities if not keep_subject else _matches(previous, query),
        when=_periods((span,), query),
        terms=query.terms if not keep_subject else (*query.terms, *previous.terms),
    )
    names = [s.name for s in previous.subjects] if keep_subject else []
    return Carried(carried, about=(wording.carried_subject([_label(span)], None, names),))


def _base_period(previous: Turn) -> Span | None:
    """The period the last answer was about: the one asked, or else the year of its first dated fact."""
    if previous.periods:
        return previous.periods[0]
    for iso in previous.dates:
        try:
            day = date.fromisoformat(iso[:10])
        except ValueError:
            continue
        return Span(date(day.year, 1, 1), date(day.year, 12, 31), "year", f"{day.year}年")
    return None


def _shift(span: Span, step: int) -> Span:
    """The same grain `step` units later; a day or a range counts as its year."""
    if span.grain == "month":
        first = shift_months(span.start, step)
        return Span(first, month_end(first.year, first.month), "month", "")
    if span.grain == "fiscal_year":
        year = span.start.year + step
        return Span(date(year, 4, 1), date(year + 1, 3, 31), "fiscal_year", f"{year}年度")
    year = span.start.year + step
    return Span(date(year, 1, 1), date(year, 12, 31), "year", f"{year}年")
