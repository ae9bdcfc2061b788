"""A record named by way of another: by the other's day (「連携ニュースの創刊号が出た日の区長会総会で
確認したことは？」), as the next or the one before it (「広島県町村会の次に協定を結んだ団体は？」), or the
days between two (「ニュース第3号から第4号まで何日空いた？」).

The words before 「…した日の」, 「次」 or 「から」 name the record that gives the day; the rest asks about
a record of that day, the next one after it, or the other end of the interval. Each part is understood
on its own through the engine's steps (`Steps`). A hop returns None when a part finds nothing, and the
message is then answered whole, as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from renkei_bot import wording
from renkei_bot.answers.calendar import DIRECTIONS, MONTHS_OR_YEARS
from renkei_bot.answers.model import Answer, Line
from renkei_bot.dates import format_date, whole_months
from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.query import BRACKETED, Query

MIN_SIDE = 2  # characters each side of 「日の」 needs to name or ask anything


Kinds = Callable[[Sequence[str]], frozenset[str]]  # the series and categories of an answer's records


@dataclass(frozen=True, slots=True)
class Steps:
    """The engine's own steps a hop is made of: `understand` a text as of a day, `respond` to a
    query, and the `kinds` (series, categories) of an answer's records."""

    understand: Callable[[str, date], Query]
    respond: Callable[[Query], Answer]
    kinds: Kinds
    # the items of the record a query names that it does not name (a meeting's other agenda), if any
    others: Callable[[Query], Answer | None] = lambda query: None
    # the line a record (an event or a partner, by id) is listed with, if it is one
    line: Callable[[str], Line | None] = lambda record_id: None

    def day_of(self, text: str, today: date) -> tuple[Answer, date] | None:
        """The record `text` names, answered as 「いつ？」, and its first day; None without one."""
        anchor = self.respond(asked_when(self.understand(text, today)))
        day = _first_day(anchor)
        return (anchor, day) if anchor.found and day is not None else None


def asked_when(named: Query) -> Query:
    """The words naming a record, read as 「いつ？」 of it: an agreement's day keeps its intent, and what
    else it asks (どこ) is for the other side."""
    if named.intent == "agreement_date":
        return dataclasses.replace(
            named, aspects=(), facets=tuple(h for h in named.facets if not h.name.startswith("aspect."))
        )
    return dataclasses.replace(named, intent="when")


def of_that_day(query: Query, today: date, steps: Steps) -> Answer | None:
    """The answer to the words after the day phrase, within the day the words before it name."""
    hit = next((h for h in query.facets if h.name in ("time.day_of_record", "time.day_then")), None)
    if hit is None:
        return None
    # the phrase is 「た 日 の」 or 「た 日 、」: the day's record is named before 日, the question after
    day_at = query.text.rfind("日", hit.begin, hit.end)
    named, asked = query.text[:day_at], query.text[hit.end :]
    if min(len(named), len(asked)) < MIN_SIDE:
        return None
    found = steps.day_of(named, today)
    if found is None:
        return None
    anchor, day = found
    then = steps.understand(asked, today)
    # 「申入れを扱った日、ほかにどんな議題が？」: the other items of that day's record, if it has several
    others = [h for h in then.facets if h.name == "time.others"]
    names = bool(then.entities or then.categories or then.terms)
    # 「…が出た日、区長会総会もありました？」 asks whether that record was there, not what else was
    if others and not (then.confirm and names):
        record = steps.understand(named, today)
        items = steps.others(dataclasses.replace(record, facets=(*record.facets, *others)))
        if items is not None:
            return items
    if not names:
        return None  # 「…した日、ほかに何があった？」 names no record of its own: the others that day
    that_day = Period(day, day, "day", day.isoformat(), 0, 0)
    if then.confirm:  # 「区長会総会もありました？」: that record on that day, not the others beside it
        then = dataclasses.replace(then, facets=tuple(h for h in then.facets if h.name not in _ALSO))
    within = dataclasses.replace(
        then, when=dataclasses.replace(then.when, spans=(that_day,), anniversary=None)
    )
    result = steps.respond(within)
    # 「…が出た日、講演会もありました？」: no record of that day is one (an answer from other days
    # is none of that day's either)
    if then.confirm and (not result.found or day.isoformat() not in result.dates):
        said = next(iter([m.name for m in then.entities] or [*then.categories, *then.terms]))
        return Answer(
            question=query.raw,
            intent="events_in_period",
            found=True,
            summary=wording.yes_or_no(False, wording.none_that_day(format_date(day), said)),
            lines=_first_line(anchor, steps),
            sources=anchor.sources[:1],
            dates=(day.isoformat(),),
            record_ids=anchor.record_ids[:1],
        )
    # the same record again (「宇治茶を売ってた日、何時から？」 asks of that record itself): no hop
    other = not set(result.record_ids[:1]) & set(anchor.record_ids)
    return result if result.found and other else None


def _first_line(answer: Answer, steps: Steps) -> tuple[Line, ...]:
    """The line the answer's first record is listed with (its date and title, not a detail of it),
    else the answer's own first line."""
    listed = steps.line(answer.record_ids[0]) if answer.record_ids else None
    return (listed,) if listed is not None else tuple(answer.lines[:1])


_ALSO = frozenset({"time.others", "ask.also"})  # 「…も」「ほかに」: beside the record of that day


def _first_day(answer: Answer) -> date | None:
    first = answer.dates[0] if answer.dates else ""
    return date.fromisoformat(first) if len(first) == len("2019-03-15") else None


def after_named(query: Query, today: date, steps: Steps) -> Answer | None:
    """「広島県町村会の次に協定を結んだ団体は？」「東北絆まつり、盛岡の次の開催地は？」: next (or the one
    before) counted from the record the words right before 次 name, not from today. That record is
    the question read without 次 (広島県町村会との協定); the answer is the question without those words
    (次に協定を結んだ団体は？), as of that record's day."""
    hit = next((h for h in query.facets if h.name in ("time.next", "time.previous")), None)
    if hit is None or (query.has("rank.next") and query.has("extreme.max", "extreme.min")):
        return None  # 「北海道町村会の次に多い」 is the next in a ranking (answers/partner_facts.py)
    text = query.text
    end = hit.begin  # 「埼玉県町村会の締結式の、ひとつ前の」: the words before the comma name it
    while end > 0 and text[end - 1] in _CLAUSE_MARKS:
        end -= 1
    start = max(text.rfind(mark, 0, end) for mark in _CLAUSE_MARKS) + 1  # 「東北絆まつり、盛岡の次」
    if end - start < MIN_SIDE:
        return None
    found = steps.day_of(text[: hit.begin] + text[hit.end :], today)
    if found is None:
        return None
    anchor, day = found
    # 「東北絆まつり盛岡の次の開催地は？」: a series named with what picks one of its records (盛岡)
    # stays the subject of the rest
    named = [m for m in query.entities if start <= m.begin and m.end <= end]
    picked = any(m.type != "series" for m in named)
    series = "".join(m.surface for m in named if m.type == "series") if picked else ""
    rest = text[:start] + (series + _OF if series else "") + text[hit.begin :]
    result = steps.respond(steps.understand(rest, day))
    # the next one of the same kind (series, category) as the record named: 「西川会長の次に会長になった
    # のは」 names no such kind, and the records hold no successors
    same = steps.kinds(anchor.record_ids[:1]) & steps.kinds(result.record_ids[:1])
    return result if result.found and same else None


_CLAUSE_MARKS = ("、", ",", " ")  # where the words naming the record before 次 begin
_OF = "の"  # 「東北絆まつりの次の開催地」: the series said again before the rest of the question


def between_named(query: Query, today: date, steps: Steps) -> Answer | None:
    """「ニュース第3号から第4号まで何日あいた？」「実施を決めてから初の締結式まで何日かかった？」: the days
    from the record the words before から name to the one the words after it name (up to まで, or after
    the question word: 「Aからどのくらいで Bした？」), each answered as asked on its own (「最初の…」 the
    first); 「AからBまで何年何か月？」 gives the years first. A side that names nothing of its own (第4号)
    takes the other's words, one that names no subject (締結式) the other's subject. None unless both are
    found on a day of their own, and on different records."""
    text = query.text
    hit = next((h for h in query.facets if h.name == "ask.interval"), None)
    if hit is None:  # 「最初の締結から最後の締結まで、ちょうど何年？」: the years from one to the other
        hit = next((h for h in query.facets if h.name == "time.elapsed" and _UNTIL in text[: h.begin]), None)
    if hit is None:
        return None
    before = tok.tokenize(text[: hit.begin]) if hit.name == "ask.interval" else []
    # 「広島との協定は、千葉との協定より何年くらい後？」「ロゴマークって、HP開設の何日前？」: from the
    # one after より (before の)
    than = tok.than_sides(before) or tok.of_sides(before) if before else None
    if than is not None:
        (later_from, later_to), (earlier_from, earlier_to) = than
        said = (text[earlier_from:earlier_to].strip(_TRIM), text[later_from:later_to].strip(_TRIM))
    else:
        cut = text.rfind(_FROM, 0, hit.begin)
        if cut < MIN_SIDE:
            return None
        until = text.rfind(_UNTIL, cut, hit.begin)  # 「…結ぶまで、だいたいどれくらい」: the side ends at まで
        if hit.name == "time.elapsed" and until < 0:
            return None  # 「協定を結んでから今年で何年？」: to today (answers/relative.py)
        said = (
            text[:cut].strip(_TRIM),
            text[cut + len(_FROM) : until if until > cut else hit.begin].strip(_TRIM),
        )
    # 「最後（一覧上で一番新しい）の締結まで」: an aside in brackets says again what the side says
    said = (_unbracketed(said[0]), _unbracketed(said[1]))
    after = text[hit.end :].strip(_TRIM + "?")
    if min(len(s) for s in said) < MIN_SIDE and len(after) < MIN_SIDE:
        return None
    first, second = (_dated_side(steps.understand(s, today)) for s in said)
    # 「Aからだいたいどれくらいで Bした？」: the other record is named after the question word
    if (
        not _names_any(second)
        and len(after) >= MIN_SIDE
        and _names_any(later := steps.understand(after, today))
    ):
        said, second = (said[0], after), later
    if min(len(s) for s in said) < MIN_SIDE:
        return None
    answers = [
        _with_names_of(second, first, said[0], today, steps),
        _other_side(first, second, said[1], today, steps),
    ]
    if not all(a.found for a in answers) or answers[0].record_ids[:1] == answers[1].record_ids[:1]:
        return None
    days = [_first_day(a) for a in answers]
    in_years = hit.name == "time.elapsed" or _YEARS in hit.word
    if (days[0] is None or days[1] is None) and in_years:
        return _months_apart(query, answers, steps)  # 「HP開設からTwitter開始（2021年1月）まで何年？」
    if days[0] is None or days[1] is None:
        return None
    # asked in years or months (何年, 何か月): those first; 「何年後」 says which way
    in_months = in_years or any(unit in hit.word for unit in MONTHS_OR_YEARS)
    args = (
        format_date(days[0]),
        format_date(days[1]),
        (days[1] - days[0]).days,
        whole_months(days[0], days[1]),
    )
    if hit.name == "time.elapsed" or (in_months and not hit.word.endswith(DIRECTIONS)):
        summary = wording.years_from_to(*args)
    else:
        summary = wording.days_from_to(*args, in_months=in_months)
    return _between(query, summary, answers, (days[0].isoformat(), days[1].isoformat()), steps)


def _between(
    query: Query, summary: str, answers: Sequence[Answer], dates: tuple[str, str], steps: Steps
) -> Answer:
    """The answer to an interval: its summary, then each side's first record."""
    return Answer(
        question=query.raw,
        intent="when",
        found=True,
        summary=summary,
        lines=(*_first_line(answers[0], steps), *_first_line(answers[1], steps)),
        sources=tuple(dict.fromkeys((*answers[0].sources[:1], *answers[1].sources[:1]))),
        dates=dates,
        record_ids=(*answers[0].record_ids[:1], *answers[1].record_ids[:1]),
    )


_YEARS = "年"  # a duration asked in years (何年) is answered in years and months


def _months_apart(query: Query, answers: Sequence[Answer], steps: Steps) -> Answer | None:
    """Two records, one dated only by its month: the whole months between those months, the days
    unsaid (the records do not give one of them)."""
    firsts = [a.dates[0] if a.dates else "" for a in answers]
    if not all(len(f) >= len("2021-01") for f in firsts):
        return None
    months = [date.fromisoformat(f[: len("2021-01")] + "-01") for f in firsts]
    shown = [
        format_date(date.fromisoformat(f)) if len(f) == len("2019-03-15") else format_date(m, "month")
        for f, m in zip(firsts, months, strict=True)
    ]
    summary = wording.months_from_to(shown[0], shown[1], whole_months(months[0], months[1]))
    return _between(query, summary, answers, (firsts[0], firsts[1]), steps)


_LISTING = frozenset({"events_about", "detail", "who"})  # intents that would list a side's records


def _dated_side(side: Query) -> Query:
    """A side naming an edition but read as a list of records (「京都との推進委員会、第1回」), or naming
    a record with no intent of its own (実施決定), is asked as 「いつ？」 of it, so it picks one day; any
    other side stays as it is read."""
    listed = side.intent in _LISTING and side.ordinal is not None
    # 「実施決定から…」: words that name a record but ask nothing (no intent of their own) ask its day
    return asked_when(side) if listed or side.intent == "fallback" else side


def _unbracketed(side: str) -> str:
    """A side's words without what it says in brackets, unless that is all it says."""
    bare = BRACKETED.sub("", side).strip(_TRIM)
    return bare if len(bare) >= MIN_SIDE else side


def _names_any(query: Query) -> bool:
    return bool(query.entities or query.terms or query.categories)


def _other_side(first: Query, second: Query, said: str, today: date, steps: Steps) -> Answer:
    """The record the words after から (`said`) name. Words that name nothing (第4号) take the first
    side's words; the rest as `_with_names_of` reads them."""
    if not _names_any(second):
        return steps.respond(dataclasses.replace(second, entities=first.entities, terms=first.terms))
    return _with_names_of(first, second, said, today, steps)


def _with_names_of(other: Query, side: Query, said: str, today: date, steps: Steps) -> Answer:
    """A side naming no subject of its own (締結式, 区長会総会での講演) is read after the other side's
    names when that finds a record of one day (奈良県町村会の締結式, 神野直彦の区長会総会での講演),
    else by itself (ホームページ運用開始, which 東北六魂祭 has none of)."""
    names = _subjects(other)
    if not _subjects(side) and names:
        joined = steps.respond(steps.understand(f"{'・'.join(dict.fromkeys(names))}の{said}", today))
        if _one_day(joined):
            return joined
    return steps.respond(side)


def _subjects(query: Query) -> list[str]:
    """The names a query is about, not the kinds of record it names (区長会総会 in 「区長会総会で」)."""
    return [m.name for m in query.entities if m.name not in query.categories]


def _one_day(answer: Answer) -> bool:
    return answer.found and len(set(answer.dates)) == 1


_FROM = "から"  # 「AからBまで何日」: where the words naming the first record end
_UNTIL = "まで"  # where the words naming the second end
_TRIM = "まで、, 　"  # what closes a side's words (「…まで」「…、」)
