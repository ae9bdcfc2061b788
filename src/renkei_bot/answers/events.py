"""Answers from the chronology: when, how many times, first and last, lists."""

from __future__ import annotations

from collections.abc import Sequence

from renkei_bot import wording
from renkei_bot.answers import details
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, event_line, event_lines, headline, iso_dates, line_ref
from renkei_bot.answers.model import Answer, Line
from renkei_bot.dates import format_date, format_fiscal_year, format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Event, Mention

MAX_SOURCES = 5
RELATED = 0.6  # other events scoring this share of the best are shown as related
SUBJECT = 0.8  # events scoring this share of the best are "the ones the question is about"


def _sources(events: Sequence[Event]) -> tuple[str, ...]:
    return tuple(cite(e) for e in events[:MAX_SOURCES])


def _with_fiscal(ctx: Context, event: Event) -> str:
    text = format_span(event.date)
    if "年度" in ctx.query.text and event.fiscal_year is not None:
        text += f"（{format_fiscal_year(event.fiscal_year)}）"
    return text


def _mention_context(event: Event, mention: Mention) -> str:
    """A mention's text with the detail before it: 「○千葉県特産品販売」 then 「①日時：…12月21日」."""
    for i, detail in enumerate(event.details):
        if compact(mention.text) in compact(detail) or compact(detail) in compact(mention.text):
            before = event.details[i - 1] if i > 0 else ""
            return f"{before} {detail} {mention.text}"
    return mention.text


def _pointed_mention(ctx: Context, event: Event) -> Mention | None:
    """The date inside the row that the question is about: its words are in the mention, not the title."""
    title = compact(event.title)
    best: tuple[int, Mention] | None = None
    for mention in event.mentions:
        context = compact(_mention_context(event, mention))
        own = [
            t for t in ctx.query.terms if len(t) >= 2 and compact(t) in context and compact(t) not in title
        ]
        if own and (best is None or len(own) > best[0]):
            best = (len(own), mention)
    return best[1] if best else None


def _edge_lines(ctx: Context, event: Event) -> list[Line]:
    """What else the question asked of the one event it is about (いつ、どこで → the venue)."""
    if not ctx.query.aspects or ctx.query.aspects == ("content",):
        return []
    return [
        Line(d, source=line_ref(event.lines)) for d in details.aspect_details(ctx, event, ctx.query.aspects)
    ]


def when(ctx: Context) -> Answer:
    if ctx.query.order:  # 「最初の全国連携展示はいつ」: the first of them, not the likeliest one
        return first_last(ctx)
    ranked = ctx.selector.rank(ctx.query, ctx.selector.filtered(ctx.query, strict=False))
    ranked = [r for r in ranked if r.score > 0]
    if not ranked:
        return ctx.nothing()
    top = [r for r in ranked if r.score >= ranked[0].score - 1e-9]
    events = [r.event for r in top]
    first = events[0]
    mention = _pointed_mention(ctx, first)
    if mention is not None:
        summary = wording.mentioned_on(mention.text, format_date(mention.date), first.title)
    elif first.date.start is None:
        summary = wording.undated(headline(first), first.date.after, first.date.before)
    else:
        summary = wording.happened_on(headline(first), _with_fiscal(ctx, first))
    related = [r.event for r in ranked[len(top) : len(top) + 2] if r.score >= RELATED * ranked[0].score]
    lines = [*_edge_lines(ctx, first)]
    if len(events) > 1 or mention is not None:
        lines += event_lines(events)
    lines += [event_line(e, prefix=wording.ALSO) for e in related]
    recorded = [mention.date] if mention else [e.date.start for e in events[:1] if e.date.start]
    return ctx.found(
        summary,
        title=wording.title_when(),
        lines=tuple(lines),
        sources=_sources([*events, *related]),
        dates=(mention.date.isoformat(),) if mention else iso_dates(events),
        record_ids=tuple(e.id for e in events),
        notes=ctx.premise_notes(recorded),
    )


def subject_events(ctx: Context) -> list[Event] | None:
    """The events a count or a first/last is over: about all the question's entities, else the events
    its words pick out best (everything scoring near the top)."""
    if (ctx.query.entities or ctx.query.ties) and not ctx.query.terms:
        return ctx.selector.filtered(ctx.query, series_only=True)
    pool = ctx.selector.filtered(ctx.query, series_only=True) or ctx.selector.filtered(
        ctx.query, strict=False
    )
    ranked = [r for r in ctx.selector.rank(ctx.query, pool) if r.score > 0]
    if not ranked:
        return None
    events = [r.event for r in ranked if r.score >= SUBJECT * ranked[0].score]
    return sorted(events, key=lambda e: ctx.store.position(e.id))


def count(ctx: Context) -> Answer:
    events = subject_events(ctx)
    if not events:
        return ctx.nothing()
    what = "・".join([m.name for m in ctx.query.entities] or list(ctx.query.terms[:1]))
    return ctx.found(
        wording.counted(what, len(events)),
        title=wording.title_count(what),
        lines=event_lines(events),
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def first_last(ctx: Context) -> Answer:
    order = ctx.query.order or "first"
    if not ctx.query.entities and not ctx.query.terms:
        events = ctx.selector.in_period(ctx.query, ctx.store.events)
    else:
        events = subject_events(ctx) or []
    dated = [e for e in events if e.date.start is not None]
    if not dated:
        return ctx.nothing()
    edge = (
        dated[0] if order == "first" else max(dated, key=lambda e: (e.date.start, ctx.store.position(e.id)))
    )
    same = [e for e in dated if e.date.start == edge.date.start]
    summary = wording.edge_event(order, headline(edge), format_span(edge.date))
    lines = [*_edge_lines(ctx, edge), *(event_lines(same) if len(same) > 1 else ())]
    return ctx.found(
        summary,
        title=wording.title_edge(order),
        lines=tuple(lines),
        sources=_sources(same),
        dates=iso_dates(same),
        record_ids=tuple(e.id for e in same),
    )


def listing(ctx: Context) -> Answer:
    """Events about the question's entities and/or within its period."""
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
        return ctx.nothing()
    label = ctx.label()
    return ctx.found(
        wording.listed(label, len(events)),
        title=label[:150],
        lines=event_lines(events, full=len(events) == 1),
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )
