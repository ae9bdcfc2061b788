"""The records a question is about as a whole: what a count, a first or a last is over."""

from __future__ import annotations

import re
from collections.abc import Sequence

from renkei_bot.answers.context import Context
from renkei_bot.normalize import compact
from renkei_bot.records import Event

SUBJECT = 0.8  # events scoring this share of the best are "the ones the question is about"


def subject_events(ctx: Context) -> list[Event] | None:
    """The events a count or a first/last is over: about all the question's entities, else the events
    its words pick out best (everything scoring near the top)."""
    if (ctx.query.entities or ctx.query.ties) and not ctx.query.terms:
        return ctx.selector.filtered(ctx.query, series_only=True)
    pool = ctx.selector.filtered(ctx.query, series_only=True) or ctx.selector.filtered(
        ctx.query, strict=False
    )
    ranked = [r for r in ctx.selector.rank(ctx.query, pool, floor=SUBJECT) if r.score > 0]
    if not ranked:
        return None
    events = [r.event for r in ranked if r.score >= SUBJECT * ranked[0].score]
    return sorted(events, key=lambda e: ctx.store.position(e.id))


def titled(ctx: Context, events: Sequence[Event]) -> Sequence[Event]:
    """「推進委員会って何回開いた？」: the records whose title names what is counted, when most do (the
    公表 that mentions the committee in its lines is no meeting of it); else all of them."""
    if ctx.query.entity_ids("series"):
        return events  # a series named says what is counted (東北絆まつりへの協力: each festival)
    terms = [compact(t) for t in ctx.query.terms if len(t) >= 2]
    if not terms:
        return events
    # one search per title (a corpus may hold 145,000 records), spaces taken out only where there are any
    words = re.compile("|".join(map(re.escape, terms)))
    naming = [
        e
        for e in events
        if words.search(e.title) or (" " in e.title and words.search(e.title.replace(" ", "")))
    ]
    # most of them: a word only some titles hold (連携事業) describes, it does not name what is counted
    return naming if 2 * len(naming) > len(events) else events
