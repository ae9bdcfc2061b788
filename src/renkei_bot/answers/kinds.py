"""「事例報告をした区を全部教えて」「雪を活用した連携事業をやった区は？」: which places of a kind (区, 町,
県) the record the question is about names, in the lines that say what the question says of them."""

from __future__ import annotations

from renkei_bot import wording
from renkei_bot.answers import pointing
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import record_lines
from renkei_bot.answers.model import Answer
from renkei_bot.dates import format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Entity, Event


def answer(ctx: Context) -> Answer | None:
    query = ctx.query
    kind = query.kind_asked
    if kind is None or query.confirm or query.roles or query.entity_ids("person"):
        return None
    if query.has("count.how_many", "count.figure"):
        return None  # 「何市町村で構成？」「参加した市町村の数」 ask how many
    if {"people", "origin"} & set(query.aspects):
        # 「どこの村の誰？」「どこから来て、どの区が？」: the line that says both answers
        return None
    if any(m.type == kind for m in query.entities):
        return None  # 「品川区で何をした？」 names the place: it is no question of which
    several = _of_period(ctx)
    if several:  # 「令和元年度の全国連携展示ってどこの県の？」: each record of the series that year
        named = [(e, names) for e in several if (names := _places(ctx, e, kind)[0])]
        if len(named) == len(several):
            summary = wording.involved_each(
                [wording.involved_in("、".join(n), e.title, format_span(e.date)) for e, n in named]
            )
            return ctx.found_records(summary, several)
    best = ctx.selector.best(query)
    if len(best) != 1:
        return _across(ctx, [r.event for r in best[:MAX_EACH]], kind)
    event = best[0].event
    names, naming = _places(ctx, event, kind)
    if not names:
        return None
    # counted only when one line names them all (「荒川区、江東区、品川区で…」), not one per line
    said = _with_count(ctx, names) if len(naming) == 1 else "、".join(names)
    summary = wording.involved(said, event.title, format_span(event.date))
    if naming and set(query.aspects) - {"participants", "role"}:
        # 「提案された連携のテーマと、事業をやった区は？」: the line naming them says the rest asked too
        summary = wording.involved(said, naming[0].lstrip("・ 　"), format_span(event.date))
    return ctx.found_record(summary, event, record_lines(event, naming))  # what names them, then the rest


def _with_count(ctx: Context, names: list[str]) -> str:
    """「何区が参加して、どこの区？」: 何 and a counter the names all end in (区) asks how many as well as
    which (なんく, なにく): both, 「荒川区、江東区、品川区の3区」; else the names alone."""
    joined = "、".join(names)
    counters = [h.word[1:] for h in ctx.query.facets if h.word.startswith(_WHICH) and len(h.word) == 2]
    counter = next((c for c in counters if all(n.endswith(c) for n in names)), None)
    return wording.names_counted(joined, len(names), counter) if counter and len(names) > 1 else joined


_WHICH = "何"  # 何区, 何県: the counter after it


MAX_EACH = 4  # the most records of a period answered each with its places
PLACES = frozenset(
    {"ward", "municipality", "prefecture", "region", "partner"}
)  # entity types that are places


def _across(ctx: Context, events: list[Event], kind: str) -> Answer | None:
    """「京都やましろ地域と組んでる区は？」: the places of the kind that the records about what the
    question names name, most named first."""
    subjects = {m.entity_id for m in ctx.query.entities if m.type in PLACES and m.type != kind}
    about = [e for e in events if subjects & set(e.refs)]
    named = [(e, names) for e in about if (names := _places(ctx, e, kind)[0])]
    if not named or not subjects:
        return None
    if len(named) == 1:
        event, names = named[0]
        summary = wording.involved("、".join(names), event.title, format_span(event.date))
        return ctx.found_record(summary, event, record_lines(event, _places(ctx, event, kind)[1]))
    counts: dict[str, int] = {}
    for _, names in named:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    ordered = sorted(counts, key=lambda n: -counts[n])  # stable: first named first among equals
    records = [e for e, _ in named]
    return ctx.found_records(wording.involved_across("、".join(ordered), len(records)), records)


def _fewest_places(lines: list[str], places: list[Entity]) -> list[str]:
    """The lines naming the fewest of the places (one or more): 「事業主体:台東区・墨田区、北海道十勝地域」
    says 十勝's wards, where the line naming all three pairs does not."""
    named = [(sum(any(k in compact(t) for k in _keys(p)) for p in places), t) for t in lines]
    fewest = min((n for n, _ in named if n), default=0)
    return [t for n, t in named if fewest and n == fewest]


def _keys(place: Entity) -> list[str]:
    return [compact(k) for k in (place.name, *place.aliases) if len(k) >= 2]


def _of_period(ctx: Context) -> list[Event]:
    """The records of the series the question names within the period it states, when several."""
    query = ctx.query
    if not query.when.spans or not query.entity_ids("series"):
        return []
    events = ctx.selector.filtered(query, series_only=True)
    return events if 1 < len(events) <= MAX_EACH else []


def _saying_most(ctx: Context, reads: list[tuple[str, str]], words: list[str]) -> list[str]:
    """Of the lines naming places, the one that alone holds a rare word of the question (the rarest
    first): 「トキワ荘の事例報告」 is the item naming トキワ荘, not every item under 「事例報告」."""
    rare = sorted(
        (w for w in words if ctx.selector.idf(w) >= pointing.RARE), key=ctx.selector.idf, reverse=True
    )
    for word in rare:
        holding = [text for text, _ in reads if word in compact(text)]
        if len(holding) == 1:
            return holding
    return []


def _places(ctx: Context, event: Event, kind: str) -> tuple[list[str], list[str]]:
    """The places of `kind` the record names, first named first, and the lines naming them; the
    lines that say what the question does (事例報告, 雪) first, each item read under its heading."""
    places = [e for e in (ctx.store.entity(r) for r in event.refs) if e.type == kind]
    if not places:
        return [], []
    words = [compact(t) for t in ctx.query.terms if len(t) >= 2]
    reads = pointing.in_context(event)
    # the line naming a place the question names (十勝, in a record of two pairs of places), and the
    # fewest others, says which are its partners
    subjects = [
        ctx.store.entity(m.entity_id) for m in ctx.query.entities if m.type in PLACES and m.type != kind
    ]
    pairing = [
        line
        for subject in subjects
        for line in _fewest_places(
            [t for t, read in reads if any(k in compact(read) for k in _keys(subject))], places
        )
    ]
    placed = [(t, read) for t, read in reads if any(k in compact(t) for p in places for k in _keys(p))]
    said = (
        list(dict.fromkeys(pairing))
        or _saying_most(ctx, placed, words)
        or [text for text, read in reads if any(w in compact(read) for w in words)]
        or [t for t, _ in reads]
    )
    found: dict[str, tuple[int, int]] = {}  # each place: where it is first named (line, offset)
    for at, text in enumerate(said):
        flat = compact(text)
        for place in places:
            keys = _keys(place)
            if place.name not in found and any(k in flat for k in keys):
                found[place.name] = (at, min(flat.find(k) for k in keys if k in flat))
    if not found:
        # a title names the place (全国連携展示(奈良県町村)): read it there
        title = compact(event.title)
        found = {
            p.name: (0, title.find(k))
            for p in places
            for k in [compact(x) for x in (p.name, *p.aliases) if len(x) >= 2]
            if k in title
        }
    names = sorted(found, key=found.__getitem__)
    naming = [t for t in said if any(compact(n) in compact(t) for n in names)]
    return names, naming
