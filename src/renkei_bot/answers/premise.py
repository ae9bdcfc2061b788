"""Yes/no questions that state a fact: 「第1回シンポジウムは大井競馬場でやったんだっけ？」.

The answer is the recorded fact, with a plain note where the question's claim differs from it.
Dates stated this way are compared in Context.premise_notes; places and people are handled here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import details, pointing
from renkei_bot.answers.context import Context, period_label
from renkei_bot.answers.lines import detail_value, event_lines, headline, names_entity, record_text
from renkei_bot.answers.model import Answer
from renkei_bot.dates import first_unit_end, format_date, format_span
from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu.facets import FacetSpec
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.query import Query
from renkei_bot.nlu.resolution import Match
from renkei_bot.normalize import compact, to_hiragana
from renkei_bot.records import Event

PLACE_TYPES = ("venue", "municipality", "prefecture", "region")
CLAIM_NEAR = 0.9  # a record bearing the claim out must score this share of the best without the claim
CLAIM_TOP = 10
# What a yes/no question may state about a record besides its subject: where, who, which ward.
CLAIM_TYPES = (*PLACE_TYPES, "person", "ward")


def confirm(ctx: Context) -> Answer | None:
    """A stated place or person checked against the record of the question's subject; None to answer
    the question normally (the verdict on dates and existence is `yes_no`'s)."""
    query = ctx.query
    if query.quoted and query.aspects and not query.entity_ids("person"):
        # 「テーマ、「…」だった？」: the quoted value is checked against the aspect (details.detail)
        return None
    bodies_claimed = ctx.claimed_for_aspect()
    if bodies_claimed and all(m.type not in CLAIM_TYPES for m in bodies_claimed):
        return None  # 「主催は特別区長会だったよね？」: checked against the aspect's value (details.detail)
    claims = [m for m in query.entities if m.type in CLAIM_TYPES]
    subject = [m for m in query.entities if m.type not in CLAIM_TYPES]
    topic = query.topic_end
    if topic is not None and any(m.begin >= topic for m in claims):
        # 「KITTEの魅力発信イベントって渋谷でやったんだっけ？」: a place before the topic names the
        # record; the one after it is the claim
        subject += [m for m in claims if m.end <= topic]
        claims = [m for m in claims if m.end > topic]
    said_of = _said_of_topic(ctx, subject)
    if said_of:  # 「ラベンダー植栽イベントって群馬県町村会の関連事業だったっけ？」: claimed of the topic
        claims += said_of
        subject = [m for m in subject if m not in said_of]
    if any(m.type == "series" for m in subject):  # 「令和2年度の全国連携展示は埼玉県町村の展示でしたか」
        claims += [m for m in subject if m.type == "partner"]
        subject = [m for m in subject if m.type != "partner"]
    people = [m for m in claims if m.type == "person"]
    bodies = [m for m in subject if m.type in ("organization", "government")]
    # 「大杉先生が基調講演したんだっけ？」: a person alone, said before the aspect asked, is what the
    # question is about (「…の基調講演は神野先生？」 claims the person)
    alone = not subject and not any(m.type == "person" for m in bodies_claimed)
    # 「文化庁から来てたのは熊倉さん？」: a person said after the topic is the claim, not the subject
    said_last = query.topic_end is not None and bool(people) and people[0].begin >= query.topic_end
    if people and not said_last and len(bodies) == len(subject) and (len(query.entities) > 1 or alone):
        # 「棚野さんは釧路市長として出てたんですよね」「広井先生って東京大学の教授として講演した」:
        # the person is the subject, the rest is claimed of them
        subject = people[:1]
        # the project itself is no claim: every record is about it (「…全国連携プロジェクトの顧問を」)
        claims = [m for m in query.entities if m is not people[0] and not ctx.store.entity(m.entity_id).own]
    if claims and not subject and not query.terms and query.numbers and not query.stated_place:
        # 「十勝地域は16町2村でしたよね？」: a name and figures only; the figures are claimed of it
        subject, claims = claims, []
    stated = [m.surface for m in claims] or ([query.stated_place] if query.stated_place else [])
    stated += [n for n in query.names if n not in stated]
    # 「産地出店者は30団体でしたか」: a figure is a claim too (not the 23 of 東京23区, a name's own)
    names = "".join(compact(m.surface) for m in query.entities)
    stated += [str(n) for n in query.numbers if str(n) not in names]
    if not stated and subject and not query.premise and query.intent in ("events_about", "fallback"):
        return details.detail(ctx)  # 「東北絆まつり2021では協力できたのですか？」: what the record says of it
    if not stated or not (subject or query.terms or query.ordinal):
        named = query.entity_ids("person")
        if named and (on_day := _person_on_day(ctx, named[0])) is not None:
            return on_day
        return details.person(ctx, named[0]) if named else None
    skip = [m.entity_id for m in claims]
    series = any(m.type == "series" for m in subject)
    years = {p.start.year for p in query.when.spans if p.attached}
    if (
        series
        and years
        and not any(
            r.event.date.start and r.event.date.start.year in years
            for r in ctx.selector.best(query, skip=skip, series_only=True)
        )
    ):
        series = False  # 「東北絆まつり2020の山形開催」: no festival that year; the rows that mention it
    # the place the question states (「浅草でやったの？」) is claimed of the record, it does not choose it
    unplaced = (
        dataclasses.replace(query, terms=tuple(t for t in query.terms if t != query.stated_place))
        if query.stated_place and subject
        else query
    )
    # 「嬬恋村の方が講演会で事例報告したことってありますか？」: a record that has the claim too, first
    without = ctx.selector.best(unplaced, skip=skip, series_only=series) or ctx.selector.best(
        unplaced, skip=skip
    )
    # …but only among the records the rest of the question is about (not any record at 大井競馬場)
    pool = ctx.selector.filtered(unplaced, skip=skip, strict=False)
    near = {r.event.id for r in ctx.selector.rank(unplaced, pool, skip=skip, floor=CLAIM_NEAR)[:CLAIM_TOP]}
    # …and of the kind the question names (「第1回シンポジウムの基調講演は沼尾先生？」: no lecture meeting)
    kinds = set(query.categories)
    holding = [
        r
        for r in ctx.selector.best(query, series_only=series)
        if r.event.id in near
        and (not kinds or r.event.category in kinds)
        and _identified(ctx, r.event)
        and _holds_all(ctx, r.event, claims)
    ]
    best = holding or without
    if not best:
        return None
    event = best[0].event
    if not _counter_lines(ctx, event):  # 「十勝地域は16町2村？」: the record that writes such figures
        event = next((r.event for r in best if _counter_lines(ctx, r.event)), event)
    recorded = record_text(event)
    spoken = to_hiragana(recorded)
    missing = [  # 「日暮里のマルシェ」: にっぽりマルシェ is written in kana
        m.surface
        for m in claims
        if event.id not in ctx.selector.events_of(m.entity_id)
        and compact(m.surface) not in recorded
        and (tok.reading_form(m.surface) or "\0") not in spoken
    ]
    if not claims and query.stated_place:
        missing = [] if compact(query.stated_place) in recorded else [query.stated_place]
    held_at = compact(f"{event.title}{event.venue}") if event.venue else ""
    # 「第3回も京都開催？」 of a record with no venue: what another row writes of its day (第3回 東京開催(3/23))
    elsewhere = _said_of_day(ctx, event) if query.stated_place and not held_at else []
    if elsewhere:
        held_at = compact(" ".join(elsewhere))
    if query.stated_place and held_at and compact(query.stated_place) not in held_at:
        # 「第1回シンポジウムって京都で開催したんでしたっけ？」: where it was held is its venue, not a
        # panelist's 京都府 in another line
        missing = [*dict.fromkeys([*missing, query.stated_place])]
    missing += [  # 「紹介したのは函館市ですか」
        n for n in query.names if compact(n) not in recorded and (tok.reading_form(n) or "\0") not in spoken
    ]
    # 「大杉先生って荒川区長？」: what is claimed of a person is said on that person's own line, not
    # anywhere in the record (荒川区長 is 西川 太一郎's post)
    persons = [m for m in subject if m.type == "person"]
    own = [d for d in (event.title, *event.details) for p in persons if _names(ctx, p, d)]
    places = [m for m in claims if m.type != "person" and m.surface not in missing]
    not_theirs = (
        [m.surface for m in places]
        if own and places and not any(all(_names(ctx, c, d) for c in places) for d in own)
        else []
    )
    missing += not_theirs
    # 「「漱石山房記念館」の事例を報告したのは豊島区？」: a body claimed of the line the question's own
    # words point to is checked on that line; another of its kind there (新宿区) says no
    of_topic = _line_of_topic(ctx, event, claims)  # the one line the question's own words point to
    topic_line = of_topic if places and not persons else None
    rivalled = [m.surface for m in places if topic_line and _rivalled(ctx, event, m, topic_line)]
    missing += rivalled
    role_line = _role_line(ctx, event, claims)
    other_holder = role_line is not None and not any(
        _names(ctx, m, role_line) for m in claims if m.type == "person"
    )
    if other_holder:  # 「最初のシンポジウムのコーディネーターって大杉先生？」: the role's line names another
        missing += [m.surface for m in claims if m.type == "person"]
    missing = list(dict.fromkeys(missing))
    asked = [a for a in query.aspects if a not in ("content", "role")] or (
        ["people"] if any(m.type == "person" for m in (*claims, *subject)) else ["venue"]
    )
    stated_days = [p for p in query.premise if not p.attached]
    if stated_days and event.date.start and not any(_within(ctx, p, event.date.start) for p in stated_days):
        missing.append(period_label(stated_days[0]))  # 「…を訪ねてきたのは2015年7月10日だよね？」
    # 「372自治体が参加したってことでOK？」: the figure claimed, with the noun it counts when said
    # (5年間 is not the 5 of 5市); the lines holding them as numbers of their own (5 in 5市, not in
    # 15), most first
    units = dict(query.counted)
    figures = {
        f"{n}{units.get(n, '')}": re.compile(rf"(?<![0-9]){n}(?![0-9])\s?{re.escape(units.get(n, ''))}")
        for n in query.numbers
    }
    held = {d: sum(bool(p.search(compact(d))) for p in figures.values()) for d in event.details}
    stating = sorted((d for d in event.details if held[d]), key=lambda d: -held[d])
    # each figure claimed in a counter (17町 is not written, beside a 1村 that is); a date's parts aside
    counted_units = {u for u in units.values() if u and u not in ctx.vocabulary.calendar_counters}
    unwritten = [
        f for f, p in figures.items() if not p.search(recorded) and (not stating or _unit(f) in counted_units)
    ]
    missing += unwritten
    # 「お茶の淹れ方講座は1階のエントランスホールで？」: a place claimed of an item the record lists
    # ((3)お茶の淹れ方講座, ②会場:…3階…) is checked against that item's own venue
    item = _item_venue(ctx, event)
    venue_figures = [f for f in figures if item and _unit(f) and _unit(f) in item[1]]
    of_item = [c for c in [query.stated_place, *venue_figures] if c] if item else []
    off_item = [c for c in of_item if item and compact(c) not in compact(item[1])]
    if of_item:
        missing = [*dict.fromkeys([*(m for m in missing if m not in of_item), *off_item])]
        stating = []
    # a place of holding claimed (「京都で開催した？」) is answered with where it was held
    fact = _recorded_fact(ctx, event, ("venue", *asked) if query.stated_place and held_at else asked)
    if role_line is not None and missing:
        fact = wording.record_says(role_line)
    if not missing and not claims and (said := of_topic) is not None:
        # 「舞鶴のシンポ、事務局からパネルに誰か出た？」: the one line holding the question's own words
        fact = wording.record_says(said)
    if not missing and claims:  # 「しらぬか町長もシンポジウムに出てましたか」: the line that bears it out
        # names the title holds name the record, not a claim (「北海道MEGAグルメフェスでホタテ釣りって
        # あった？」): the line of the question's own words says more
        titled = all(compact(m.surface) in compact(event.title) for m in claims)
        said = (of_topic if titled else None) or _line_naming(ctx, event, claims)
        if topic_line and all(_names(ctx, m, topic_line) for m in places):
            said = topic_line.lstrip("・ ")  # 「漱石山房…は新宿区？」: the line of the question's words
        fact = wording.record_says(said) if said else fact
    if item and of_item:
        fact = wording.item_venue(item[2].lstrip("・ "), item[1])
    elif rivalled and topic_line:
        fact = wording.record_says(topic_line.lstrip("・ "))
    elif missing and not stating and role_line is None and (said := of_topic) is not None:
        # 「漱石山房記念館の事例報告は文京区からでしたか？」: the line the question's own words point to
        fact = wording.record_says(said)
    if elsewhere:
        fact = wording.record_says(elsewhere[0])
    if stating and not unwritten:  # the line with the figure claimed says most
        fact = wording.record_says(stating[0].lstrip("・ "))
    elif figures and not of_item and (written := _counter_lines(ctx, event)) and written[0] != event.venue:
        fact = wording.record_says(written[0].lstrip("・ "))  # 「15町3村？」: the line with 16町・2村
    elif missing and role_line is None:
        # 「みなかみ町と一緒に事例報告したのって世田谷区？」: the line naming what the question names
        # beside its claim says who it was (①中野区・みなかみ町)
        alongside = [m for m in query.entities if m not in claims and m.type in _NAMED_BESIDE]
        if alongside and (said := _line_naming(ctx, event, alongside)) is not None:
            fact = wording.record_says(said)
    day = format_span(event.date)
    summary = (
        wording.claim_holds("・".join(stated), event.title, day, fact)
        if not missing
        else wording.claim_differs("・".join(missing), event.title, day, fact)
    )
    if missing and missing in (off_item, rivalled):  # written in the record, not where it is claimed
        summary = wording.claim_on_another_line("・".join(missing), event.title, day, fact)
    if not_theirs and missing == not_theirs:
        who = ctx.store.entity(persons[0].entity_id).name
        summary = wording.claim_not_theirs("・".join(missing), who, event.title, day, fact)
    if other_holder and role_line is not None and set(missing) <= {m.surface for m in claims}:
        # the person may be in the record in another role: say whose the role is, not that they are absent
        summary = wording.role_of_another(role_line, event.title, day)
    beside = _set_beside(ctx, [event], recorded)
    if beside is not None:  # 「…の友好都市である鶴岡市」: the record names another
        summary = wording.named_otherwise(*beside, event.title, day, fact)
    elif missing and not other_holder and (theirs := _person_elsewhere(ctx, event, missing)) is not None:
        # 「小田切先生が話したのは森林環境税の回？」: いいえ, and the record the person is in
        person, other = theirs
        summary += wording.person_in(person, headline(other), format_span(other.date))
    return ctx.found_record(summary, event)


def _person_elsewhere(ctx: Context, event: Event, missing: Sequence[str]) -> tuple[str, Event] | None:
    """A person the question names, absent from the record checked, and the one record of theirs."""
    people = [m for m in ctx.query.entities if m.type == "person" and m.surface in missing]
    if len(people) != 1:
        return None
    theirs = [e for e in ctx.store.about(people[0].entity_id) if e.id != event.id and e.date.start]
    return (ctx.store.entity(people[0].entity_id).name, theirs[0]) if len(theirs) == 1 else None


BODY_TYPES = ("organization", "government", "company")  # where a person comes from


def _role_line(ctx: Context, event: Event, claims: Sequence[Match]) -> str | None:
    """The one line of the record holding the people aspect's word the question uses (コーディネーター,
    基調講演), when a person is claimed for it."""
    if not any(m.type == "person" for m in claims):
        return None
    words = [compact(w) for w in ctx.query.facet_words("aspect.people") if len(w) >= 3]
    # 「文化庁から来てたのは熊倉さん？」: the body the person is said to come from names their line
    words += [compact(m.surface) for m in ctx.query.entities if m.type in BODY_TYPES and m not in claims]
    lines = [d for d in event.details if any(w in compact(d) for w in words)]
    return lines[0].lstrip("・ ") if len(lines) == 1 else None


def _said_of_day(ctx: Context, event: Event) -> list[str]:
    """What rows write of this record's own day in a line of their own (L51's 「第3回 東京開催(3/23)」
    for L63, and its 「第1回 東京開催(10/31)」 for itself)."""
    day = event.date.start
    if day is None or event.date.precision != "day":
        return []
    return [m.text for _, m in ctx.selector.mentions_on(day)]


def _names(ctx: Context, match: Match, line: str) -> bool:
    """Whether a line names what a match stands for: as the question wrote it, or by its name or an alias."""
    return names_entity(line, ctx.store.entity(match.entity_id), match.surface)


def _line_of_topic(ctx: Context, event: Event, claims: Sequence[Match]) -> str | None:
    """The one detail holding the question's own words or names (not its claims) that the title does
    not hold (漱石山房), if any."""
    title = compact(event.title)
    said = [*ctx.query.terms, *(m.surface for m in ctx.query.entities if m not in claims)]
    words = [w for t in said if len(t) >= 2 and (w := compact(t)) not in title]
    return details.line_holding(event.details, words)


def _said_of_topic(ctx: Context, subject: Sequence[Match]) -> list[Match]:
    """Bodies named after the topic particle of a yes/no whose topic names the record by its own words
    (「ラベンダー植栽イベントって群馬県町村会の…」): what the question claims of the record."""
    query = ctx.query
    if query.topic_end is None or query.order is not None or query.has("compare.", "time.same_day"):
        return []  # 「AってBより後？」「…と同じ日？」「最初は…？」 compare records: each is a subject
    after = [
        m
        for m in subject
        if m.begin >= query.topic_end and m.type != "series" and not ctx.store.entity(m.entity_id).own
    ]
    before = [m for m in query.entities if m.end <= query.topic_end]
    topic_words = [t for t in query.terms if t not in query.comment]
    return after if after and (before or topic_words) else []


def manner(ctx: Context, *, silent: bool = False) -> Answer | None:
    """「…は予定どおり開催されましたか」「…はオンラインでしたか」: how the record says it went
    (claim.* facets: the words a record writes when the claim is false or true). A record that
    says nothing either way answers only when `silent` (the question's own words decide first)."""
    specs = ctx.vocabulary.facets.claims(h.name for h in ctx.query.facets)
    if ctx.query.has("ask.exists") and not ctx.query.entities:
        return None  # 「オンラインで開いた講演会ってありますか？」: are there any, a list (はい first)
    best = ctx.selector.best(_unclaimed(ctx)) if specs else []
    if not best:
        return None
    event = best[0].event
    if ctx.query.has("ask.exists"):
        # 「全国連携講演会ってオンラインで開催したことある？」: any record of what it names, not the likeliest
        pool = ctx.selector.filtered(_unclaimed(ctx), series_only=True)
        event = next((e for e in pool if all(v for v, _ in _verdicts(specs, e))), event)
    elif not any(line for _, line in _verdicts(specs, event)):
        # 「東北絆まつり2020って予定どおり開催された？」: the row that says how it went (延期), when the
        # likeliest one (its PR plans) says nothing of it
        deciding = [r.event for r in best if any(line for _, line in _verdicts(specs, r.event))]
        event = deciding[0] if deciding else event
    verdicts = _verdicts(specs, event)
    # 「オンラインだけど、Zoomでの配信だった？」: a name the record does not write is claimed too; the
    # record's line of how it was done (配信方法:YouTube) answers it
    recorded = record_text(event)
    unwritten = [n for n in ctx.query.names if compact(n) not in recorded]
    done = details.aspect_details(ctx, event, ["method"]) if unwritten else []
    if done:
        verdicts.append((False, done[0]))
    holds = all(v for v, _ in verdicts)
    said = next((line for v, line in verdicts if v == holds and line), "")
    if not said:
        said = next((line for _, line in verdicts if line), "")
    if holds and not said and not silent and all(spec.at_end for spec in specs):
        # 「六魂祭ではPRブースを出せた？」: a claim said by the ending (出せた) is of the words before it,
        # and the line holding them answers first; 「無事に開かれた？」 is of the record itself
        return None
    if not said and not holds:  # 「中止になった？」 of one held smaller: the line saying how it went
        manner_words = ctx.vocabulary.facets.manner_words()
        said = next((p for p in event.details if any(w in p for w in manner_words)), "")
    return ctx.found_record(
        wording.manner(holds, format_span(event.date), event.title, said.lstrip("・ ")),
        event,
        event_lines([event], full=True),
    )


_NAMED_BESIDE = ("municipality", "ward", "person", "company")  # named in one line of a record


def _verdicts(specs: Sequence[FacetSpec], event: Event) -> list[tuple[bool, str]]:
    """Each claim's verdict on the record, with the line that decides it (none when no line does)."""
    parts = [event.title, *(event.venue or "",), *event.details]
    verdicts: list[tuple[bool, str]] = []
    for spec in specs:
        failing = [p for p in parts if any(w in p for w in spec.fails_if)]
        holding = [p for p in parts if any(w in p for w in spec.holds_if)]
        if failing:
            verdicts.append((False, failing[0]))
        elif holding:
            verdicts.append((True, holding[0]))
        else:
            verdicts.append((not spec.holds_if, ""))
    return verdicts


def _unclaimed(ctx: Context) -> Query:
    """The question without the words of its claim (「…は延期された？」: 延期 is checked in the record,
    it does not choose it), when other words are left to choose by."""
    claimed = {h.word for h in ctx.query.facets if h.name.startswith("claim.")}
    rest = tuple(t for t in ctx.query.terms if t not in claimed)
    if rest == ctx.query.terms or not (rest or ctx.query.entities or ctx.query.categories):
        return ctx.query
    return dataclasses.replace(ctx.query, terms=rest)


def _unit(figure: str) -> str:
    """The counter of a figure as claimed (「3階」 → 階), '' for a bare number."""
    return figure.lstrip("0123456789")


def _counter_lines(ctx: Context, event: Event) -> list[str]:
    """The lines of a record (its venue too) writing figures in the counters the question claims
    figures in (16町・2村 of 十勝地域(16町・2村)), those naming what the question names first. Not
    dates' counters (年, 月), an edition's (第3回) or a figure inside a name (東北絆まつり2020)."""
    names = "".join(compact(m.surface) for m in ctx.query.entities)
    units = {
        u
        for n, u in ctx.query.counted
        if u
        and u not in ctx.vocabulary.calendar_counters
        and n != ctx.query.ordinal
        and str(n) not in names
        and compact(u) not in names  # 2020 before 山形 counts no 山形
    }
    said = [re.compile(rf"[0-9]+\s?{re.escape(u)}") for u in units]
    lines = [d for d in (event.venue or "", *event.details) if d and any(p.search(compact(d)) for p in said)]
    return details.preferred(ctx, lines)


def _item_venue(ctx: Context, event: Event) -> tuple[str, str, str] | None:
    """The venue written under the item the question names (details.sub_item_value), the place it
    claims left out of the words that pick the item."""
    place = ctx.query.stated_place
    if not place and not ctx.query.numbers:
        return None
    unplaced = dataclasses.replace(ctx.query, terms=tuple(t for t in ctx.query.terms if t != place))
    return details.sub_item_value(dataclasses.replace(ctx, query=unplaced), event, ["venue"])


def _rivalled(ctx: Context, event: Event, claim: Match, line: str) -> bool:
    """The line does not name the claimed body but names another of its kind the record refers to
    (新宿区 where 豊島区 is claimed)."""
    if _names(ctx, claim, line):
        return False
    others = [ctx.store.entity(r) for r in event.refs if r != claim.entity_id]
    return any(e.type == claim.type and names_entity(line, e, e.name) for e in others)


def _line_naming(ctx: Context, event: Event, claims: Sequence[Match]) -> str | None:
    line = next((d for d in event.details if any(_names(ctx, m, d) for m in claims)), None)
    return line.lstrip("・ ") if line is not None else None


def _identified(ctx: Context, event: Event) -> bool:
    """The record is the one the question identifies by number, year or period (第1回,
    東北絆まつり2019, 令和元年度第1回の講演会)."""
    query = ctx.query
    years = {p.start.year for p in query.when.spans if p.attached}
    if years and not (event.date.start and event.date.start.year in years):
        return False
    scope = [p for p in query.when.spans if not p.attached and not p.any_year]
    if scope and not (event.date.start and any(p.start <= event.date.start <= p.end for p in scope)):
        return False
    return query.ordinal is None or event.ordinal == query.ordinal


def _holds_all(ctx: Context, event: Event, claims: Sequence[Match]) -> bool:
    recorded = record_text(event)
    return bool(claims) and all(
        event.id in ctx.selector.events_of(m.entity_id) or compact(m.surface) in recorded for m in claims
    )


def _recorded_fact(ctx: Context, event: Event, aspects: Sequence[str]) -> str:
    """What the record says of the asked aspect: the venue, or the detail naming the people."""
    if "venue" in aspects or not event.details:
        venue = event.venue or detail_value(event, "会場")
        if venue:
            return wording.venue_was(venue)
    picked = details.aspect_details(ctx, event, aspects) or list(event.details)
    return wording.record_says(pointing.best_line(ctx, picked, aspects).lstrip("・ ")) if picked else ""


def yes_no(ctx: Context, answer: Answer) -> Answer:
    """A yes/no question gets はい or いいえ first: does the record behind the answer bear out what the
    question states (a date, a name), or, when it states nothing to check, does such a record exist?"""
    if not ctx.query.confirm or not answer.found or answer.summary.startswith(("はい", "いいえ")):
        return answer
    holds = _dates_hold(ctx, answer)
    summary = answer.summary
    if holds is False and (day := _recorded_day(answer)) and day not in summary:
        summary = wording.recorded_day(day) + summary  # the day the record gives, first
    if holds is None:
        holds = _names_hold(ctx, answer) and not ctx.query.names and not ctx.query.unknown_names
        holds = holds and _posts_hold(ctx, answer)
    holds = holds and _figures_hold(ctx, answer)
    return dataclasses.replace(answer, summary=wording.yes_or_no(holds, summary))


def _figures_hold(ctx: Context, answer: Answer) -> bool:
    """A figure the question states with its counter (「産地出店者は30団体」) is not contradicted by
    the records behind the answer: they state no other figure with that counter (28団体). Dates, years
    and the records' own counts (第3回) are checked elsewhere."""
    vocabulary = ctx.vocabulary
    skipped = (
        vocabulary.year_counters
        | vocabulary.day_counters
        | vocabulary.calendar_counters
        | vocabulary.record_counters
    )
    claimed = [(n, unit) for n, unit in ctx.query.counted if unit not in skipped]
    events = [ctx.store.event(i) for i in answer.record_ids if ctx.store.has_event(i)]
    if not claimed or not events:
        return True
    text = compact(" ".join(t for e in events for t in (e.title, *e.details)))
    for n, unit in claimed:
        stated = {int(f) for f in re.findall(rf"(?<![0-9第])([0-9]+)\s?{re.escape(unit)}", text)}
        if stated and n not in stated:
            return False
    return True


def _recorded_day(answer: Answer) -> str:
    first = answer.dates[0] if answer.dates else ""
    return format_date(date.fromisoformat(first)) if len(first) == len("2016-04-26") else ""


def _posts_hold(ctx: Context, answer: Answer) -> bool:
    """A post claimed after the topic (「…説明したのって副会長だっけ？」) is written in the records behind
    the answer (会長 is not 副会長)."""
    topic = ctx.query.topic_end
    posts = [
        h.word for h in ctx.query.facets if h.name == "aspect.role" and topic is not None and h.begin >= topic
    ]
    events = [ctx.store.event(i) for i in answer.record_ids if ctx.store.has_event(i)]
    if not posts or not events:
        return True
    text = compact(" ".join(t for e in events for t in (e.title, *e.details)))
    return all(compact(p) in text for p in posts)


def _names_hold(ctx: Context, answer: Answer) -> bool:
    """Every name the question states is in the records behind the answer (「広井先生って東京大学の
    教授として講演したんだよね」: 東京大学 is not in his records)."""
    events = [ctx.store.event(i) for i in answer.record_ids if ctx.store.has_event(i)]
    if not events:
        return True
    text = compact(" ".join(t for e in events for t in (e.title, e.venue or "", *e.details)))
    ids = {e.id for e in events}
    return _set_beside(ctx, events, text) is None and all(
        ids & ctx.selector.events_of(m.entity_id)
        or compact(m.surface) in text
        or ctx.store.entity(m.entity_id).own
        for m in ctx.query.entities
    )


APPOSED = "である"  # 「江戸川区の友好都市である鶴岡市」: the noun before it names the thing after it


def _set_beside(ctx: Context, events: Sequence[Event], text: str) -> tuple[str, str] | None:
    """「木古内町って江戸川区の友好都市なんですか？」: the record calls another of the same kind that
    (「友好都市である鶴岡市」), so the name the question gives it does not hold: (the noun, that name)."""
    asked = {m.entity_id for m in ctx.query.entities}
    kinds = {ctx.store.entity(m.entity_id).type for m in ctx.query.entities}
    refs = [ctx.store.entity(r) for e in events for r in e.refs]
    for term in sorted(
        (t for t in ctx.query.terms if len(t) >= 2), key=len, reverse=True
    ):  # 友好都市, not 都市
        for entity in refs:
            beside = f"{compact(term)}{APPOSED}{compact(entity.name)}"
            if beside in text and entity.id not in asked and entity.type in kinds:
                return term, entity.name
    return None


def _dates_hold(ctx: Context, answer: Answer) -> bool | None:
    spans = [p for p in ctx.query.premise if not p.attached]
    # 「…は2016年5月26日のシンポジウムでしたか」: a day that names which record, when the record
    # answered is not of that day, is a claim that does not hold
    spans += [
        p
        for p in ctx.query.when.spans
        if not p.attached and not p.relative and not p.any_year and p.grain == "day"
    ]
    recorded = [date.fromisoformat(d) for d in answer.dates[:1] if len(d) == 10]  # the record answered
    if not spans or not recorded:
        return None
    return any(_within(ctx, s, d) for s in spans for d in recorded)


def _person_on_day(ctx: Context, person_id: str) -> Answer | None:
    """「神野先生に顧問をお願いしたのは平成27年9月16日の総会で合ってる？」: the day claimed of the one
    of the person's records that the question's words pick (顧問), checked."""
    query = ctx.query
    days = [p for p in (*query.when.spans, *query.premise) if not p.attached and p.grain in ("day", "month")]
    if not days or not query.terms:
        return None
    undated = dataclasses.replace(query, when=dataclasses.replace(query.when, spans=()), premise=())
    theirs = set(ctx.store.about(person_id))
    ranked = [r.event for r in ctx.selector.best(undated) if r.event in theirs and r.event.date.start]
    if not ranked:
        return None
    event = ranked[0]
    assert event.date.start is not None
    holds = any(_within(ctx, p, event.date.start) for p in days)
    summary = wording.yes_or_no(holds, wording.happened_on(headline(event), format_span(event.date)))
    return ctx.found_record(summary, event, event_lines([event]))


def _within(ctx: Context, span: Period, day: date) -> bool:
    """Whether a recorded day is the one claimed; 「8月6日でしたか」 (no year) by its month and day."""
    if span.any_year:
        return day.month == span.start.month and (span.day is None or day.day == span.start.day)
    return span.start <= day <= _claimed_end(ctx, span)


def _claimed_end(ctx: Context, span: Period) -> date:
    """「2020年から始めたんですよね」: a start claimed from an open range is in its first unit."""
    if span.end == date.max and ctx.query.has("time.started"):
        return first_unit_end(span.start, span.opened)
    return span.end


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
