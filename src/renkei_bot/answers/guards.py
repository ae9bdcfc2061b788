"""Checks that run before an answer: is there a record behind what the question takes for granted?

Each guard returns a found=false Answer when the question names something the records do not have
(an association, a company, a proper noun, a period, a 第N回), and None to let the answer go on.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Sequence

from renkei_bot import wording
from renkei_bot.answers import partners as partners_table
from renkei_bot.answers.context import Context, period_label
from renkei_bot.answers.editions import numbered
from renkei_bot.answers.lines import event_lines
from renkei_bot.answers.model import Answer
from renkei_bot.dates import format_date, format_span
from renkei_bot.nlu import tokens as tok
from renkei_bot.records import Event

Guard = Callable[[Context], Answer | None]

# Words that name the bot or the chat, not something to look up in the records.
_IGNORED_NAMES = frozenset({"renkei", "bot", "Slack", "slack", "BOT", "Bot"})


def unknown_name(ctx: Context) -> Answer | None:
    """「大阪府市長会」「三菱UFJ銀行」: a name the records and the entity dictionary do not know."""
    partners_named = [m for m in ctx.query.entities if m.type == "partner"]
    kinds = ctx.vocabulary.associations
    for name in ctx.query.unknown_names:
        if partners_named and name.endswith(kinds):
            continue
        if ctx.selector.term_hits(name):
            continue
        if name.endswith(kinds):
            similar = ctx.suggest_names(name, types=("partner",))
            place = name[: -len(next(k for k in kinds if name.endswith(k)))]  # 山梨県 of 山梨県市長会
            same_place = [
                wording.partner_signed(p.name, format_date(p.agreed))
                for p in ctx.store.partners.partners
                if p.name.startswith(place)
            ]
            summary = wording.not_a_partner(name, len(ctx.store.partners.partners), same_place)
            # 「山梨県は市長会とも協定を結んでますよね？」: the table answers いいえ with that prefecture's
            # partner; of a prefecture with none (静岡県町村会) the records say nothing at all
            if ctx.query.confirm and same_place:
                return _not_in_table(ctx, summary, similar)
            return ctx.not_found(summary, did_you_mean=similar, suggestions=(wording.ASK_PARTNERS,))
        return ctx.not_found(wording.unknown_name(name), did_you_mean=ctx.suggest_names(name))
    for name in ctx.query.names:
        if name in _IGNORED_NAMES or ctx.selector.term_hits(name):
            continue
        # a place or a word written another way (日暮里), or a claim a yes/no answers いいえ to
        # (「紹介したのは函館市ですか？」): answer from what did match, if anything did
        tolerated = name not in ctx.query.named or (ctx.query.confirm and bool(ctx.query.entities))
        if tolerated and _other_evidence(ctx, name):
            continue
        return ctx.not_found(wording.unknown_name(name), did_you_mean=ctx.near_miss_names())
    return None


def _not_in_table(ctx: Context, summary: str, similar: Sequence[str]) -> Answer:
    partners = ctx.store.partners.partners
    return ctx.found(
        wording.yes_or_no(False, summary),
        title=partners_table.TABLE,
        lines=tuple(partners_table.partner_line(p) for p in partners),
        sources=(partners_table.table_source(ctx),),
        did_you_mean=tuple(similar),
    )


def _other_evidence(ctx: Context, name: str) -> bool:
    """Something else in the question matches the records: a name, a category or a searched word."""
    query = ctx.query
    if query.entities or query.categories:
        return True
    return any(ctx.selector.term_hits(t) for t in query.terms if t != name and name not in t and len(t) >= 2)


def unrecorded_attribute(ctx: Context) -> Answer | None:
    """「北海道町村会との協定の有効期限は？」: the thing asked about is written in no record (neither
    the word nor its head, 期限), so what the records hold of the rest is not its answer."""
    asked = ctx.query.asked
    if asked is None:
        return None
    noun, _ = asked
    if ctx.query.intent == "yearly_count" and _asks_of_table(ctx, noun):
        return None  # 「合計はどのような考え方で算出？」: the word asks what the table's figure means
    # お祭り → まつり; a part said otherwise keeps the rest (連携項目 is not 連携)
    said_as = [noun.replace(word, w) for word, words in ctx.query.related_of if word in noun for w in words]
    if any(ctx.selector.term_hits(w) for w in (noun, *said_as)):
        return None
    units = [u for u in tok.short_units(noun) if len(u) >= 2]
    if _written_apart(ctx, units):
        return None
    asking = [u for u in (noun, *units) if ctx.asking_word(u)]
    # 講師名, 開催期間: a word that asks, qualified by what the records know; 有効期間: 有効 they never
    # write; 連携項目: its head (項目) asks nothing, so the compound is a thing, and no record has it
    head = asked[1]
    head_is_thing = len(head) >= 2 and not ctx.asking_word(head) and head != noun
    if asking and not head_is_thing and all(ctx.selector.term_hits(u) or ctx.asking_word(u) for u in units):
        return None
    return _not_recorded(ctx, noun)


def _asks_of_table(ctx: Context, noun: str) -> bool:
    """The noun is a word of a facet the yearly-counts table answers itself (table.meaning: 考え方)."""
    facets = ctx.vocabulary.facets
    return any(noun in facets.spec(h.name).lemmas for h in ctx.query.facets if h.name.startswith("table."))


APART = 2  # characters a record may write between a compound's parts (実施を決定, 協定の締結)


def _written_apart(ctx: Context, units: Sequence[str]) -> bool:
    """「実施決定っていつ？」: a compound a record writes with a particle between its parts (「実施を
    決定」); 連携項目 is not 「連携した取り組みが、…の項目」."""
    if len(units) != 2:
        return False
    both = frozenset(ctx.selector.term_hits(units[0])) & frozenset(ctx.selector.term_hits(units[1]))
    apart = re.compile(f"{re.escape(units[0])}.{{0,{APART}}}{re.escape(units[1])}")
    return any(
        apart.search(text)
        for i in heapq.nsmallest(MAX_APART_CHECKED, both)  # the same ones on every run
        if ctx.store.has_event(i)
        for text in (ctx.store.event(i).title, *ctx.store.event(i).details)
    )


MAX_APART_CHECKED = 50  # records read for a compound written apart (the same at any corpus size)


def unrecorded_title(ctx: Context) -> Answer | None:
    """「事務局の事務局長のお名前は？」「北上市長は誰？」: a person asked by a post (a word ending in one of
    aspect.people's people_words: 局長, 市長) that no record writes: the records do not say who holds it."""
    query = ctx.query
    if not (query.has("aspect.people", "aspect.name") or query.intent == "who"):
        return None
    if query.entity_ids("person"):
        return None  # a person named: their post is asked of them
    names = {m.surface for m in query.entities} | set(query.names)
    for term in sorted(query.terms, key=len, reverse=True):  # the whole post (政策推進課長) first
        post = _post(ctx, term)
        if post is None or len(term) == len(post) or "の" in term or term in names:
            continue
        hits = ctx.selector.term_hits(term)
        if not hits:
            return _not_recorded(ctx, term)
        # 「久慈市の政策推進課長のお名前は？」: the records write the post, but no one's name with it
        events = [ctx.store.event(i) for i in hits if ctx.store.has_event(i)]
        if not any(ctx.store.entity(r).type == "person" for e in events for r in e.refs):
            return ctx.not_found(wording.name_not_recorded(term), lines=event_lines(events[:3]))
    return None


def _post(ctx: Context, word: str) -> str | None:
    """The word's ending that names a person by a post (局長, 市長, 先生: aspect.people's people_words)."""
    spec = ctx.vocabulary.facets.aspect("people")
    return next((w for w in spec.people_words if word.endswith(w)), None) if spec else None


def unrecorded_claim(ctx: Context) -> Answer | None:
    """「HPの会員登録って会費かかります？」「…には審査があるの？」: a yes/no whose claim, said after the
    topic, is words no record writes, with nothing asked that a record could correct (a place, a
    person, a date, a figure): the records say neither yes nor no."""
    query = ctx.query
    yes_no = query.confirm or query.has("ask.exists")
    if not yes_no or not query.comment or query.numbers or query.when.spans or query.premise:
        return None
    asking = any(h.name.startswith("ask.") and h.name != "ask.exists" for h in query.facets)
    if asking or query.names or query.has("wh", *_CORRECTABLE):
        return None
    words = [w for w in query.comment if len(w) >= 2]
    if not words or any(
        ctx.selector.term_hits(w) for w in (*words, *dict(query.related_of).get(words[0], ()))
    ):
        return None
    return _not_recorded(ctx, max(words, key=len))


def unrecorded_part_of(ctx: Context) -> Answer | None:
    """「Twitterのアカウント名わかる？」: a thing the records name (Twitter) and a part of it (アカウント名)
    they never write, said as 「AのB」: what they hold of A is not the B asked."""
    for term in ctx.query.terms:
        whole, of, part = term.rpartition("の")
        if not of or len(whole) < 2 or len(part) < 3 or ctx.asking_word(part):
            continue
        if ctx.selector.term_hits(whole) and not ctx.selector.term_hits(part):
            return _not_recorded(ctx, part)
    return None


def unlisted_members(ctx: Context) -> Answer | None:
    """「奈良県町村会の27町村の名前を全部」「群馬県町村会の構成町村はどこ？」: the partners' table counts each
    partner's members, and no record lists them: which they are is not recorded (their number is)."""
    query = ctx.query
    named = partners_table.mentioned_partners(ctx)
    if len(named) != 1 or any(m.type != "partner" for m in query.entities):
        return None
    if query.confirm and not query.has("aspect.name", "ask.all"):
        return None  # 「青森県町村会は30町村で合ってる？」 checks the count; 「名前を全部教えてもらえますか」 asks
    partner = named[0]
    members = query.has("subject.member") or partner.members in query.numbers
    if not members or not query.has("aspect.name", "ask.all", "wh") or query.has(*_FIGURES):
        return None
    return ctx.not_found(
        wording.members_not_listed(partner.name, partner.members),
        lines=(partners_table.partner_line(partner),),
    )


_FIGURES = ("count.", "total.", "extreme.", "compare.", "change.")


def unlisted_group(ctx: Context) -> Answer | None:
    """「ねぎサミットに出店した28団体の名前を一覧で」: the records write the figure with its noun (28団体)
    but never list that many names (as 「釧路管内8市町村:釧路市・釧路町・…」 does): who they were is not
    recorded."""
    query = ctx.query
    if not query.numbers or not query.has("aspect.name", "ask.all") or query.has(*_FIGURES):
        return None
    for n in query.numbers:
        for noun in query.terms:
            written = f"{n}{noun}"
            ids = ctx.selector.term_hits(written)
            if ids and not any(_lists(ctx.store.event(i), n) for i in ids):
                return _not_recorded(ctx, wording.names_of(written))
    return None


_LIST_MARKS = ("・", "、", "，", ",")


def _lists(event: Event, n: int) -> bool:
    """Whether the record names `n` things: as many it refers to, or a line of that many names."""
    if len(event.refs) >= n:
        return True
    for text in (event.title, *event.details):
        for mark in _LIST_MARKS:
            if text.count(mark) + 1 >= n:
                return True
    return False


def _not_recorded(ctx: Context, noun: str) -> Answer:
    """「記録には「…」は書かれていません」, with the records the rest of the question points to."""
    best = [r.event for r in ctx.selector.best(ctx.query)][:3]
    return ctx.not_found(wording.attribute_not_recorded(noun), lines=event_lines(best))


_CORRECTABLE = ("aspect.", "claim.", "compare.", "change.", "count.", "extreme.", "total.")


def ambiguous(ctx: Context) -> Answer | None:
    """A name that matched two entities equally (品川 → 品川区 / しながわ水族館): ask, don't guess."""
    if ctx.query.ties and not ctx.query.entities and not ctx.query.terms:
        tie = ctx.query.ties[0]
        names = tuple(ctx.store.entity(c).name for c in tie.candidates)
        return ctx.not_found(wording.ambiguous(tie.surface), candidates=names)
    return None


def unknown_topic(ctx: Context) -> Answer | None:
    """「渋谷でおすすめのラーメン屋」: every word left of the question is absent from the records, and
    one of them is a thing (three characters or more, not a word that asks: 住所, 期間, 開催日)."""
    if ctx.query.confirm and ctx.query.entities:
        return None  # 「ねぎサミットって日比谷公園でやったんだっけ？」: a claim about a record, いいえ
    loose = {m.surface for m in ctx.query.entities}
    terms = [t for t in ctx.query.terms if len(t) >= 2 and t not in loose]
    if not terms or any(ctx.selector.term_hits(t) for t in (*terms, *ctx.query.parts)):
        return None
    # a Latin word the glossary lacks (Racecourse) beside a name found says nothing against it
    latin = bool(ctx.query.entities) and all(t.isascii() for t in terms)
    things = [t for t in terms if len(t) >= 3 and not ctx.asking_word(t)]
    if not things or latin:
        return None
    return ctx.not_found(wording.unknown_topic(max(things, key=len)), did_you_mean=ctx.near_miss_names())


def unknown_beside_own(ctx: Context) -> Answer | None:
    """「特別区職員採用試験の申込期間はいつから？」: the only names are the project's own (特別区), which
    every record is about; the words left are in none: nothing supports a date."""
    if not ctx.query.entities or not all(ctx.store.entity(m.entity_id).own for m in ctx.query.entities):
        return None
    return unknown_topic(ctx)


def missing_year(ctx: Context) -> Answer | None:
    """全国ねぎサミット2017: a series named with a year in which the records have none of it."""
    years = {p.start.year for p in ctx.query.when.spans if p.attached}
    if not years:
        return None
    for match in ctx.query.entities:
        if match.type != "series":
            continue
        events = {e.id: e for e in (*ctx.store.in_series(match.entity_id), *ctx.store.about(match.entity_id))}
        if events and not any(e.date.start and e.date.start.year in years for e in events.values()):
            year = min(years)
            return ctx.not_found(wording.no_edition(match.name, f"{year}年", len(events)))
    return None


def _missing_numbered(ctx: Context, n: int, unit: str) -> Answer | None:
    """「連携ニュース第5号」 with no series entity named: the titles the question's longest searched word
    finds number their 号 or 弾; a number none of them has is not in the records."""
    words = sorted((t for t in ctx.query.terms if "第" not in t and len(t) >= 2), key=len, reverse=True)
    for word in words:
        editions = numbered(ctx.store.search(word), unit)
        if editions:
            if n in editions or (n == 1 and unit == "号" and 0 in editions):
                return None
            return ctx.not_found(wording.no_edition(word, f"第{n}{unit}", len(editions)))
    return None


def out_of_range(ctx: Context) -> Answer | None:
    """A definite period wholly outside the records (before 2014-09 or after 2021-12): say so.

    A year glued to a name (東北絆まつり2022) counts too: that edition is not in the records.
    """
    spans = [p for p in ctx.query.when.spans if not p.any_year]
    definite = [p for p in spans if not p.attached] or spans
    if not definite:
        return None
    first, last = ctx.store.first_date, ctx.store.last_date
    if all(s.end < first or s.start > last for s in definite):
        return ctx.not_found(
            wording.no_records_in(period_label(definite[0]), format_date(first), format_date(last)),
            suggestions=tuple(ctx.classifier.help_examples()[:3]),
        )
    return None


def missing_ordinal(ctx: Context) -> Answer | None:
    """第3回全国連携シンポジウム, ニュース第5号: an edition of a series that the records do not have."""
    n = ctx.query.ordinal
    if n is None or ctx.query.has("ask.edition_upto"):
        return None  # 「第5号まで出てる？」: how far the series got is asked, the latest answers it
    unit = ctx.query.ordinal_unit
    named = [m for m in ctx.query.entities if m.type in ("partner", "series")]
    if not named and unit != "回" and (unnamed := _missing_numbered(ctx, n, unit)) is not None:
        return unnamed
    for match in ctx.query.entities:
        if ctx.query.confirm and named and match not in named:
            continue  # 「連携の第3弾は杉並区でやった？」: 杉並区 is claimed of it, not what is numbered
        if unit != "回":  # 第5号, 第4弾: the titles number them
            editions = numbered(ctx.store.about(match.entity_id), unit)
            if editions and n not in editions and not (n == 1 and unit == "号" and 0 in editions):
                return ctx.not_found(wording.no_edition(match.name, f"第{n}{unit}", len(editions)))
            continue
        if match.type != "series":
            continue
        events = ctx.store.in_series(match.entity_id)
        if not events:
            continue
        in_period = ctx.selector.in_period(ctx.query, events)
        if any(e.ordinal == n for e in in_period):
            continue
        if n <= len(in_period) and not all(e.ordinal for e in in_period):
            continue  # a series that does not (always) number itself: 第n回 is its n-th
        # (「平成29年度の第1回の講演会はいつ？」: an edition of a 年度 the records lack, not a claim)
        claimed = (ctx.query.confirm or ctx.query.has("confirm.yes_no")) and not ctx.query.when.spans
        if claimed and len(in_period) == 1 and in_period[0].ordinal:
            return _edition_differs(ctx, in_period[0], n)  # 「舞鶴のは第10回でしたよね」: the one there was
        return ctx.not_found(wording.no_edition(match.name, f"第{n}回", len(in_period)))
    return None


def _edition_differs(ctx: Context, event: Event, claimed: int) -> Answer:
    """A yes/no that numbers the one record the rest of it picks wrongly: いいえ, and its number, with
    the lines of the record the question may ask about besides."""
    summary = wording.edition_differs(
        f"第{claimed}回", f"第{event.ordinal}回", event.title, format_span(event.date)
    )
    return ctx.found_record(summary, event, event_lines([event], full=True))


# Which guards apply to which intents: help, greetings and the fixed tables need none.
_EVENTS: tuple[Guard, ...] = (
    ambiguous,
    unknown_name,
    out_of_range,
    missing_ordinal,
    missing_year,
    unrecorded_attribute,
    unrecorded_claim,
)

GUARDS: dict[str, tuple[Guard, ...]] = {
    "agreement_date": (unknown_name, out_of_range, unrecorded_attribute, unrecorded_claim),
    "member_count": (unknown_name, out_of_range, unlisted_members, unrecorded_attribute, unrecorded_claim),
    "yearly_count": (unrecorded_attribute, unrecorded_claim),
    "when": (*_EVENTS, unknown_beside_own),
    "events_in_period": _EVENTS,
    "events_about": (*_EVENTS, unlisted_members, unlisted_group, unknown_topic, unrecorded_title),
    "count": (ambiguous, unknown_name, out_of_range, missing_year),
    "first_last": _EVENTS,
    "who": (*_EVENTS, unlisted_group, unrecorded_title),
    "detail": (*_EVENTS, unlisted_members, unlisted_group, unrecorded_title),
    "summary": (out_of_range,),
    "partners_list": (unknown_name, out_of_range, unlisted_members, unlisted_group),
    "fallback": (ambiguous, unknown_name, out_of_range, unrecorded_part_of, unlisted_group),
}


def check(ctx: Context) -> Answer | None:
    for guard in GUARDS.get(ctx.query.intent, ()):
        refusal = guard(ctx)
        if refusal is not None:
            return refusal
    return None
