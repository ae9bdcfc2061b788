"""Dates written inside a row (→5/20提出, 第3回 東京開催（3/23）, ①日時：平成29年12月21日): which one a
question is about, when its words are found around that date and not in the row's title."""

from __future__ import annotations

from renkei_bot.answers.context import Context
from renkei_bot.dates import format_span
from renkei_bot.normalize import compact
from renkei_bot.records import DateSpan, Event, Mention


def said_on(event: Event, mention: Mention) -> str:
    """Every day the mention's text gives (「8月24日(木)・25日(金)」 is two mentions of one text), in
    both calendars."""
    days = sorted({m.date for m in event.mentions if m.text == mention.text} | {mention.date})
    return format_span(DateSpan(start=days[0], precision="day", text="", end=days[-1], days=tuple(days)))


def mention_context(event: Event, mention: Mention) -> str:
    """A mention's text with the detail before it: 「○千葉県特産品販売」 then 「①日時：…12月21日」."""
    for i, detail in enumerate(event.details):
        if compact(mention.text) in compact(detail) or compact(detail) in compact(mention.text):
            before = event.details[i - 1] if i > 0 else ""
            return f"{before} {detail} {mention.text}"
    return mention.text


def pointed_mention(ctx: Context, event: Event) -> Mention | None:
    """The date inside the row that the question is about: its words are in the mention, not the title."""
    title = compact(event.title)
    best: tuple[int, Mention] | None = None
    for mention in event.mentions:
        context = compact(mention_context(event, mention))
        own = [
            t for t in ctx.query.terms if len(t) >= 2 and compact(t) in context and compact(t) not in title
        ]
        # the words must be the mention's own, unless it is a bare date line (①日時：…) under its item
        bare = "日時" in context
        if not bare and not any(compact(t) in compact(mention.text) for t in own):
            continue
        if own and (best is None or len(own) > best[0]):
            best = (len(own), mention)
    return best[1] if best else None
