"""A Turn: what is kept of one answer for the next question of the conversation.

The slots of the question as answered (intent, subjects, periods, ordinal, aspects, the words that
name something, the facets) and the records and dates it answered from; JSON in the state store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from renkei_bot.answers.model import Answer
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.query import Query
from renkei_bot.normalize import strip_markup

VERSION = 1
QUESTION_MAX = 80  # characters of the previous question quoted in 「前の質問「…」と同じく」


@dataclass(frozen=True, slots=True)
class Subject:
    id: str
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Span:
    start: date
    end: date
    grain: str
    text: str


@dataclass(frozen=True, slots=True)
class Turn:
    """What is kept of one answer for the next question of the conversation (JSON in the state store)."""

    question: str
    intent: str
    subjects: tuple[Subject, ...] = ()
    periods: tuple[Span, ...] = ()
    ordinal: int | None = None
    ordinal_unit: str = "回"
    aspects: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    facets: tuple[tuple[str, str], ...] = ()  # (facet, word) of intents/_facets.yaml the question showed

    def to_json(self) -> str:
        return json.dumps(
            {
                "v": VERSION,
                "question": self.question,
                "intent": self.intent,
                "subjects": [[s.id, s.name, s.type] for s in self.subjects],
                "periods": [[p.start.isoformat(), p.end.isoformat(), p.grain, p.text] for p in self.periods],
                "ordinal": self.ordinal,
                "ordinal_unit": self.ordinal_unit,
                "aspects": list(self.aspects),
                "terms": list(self.terms),
                "records": list(self.records),
                "dates": list(self.dates),
                "facets": [list(f) for f in self.facets],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> Turn | None:
        """None for nothing saved, or for what an older or newer version saved (it starts afresh)."""
        if not text:
            return None
        try:
            raw = json.loads(text)
            if raw.get("v") != VERSION:
                return None
            return cls(
                question=str(raw["question"]),
                intent=str(raw["intent"]),
                subjects=tuple(Subject(str(i), str(n), str(t)) for i, n, t in raw["subjects"]),
                periods=tuple(
                    Span(date.fromisoformat(s), date.fromisoformat(e), str(g), str(x))
                    for s, e, g, x in raw["periods"]
                ),
                ordinal=None if raw["ordinal"] is None else int(raw["ordinal"]),
                ordinal_unit=str(raw["ordinal_unit"]),
                aspects=tuple(map(str, raw["aspects"])),
                terms=tuple(map(str, raw["terms"])),
                records=tuple(map(str, raw["records"])),
                dates=tuple(map(str, raw["dates"])),
                facets=tuple((str(n), str(w)) for n, w in raw.get("facets", [])),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def turn_of(
    query: Query,
    answer: Answer,
    *,
    is_cue: Callable[[str], bool],
    question: str | None = None,
    dates: Sequence[str] = (),
) -> Turn:
    """The slots of the question as answered (after any carry-over) and the records it answered from.
    `question` is the question whose intent was reused, if any; `dates` stand in for an answer's own
    dates when it states none (the agreement date behind a member count)."""
    return Turn(
        question=question or strip_markup(query.raw).strip()[:QUESTION_MAX],
        intent=answer.intent if answer.intent != "error" else query.intent,
        subjects=tuple(Subject(m.entity_id, m.name, m.type) for m in query.entities),
        periods=tuple(Span(p.start, p.end, p.grain, p.text) for p in own_spans(query)),
        ordinal=query.ordinal,
        ordinal_unit=query.ordinal_unit,
        aspects=query.aspects,
        terms=subject_terms(query, is_cue),
        records=answer.record_ids,
        dates=answer.dates or tuple(dates),
        facets=tuple((h.name, h.word) for h in query.facets),
    )


def subject_terms(query: Query, is_cue: Callable[[str], bool]) -> tuple[str, ...]:
    """The question's words that name something (ロゴマーク), not the words that ask (構成自治体数)."""
    asking = {h.word for h in query.facets}  # 前回, いちばん: words of intents/_facets.yaml ask, not name
    return tuple(
        t
        for t in query.terms
        if len(t) >= 2 and t not in asking and not is_cue(t) and not any(t in cue for cue in query.cues)
    )


def own_spans(query: Query) -> list[Period]:
    """The question's periods, without a bare year glued to a name (東北絆まつり2018)."""
    return [p for p in query.when.spans if not p.attached]
