"""A record named by the day of another (「連携ニュースの創刊号が出た日の区長会総会で確認したことは？」).

The words before 「…した日の」 name the record that gives the day; the words after it ask about a
record of that day. Each is understood on its own: the first answered as 「いつ？」, the second
answered within that day. None when either finds nothing, so the message is answered whole.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from renkei_bot.answers.model import Answer
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.query import Query

MIN_SIDE = 2  # characters each side of 「日の」 needs to name or ask anything


def of_that_day(
    query: Query,
    today: date,
    *,
    understand: Callable[[str, date], Query],
    respond: Callable[[Query], Answer],
) -> Answer | None:
    """The answer to the words after the day phrase, within the day the words before it name."""
    hit = next((h for h in query.facets if h.name in ("time.day_of_record", "time.day_then")), None)
    if hit is None:
        return None
    # the phrase is 「た 日 の」 or 「た 日 、」: the day's record is named before 日, the question after
    day_at = query.text.rfind("日", hit.begin, hit.end)
    named, asked = query.text[:day_at], query.text[hit.end :]
    if min(len(named), len(asked)) < MIN_SIDE:
        return None
    anchor = respond(dataclasses.replace(understand(named, today), intent="when"))
    day = _first_day(anchor)
    if not anchor.found or day is None:
        return None
    then = understand(asked, today)
    if not (then.entities or then.categories or then.terms):
        return None  # 「…した日、ほかに何があった？」 names no record of its own: the others that day
    that_day = Period(day, day, "day", day.isoformat(), 0, 0)
    within = dataclasses.replace(
        then, when=dataclasses.replace(then.when, spans=(that_day,), anniversary=None)
    )
    result = respond(within)
    # the same record again (「宇治茶を売ってた日、何時から？」 asks of that record itself): no hop
    other = not set(result.record_ids[:1]) & set(anchor.record_ids)
    return result if result.found and other else None


def _first_day(answer: Answer) -> date | None:
    first = answer.dates[0] if answer.dates else ""
    return date.fromisoformat(first) if len(first) == len("2019-03-15") else None
