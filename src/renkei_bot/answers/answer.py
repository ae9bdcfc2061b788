"""Query + Store → Answer: one function per intent, chosen from a table."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from renkei_bot.answers import (
    calendar,
    corrections,
    count_facts,
    counts,
    details,
    editions,
    events,
    general,
    guards,
    items,
    kinds,
    partner_facts,
    partners,
    pointing,
    premise,
    relative,
    stated,
    without,
)
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import record_text
from renkei_bot.answers.model import Answer
from renkei_bot.dates import month_end
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.query import Query
from renkei_bot.normalize import compact

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


ALL_SHOWN = 40  # 「全部挙げて」: a list up to this long is shown whole, not cut to 「ほか N 件」


def answer(ctx: Context) -> Answer:
    # 「千葉県特産品販売って何曜日？」: the day of what is named (a sub-item's own 日時), asked as いつ
    if ctx.query.has("ask.weekday") and not ctx.query.confirm and ctx.query.intent in _LISTING:
        ctx = dataclasses.replace(ctx, query=dataclasses.replace(ctx.query, intent="when"))
    answered = calendar.with_weekday(ctx, _answer(ctx))  # 「何曜日だった？」: the weekday of the answer's day
    # a day or a month that names which record (「2015年7月の総会だったよね」) chose one without the
    # question's rare words: the day was the claim
    narrow = any(p.grain in ("day", "month") for p in ctx.query.when.spans if not p.attached)
    lacking = answered.found and ctx.query.confirm and narrow and not _holds_rare_words(ctx, answered)
    if (not answered.found or lacking) and (claimed := _day_claimed(ctx)) is not None:
        # 「神野先生の講演は2015年10月16日の区長会総会でしたよね？」: nothing that day, so the day is the
        # claim to check against the record the rest of the question names
        rechecked = calendar.with_weekday(claimed, _answer(claimed))
        answered = rechecked if rechecked.found else answered
    if ctx.query.has("ask.all") and answered.found and len(answered.lines) <= ALL_SHOWN:
        return dataclasses.replace(answered, show_all=True)  # 「…を全部挙げて」
    return answered


RECORDS_CHECKED = 3  # the records an answer leads with: a claim is about them


def _holds_rare_words(ctx: Context, answer: Answer) -> bool:
    """Whether the records behind an answer hold the question's rare words (ロゴマーク): a yes/no
    about a day answered from another record of that day is no answer."""
    events = [ctx.store.event(i) for i in answer.record_ids[:RECORDS_CHECKED] if ctx.store.has_event(i)]
    polite = set(ctx.index.honorifics.words)  # 先生 names no record
    # the place the question claims (「…区政会館の会議室でやりました？」) is checked, it names no record
    claimed = ctx.query.stated_place or ""
    rare = [
        compact(t)
        for t in ctx.query.terms
        if len(t) >= 2 and t not in polite and t not in claimed and ctx.selector.idf(t) >= pointing.RARE
    ]
    if not events or not rare:
        return True
    text = compact(" ".join(t for e in events for t in (e.title, *e.details)))
    return all(w in text for w in rare)


def _day_claimed(ctx: Context) -> Context | None:
    """A yes/no whose stated days choose no record: the same question with those days as its claim."""
    query = ctx.query
    days = [p for p in query.when.spans if not p.attached and not p.relative and not p.any_year]
    if not query.confirm or not days or not (query.entities or query.terms):
        return None
    if query.intent in ("events_in_period", "anniversary") or query.has("ask.any", "ask.exists"):
        return None  # 「2014年8月に何か動きはあった？」 asks about the period itself
    first, last = ctx.store.first_date, ctx.store.last_date
    if query.entity_ids("series") and all(p.start > last or p.end < first for p in days):
        return None  # 「2023年度の全国連携展示に出展する予定は？」: an edition of a year the records do not reach
    when = dataclasses.replace(query.when, spans=tuple(p for p in query.when.spans if p not in days))
    claim = dataclasses.replace(query, when=when, premise=(*query.premise, *days))
    return dataclasses.replace(ctx, query=claim)


def _procedure(ctx: Context) -> Answer | None:
    """A procedure or a term the records do not write: an agreement's term said as such, with the
    day each partner named signed (「北海道町村会との協定は何年まで有効？」)."""
    unrecorded = stated.procedure(ctx)
    if unrecorded is None or not ctx.query.has("subject.agreement", "subject.comprehensive"):
        return unrecorded
    return partners.agreement_term(ctx) or unrecorded


def _answer(ctx: Context) -> Answer:
    ctx = _this_month(ctx)
    if _past_years_asked(ctx):
        ctx = dataclasses.replace(ctx, query=dataclasses.replace(ctx.query, intent="anniversary"))
    ctx = _aspect_routed(ctx)
    # 「『京都市市長会』って京都府市長会とは別の団体？」 asks whether, even without a yes/no ending
    asks_typo = ctx.query.has("ask.typo") or (ctx.query.has("compare.different") and not ctx.query.has("wh"))
    if ctx.query.typos and asks_typo and (fixed := corrections.answer(ctx)) is not None:
        return fixed  # 「京都市市長会って京都府市長会のまちがい？」
    if ctx.query.has("compare.earlier") and (first := calendar.earlier(ctx)) is not None:
        return first  # 「青森県と千葉県町村会、どっちが先に協定締結した？」
    if _asks_same_time(ctx) and (same := calendar.same_time(ctx)) is not None:
        return same  # 「ロゴマークの決定と北海道町村会との意見交換会は同じ日？」
    if _asks_same_venue(ctx) and (same := calendar.same_venue(ctx)) is not None:
        return same  # 「ねぎサミットとMEGAグルメフェスって同じ会場？」
    asks_days = ctx.query.intent == "when" or ctx.query.has("ask.when", "time.day_of")
    ranged = len(ctx.query.ordinals) >= 2  # 「第1弾〜第3弾、それぞれいつ」: each of them, a list
    # partners named, each: their table rows answer (「千葉県の市長会と町村会、それぞれの締結日と…」)
    partners_each = bool(ctx.query.entities) and all(m.type == "partner" for m in ctx.query.entities)
    each = ctx.query.has("ask.each") and asks_days and not ranged and not partners_each
    if each and (both := calendar.each(ctx)) is not None:
        return both  # 「案を確認した日と、公表した日をそれぞれ」
    if ctx.query.has("ask.interval") and (between := calendar.interval(ctx)) is not None:
        return between  # 「千葉県町村会との締結式の何日後？」
    # 「前年度からどれくらい増えた」 asks a change, not the time since
    elapsed = ctx.query.has("time.elapsed") and not ctx.query.has("change.increase")
    if elapsed and (since := relative.elapsed(ctx)) is not None:
        return since  # 「今年で何周年？」: today is where the years end, not a period to search
    if ctx.query.has("ask.anniversary", "time.elapsed", "time.years_after") and (
        signed := partner_facts.years_since(ctx)
    ):
        return signed  # 「今年で協定締結から10周年になる団体は」: those that signed that many years before
    if (
        ctx.query.has("time.years_after")
        and ctx.query.confirm
        and (since := relative.elapsed(ctx)) is not None
    ):
        return since  # 「来月で、浅草の最初のイベントからちょうど10年になるよね？」: the years, checked
    refusal = guards.check(ctx)
    if refusal is not None:
        return refusal
    if ctx.query.has("change.rate") and (share := partners.percent_of_total(ctx)) is not None:
        return share  # 「北海道町村会は全体の何％を占めてる？」
    if (times := events.count_claimed(ctx)) is not None:
        return times  # 「講演会は全部で5回開催された？」
    summed_up = partners.mentioned_partners(ctx) if ctx.query.has("ask.summary") else []
    if summed_up and not ctx.query.when.spans:
        # 「奈良県町村会について分かることをまとめて」: each partner's card (協定, 構成自治体数, its records)
        return partners.partners_summed_up(ctx, summed_up)
    if ctx.query.has("opinion") and not ctx.query.has("ask.when"):
        return stated.opinion(ctx)  # (「成果をまとめて発表したのはいつ？」 asks the day of a fact)
    # (「助成金の上限は？申請を考えて」 asks an amount, declined as one)
    no_money = not ctx.query.has("count.money")
    if ctx.query.has("procedure") and no_money and (unrecorded := _procedure(ctx)) is not None:
        return unrecorded  # 「会員登録はどうやって申し込めばいい？」: the records hold no procedure
    if ctx.query.has("person.private"):
        return stated.private(ctx)  # 「神野先生って今おいくつ？」: the records hold a name and a post
    if ctx.query.has("aspect.contact"):
        return stated.contact(ctx, [r.event for r in ctx.selector.best(ctx.query)][:3])
    if (compared := editions.same_across(ctx)) is not None:
        return compared  # 「1回目と2回目で同じ人？」
    if (per_edition := editions.each_of(ctx)) is not None:
        return per_edition  # 「第1弾〜第3弾って、それぞれどこでやった？」
    if ctx.query.has("ask.ordinal", "ask.edition_upto") and (numbered := editions.answer(ctx)) is not None:
        return numbered
    if (unsigned := partners.never_agreed(ctx)) is not None:
        return unsigned  # 「木古内町と江戸川区が協定を締結した日は？」: none was
    if (of_kinds := partners.kinds_signed(ctx)) is not None:
        return of_kinds  # 「広島県は市長会と町村会の両方と協定を結んでいますか？」
    if (none_held := without.none_of_partner(ctx)) is not None:
        return none_held  # 「山梨県町村会の全国連携展示っていつ？」: there was none
    if (nth := items.answer(ctx)) is not None:
        return nth  # 「第2回の委員会で、議題の2番目は？」
    if (lacking := without.answer(ctx)) is not None:
        return lacking  # 「全国連携展示がまだ一度も行われていない地域は？」
    if (which := kinds.answer(ctx)) is not None:
        return which  # 「事例報告をした区は？」: the wards the record names in those lines
    # 「京都府市長会から出てたパネリスト、何市の市長さん？」: a person asked by where they came from
    if _asks_person_from(ctx) and (from_place := details.person_of_place(ctx)) is not None:
        return from_place
    figure = _figure(ctx)
    if figure is not None:
        return figure
    if ctx.query.intent == "fallback" and ctx.query.score > 0:
        # 「六魂祭の当日って天気どうでした？」: a word the records never state (天気) decided the intent;
        # the day named around it is not its answer
        return general.fallback(ctx)
    if relative.applies(ctx):
        placed = relative.answer(ctx)
        if placed is not None:
            return premise.yes_no(ctx, placed)
    table = _table_question(ctx)
    if table is not None:
        return table
    # 「木古内町の町長さんのお名前って記録にあります？」: the post's lines say whether a name is written
    if _asks_holder_named(ctx) and (post := details.post_holder(ctx)) is not None:
        return premise.yes_no(ctx, post)
    exists = ctx.query.has("ask.exists") and not ctx.query.entities  # 「…ってありますか？」: a list
    if (ctx.query.confirm and not exists) or premise.place_contradicts(ctx):
        checked = premise.manner(ctx) if ctx.query.confirm else None
        checked = checked or premise.confirm(ctx)
        if checked is None and ctx.query.confirm:
            checked = premise.manner(ctx, silent=True)
        if checked is not None:
            return premise.yes_no(ctx, checked)
    # 「最初に協定を結んだのは北海道町村会だよね？」: a claim that the one named is the first, not a
    # question about that one's first record (each partner and company signed once)
    if (
        ctx.query.order is None
        and ctx.query.ordinal == 1
        and ctx.query.has("subject.agreement", "subject.comprehensive")
    ):
        # 「包括連携協定の第1号は」: each partner and company signed once, so the first one signed
        signed_first = dataclasses.replace(ctx.query, order="first", ordinal=None, intent="first_last")
        ctx = dataclasses.replace(ctx, query=signed_first)
    edge_claimed = ctx.query.confirm and ctx.query.order is not None
    if (
        (ctx.query.intent == "first_last" or edge_claimed)
        and ctx.query.has("subject.company")
        and ctx.query.has("subject.agreement", "subject.comprehensive")
    ):
        return partners.company_agreements(ctx)
    # 「…企業ってどこ？」: the companies are where 「どこ」 points, not a venue of a record
    listed = ctx.query.intent in ("events_about", "fallback", "detail", "when") and not ctx.query.when.spans
    own_only = all(ctx.store.entity(m.entity_id).own for m in ctx.query.entities)
    if listed and own_only and ctx.query.has("subject.company") and ctx.query.has("subject.comprehensive"):
        # 「特別区長会が包括連携協定を結んだ企業をすべて」: the companies (特別区長会 is every record's)
        return partners.company_agreements(ctx)
    if (ctx.query.intent == "first_last" or edge_claimed) and _about_partners(ctx):
        return partners.partners_list(ctx)
    handler = HANDLERS.get(ctx.query.intent, general.fallback)
    terse = not ctx.query.when.spans and not ctx.query.has("wh") and not ctx.query.aspects
    if ctx.query.order is not None and ctx.query.intent == "events_about" and terse:
        handler = events.first_last  # 「東京23区全国連携ニュース 創刊」: the first of what is named
    if ctx.query.roles and ctx.query.intent in _ROLE_LISTED and not ctx.query.confirm:
        handler = details.who  # 「群馬県町村会の会長は？」: the post of the body named asks who holds it
    return premise.yes_no(ctx, handler(ctx))


_ROLE_LISTED = ("events_about", "fallback")  # intents a post asked with 「は？」 falls to


def _asks_same_time(ctx: Context) -> bool:
    """Whether two phrases share a day or month, asked without a question word (「…のほかに何が」
    and 「同じ日に協定を結んだ団体は？」 ask for other records instead)."""
    query = ctx.query
    # 「構成自治体数って、群馬県市長会と同じ？」: the same figure, not the same day
    # 「…って同じ会場でしたっけ」: the same venue (an aspect), not the same day
    not_a_day = query.has("count.figure", "subject.member", "aspect.") and not query.has(
        "time.same_day", "time.same_month"
    )
    return (
        query.has("time.same_day", "time.same_month", "compare.same")
        and not not_a_day
        and not query.has("wh", "time.others", "time.on_that_day")  # 「…した日に、同じ日にやってた行事は」
        and query.sides is not None  # the sides last: worked out from the tokens on first use
    )


def _asks_holder_named(ctx: Context) -> bool:
    """Whether a yes/no asks if the records name who held a post of a body (「…の町長さんのお名前って
    記録にあります？」): no person is named, so nothing is claimed; the post's own lines answer it."""
    q = ctx.query
    return bool(q.roles) and q.confirm and q.has("aspect.name") and not q.entity_ids("person")


def _asks_person_from(ctx: Context) -> bool:
    """Whether the one thing asked is a person, by where they came from (「京都府市長会から出てた
    パネリスト、何市の市長さん？」): not a yes/no, a day or a count (details.person_of_place declines when
    another aspect is asked beside)."""
    q = ctx.query
    return (
        q.has("person.from_place")
        and q.has("aspect.people")
        and q.has("wh")
        and not q.confirm
        and not q.has("count.how_many", "ask.when")
    )


def _asks_same_venue(ctx: Context) -> bool:
    """Whether two phrases are asked to share a venue (compare.same and aspect.venue, no question word)."""
    query = ctx.query
    return (
        query.has("compare.same")
        and query.has("aspect.venue")
        and not query.has("wh")
        and query.sides is not None
    )


def _table_question(ctx: Context) -> Answer | None:
    """Filters, sums, extremes, comparisons and yes/no over the two tables (partner_facts, count_facts)."""
    query = ctx.query
    # 「…の210は、どの団体の分の合計？」: a figure of either table, asked which partners it adds up to
    which_partners = (
        query.numbers and query.has("wh") and query.has("subject.partner") and query.has("total.sum")
    )
    if which_partners and (summed := partner_facts.answer(ctx)) is not None:
        return summed
    if ctx.query.intent == "yearly_count":
        return count_facts.answer(ctx)
    if count_facts.about_table(ctx):
        return count_facts.answer(ctx) or counts.yearly_count(ctx)
    if ctx.query.intent in partner_facts.INTENTS or partner_facts.about_table(ctx):
        return partner_facts.answer(ctx)
    return None


def _this_month(ctx: Context) -> Context:
    """「今月から始まった展示は？」 on a day inside the records: this very month, not every year's."""
    query = ctx.query
    ask = query.when.anniversary
    if ask is None or ask.kind != "month" or ask.years_ago is not None:
        return ctx
    if query.has("ask.anniversary"):
        return ctx  # 「今月の記念日は？」 asks every year's month
    first = date(query.today.year, query.today.month, 1)
    if not ctx.store.first_date <= first <= ctx.store.last_date:
        return ctx  # after the records end, 「今月は何があった？」 is every year's month (an anniversary)
    last = month_end(first.year, first.month)
    span = Period(first, last, "month", "", 0, 0)
    # 「今月から始まった」: the month itself (the open range 今月から is where they started)
    kept = tuple(p for p in query.when.spans if p.attached or p.start != first)
    when = dataclasses.replace(query.when, anniversary=None, spans=(*kept, span))
    intent = query.intent if query.intent not in ("anniversary", "fallback") else "events_in_period"
    return dataclasses.replace(ctx, query=dataclasses.replace(query, when=when, intent=intent))


def _past_years_asked(ctx: Context) -> bool:
    """「今月は何があった？」「毎年今ごろは？」: this month or season has no records (they end in 2021),
    so the question can only mean the same month or season in the years of the records."""
    query = ctx.query
    if query.when.anniversary is None or query.intent not in ("events_in_period", "fallback"):
        return False
    spans = [p for p in query.when.spans if not p.attached]
    # The span itself, not where the whole record ends: records of other years must not change this.
    return bool(spans) and all(p.any_year or not ctx.store.between(p.start, p.end) for p in spans)


def _about_partners(ctx: Context) -> bool:
    """「最後に協定を結んだ団体は」 is about the partners table, not about events."""
    # 「特別区長会が一番最初に協定を結んだ相手は」: the project's own side names no other subject
    has_subject = any(
        m.type != "partner" and not ctx.store.entity(m.entity_id).own for m in ctx.query.entities
    )
    return (
        not has_subject
        and ctx.query.has("subject.agreement", "subject.partner")
        and not ctx.query.has("subject.comprehensive")
    )


_LISTING = frozenset({"events_about", "events_in_period", "fallback"})


def _records_counted(ctx: Context) -> bool:
    """「講演会っていくつある？」: a series, or words the records hold, counted with no word of the
    partners or the tables (団体, 自治体, 協定)."""
    query = ctx.query
    if query.has("subject.", "kind.", "row."):
        return False
    if query.entities:
        return bool(query.entity_ids("series")) and all(m.type == "series" for m in query.entities)
    counters = ctx.vocabulary.table_counters
    tabled = any(t.endswith(c) for t in query.terms for c in counters)
    return not tabled and any(ctx.selector.term_hits(t) for t in query.terms)


def _aspect_routed(ctx: Context) -> Context:
    """「第2回シンポジウムの基調講演はどなた？」: a wh-question asking an aspect of a record is a detail
    question, whatever words made it look like a listing."""
    query = ctx.query
    aspects = [a for a in query.aspects if a != "content"]
    if query.intent == "first_last" and query.has("ask.all") and (query.entities or query.terms):
        # 「東北絆まつりの開催地、最初から順番に並べて」: all of them, in order, not the first alone
        listed = dataclasses.replace(query, intent="events_about", order=None)
        return dataclasses.replace(ctx, query=listed)
    if query.has("table.as_of") and query.intent in ("when", "fallback") and not query.entities:
        # 「推移表の数字は何月何日現在？」: the day the yearly table counts at, not a day of a record
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="yearly_count"))
    if query.intent == "partner_total" and _records_counted(ctx):
        # 「オンライン開催になった全国連携講演会っていくつある？」: those records, counted
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="count"))
    places = {"ward", "venue", "municipality", "region"}
    of_record = any(m.type in places for m in query.entities) and query.has("aspect.participants")
    if query.intent == "partners_list" and of_record and not query.has("subject.agreement"):
        # 「中野区が石狩管内と物産展やったとき、相手の町村はどこ？」: who took part in that record
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="detail"))
    if query.intent == "partners_list" and not query.has(
        "subject.partner", "subject.agreement", "subject.company"
    ):
        # 「今年度の展示はどことどこ？」 lists records, not partners
        intent = "events_about" if query.entities else "events_in_period"
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent=intent))
    if (
        query.intent == "member_count"
        and "participants" in query.aspects
        and (query.ordinal is not None or any(m.type in ("venue", "series") for m in query.entities))
    ):  # 「連携第1弾のにっぽりマルシェ、釧路管内の何市町村が参加した？」: who took part in that record
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="detail"))
    if (
        query.intent in (*_LISTING, "detail")
        and query.has("subject.agreement")
        and query.has("kind.")
        and any(not p.attached for p in query.when.spans)
        and not partners.mentioned_partners(ctx)
    ):  # 「H29年度に新しく協定を結んだ町村会・市長会はどこ？」: the partners who signed then
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="partners_list"))
    if query.intent in _LISTING and partner_facts.about_table(ctx):
        # 「群馬県の市長会と町村会、メンバー数が多いのはどっち？」: the partners table, whatever the words
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="member_count"))
    if query.intent == "summary" and not query.when.spans and (query.entities or query.terms):
        # 「京都と一緒にまとめたプロジェクトの名前は？」: まとめた is what was done, not 「まとめて」
        intent = "detail" if query.aspects else "events_about"
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent=intent))
    by_place = query.intent in ("when", "events_about") and query.has("subject.agreement")
    if (
        by_place
        and not _others(query)
        and query.entity_ids("prefecture")
        and partners.mentioned_partners(ctx)
    ):
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="agreement_date"))
    if query.intent == "fallback" and query.topic is not None and not query.confirm and query.terms:
        # 「ビジネス交流会2018の特別協力に入ってた銀行は？」: the noun asked of a record (its line names one)
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="detail"))
    past = query.when.anniversary is not None and query.when.anniversary.years_ago
    if query.intent == "anniversary" and past and aspects and (query.entities or query.terms):
        # 「10年前の今月末、大井競馬場であったねぎのイベントの名前と出店者数は？」: that one's aspects
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="events_in_period"))
    if query.intent == "detail" and query.has("time.until") and not query.aspects:
        # 「…って何年度まで続く予定？」: until when, whatever other word made it look like a detail
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="when"))
    asked = [a for a in query.aspects if a != "role"][:1]
    if query.roles and query.intent in (*_LISTING, "detail") and asked in (["people"], ["name"]):
        # 「渋谷区長の名前は？」: who holds a post of a named body (the records name few)
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="who"))
    if (
        query.intent in _LISTING
        and query.has("subject.agreement")
        and not query.has("subject.company", "subject.comprehensive", "time.day_of", "time.same_day")
        and not query.entities
        and set(query.terms) <= set(query.facet_words("subject.agreement"))
        and any(not p.attached for p in query.when.spans)
    ):
        # 「令和元年に協定結んだところ教えて」: the partners that signed then
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="partners_list"))
    if (
        query.intent == "yearly_count"
        and query.entity_ids("series")
        and (query.ordinal is not None or "participants" in query.aspects)
    ):
        # 「平成29年度の第1回魅力発信イベントに参加した協定締結自治体は」: who took part in that record
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="detail"))
    if query.intent == "agreement_date" and query.aspects[:1] == ("people",) and query.has("wh"):
        # 「締結式に出席した第一生命の社長はどなた？」: who, which the records may not say
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="who"))
    if (
        query.intent == "agreement_date"
        and query.aspects[:1] in (("venue",), ("method",))
        and not query.confirm
    ):
        # 「第一生命との協定締結式の会場は？」: where, which the records may not say
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="detail"))
    people = query.entity_ids("person")
    if people and len(people) == len(query.entities) and "theme" in aspects and query.intent in _LISTING:
        # 「熊倉先生の講義タイトル、わかります？」: the title of that person's talk, not their records
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="detail"))
    if (
        people
        and len(people) == len(query.entities)
        and {"affiliation", "role", "participants"} & set(aspects)
        and not query.has("ask.when")  # 「たかはしはるみ知事が来たのはいつ」: 知事 is her title, not asked
        and query.aspects[:1] != ("content",)  # 「知事が来た日に何が決まったの？」: what, not her post
    ):
        # 「西川会長って何区の区長？」「ヌマオ先生ってどこの大学の先生？」: the person's post
        return dataclasses.replace(
            ctx, query=dataclasses.replace(query, intent="who", aspects=("affiliation",))
        )
    if query.intent == "coverage" and query.order:  # 「資料でいちばん新しい出来事は」: that one
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="first_last"))
    if query.intent == "coverage" and (
        query.entities or query.categories or any(ctx.selector.term_hits(t) for t in query.terms)
    ):
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="when"))
    if query.intent == "when" and not query.has("ask.when", "time.until", "time.started") and aspects:
        # 「全国連携展示っていつもどこでやってる？」: no date asked (いつ of いつも), a venue is
        intent = "who" if "people" in aspects else "detail"
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent=intent))
    if (
        query.intent == "when"
        and not query.has("ask.when")
        and not (query.entities or query.terms or query.ties or query.categories)
        and any(not p.attached for p in query.when.spans)
    ):  # 「あしたから始まるイベってあった？」: nothing named to date, a period to list
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="events_in_period"))
    if query.intent in _LISTING and query.has("ask.when") and not aspects and (query.entities or query.terms):
        # 「広島県の町村の全国連携展示は何年度に開催された？」: a date is asked, not a list
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="when"))
    if (
        query.intent in _LISTING
        and not aspects
        and query.has("ask.which")
        and (query.entities or query.terms)
    ):
        # 「東北絆まつり2017仙台の実施結果報告をしたのは？」: the one record that says it, not a list
        return dataclasses.replace(ctx, query=dataclasses.replace(query, intent="detail"))
    if query.intent not in _LISTING or not aspects or not (query.has("wh") or "address" in aspects):
        return ctx
    if not (query.entities or query.terms or query.ties):
        return ctx
    intent = "who" if "people" in aspects else "detail"
    return dataclasses.replace(ctx, query=dataclasses.replace(query, intent=intent))


def _others(query: Query) -> bool:
    """Anything besides places that the question names: a series, a company, a category."""
    return bool(query.categories) or any(m.type not in ("prefecture", "region") for m in query.entities)


_FIGURE_SUBJECTS = frozenset({"series", "venue", "document", "organization", "company"})


DESCRIBED = 2  # words of the question a stated figure's record must hold, beside the counter


def _described_figure(ctx: Context, counter: str) -> Answer | None:
    """A figure counted in a table's unit (団体) that a record states, when the question describes that
    record in words of its own (産地, 出店) and says nothing of agreements or members."""
    query = ctx.query
    if query.entities:
        return None  # a record's own figure asked of it (参加自治体数) is answered as its detail
    # the words must be the records' own, one of them rare (産地, 出店), before any ranking: most table
    # questions (連携自治体数の推移) say none such, and ranking a corpus of 145,000 records costs
    selector = ctx.selector
    tables = compact("".join((counts.TABLE, partners.TABLE, *(r.label for r in ctx.store.counts.rows))))
    held = [
        t
        for t in query.terms
        if len(t) >= 2 and t != counter and compact(t) not in tables and selector.term_hits(t)
    ]  # (the tables' own words, 連携自治体, name the tables, not a record)
    rare = [t for t in held if selector.idf(t) >= general.EVIDENCE]
    # 「コッペパンのお祭りがあった浅草のイベント、協定先は何自治体？」: two rare words describe one record
    # so well that agreements or members said beside them are that record's, not the tables'
    described = len(rare) >= DESCRIBED
    if query.has("subject.agreement", "subject.member", "subject.comprehensive") and not described:
        return None
    if query.intent not in stated.TABLE_INTENTS and not (described and query.intent in partner_facts.INTENTS):
        return None
    if len(held) < DESCRIBED or not rare:
        return None
    found = stated.stated_figure(ctx, [r.event for r in ctx.selector.best(query)][:3])
    if found is None or not found.record_ids:
        return None
    said = compact(found.summary)
    if described:  # the record the words describe: its own text holds them
        event = ctx.store.event(found.record_ids[0]) if ctx.store.has_event(found.record_ids[0]) else None
        said = record_text(event) if event else said
    return found if sum(1 for t in held if compact(t) in said) >= DESCRIBED else None


def _figure(ctx: Context) -> Answer | None:
    """「ねぎサミットには何団体出店した？」: a figure a record states (28団体), or that none does."""
    query = ctx.query
    counter = stated.counter_asked(ctx)
    if counter is None or not (query.entities or query.terms):
        return None
    if any(h.name.startswith("kind.") and h.word.endswith(counter) for h in query.facets):
        return None  # 「協定を結んでいる町村会はいくつ？」: a kind of partner, counted in the table
    rows = [h for h in query.facets if h.name.startswith("row.")]
    if rows and all(any(m.begin < h.end and h.begin < m.end for h in rows) for m in query.entities):
        # 「連携してる自治体の合計数」「全国連携ホームページの会員登録自治体数」: a row of the yearly
        # table (a name the row's own words are in, the HP, is no record that states the figure)
        return None
    if counter in ctx.vocabulary.company_counters and query.has("subject.company", "subject.comprehensive"):
        # 「包括連携協定を結んだ企業は何社？」「包括連携協定は何社と？」
        return partners.company_agreements(ctx)
    table_counter = counter in ctx.vocabulary.table_counters
    if table_counter and query.entities and not query.entity_ids("partner"):
        # 「やましろ地域は何市町村が事業主体？」: a row that writes the count by kind (5市・6町・1村)
        parts = stated.counted_by_parts(ctx, [r.event for r in ctx.selector.best(query)][:3], counter)
        if parts is not None:
            return parts
    # 特別区長会 (every record's own body) is no subject a record counts for: 「特別区長会が協定を結んでいる
    # 相手は何団体？」 asks the table
    subjects = [m for m in query.entities if not ctx.store.entity(m.entity_id).own]
    if table_counter and not any(m.type in _FIGURE_SUBJECTS for m in subjects):
        # 「何自治体」「何団体」「自治体数」 of the partners or the yearly counts: the tables answer, unless
        # the words name a record that states the figure (「ねぎの集まりで産地から出店したのは何団体？」)
        return _described_figure(ctx, counter)
    events = [r.event for r in ctx.selector.best(query)][:3]
    found = stated.stated_figure(ctx, events)
    if found is not None and found.record_ids:  # 「会場と、何種類だったか」: the other facts asked too
        asked = [a for a in query.aspects if a not in ("content", "role", "participants")]
        # an aspect the figure's own line states (②会場:… 3階) is answered already
        keys = ctx.vocabulary.facets.record_keys
        asked = [a for a in asked if not any(k in found.summary for k in keys(a))]
        more = details.aspects_said(ctx, ctx.store.event(found.record_ids[0]), asked)
        return dataclasses.replace(found, summary=found.summary + more) if more else found
    return found or stated.figure_missing(ctx, events)
