"""What every answer function is given: the store, the selector, the entity index and the Query."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from renkei_bot import wording
from renkei_bot.answers.lines import cite, event_line, event_lines, iso_dates
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.select import Selector
from renkei_bot.dates import fiscal_era_text, format_date, format_period
from renkei_bot.nlu.entities import EntityIndex
from renkei_bot.nlu.facets import Vocabulary
from renkei_bot.nlu.intents import Classifier
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.query import Query
from renkei_bot.nlu.resolution import Match
from renkei_bot.records import Event
from renkei_bot.store import Store


@dataclass(frozen=True)
class Context:
    store: Store
    selector: Selector
    index: EntityIndex
    classifier: Classifier
    query: Query
    vocabulary: Vocabulary

    def found(self, summary: str, **fields: Any) -> Answer:
        return Answer(
            question=self.query.raw, intent=self.query.intent, found=True, summary=summary, **fields
        )

    def found_record(self, summary: str, event: Event, lines: Sequence[Line] | None = None) -> Answer:
        """An answer from one record: its title, its source and date (its line unless `lines`)."""
        return self.found(
            summary,
            title=event.title[:150],
            lines=tuple(lines) if lines is not None else (event_line(event),),
            sources=(cite(event),),
            dates=iso_dates([event]),
            record_ids=(event.id,),
        )

    def found_records(self, summary: str, events: Sequence[Event], **fields: Any) -> Answer:
        """An answer from several records: each one's line, source and date (`fields`: a title)."""
        return self.found(
            summary,
            lines=event_lines(events),
            sources=tuple(cite(e) for e in events),
            dates=iso_dates(events),
            record_ids=tuple(e.id for e in events),
            **fields,
        )

    def not_found(
        self,
        summary: str,
        *,
        did_you_mean: Sequence[str] = (),
        suggestions: Sequence[str] = (),
        candidates: Sequence[str] = (),
        lines: Sequence[Line] = (),
    ) -> Answer:
        return Answer(
            question=self.query.raw,
            intent=self.query.intent,
            found=False,
            summary=summary,
            title=wording.default_title(False),
            did_you_mean=tuple(did_you_mean),
            candidates=tuple(candidates),
            lines=tuple(lines),
            suggestions=tuple(suggestions) or tuple(self.classifier.help_examples()[:4]),
        )

    def asking_word(self, word: str) -> bool:
        """A word that asks (a cue of an intent, an aspect: 住所, 期間, 開催日), not a thing asked about."""
        return self.classifier.is_cue(word) or word in self.vocabulary.facets.aspect_lemmas

    def years_said(self) -> list[int]:
        """The figures the question counts in years (「10年になる」「10周年」), in order."""
        return [n for n, unit in self.query.counted if unit in self.vocabulary.year_counters]

    def claimed_for_aspect(self) -> tuple[Match, ...]:
        """「…って主催は特別区長会だったよね？」: the names said after the asked aspect's word are what
        the question claims that aspect is; the names before it say which record (北海道 of the
        event's name). Empty when no name follows an aspect word."""
        hits = [
            h
            for h in self.query.facets
            if h.name.startswith("aspect.") and h.name not in ("aspect.content", "aspect.role")
        ]
        if not hits:
            return ()
        after = tuple(m for m in self.query.entities if m.begin >= min(h.end for h in hits))
        if after:
            return after
        # 「…って特別区長会の主催だったっけ？」: a name after the topic, joined to the aspect's word by の
        topic = self.query.topic_end
        return tuple(
            m
            for m in self.query.entities
            if topic is not None and m.begin >= topic and any(m.end + 1 == h.begin for h in hits)
        )

    def nothing(self) -> Answer:
        return self.not_found(wording.NOT_FOUND, did_you_mean=self.near_miss_names())

    def with_aspects(self, *aspects: str) -> Context:
        query = dataclasses.replace(self.query, aspects=(*self.query.aspects, *aspects))
        return dataclasses.replace(self, query=query)

    def suggest_names(self, name: str, *, types: Iterable[str] = ()) -> tuple[str, ...]:
        wanted = set(types)
        names = self.index.suggest(name, limit=5)
        if not wanted:
            return names[:3]
        typed = {e.name for t in wanted for e in self.index.by_type(t)}
        return tuple(n for n in names if n in typed)[:3]

    def near_miss_names(self) -> tuple[str, ...]:
        names: list[str] = []
        for miss in self.query.near_misses:
            names.extend(miss.suggestions)
        return tuple(dict.fromkeys(names))[:3]

    def premise_notes(self, recorded: Sequence[date]) -> tuple[str, ...]:
        """A question that states a date the records contradict gets the recorded fact, said plainly."""
        spans = [
            p for p in (*self.query.premise, *self.query.when.spans) if not p.attached and not p.any_year
        ]
        if not spans or not recorded:
            return ()
        if any(s.start <= d <= s.end for s in spans for d in recorded):
            return ()
        said = spans[0]
        asked = period_label(said)
        if said.relative:  # 「10年前」: counted from today, and the records' date counted the same way
            ago = sorted({self.query.today.year - d.year for d in recorded})
            return (
                wording.premise_differs_ago(said.text, asked, "、".join(map(format_date, recorded)), ago),
            )
        return (wording.premise_differs(asked, "、".join(format_date(d) for d in recorded)),)

    def label(self) -> str:
        """What a list is of: the period and the names asked about."""
        parts = [period_label(p, of_records=True) for p in self.query.when.spans if not p.attached]
        parts += [m.name for m in self.query.entities] + [t.surface for t in self.query.ties]
        parts += [c for c in self.query.categories if c not in parts]  # 国の方針
        return wording.label_of(parts)


def period_label(period: Period, *, of_records: bool = False) -> str:
    """A period as answers name it; `of_records`: as a list of its records is labelled, where 「H30」
    also holds the records labelled 平成30年度 (January to March of the next year too)."""
    label = format_period(period.start, period.end, period.grain, period.text)
    if of_records and period.labelled:
        return wording.labelled_too(label, fiscal_era_text(period.start.year))
    return label
