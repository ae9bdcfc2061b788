"""The records a question is about as a whole: what a count, a first or a last is over."""

from __future__ import annotations

from renkei_bot.answers.context import Context
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
