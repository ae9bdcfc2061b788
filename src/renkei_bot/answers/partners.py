"""Answers from 広域連携協定締結団体一覧: agreement dates, member counts, totals and extremes, the list."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import details, stated
from renkei_bot.answers import events as event_answers
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, event_line, event_lines, iso_dates
from renkei_bot.answers.model import Answer, Line
from renkei_bot.dates import fiscal_year, format_date, format_fiscal_year, format_span
from renkei_bot.records import Event, Partner

TABLE = "広域連携協定締結団体一覧"
AGREEMENTS = "連携協定"  # the category of the agreements' records


def partner_line(p: Partner) -> Line:
    return Line(f"{p.name}　{format_date(p.agreed)}締結　構成自治体数 {p.members}", source=f"L{p.line}")


def _with_fiscal_year(ctx: Context, day: date) -> str:
    """The date, and its 年度 when the question asks in 年度."""
    text = format_date(day)
    return f"{text}（{format_fiscal_year(fiscal_year(day))}）" if ctx.query.has("unit.fiscal_year") else text


def _companies_only(ctx: Context) -> bool:
    """「協定を結んだ企業は」: the companies; 「企業も含めて」「団体・企業とも」: both."""
    return ctx.query.has("subject.company") and not ctx.query.has("subject.both")


def _rows(ctx: Context, summary: str, partners: list[Partner]) -> Answer:
    """An answer that is some rows of the partners table."""
    return ctx.found(
        summary,
        title=TABLE,
        lines=tuple(partner_line(p) for p in partners),
        sources=(table_source(ctx, *partners),),
        record_ids=tuple(p.id for p in partners),
        show_all=True,
    )


def table_source(ctx: Context, *partners: Partner) -> str:
    lines = ", ".join(f"L{p.line}" for p in partners) or f"L{ctx.store.partners.line}"
    return f"{TABLE}（{lines}）"


def region_of(ctx: Context, partner: Partner) -> str | None:
    """The prefecture (or region) a partner association belongs to: 北海道 of 北海道町村会."""
    return ctx.store.entity(partner.id).parent


def partners_of(ctx: Context, places: Collection[str]) -> list[Partner]:
    """The partners of the prefectures (or regions) given, in the table's order."""
    return [p for p in ctx.store.partners.partners if region_of(ctx, p) in places]


def mentioned_partners(ctx: Context) -> list[Partner]:
    found: list[Partner] = []
    for entity_id in ctx.query.entity_ids("partner"):
        partner = ctx.store.partner(entity_id)
        if partner is not None and partner not in found:
            found.append(partner)
    # 「青森とはいつ協定を結んだの？」「青森県の2団体、構成自治体数を合わせると？」: the partners of the
    # prefecture named (not a region a record names, 何市何町何村, nor a kind of them: 市長会だけ)
    members = ctx.query.has("subject.member") and not ctx.query.has(
        "kind.", "unit.region", "aspect.participants"
    )
    only_places = all(m.type == "prefecture" for m in ctx.query.entities)
    if not found and (ctx.query.has("subject.agreement") or (members and only_places)):
        found = partners_of(ctx, set(ctx.query.entity_ids("prefecture")))
    return found


def _asks_more_than_the_date(ctx: Context) -> bool:
    """「…との協定締結案を区長会総会で確認したのは」 asks for a step, not for the signing day."""
    kinds = ("series", "document", "organization", "person")
    others = [m for m in ctx.query.entities if m.type in kinds and not ctx.store.entity(m.entity_id).own]
    return bool(others) or ctx.query.has("agreement.step")


def _asks_person(ctx: Context) -> bool:
    """A person asked of an agreement (its ceremony's speakers, a party's head), not its day."""
    query = ctx.query
    person = query.has("aspect.people") or (query.has("aspect.role") and query.has("aspect.name", "wh"))
    return person and not query.has("ask.when")


def _asks_members(ctx: Context) -> bool:
    """The members asked beside the date: 構成自治体, or a count in the tables' counters (何自治体)."""
    counters = ctx.vocabulary.table_counters
    counted = [w for w in ctx.query.facet_words("count.how_many") if any(w.endswith(c) for c in counters)]
    total = ctx.query.has("total.sum") and ctx.query.has("count.how_many")
    return ctx.query.has("subject.member") or bool(counted) or total


def _asks_times(ctx: Context) -> bool:
    """「何回」「何度」: how many occasions, not how many partners."""
    words = ctx.query.facet_words("count.how_many")
    return any(w.endswith(event_answers.TIMES) for w in words)


def ceremonies(ctx: Context) -> Answer:
    """The partners' signing ceremonies, each once however many partners signed at it (8 for 13)."""
    partners = ctx.store.partners.partners
    ids = list(dict.fromkeys(p.event for p in partners if p.event))
    held = [ctx.store.event(i) for i in ids if ctx.store.has_event(i)]
    summary = wording.ceremonies(len(held), len(partners))
    return ctx.found_records(summary, held, title=wording.title_count(wording.CEREMONIES))


def agreement_term(ctx: Context) -> Answer | None:
    """「協定の期間は何年？」「いつまで有効？」: an agreement's term or end is in no record; the rows of
    the partners named say what is (the day each signed)."""
    partners = mentioned_partners(ctx)
    if not partners and not ctx.query.entity_ids("company"):
        return None
    said = wording.agreement_term_not_recorded(stated.procedure_noun(ctx))
    return ctx.not_found(said, lines=[partner_line(p) for p in partners])


def agreement_date(ctx: Context) -> Answer:
    partners = mentioned_partners(ctx)
    companies = ctx.query.entity_ids("company")
    if ctx.query.has("time.until") and (term := agreement_term(ctx)) is not None:
        return term
    if _asks_person(ctx):  # 「締結式に出席した第一生命の社長のお名前」: who, not when
        return details.who(ctx)
    if not partners and not companies and _companies_only(ctx):
        return company_agreements(ctx)
    if not partners and not companies and _asks_times(ctx):
        return ceremonies(ctx)  # 「締結式、何回やった？」: the signings, not the partners
    if not partners and not companies and not _asks_more_than_the_date(ctx):
        return partners_list(ctx)  # 「協定はいつ？」 with no party: every agreement, with its date
    if not partners or _asks_more_than_the_date(ctx):
        answer = event_answers.when(ctx)  # 包括連携協定 with a company, or a described step of an agreement
        if partners or len(companies) != 1 or _asks_more_than_the_date(ctx):
            return answer
        ones = _signed_with(ctx, companies[0])
        if len(ones) == 1 and answer.record_ids[:1] != (ones[0].id,):
            # 「三井住友海上と結んだのはいつ？」: its signing, not the meeting that confirmed the ceremony
            return event_answers.held_on(ctx, ones[0])
        return answer
    lines: list[Line] = []
    sources: list[str] = []
    events = []
    for p in partners:
        lines.append(partner_line(p))
        if p.event:
            event = ctx.store.event(p.event)
            events.append(event)
            lines.append(event_line(event, prefix="締結式: "))
            sources.append(cite(event))
    summary = "".join(wording.agreed_on(p.name, _with_fiscal_year(ctx, p.agreed)) for p in partners)
    if _asks_members(ctx):  # 「協定式はいつで、それぞれ何自治体？」「合わせるといくつの自治体に？」
        if len(partners) > 1 and ctx.query.has("total.sum"):
            parts = "、".join(f"{p.name}{p.members}" for p in partners)
            summary = wording.members_sum(sum(p.members for p in partners), parts) + summary
        else:
            summary += "".join(wording.members_of(p.name, p.members) for p in partners)
    notes = ctx.premise_notes([p.agreed for p in partners])
    return ctx.found(
        summary,
        title=wording.title_agreement(partners[0].name),
        lines=tuple(lines),
        sources=(*sources, table_source(ctx, *partners)),
        dates=tuple(p.agreed.isoformat() for p in partners) + iso_dates(events),
        record_ids=tuple(p.id for p in partners),
        notes=notes,
    )


def _with_members(ctx: Context) -> list[Partner]:
    """「構成自治体数が23の団体は」: the partners whose member count the question states."""
    numbers = set(ctx.query.numbers)
    return [p for p in ctx.store.partners.partners if p.members in numbers]


def member_count(ctx: Context) -> Answer:
    partners = mentioned_partners(ctx)
    if not partners and (named := _with_members(ctx)):
        return _rows(ctx, wording.partners_with_members([p.name for p in named], named[0].members), named)
    if not partners and ctx.query.entities:
        return details.detail(ctx.with_aspects("participants"))  # 「やましろ地域は何市何町何村？」
    if not partners:
        if ctx.query.has("total.sum", "extreme.max", "extreme.min", "row.total"):
            return partner_total(ctx)
        return ctx.not_found(wording.WHICH_PARTNER, suggestions=(wording.ASK_PARTNERS,))
    if len(partners) == 1 and ctx.query.has("fraction.half"):
        return _share(ctx, partners[0])  # 「北海道町村会の構成自治体数って、全体の半分を超えてる？」
    summary = "".join(wording.members_of(p.name, p.members) for p in partners)
    if ctx.query.has("ask.when"):  # 「締結日と構成自治体数を」: both, the date first
        dates = "".join(wording.agreed_on(p.name, _with_fiscal_year(ctx, p.agreed)) for p in partners)
        summary = dates + summary
    if len(partners) > 1 and ctx.query.has("total.sum"):  # the sum asked leads
        parts = "、".join(f"{p.name}{p.members}" for p in partners)
        summary = wording.members_sum(sum(p.members for p in partners), parts)
    return _members_answer(ctx, summary, partners)


def _members_answer(ctx: Context, summary: str, partners: Sequence[Partner]) -> Answer:
    """An answer of the partners' member counts: their table rows, cited."""
    return ctx.found(
        summary,
        title=wording.title_members(partners[0].name),
        lines=tuple(partner_line(p) for p in partners),
        sources=(table_source(ctx, *partners),),
        record_ids=tuple(p.id for p in partners),
    )


def percent_of_total(ctx: Context) -> Answer | None:
    """「協定先の自治体372のうち、北海道町村会は何％？」: the partners named, as a share of every
    partner's members; None when none is named or years are (a rate of the yearly table)."""
    partners = mentioned_partners(ctx)
    if not partners or any(p.grain == "fiscal_year" for p in ctx.query.when.spans):
        return None
    table = ctx.store.partners
    members = sum(p.members for p in partners)
    summary = wording.percent_of_total(
        "・".join(p.name for p in partners), members, table.total, len(table.partners)
    )
    return _members_answer(ctx, summary, partners)


def _share(ctx: Context, partner: Partner) -> Answer:
    """One partner's members against half of every partner's: more than half or not, はい/いいえ to a
    claim of 超える (at least) or 以下 (at most)."""
    total = ctx.store.partners.total
    over = 2 * partner.members > total
    count = len(ctx.store.partners.partners)
    summary = wording.share_of_total(partner.name, partner.members, total, count, over=over)
    if ctx.query.confirm and ctx.query.has("compare.at_least", "compare.at_most"):
        summary = wording.yes_or_no(over == ctx.query.has("compare.at_least"), summary)
    return _members_answer(ctx, summary, [partner])


def partner_total(ctx: Context) -> Answer:
    table = ctx.store.partners
    partners = table.partners
    lines = tuple(partner_line(p) for p in partners)
    if _companies_only(ctx):
        return company_agreements(ctx)
    if (by_region := _regions_counted(ctx)) is not None:
        return by_region
    kinds = (
        [h.word for h in ctx.query.facets if h.name.startswith("kind.")]
        if not mentioned_partners(ctx)
        else []
    )
    if len(kinds) == 1:  # 「市長会はいくつある？」
        of_kind = [p for p in partners if p.name.endswith(kinds[0])]
        return _rows(ctx, wording.partners_of_kind(kinds[0], [p.name for p in of_kind]), of_kind)
    most, least = ctx.query.has("extreme.max"), ctx.query.has("extreme.min")
    if most or least:
        top, low = max(p.members for p in partners), min(p.members for p in partners)
        tops = [p for p in partners if p.members == top] if most else []
        lows = [p for p in partners if p.members == low] if least else []
        parts = []
        if tops:
            parts.append(wording.most_members([p.name for p in tops], top))
        if lows:
            parts.append(wording.fewest_members([p.name for p in lows], low))
        return _rows(ctx, "".join(parts), [*tops, *lows])
    regions = len({region_of(ctx, p) for p in partners})  # 北海道, 京都府 … (9地域)
    summary = wording.partner_total(len(partners), table.total, regions)
    sources = (f"{TABLE}（L{table.line}）",)
    return ctx.found(summary, title=TABLE, lines=lines, sources=sources, show_all=True)  # all the rows


def _regions_counted(ctx: Context) -> Answer | None:
    """「協定先は道府県でいうといくつ？」「何県ある？」: how many regions (prefectures) the partners are
    in, and which."""
    q = ctx.query
    asked = [h.word for h in q.facets if h.name in _COUNTING]
    how_many_of = any(
        (w.startswith(_WHAT) or w.endswith(_NUMBER_OF))
        and w.removesuffix(_NUMBER_OF).endswith(ctx.vocabulary.region_counters)
        for w in asked
    )
    if (
        mentioned_partners(ctx)
        or ctx.query.when.spans
        or not ((q.has("unit.region") and q.has("count.how_many")) or how_many_of)
    ):
        return None
    partners = list(ctx.store.partners.partners)
    regions = list(dict.fromkeys(region_of(ctx, p) for p in partners))
    names = [ctx.store.entity(r).name for r in regions if r and ctx.store.has_entity(r)]
    return _rows(ctx, wording.partner_regions(len(regions), names, len(partners)), partners)


_WHAT = "何"
_NUMBER_OF = "数"  # 都道府県数
_COUNTING = frozenset({"wh", "count.how_many", "count.figure", "aspect.participants"})


def partners_list(ctx: Context, *, order: str | None = None) -> Answer:
    if _companies_only(ctx) and not mentioned_partners(ctx):
        return company_agreements(ctx)
    if (by_region := _regions_counted(ctx)) is not None:
        return by_region
    partners = list(ctx.store.partners.partners)
    spans = [p for p in ctx.query.when.spans if not p.attached and not p.any_year]
    companies: list[Event] = []
    if spans:
        partners = [p for p in partners if any(s.start <= p.agreed <= s.end for s in spans)]
        companies = _company_agreements(ctx)
        if not partners and not companies:
            return _partners_in_record(ctx) or ctx.not_found(
                wording.NO_PARTNER_IN_PERIOD, suggestions=(wording.ASK_PARTNERS,)
            )
    order = order or ctx.query.order
    if order:
        pick = max if order == "last" else min
        edge = pick(p.agreed for p in partners)
        partners = [p for p in partners if p.agreed == edge]
        summary = wording.partners_edge(order, [p.name for p in partners], format_date(edge))
        if ctx.query.confirm and (claimed := mentioned_partners(ctx)):  # 「最初は青森県市長会でしたよね？」
            summary = wording.yes_or_no(all(p in partners for p in claimed), summary)
            partners += [p for p in claimed if p not in partners]
    elif spans and len(partners) + len(companies) <= wording.HEAD_ITEMS:
        # a few signings in a period: name them first (「先月協定を結んだのは？」)
        named = [wording.fact_on(p.name, format_date(p.agreed)) for p in partners]
        named += [wording.fact_on(e.title, format_span(e.date)) for e in companies]
        summary = wording.signed_in_period(wording.joined(named, len(named)), len(named))
    elif spans and 0 < len(partners) <= wording.HEAD_ITEMS:  # the partners named, the companies counted
        named = [wording.fact_on(p.name, format_date(p.agreed)) for p in partners]
        summary = wording.signed_in_period(wording.joined(named, len(named)), len(named))
        summary += wording.companies_too(len(companies))
    else:
        summary = wording.partners_listed(len(partners), sum(p.members for p in partners))
        if companies:
            summary += wording.companies_too(len(companies))
    events = [ctx.store.event(p.event) for p in partners if p.event]
    lines = tuple(partner_line(p) for p in partners) + event_lines(companies)
    return ctx.found(
        summary,
        title=TABLE,
        lines=lines,
        sources=(table_source(ctx, *partners), *(cite(e) for e in companies)),
        dates=tuple(p.agreed.isoformat() for p in partners) + iso_dates(companies),
        record_ids=tuple(p.id for p in partners) + tuple(e.id for e in (*events, *companies)),
        show_all=True,
    )


def _partners_in_record(ctx: Context) -> Answer | None:
    """「4月15日の総会で確認した協定書案はどこの団体との？」: no signing that day, but the record the
    question names is about partners: those."""
    best = ctx.selector.best(ctx.query) if ctx.query.terms else []
    if len(best) != 1:
        return None
    event = best[0].event
    bodies = [p.name for ref in event.refs if (p := ctx.store.partner(ref)) is not None]
    if not bodies:
        return None
    return ctx.found_record(wording.involved("、".join(bodies), event.title, format_span(event.date)), event)


def _signed_with(ctx: Context, company: str) -> list[Event]:
    """The agreements signed with one company, from its own records (not every agreement's)."""
    return [e for e in ctx.store.about(company) if _signs(e)]


def _signs(event: Event) -> bool:
    return event.category == AGREEMENTS and "締結" in event.title and "案" not in event.title


def company_agreements_of(ctx: Context) -> list[Event]:
    """Every 包括連携協定 signed with a company, whatever period the question names."""
    return [
        e
        for e in ctx.store.in_category(AGREEMENTS)
        if _signs(e) and any(ctx.store.entity(r).type == "company" for r in e.refs)
    ]


def _company_agreements(ctx: Context) -> list[Event]:
    """包括連携協定 signed with companies in the question's period (they are not in the partners table)."""
    signed: list[Event] = []
    for event in ctx.selector.in_period(ctx.query, ctx.store.events):
        if not _signs(event):
            continue
        if any(ctx.store.entity(r).type == "company" for r in event.refs):
            signed.append(event)
    return signed


def company_agreements(ctx: Context) -> Answer:
    """包括連携協定 with companies: they are records of the chronology, not rows of the partners table."""
    signed = _company_agreements(ctx)
    if not signed:
        return ctx.nothing()
    if ctx.query.order:  # 「最初に包括連携協定を結んだ企業は」
        edge = signed[0] if ctx.query.order == "first" else signed[-1]
        summary = wording.edge_event(
            ctx.query.order, edge.title, format_date(edge.date.start or edge.date.after or date.min)
        )
        companies = {m.entity_id for m in ctx.query.entities if m.type == "company"}
        if (
            ctx.query.confirm and companies
        ):  # 「最初は三井住友海上でしたよね？」: the company named is that one
            summary = wording.yes_or_no(companies <= set(edge.refs), summary)
        return ctx.found(
            summary,
            title=wording.COMPANY_AGREEMENTS,
            lines=event_lines([edge]),
            sources=(cite(edge),),
            dates=iso_dates([edge]),
            record_ids=(edge.id,),
        )
    summary = wording.companies_signed(len(signed))
    if len(signed) <= wording.HEAD_ITEMS:  # each, with its day, in the first line
        named = [wording.fact_on(e.title, format_span(e.date)) for e in signed]
        summary += wording.joined(named, len(named)) + "。"
    return ctx.found_records(summary, signed, title=wording.COMPANY_AGREEMENTS)


def partner_card(ctx: Context, name: str) -> Answer:
    """`/renkei partner <名前>`: agreement date, members, the signing and the other events about it."""
    found = mentioned_partners(ctx)
    if not found:
        return ctx.not_found(
            wording.not_a_partner(name, len(ctx.store.partners.partners)),
            did_you_mean=ctx.suggest_names(name, types=("partner",)),
            suggestions=(wording.ASK_PARTNERS,),
        )
    return partners_summed_up(ctx, found[:1])


def partners_summed_up(ctx: Context, found: Sequence[Partner]) -> Answer:
    """Each partner's agreement date and members, then its signing and the other records about it
    (「群馬県の市長会・町村会との連携をまとめて」: both, their shared records once)."""
    said: list[str] = []
    lines: list[Line] = []
    signings: list[Event] = []
    for partner in found:
        signing = [ctx.store.event(partner.event)] if partner.event else []
        others = [e for e in ctx.store.about(partner.id) if e.id != partner.event]
        said += [
            wording.agreed_on(partner.name, format_date(partner.agreed)),
            wording.members_of(partner.name, partner.members),
        ]
        lines += [partner_line(partner), *event_lines(signing), *event_lines(others)]
        signings += signing
    first = found[0]
    return ctx.found(
        "\n".join(said),
        title=wording.title_agreement(first.name),
        lines=tuple(dict.fromkeys(lines)),
        sources=(*dict.fromkeys(cite(e) for e in signings), *(f"{TABLE}（L{p.line}）" for p in found)),
        dates=tuple(dict.fromkeys(p.agreed.isoformat() for p in found)),
        record_ids=tuple(dict.fromkeys((*(p.id for p in found), *(e.id for e in signings)))),
    )


def kinds_signed(ctx: Context) -> Answer | None:
    """「広島県は市長会と町村会の両方と協定を結んでいますか？」: which of the kinds of association asked
    (市長会, 町村会) of one prefecture have signed; はい or いいえ to a yes/no. None unless one prefecture
    and two kinds are asked of an agreement."""
    query = ctx.query
    places = query.entity_ids("prefecture")
    if len(places) != 1 or not query.confirm or not query.has("subject.agreement"):
        return None
    if not query.has("subject.both"):  # 両方・どちらも: whether each kind signed, not when or how many
        return None
    place = places[0]
    prefix = ctx.store.entity(place).name
    # a kind said after the prefecture reads as its association (町村会 → 広島県町村会): a kind asked too
    composed = [
        m.name.removeprefix(prefix)
        for m in query.entities
        if m.type == "partner" and ctx.store.entity(m.entity_id).parent == place and m.surface != m.name
    ]
    kinds = list(dict.fromkeys([*(h.word for h in query.facets if h.name.startswith("kind.")), *composed]))
    if len(kinds) < 2:
        return None
    of_place = partners_of(ctx, {place})
    signed = [p for p in of_place if p.name.endswith(tuple(kinds))]
    unsigned = [k for k in kinds if not any(p.name.endswith(k) for p in of_place)]
    summary = wording.kinds_signed(prefix, [p.name for p in signed], unsigned)
    return _rows(ctx, wording.yes_or_no(not unsigned, summary), signed)


def never_agreed(ctx: Context) -> Answer | None:
    """「木古内町と江戸川区が正式に協定を締結した日は？」: an agreement asked of a town or city no agreement
    record names (the wards sign with associations): said so, with the records of that town."""
    query = ctx.query
    if not query.has("subject.agreement") or query.has("subject.comprehensive", "subject.partner"):
        return None  # 「どこの協定先の関連事業？」 asks which partner a record is of
    if not (query.confirm or query.has("ask.when")):
        return None
    towns = [m for m in query.entities if m.type == _TOWN]
    if not towns or any(m.type in _SIGNING for m in query.entities):
        return None
    # looked up in each town's own records, not over every agreement (a corpus may hold thousands)
    if any(e.category == AGREEMENTS for m in towns for e in ctx.store.about(m.entity_id)):
        return None
    names = [ctx.store.entity(m.entity_id).name for m in towns]
    about = [e for m in towns for e in ctx.store.about(m.entity_id)][:3]
    if query.confirm:  # 「嬬恋村と協定結んだ？」: いいえ
        summary = wording.yes_or_no(False, wording.no_agreement_of(names))
        return ctx.found(summary, title=TABLE, lines=event_lines(about), sources=(table_source(ctx),))
    return ctx.not_found(wording.no_agreement_of(names), lines=event_lines(about))


_TOWN = "municipality"
_SIGNING = frozenset({"partner", "company"})  # the bodies the agreements are signed with
