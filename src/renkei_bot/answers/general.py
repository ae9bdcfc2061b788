"""Help, greetings, the fallback, summaries of a period, and anniversaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from renkei_bot import wording
from renkei_bot.answers import anniversaries as anniv
from renkei_bot.answers import details
from renkei_bot.answers.context import Context, period_label
from renkei_bot.answers.events import listed_summary
from renkei_bot.answers.lines import EventLines, cite, event_lines, iso_dates
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.pointing import RARE
from renkei_bot.dates import format_date, format_span, month_end
from renkei_bot.nlu.intents import Classifier
from renkei_bot.nlu.when_relative import SEASON_DAYS
from renkei_bot.normalize import compact
from renkei_bot.records import DateSpan, Event


def help_answer(classifier: Classifier, *, question: str = "", unknown: str | None = None) -> Answer:
    lines = tuple(
        Line(f"{spec.description}　例: {spec.help_example}")
        for spec in sorted(classifier.specs, key=lambda s: -s.priority)
        if spec.name not in ("greeting", "fallback", "help")
    )
    return Answer(
        question=question,
        intent="help",
        found=True,
        summary=wording.help_intro(unknown),
        title=wording.HELP_TITLE,
        lines=lines,
        notes=(wording.HELP_COMMANDS,),
        show_all=True,
    )


def greeting(ctx: Context) -> Answer:
    return ctx.found(
        wording.greeting(ctx.store.first_date.year, ctx.store.last_date.year),
        title=wording.HELP_TITLE,
        suggestions=tuple(ctx.classifier.help_examples()[:3]),
    )


CLOSE_ENOUGH = 0.6  # share of the question's words (weighted by rarity) one record must contain


def fallback(ctx: Context) -> Answer:
    """No intent fits: records that contain most of the question's words, or an honest "no"."""
    close = _closest(ctx)
    if close and ctx.query.score > 0:
        # an out-of-scope word (予算, いくら, 天気) asked for something the records do not state
        return ctx.not_found(wording.NOT_STATED, lines=event_lines(close))
    if not close and ctx.query.score == 0:
        return _evidence(ctx) or ctx.not_found(wording.NOT_UNDERSTOOD, did_you_mean=ctx.near_miss_names())
    if close:
        return ctx.found(
            _closest_records(ctx, close)
            if len(close) <= wording.HEAD_ITEMS
            else wording.containing(len(close)),
            title=wording.default_title(True),
            lines=event_lines(close, full=len(close) == 1),
            sources=tuple(cite(e) for e in close),
            dates=iso_dates(close),
            record_ids=tuple(e.id for e in close),
        )
    return ctx.not_found(wording.NOT_UNDERSTOOD, did_you_mean=ctx.near_miss_names())


EVIDENCE = 3.0  # idf of a question word rare enough to answer from (in under about 5% of the records)
NEAR_BEST = 0.6  # records scoring this share of the best are shown beside it


def _evidence(ctx: Context) -> Answer | None:
    """No intent and no close match: the records that the question's rarest words point to, with the
    words that were not used said plainly. Nothing rare matched: None (the question is declined)."""
    selector = ctx.selector
    terms = [t for t in ctx.query.terms if len(t) >= 2]
    rare = [t for t in terms if selector.term_hits(t) and selector.idf(t) >= EVIDENCE]
    if not rare and not ctx.query.entities:
        return None
    related = dict(ctx.query.related_of)
    unused = [
        t
        for t in terms
        if not selector.term_hits(t)
        and not any(selector.term_hits(r) for r in related.get(t, ()))
        and not any(t in u or u in t for u in rare)
    ]
    if len(unused) * 3 > len(terms):
        return None  # 「おでんの美味しい作り方」: most of what it asks is not in the records
    pool = selector.filtered(ctx.query, strict=False)
    ranked = [
        r for r in selector.rank(ctx.query, pool, floor=NEAR_BEST, limit=wording.HEAD_ITEMS) if r.score > 0
    ]
    if not ranked:
        return None
    events = [r.event for r in ranked]  # the floor and the limit are the ranking's
    return ctx.found(
        _closest_records(ctx, events),
        title=wording.default_title(True),
        lines=event_lines(events, full=len(events) == 1),
        sources=tuple(cite(e) for e in events),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
        notes=(wording.words_not_used(unused),) if unused else (),
    )


def _closest_records(ctx: Context, events: Sequence[Event]) -> str:
    """What each of the closest records is; of one, also the line holding the question's words
    (「…調査みたいなのもやってた？」: 連携・交流についてのアンケートも実施), unless the first line gives it
    already (as 「内容は…」 for 「内容:…」)."""
    summary = wording.closest_records(details.facts(ctx, events), len(events))
    said = details.line_of_words(ctx, events[0]) if len(events) == 1 else None
    if said is not None and compact(said.partition(":")[2] or said) not in compact(summary):
        summary += wording.record_says(said)
    return summary


def _closest(ctx: Context) -> list[Event]:
    terms = [t for t in ctx.query.terms if len(t) >= 2]
    if len(terms) == 1 and not ctx.query.entities and ctx.query.score == 0:
        # a single word (「講演会」): the records that contain it, in order
        return ctx.selector.in_period(ctx.query, ctx.store.search(terms[0]))
    if len(terms) < 2:
        return []
    ranked = [
        r
        for r in ctx.selector.rank(ctx.query, ctx.selector.filtered(ctx.query, strict=False), floor=1.0)
        if r.score
    ]
    if not ranked:
        return []
    weight = {t: min(ctx.selector.idf(t), 3.0) for t in terms}
    top = ranked[0]
    covered = sum(weight[t] for t in terms if t in top.term_hits)
    if covered < CLOSE_ENOUGH * sum(weight.values()) or len(set(top.term_hits) & set(terms)) < 2:
        return []
    return [r.event for r in ranked[:3] if r.score >= top.score - 1e-9]


def summary(ctx: Context) -> Answer:
    spans = [p for p in ctx.query.when.spans if not p.attached and not p.any_year]
    if not spans:
        return ctx.not_found(wording.SUMMARY_NEEDS_PERIOD, suggestions=(wording.SUMMARY_EXAMPLE,))
    events = ctx.selector.in_period(ctx.query, ctx.store.events)
    if not events:
        return ctx.not_found(wording.NOT_FOUND)
    by_category = Counter(e.category for e in events)
    breakdown = "、".join(f"{c} {n}件" for c, n in by_category.most_common())
    partners = [p for p in ctx.store.partners.partners if any(s.start <= p.agreed <= s.end for s in spans)]
    text = wording.summary_of(
        period_label(spans[0], of_records=True), len(events), breakdown, [p.name for p in partners]
    )
    return ctx.found(
        text,
        title=wording.title_summary(period_label(spans[0], of_records=True)),
        lines=event_lines(events),
        show_all=True,
        sources=tuple(cite(e) for e in events[:3]),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def _listing(ctx: Context, label: str, events: list[Event]) -> Answer:
    if not events:
        return ctx.not_found(wording.nothing_on(label))
    return ctx.found(
        listed_summary(ctx, label, events),  # a few: named in the first line
        title=label,
        # one record: all it says; a month in every year can be thousands: built as shown
        lines=event_lines(events, full=True) if len(events) == 1 else EventLines(events),
        sources=tuple(cite(e) for e in events[:3]),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def anniversary(ctx: Context) -> Answer:
    """今日は何の日, N年前の今日, N年前の今月, 今月, 今ごろ, 毎年この日."""
    ask = ctx.query.when.anniversary
    if ask is None:
        return anniv.anniversary_answer(ctx.store, ctx.query.today, question=ctx.query.raw)
    target = ask.target
    if ask.kind == "day" and ask.years_ago is None and ctx.store.first_date <= target <= ctx.store.last_date:
        # 「きのうは何の日？」 on a day inside the records: what happened that very day, if anything
        that_day = [e for e in ctx.store.between(target, target) if e.date.start == target]
        about = _named_records(ctx)
        # 「今日、大井競馬場でやってるイベントは？」「今日浅草で」: running that day too, there
        if about is not None:
            that_day = [e for e in ctx.store.between(target, target) if e.id in about]
        if that_day:
            return _listing(ctx, format_date(target), that_day)
    if ask.kind == "month":
        if ask.years_ago is not None:
            first = date(target.year, target.month, 1)
            events = [
                e
                for e in ctx.store.between(first, month_end(first.year, first.month))
                if _starts_in_month(e, first)
            ]
            return _listing(ctx, format_date(first, "month"), events)
        events = ctx.selector.in_month(target.month)
        return _listing(ctx, wording.every_year_month(target.month), events)
    if ask.kind == "season" and ask.years_ago is not None:
        # 「10年前の今ごろ」: that year's fortnight around the day, not every year's
        first, last = target - timedelta(days=SEASON_DAYS), target + timedelta(days=SEASON_DAYS)
        events = [e for e in ctx.store.between(first, last) if e.date.start is not None]
        about = _named_records(ctx, rare=True)
        if about is not None and not any(e.id in about for e in events):
            # 「9年前の今ごろ、京都のコーナーが始まった」: the record named, a little further from the day
            wide = target - timedelta(days=SEASON_WIDE), target + timedelta(days=SEASON_WIDE)
            further = [e for e in ctx.store.between(*wide) if e.date.start is not None and e.id in about]
            if further:
                (first, last), events = wide, further
        elif about is not None:
            events = [e for e in events if e.id in about]
        span = DateSpan(start=first, precision="day", text="", end=last)
        return _listing(ctx, format_span(span), events)
    if ask.kind == "season":
        days = [target + timedelta(days=d) for d in range(-SEASON_DAYS, SEASON_DAYS + 1)]
        found = {e.id: e for day in days for e in ctx.store.on_month_day(day.month, day.day)}
        events = sorted(found.values(), key=lambda e: ctx.store.position(e.id))
        return _listing(ctx, wording.SEASON, events)
    if ask.years_ago is not None:
        # 「5年前の今日」: what happened, or was going on, that day (an exhibition running through it)
        events = [e for e in ctx.store.between(target, target) if e.date.precision == "day"]
        return _listing(ctx, format_date(target), events)
    return anniv.anniversary_answer(ctx.store, target, question=ctx.query.raw)


SEASON_WIDE = 21  # 「N年前の今ごろ」 of a record the question names: up to three weeks from the day


def _named_records(ctx: Context, *, rare: bool = False) -> set[str] | None:
    """The records holding every name of the question (else every word that any record holds); None
    when it names nothing. `rare`: the project's own names and common words (プロジェクト) name nothing."""
    entities = [m for m in ctx.query.entities if not (rare and ctx.store.entity(m.entity_id).own)]
    terms = [t for t in ctx.query.terms if not rare or ctx.selector.idf(t) >= RARE]
    named = [
        set(ctx.selector.events_of(m.entity_id)) | ctx.selector.term_hits(m.surface) for m in entities
    ] or [set(hits) for t in terms if (hits := ctx.selector.term_hits(t))]
    about = set.intersection(*named) if named else set()
    return about or None  # words that no one record holds together name nothing to narrow by


def _starts_in_month(event: Event, first: date) -> bool:
    start = event.date.start
    return start is not None and (start.year, start.month) == (first.year, first.month)


def chart(ctx: Context) -> Answer:
    """A chart is a picture in Slack; its text table is the answer everywhere else."""
    from renkei_bot.chart_data import counts_table_text, events_table_text

    kind = "events" if ctx.query.has("chart.events") else "counts"
    if kind == "events":
        table = ctx.selector.derived("chart.events", lambda: events_table_text(ctx.store.events))
        summary = wording.CHART_EVENTS
    else:
        table = counts_table_text(ctx.store.counts)
        summary = wording.CHART_COUNTS
    return ctx.found(summary, title=summary, notes=(table,), chart=kind)


def coverage(ctx: Context) -> Answer:
    """What the records span: the first and the last dated rows, and how many events there are."""
    edges = ctx.selector.dated_edges()
    assert edges is not None  # a store has dated events (Store checks it: first_date, last_date)
    first, last = edges
    summary = wording.coverage(
        format_date(ctx.store.first_date), format_date(ctx.store.last_date), len(ctx.store.events)
    )
    return ctx.found(
        summary,
        title=wording.COVERAGE_TITLE,
        lines=event_lines([first, last]),
        sources=(cite(first), cite(last)),
        dates=iso_dates([first, last]),
        record_ids=(first.id, last.id),
    )
