"""Calendar arithmetic on recorded dates: the weekday of a record's day (「何曜日だった？」) and the days
between two records (「千葉県町村会との締結式の何日後？」)."""

from __future__ import annotations

import dataclasses
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import editions
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, event_line, headline, iso_dates, record_text
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.partners import company_agreements_of, partner_line, partners_of, table_source
from renkei_bot.answers.ranking import Ranked
from renkei_bot.dates import format_date, format_span, whole_months
from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu.query import Query
from renkei_bot.nlu.resolution import Match
from renkei_bot.normalize import compact
from renkei_bot.records import Event


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
    said: str = ""  # the day as the record gives it (2021年1月: a month, not 1月1日)
    exact: bool = True  # the record gives the day itself
    iso: str = ""  # as answers give dates: 2021-01 for a month
    venue: str | None = None  # where the record was held, when it is a record with a venue

    @property
    def iso_day(self) -> str:
        return self.iso or self.day.isoformat()

    @property
    def shown(self) -> str:
        return self.said or format_date(self.day)


def _anchor(ctx: Context, match: Match) -> _Anchor | None:
    """The day of what one name of the question stands for: a partner's signing (a prefecture's
    partners' when an agreement is asked), a company's agreement, else its best record."""
    partner = ctx.store.partner(match.entity_id)
    if partner is not None:
        return _Anchor(partner.name, partner.agreed, partner_line(partner), table_source(ctx, partner))
    agreement = ctx.query.has("subject.agreement")
    if agreement and match.type == "prefecture":
        of_place = partners_of(ctx, {match.entity_id})
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
    return _event_anchor(headline(event), event, day)


def _event_anchor(name: str, event: Event, day: date) -> _Anchor:
    exact = event.date.precision == "day"
    iso = iso_dates([event])[0]
    return _Anchor(
        name, day, event_line(event), cite(event), format_span(event.date), exact, iso, event.venue
    )


def _side(ctx: Context, words: tuple[str, ...]) -> _Anchor | None:
    """The best record of one of two phrases compared (「ロゴマーク決定」)."""
    ranked = _side_ranked(ctx, words)
    return _anchor_of(ranked[0].event) if ranked else None


def _anchor_of(event: Event) -> _Anchor | None:
    day = event.date.start
    return _event_anchor(wording.quoted_title(headline(event)), event, day) if day is not None else None


def _of_words(ctx: Context, names: tuple[Match, ...], words: tuple[str, ...]) -> Query:
    """The question narrowed to one side of what it compares: those names and words alone."""
    return dataclasses.replace(ctx.query, entities=names, terms=words, related=(), ties=(), parts=())


def _side_ranked(ctx: Context, words: tuple[str, ...], without: str = "") -> list[Ranked]:
    """The records one phrase fits best, `without` one of them; the names it holds (群馬 of 「群馬の
    協定式」) choose among the records of those names first."""
    named = tuple(m for m in ctx.query.entities if m.surface in words)
    if named and not without:
        of_names = _of_words(ctx, named, words)
        if best := ctx.selector.best(of_names):
            return best
    query = _of_words(ctx, (), words)
    if not without:
        return ctx.selector.best(query)
    pool = [e for e in ctx.selector.filtered(query, strict=False) if e.id != without]
    return [r for r in ctx.selector.rank(query, pool) if r.score > 0][:1]


def earlier(ctx: Context) -> Answer | None:
    """compare.earlier with two named things: which came first (「どっちが先に協定締結した？」)."""
    anchors = _two_anchors(ctx)
    if anchors is None:
        return None
    first, second = sorted(anchors, key=lambda a: a.day)
    summary = wording.came_first(first.name, first.shown, second.name, second.shown)
    if ctx.query.has("compare.later") and not ctx.query.confirm:  # 「どっちが後？」: the later one leads
        summary = wording.came_last(second.name, second.shown, first.name, first.shown)
    if ctx.query.has("compare.which_way"):  # 「…より前ですか、後ですか？」: the way of the one named first
        one, two = anchors
        summary = wording.before_or_after(one.name, one.day < two.day, one.day == two.day) + summary
    elif ctx.query.confirm:  # 「広島は千葉より先でしたよね？」: the one named first is claimed to be earlier
        named, other = anchors[0].day, anchors[1].day  # (「…より後？」: later)
        summary = wording.yes_or_no(
            named > other if ctx.query.has("compare.later") else named < other, summary
        )
    if ctx.query.has("ask.interval") and first.exact and second.exact:  # 「どっちが先で、何日あいてる？」
        summary += _apart(ctx, first, second, directed=False)
    return _pair(ctx, summary, first, second)


def _compared(ctx: Context) -> list[Match]:
    """The names two things are compared by: 特別区長会, the other side of every agreement
    (「千葉県は市長会と町村会、どっちが先に特別区長会と協定結んだ？」), is none of them."""
    return [m for m in dict.fromkeys(ctx.query.entities) if not ctx.store.entity(m.entity_id).own]


def _two_anchors(ctx: Context) -> tuple[_Anchor, _Anchor] | None:
    """The two things compared: the two names when each phrase is a name alone (「青森県市長会と千葉県
    町村会」), else the best record of each phrase (「ロゴマークの決定と北海道町村会との意見交換会」)."""
    names = [a for m in _compared(ctx) if (a := _anchor(ctx, m)) is not None]
    sides = ctx.query.sides
    by_surface = {m.surface: m for m in ctx.query.entities}
    if sides is not None and (len(names) < 2 or any(set(words) - by_surface.keys() for words in sides)):
        phrases = [
            _anchor(ctx, by_surface[words[0]]) if set(words) <= by_surface.keys() else _side(ctx, words)
            for words in sides
        ]
        if phrases[0] is not None and phrases[1] is not None and phrases[0].line != phrases[1].line:
            return phrases[0], phrases[1]
    return (names[0], names[1]) if len(names) >= 2 else None


def same_time(ctx: Context) -> Answer | None:
    """「ロゴマークの決定と意見交換会は同じ日？」: whether the two phrases' records share a day (a month
    with time.same_month), the answer first, then both days."""
    anchors = _two_anchors(ctx) if ctx.query.sides is not None else None
    if anchors is None:
        return None
    first, second = anchors
    month = ctx.query.has("time.same_month")
    sides = ctx.query.sides
    if not month and first.day != second.day and sides is not None:
        # 「ニュース第2号って区長会総会と同じ日？」: a side of many records (区長会総会) is the one on the
        # other side's day, when it has one
        if (moved := _on_day(ctx, sides[1], first.day)) is not None and moved.line != first.line:
            second = moved
        elif (moved := _on_day(ctx, sides[0], second.day)) is not None and moved.line != second.line:
            first = moved
    same = (
        (first.day.year, first.day.month) == (second.day.year, second.day.month)
        if month
        else first.day == second.day
    )
    summary = wording.same_or_not(first.name, first.shown, second.name, second.shown, same=same, month=month)
    return _pair(ctx, wording.yes_or_no(same, summary), first, second)


def same_venue(ctx: Context) -> Answer | None:
    """「ねぎサミットとMEGAグルメフェスって同じ会場？」: whether the two phrases' records were held at the
    same place (the venue's name before its hall or floor: 大井競馬場), the answer first, then both."""
    anchors = _two_anchors(ctx) if ctx.query.sides is not None else None
    if anchors is None or not all(a.venue for a in anchors):
        return None
    first, second = anchors
    places = [compact(a.venue or "") for a in anchors]
    same = places[0][:SAME_PLACE] == places[1][:SAME_PLACE]
    summary = wording.same_venue_or_not(
        first.name, first.venue or "", second.name, second.venue or "", same=same
    )
    return _pair(ctx, wording.yes_or_no(same, summary), first, second)


SAME_PLACE = 3  # venues sharing their first characters this far share a place (大井競馬場…)


def _on_day(ctx: Context, words: tuple[str, ...], day: date) -> _Anchor | None:
    """The record of one phrase compared that falls on `day`, when it has several records."""
    named = tuple(m for m in ctx.query.entities if m.surface in words)
    if not named:
        return None  # words alone: their best record, not any record holding one of them
    query = _of_words(ctx, named, words)
    records = ctx.selector.filtered(query, strict=False)
    on = [e for e in records if e.date.precision == "day" and e.date.covers(day)]
    if len(records) < 2 or not on:
        return None
    ranked = [r.event for r in ctx.selector.rank(query, on)] or on
    return _anchor_of(ranked[0])


def each(ctx: Context) -> Answer | None:
    """ask.each of two phrases (「案を確認した日と、公表した日をそれぞれ」): the day of each, in order.
    Two phrases asked each name two records: when both fit one best, the phrase that fits it less
    takes its next best."""
    sides = ctx.query.sides
    if sides is None:
        return None
    events = _by_acts(ctx, sides)
    if events is None:
        best = [_side_ranked(ctx, words) for words in sides]
        if not best[0] or not best[1]:
            return None
        if best[0][0].event.id == best[1][0].event.id:
            weaker = 0 if best[0][0].score < best[1][0].score else 1
            best[weaker] = _side_ranked(ctx, sides[weaker], best[weaker][0].event.id)
        events = [ranked[0].event for ranked in best if ranked]
    anchors = [a for event in events if (a := _anchor_of(event)) is not None]
    if len(anchors) < 2:
        return None
    first, second = anchors[:2]
    summary = wording.each_on(first.name, first.shown, second.name, second.shown)
    return _pair(ctx, summary, first, second)


def _by_acts(ctx: Context, sides: tuple[tuple[str, ...], tuple[str, ...]]) -> list[Event] | None:
    """「推進方針の案を確認した日と、公表した日をそれぞれ」: two acts (verbal nouns: 確認, 公表) of one
    topic said once. Each phrase's record is the best by both phrases' words that writes its own act
    and not the other's; None unless each phrase has an act of its own and both records are found."""
    acts = [{compact(w) for w in side if _is_act(w)} for side in sides]
    own = [acts[0] - acts[1], acts[1] - acts[0]]
    if not own[0] or not own[1]:
        return None
    query = _of_words(ctx, (), tuple(dict.fromkeys((*sides[0], *sides[1]))))
    ranked = [
        r.event for r in ctx.selector.rank(query, ctx.selector.filtered(query, strict=False)) if r.score > 0
    ]
    picked: list[Event] = []
    for mine, theirs in (own, own[::-1]):
        event = next((e for e in ranked if _writes_own_act(record_text(e), mine, theirs)), None)
        if event is None or event in picked:
            return None
        picked.append(event)
    return picked


def _is_act(word: str) -> bool:
    tokens = tok.tokenize(word)
    return len(tokens) == 1 and tok.is_verbal_noun(tokens[0])


def _writes_own_act(text: str, mine: set[str], theirs: set[str]) -> bool:
    return all(w in text for w in mine) and not any(w in text for w in theirs)


DIRECTIONS = ("後", "前")  # the ends of an interval asked one way (何日後, 何日前)


MONTHS_OR_YEARS = ("年", "月")  # 「何年」「何か月」: an interval asked in these is said in them first


def interval(ctx: Context) -> Answer | None:
    """ask.interval with two named things: the days from the second to the first."""
    anchors = [a for m in _compared(ctx) if (a := _anchor(ctx, m)) is not None]
    if len(anchors) < 2 and (numbered := editions.numbered_editions(ctx)) is not None:
        anchors = [a for e in numbered if (a := _anchor_of(e)) is not None]  # 「第1回と第2回の講演会」
    if len(anchors) < 2:
        anchors = _step_and_signing(ctx)
    if len(anchors) < 2:
        return None
    first, second = anchors[:2]
    if not (first.exact and second.exact):
        return None  # a month or a year recorded: no count of days
    # 「何日後」「何日前」 ask which way; 「何日はなれてる」「何日違う」 only how far (earlier one first)
    hit = next((h for h in ctx.query.facets if h.name == "ask.interval"), None)
    directed = hit is not None and hit.word.endswith(DIRECTIONS)
    if not directed and first.day > second.day:
        first, second = second, first
    return _pair(ctx, _apart(ctx, first, second, directed=directed), first, second)


def _apart(ctx: Context, first: _Anchor, second: _Anchor, *, directed: bool) -> str:
    """The days from the second to the first, in years and months first when asked in them."""
    hit = next((h for h in ctx.query.facets if h.name == "ask.interval"), None)
    return wording.days_between(
        first.name,
        format_date(first.day),
        second.name,
        format_date(second.day),
        (first.day - second.day).days,
        whole_months(*sorted((second.day, first.day))),
        directed=directed,
        in_months=hit is not None and any(unit in hit.word for unit in MONTHS_OR_YEARS),
    )


def _step_and_signing(ctx: Context) -> list[_Anchor]:
    """「協定案を区長会で確認してから締結式まで何日？」: one party's signing, and the record before it
    that a step of its agreement (agreement.step: 案, 確認, 総会) fits best."""
    parties = [m for m in _compared(ctx) if m.type in ("partner", "company")]
    if len(parties) != 1 or not ctx.query.has("agreement.step"):
        return []
    signing = _anchor(ctx, parties[0])
    if signing is None:
        return []
    words = ctx.query.facet_words("agreement.step")
    query = _of_words(ctx, (parties[0],), words)
    before = [
        e for e in ctx.selector.filtered(query) if e.date.start is not None and e.date.start < signing.day
    ]
    ranked = [r for r in ctx.selector.rank(query, before) if r.score > 0]
    step = _anchor_of(ranked[0].event) if ranked else None
    return [step, signing] if step is not None else []


def _pair(ctx: Context, summary: str, first: _Anchor, second: _Anchor) -> Answer:
    return ctx.found(
        summary,
        title=wording.title_when(),
        lines=(first.line, second.line),
        sources=tuple(dict.fromkeys((first.source, second.source))),
        dates=(first.iso_day, second.iso_day),
    )
