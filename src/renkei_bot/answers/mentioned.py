"""A series' editions that have no record of their own but that other rows mention: 東北絆まつり2020
(山形) was postponed, and only the 区長会総会 rows of 2020 say so. A list of the series names them too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from renkei_bot import wording
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import line_ref
from renkei_bot.answers.model import Line
from renkei_bot.dates import format_span
from renkei_bot.normalize import compact
from renkei_bot.records import Event

_YEAR = re.compile(r"\d{4}")


def editions_elsewhere(ctx: Context, events: Sequence[Event]) -> list[Line]:
    """Lines of other rows that name an edition (the series' name and a year) none of `events` is."""
    series = [m.entity_id for m in ctx.query.entities if m.type == "series"]
    own = [e for e in events if e.series in series]
    if not series or not own:
        return []
    years = {str(e.date.start.year) for e in own if e.date.start}
    lines: list[Line] = []
    for entity_id in series:
        entity = ctx.store.entity(entity_id)
        names = [compact(n) for n in (entity.name, *entity.aliases) if len(n) >= 3]
        for event in ctx.store.about(entity_id):
            if event.series == entity_id:
                continue
            for detail in event.details:
                flat = compact(detail)
                said = [
                    m.group() for n in names if n in flat and (m := _YEAR.match(flat, flat.find(n) + len(n)))
                ]
                if said and said[0] not in years:
                    text = wording.mentioned_in(format_span(event.date), event.title, detail.lstrip("・ "))
                    lines.append(Line(text, source=line_ref(event.lines)))
                    break
    return lines
