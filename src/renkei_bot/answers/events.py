"""Answers from the chronology: when, what happened, how many times, first and last, lists."""

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
from renkei_bot.answers.select import Ranked
from renkei_bot.dates import format_date, format_fiscal_year, format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Event

MAX_SOURCES = 5


def _sources(events: Sequence[Event]) -> tuple[str, ...]:
    return tuple(cite(e) for e in events[:MAX_SOURCES])


def _nothing(ctx: Context) -> Answer:
    return ctx.not_found(wording.NOT_FOUND, did_you_mean=ctx.near_miss_names())


def _ask_which(ctx: Context) -> Answer | None:
    """A name that matched two entities equally (品川 → 品川区 / しながわ水族館): ask, don't guess."""
    if ctx.query.ties and not ctx.query.entities and not ctx.query.terms:
        tie = ctx.query.ties[0]
        names = tuple(ctx.store.entity(c).name for c in tie.candidates)
        return ctx.not_found(wording.ambiguous(tie.surface), candidates=names)
    return None


def _with_fiscal(ctx: Context, event: Event) -> str:
    text = format_span(event.date)
    if "年度" in ctx.query.text and event.fiscal_year is not None:
        text += f"（{format_fiscal_year(event.fiscal_year)}）"
    return text


def _mention_lines(ctx: Context, best: Sequence[Ranked]) -> list[Line]:
    """Dates mentioned inside a row (→5/20提出) that the question's words point at."""
    lines: list[Line] = []
    for ranked in best:
        for mention in ranked.event.mentions:
            key = compact(mention.text)
            if any(compact(t) in key for t in ctx.query.terms if len(t) >= 2):
                lines.append(
                    Line(f"{format_date(mention.date)}　{mention.text}", source=line_ref(ranked.event.lines))
                )
    return lines


def when(ctx: Context) -> Answer:
    ask = _ask_which(ctx)
    if ask:
        return ask
    if ctx.query.order:  # 「最初の全国連携展示はいつ」: the first of them, not the likeliest one
        return first_last(ctx)
    best = ctx.selector.best(ctx.query)
    if not best:
        return _nothing(ctx)
    events = [r.event for r in best]
    first = events[0]
    mentions = _mention_lines(ctx, best[:1])
    if first.date.start is None:
        summary = wording.undated(headline(first), first.date.after, first.date.before)
    else:
        summary = wording.happened_on(headline(first), _with_fiscal(ctx, first))
    lines = [*mentions, *event_lines(events)] if len(events) > 1 or mentions else []
    notes = ctx.premise_notes([d for e in events[:1] for d in ([e.date.start] if e.date.start else [])])
    return ctx.found(
        summary,
        title=wording.title_when(),
        lines=tuple(lines),
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
        notes=notes,
    )


def _aspect_details(event: Event, aspects: Sequence[str]) -> list[str]:
    keys = {
        "theme": ("テーマ",),
        "venue": ("会場", "配信"),
        "participants": ("参加", "出店", "事業主体"),
        "time": ("日時",),
        "organizer": ("主催", "共催", "後援", "協力", "協賛", "主催等"),
        "people": ("講演", "パネリスト", "コーディネーター", "講義", "氏", "出席者", "登壇"),
        "affiliation": ("氏",),
    }
    wanted = [k for a in aspects for k in keys.get(a, ())]
    if not wanted:
        return list(event.details)
    return [d for d in event.details if any(k in d for k in wanted)]


# The aspect asked for → its label in answers and the keys the rows write it under (テーマ：…).
_ASPECT_LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "theme": ("テーマ", ("テーマ",)),
    "venue": ("会場", ("会場",)),
    "participants": ("参加自治体", ("参加自治体", "事業主体")),
    "organizer": ("主催", ("主催", "主催等")),
    "time": ("日時", ("日時",)),
}


def _direct_value(event: Event, aspects: Sequence[str]) -> tuple[str, str] | None:
    """「テーマは？」 gets 「テーマは…です」 when the row states exactly that."""
    for aspect in aspects:
        if aspect not in _ASPECT_LABELS:
            continue
        label, keys = _ASPECT_LABELS[aspect]
        value = event.venue if aspect == "venue" and event.venue else detail_value(event, *keys)
        if value:
            return label, value
    return None


def detail(ctx: Context) -> Answer:
    ask = _ask_which(ctx)
    if ask:
        return ask
    best = ctx.selector.best(ctx.query)
    if not best:
        return _nothing(ctx)
    event = best[0].event
    aspects = ctx.query.aspects
    picked = _aspect_details(event, aspects)
    if "venue" in aspects and event.venue and not any(event.venue in d for d in picked):
        picked.insert(0, f"会場: {event.venue}")
    if not picked:
        picked = list(event.details)
    summary = wording.detail_of(headline(event), format_span(event.date))
    direct = _direct_value(event, aspects)
    if direct is not None:
        summary = wording.aspect_answer(direct[0], direct[1], event.title, format_span(event.date))
    others = [r.event for r in best[1:4]]
    lines = [Line(d, source=line_ref(event.lines)) for d in picked]
    lines += [event_line(e, prefix=wording.ALSO) for e in others]
    return ctx.found(
        summary,
        title=event.title[:150],
        lines=tuple(lines),
        sources=_sources([event, *others]),
        dates=iso_dates([event]),
        record_ids=(event.id,),
    )


def who(ctx: Context) -> Answer:
    people = ctx.query.entity_ids("person")
    if people and ("affiliation" in ctx.query.aspects or not ctx.query.terms):
        return person(ctx, people[0])
    return detail(ctx)


def person(ctx: Context, person_id: str) -> Answer:
    person = ctx.store.entity(person_id)
    events = ctx.store.about(person_id)
    if not events:
        return _nothing(ctx)
    keys = [compact(person.name), *(compact(a) for a in person.aliases)]
    lines: list[Line] = []
    for event in events:
        for d in (event.title, *event.details):
            if any(k and k in compact(d) for k in keys):
                lines.append(Line(f"{format_span(event.date)}　{d}", source=line_ref(event.lines)))
    summary = wording.person_recorded(person.name, len(events))
    return ctx.found(
        summary,
        title=person.name,
        lines=tuple(lines) or event_lines(events),
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def _subject_events(ctx: Context) -> list[Event] | None:
    """Events counted or listed for a question: about all its entities, else containing its key words."""
    if ctx.query.entities or ctx.query.ties:
        return ctx.selector.filtered(ctx.query, series_only=True)
    best = ctx.selector.best(ctx.query)
    if not best:
        return None
    terms = [t for t in best[0].term_hits if len(t) >= 2]
    if not terms:
        return None
    key = max(terms, key=ctx.selector.idf)
    return ctx.selector.in_period(ctx.query, ctx.store.search(key))


def count(ctx: Context) -> Answer:
    ask = _ask_which(ctx)
    if ask:
        return ask
    events = _subject_events(ctx)
    if not events:
        return _nothing(ctx)
    names = [m.name for m in ctx.query.entities] or list(ctx.query.terms[:1])
    summary = wording.counted("・".join(names), len(events))
    return ctx.found(
        summary,
        title=wording.title_count("・".join(names)),
        lines=event_lines(events),
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def first_last(ctx: Context) -> Answer:
    order = ctx.query.order or "first"
    if not ctx.query.entities and not ctx.query.terms:
        dated = [e for e in ctx.store.events if e.date.start is not None]
        edge = [dated[0]] if order == "first" else [dated[-1]]
    else:
        events = _subject_events(ctx)
        if not events:
            return _nothing(ctx)
        dated = [e for e in events if e.date.start is not None] or events
        edge = [dated[0]] if order == "first" else [dated[-1]]
        same = [e for e in dated if e.date.start == edge[0].date.start]
        edge = same or edge
    summary = wording.edge_event(order, headline(edge[0]), format_span(edge[0].date))
    lines = event_lines(edge) if len(edge) > 1 else ()
    return ctx.found(
        summary,
        title=wording.title_edge(order),
        lines=lines,
        sources=_sources(edge),
        dates=iso_dates(edge),
        record_ids=tuple(e.id for e in edge),
    )


def listing(ctx: Context) -> Answer:
    """Events about the question's entities and/or within its period."""
    ask = _ask_which(ctx)
    if ask:
        return ask
    if ctx.query.entities or ctx.query.ties:
        events = ctx.selector.filtered(ctx.query, strict=False)
    else:
        events = ctx.selector.in_period(ctx.query, ctx.store.events)
        category = next((c for c in ctx.categories() if c in ctx.query.text), None)
        if category:
            events = [e for e in events if e.category == category]
        elif ctx.query.terms and ctx.query.when.spans:
            narrowed = [r.event for r in ctx.selector.rank(ctx.query, events) if r.score > 0]
            events = narrowed or events
    if not events:
        return _nothing(ctx)
    label = ctx.label()
    return ctx.found(
        wording.listed(label, len(events)),
        title=label[:150],
        lines=event_lines(events),
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )
