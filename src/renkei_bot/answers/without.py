"""Which partners, or which of their regions, have no record of a kind yet (「協定を結んでいる地域の中で、
全国連携展示がまだ一度も行われていないのは？」): the partners table against the records of that category.

A record credits a partner it names, or every partner of a prefecture it names when it names none of
that prefecture's partners itself (「京都府市町村」 is both 京都府市長会 and 京都府町村会; 「千葉県町村」 is
not 千葉県市長会). A region is credited by any record naming it or anything in it."""

from __future__ import annotations

from collections.abc import Sequence

from renkei_bot import wording
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, event_lines
from renkei_bot.answers.model import Answer
from renkei_bot.answers.partners import mentioned_partners, partner_line, region_of, table_source
from renkei_bot.records import Event, Partner

NEVER = "filter.never"  # まだ一度も…ない
REGION = "unit.region"  # 地域・県: the partners' regions, not the partners
_ASKS_PARTNERS = ("subject.partner", "subject.agreement", REGION)
_DAY_OF = ("time.on_that_day", "time.day_of", "time.same_day", "time.same_month")
_PARTNER_AND_SERIES = frozenset({"partner", "series"})  # 「山梨県町村会の全国連携展示」 names no more


def answer(ctx: Context) -> Answer | None:
    """None unless the question asks which partners (or regions) lack a category of record it names."""
    query = ctx.query
    if not query.has(NEVER) or not query.categories or query.when.spans:
        return None
    if not (query.has(*_ASKS_PARTNERS) or query.kind_asked == "prefecture") or mentioned_partners(ctx):
        return None
    category = query.categories[0]
    held = ctx.store.in_category(category)
    if not held:
        return None
    partners = list(ctx.store.partners.partners)
    if query.has(REGION) or query.kind_asked == "prefecture":
        regions = list(dict.fromkeys(r for p in partners if (r := region_of(ctx, p)) is not None))
        named = _named_regions(ctx, held)
        lacking = [ctx.store.entity(r).name for r in regions if r not in named]
        summary = wording.not_held_yet(category, lacking, len(regions), regions=True)
        found_any = bool(lacking)
        lines = event_lines(held)
        sources: tuple[str, ...] = tuple(cite(e) for e in held[:3])
    else:
        missing = [p for p in partners if not _credited(ctx, p, held)]
        summary = wording.not_held_yet(category, [p.name for p in missing], len(partners), regions=False)
        found_any = bool(missing)
        lines = (*(partner_line(p) for p in missing), *event_lines(held))
        sources = (table_source(ctx, *missing), *(cite(e) for e in held[:3]))
    if query.confirm:  # 「…したことがない協定先ってある？」
        summary = wording.yes_or_no(found_any, summary)
    return ctx.found(
        summary, title=category, lines=lines, sources=sources, record_ids=tuple(e.id for e in held)
    )


def none_of_partner(ctx: Context) -> Answer | None:
    """「山梨県町村会の全国連携展示っていつ？」: a category of record none of which credits the one partner
    named: said so (いいえ to a yes/no), with the records of that category, never another record."""
    query = ctx.query
    named = mentioned_partners(ctx)
    others = [m for m in query.entities if m.type not in _PARTNER_AND_SERIES]
    if len(named) != 1 or others or not query.categories or query.when.spans or query.premise:
        return None  # (a date claimed is checked against the partner's own record)
    if query.has(*_DAY_OF):  # 「山梨県町村会と協定を締結した日に開かれていたイベント」: the partner dates it
        return None
    category = query.categories[0]
    # most questions are answered by the partner's own records, or its region's: looked up there first
    region = region_of(ctx, named[0])
    near = [e for i in (named[0].id, region) if i for e in ctx.store.about(i) if e.category == category]
    if _credited(ctx, named[0], near):
        return None
    held = ctx.store.in_category(category)
    if not held or _credited(ctx, named[0], held):
        return None
    summary = wording.no_category_of(named[0].name, category)
    lines = (partner_line(named[0]), *event_lines(held))
    if query.confirm:  # 「山梨県町村会の全国連携展示ってあった？」
        return ctx.found(wording.yes_or_no(False, summary), title=category, lines=lines)
    return ctx.not_found(summary, lines=lines)


def _named_regions(ctx: Context, events: Sequence[Event]) -> set[str]:
    """Every entity the records name, and the region each belongs to."""
    named: set[str] = set()
    for event in events:
        for ref in event.refs:
            named.add(ref)
            if ctx.store.has_entity(ref) and (parent := ctx.store.entity(ref).parent) is not None:
                named.add(parent)
    return named


def _credited(ctx: Context, partner: Partner, events: Sequence[Event]) -> bool:
    region = region_of(ctx, partner)
    siblings = {p.id for p in ctx.store.partners.partners if region_of(ctx, p) == region}
    for event in events:
        refs = set(event.refs)
        if partner.id in refs:
            return True
        if region is not None and region in _named_regions(ctx, [event]) and not refs & siblings:
            return True
    return False
