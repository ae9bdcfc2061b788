"""What is inside an event: its theme, venue, participants, organisers, speakers and their posts."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from datetime import date

from renkei_bot import wording
from renkei_bot.answers import mentioned, pointing, stated
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import (
    KEYED,
    brief,
    cite,
    detail_value,
    event_line,
    event_lines,
    headline,
    iso_dates,
    keyed_details,
    line_ref,
)
from renkei_bot.answers.mentions import pointed_mention, said_on
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.pointing import ITEM_LINE, best_line, keys_of, name_keys, naming
from renkei_bot.answers.select import Ranked
from renkei_bot.answers.subjects import subject_events, titled
from renkei_bot.dates import format_span
from renkei_bot.nlu.query import Query
from renkei_bot.normalize import compact
from renkei_bot.records import Event

MAX_SOURCES = 5
SEVERAL_DETAILS = 3  # details shown per event when several fit equally
MAX_TIED = 6  # more events than this tied at the top: the question is too vague to list them all


def _record_keys(ctx: Context, aspect: str) -> tuple[str, ...]:
    """The words the rows write an aspect with (intents/_facets.yaml, record_keys)."""
    return ctx.vocabulary.facets.record_keys(aspect)


def _content(ctx: Context, event: Event) -> tuple[str, str] | None:
    """The row's 「内容：…」 (a record whose title does not say what it did), labelled."""
    labelled = _label(ctx, "content")
    if labelled is None:
        return None
    label, keys = labelled
    said = _keyed_or_items(event, keys)
    return (label, f"{event.title}: {label}は{said}") if said else None


def _label(ctx: Context, aspect: str) -> tuple[str, tuple[str, ...]] | None:
    """An aspect's label in answers and the keys of the 「key：value」 details holding it (テーマ：…)."""
    spec = ctx.vocabulary.facets.aspect(aspect)
    return (spec.label, spec.value_keys) if spec and spec.label and spec.value_keys else None


def _people_names(ctx: Context, event: Event, kind: str = "person") -> list[str]:
    """The names (compacted) of the record's references of one kind: its people, or its venues."""
    names: list[str] = []
    for ref in event.refs:
        entity = ctx.store.entity(ref)
        if entity.type == kind:
            names += [compact(entity.name), *(compact(a) for a in entity.aliases)]
    return [n for n in names if len(n) >= 2]


def preferred(ctx: Context, texts: list[str]) -> list[str]:
    named = set(naming_in(ctx, texts))
    return [t for t in texts if t in named] + [t for t in texts if t not in named]


def naming_in(ctx: Context, texts: Sequence[str]) -> list[str]:
    keys = keys_of(ctx)
    return [t for t in texts if any(k in compact(t) for k in keys)]


def aspect_details(ctx: Context, event: Event, aspects: Sequence[str]) -> list[str]:
    """The details of an event that answer the aspects asked for (all of them when none is asked)."""
    wanted = [k for a in aspects for k in _record_keys(ctx, a)]
    if not wanted:
        return list(event.details)
    people = _people_names(ctx, event) if {"people", "affiliation"} & set(aspects) else []
    # 「どこで」 of a record with no venue of its own: the line naming a place it refers to
    if "venue" in aspects and not event.venue:
        people += _people_names(ctx, event, "venue")
    named = set(naming(ctx, event))
    picked = [
        d
        for d in event.details
        if any(k in d for k in wanted) or any(p in compact(d) for p in people) or d in named
    ]
    if "venue" in aspects and event.venue and not any(event.venue in d for d in picked):
        picked.insert(0, f"会場: {event.venue}")
    ordered = preferred(ctx, picked)
    if "people" not in aspects[:1]:
        return ordered
    # 「誰が出た？」: a line naming someone (a name, a post: 事務局調査第1課長) before a heading that only
    # has the aspect's word (③基調講演); the lines naming what the question names stay first
    spec = ctx.vocabulary.facets.aspect("people")
    posts = spec.people_words if spec else ()
    named_by_question = set(naming_in(ctx, ordered))
    extra = [d for d in event.details if d not in picked and any(w in d for w in posts)]

    def names_someone(line: str) -> bool:
        return any(p in compact(line) for p in people) or any(w in line for w in posts)

    return sorted([*ordered, *extra], key=lambda d: (d not in named_by_question, not names_someone(d)))


def direct_value(ctx: Context, event: Event, aspects: Sequence[str]) -> tuple[str, str] | None:
    """「テーマは？」 gets 「テーマは…です」 when the row states exactly that (the one naming what the
    question names, when the row states it more than once: 事業主体 of (1) 十勝 and (2) やましろ).
    Only the aspect asked last counts: in 「SDGsがテーマの講演会で講演したのは誰」 the theme qualifies."""
    for aspect in [a for a in aspects if a not in ("content", "role")][:1]:
        labelled = _label(ctx, aspect)
        if labelled is None:
            continue
        label, keys = labelled
        if aspect == "venue" and event.venue:
            return label, event.venue
        own_asked = aspect == "theme" and not ctx.query.has("theme.of_record")  # not 「…講演会のテーマ」
        if own_asked and (own := _own_title(ctx, event)) is not None:
            return label, own  # 「熊倉先生の講義タイトル」: her talk's, not the whole lecture's
        # 「後援は？」: the row's 後援: part, named by the word asked, before the aspect's own keys (主催)
        word = _asked_key(ctx, aspect)
        values = [v for k, v in keyed_details(event) if any(key in k for key in keys)]
        if word and (said := [v for v in values if _labels(v, word)]):
            return word, _segment(preferred(ctx, said)[0], (word,))
        if values:
            return label, _segment(preferred(ctx, values)[0], keys)
    return None


def _asked_key(ctx: Context, aspect: str) -> str:
    """The word the question asks an aspect with, when the rows write that aspect with it too
    (後援 and 共催 of aspect.organizer); else ''."""
    keys = _record_keys(ctx, aspect)
    return next((h.word for h in ctx.query.facets if h.name == f"aspect.{aspect}" and h.word in keys), "")


def _labels(value: str, key: str) -> bool:
    """Whether a 「key：value」 detail's value has a part labelled `key` (「主催:… 後援:千代田区」)."""
    return _segment(value, (key,)) is not value


# a whole title in quotes (「…」 熊倉 純子, 「…」について), not a phrase quoted inside one (～「…」～)
_QUOTED_TITLE = re.compile(r"「([^「」]+)」(?=\s|$|について)")


def _own_title(ctx: Context, event: Event) -> str | None:
    """The title in quotes on the line naming the person the question names (a relay lecture's
    ①「地域参加型アートプロジェクトの可能性」 熊倉 純子 …), if there is one."""
    people = [compact(m.name) for m in ctx.query.entities if m.type == "person"]
    for line in event.details if people else ():
        if any(p in compact(line) for p in people) and (quoted := _QUOTED_TITLE.search(line)):
            return f"「{quoted.group(1)}」"
    return None


def _segment(value: str, keys: Sequence[str]) -> str:
    """「主催:第一生命保険株式会社 後援:東京都 特別協力:…」: the part the asked key labels."""
    for key in keys:
        m = re.search(rf"(?:^|\s){re.escape(key)}[:：]\s*(.+?)(?=\s+[^\s:：]+[:：]|$)", value)
        if m is not None:
            return m.group(1)
    return value


def _partners_of(ctx: Context, event: Event) -> list[str]:
    """The partners of the kind the question names (町村会, 市長会) that the row is about."""
    kinds = tuple(h.word for h in ctx.query.facets if h.name.startswith("kind."))
    if not kinds and not ctx.query.has("subject.partner"):
        return []
    named = set(ctx.query.entity_ids("partner"))
    partners = [ctx.store.partner(ref) for ref in event.refs if ref not in named]
    return [p.name for p in partners if p is not None and (not kinds or p.name.endswith(kinds))]


def sub_item_value(ctx: Context, event: Event, aspects: Sequence[str]) -> tuple[str, str, str] | None:
    """A row listing items ((3)お茶の淹れ方講座, then ①日時:… ②会場:…): the asked aspect written under
    the item the question names, as (label, value, the item's line)."""
    asked = [a for a in aspects if a not in ("content", "role", "time")][:1]  # the time: its mention
    labelled = _label(ctx, asked[0]) if asked else None
    words = [compact(t) for t in ctx.query.terms if len(t) >= 3]
    if labelled is None or not words:
        return None
    label, keys = labelled
    for i, heading in enumerate(event.details):
        if ITEM_LINE.match(heading) or not any(w in compact(heading) for w in words):
            continue
        for line in event.details[i + 1 :]:
            if not ITEM_LINE.match(line):
                break
            m = KEYED.match(line)
            if m and any(k in m.group(1) for k in keys):
                return label, m.group(2).strip(), heading
    return None


PERSON_LINE = 60  # characters of a line naming someone, in a first line listing several records


def person_line(ctx: Context, event: Event) -> str | None:
    """The line of a record that best names who was asked about, shortened for a list."""
    lines = [t for t in event.details if _names_someone(ctx, event, t)]
    if not lines:
        return None
    listed = _listed_under(ctx, event)
    line = "、".join(listed) if listed else best_line(ctx, lines, ["people"]).lstrip("・ ")
    if len(line) <= PERSON_LINE:
        return line
    # the name and post close a lecture's line (…教授 広井 良典 氏): its start and its end are kept
    head = PERSON_LINE // 3
    return line[:head] + "…" + line[-(PERSON_LINE - head - 1) :]


def _names_someone(ctx: Context, event: Event, text: str) -> bool:
    """Whether one line of a record names a person: a person it refers to, 氏, or a post word."""
    spec = ctx.vocabulary.facets.aspect("people")
    words = ("氏", *(spec.people_words if spec else ()))
    flat = compact(text).replace("区長会", "").replace("市長会", "")
    return any(n in flat for n in _people_names(ctx, event)) or any(w in flat for w in words)


def _where_asked(ctx: Context) -> bool:
    """「会場は？」「どこでやった？」 ask where it was held; a bare 「どこ」 may ask which body (「どこの会？」)."""
    wh = set(ctx.query.facet_words("wh"))
    said = ctx.query.has("venue.word") or any(w not in wh for w in ctx.query.facet_words("aspect.venue"))
    return not ctx.query.confirm and said


_CLOCK = re.compile(r"[0-9０-９]{1,2}[:：][0-9０-９]{2}|[0-9０-９]{1,2}時")  # 10:30, 14時 in a row's lines


def _says_time(ctx: Context, event: Event) -> bool:
    """Whether the record gives an hour: a 日時 line, or a clock time in any line."""
    keys = _record_keys(ctx, "time")
    return any(k in d for d in event.details for k in keys) or any(_CLOCK.search(d) for d in event.details)


def _names_venue(ctx: Context, event: Event) -> bool:
    """Whether the record says where: a venue, a place it refers to, or a line with a venue's word."""
    if event.venue or any(
        ctx.store.entity(r).type in ("venue", "municipality", "prefecture") for r in event.refs
    ):
        return True
    keys = _record_keys(ctx, "venue")
    return any(k in text for text in (event.title, *event.details) for k in keys)


def _names_people(ctx: Context, event: Event) -> bool:
    """Whether the record names anyone: a person it refers to, or a speaker, panel or post word."""
    if _people_names(ctx, event):
        return True
    spec = ctx.vocabulary.facets.aspect("people")
    words = (*_record_keys(ctx, "people"), *(spec.people_words if spec else ()))
    # 区長会 and 市長会 are bodies, not people
    texts = [t.replace("区長会", "").replace("市長会", "") for t in (event.title, *event.details)]
    return any(k in text for text in texts for k in words)


def _named_beside(ctx: Context, event: Event, value: str) -> str | None:
    """The one line of the record naming a name the question gives beside the record (its title does
    not name it) when the aspect's value does not name it either; None otherwise."""
    if ctx.query.confirm:
        return None  # a yes/no checks the value itself
    if ctx.query.has("theme.of_record"):
        return None  # 「ソトコトの編集長が登壇した講演会のテーマ」: the meeting's theme, not the talk's line
    title = compact(event.title)
    # 「小田切先生の講演タイトル」: that person's own talk, not the theme of the whole lecture meeting
    types = (*BESIDE_TYPES, "person") if ctx.query.has("aspect.talk") else BESIDE_TYPES
    keys = [
        compact(m.surface)
        for m in ctx.query.entities
        if m.type in types and not ctx.store.entity(m.entity_id).own and compact(m.surface) not in title
    ]
    if not keys or any(k in compact(value) for k in keys):
        return None
    return pointing.pointed_line(ctx, event)


# a company or a ward named beside a record is one line's (ソトコト編集長 …, ③豊島区「トキワ荘」); a
# person is often the record's main speaker, whose line is no answer to the record's theme
BESIDE_TYPES = ("company", "ward")


def _says_asked(ctx: Context, line: str, aspects: Sequence[str]) -> bool:
    """Whether a detail holds the asked aspect's words or a name the question gives."""
    primary = [a for a in aspects if a not in ("content", "role")][:1]
    words = [k for a in primary for k in _record_keys(ctx, a)] + keys_of(ctx)
    words += [h.word for h in ctx.query.facets if h.name in {f"aspect.{a}" for a in primary}]
    if primary == ["name"]:  # 「パンのお祭りの名前は」: the name holds the question's own words
        words += [t for t in ctx.query.terms if len(t) >= 2]
    flat = compact(line)
    return not primary or primary == ["content"] or any(compact(w) in flat for w in words if w)


RELATED = 0.8  # other events scoring this share of the best are shown as related
CLOSE = 0.8  # events scoring this share of the best are close enough to prefer one that states the aspect


def _stating(ctx: Context, event: Event, ranked: Sequence[Ranked]) -> Event:
    """Among the events that fit nearly as well, the first that states what was asked (「何市何町何村」
    → the row giving 5市・6町・1村), else the best one."""
    asked = [
        a for a in ctx.query.aspects if _label(ctx, a) is not None and a != "venue"
    ]  # a title often names the place
    if not asked or direct_value(ctx, event, asked) is not None:
        return event
    close = [r.event for r in ranked if r.score >= CLOSE * ranked[0].score]
    return next((e for e in close if direct_value(ctx, e, asked) is not None), event)


def detail(ctx: Context) -> Answer:
    claimed_ids = [m.entity_id for m in ctx.claimed_for_aspect()] if ctx.query.confirm else []
    # 「ねぎサミットの主催は特別区長会だった？」: the claim is checked on the record, it does not choose it
    best = (claimed_ids and ctx.selector.best(ctx.query, skip=claimed_ids)) or ctx.selector.best(
        _unquoted(ctx)
    )
    if not best:
        return ctx.nothing()
    aspects = ctx.query.aspects
    if "address" in aspects:
        # the address of a place the question names, or of where the record it asks about was held
        located = stated.address(ctx, [r.event for r in best])
        if located.found or "venue" not in aspects or ctx.query.entity_ids("venue"):
            return located
    # 「全国連携展示の第1回は」 of a series numbered anew each 年度, no year said: the very first
    first_of_all = ctx.query.ordinal == 1 and not ctx.query.when.spans
    order = ctx.query.order or ("first" if first_of_all else None)
    series = ctx.query.entity_ids("series")
    if order and series and not ctx.query.ordinal:
        # 「魅力発信イベントの記念すべき初回は」: the first of the series, whichever record its other
        # words (記念 of 開催記念セレモニー) would rank first
        best = ctx.selector.rank(ctx.query, _of_series(ctx, series)) or best
    if len(best) > 1 and order:  # 「最初のシンポジウムの基調講演は誰」: the first of them
        dated = sorted(
            best,
            key=lambda r: (
                r.event.date.start or r.event.date.after or date.max,
                ctx.store.position(r.event.id),
            ),
        )
        best = dated[:1] if order == "first" else dated[-1:]
    if ctx.query.has("ask.by_year") and series and not ctx.query.confirm:
        # 「東北絆まつりへの協力、開催年ごとに場所と日にち」: every one of the series, each with what is asked
        own = _of_series(ctx, series)
        if len(own) > 1:
            return _several(ctx, own)
    if 1 < len(best) <= MAX_TIED:
        return _several(ctx, [r.event for r in best])
    # one ranking of everything the question touches serves both the choice and the related lines
    pool = ctx.selector.filtered(ctx.query, strict=False)
    ranked = ctx.selector.rank(ctx.query, pool, skip=claimed_ids, floor=min(CLOSE, RELATED)) or best
    event = _stating(ctx, best[0].event, ranked)
    if "people" in aspects and not _names_people(ctx, event):
        return ctx.not_found(wording.people_not_recorded(event.title), lines=(event_line(event),))
    if (
        aspects[:1] == ("venue",)
        and _where_asked(ctx)
        and not _names_venue(ctx, event)
        and not _said_elsewhere(ctx, event)
    ):
        # 「第一生命との協定締結式の会場は？」: a record that says nothing of where
        return ctx.not_found(wording.venue_not_recorded(event.title), lines=(event_line(event),))
    if aspects[:1] == ("time",) and not _says_time(ctx, event):
        # 「シンポジウムは何時から何時まで？」: a record that gives its day but no hour
        said = wording.time_not_recorded(event.title, format_span(event.date))
        return ctx.not_found(said, lines=(event_line(event),))
    picked = aspect_details(ctx, event, aspects) or list(event.details)
    summary = wording.detail_of(headline(event), format_span(event.date))
    direct = direct_value(ctx, event, aspects)
    keys = _record_keys(ctx, aspects[0]) if aspects else ()
    unsaid = bool(keys) and not any(k in d for d in event.details for k in keys)
    labelled = _label(ctx, aspects[0]) if aspects else None
    if ctx.query.confirm and claimed_ids and direct is None and unsaid and labelled is not None:
        # 「ねぎサミットの主催は特別区長会だった？」 of a record that names no 主催: neither はい nor いいえ
        return ctx.not_found(
            wording.aspect_not_recorded(event.title, labelled[0]), lines=(event_line(event),)
        )
    mention = pointed_mention(ctx, event)
    item = sub_item_value(ctx, event, aspects)
    listed: list[str] = []  # the people under a line naming the role asked (パネリスト)
    asks_body = "participants" in aspects or ctx.query.has("subject.partner")
    bodies = _partners_of(ctx, event) if asks_body else []
    if bodies:  # 「ラベンダー植栽イベントってどこの町村会がらみ？」: the partner the row is about
        summary = wording.involved("、".join(bodies), event.title, format_span(event.date))
    elif item is not None:  # 「お茶の淹れ方講座はどこで」: the venue written under that item of the row
        label, value, heading = item
        day = said_on(event, mention) if mention is not None else format_span(event.date)
        summary = wording.item_answer(heading, label, value, event.title, day)
        start = event.details.index(heading)
        picked = [heading, *itertools.takewhile(ITEM_LINE.match, event.details[start + 1 :])]
    elif mention is not None:  # 「お茶の淹れ方講座は何時から」: a sub-item of the row, with its own date
        summary = wording.mentioned_on(mention.text, said_on(event, mention), event.title)
        picked = [d for d in picked if compact(mention.text) in compact(d)] or picked
    elif (
        direct is not None
        and not (aspects[:1] == ("venue",) and event.venue)  # its own venue: 第一生命 beside it is no place
        and (beside := _named_beside(ctx, event, direct[1])) is not None
    ):
        # 「ソトコト編集長の講演タイトルは」: the line naming what the question names beside the record,
        # not the record's own theme
        summary = wording.detail_line(beside, event.title, format_span(event.date))
    elif direct is not None:
        summary = wording.aspect_answer(direct[0], direct[1], event.title, format_span(event.date))
        # (「…やったって本当？会場も知りたい」: an aspect asked as well is asked, nothing is claimed of it)
        claimed = list(ctx.claimed_for_aspect()) or [
            m
            for m in ctx.query.entities
            if m.type != "series" and m.entity_id != event.series and not ctx.query.has("ask.also")
        ]
        if ctx.query.confirm and ctx.query.quoted and ctx.query.aspects:
            # 「…のテーマ、「食べておいしい ちばの味」だった？」: the words quoted are the value, or not
            value = compact(direct[1])
            summary = wording.yes_or_no(all(compact(q) in value for q in ctx.query.quoted), summary)
        elif ctx.query.confirm and claimed:  # 「…って特別区長会の主催だったっけ？」: in the value, or not
            value = compact(direct[1])
            names = [(compact(m.surface), compact(ctx.store.entity(m.entity_id).name)) for m in claimed]
            summary = wording.yes_or_no(all(a in value or b in value for a, b in names), summary)
    elif aspects:
        people = "people" in aspects[:1]
        # a line that names someone (the title may: 「西川…会長が石破…大臣を訪問」); for anything else a
        # detail, not the title the question already names (「…を紹介したのはどこの市？」)
        candidates = [event.title, *picked] if people or not picked else list(picked)
        if people:
            # a line naming a person the record refers to, before one that only gives a post (顧問)
            named = [t for t in candidates if any(n in compact(t) for n in _people_names(ctx, event))]
            posts = [t for t in candidates if _names_someone(ctx, event, t)]
            candidates = named or posts or candidates
        first_said = people and ctx.query.order == "first" and len(best) == 1  # 「最初に話した先生」
        # names in the title (or the venue, unless asked) say which record; a name in the title is
        # often who is asked (西川会長)
        venue = "" if "venue" in aspects[:1] else (event.venue or "")
        title = "" if people else f"{event.title} {venue}"
        line = (candidates[0] if first_said else best_line(ctx, candidates, aspects, title=title)).lstrip(
            "・ "
        )
        listed = _listed_under(ctx, event) if "people" in aspects else []
        if listed:  # 「パネリストは？」: the people listed under the line that names the asked role
            summary = wording.detail_line("、".join(listed), event.title, format_span(event.date))
        elif _says_asked(ctx, line, aspects) and (line != event.title or "people" in aspects[:1]):
            summary = wording.detail_line(line, event.title, format_span(event.date))
        else:  # no detail says it: the title does (全国連携展示(埼玉県町村) for どこの県の)
            summary = wording.these_records(facts(ctx, [event]), 1)
    elif (pointed := pointing.pointed_line(ctx, event)) is not None:
        # 「ソトコトの編集長って講演会に来たことある？」: the line naming what the question names
        summary = wording.detail_line(pointed, event.title, format_span(event.date))
    topic_line = None if listed else _topic_line(ctx, event, summary)
    if topic_line is not None:  # 「協力に入ってた新聞社ってどこ？」: the line that names one
        summary = wording.detail_line(topic_line, event.title, format_span(event.date))
    summary += _other_aspects(ctx, event, aspects, summary)
    counters = tuple(ctx.vocabulary.record_counters)
    times_asked = any(w.endswith(counters) for w in ctx.query.facet_words("count.how_many"))
    if times_asked and ctx.query.entities:
        # 「何回参画した？会場はどこ？」: how many times first, then what was asked of them
        times = len({e.lines for e in titled(ctx, subject_events(ctx) or [])})  # as events.count counts
        summary = wording.times(times) + summary if times else summary
    others = [r.event for r in ranked[1:3] if r.score >= RELATED * ranked[0].score and r.event.id != event.id]
    lines = [Line(d, source=line_ref(event.lines)) for d in picked]
    lines += _said_elsewhere(ctx, event)
    lines += [event_line(e, prefix=wording.ALSO) for e in others]
    return ctx.found(
        summary,
        title=event.title[:150],
        lines=tuple(lines),
        sources=tuple(cite(e) for e in [event, *others][:MAX_SOURCES]),
        dates=(mention.date.isoformat(),) if mention else iso_dates([event]),
        record_ids=(event.id,),
    )


def _unquoted(ctx: Context) -> Query:
    """A yes/no about an aspect (「テーマ、「…」だった？」): what it quotes is the claimed value, so the
    record is chosen by the rest (its name, number, year), when that still chooses one."""
    query = ctx.query
    if not (query.confirm and query.quoted and query.aspects):
        return query
    said = [compact(q) for q in query.quoted]
    rest = tuple(t for t in query.terms if not any(compact(t) in q for q in said))
    unquoted = dataclasses.replace(query, terms=rest, names=())
    return unquoted if ctx.selector.best(unquoted) else query


def _listed_under(ctx: Context, event: Event) -> list[str]:
    """「パネリストは誰？」: a line naming the role the question asks (「パネリスト」「パネルディスカッション
    (パネリスト)」) and nobody, then the lines naming people under it, up to one naming another role
    (コーディネーター 目黒…). [] when no such line and list."""
    spec = ctx.vocabulary.facets.aspect("people")
    roles = [compact(k) for k in (spec.record_keys if spec else ()) if len(k) >= 2]
    asked = [r for r in roles if any(r in compact(t) for t in ctx.query.terms)]
    for i, heading in enumerate(event.details):
        flat = compact(heading)
        if not any(r in flat for r in asked) or _names_someone(ctx, event, heading):
            continue
        under: list[str] = []
        for line in event.details[i + 1 :]:
            other_role = any(r in compact(line) for r in roles if r not in flat)
            if other_role or not _names_someone(ctx, event, line):
                break
            under.append(line.lstrip("・ "))
        # 「事例報告で荒川区から出たのは」: a name the question gives picks its line; else
        # 「パネリストで町長さんがいたと思うんだけど」: the question's other words narrow the list
        names = [k for k in name_keys(ctx) if k not in flat]
        of_names = [u for u in under if any(k in compact(u) for k in names)]
        words = [w for t in ctx.query.terms if len(t) >= 2 and (w := compact(t)) not in flat]
        narrowed = [u for u in under if any(w in compact(u) for w in words)]
        return of_names or narrowed or under
    return []


def _topic_line(ctx: Context, event: Event, summary: str) -> str | None:
    """The detail that names the kind of thing asked about (新聞社, 銀行), when the answer does not."""
    topic = ctx.query.topic
    if topic is None or topic[0] in summary or ctx.asking_word(topic[0]) or len(topic[0]) < 2:
        return None
    if topic[0] in event.title:  # 「坂井市と品川区の連携事業って、どこで何を」: the topic names the record
        return None
    if ctx.query.has("ask.when", "aspect.time", "time.until"):
        return None  # 「講座は何時から？」 asks when, of the thing it names
    lines = [d.lstrip("・ ") for d in event.details if topic[0] in d]
    return lines[0] if len(lines) == 1 else None


def _other_aspects(ctx: Context, event: Event, aspects: Sequence[str], said: str) -> str:
    """「基調講演は誰で、テーマは何？」: the first line answers the aspect asked last; the others follow
    in the same line, each as the record states it (unless the first answer already holds it)."""
    asked = [a for a in aspects if a not in ("content", "role")][1:]
    more = "".join(s for value, s in _aspect_values(ctx, event, asked) if value.rstrip("…") not in said)
    # 「どこでやって、何した？」: what the row's 内容 says, after the aspect answered first
    if "content" in aspects and (labelled := _label(ctx, "content")) is not None:
        value = _keyed_or_items(event, labelled[1])
        if value and value not in said:
            more += wording.aspect_value(labelled[0], value)
    return more


CONTENT_ITEMS = 4  # items of a 「内容：」 heading said in a first line, at most


def _keyed_or_items(event: Event, keys: Sequence[str]) -> str | None:
    """A 「key：value」 detail's value, or the numbered items under a bare 「key：」 heading."""
    value = detail_value(event, *keys)
    if value:
        return value
    for at, line in enumerate(event.details):
        if any(line.lstrip("・ ").rstrip(":：") == key for key in keys):
            items = list(itertools.takewhile(ITEM_LINE.match, event.details[at + 1 :]))[:CONTENT_ITEMS]
            return "、".join(i.lstrip("・ ") for i in items) or None
    return None


def aspects_said(ctx: Context, event: Event, aspects: Sequence[str]) -> str:
    """What the record states of each aspect, as sentences to follow a first answer."""
    return "".join(s for _, s in _aspect_values(ctx, event, aspects))


def _aspect_values(ctx: Context, event: Event, aspects: Sequence[str]) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for aspect in aspects:
        if aspect == "people":
            line = person_line(ctx, event)
            if line:
                parts.append((line, wording.record_says(line)))
            continue
        value = direct_value(ctx, event, [aspect])
        if value is not None:
            parts.append((value[1], wording.aspect_value(value[0], value[1])))
    return parts


def _said_elsewhere(ctx: Context, event: Event) -> list[Line]:
    """What other rows write about this event's day (L51 lists 「第2回 京都開催(12/13)」 for L55)."""
    if event.date.start is None or event.date.precision != "day":
        return []
    return [
        Line(wording.said_in(mention.text, other.title), source=line_ref(other.lines))
        for other, mention in ctx.selector.mentions_on(event.date.start)
        if other.id != event.id
    ]


def _of_series(ctx: Context, series: Sequence[str]) -> list[Event]:
    """The records of the series named, within the question's period."""
    return [e for e in ctx.selector.filtered(ctx.query, series_only=True) if e.series in series]


def _several(ctx: Context, events: list[Event]) -> Answer:
    """Several events fit equally (平成30年度の全国連携展示): each with what was asked of it."""
    lines: list[Line] = []
    for event in events:
        lines.append(event_line(event))
        direct = direct_value(ctx, event, ctx.query.aspects)
        if direct is not None:
            lines.append(Line(f"　{direct[0]}: {direct[1]}", source=line_ref(event.lines)))
        elif ctx.query.aspects:
            shown = aspect_details(ctx, event, ctx.query.aspects)[:SEVERAL_DETAILS]
            lines.extend(Line(f"　{d.lstrip('・ ')}", source=line_ref(event.lines)) for d in shown)
    lines += mentioned.editions_elsewhere(ctx, events)  # 東北絆まつり2020: postponed, a mention
    summary = wording.these_records(facts(ctx, events), len(events))
    if ctx.query.has("count.how_many") and stated.counter_asked(ctx) is None:
        summary = wording.times(len(events)) + summary  # 「何回出てくる？会場はどこ？」: the count first
    return ctx.found(
        summary,
        title=ctx.label()[:150],
        lines=tuple(lines),
        sources=tuple(cite(e) for e in events[:MAX_SOURCES]),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def post_holder(ctx: Context) -> Answer | None:
    """「群馬県町村会の会長は誰？」: the records that name that post of that body, or a plain "not
    recorded" (the bot never guesses who holds a post)."""
    for entity_id, post in ctx.query.roles:
        entity = ctx.store.entity(entity_id)
        keys = {
            compact(entity.name),
            *(compact(m.surface) for m in ctx.query.entities if m.entity_id == entity_id),
        }
        lines: list[Line] = []
        events: list[Event] = []
        named = False  # whether a line of the post names the person who held it
        for event in ctx.store.about(entity_id):
            for text in (event.title, *event.details):
                flat = compact(text)
                if any(k in flat for k in keys) and post in flat:
                    lines.append(
                        Line(f"{format_span(event.date)}　{text.lstrip('・ ')}", source=line_ref(event.lines))
                    )
                    events.append(event)
                    named = named or any(n in flat for n in _people_names(ctx, event))
        if not lines:
            return ctx.not_found(wording.role_not_recorded(entity.name, post))
        if not named and ctx.query.has("aspect.name", "aspect.people"):
            # 「開祭式に出た中野区長って、お名前は？」: the records give the post, not the name
            return ctx.not_found(wording.role_not_recorded(entity.name, post), lines=tuple(lines))
        return ctx.found(
            wording.role_recorded(entity.name, post, lines[0].text.split("　", 1)[-1]),
            title=f"{entity.name}の{post}",
            lines=tuple(lines),
            sources=tuple(cite(e) for e in events[:MAX_SOURCES]),
            dates=iso_dates(events),
            record_ids=tuple(dict.fromkeys(e.id for e in events)),
        )
    return None


def who(ctx: Context) -> Answer:
    if "content" in ctx.query.aspects[:1]:  # 「知事が来た日に何が決まったの？」: what, not who
        return detail(ctx)
    post = post_holder(ctx)
    if post is not None:
        return post
    people = ctx.query.entity_ids("person")
    if people and ("affiliation" in ctx.query.aspects or not ctx.query.terms):
        return person(ctx, people[0])
    if not people and (from_place := person_of_place(ctx)) is not None:
        return from_place
    if "people" not in ctx.query.aspects:
        ctx = ctx.with_aspects("people")
    return detail(ctx)


# the aspects a person's own line answers (who, their name and post, where they came from)
_OF_PEOPLE = frozenset({"people", "participants", "role", "content", "name", "origin"})
_FROM_TYPES = frozenset({"municipality", "ward", "prefecture", "government", "organization", "partner"})
_FROM_PLACE = "person.from_place"  # 「美幌町から」: said right after the place
_NAMED = "氏"  # the records end each person's name with 氏
# one person's part of a line: what comes before the name's 氏, and the post in brackets after it
_PERSON_PART = re.compile(rf"[^{_NAMED}]*?{_NAMED}(?:\s*[(（][^)）]*[)）])?")


def person_of_place(ctx: Context) -> Answer | None:
    """「美幌町から講演会に出てたのは誰？」: the person said to come from a place or body (person.from_place
    right after it): in the best record's lines of people (post name 氏 …, or name 氏(post) on a line of
    its own), each whose part names it; None when none does."""
    if not all(a in _OF_PEOPLE for a in ctx.query.aspects):
        return None  # 「テーマと、内閣府から講演した人」: the person beside another aspect asked
    came = [h.begin for h in ctx.query.facets if h.name == _FROM_PLACE]
    places = [m for m in ctx.query.entities if m.type in _FROM_TYPES and m.end in came]
    if not places:
        return None
    entities = [(m.surface, ctx.store.entity(m.entity_id)) for m in places]
    keys = {compact(k) for surface, e in entities for k in (surface, e.name, *e.aliases) if k}
    for ranked in ctx.selector.best(ctx.query)[:1]:
        event = ranked.event
        named: list[tuple[str, str]] = []  # (the person's part of the line, the line)
        for text in event.details:
            # each person's part: 「post name 氏」, or 「name 氏(post)」 on a line of its own
            people = [p.strip() for p in _PERSON_PART.findall(text) if p.strip()] or [text.strip("・ ")]
            named += [(p, text) for p in people if _NAMED in p and any(k in compact(p) for k in keys)]
        if named:
            said = wording.detail_line("、".join(p for p, _ in named), event.title, format_span(event.date))
            shown = [Line(t) for t in dict.fromkeys(t for _, t in named)]
            return ctx.found_record(said, event, lines=(event_line(event), *shown))
    return None


def _post_line(ctx: Context, keys: Sequence[str], texts: Sequence[str]) -> str | None:
    """The words around the person's name in the line that best fits the question: 「西川 太一郎
    (特別区長会会長・荒川区長)」 for 「何区の区長？」."""
    if not texts:
        return None
    words = [compact(t) for t in ctx.query.terms] + [
        compact(h.word) for h in ctx.query.facets if h.name == "aspect.role"
    ]
    # the line giving a post in brackets after the name says who they are; the question's words pick which
    line = max(
        texts,
        key=lambda t: (
            sum(len(w) for w in words if w and w in compact(t)),
            "(" in t or "（" in t,
            -texts.index(t),
        ),
    )
    flat = compact(line)
    for key in keys:
        at = flat.find(key) if key else -1
        if at >= 0:  # the post may be written before the name (東洋大学国際学部教授 沼尾 波子 氏) or after it
            return flat[max(0, at - POST_SPAN) : at + len(key) + POST_SPAN]
    return None


POST_SPAN = 40  # characters after a name that carry its post and affiliation


def person(ctx: Context, person_id: str) -> Answer:
    """Where a person appears, with the post the record gives them each time."""
    entity = ctx.store.entity(person_id)
    events = ctx.store.about(person_id)
    if not events:
        return ctx.nothing()
    keys = [compact(entity.name), *(compact(a) for a in entity.aliases)]
    lines: list[Line] = []
    said: list[str] = []
    said_in: dict[str, Event] = {}  # each line (compacted): the record it is of
    for event in events:
        for text in (event.title, *event.details):
            if any(k and k in compact(text) for k in keys):
                lines.append(Line(f"{format_span(event.date)}　{text}", source=line_ref(event.lines)))
                said.append(text)
                said_in.setdefault(compact(text), event)
    # the line that says most of what was asked (a post, an affiliation) leads
    post = _post_line(ctx, keys, said)
    # 「どこの大学の先生？」: the kind of body asked (大学) that none of the person's lines names
    kinds = [
        t
        for h in ctx.query.facets
        if h.name == "aspect.affiliation"
        for t in ctx.query.terms
        if t in h.word and not ctx.asking_word(t)  # 大学, not 所属 or 肩書 (words that ask)
    ]
    unsaid = [k for k in kinds if not any(k in text for text in said)]
    if unsaid and said:
        return ctx.not_found(
            wording.affiliation_not_recorded(entity.name, unsaid[0], post or said[0]),
            lines=tuple(lines),
        )
    if post and (of := said_in.get(compact(post))) is not None and compact(post) != compact(of.title):
        # 「熊倉先生ってどこの先生で、何の講演会に出てた？」: the record the post is said in, with its theme
        summary = wording.person_post_in(entity.name, post, format_span(of.date), headline(of), len(events))
    elif post:
        summary = wording.person_post(entity.name, post, len(events))
    else:
        summary = wording.person_recorded(entity.name, len(events))
    return ctx.found(
        summary,
        title=entity.name,
        lines=tuple(lines) or event_lines(events),
        sources=tuple(cite(e) for e in events[:MAX_SOURCES]),
        dates=iso_dates(events),
        record_ids=tuple(e.id for e in events),
    )


def line_of_words(ctx: Context, event: Event) -> str | None:
    """The one detail of a record holding the question's words, or the records' words for them
    (調査 → アンケート), that its headline does not show; None when none or several do."""
    shown = compact(brief(event))
    said = [*ctx.query.terms, *ctx.query.related]
    words = [w for t in said if len(t) >= 2 and (w := compact(t)) not in shown]
    return line_holding([d for d in event.details if compact(d) not in shown], words)


def line_holding(lines: Sequence[str], words: Sequence[str]) -> str | None:
    """The one line holding the most of the (compacted) words, by their length; None when none does
    or several hold as much."""
    held = {d: sum(len(w) for w in words if w in compact(d)) for d in lines}
    best = max(held.values(), default=0)
    top = [d for d, n in held.items() if n == best]
    return top[0].lstrip("・ ") if best and len(top) == 1 else None


def facts(ctx: Context, events: Sequence[Event]) -> str:
    """What the first line says of each event: the asked aspect if the record states it, else its title."""
    parts: list[str] = []
    for event in events[: wording.HEAD_ITEMS]:
        value = direct_value(ctx, event, ctx.query.aspects)
        if value is None and ctx.query.aspects[:1] == ("content",):
            value = _content(ctx, event)  # 「…って何をしたの？」: what the row's 内容 says
        if value is None and ctx.query.aspects[:1] == ("people",):
            said = person_line(ctx, event)  # 「講師は誰」 of several lectures: who spoke at each
            value = ("", said) if said else None
        # 「何をした？」: what the row says it did, not just its title
        # an aspect the row has no key for (どこの区, 何を): what a short title's row says of it
        asks = ctx.query.aspects or ctx.query.has("wh")  # 「第2弾ってどのイベントで」: what the row says
        # a list of one or two says what each was (「北海道町村会との連携(第2弾): すぎなみフェスタ…」)
        text = value[1] if value else brief(event) if asks or len(events) <= 2 else headline(event)
        # 「何で、会場はどこ？」: what, and where; so too for the one record of a period the question
        # names only by its kind (「8年前の今月1日に参画したシンポジウムの会場」)
        unnamed = len(events) == 1 and not ctx.query.entities and bool(ctx.query.when.spans)
        if value and value[0] and ("content" in ctx.query.aspects or unnamed):
            text = f"{headline(event)}（{value[0]}: {value[1]}）"
        parts.append(wording.fact_on(text, format_span(event.date)))
    return wording.joined(parts, len(events))
