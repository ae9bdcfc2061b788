"""Which edition a record is (「第何回の魅力発信イベント？」) and how far a numbered series has got
(「全国連携ニュースは何号まで出てる？」), from the numbers the titles state (第3回, 第4号, 創刊号)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import details
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, detail_value, event_lines, headline, iso_dates, names_entity
from renkei_bot.answers.model import Answer
from renkei_bot.answers.subjects import subject_events
from renkei_bot.dates import fiscal_year, format_span
from renkei_bot.nlu.query import Query
from renkei_bot.normalize import compact
from renkei_bot.records import Event

# The numbers titles carry: 第N号, 第N弾, and 創刊号 (the first issue, counted as 0 before 第2号).
_NUMBERED = re.compile(r"第([0-9]+)(号|弾)|(創刊号)")
FIRST_ISSUE = "創刊号"
_EDITION_WORD = re.compile(r"第?[0-9]*(?:回|号|弾)目?$")


def edition_word(term: str) -> bool:
    """第2回, 3号, 第1弾: a word naming an edition, not what the records are about."""
    return bool(_EDITION_WORD.search(term))


def numbered(events: Iterable[Event], unit: str) -> set[int]:
    """The numbers of the 号 or 弾 the titles state (創刊号 counts as 0: it is the first)."""
    found: set[int] = set()
    for event in events:
        for m in _NUMBERED.finditer(event.title):
            if m.group(3) and unit == "号":
                found.add(0)
            elif m.group(2) == unit:
                found.add(int(m.group(1)))
    return found


def of_numbers(events: Sequence[Event], numbers: set[int], unit: str) -> list[Event]:
    """The records of the numbers asked. A series whose first record states no number (「東京23区・京都府…
    推進委員会の開催」, then 第2回, 第3回) has it as its first: the earliest unnumbered one before them."""
    chosen = [e for e in events if number_in(e, unit) in numbers]
    numbered = [e for e in events if number_in(e, unit)]
    if 1 in numbers and numbered and not any(number_in(e, unit) == 1 for e in numbered):
        first = min(numbered, key=_when)
        before = [e for e in events if not number_in(e, unit) and _when(e) < _when(first)]
        if before:
            chosen = sorted([max(before, key=_when), *chosen], key=_when)
    return chosen


def edition(event: Event) -> str | None:
    """「第3回」「第4号」「創刊号」: the edition the title states, or None."""
    if event.ordinal:
        return f"第{event.ordinal}回"
    m = _NUMBERED.search(event.title)
    if m is None:
        return None
    return m.group(3) or f"第{m.group(1)}{m.group(2)}"


def number(event: Event) -> int:
    """The edition's number: 第N回 or 第N号/弾 of the title (創刊号 1); 0 when it states none."""
    if event.ordinal:
        return event.ordinal
    m = _NUMBERED.search(event.title)
    return int(m.group(1)) if m and m.group(1) else 1 if m else 0


def number_in(event: Event, unit: str) -> int:
    """The record's number in `unit` (第3弾 → 3 for 弾; 創刊号 → 1 for 号), 0 when it states none."""
    if unit == "回":
        return number(event)
    found = numbered([event], unit)  # 創刊号 counts as 0 there: the first issue
    return max(min(found), 1) if found else 0


def _when(event: Event) -> date:
    """When a record was (an undated one first): the series' numbers restart each 年度 (第1回), its
    days do not."""
    return event.date.start or event.date.after or event.date.before or date.min


def _placed(ctx: Context, tied: list[Event]) -> Event:
    """Of records tied for the question, the one held where the question says (「京都で開かれたのは」):
    its own lines name the place, or another row dates it there (第2回 京都開催(12/13))."""
    stated = ctx.query.stated_place
    if not stated or len(tied) < 2:
        return tied[0]
    named = [m.surface for m in ctx.query.entities if m.surface in stated]  # 「うち京都で」: 京都
    places = named or [stated]
    for event in tied:
        day = event.date.start
        said = [m.text for _, m in ctx.selector.mentions_on(day)] if day is not None else []
        if any(p in text for p in places for text in said):
            return event
    own = [e for e in tied if any(p in text for p in places for text in (e.title, *e.details))]
    return own[0] if len(own) == 1 else tied[0]


def _position(ctx: Context, event: Event) -> str | None:
    """A series' record whose title has no number is its n-th in time (the first committee: 第1回)."""
    if event.series is None:
        return None
    events = sorted(ctx.store.in_series(event.series), key=lambda e: ctx.store.position(e.id))
    return f"第{events.index(event) + 1}回" if event in events else None


def answer(ctx: Context) -> Answer | None:
    """ask.ordinal: the edition of the record asked; ask.edition_upto (何号まで): the latest edition."""
    if ctx.query.has("ask.edition_upto"):
        events = [e for e in subject_events(ctx) or [] if edition(e)]
        if not events:
            return None
        last = max(events, key=lambda e: (number(e), e.date.start or e.date.after or e.date.before))
        text = edition(last) or ""
        summary = wording.edition_upto(text, headline(last), format_span(last.date))
        claimed = ctx.query.ordinal
        if ctx.query.confirm and claimed is not None:  # 「第5号まで出てる？」: いいえ, 第4号まで
            summary = wording.yes_or_no(number(last) >= claimed, summary)
        shown = sorted(events, key=number)
    else:
        tied = [r.event for r in ctx.selector.best(ctx.query)]
        # 「ニュースの最新号は第何号？」: the series' last (or first) numbered record, not the best match
        ordered = [e for e in subject_events(ctx) or [] if edition(e)] if ctx.query.order else []
        if ordered:
            tied = [(max if ctx.query.order == "last" else min)(ordered, key=_when)]
        if not tied:
            return None
        last = _placed(ctx, tied)
        found = edition(last) or _position(ctx, last)
        if not found:
            return None
        text = found
        summary = wording.edition_is(text, headline(last), format_span(last.date))
        shown = [last]
        asked = [a for a in ctx.query.aspects if a not in ("content", "role")]
        summary += details.aspects_said(ctx, last, asked)  # 「第何回で、どこで、誰が？」: the rest asked
    return ctx.found(
        summary,
        title=headline(last)[:150],
        lines=event_lines(shown, full=len(shown) == 1),
        sources=tuple(cite(e) for e in shown[:5]),
        dates=iso_dates([last]),
        record_ids=tuple(e.id for e in shown),
    )


def same_across(ctx: Context) -> Answer | None:
    """「シンポジウムのコーディネーターって1回目と2回目で同じ人？」: two or more editions the question
    numbers, compared on what it asks of them (the people a line of each names for the word asked, the
    venue, the theme). None unless each edition is found and says it."""
    query = ctx.query
    if not query.has("compare.same"):
        return None
    chosen = numbered_editions(ctx)
    if chosen is None:
        return None
    said = [_compared(ctx, event) for event in chosen]
    if any(not s for s in said):
        return None
    labels = [f"第{n}回" for n in query.ordinals]
    values = [s for s in said if s]
    # 「東京区政会館20階」 and 「東京区政会館 20階会議室」 are one place: the one that says more is shown
    longest = max(values, key=lambda v: len(compact(v)))
    same = all(compact(v) in compact(longest) for v in values)
    summary = (
        wording.same_in_editions(labels, longest)
        if same
        else wording.differ_in_editions(list(zip(labels, values, strict=True)))
    )
    return ctx.found(
        summary,
        title=headline(chosen[0])[:150],
        lines=event_lines(chosen, full=True),
        sources=tuple(cite(e) for e in chosen),
        dates=iso_dates(chosen),
        record_ids=tuple(e.id for e in chosen),
    )


def each_of(ctx: Context) -> Answer | None:
    """「第1弾〜第3弾って、それぞれどこでやった？」: what each edition numbered says of the aspect asked
    (its venue, theme or people, else what its own line says it was). None unless each is found."""
    query = ctx.query
    if not query.has("ask.each") or not query.aspects or query.confirm:
        return None
    chosen = numbered_editions(ctx)
    if chosen is None or len(chosen) != len(query.ordinals):
        return None
    said = [_compared(ctx, e) or next(iter(e.details), "") or headline(e) for e in chosen]
    labels = [
        f"第{n}{query.ordinal_unit}（{format_span(e.date)}）"
        for n, e in zip(query.ordinals, chosen, strict=True)
    ]
    summary = wording.each_edition(list(zip(labels, (s.lstrip("・ 　") for s in said), strict=True)))
    return ctx.found_records(summary, chosen, title=headline(chosen[0])[:150])


def numbered_editions(ctx: Context) -> list[Event] | None:
    """The editions the question numbers (「第1回と第2回の講演会」), each its own record; None unless
    it numbers two or more and each is found. A series numbered anew each 年度 (平成29年度 第1回…) gives
    them from the first 年度 that has every number, unless the question names a period itself."""
    query = ctx.query
    if len(query.ordinals) < 2:
        return None
    # each edition chosen by its own number: the other numbers said (第2回) are not its words
    terms = tuple(t for t in query.terms if not edition_word(t))
    asked = [dataclasses.replace(query, ordinal=n, ordinals=(), terms=terms) for n in query.ordinals]
    pools = [ctx.selector.filtered(q, strict=False) for q in asked]
    chosen = [found for q, pool in zip(asked, pools, strict=True) if (found := _numbered(ctx, q, pool))]
    years = {_fiscal_year(e) for e in chosen}
    if not query.when.spans and len(years) > 1:
        for year in sorted({y for e in pools[0] if (y := _fiscal_year(e)) is not None}):
            in_year = [_edition_in(ctx, q, pool, year) for q, pool in zip(asked, pools, strict=True)]
            if all(in_year):
                chosen = [e for e in in_year if e is not None]
                break
    if len(chosen) < len(asked) or len(set(chosen)) < len(chosen):
        return None
    return chosen


def _numbered(ctx: Context, asked: Query, pool: Sequence[Event]) -> Event | None:
    """The best record for one number asked; when it states another number, the best of its kind that
    states this one (物産展 said of the 第3弾 does not make it the 第1弾 too)."""
    best = next((r.event for r in ctx.selector.best(asked)), None)
    if best is None or number_in(best, asked.ordinal_unit) in (0, asked.ordinal):
        return best
    of_kind = [e for e in pool if e.category == best.category]
    return _edition_in(ctx, asked, of_kind) or best


def _edition_in(ctx: Context, asked: Query, pool: Sequence[Event], year: int | None = None) -> Event | None:
    """The best record of the asked number (`asked.ordinal`), of one 年度 when `year` is given."""
    own = [
        e
        for e in pool
        if (year is None or _fiscal_year(e) == year) and number_in(e, asked.ordinal_unit) == asked.ordinal
    ]
    return next((r.event for r in ctx.selector.rank(asked, own) if r.score > 0), None)


def _fiscal_year(event: Event) -> int | None:
    return None if event.date.start is None else fiscal_year(event.date.start)


def _compared(ctx: Context, event: Event) -> str:
    """What an edition says of the asked thing: the people named on the lines that hold the
    question's own words (コーディネーター), else its venue or theme as asked."""
    if ctx.query.has("aspect.venue"):
        return event.venue or detail_value(event, "会場") or ""
    if ctx.query.has("aspect.theme"):
        return detail_value(event, "テーマ") or ""
    words = [compact(t) for t in ctx.query.terms if len(t) >= 2]
    lines = [d for d in event.details if any(w in compact(d) for w in words)]
    people = [
        ctx.store.entity(ref).name
        for ref in event.refs
        if ctx.store.has_entity(ref)
        and ctx.store.entity(ref).type == "person"
        and any(names_entity(line, ctx.store.entity(ref)) for line in lines)
    ]
    return "、".join(dict.fromkeys(people))
