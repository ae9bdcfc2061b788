"""Query + Store → Answer: one function per intent, chosen from a table."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from renkei_bot.answers import counts, details, events, general, guards, partners, premise, relative
from renkei_bot.answers.context import Context
from renkei_bot.answers.model import Answer

Handler = Callable[[Context], Answer]

HANDLERS: dict[str, Handler] = {
    "greeting": general.greeting,
    "help": lambda ctx: general.help_answer(ctx.classifier, question=ctx.query.raw),
    "agreement_date": partners.agreement_date,
    "member_count": partners.member_count,
    "partner_total": partners.partner_total,
    "partners_list": partners.partners_list,
    "yearly_count": counts.yearly_count,
    "when": events.when,
    "events_in_period": events.listing,
    "events_about": events.listing,
    "count": events.count,
    "first_last": events.first_last,
    "who": details.who,
    "detail": details.detail,
    "anniversary": general.anniversary,
    "summary": general.summary,
    "fallback": general.fallback,
    "chart": general.chart,
    "coverage": general.coverage,
}


def answer(ctx: Context) -> Answer:
    if _past_years_asked(ctx):
        ctx = dataclasses.replace(ctx, query=dataclasses.replace(ctx.query, intent="anniversary"))
    ctx = _aspect_routed(ctx)
    refusal = guards.check(ctx)
    if refusal is not None:
        return refusal
    if relative.applies(ctx):
        placed = relative.answer(ctx)
        if placed is not None:
            return premise.yes_no(ctx, placed)
    if ctx.query.confirm or premise.place_contradicts(ctx):
        checked = premise.confirm(ctx)
        if checked is not None:
            return premise.yes_no(ctx, checked)
    if (
        ctx.query.intent == "first_last"
        and ctx.query.has("subject.company")
        and ctx.query.has("subject.agreement", "subject.comprehensive")
    ):
        return partners.company_agreements(ctx)
    if ctx.query.intent == "first_last" and _about_partners(ctx):
        return partners.partners_list(ctx)
    handler = HANDLERS.get(ctx.query.intent, general.fallback)
    return premise.yes_no(ctx, handler(ctx))


def _past_years_asked(ctx: Context) -> bool:
    """「今月は何があった？」「毎年今ごろは？」: this month or season has no records yet (they end in
    2021), so the question can only mean the same month or season in the years of the records."""
    query = ctx.query
    if query.when.anniversary is None or query.intent not in ("events_in_period", "fallback"):
        return False
    spans = [p for p in query.when.spans if not p.attached]
    return bool(spans) and all(p.any_year or p.start > ctx.store.last_date for p in spans)


def _about_partners(ctx: Context) -> bool:
    """「最後に協定を結んだ団体は」 is about the partners table, not about events."""
    has_subject = any(m.type not in ("partner",) for m in ctx.query.entities)
    return (
        not has_subject
        and ctx.query.has("subject.agreement", "subject.partner")
        and not ctx.query.has("subject.comprehensive")
    )


_LISTING = frozenset({"events_about", "events_in_period", "fallback"})


def _aspect_routed(ctx: Context) -> Context:
    """「第2回シンポジウムの基調講演はどなた？」: a wh-question asking an aspect of a record is a detail
    question, whatever words made it look like a listing."""
    query = ctx.query
    aspects = [a for a in query.aspects if a != "content"]
    if query.intent not in _LISTING or not aspects or not query.has("wh"):
        return ctx
    if not (query.entities or query.terms or query.ties):
        return ctx
    intent = "who" if "people" in aspects else "detail"
    return dataclasses.replace(ctx, query=dataclasses.replace(query, intent=intent))
