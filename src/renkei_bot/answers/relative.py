"""Questions placed relative to today or to another record: いま開催中, 次の…, 同じ日にほかに….

- time.now: what was running on `today` (an exhibition that spans it), else that nothing was and
  where the records end;
- time.next / time.previous: the first record after today (or the last before it) among those the
  question is about; after the records end, that they end there and what the last one was;
- time.same_day / time.same_month (or 「…した日に、ほかに」): the record the question names, then
  the other records of that day or month.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import details
from renkei_bot.answers.context import Context
from renkei_bot.answers.events import items_besides, own_said, until_said, when_of
from renkei_bot.answers.lines import cite, event_lines, headline, iso_dates
from renkei_bot.answers.model import Answer
from renkei_bot.answers.partners import company_agreements_of, mentioned_partners
from renkei_bot.answers.subjects import subject_events
from renkei_bot.dates import format_date, format_span, month_end, whole_months
from renkei_bot.nlu.query import Query
from renkei_bot.nlu.resolution import Match
from renkei_bot.records import Event

_ABOUT_EVENTS = frozenset(
    {"events_about", "events_in_period", "when", "detail", "who", "first_last", "count"}
)
_NEXT_TOO = frozenset({"agreement_date", "partners_list"})  # 「次の包括連携協定の締結式は」


def _stated_days(ctx: Context) -> list[date]:
    return [p.start for p in ctx.query.when.spans if p.grain == "day" and p.start == p.end and not p.attached]


def applies(ctx: Context) -> bool:
    query = ctx.query
    if query.has("rank.next") and mentioned_partners(ctx):
        # 「青森県の市長会・町村会の次に協定を結んだのは」「北海道町村会の次に大きいのは」: next in the
        # partners table, not after today
        return False
    if query.has("time.others") and _stated_days(ctx) and (query.entities or query.terms):
        return True  # 「2016年4月26日には、協定の締結式のほかに何が」
    if (
        query.has("time.same_day", "time.same_month", "time.day_of_record")
        or (query.has("time.day_of") and query.has("time.others", "time.started"))  # 「…が出た日に始まった」
        or _also_that_day(query)
        or _asks_of_that_day(query)
    ):
        # 「協定を結んだ日に、ほかに何が」: about any record, a partner's signing included
        if query.when.anniversary is not None:
            return False  # 「今日と同じ日付に」: an anniversary, answered as one
        return bool(query.entities or query.terms or query.ties) and not _partners_only(ctx)
    nexts = query.intent in _NEXT_TOO and query.has("time.next", "time.previous")
    if (
        query.intent not in _ABOUT_EVENTS
        and not nexts
        and not (query.intent == "fallback" and query.score == 0)
    ):
        return False  # 「今の株価」 asks what the records never hold
    stated = [p for p in query.when.spans if not p.attached]
    if stated or query.when.anniversary is not None:
        return False
    if query.has("count.how_many", "order.first", "order.last") and not query.has(
        "time.next", "time.previous"
    ):
        return False  # 「今何号まで出てる？」 asks for the latest, not for what is running
    return query.has("time.now", "time.next", "time.previous")


def answer(ctx: Context) -> Answer | None:
    query = ctx.query
    if query.has("time.others") and (days := _stated_days(ctx)):
        return others_on(ctx, days[0])
    if query.has("time.same_day", "time.same_month", "time.day_of", "time.on_that_day"):
        return same_time(ctx, month=query.has("time.same_month"))
    if query.has("time.next"):
        return following(ctx, after=True)
    if query.has("time.previous"):
        return following(ctx, after=False)
    return running(ctx)


def _also_that_day(query: Query) -> bool:
    """「…の締結式の日って、KITTEでイベントもやってた？」: something else said to have happened that day
    too (も after the day and a word between; 「特産品販売やった日も」 asks the day itself too)."""
    days = [h.end for h in query.facets if h.name == "time.day_of"]
    return any(h.name == "ask.also" and any(h.begin > d for d in days) for h in query.facets)


def _asks_of_that_day(query: Query) -> bool:
    """「協定式をやった日に、何のお祭りに協力してた？」: 「…日に」 then a question word that asks what else
    happened (not 「いつ」 or 「何曜日」, which ask the day itself)."""
    if query.has("ask.when", "ask.weekday", "aspect.time"):
        return False
    days = [h for h in query.facets if h.name == "time.on_that_day"]
    asks = [h for h in query.facets if h.name in ("wh", "ask.any", "time.others")]  # 何, 何か, ほかに
    return any(w.begin >= d.end for d in days for w in asks)


def _partners_only(ctx: Context) -> bool:
    """「群馬県市長会と同じ日に協定を結んだ団体は？」 asks the partners table (its own same-day rows)."""
    named = ctx.query.has("subject.partner") or bool(ctx.query.entity_ids("partner"))
    others = (
        ctx.query.has("time.others", "chart.events")  # 「…と同じ日にやってたイベントは？」
        or bool(ctx.query.categories)
        or bool(ctx.query.aspects)
        or _asks_of_that_day(ctx.query)  # 「協定式をやった日に、何のお祭りに…」
    )
    return named and ctx.query.has("subject.agreement") and not others


def _anchors(ctx: Context) -> list[Event]:
    """The record the question dates from: a partner's signing when it names partners and an
    agreement, else the events it is about."""
    if ctx.query.has("subject.agreement"):
        signings = [ctx.store.event(p.event) for p in mentioned_partners(ctx) if p.event]
        if signings:
            return sorted(signings, key=lambda e: ctx.store.position(e.id))
        if ctx.query.order is not None and not ctx.query.entities:
            # 「初めての広域連携協定から何年？」「企業と初めて包括連携協定を結んでから」: the first (or last)
            # signing of the kind asked, partners' or companies'
            kind = (
                company_agreements_of(ctx)
                if ctx.query.has("subject.company")
                else [ctx.store.event(p.event) for p in ctx.store.partners.partners if p.event]
            )
            dated = sorted(
                (e for e in kind if e.date.start), key=lambda e: (e.date.start, ctx.store.position(e.id))
            )
            if dated:
                return dated[:1] if ctx.query.order == "first" else dated[-1:]
    own = own_said(ctx)
    if own is not None:  # 「プロジェクト、来年で何周年？」: the project itself, from its first record
        return [e for e in ctx.store.about(own) if e.date.start is not None][:1]
    events = [e for e in subject_events(ctx) or [] if e.date.start is not None]
    years = {p.start.year for p in ctx.query.when.spans if p.attached}
    # 「東北六魂祭2016の日に」: the year glued to the name picks that one
    return [e for e in events if e.date.start is not None and e.date.start.year in years] or events


def _subject(ctx: Context) -> list[Event]:
    """The events the question is about, ignoring when: its names, its category and its rare words."""
    if ctx.query.entities or ctx.query.terms or ctx.query.ties:
        events = subject_events(ctx) or []
    else:
        events = list(ctx.store.events)
    if ctx.query.categories:
        events = [e for e in events if e.category in ctx.query.categories] or events
    return [e for e in events if e.date.start is not None]


def running(ctx: Context) -> Answer:
    """「いま開催中の展示は？」: the records whose dates include today."""
    today = ctx.query.today
    pool = _subject(ctx)
    now = [e for e in pool if e.date.start and e.date.start <= today <= (e.date.end or e.date.start)]
    if not now:
        return _past_the_end(ctx, pool, wording.nothing_running(format_date(today)))
    summary = wording.running_on(format_date(today), details.facts(ctx, now))
    if ctx.query.has("time.until") and len(now) == 1 and (until := until_said(ctx, now[0])) is not None:
        summary = until  # 「いまやってる…いつまで？」: the end first
    return _events_answer(ctx, now, summary)


def _all_of_subject(ctx: Context) -> list[Event]:
    """Every event of the question's names that carries one of its words (or their records' words):
    「次の東北のおまつり」 is any festival of 東北, not only those scoring near the best."""
    query = ctx.query
    if not query.entities:
        return _subject(ctx)
    words = [*query.terms, *query.related]
    events = [e for e in ctx.selector.filtered(query, strict=False) if e.date.start is not None]
    hits = [e for e in events if any(e.id in ctx.selector.term_hits(w) for w in words)]
    return hits or _subject(ctx)


def following(ctx: Context, *, after: bool) -> Answer:
    """「次の講演会は？」: the first of them after today (「前回の…」: the last before it)."""
    today = ctx.query.today
    pool = sorted(
        _signings(ctx) or _all_of_subject(ctx),
        key=lambda e: (e.date.start or date.min, ctx.store.position(e.id)),
    )
    if after:
        ahead = [e for e in pool if e.date.start and e.date.start > today]
        if not ahead:
            return _past_the_end(ctx, pool, wording.nothing_after(format_date(today)))
        edge = [e for e in ahead if e.date.start == ahead[0].date.start]
    else:
        behind = [e for e in pool if e.date.start and e.date.start < today]
        if not behind:
            return ctx.nothing()
        edge = [e for e in behind if e.date.start == behind[-1].date.start]
    return _events_answer(ctx, edge, wording.next_one(after, details.facts(ctx, edge)))


def _signings(ctx: Context) -> list[Event]:
    """「次に協定を結んだ団体は」「…のあとに締結したのは」: the partners' signing ceremonies, when the
    question asks about agreements and names none (the partners table's own order); [] otherwise."""
    query = ctx.query
    if not query.has("subject.agreement") or query.entities:
        return []
    if query.has("subject.company", "subject.comprehensive"):
        return []
    ids = dict.fromkeys(p.event for p in ctx.store.partners.partners if p.event)
    return [ctx.store.event(i) for i in ids if ctx.store.has_event(i)]


def elapsed(ctx: Context) -> Answer | None:
    """「協定を結んで何年たった？」: the years from the record the question names to `today`."""
    when = ctx.query.when
    # 「今年の8月で何周年？」: counted to the end of the period the question states, else to today
    stated = [p for p in when.spans if not p.attached and not p.any_year and p.end != date.max]
    when = dataclasses.replace(when, spans=tuple(p for p in when.spans if p.attached), anniversary=None)
    ctx = dataclasses.replace(ctx, query=dataclasses.replace(ctx.query, when=when))
    if not (ctx.query.entities or ctx.query.terms or ctx.query.categories):
        return None
    anchors = _anchors(ctx)
    if not anchors:
        return None
    anchor = min(anchors[:3], key=lambda e: (e.date.start or date.max, ctx.store.position(e.id)))
    start = anchor.date.start
    assert start is not None
    # 「10年前の春に結んだ協定、今日から数えて何年前？」: a period holding the record says which record,
    # it is not where the years end
    stated = [p for p in stated if not p.start <= start <= p.end]
    today = stated[-1].end if stated else ctx.query.today
    months = whole_months(start, today)
    if months < 0:
        return None
    summary = wording.elapsed(
        months // 12,
        months % 12,
        format_span(anchor.date),
        headline(anchor),
        format_date(today),
        anniversary=any(w.endswith("周年") for w in ctx.query.facet_words("time.elapsed")),
    )
    claimed = ctx.years_said()
    if ctx.query.confirm and claimed:  # 「ちょうど10年になるよね？」: the years said, checked
        summary = wording.yes_or_no(months // 12 == claimed[-1], summary)
    return when_of(ctx, summary, anchor)


def _past_the_end(ctx: Context, pool: list[Event], summary: str) -> Answer:
    """Nothing then: say where the records end and what the last record of that kind was."""
    last_date = ctx.store.last_date
    dated = [e for e in pool if e.date.start is not None]
    if not dated:
        return ctx.not_found(summary + wording.records_end(format_date(last_date)))
    last = max(dated, key=lambda e: (e.date.start or date.min, ctx.store.position(e.id)))
    # the records hold nothing then: an honest "no", with where they end and the last one of its kind
    return ctx.not_found(
        summary + wording.records_end_with(format_date(last_date), headline(last), format_span(last.date)),
        lines=event_lines([last]),
    )


def others_on(ctx: Context, day: date) -> Answer | None:
    """The records of a stated day besides the one the question names (「協定の締結式のほかに何が」)."""
    that_day = [e for e in ctx.store.between(day, day) if e.date.start is not None]
    if not that_day:
        return None
    undated = dataclasses.replace(ctx.query.when, spans=())
    named = ctx.selector.best(dataclasses.replace(ctx.query, when=undated), series_only=False)
    anchors = [r.event for r in named if r.event in that_day][:1]
    if not anchors:  # the named record by its words alone, among that day's
        anchors = [e for e in that_day if any(e.id in ctx.selector.term_hits(t) for t in ctx.query.terms)][:1]
    if anchors and (besides := items_besides(ctx, anchors[0])) is not None:
        return besides  # 「12月15日の区長会総会、奈良の申し入れのほかに何の話を」: the meeting's other items
    others = [e for e in that_day if e not in anchors]
    if anchors and not others and (beside := _undated_after(ctx, day)):
        return _only_one(ctx, format_date(day), anchors[0], beside)
    if not anchors or not others:
        return None
    label = format_date(day)
    return _events_answer(
        ctx,
        others,
        wording.same_time(label, headline(anchors[0]), details.facts(ctx, others), month=False),
        extra=anchors,
    )


def same_time(ctx: Context, *, month: bool) -> Answer:
    """「協定締結式と同じ日にほかに何をした？」: the named record's day, and the others of that day."""
    before, after = _sides_of_day(ctx)
    # 「ニュースの創刊号が出た日に、区長会総会では何を？」: the day is the first name's, the other is asked;
    # so are the words (「ホームページが始まった日に会長を訪問した市長は」: ホームページ's day)
    words = ctx.query.dated_by or ctx.query.terms
    dated = dataclasses.replace(ctx, query=dataclasses.replace(ctx.query, entities=before, terms=words))
    anchors = _anchors(dated)
    if not anchors:
        return ctx.nothing()
    anchor = anchors[0]
    day = anchor.date.start
    assert day is not None
    if month:
        first = day.replace(day=1)
        last = month_end(first.year, first.month)
        others = [e for e in ctx.store.between(first, last) if e.date.start and first <= e.date.start <= last]
        label = format_date(first, "month")
    else:
        others = [e for e in ctx.store.between(day, day) if e.date.start is not None]
        label = format_date(day)
    # the records of that day the question's words also fit are its anchors too (a ceremony and the
    # meeting that set it); but what is asked after 「…日に」 (「会長を訪問した市長は」) is not
    asked_after = _asks_of_that_day(ctx.query) and ctx.query.has("aspect.people", "aspect.role")
    anchor_ids = {anchor.id} if asked_after else {e.id for e in anchors if e.date.start == day}
    others = [e for e in others if e.id not in anchor_ids]
    if ctx.query.categories:
        others = [e for e in others if e.category in ctx.query.categories] or others
    if after:
        named = {m.entity_id for m in after}
        others = [e for e in others if named & {*e.refs, e.series}] or others
    if not others:
        return _only_one(ctx, label, anchor, [] if month else _undated_after(ctx, day))
    summary = wording.same_time(label, headline(anchor), details.facts(ctx, others), month=month)
    asked = [a for a in ctx.query.aspects if a not in ("content", "role")]
    if asked and len(others) == 1:  # 「同じ日のシンポジウムの会場とテーマを」: asked of that one
        summary += details.aspects_said(ctx, others[0], asked)
    return _events_answer(ctx, others, summary, extra=[anchor])


_DAY_OF = ("time.day_of", "time.on_that_day", "time.same_day")


def _only_one(ctx: Context, label: str, anchor: Event, beside: list[Event]) -> Answer:
    """「…の日、ほかに何か？」 of a day with one record: that one alone, and the undated row the source
    writes right after it, when there is one (「千葉県町村会の締結式の日」: the second symposium)."""
    said = wording.nothing_else_on(label, headline(anchor))
    if ctx.query.confirm or ctx.query.has("ask.any"):  # 「その日に何かイベントあった？」: いいえ
        said = wording.yes_or_no(False, said)
    if beside:  # maybe the same day, which the records do not say
        said += wording.undated_right_after(headline(beside[0]))
    shown = [anchor, *beside]
    return ctx.found(
        said,
        title=label,
        lines=event_lines(shown),
        sources=tuple(cite(e) for e in shown),
        dates=iso_dates([anchor]),
        record_ids=tuple(e.id for e in shown),
    )


def _undated_after(ctx: Context, day: date) -> list[Event]:
    """The undated record the source writes right after that day's rows, if there is one (no date of its
    own: the same day, maybe, but the records do not say so)."""
    that_day = [e for e in ctx.store.between(day, day) if e.date.start == day]
    if not that_day:
        return []
    events = ctx.store.events
    at = max(ctx.store.position(e.id) for e in that_day) + 1  # the row after the day's last
    after = events[at] if at < len(events) else None
    return [after] if after is not None and after.date.start is None and after.date.after == day else []


def _sides_of_day(ctx: Context) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
    """The names said before 「…した日に」 (whose day it is) and after it (what is asked of that day),
    when both are said; else all the names and none."""
    query = ctx.query
    at = next((h.begin for h in query.facets if h.name in _DAY_OF), None)
    if at is None:
        return query.entities, ()
    before = tuple(m for m in query.entities if m.end <= at)
    after = tuple(m for m in query.entities if m.begin >= at)
    return (before, after) if before and after else (query.entities, ())


def _events_answer(ctx: Context, events: list[Event], summary: str, *, extra: Sequence[Event] = ()) -> Answer:
    shown = [*events, *extra]
    return ctx.found(
        summary,
        title=wording.title_when(),
        lines=event_lines(shown, full=len(events) == 1),
        sources=tuple(cite(e) for e in shown[:5]),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in shown),
    )
