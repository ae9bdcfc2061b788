"""Calendar arithmetic on recorded dates: the weekday of a record's day (「何曜日だった？」) and the days
between two records (「千葉県町村会との締結式の何日後？」)."""

from __future__ import annotations

import dataclasses
from datetime import date

from renkei_bot import wording
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, event_line, headline
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.partners import company_agreements_of, partner_line, table_source
from renkei_bot.dates import format_date
from renkei_bot.nlu.resolution import Match


def with_weekday(ctx: Context, answer: Answer) -> Answer:
    """ask.weekday: the weekday of the answer's first date leads."""
    if not ctx.query.has("ask.weekday") or not answer.found or not answer.dates:
        return answer
    first = answer.dates[0]
    if len(first) != len("2018-12-21"):
        return answer
    day = date.fromisoformat(first)
    lead = wording.weekday_of(day.weekday(), format_date(day))
    return dataclasses.replace(answer, summary=lead + answer.summary)


@dataclasses.dataclass(frozen=True, slots=True)
class _Anchor:
    name: str
    day: date
    line: Line
    source: str


def _anchor(ctx: Context, match: Match) -> _Anchor | None:
    """The day of what one name of the question stands for: a partner's signing (a prefecture's
    partners' when an agreement is asked), a company's agreement, else its best record."""
    partner = ctx.store.partner(match.entity_id)
    if partner is not None:
        return _Anchor(partner.name, partner.agreed, partner_line(partner), table_source(ctx, partner))
    agreement = ctx.query.has("subject.agreement")
    if agreement and match.type == "prefecture":
        of_place = [
            p for p in ctx.store.partners.partners if ctx.store.entity(p.id).parent == match.entity_id
        ]
        if of_place:
            first = min(of_place, key=lambda p: p.agreed)
            name = "・".join(p.name for p in of_place)
            return _Anchor(name, first.agreed, partner_line(first), table_source(ctx, *of_place))
    if match.type == "company":
        signed = [e for e in company_agreements_of(ctx) if match.entity_id in e.refs and e.date.start]
        if signed and signed[0].date.start is not None:
            name = ctx.store.entity(match.entity_id).name
            return _Anchor(name, signed[0].date.start, event_line(signed[0]), cite(signed[0]))
    best = ctx.selector.best(dataclasses.replace(ctx.query, entities=(match,)))
    event = best[0].event if best else None
    day = event.date.start if event is not None else None
    if event is None or day is None:
        return None
    return _Anchor(headline(event), day, event_line(event), cite(event))


def _side(ctx: Context, words: tuple[str, ...]) -> _Anchor | None:
    """The best record of one of two phrases compared (「ロゴマーク決定」)."""
    query = dataclasses.replace(ctx.query, entities=(), terms=words, related=(), ties=())
    best = ctx.selector.best(query)
    event = best[0].event if best else None
    day = event.date.start if event is not None else None
    if event is None or day is None:
        return None
    return _Anchor(wording.quoted_title(headline(event)), day, event_line(event), cite(event))


def earlier(ctx: Context) -> Answer | None:
    """compare.earlier with two named things: which came first (「どっちが先に協定締結した？」)."""
    anchors = [a for m in dict.fromkeys(ctx.query.entities) if (a := _anchor(ctx, m)) is not None]
    if len(anchors) < 2 and ctx.query.sides is not None:  # two phrases, no names: a record for each
        anchors = [a for words in ctx.query.sides if (a := _side(ctx, words)) is not None]
    if len(anchors) < 2:
        return None
    first, second = sorted(anchors[:2], key=lambda a: a.day)
    summary = wording.came_first(first.name, format_date(first.day), second.name, format_date(second.day))
    if ctx.query.confirm:  # 「広島は千葉より先でしたよね？」: the one named first is claimed to be earlier
        summary = wording.yes_or_no(anchors[0].day < anchors[1].day, summary)
    return _pair(ctx, summary, first, second)


def interval(ctx: Context) -> Answer | None:
    """ask.interval with two named things: the days from the second to the first."""
    anchors = [a for m in dict.fromkeys(ctx.query.entities) if (a := _anchor(ctx, m)) is not None]
    if len(anchors) < 2:
        return None
    first, second = anchors[:2]
    days = (first.day - second.day).days
    summary = wording.days_between(
        first.name, format_date(first.day), second.name, format_date(second.day), days
    )
    return _pair(ctx, summary, first, second)


def _pair(ctx: Context, summary: str, first: _Anchor, second: _Anchor) -> Answer:
    return ctx.found(
        summary,
        title=wording.title_when(),
        lines=(first.line, second.line),
        sources=tuple(dict.fromkeys((first.source, second.source))),
        dates=(first.day.isoformat(), second.day.isoformat()),
    )
