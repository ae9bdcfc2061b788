"""Questions over the partners table as a set: which partners (by period, day, kind, member count),
how many, how many members in all, the most or fewest, equal counts, and yes/no on a stated figure.

The operations come from the question's facets and slots (table_query.py does the work); the first
line states the asked figure, names or はい/いいえ, and every row cites its line of the table.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date

from renkei_bot import wording
from renkei_bot.answers import table_query as tq
from renkei_bot.answers.context import Context, period_label
from renkei_bot.answers.model import Answer
from renkei_bot.answers.partners import (
    TABLE,
    mentioned_partners,
    partner_line,
    partners_of,
    region_of,
    table_source,
)
from renkei_bot.dates import fiscal_year, format_date, format_fiscal_year, format_period, format_year
from renkei_bot.nlu.entities import Match
from renkei_bot.records import Partner

INTENTS = frozenset({"member_count", "partner_total", "partners_list", "agreement_date"})
_OPERATIONS = ("extreme.max", "extreme.min", "total.", "compare.", "count.how_many", "rank.top")


@dataclass(frozen=True)
class Selection:
    """The partners a question's filters leave, and how to name that set."""

    partners: list[Partner]
    label: str
    filtered: bool
    bounds: list[tq.Bound] = field(default_factory=list)
    narrowed: bool = False  # a kind or a threshold, or a period with a sum or a count asked


def about_table(ctx: Context) -> bool:
    """A question over the members of the partners, whatever intent its other words suggest:
    「いちばんメンバーが少ない協定先どこ」."""
    q = ctx.query
    only_partners = not _beside_partners(ctx) and not q.ties
    if not only_partners:
        return False
    stated = q.confirm and bool(q.numbers) and bool(q.entities)  # 「千葉県市長会って37自治体で合ってる？」
    exists = q.confirm and not q.entities and q.has("subject.partner") and q.has("subject.agreement")
    # 「市長会と協定を結んだのは」「町村会はいくつ？」
    of_kind = q.has("kind.") and q.has("subject.agreement", "subject.partner", *_OPERATIONS)
    # 「北海道町村会と奈良県町村会、多いのはどっち？」: of two partners and nothing else, a partner's figure
    two = (
        len(q.entities) >= 2
        and not (q.terms or q.categories)
        and q.has("extreme.max", "extreme.min", "change.increase")
    )
    # 「10年前に協定を結んだところってどこ？」: the partners that signed in a period
    signed_then = (
        not q.entities
        and q.has("wh")
        and q.has("subject.partner")
        and q.has("subject.agreement")
        and bool(tq.dated_spans(q.when.spans))
    )
    # 「北海道町村会の次に大きい団体は？」「京都府の2団体の次に協定を結んだのは？」: the next partner by
    # members or by the day it signed
    next_ranked = (
        bool(q.entities) and q.has("rank.next") and q.has("extreme.max", "extreme.min", "subject.agreement")
    )
    return (
        stated
        or exists
        or of_kind
        or two
        or signed_then
        or next_ranked
        or (q.has("subject.member") and q.has(*_OPERATIONS))
    )


def _beside_partners(ctx: Context) -> list[Match]:
    """What the question names besides partners: none of them the prefecture of a partner it names
    (「広島の展示で見たけど、広島県町村会の構成自治体は9？」: 広島 says no more than 広島県町村会)."""
    parents = {region_of(ctx, p) for p in mentioned_partners(ctx)}
    return [m for m in ctx.query.entities if m.type != "partner" and m.entity_id not in parents]


def answer(ctx: Context) -> Answer | None:
    """The answer over a set of partners; None when the question is about one partner's own facts or
    asks for the plain list (the intent's handler answers those)."""
    q = ctx.query
    sides = _sides(ctx)
    if len(sides) >= 2 and q.has("compare.same", "time.same_day", "compare.different") and not q.has("wh"):
        return _same_day_as(ctx, sides)  # 「埼玉県町村会の協定って群馬と同じ日？」「…別々の日だった？」
    # 「青森県の市長会・町村会の次に特別区長会と協定を結んだのは」: the next in the table
    signed_next = (
        q.has("rank.next") and q.has("subject.agreement") and not q.has("extreme.", "subject.company")
    )
    if signed_next and (before := mentioned_partners(ctx)):
        return _signed_next(ctx, before)
    if q.ties or q.has("subject.company") or _beside_partners(ctx):
        return None  # companies and events are the chronology's records, not rows of this table
    if (figures := _figures_claimed(ctx)) is not None:
        return figures  # 「群馬は市長会23・町村会21で計44、正しい？」
    left_out = _excepted_partners(ctx)  # 「北海道町村会を除いた12団体の合計」: the rest, not that one
    named = [p for p in mentioned_partners(ctx) if p.id not in left_out]
    by_year = q.has("unit.fiscal_year") and q.has("extreme.max", "extreme.min")
    if by_year and q.has("subject.agreement", "subject.partner") and not named:
        return _busiest_year(ctx, most=q.has("extreme.max"))  # 「協定を一番多く結んだ年度は」
    if named and q.has("compare.same", "time.same_day"):
        if q.has("subject.member") and not q.has("time.same_day"):
            return _same_members(ctx, named[0])
        if q.has("subject.agreement", "time.same_day") and _signed_that_day_asked(ctx):
            return _same_day(ctx, named)
    # 「AはBより何自治体多い？」: how many more is their difference too
    more = q.has("count.how_many") and q.has(
        "compare.at_least", "compare.at_most", "extreme.max", "extreme.min"
    )
    if len(named) == 2 and (q.has("change.increase") or more) and not q.has("total.sum"):
        return _members_apart(ctx, named)  # 「千葉県市長会と千葉県町村会、構成自治体数の差は？」
    ranked_other = len(named) == 1 and q.has("rank.next") and (q.has("change.increase") or more)
    if ranked_other and (nth := _nth(ctx, _place_said(ctx), most=not q.has("extreme.min"))):
        return _members_apart(ctx, [named[0], nth[0]])  # 「北海道町村会は2番目に多い団体より何自治体多い？」
    if named and q.confirm and q.numbers and not q.has("total.sum"):
        return _members_stated(ctx, named)
    if q.has("rank.next") and q.has("extreme.max", "extreme.min") and len(named) <= 1:
        return _next_ranked(ctx, named, most=q.has("extreme.max"))  # 「北海道町村会の次に多いのは」
    if len(named) >= 2 and q.has("extreme.max", "extreme.min") and len({p.members for p in named}) == 1:
        # 「AとB、多いのはどっち？」 of two the same: neither
        return _rows(ctx, wording.members_tied("と".join(p.name for p in named), named[0].members), named)
    if len(named) >= 2 and q.has("extreme.max", "extreme.min"):  # 「AとB、多いのはどっち？」: among them
        ranked = _ranked(ctx, Selection(named, wording.among("・".join(p.name for p in named)), True))
        if q.confirm:  # 「Aのほうが Bより多いよね？」: the one named first is claimed to be the top
            ranked = dataclasses.replace(
                ranked, summary=wording.yes_or_no(named[0].id in ranked.record_ids, ranked.summary)
            )
        return dataclasses.replace(
            ranked, lines=tuple(partner_line(p) for p in named)
        )  # each, with its count
    if len(named) == 1 and q.confirm and q.has("extreme.max", "extreme.min"):
        # 「いちばん多いのは北海道町村会、で合っていますか？」: the one claimed against the top one
        ranked = _ranked(ctx, _select(ctx))
        holds = ranked.found and named[0].id in ranked.record_ids
        return dataclasses.replace(ranked, summary=wording.yes_or_no(holds, ranked.summary))
    if named:
        return None
    kinds = sorted({h.word for h in q.facets if h.name.startswith("kind.")} - _excepted_kinds(ctx))
    if len(kinds) >= 2 and q.has("count.how_many"):  # 「市長会と町村会はそれぞれ何団体？」: each kind
        partners = list(ctx.store.partners.partners)
        each = [(k, tq.of_kind(partners, k)) for k in kinds]
        summary = wording.kinds_counted([(k, len(of)) for k, of in each])
        return _rows(ctx, summary, [p for _, of in each for p in of])
    chosen = _select(ctx)
    if (
        q.has("extreme.max")
        and q.has("extreme.min")
        and q.has("change.increase")
        and len(chosen.partners) >= 2
    ):
        # 「構成自治体数が最大の団体と最小の団体、差はいくつ？」: the two ends apart
        ordered = sorted(chosen.partners, key=lambda p: p.members)
        return _members_apart(ctx, [ordered[-1], ordered[0]])
    if q.has("compare.same") and q.has("subject.member"):
        return _equal_members(ctx, chosen)
    if q.has("extreme.max", "extreme.min", "rank.top"):
        return _ranked(ctx, chosen)
    if q.has("total.mean") and chosen.partners:
        total, count = tq.total_members(chosen.partners), len(chosen.partners)
        mean = wording.mean_members(chosen.label, f"{total / count:.1f}", total, count)
        return _rows(ctx, mean, chosen.partners)
    # 「28年度の…「210」は、どの団体の分を合わせた数？」: a year's filter whose sum is not the figure
    # stated leaves the figure to be found among the table's natural parts (signed by each 8月1日)
    unsummed = not chosen.filtered or (bool(q.numbers) and tq.total_members(chosen.partners) != q.numbers[-1])
    if (
        unsummed
        and q.numbers
        and not q.confirm
        and q.has("wh")
        and q.has("total.sum")
        and not q.has("count.how_many")
    ):
        return _adding_up(ctx, q.numbers[-1])  # 「210って、どの団体の構成自治体数を足した数？」
    if not chosen.narrowed and not (q.confirm and q.numbers):
        return None  # the whole table, or the agreements of a period: partners.py lists them
    if not chosen.partners:
        if q.confirm:
            return ctx.found(
                wording.yes_or_no(False, wording.set_empty(chosen.label)), title=TABLE, sources=(_all(ctx),)
            )
        return ctx.not_found(wording.set_empty(chosen.label), suggestions=(wording.ASK_PARTNERS,))
    by_members = q.has("subject.member") and not q.has("count.how_many") and not chosen.bounds
    if q.has("total.sum") or (by_members and chosen.filtered):
        total = tq.total_members(chosen.partners)
        summary = wording.set_sum(chosen.label, total, len(chosen.partners))
        return _rows(ctx, _checked(ctx, chosen, summary, total), chosen.partners)
    names = "、".join(p.name for p in chosen.partners)
    if q.has("count.how_many") or not chosen.filtered or (q.confirm and _stated(ctx, chosen)):
        count = len(chosen.partners)
        return _rows(
            ctx, _checked(ctx, chosen, wording.set_count(chosen.label, count, names), count), chosen.partners
        )
    summary = wording.set_names(chosen.label, _described(chosen))
    return _rows(ctx, wording.yes_or_no(True, summary) if q.confirm else summary, chosen.partners)


def _described(chosen: Selection) -> str:
    """Names with the figure the set was chosen by: members for a threshold, else the signing day."""
    if chosen.bounds:
        return wording.named_members([(p.name, p.members) for p in chosen.partners])
    return "、".join(f"{p.name}（{format_date(p.agreed)}）" for p in chosen.partners)


def _kinds(ctx: Context) -> list[str]:
    """The kinds of association (facets kind.*): the lemma that ends the partners' names."""
    names = [p.name for p in ctx.store.partners.partners]
    return [
        lemma
        for spec in ctx.vocabulary.facets.specs
        if spec.name.startswith("kind.")
        for lemma in sorted(spec.lemmas)
        if any(n.endswith(lemma) for n in names)
    ]


def _adding_up(ctx: Context, figure: int) -> Answer | None:
    """Which natural part of the table a stated figure is the members' sum of."""
    counts = ctx.store.counts
    month, day = (int(x) for x in counts.as_of.split("-"))
    as_of = [date(y, month, day) for y in counts.years]
    candidates = tq.groups(ctx.store.partners.partners, kinds=_kinds(ctx), as_of=as_of)
    found = tq.adding_up_to(candidates, figure)
    if not found:
        return ctx.not_found(wording.no_group_adds_up(figure), suggestions=(wording.ASK_PARTNERS,))
    row = counts.row("agreement").label
    parts = []
    for group in found:
        if group.by == "as_of" and isinstance(group.key, date):
            what = wording.group_as_of(format_date(group.key), format_fiscal_year(group.key.year), row)
        elif group.by == "kind":
            what = wording.group_kind(str(group.key))
        elif group.by == "year" and isinstance(group.key, int):
            what = wording.group_year(format_year(group.key))
        elif group.by == "day" and isinstance(group.key, date):
            what = wording.group_day(format_date(group.key))
        else:
            what = wording.group_all()
        names = "、".join(p.name for p in group.partners)
        parts.append(wording.adds_up(figure, what, len(group.partners), names))
    return _rows(ctx, "\n".join(parts), list(found[0].partners))


def _select(ctx: Context) -> Selection:
    q = ctx.query
    partners = list(ctx.store.partners.partners)
    excepted = _excepted_kinds(ctx)
    kinds = sorted({h.word for h in q.facets if h.name.startswith("kind.")} - excepted)
    kind = kinds[0] if len(kinds) == 1 else ""
    left_out = _excepted_partners(ctx)
    if kind:
        partners = tq.of_kind(partners, kind)
    elif excepted:  # 「市長会以外は」: the others
        partners = [p for p in partners if not any(p in tq.of_kind(partners, k) for k in excepted)]
        kind = wording.kinds_except("・".join(sorted(excepted)))
    if left_out:  # 「北海道町村会を除いた」: the others
        kind = wording.kinds_except("・".join(p.name for p in partners if p.id in left_out))
        partners = [p for p in partners if p.id not in left_out]
    spans = tq.dated_spans((*q.when.spans, *q.premise))  # 「令和3年に協定を結んだ団体はある？」 states one
    if spans:
        partners = tq.agreed_in(partners, spans)
    bounds = _bounds(ctx)
    partners = tq.within(partners, bounds)
    ops = bool(spans) and (q.confirm or q.has("total.sum", "count.how_many", "subject.member"))
    label = wording.partner_set(
        period="・".join(period_label(s) for s in spans),
        kind=kind,
        bounds=[wording.bound_text(b.value, at_least=b.at_least, strict=b.strict) for b in bounds],
    )
    return Selection(partners, label, bool(kind or spans or bounds), bounds, bool(kind or bounds) or ops)


EXCEPT_REACH = (
    4  # 「市長会は除いて」「市長会を抜き」: the excepting word follows the kind within a particle or two
)


def _excepted_partners(ctx: Context) -> set[str]:
    """Partners the question leaves out (filter.except right after the name): 「北海道町村会を除いた」."""
    excepts = [h.begin for h in ctx.query.facets if h.name == "filter.except"]
    named = sorted((m for m in ctx.query.entities if m.type == "partner"), key=lambda m: m.begin)
    left: set[str] = set()
    # from the name the excepting word follows, back over the names joined to it (「AとBを除く」)
    followers: list[Match | None] = [*named[1:], None] if named else []
    for later, m in reversed(list(zip(followers, named, strict=True))):
        joined = later is not None and later.entity_id in left and later.begin - m.end <= JOINER
        if joined or any(0 <= b - m.end <= EXCEPT_REACH for b in excepts):
            left.add(m.entity_id)
    after = [b for b in excepts if named and b >= named[0].end]
    if not left and len(named) == 1 and after and after[0] - named[0].end <= EXCEPT_CLAUSE:
        # 「北海道町村会はダントツなので除いて」: the one partner named, with no kind named between it and
        # the excepting word (「北海道町村会のほか、市長会を除いて」 leaves out the kind)
        kinds = [h.begin for h in ctx.query.facets if h.name.startswith("kind.")]
        if not any(named[0].end <= b < after[0] for b in kinds):
            left.add(named[0].entity_id)
    return left


EXCEPT_CLAUSE = 16  # 「北海道町村会はダントツなので除いて」: a name and a later excepting word, one clause


JOINER = 1  # と, 、, ・: the one character between two names said together


def _excepted_kinds(ctx: Context) -> set[str]:
    """Kinds the question leaves out (filter.except right after the kind): 「市長会は除いて」."""
    hits = ctx.query.facets
    excepts = [h.begin for h in hits if h.name == "filter.except"]
    return {
        h.word
        for h in hits
        if h.name.startswith("kind.") and any(0 <= b - h.end <= EXCEPT_REACH for b in excepts)
    }


def _bounds(ctx: Context) -> list[tq.Bound]:
    """「20以上」「10未満」: a stated number with compare.at_least / compare.at_most, in question order."""
    q = ctx.query
    sides = [
        h.name == "compare.at_least" for h in q.facets if h.name in ("compare.at_least", "compare.at_most")
    ]
    strict = q.has("compare.strict")
    return [tq.Bound(n, at_least=side, strict=strict) for n, side in zip(q.numbers, sides, strict=False)]


def _stated(ctx: Context, chosen: Selection) -> tuple[int, ...]:
    """Figures the question states beyond its thresholds: 「20以上の団体は6つだよね」 states 6."""
    return ctx.query.numbers[len(chosen.bounds) :]


def _checked(ctx: Context, chosen: Selection, summary: str, figure: int) -> str:
    """A yes/no question that states the figure: はい/いいえ first, and the stated figure when it differs."""
    stated = _stated(ctx, chosen)
    if not ctx.query.confirm or not stated:
        return wording.yes_or_no(True, summary) if ctx.query.confirm and chosen.partners else summary
    return wording.yes_or_no(figure == stated[-1], wording.figure_stated(summary, figure, stated[-1]))


def _members_apart(ctx: Context, named: list[Partner]) -> Answer:
    """The difference of two partners' member counts, then each count; a stated difference checked."""
    first, second = named
    apart = abs(first.members - second.members)
    summary = wording.members_apart(first.name, first.members, second.name, second.members, apart)
    if ctx.query.confirm and ctx.query.numbers:
        stated = ctx.query.numbers[-1]
        summary = wording.yes_or_no(apart == stated, wording.figure_stated(summary, apart, stated))
    return _rows(ctx, summary, named, show_all=False)


def _members_stated(ctx: Context, named: list[Partner]) -> Answer:
    stated = ctx.query.numbers[-1]
    holds = all(p.members == stated for p in named)
    summary = wording.yes_or_no(
        holds, "".join(wording.members_stated(p.name, p.members, stated) for p in named)
    )
    return _rows(ctx, summary, named, show_all=False)


def _sides(ctx: Context) -> list[list[Partner]]:
    """The parties a question compares: each partner it names, and the partners of each prefecture it
    names (群馬 → 群馬県市長会・群馬県町村会)."""
    if not ctx.query.has("subject.agreement", "subject.partner"):
        return []
    sides: list[list[Partner]] = []
    for match in ctx.query.entities:
        if match.type == "partner" and (partner := ctx.store.partner(match.entity_id)) is not None:
            sides.append([partner])
        elif match.type == "prefecture":
            of_place = partners_of(ctx, {match.entity_id})
            if of_place and not any(p in side for side in sides for p in of_place):
                sides.append(of_place)
    return sides


def _same_day_as(ctx: Context, sides: list[list[Partner]]) -> Answer:
    days = {p.agreed for side in sides for p in side}
    parts = [
        wording.fact_on(
            "・".join(p.name for p in side),
            "、".join(format_date(d) for d in sorted({p.agreed for p in side})),
        )
        for side in sides
    ]
    same = len(days) == 1
    summary = wording.agreed_days(wording.joined(parts, len(parts)), same=same)
    shown = [p for side in sides for p in side]
    first = sides[0]
    with_first = [p for p in tq.agreed_on(ctx.store.partners.partners, {first[0].agreed}) if p not in shown]
    if len(days) > 1 and with_first:  # who did sign that day
        name = "・".join(p.name for p in first)
        summary += wording.same_day_names(
            name, format_date(first[0].agreed), "、".join(p.name for p in with_first)
        )
    claimed_same = not ctx.query.has("compare.different")
    return _rows(ctx, wording.yes_or_no(same == claimed_same, summary), [*shown, *with_first])


def _figures_claimed(ctx: Context) -> Answer | None:
    """「群馬は市長会23・町村会21で計44になってるけど、これ正しい？」: figures claimed of several partners
    (named, or a prefecture's of the kinds named), in the order the question names them: each partner's
    members, then their total (one figure alone is the total). はい or いいえ, then each partner's figure
    and the total."""
    q = ctx.query
    places = q.entity_ids("prefecture")
    named = [m for m in q.entities if m.type == "partner"]
    # the figures said as members (23, 23自治体), not 2本立て
    units = dict(q.counted)
    claimed = [n for n in q.numbers if units.get(n, "") in ("", *ctx.vocabulary.table_counters)]
    if not q.confirm or not claimed or len(q.entities) != len(places) + len(named):
        return None
    # each partner where the question names it: its own name, or its kind after the prefecture's
    said = {m.entity_id: m.begin for m in named}
    kinds = [h for h in q.facets if h.name.startswith("kind.")]
    for p in partners_of(ctx, set(places)):
        at = next((h.begin for h in kinds if p.name.endswith(h.word)), None)
        if at is not None or not kinds:
            said.setdefault(p.id, at if at is not None else len(said))
    partners = sorted((p for p in ctx.store.partners.partners if p.id in said), key=lambda p: said[p.id])
    if len(partners) < 2:
        return None  # one partner's figure is checked as its own (「千葉県市長会って37で合ってる？」)
    total = sum(p.members for p in partners)
    # in the order said: each partner's figure, then (if said) their total
    expected = [p.members for p in partners] + [total]
    holds = len(claimed) <= len(expected) and all(
        n == e for n, e in zip(claimed, expected[: len(claimed)], strict=True)
    )
    if len(claimed) == 1:
        holds = claimed[0] == total  # 「群馬の2団体は合わせて35？」: the total alone
    figures = [wording.partner_members(p.name, p.members) for p in partners]
    summary = wording.members_with_total("、".join(figures), total)
    return _rows(ctx, wording.yes_or_no(holds, summary), partners)


_SIGNERS = ("subject.agreement", "subject.partner", "kind.")


def _signed_that_day_asked(ctx: Context) -> bool:
    """「北海道町村会と同じ日に協定を結んだのは？」 asks who signed that day; 「青森と協定式をやった日、
    同じ日に何が始まってた？」 asks what else happened (the agreement only names the day)."""
    same = [h.begin for h in ctx.query.facets if h.name == "time.same_day"]
    if not same:
        return True
    return any(h.name.startswith(_SIGNERS) and h.begin > same[0] for h in ctx.query.facets)


def _same_day(ctx: Context, named: list[Partner]) -> Answer:
    days = {p.agreed for p in named}
    others = [p for p in tq.agreed_on(ctx.store.partners.partners, days) if p not in named]
    name = "・".join(p.name for p in named)
    day = "、".join(format_date(d) for d in sorted(days))
    if not others:
        label = wording.partner_set(same_day=name)
        return _rows(
            ctx,
            wording.yes_or_no(False, wording.set_empty(label))
            if ctx.query.confirm
            else wording.set_empty(label),
            named,
        )
    summary = wording.same_day_names(name, day, "、".join(p.name for p in others))
    stated = ctx.query.numbers  # 「…と同じ日に結んだのは2団体だよね」
    holds = not stated or stated[-1] == len(others)
    return _rows(ctx, wording.yes_or_no(holds, summary) if ctx.query.confirm else summary, [*named, *others])


def _same_members(ctx: Context, partner: Partner) -> Answer:
    others = [p for p in ctx.store.partners.partners if p.members == partner.members and p != partner]
    if not others:
        summary = wording.no_same_members_as(partner.name, partner.members)
        return _rows(ctx, wording.yes_or_no(False, summary) if ctx.query.confirm else summary, [partner])
    summary = wording.same_members_as(partner.name, partner.members, "、".join(p.name for p in others))
    return _rows(ctx, wording.yes_or_no(True, summary) if ctx.query.confirm else summary, [partner, *others])


def _equal_members(ctx: Context, chosen: Selection) -> Answer:
    groups = tq.equal_members(chosen.partners)
    if not groups:
        summary = wording.NO_EQUAL_MEMBERS
        return _rows(
            ctx, wording.yes_or_no(False, summary) if ctx.query.confirm else summary, chosen.partners
        )
    texts = ["・".join(p.name for p in g) + f"（{g[0].members}）" for g in groups]
    summary = wording.equal_members(texts)
    return _rows(
        ctx,
        wording.yes_or_no(True, summary) if ctx.query.confirm else summary,
        [p for g in groups for p in g],
    )


def years_since(ctx: Context) -> Answer | None:
    """「今年で協定締結から10周年になる団体は」: the partners that signed N years before the year the
    question names (today's year when it names none)."""
    q = ctx.query
    if not q.has("subject.agreement") or mentioned_partners(ctx):
        return None
    # the year or month named (「来年の1月で」), else this year
    named = [p for p in q.when.spans if not p.attached and p.grain in ("year", "month")]
    this_year = (date(q.today.year, 1, 1), date(q.today.year, 12, 31), "year")
    start, end, grain = (named[0].start, named[0].end, named[0].grain) if named else this_year
    spans = ctx.years_said()
    if not spans and not q.numbers:
        return None
    n = spans[-1] if spans else q.numbers[-1]
    if not MINYEAR + n <= start.year <= MAXYEAR:
        return None
    before = (_years_before(start, n), _years_before(end, n))
    signed = [p for p in ctx.store.partners.partners if before[0] <= p.agreed <= before[1]]
    if not signed:
        return None
    label = wording.partner_set(period=format_period(*before, grain, ""))
    summary = wording.years_since_signing(
        n, format_period(start, end, grain, ""), _described(Selection(signed, label, True))
    )
    return _rows(ctx, summary, signed)


def _years_before(day: date, n: int) -> date:
    """The same day n years before (2月29日 → 2月28日 in a common year)."""
    try:
        return day.replace(year=day.year - n)
    except ValueError:
        return day.replace(year=day.year - n, day=28)


def _place_said(ctx: Context) -> int | None:
    """The place in the members order a question names (「2番目」 → 1, counted from 0), or None."""
    wanted = [n for n in ctx.query.numbers if 1 <= n <= len(ctx.store.partners.partners)]
    return wanted[0] - 1 if wanted else None


def _nth(ctx: Context, place: int | None, *, most: bool) -> list[Partner]:
    """The partners at a place of the members order (ties share it), most or fewest first."""
    counts = sorted({p.members for p in ctx.store.partners.partners}, reverse=most)
    if place is None or place >= len(counts):
        return []
    return sorted(
        (p for p in ctx.store.partners.partners if p.members == counts[place]), key=lambda p: p.line
    )


def _next_ranked(ctx: Context, named: list[Partner], *, most: bool) -> Answer | None:
    """The partner right after the one named in the members order (or the N-th, 「2番目に多い」)."""
    counts = sorted({p.members for p in ctx.store.partners.partners}, reverse=most)
    place = counts.index(named[0].members) + 1 if named else _place_said(ctx)
    nth = _nth(ctx, place, most=most)
    if place is None or not nth:
        return None  # 「何番目」 with no figure said: not guessed
    names = wording.named_members([(p.name, p.members) for p in nth])
    summary = wording.ranked_nth(place + 1, most, names, named[0].name if named else "")
    return _rows(ctx, summary, [*named, *nth], show_all=False)


def _signed_next(ctx: Context, named: list[Partner]) -> Answer:
    """The partners that signed on the first day after the named ones did: the next in the table."""
    last = max(p.agreed for p in named)
    later = [p for p in ctx.store.partners.partners if p.agreed > last]
    if not later:
        return _rows(ctx, wording.signed_none_after("・".join(p.name for p in named)), named)
    day = min(p.agreed for p in later)
    nxt = [p for p in later if p.agreed == day]
    summary = wording.signed_next(
        "・".join(p.name for p in named), "・".join(p.name for p in nxt), format_date(day)
    )
    return _rows(ctx, summary, [*named, *nxt])


def _ranked(ctx: Context, chosen: Selection) -> Answer:
    q = ctx.query
    # 「トップ3」: a number left over after the thresholds is how many to list
    spare = _stated(ctx, chosen)
    n = spare[0] if spare and 1 < spare[0] <= len(chosen.partners) else 1
    lines: list[Partner] = []
    parts = []
    for most in (True, False):
        if not q.has("extreme.max" if most else "extreme.min") and not (most and q.has("rank.top")):
            continue
        top = tq.ranked(chosen.partners, most=most, n=n)
        lines.extend(p for p in top if p not in lines)
        named = wording.named_members([(p.name, p.members) for p in top])
        parts.append(wording.ranked_members(chosen.label, most, named, n))
    if not lines:
        return ctx.not_found(wording.set_empty(chosen.label), suggestions=(wording.ASK_PARTNERS,))
    return _rows(ctx, "".join(parts), lines)


def _all(ctx: Context) -> str:
    return f"{TABLE}（L{ctx.store.partners.line}）"


def _rows(ctx: Context, summary: str, partners: list[Partner], *, show_all: bool = True) -> Answer:
    return ctx.found(
        summary,
        title=TABLE,
        lines=tuple(partner_line(p) for p in partners),
        sources=(table_source(ctx, *partners),),
        dates=tuple(dict.fromkeys(p.agreed.isoformat() for p in partners)),
        record_ids=tuple(p.id for p in partners),
        show_all=show_all,
    )


def _busiest_year(ctx: Context, *, most: bool) -> Answer:
    """The 年度 in which the most (or fewest) partners signed, with how many and which."""
    partners = list(ctx.store.partners.partners)
    per_year: dict[int, list[Partner]] = {}
    for partner in partners:
        per_year.setdefault(fiscal_year(partner.agreed), []).append(partner)
    pick = max if most else min
    count = pick(len(signed) for signed in per_year.values())
    years = sorted(y for y, signed in per_year.items() if len(signed) == count)
    named = [p for y in years for p in per_year[y]]
    summary = wording.busiest_year(
        "・".join(format_fiscal_year(y) for y in years), count, "、".join(p.name for p in named), most
    )
    return _rows(ctx, summary, sorted(partners, key=lambda p: p.agreed))
