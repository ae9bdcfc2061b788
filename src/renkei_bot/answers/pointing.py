"""The line of a record a question points to: the one that says most of what the question names
(its places and people first, then its rare words), read with the item it sits under."""

from __future__ import annotations

import re
from collections.abc import Sequence

from renkei_bot.answers.context import Context
from renkei_bot.normalize import compact
from renkei_bot.records import Event, Mention

NAME_WEIGHT = 3  # a name the question gives, against a topic word, in choosing a record's line
RARE = 3.0  # idf of a question word rare enough that a detail containing it is what was asked about
ITEM_LINE = re.compile(r"^[・\s]*[①-⑳]")  # a line under an item: ①日時:…, ②会場:…


def name_keys(ctx: Context) -> list[str]:
    """The names the question gives, compacted (made once per question: several steps read them)."""
    return list(ctx.selector.of_query(ctx.query, "name_keys", lambda: _name_keys(ctx)))


def _name_keys(ctx: Context) -> list[str]:
    keys = [compact(m.surface) for m in ctx.query.entities if m.type != "series"]
    keys += [compact(ctx.store.entity(m.entity_id).name) for m in ctx.query.entities if m.type != "series"]
    # the project's own body is written many ways in its own chronology (区長会, 事務局): each says it
    own = [ctx.store.entity(m.entity_id) for m in ctx.query.entities if ctx.store.entity(m.entity_id).own]
    keys += [compact(a) for entity in own for a in (*entity.aliases, *ctx.vocabulary.own_staff)]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def keys_of(ctx: Context) -> list[str]:
    """What the question names, to find in an event's details: its entities and its rare words."""
    return list(ctx.selector.of_query(ctx.query, "keys_of", lambda: _keys_of(ctx)))


def _keys_of(ctx: Context) -> list[str]:
    keys = name_keys(ctx)
    keys += [compact(t) for t in ctx.query.terms if len(t) >= 2 and ctx.selector.idf(t) >= RARE]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2]


def naming(ctx: Context, event: Event) -> list[str]:
    """The details of an event that name something the question names (やましろ, 指出, 事例報告)."""
    keys = keys_of(ctx)
    return [d for d in event.details if any(k in compact(d) for k in keys)]


def in_context(event: Event) -> list[tuple[str, str]]:
    """Each line of a record with what it is read under: an item's line (②会場:…) with the item it
    belongs to ((3)お茶の淹れ方講座), any other line alone."""
    out: list[tuple[str, str]] = []
    heading = ""
    previous = ""
    for text in (event.title, *event.details):
        if ITEM_LINE.match(text):
            out.append((text, f"{heading} {text}"))
        else:
            # 「②パネルディスカッション」「パネリスト」「①港区…」: a bare item heads the lines under it
            heading = f"{previous} {text}" if _bare_item(previous) else text
            out.append((text, heading))
        previous = text
    return out


BARE_ITEM = 20  # an item line this short with no 「key:」 is a heading of the lines that follow it


def _bare_item(text: str) -> bool:
    return bool(ITEM_LINE.match(text)) and len(text) <= BARE_ITEM and ":" not in text and "：" not in text


COMMENT_WEIGHT = 5  # per character of a word said after the topic: it says which line of the record


def best_line(ctx: Context, texts: Sequence[str], aspects: Sequence[str], *, title: str = "") -> str:
    """The detail that says most of what the question names, and the asked aspect's word. Names the
    record's `title` holds say which record, not which of its lines (坂井市と品川区の連携事業)."""
    in_title = compact(title)
    keys = [k for k in keys_of(ctx) if not (in_title and k in in_title)]
    primary = [a for a in aspects if a not in ("content", "role")][:1]
    wanted = [k for a in primary for k in ctx.vocabulary.facets.record_keys(a)]
    # the question's own word for the aspect it asks (基調講演, 事例報告) says which line it wants
    asked = [
        compact(h.word)
        for h in ctx.query.facets
        if h.name in {f"aspect.{a}" for a in primary} and len(h.word) >= 2
    ]
    asked += [compact(m.surface) for m in ctx.query.entities if m.type == "person"]

    names = set(name_keys(ctx))  # a name (江東区, 品川区) says which line more than a topic word does
    held = _held_at(ctx)
    keys = [k for k in keys if k not in held]
    flats = [compact(t) for t in texts]
    # a word many of the lines hold (森林 in every line of the 森林環境税 lecture) chose the record, not
    # the line: each word counts for the share of the lines it is in
    holding = {k: sum(k in f for f in flats) for k in keys}

    said = [
        w
        for t in ctx.query.terms
        if len(t) >= 2 and (w := compact(t)) not in held and not (in_title and w in in_title)
    ]
    comment = [compact(t) for t in ctx.query.comment if len(t) >= 2]

    def score(index: int) -> tuple[float, int, int]:
        flat = flats[index]
        named = sum(len(k) * (NAME_WEIGHT if k in names else 1) / holding[k] for k in keys if k in flat)
        named += sum(10 * len(w) for w in asked if w in flat)
        named += sum(COMMENT_WEIGHT * len(w) for w in comment if w in flat)
        # a tie goes to the line holding more of the question's other words (事務局 beside パネル…)
        return named + sum(2 for w in wanted if w in texts[index]), sum(w in flat for w in said), -index

    return texts[max(range(len(texts)), key=score)]


def item_mention(event: Event, read: str, text: str) -> Mention | None:
    """The dated mention written under the same item as a line (`read` as `in_context` gives it)."""
    if read == text:
        return None  # not an item's line
    heading = read.removesuffix(f" {text}")
    reads = {r for _, r in in_context(event)}
    return next((m for m in event.mentions if f"{heading} {m.text}" in reads), None)


def _held_at(ctx: Context) -> list[str]:
    """「浅草でやった…の名前は」「ヒカリエのイベントのコーナーは」: where a record was held says which
    record, not which of its lines, unless the venue is what is asked."""
    if "venue" in ctx.query.aspects[:1]:
        return []
    places = [
        compact(key)
        for m in ctx.query.entities
        if m.type == "venue"
        for key in (m.surface, ctx.store.entity(m.entity_id).name)
    ]
    return places + ([compact(ctx.query.stated_place)] if ctx.query.stated_place else [])


def pointed_line(ctx: Context, event: Event) -> str | None:
    """The one detail of a record that names what the question names beside the record itself: a
    ward or a person its title does not name, written in a single line of the record."""
    title = compact(event.title)
    held = _held_at(ctx)
    # a name the title holds in any of its forms (渋谷 for 渋谷区, Ranzan for 嵐山町) says which record,
    # not which line
    forms = [(m.surface, (e := ctx.store.entity(m.entity_id)).name, *e.aliases) for m in ctx.query.entities]
    in_title = {compact(key) for keys in forms if any(compact(k) in title for k in keys) for key in keys}
    keys = [k for k in name_keys(ctx) if k not in title and k not in held and k not in in_title]
    # where it is named: a line about 新宿区 names it first, one giving a post (新宿区総合政策部) later
    at = sorted(
        (min(f.find(k) for k in keys if k in f), d)
        for d in event.details
        if any(k in (f := compact(d)) for k in keys)
    )
    if not keys:  # 「…のイベントで何の祭りをやった？」: a word of the question one line alone holds
        flats = [compact(d) for d in event.details]
        words = [compact(t) for t in ctx.query.terms if len(t) >= 2 and compact(t) not in title]
        alone: set[str] = set()
        for word in words:
            holding = [d for d, f in zip(event.details, flats, strict=True) if word in f]
            if len(holding) == 1:
                alone.add(holding[0])
        return alone.pop().lstrip("・ ") if len(alone) == 1 else None
    if not at or (len(at) > 1 and at[0][0] == at[1][0]):
        return None
    return at[0][1].lstrip("・ ")
