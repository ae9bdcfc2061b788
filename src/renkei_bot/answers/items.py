"""The N-th item of a record's numbered lines (「第2回の委員会で、議題の2番目は？」): ②…, (2)…, 2.… ."""

from __future__ import annotations

import re

from renkei_bot import wording
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import record_lines
from renkei_bot.answers.model import Answer
from renkei_bot.dates import format_span
from renkei_bot.records import Event

NTH = "番目"  # the unit of 「2番目」 among the question's counted figures
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_NUMBERED = re.compile(r"^[・\s]*(?:([①-⑳])|[(（]([0-9０-９]+)[)）])")


def answer(ctx: Context) -> Answer | None:
    """None unless the question counts an item (N番目) and the record it names numbers its lines."""
    wanted = [n for n, unit in ctx.query.counted if unit == NTH]
    if len(wanted) != 1:
        return None
    best = ctx.selector.best(ctx.query)
    if len(best) != 1:
        return None
    event = best[0].event
    line = _item(event, wanted[0])
    if line is None:
        return None
    summary = wording.nth_item(wanted[0], line.lstrip("・ 　"), event.title, format_span(event.date))
    return ctx.found_record(summary, event, record_lines(event, [line]))


def _item(event: Event, n: int) -> str | None:
    """The line numbered n (②, (2)), the first of them when several lists restart their numbers."""
    for text in event.details:
        m = _NUMBERED.match(text)
        if m is None:
            continue
        number = _CIRCLED.index(m.group(1)) + 1 if m.group(1) else int(m.group(2).translate(_WIDE))
        if number == n:
            return text
    return None


_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
