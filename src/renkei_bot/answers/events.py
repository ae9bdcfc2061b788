"""Answers from the chronology: when, how many times, first and last, lists."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import details, editions, mentioned, pointing, stated
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import (
    KEYED,
    EventLines,
    brief,
    cite,
    detail_value,
    event_line,
    event_lines,
    headline,
    iso_dates,
    line_ref,
)
from renkei_bot.answers.mentions import pointed_mention, said_on
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.select import OWN_SERIES
from renkei_bot.answers.subjects import subject_events, titled
from renkei_bot.dates import first_unit_end, format_date, format_fiscal_year, format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Event

MAX_SOURCES = 5
RELATED = 0.6  # other events scoring this share of the best are shown as related
SPECIFIC = 3.0  # idf of a word rare enough to narrow a list by (in under about 5% of the records)
NAMING = 2.2  # with a period asked, a word this rare names what is listed (講演会, 展示; not プロジェクト)


def _sources(events: Sequence[Event]) -> tuple[str, ...]:
    return tuple(cite(e) for e in events[:MAX_SOURCES])


def _with_fiscal(ctx: Context, event: Event) -> str:
    text = format_span(event.date)
    if ctx.query.has("unit.fiscal_year") and event.fiscal_year is not None:
        text += f"（{format_fiscal_year(event.fiscal_year)}）"
    return text


def _edge_lines(ctx: Context, event: Event) -> list[Line]:
    """What else the question asked of the one event it is about (いつ、どこで → the venue; a name or
    a rare word → the detail saying it), and where it was held, which is always worth a line."""
    aspects = [a for a in ctx.query.aspects if a != "content"]
    picked = details.aspect_details(ctx, event, aspects) if aspects else []
    picked += [d for d in pointing.naming(ctx, event) if d not in picked]
    venue = event.venue or detail_value(event, "会場")
    if venue and not any(venue in d for d in picked):
        picked.insert(0, f"会場: {venue}")
    return [Line(d, source=line_ref(event.lines)) for d in picked]


def when(ctx: Context) -> Answer:
    if ctx.query.order:  # 「最初の全国連携展示はいつ」: the first of them, not the likeliest one
        return first_last(ctx)
    if (others := other_items_of(ctx)) is not None:
        return others
    own = own_said(ctx)
    if own is not None and not ctx.query.when.spans:
        # 「プロジェクトってそもそもいつ決まった？」: the project itself, whose first record is its start
        began = next((e for e in ctx.store.about(own) if e.date.start is not None), None)
        if began is not None:
            return _first_of_own(ctx, began)
    if len(ctx.query.ordinals) >= 2:  # 「第1弾から第3弾まで、それぞれいつ？」: each of those numbered
        return listing(ctx)
    # The best (all of them when tied: a series named means its own events first, the exhibition,
    # not the signing of its partner), and the two next of the ranking after them. The related lines
    # are measured against `top`, which may be a series' own event scoring down to OWN_SERIES of the
    # best: what comes after is kept down to that share of it.
    top, after = ctx.selector.best_and_next(ctx.query, floor=RELATED * OWN_SERIES, count=2, share=RELATED)
    if not top:
        return ctx.nothing()
    ranked = [*top, *after]
    events = [r.event for r in top]
    first = events[0]
    mention = pointed_mention(ctx, first)
    if mention is not None:
        summary = wording.mentioned_on(mention.text, said_on(first, mention), first.title)
    elif 1 < len(events) <= wording.HEAD_ITEMS:  # tied: each of them, with its date
        summary = wording.these_records(details.facts(ctx, events), len(events))
        if ctx.query.has("count.how_many") and stated.counter_asked(ctx) is None:
            summary = (
                wording.times(len(events)) + summary
            )  # 「何回開かれて、それぞれいつ？」: the count first
    elif first.date.start is None:
        summary = wording.undated(headline(first), first.date.after, first.date.before)
    elif ctx.query.has("time.until") and (until := until_said(ctx, first)) is not None:
        summary = until  # 「いつまで？」「何年間？」: the end, or the line that says it
    else:
        summary = wording.happened_on(headline(first, pointing.naming(ctx, first)), _with_fiscal(ctx, first))
        if ctx.query.has("count.how_many") and stated.counter_asked(ctx) is None and len(events) == 1:
            summary = wording.times(1) + summary  # 「何回開かれて、いつ？」: once
    related = [r.event for r in ranked[len(top) : len(top) + 2] if r.score >= RELATED * ranked[0].score]
    before = [*_edge_lines(ctx, first)]
    if len(events) == 1 and mention is None:  # the one record: the rest of what it says, below
        shown = {line.text.lstrip("　") for line in before}
        before += [d for d in _detail_lines(ctx, first) if d.text.lstrip("　") not in shown]
    lines = EventLines(  # the tied records' lines built as far as shown (a thousand ties at ×1000)
        events if len(events) > 1 or mention is not None else (),
        before=before,
        after=[event_line(e, prefix=wording.ALSO) for e in related],
    )
    recorded = [mention.date] if mention else [e.date.start for e in events[:1] if e.date.start]
    return ctx.found(
        summary,
        title=wording.title_when(),
        lines=lines,
        sources=_sources([*events, *related]),
        dates=(mention.date.isoformat(),) if mention else iso_dates(events),
        record_ids=tuple(e.id for e in events),
        notes=ctx.premise_notes(recorded),
    )


def own_said(ctx: Context) -> str | None:
    """The project itself said by a word of its name alone (「プロジェクト」): no names, no category,
    and every word of the question in the name of one of the entities every record is about."""
    query = ctx.query
    if query.entities or query.categories:
        return None
    said = [t for t in query.terms if not ctx.asking_word(t)]  # 周年 asks, プロジェクト names
    words = [t for t in said if len(t) >= MIN_OWN_WORD]
    if not words or len(words) != len(said):
        return None
    owners = [e for e in ctx.store.entities if e.own and all(w in e.name for w in words)]
    return owners[0].id if len(owners) == 1 else None


MIN_OWN_WORD = 3  # プロジェクト: a word of the project's name long enough to say it


def _first_of_own(ctx: Context, event: Event) -> Answer:
    """The first record about the project itself: when it began (「実施を決定」)."""
    return when_of(ctx, wording.happened_on(headline(event), _with_fiscal(ctx, event)), event)


def other_items_of(ctx: Context) -> Answer | None:
    """「…を扱った区長会総会、ほかにどんな議題が？」: the items of the record the question names (a
    meeting's agenda) that it does not name; None unless it asks for others and the record has some."""
    if not ctx.query.has("time.others") or ctx.query.has("ask.when"):
        return None
    best = ctx.selector.best(ctx.query)
    if len(best) != 1:
        return None
    return items_besides(ctx, best[0].event)


def items_besides(ctx: Context, event: Event) -> Answer | None:
    """The record's items the question does not name, first (None when it names none of them, or all)."""
    others = other_items(ctx, event)
    if not others:
        return None
    return when_of(ctx, wording.other_items("」「".join(others), event.title, format_span(event.date)), event)


def held_on(ctx: Context, event: Event) -> Answer:
    """「…はいつ？」 of one record known beforehand (a company's signing): its day first."""
    return when_of(ctx, wording.happened_on(headline(event), _with_fiscal(ctx, event)), event)


def when_of(ctx: Context, summary: str, event: Event) -> Answer:
    """A 「いつ？」 answer from one record, all it says below."""
    return ctx.found(
        summary,
        title=wording.title_when(),
        lines=event_lines([event], full=True),
        sources=(cite(event),),
        dates=iso_dates([event]),
        record_ids=(event.id,),
    )


def other_items(ctx: Context, event: Event) -> list[str]:
    """The items of a record of several (a meeting's agenda) that say none of the question's words;
    「会場:…」「内容:…」 describe the record, they are no items of it."""
    items = [d.strip("・ 　") for d in event.details if d.strip("・ 　") and not KEYED.match(d)]
    if len(items) < 2:
        return []
    words = [t for t in ctx.query.terms if len(t) >= 2] + [m.surface for m in ctx.query.entities]
    others = [d for d in items if not any(w in compact(d) for w in map(compact, words))]
    return others if 0 < len(others) < len(items) else []


def until_said(ctx: Context, event: Event) -> str | None:
    """The end of a record: its last day when it ran over several, else the detail stating how long
    it runs (time.until's record_keys: 「令和4年度までの3年間」)."""
    if event.date.end is not None and event.date.start is not None and event.date.end != event.date.start:
        return wording.runs_until(format_date(event.date.end), event.title, format_span(event.date))
    keys = ctx.vocabulary.facets.spec("time.until").record_keys
    sentences = [x for d in event.details for x in d.lstrip("・ ").split("。") if x]
    said = [x for x in sentences if any(k in x for k in keys)]
    if not said:
        return None
    return wording.detail_line(said[0] + "。", event.title, format_span(event.date))


def count(ctx: Context) -> Answer:
    if ctx.query.ordinal is not None:  # 「何回やって、第2回はどこで？」: 第2回 is the second question's
        ctx = dataclasses.replace(ctx, query=dataclasses.replace(ctx.query, ordinal=None))
    events = subject_events(ctx)
    if not events:
        return ctx.nothing()
    return _counted(ctx, _of_pattern(ctx, events) or titled(ctx, events))


_WILDCARD = re.compile(r"[○〇◯●□△×＊*]")  # 「第○弾」: any number there
_NUMBER = r"[0-9一二三四五六七八九十]+"


def _of_pattern(ctx: Context, events: Sequence[Event]) -> list[Event]:
    """「「北海道町村会との連携(第○弾)」は何回？」: the records whose title a quoted pattern matches, a
    ○ standing for any number; [] when the question quotes no such pattern."""
    patterns = [
        re.compile(_NUMBER.join(re.escape(part) for part in _WILDCARD.split(compact(q))))
        for q in ctx.query.quoted
        if _WILDCARD.search(q)
    ]
    return [e for e in events if any(p.search(compact(e.title)) for p in patterns)]


def _counted(ctx: Context, events: Sequence[Event], claimed: int | None = None) -> Answer:
    """How many times the records were held (はい or いいえ first when a number was `claimed`)."""
    what = ctx.label() if ctx.query.entities else "・".join(ctx.query.terms[:1])
    rows = len({e.lines for e in events})  # a row with (1) and (2) is one occasion held in two parts
    summary = wording.counted(what, rows)
    return ctx.found(
        summary if claimed is None else wording.yes_or_no(rows == claimed, summary),
        title=wording.title_count(what),
        lines=EventLines(events),  # every record counted, built only as far as shown
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


TIMES = ("回", "度")  # counters of occasions held: a figure of these claims how many times
_ASKS_MORE = ("ask.", "aspect.", "compare.", "time.")


def count_claimed(ctx: Context) -> Answer | None:
    """「全国連携講演会は全部で5回開催された？」: a number of times claimed, checked against the count of
    the records (はい or いいえ, and the count)."""
    query = ctx.query
    if query.has("wh") or not (query.confirm or query.has("total.sum", "confirm.yes_no")):
        return None
    if any(h.name.startswith(_ASKS_MORE) for h in query.facets):
        return None  # 「2回とも同じ人？」「2回あったよね？いつといつ？」: the times are not what is asked
    claimed = [n for n, unit in query.counted if unit in TIMES]
    if len(claimed) != 1 or query.ordinal is not None or not (query.entities or query.terms):
        return None
    events = subject_events(ctx)
    return _counted(ctx, events, claimed[0]) if events else None


def _said_first(ctx: Context, events: Sequence[Event]) -> Event | None:
    """「HPの掲示板を使った連携の最初の例は？」: the one record that calls itself the first (「HPを活用した
    初めての連携事例」) among those the question's words choose, whatever its date."""
    words = ctx.vocabulary.first_said
    said = [e for e in events if any(w in d for d in (e.title, *e.details) for w in words)]
    return said[0] if len(said) == 1 and ctx.query.terms else None


def first_last(ctx: Context) -> Answer:
    order = ctx.query.order or "first"
    if not ctx.query.entities and not ctx.query.terms:
        events = ctx.selector.in_period(ctx.query, ctx.store.events)
    else:
        events = subject_events(ctx) or []
    if ctx.selector.covers_store(events):  # every record: the edges are known once for all
        edges = ctx.selector.dated_edges()
        if edges is None:
            return ctx.nothing()
        edge = edges[0] if order == "first" else edges[1]
        same = ctx.selector.starting(edge.date.start) if edge.date.start else [edge]
    else:
        dated = [e for e in events if e.date.start is not None]
        if not dated:
            return ctx.nothing()
        edge = (
            _said_first(ctx, dated) or dated[0]
            if order == "first"
            else max(dated, key=lambda e: (e.date.start, ctx.store.position(e.id)))
        )
        same = [e for e in dated if e.date.start == edge.date.start]
    asked = [a for a in ctx.query.aspects if a not in ("content", "role")]
    # 「最初の連携イベントってなんて名前？」: a short title (北海道町村会との連携(第1弾)) with what its
    # first lines name (にっぽりマルシェ「…」を開催)
    named = brief(edge) if "name" in asked else headline(edge)
    summary = wording.edge_event(order, named, format_span(edge.date))
    if asked and len(same) == 1:  # 「最初のイベントの会場は？」: what was asked of it, in the same line
        summary += details.aspects_said(ctx, edge, asked)
    counters = tuple(ctx.vocabulary.record_counters)
    if any(w.endswith(counters) for w in ctx.query.facet_words("count.how_many")):
        # 「これまで何回開催されていて、最初はどこの展示でしたか」: how many, then the first
        summary = wording.times(len({e.lines for e in events})) + summary
    lines = [*_edge_lines(ctx, edge), *(event_lines(same) if len(same) > 1 else ())]
    if len(same) == 1:  # the one record: what it says, the lines the question names first
        shown = {line.text for line in lines}
        lines += [d for d in _detail_lines(ctx, edge) if d.text not in shown]
    return ctx.found(
        summary,
        title=wording.title_edge(order),
        lines=tuple(lines),
        sources=_sources(same),
        dates=iso_dates(same),
        record_ids=tuple(e.id for e in same),
    )


def _specific(ctx: Context) -> list[str]:
    """Question words rare enough to narrow a list by. A pair of common words (連携+事業) is still
    common, however rarely the pair itself is written that way."""
    terms = ctx.query.terms
    if len(ctx.query.ordinals) >= 2:  # 「第1弾〜第3弾」: the range picks them (listing), not its ends' words
        terms = tuple(t for t in terms if not editions.edition_word(t))
    idf = ctx.selector.idf
    out = []
    for term in terms:
        if idf(term) < SPECIFIC:
            continue
        parts = [t for t in terms if t != term and t in term]
        if len(parts) >= 2 and all(idf(p) < SPECIFIC for p in parts):
            continue
        out.append(term)
    return out


def listing(ctx: Context) -> Answer:
    """Events about the question's entities and/or within its period."""
    if ctx.query.entities or ctx.query.ties:
        # a series named means its own events (the festivals, not the meetings that mention them)
        events = ctx.selector.filtered(ctx.query, series_only=True) or ctx.selector.filtered(
            ctx.query, strict=False
        )
        specific = _specific(ctx)
        if specific:  # 「荒川区の事例報告」: the events of 荒川区 that say the most of what is asked
            hits = {e.id: sum(e.id in ctx.selector.term_hits(t) for t in specific) for e in events}
            most = max(hits.values(), default=0)
            events = [e for e in events if hits[e.id] == most] if most else events
        years = {p.start.year for p in ctx.query.when.spans if p.attached}
        if years:  # 「基本方針2019では」: the year glued to the name picks that one
            # …and with none that year (東北絆まつり2020), the rows of that year that mention it
            mentioning = ctx.selector.filtered(ctx.query, strict=False)
            events = _in_years(events, years) or _in_years(mentioning, years) or events
    else:
        events = ctx.selector.in_period(ctx.query, ctx.store.events)
        category = next(iter(ctx.query.categories), None)
        if category:  # 「…に参画したシンポジウム」: or a record of another kind that names it
            events = [e for e in events if e.category == category] or [
                e for e in events if any(e.id in ctx.selector.term_hits(t) for t in ctx.query.terms)
            ]
        elif ctx.query.when.spans:
            # 「今年度の講演会は？」: the words that name what is listed narrow it, rare or not
            specific = _specific(ctx) or [
                t for t in ctx.query.terms if ctx.selector.term_hits(t) and ctx.selector.idf(t) >= NAMING
            ]
            narrowed = [e for e in events if any(e.id in ctx.selector.term_hits(t) for t in specific)]
            events = narrowed or events
            if len(events) > 1 and ctx.query.aspects:
                # 「2021年2月のonline講演会、配信方法と基調講演の先生は？」: aspects asked of the one record
                # of the period that holds the most of the question's words
                hits = {e.id: sum(e.id in ctx.selector.term_hits(t) for t in ctx.query.terms) for e in events}
                most = max(hits.values())
                top = [e for e in events if hits[e.id] == most]
                events = top if len(top) == 1 and most >= 2 else events
    if len(ctx.query.ordinals) >= 2:  # 「第1弾〜第3弾」「第2回と第4回」: those of the numbers said
        numbers = set(ctx.query.ordinals)
        events = editions.of_numbers(events, numbers, ctx.query.ordinal_unit) or events
    elif ctx.query.ordinal is not None:  # 「R1の第2回講演会で…」: the one of that number, if it is listed
        events = [e for e in events if e.ordinal == ctx.query.ordinal] or events
    spans = [p for p in ctx.query.when.spans if not p.attached and not p.any_year]
    if spans and ctx.query.has("time.started"):  # 「今月から始まった」: begun in it, not running through it
        windows = [
            (p.start, first_unit_end(p.start, p.opened) if p.end == date.max else p.end) for p in spans
        ]
        events = [e for e in events if e.date.start and any(a <= e.date.start <= b for a, b in windows)]
    if not events:
        return ctx.nothing()
    days = {p.start for p in ctx.query.when.spans if p.grain == "day" and p.start == p.end}
    if days:  # what happened that day first, then what was running through it
        events = sorted(events, key=lambda e: e.date.start not in days)
    label = ctx.label()
    lines = event_lines(events)
    if len(events) == 1:  # one event: all it says, what the question names first
        lines += tuple(_detail_lines(ctx, events[0]))
    lines += tuple(mentioned.editions_elsewhere(ctx, events))  # 東北絆まつり2020: postponed, a mention
    summary = listed_summary(ctx, label, events)
    asked = [a for a in ctx.query.aspects if a not in ("content", "role")]
    if len(events) == 1 and len(asked) > 1:  # 「配信方法と基調講演の先生は？」: each aspect asked
        summary += details.aspects_said(ctx, events[0], asked[1:])  # the first is what the line says
    pointed = pointing.pointed_line(ctx, events[0]) if len(events) == 1 else None
    if pointed is not None:  # 「…の事例報告で、豊島区は何の話をした？」: the line naming 豊島区
        summary = wording.detail_line(pointed, events[0].title, format_span(events[0].date))
    return ctx.found(
        summary,
        title=label[:150],
        lines=lines,
        sources=_sources(events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def _in_years(events: list[Event], years: set[int]) -> list[Event]:
    return [e for e in events if e.date.start and e.date.start.year in years]


def _detail_lines(ctx: Context, event: Event) -> list[Line]:
    return [
        Line(f"　{d.lstrip('・ ')}", source=line_ref(event.lines))
        for d in details.preferred(ctx, list(event.details))
    ]


def listed_summary(ctx: Context, label: str, events: Sequence[Event]) -> str:
    """A short list leads with the records themselves (what the question asks of each, else its
    title and date); a long one with how many there are."""
    if len(events) > wording.HEAD_ITEMS:
        return wording.listed(label, len(events))
    return wording.these_records(details.facts(ctx, events), len(events))
