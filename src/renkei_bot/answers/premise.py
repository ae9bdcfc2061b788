"""Yes/no questions that state a fact: 「第1回シンポジウムは大井競馬場でやったんだっけ？」.

The answer is the recorded fact, with a plain note where the question's claim differs from it.
Dates stated this way are compared in Context.premise_notes; places and people are handled here.
"""

from __future__ import annotations

from renkei_bot import wording
from renkei_bot.answers import details
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, detail_value, event_line, iso_dates
from renkei_bot.answers.model import Answer
from renkei_bot.dates import format_span
from renkei_bot.normalize import compact

PLACE_TYPES = ("venue", "municipality", "prefecture", "region")


def confirm(ctx: Context) -> Answer | None:
    """The recorded fact for a stated person or place; None to answer the question normally."""
    query = ctx.query
    people = query.entity_ids("person")
    if people:
        return details.person(ctx, people[0])
    places = [m for m in query.entities if m.type in PLACE_TYPES]
    subject = [m for m in query.entities if m.type not in PLACE_TYPES]
    stated = places[0].surface if places else query.stated_place
    if not stated and subject and not query.premise and query.intent in ("events_about", "fallback"):
        return details.detail(ctx)  # 「東北絆まつり2021では協力できたのですか？」: what the record says of it
    if not stated or not (subject or query.terms or query.ordinal):
        return None
    skip = [m.entity_id for m in places]
    series = any(m.type == "series" for m in subject)
    best = ctx.selector.best(query, skip=skip, series_only=series) or ctx.selector.best(query, skip=skip)
    if not best:
        return None
    event = best[0].event
    venue = event.venue or detail_value(event, "会場") or ""
    recorded = compact(" ".join((event.title, venue, *event.details)))
    holds = compact(stated) in recorded
    summary = (
        wording.place_holds(stated, event.title, format_span(event.date))
        if holds
        else wording.place_differs(stated, event.title, format_span(event.date), venue)
    )
    return ctx.found(
        summary,
        title=event.title[:150],
        lines=(event_line(event),),
        sources=(cite(event),),
        dates=iso_dates([event]),
        record_ids=(event.id,),
    )


def place_contradicts(ctx: Context) -> bool:
    """「第1回シンポジウムは渋谷ヒカリエで開催されたと思うのですが」: the stated place and the subject
    share no record, so the place is a claim to check, not a filter."""
    query = ctx.query
    places = [m for m in query.entities if m.type in PLACE_TYPES]
    subject = [m for m in query.entities if m.type not in PLACE_TYPES]
    if not query.stated_place or not places or not subject:
        return False
    if not any(m.surface in query.stated_place for m in places):
        return False
    return not ctx.selector.filtered(query, strict=True)
