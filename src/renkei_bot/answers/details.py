"""What is inside an event: its theme, venue, participants, organisers, speakers and their posts."""

from __future__ import annotations

from collections.abc import Sequence

from renkei_bot import wording
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import (
    cite,
    detail_value,
    event_line,
    event_lines,
    headline,
    iso_dates,
    line_ref,
)
from renkei_bot.answers.model import Answer, Line
from renkei_bot.dates import format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Event

MAX_SOURCES = 5
MAX_TIED = 6  # more events than this tied at the top: the question is too vague to list them all

# The words the rows use for each aspect a question can ask for (see nlu/query.ASPECTS).
_KEYS: dict[str, tuple[str, ...]] = {
    "theme": ("テーマ",),
    "venue": ("会場", "配信"),
    "participants": ("参加", "出店", "事業主体"),
    "time": ("日時",),
    "organizer": ("主催", "共催", "後援", "協力", "協賛"),
    "people": ("講演", "パネリスト", "コーディネーター", "講義", "氏", "出席者", "登壇", "報告"),
    "affiliation": ("氏",),
}

# The aspect asked for → its label in answers and the keys the rows write it under (テーマ：…).
_LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "theme": ("テーマ", ("テーマ",)),
    "venue": ("会場", ("会場",)),
    "participants": ("参加自治体", ("参加自治体", "事業主体")),
    "organizer": ("主催", ("主催", "主催等")),
    "time": ("日時", ("日時",)),
}


def _people_names(ctx: Context, event: Event) -> list[str]:
    names: list[str] = []
    for ref in event.refs:
        entity = ctx.store.entity(ref)
        if entity.type == "person":
            names += [compact(entity.name), *(compact(a) for a in entity.aliases)]
    return [n for n in names if len(n) >= 2]


def aspect_details(ctx: Context, event: Event, aspects: Sequence[str]) -> list[str]:
    """The details of an event that answer the aspects asked for (all of them when none is asked)."""
    wanted = [k for a in aspects for k in _KEYS.get(a, ())]
    if not wanted:
        return list(event.details)
    people = _people_names(ctx, event) if {"people", "affiliation"} & set(aspects) else []
    picked = [d for d in event.details if any(k in d for k in wanted) or any(p in compact(d) for p in people)]
    if "venue" in aspects and event.venue and not any(event.venue in d for d in picked):
        picked.insert(0, f"会場: {event.venue}")
    return picked


def direct_value(event: Event, aspects: Sequence[str]) -> tuple[str, str] | None:
    """「テーマは？」 gets 「テーマは…です」 when the row states exactly that."""
    for aspect in aspects:
        if aspect not in _LABELS:
            continue
        label, keys = _LABELS[aspect]
        value = event.venue if aspect == "venue" and event.venue else detail_value(event, *keys)
        if value:
            return label, value
    return None


def detail(ctx: Context) -> Answer:
    best = ctx.selector.best(ctx.query)
    if not best:
        return ctx.nothing()
    if 1 < len(best) <= MAX_TIED:
        return _several(ctx, [r.event for r in best])
    event = best[0].event
    aspects = ctx.query.aspects
    picked = aspect_details(ctx, event, aspects) or list(event.details)
    summary = wording.detail_of(headline(event), format_span(event.date))
    direct = direct_value(event, aspects)
    if direct is not None:
        summary = wording.aspect_answer(direct[0], direct[1], event.title, format_span(event.date))
    ranked = ctx.selector.rank(ctx.query, ctx.selector.filtered(ctx.query, strict=False))
    others = [r.event for r in ranked[1:4] if r.score >= 0.6 * ranked[0].score and r.event.id != event.id]
    lines = [Line(d, source=line_ref(event.lines)) for d in picked]
    lines += [event_line(e, prefix=wording.ALSO) for e in others]
    return ctx.found(
        summary,
        title=event.title[:150],
        lines=tuple(lines),
        sources=tuple(cite(e) for e in [event, *others][:MAX_SOURCES]),
        dates=iso_dates([event]),
        record_ids=(event.id,),
    )


def _several(ctx: Context, events: list[Event]) -> Answer:
    """Several events fit equally (平成30年度の全国連携展示): each with what was asked of it."""
    lines: list[Line] = []
    for event in events:
        lines.append(event_line(event))
        direct = direct_value(event, ctx.query.aspects)
        if direct is not None:
            lines.append(Line(f"　{direct[0]}: {direct[1]}", source=line_ref(event.lines)))
    return ctx.found(
        wording.several_fit(len(events)),
        title=ctx.label()[:150],
        lines=tuple(lines),
        sources=tuple(cite(e) for e in events[:MAX_SOURCES]),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def who(ctx: Context) -> Answer:
    people = ctx.query.entity_ids("person")
    if people and ("affiliation" in ctx.query.aspects or not ctx.query.terms):
        return person(ctx, people[0])
    if "people" not in ctx.query.aspects:
        ctx = ctx.with_aspects("people")
    return detail(ctx)


def person(ctx: Context, person_id: str) -> Answer:
    """Where a person appears, with the post the record gives them each time."""
    entity = ctx.store.entity(person_id)
    events = ctx.store.about(person_id)
    if not events:
        return ctx.nothing()
    keys = [compact(entity.name), *(compact(a) for a in entity.aliases)]
    lines: list[Line] = []
    for event in events:
        for text in (event.title, *event.details):
            if any(k and k in compact(text) for k in keys):
                lines.append(Line(f"{format_span(event.date)}　{text}", source=line_ref(event.lines)))
    return ctx.found(
        wording.person_recorded(entity.name, len(events)),
        title=entity.name,
        lines=tuple(lines) or event_lines(events),
        sources=tuple(cite(e) for e in events[:MAX_SOURCES]),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )
