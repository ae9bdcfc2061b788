"""What a record states, or does not: a figure with its counter (28団体, 9町), an address, an opinion.

A question that asks for something the records never hold (a count of couples, an address the row
does not give, a recommendation) is declined with what the records do have, never answered with a
guess or a list of everything nearby.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from renkei_bot import wording
from renkei_bot.answers import pointing
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import event_lines, record_lines
from renkei_bot.answers.mentions import said_on
from renkei_bot.answers.model import Answer
from renkei_bot.dates import format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Event

TABLE_INTENTS = frozenset({"member_count", "partner_total", "partners_list", "yearly_count", "count"})
# An address as the rows write one: 台東区浅草2-6-7, 千代田区飯田橋3丁目. Compiled (and kept by re) on the
# first address question, not at import: its kanji classes take 1.3 ms of a cold start.
_ADDRESS = r"[一-龥ぁ-んァ-ヶ]{2,12}[0-9０-９]+(?:[-－ー][0-9０-９]+)+|[一-龥]{2,12}[0-9０-９]+丁目[0-9０-９\-－番地号]*"


def counter_asked(ctx: Context) -> str | None:
    """The counter of 「何団体」「何組」「何町」 (not of 何回, which counts records); 円 for a sum of money;
    for a count of no counter (いくつ) the thing the question asks about (「お祭りっていくつ」 → 祭り)."""
    if ctx.query.has("count.money") and ctx.vocabulary.money_counter:
        return ctx.vocabulary.money_counter
    for word in (*ctx.query.facet_words("count.how_many"), *ctx.query.facet_words("count.figure")):
        counter = word[1:] if word.startswith("何") else word[:-1] if word.endswith("数") else ""
        generic = ctx.vocabulary.generic_counters
        if counter and counter not in ctx.vocabulary.record_counters and counter not in generic:
            return counter  # 何組 → 組, 本数 → 本, 参加者数 → 参加者
    if not ctx.query.has("count.how_many"):
        return None
    topic = ctx.query.topic  # worked out on first use: only when a count is asked
    if topic and not ctx.query.entity_ids("partner"):
        plain = [
            w
            for w in ctx.query.facet_words("count.how_many")
            if not w.startswith("何") and not w.endswith("数")
        ]
        # (「協定先っていくつ」: the partners, counted in the table)
        if plain and not ctx.query.has("subject.member", "subject.partner"):
            # 「参加自治体っていくつ」: a counter the noun ends with (自治体, not its last character)
            ends = [c for c in ctx.vocabulary.table_counters if topic[0].endswith(c)]
            return max(ends, key=len) if ends else topic[1]  # 「紹介したお祭りっていくつ」 → 祭り
    # 「…には、協定を結んだ地域がいくつ参加した？」: the region counted, said as the subject
    regions = [w for w in ctx.query.facet_words("unit.region") if w in ctx.vocabulary.table_counters]
    return regions[0] if regions and ctx.query.has("aspect.participants") else None


def stated_figure(ctx: Context, events: Sequence[Event]) -> Answer | None:
    """「ねぎサミットには何団体出店した？」: the detail that states N団体, first; None when no record
    states such a figure."""
    counter = counter_asked(ctx)
    if counter is None:
        return None
    if counter in ctx.vocabulary.day_counters and events:
        # 「六魂祭は何日間？」 presumes a record of several days: the best such one (当日, not 締結式)
        return days_held(ctx, next((e for e in events if e.date.end or e.date.days), events[0]))
    figure = re.compile(rf"([0-9０-９]+)\s?(?:つの)?{re.escape(counter)}")
    for event in events:
        lines = pointing.in_context(event)
        if event.venue and not any(event.venue in text for text, _ in lines):  # 「区政会館の何階」: 20階
            lines = [*lines, (event.venue, event.venue)]
        stating = [(text, read) for text, read in lines if figure.search(text)]
        if stating:
            # the line the question points to: 「お茶の淹れ方講座の会場は何階」 → the 3階 under that item
            best = pointing.best_line(ctx, [read for _, read in stating], ctx.query.aspects)
            text = next(text for text, read in stating if read == best)
            mention = pointing.item_mention(event, best, text)  # the item's own day (①日時:…)
            day = said_on(event, mention) if mention is not None else format_span(event.date)
            summary = wording.detail_line(text.lstrip("・ "), event.title, day)
            if ctx.query.confirm and ctx.query.numbers:  # 「参加自治体数って321でしたか？」
                values = {int(m.group(1)) for m in figure.finditer(text)}
                summary = wording.yes_or_no(ctx.query.numbers[-1] in values, summary)
            return ctx.found_record(summary, event, record_lines(event))
    return (
        counted_by_parts(ctx, events, counter)
        or counted_list(ctx, events, counter)
        or _bracketed(ctx, events, counter)
    )


def days_held(ctx: Context, event: Event) -> Answer | None:
    """「十勝の展示は何日間やってた？」: the days the record's dates span (8月21日～9月27日: 38日間; 5月30、
    31日: 2日間); None for a record dated to its month or year, whose days the records do not give."""
    span = event.date
    if span.start is None or span.precision != "day":
        return None
    days = len(span.days) if span.days else ((span.end or span.start) - span.start).days + 1
    summary = wording.days_held(days, format_span(span), event.title)
    return ctx.found_record(summary, event, record_lines(event))


def _bracketed(ctx: Context, events: Sequence[Event], counter: str) -> Answer | None:
    """「限定メニューの数は」 of 「限定メニューの提供(11種類)」: the figure in brackets after the noun."""
    if len(counter) < 2:
        return None
    after = re.compile(rf"{re.escape(counter)}[^。、()（）]{{0,12}}[(（]([0-9０-９]+[^)）]{{0,6}})[)）]")
    for event in events:
        for text in event.details:
            found = after.search(text)
            if found is not None:
                summary = wording.figure_in_line(
                    found.group(1), text.lstrip("・ "), event.title, format_span(event.date)
                )
                return ctx.found_record(summary, event, record_lines(event))
    return None


_LISTED = re.compile(r"[(（]([^()（）]+?[・、][^()（）]+?)[)）]")  # (北海道・京都・青森・千葉・広島)


def counted_list(ctx: Context, events: Sequence[Event], counter: str) -> Answer | None:
    """「参加した地域はいくつ？」 of a line listing them in brackets (北海道・京都・青森・千葉・広島):
    how many it lists, in the line that holds the question's words."""
    if counter not in ctx.vocabulary.table_counters or "participants" not in ctx.query.aspects:
        return None  # who took part, listed as bodies or places (地域, 自治体), not any noun counted
    words = [compact(t) for t in ctx.query.terms if len(t) >= 2]
    for event in events:
        for text in event.details:
            listed = _LISTED.search(text)
            if listed is None or not any(w in compact(text) for w in words):
                continue
            items = [i for i in re.split(r"[・、]", listed.group(1)) if i.strip()]
            summary = wording.counted_list(
                len(items), counter, listed.group(1), text.lstrip("・ "), format_span(event.date)
            )
            return ctx.found_record(summary, event, record_lines(event))
    return None


def counted_by_parts(ctx: Context, events: Sequence[Event], counter: str) -> Answer | None:
    """「何市町村？」 of a line that writes its count by kind (16町・2村, 5市・6町・1村): their sum."""
    known = dict(ctx.vocabulary.place_kinds)
    kinds = [c for c in counter if c in known]
    if len(counter) < 2 or len(kinds) != len(counter):
        return None
    part = rf"[0-9０-９]+(?:{'|'.join(map(re.escape, kinds))})"
    run = re.compile(rf"{part}(?:[・、,]?{part})+")
    for event in events:
        lines = [(text, read) for text, read in pointing.in_context(event) if run.search(text)]
        if not lines:
            continue
        best = pointing.best_line(ctx, [read for _, read in lines], ctx.query.aspects)
        text = next(text for text, read in lines if read == best)
        found = run.search(text)
        assert found is not None
        total = sum(int(n) for n in re.findall(r"[0-9０-９]+", found.group()))
        summary = wording.counted_by_parts(
            total, counter, found.group(), text.lstrip("・ "), format_span(event.date)
        )
        return ctx.found_record(summary, event, record_lines(event))
    return None


def figure_missing(ctx: Context, events: Sequence[Event]) -> Answer | None:
    """「カップルは何組？」 of records that state no such figure: an honest "not recorded"."""
    counter = counter_asked(ctx)
    # the tables count partners (自治体, 団体) and the companies signed with; 「交流会に何社参加？」 of a
    # record is neither
    tabled = counter not in ctx.vocabulary.company_counters or ctx.query.has(
        "subject.agreement", "subject.comprehensive", "subject.partner", "subject.company"
    )
    if counter is None or (ctx.query.intent in TABLE_INTENTS and tabled) or not events:
        return None
    said = (
        wording.MONEY_NOT_RECORDED
        if counter == ctx.vocabulary.money_counter
        else wording.figure_not_recorded(counter)
    )
    return ctx.not_found(said, lines=event_lines(list(events)[:3]))


def address(ctx: Context, events: Sequence[Event]) -> Answer:
    """「まるごとにっぽんの住所は？」: the address a row gives, or that none gives one."""
    for event, text in ((e, t) for e in events for t in (e.venue or "", *e.details)):
        m = re.search(_ADDRESS, text)
        if m:
            summary = wording.address_is(m.group(0), event.title, format_span(event.date))
            spec = ctx.vocabulary.facets.aspect("venue")
            if "venue" in ctx.query.aspects and event.venue and spec:  # 「会場名と住所を」: both
                summary = wording.aspect_value(spec.label, event.venue) + summary
            return ctx.found_record(summary, event)
    venue = next((e.venue for e in events if e.venue), "")
    return ctx.not_found(wording.address_not_recorded(venue or ""), lines=event_lines(list(events)[:3]))


_CONTACT = re.compile(
    r"[0-9０-９]{2,4}[-－][0-9０-９]{2,4}[-－][0-9０-９]{3,4}|https?://|@[A-Za-z0-9.-]+\.[a-z]{2,}"
)


def contact(ctx: Context, events: Sequence[Event]) -> Answer:
    """「事務局の電話番号は？」: the records hold no telephone numbers, mail addresses or URLs."""
    for event in events:
        for text in (event.title, *event.details):
            if _CONTACT.search(text):
                return ctx.found_record(
                    wording.detail_line(text.lstrip("・ "), event.title, format_span(event.date)), event
                )
    return ctx.not_found(wording.CONTACT_NOT_RECORDED, lines=event_lines(list(events)[:3]))


def procedure(ctx: Context) -> Answer | None:
    """「会員登録はどうやって申し込めばいい？」「協定は何年まで有効？」: a procedure or a term of validity,
    which the records, a history, hold only if they write the word asked with (none does today)."""
    asked = [h.word for h in ctx.query.facets if h.name == "procedure"]
    if any(ctx.selector.term_hits(w) for w in asked):
        return None
    lines = event_lines([r.event for r in ctx.selector.best(ctx.query)][:3])
    named = procedure_noun(ctx)
    said = wording.attribute_not_recorded(named) if named else wording.NO_PROCEDURE
    return ctx.not_found(said, lines=lines)


def procedure_noun(ctx: Context) -> str:
    """The noun a procedure is asked with (「有効期間は？」), to say back; '' when a verb asks it."""
    return next((h.word for h in ctx.query.facets if h.name == "procedure" and h.word in ctx.query.terms), "")


def opinion(ctx: Context) -> Answer:
    return ctx.not_found(wording.NO_OPINION)


def private(ctx: Context) -> Answer:
    """A person's age, birthday, home town or term of office: the records name people by their post on
    the day of a record, and hold nothing else about them."""
    return ctx.not_found(
        wording.NO_PRIVATE, lines=event_lines([r.event for r in ctx.selector.best(ctx.query)][:3])
    )
