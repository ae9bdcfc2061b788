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
    best = ctx.selector.best(query)
    if len(best) != 1:
        return None
    event = best[0].event
    places = [e for e in (ctx.store.entity(r) for r in event.refs) if e.type == kind]
    if not places:
        return None
    # the lines that say what the question does (事例報告, 雪), each item read under its heading
    words = [compact(t) for t in query.terms if len(t) >= 2]
    reads = pointing.in_context(event)
    said = [text for text, read in reads if any(w in compact(read) for w in words)] or [t for t, _ in reads]
    found: dict[str, tuple[int, int]] = {}  # each place: where it is first named (line, offset)
    for at, text in enumerate(said):
        flat = compact(text)
        for place in places:
            keys = [compact(k) for k in (place.name, *place.aliases) if len(k) >= 2]
            if place.name not in found and any(k in flat for k in keys):
                found[place.name] = (at, min(flat.find(k) for k in keys if k in flat))
    if not found:
        return None
    names = sorted(found, key=found.__getitem__)
    naming = [t for t in said if any(compact(n) in compact(t) for n in names)]
    summary = wording.involved("、".join(names), event.title, format_span(event.date))
    return ctx.found_record(summary, event, record_lines(event, naming))  # what names them, then the rest
