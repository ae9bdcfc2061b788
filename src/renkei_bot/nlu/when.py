"""Date expressions in a question, resolved against an explicit `today`.

Our own resolver (ja-timex drops 年度, misreads ～ ranges and is about 30× slower). The question is
expected to be normalised already (renkei_bot.normalize: ASCII digits, one range mark ～).

    resolve("平成28年4月から2017年3月まで", today=date(2026, 11, 28)).spans[0]
    → Period(2016-04-01 .. 2017-03-31, grain "range")

Steps: find atoms (when_atoms: absolute, when_relative: relative words), keep the leftmost-longest
non-overlapping ones, join a year/年度/month with the month-day/day that follows it (2016年の10月,
今月26日), narrow by 前半/後半/上旬/下旬, join two atoms around から/～/- into a range, and open a range
for 以降/以前/から/まで.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from renkei_bot.dates import fiscal_year, fiscal_year_bounds, month_end
from renkei_bot.nlu.periods import AnniversaryAsk, Period, When, shift_months, shift_years
from renkei_bot.nlu.when_atoms import Atom, absolute_atoms, period_for
from renkei_bot.nlu.when_relative import relative_atoms

__all__ = ["AnniversaryAsk", "Period", "When", "resolve"]

_CONNECTOR = re.compile(r"\s?(?:から|より|～|~|〜|-|→)\s?")
_CLOSE = re.compile(r"\s?(?:まで(?:の間)?|の間)")
_JOIN = re.compile(r"(?:の|\s)?(?:ちょうど|丁度)?")  # 「5年前のちょうど今ごろ」
_OPEN = re.compile(
    # (not 後半 or 前日: a half, the day before)
    r"\s?(?P<w>以降|以後|以来|から|より後|以前|より前|まで|の?(?:あと|後)(?![半期日年月週])|の前(?![半期日年月週]))"
)
_AFTER_BEFORE = frozenset({"あと", "後", "前"})
_PART = re.compile(
    r"\s?の?(?P<w>前半|後半|上半期|下半期|上旬|初旬|中旬|下旬|初め|月末|年度末|年度初め|年度始め|年末|年の瀬|暮れ|年始|年明け|末|春|夏|秋|冬)"
)
# the month a year's (or a 年度's) end or beginning means: 年末 is December, 年度末 March
_YEAR_END = frozenset({"年末", "年の瀬", "暮れ", "末"})
_YEAR_START = frozenset({"年始", "年明け"})
_FISCAL_END = frozenset({"年度末", "末"})
_FISCAL_START = frozenset({"年度初め", "年度始め"})
# Seasons of a calendar year, as months (冬 is December and the next January and February).
_SEASONS = {"春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 14)}
_WHAT_DAY = "何の日"
_FIRST_YEAR = 1868  # 明治元年


def _pick(atoms: list[Atom]) -> list[Atom]:
    """Leftmost-longest, non-overlapping."""
    chosen: list[Atom] = []
    last_stop = -1
    for atom in sorted(atoms, key=lambda a: (a.period.begin, a.period.begin - a.period.stop)):
        if atom.period.begin >= last_stop:
            chosen.append(atom)
            last_stop = atom.period.stop
    return chosen


_BRACKET_OPEN = frozenset({"(", "（"})
_BRACKET_CLOSE = frozenset({")", "）"})


def _join(head: Atom, tail: Atom, text: str, today: date) -> Atom | None:
    """2016年の10月 → 2016-10; 2016年度の1月 → 2017-01; 今月26日 → this month's 26th."""
    a, b = head.period, tail.period
    if (
        a.grain == b.grain == "year"
        and a.start == b.start
        and text[a.stop : b.begin] in _BRACKET_OPEN
        and text[b.stop : b.stop + 1] in _BRACKET_CLOSE
        and b.stop < len(text)
    ):  # 「平成29年(2017年)」「2016年（平成28年）」: one year in both calendars, as answers write it
        stop = b.stop + 1
        return Atom(replace(a, stop=stop, text=text[a.begin : stop], era=a.era or b.era), head.kind, None)
    if a.attached or a.any_year or _JOIN.fullmatch(text, a.stop, b.begin) is None:
        return None
    joined = text[a.begin : b.stop]
    if tail.anniversary is not None and a.grain == "year":  # 去年の今日, 3年前の今ごろ
        return _shift_back(tail, a.start.year - today.year, text=joined, begin=a.begin)
    if tail.kind == "month_day" and a.grain in ("year", "fiscal_year") and b.month is not None:
        year = a.start.year + (1 if a.grain == "fiscal_year" and b.month < 4 else 0)
    elif tail.kind == "day_only" and a.grain == "month":
        year = a.start.year
    else:
        return None
    month, day = (b.month, b.day) if tail.kind == "month_day" else (a.start.month, b.start.day)
    try:
        period, _ = period_for(year, month, day, today=today, text=joined, begin=a.begin)
    except ValueError:
        return None
    ask = head.anniversary
    if ask is not None and ask.kind == "month" and day is not None:
        # 「8年前の今月1日」: that day, not the whole month
        ask = replace(ask, kind="day", day=day, target=period.start)
    return Atom(replace(period, era=a.era), "abs", ask)


def _shift_back(atom: Atom, years: int, *, text: str, begin: int) -> Atom | None:
    """A this-day / this-month / this-season word moved into another year: 去年の今日 → a year ago today."""
    p, ask = atom.period, atom.anniversary
    if ask is None:
        return None
    try:
        start, end, target = (
            shift_years(p.start, years),
            shift_years(p.end, years),
            shift_years(ask.target, years),
        )
    except ValueError:
        return None
    period = replace(p, start=start, end=end, any_year=False, text=text, begin=begin)
    return Atom(period, "relative", replace(ask, years_ago=-years or None, target=target))


def _narrow(atom: Atom, text: str) -> Atom:
    """2016年前半, 2016年度下半期, 4月下旬, 今月末."""
    p = atom.period
    match = _PART.match(text, p.stop)
    if (
        match is None
        or p.grain not in ("year", "fiscal_year", "month", "month_day")
        or (p.grain == "month_day" and p.day)
    ):
        return atom
    word, start, end = match["w"], p.start, p.end
    if p.grain == "year" and word in _YEAR_END | _YEAR_START:  # 「5年前の年末」: that December
        start = date(p.start.year, 12 if word in _YEAR_END else 1, 1)
        end = shift_months(start, 1) - timedelta(days=1)
    elif p.grain == "fiscal_year" and word in _FISCAL_END | _FISCAL_START:  # 「令和2年度末」: March
        start = date(p.end.year, 3, 1) if word in _FISCAL_END else p.start
        end = shift_months(start, 1) - timedelta(days=1)
    elif word in _SEASONS:
        if p.grain != "year":
            return atom
        first, last = _SEASONS[word]
        start = date(p.start.year, first, 1)
        end = shift_months(date(p.start.year, 1, 1), last) - timedelta(days=1)
    elif p.grain in ("year", "fiscal_year") and word in ("前半", "上半期", "後半", "下半期"):
        middle = shift_months(start, 6)
        start, end = (start, middle - timedelta(days=1)) if word in ("前半", "上半期") else (middle, end)
    elif p.grain in ("month", "month_day") and word not in ("前半", "後半", "上半期", "下半期"):
        if word in ("上旬", "初旬", "初め"):
            end = start + timedelta(days=9)
        elif word == "中旬":
            start, end = start + timedelta(days=10), start + timedelta(days=19)
        else:  # 下旬, 末, 月末
            start = start + timedelta(days=20)
    else:
        return atom
    grain = "range" if (start, end) != (p.start, p.end) else p.grain
    period = replace(p, start=start, end=end, grain=grain, stop=match.end(), text=text[p.begin : match.end()])
    return Atom(period, atom.kind, atom.anniversary)


def _inherit(head: Period, tail: Atom, today: date) -> Period:
    """The right side of a range takes what it leaves out from the left: 2016年4月～6月, 4月26日～27日."""
    b = tail.period
    if head.any_year:
        return b
    try:
        if tail.kind == "month_day" and b.month is not None:
            year = head.start.year + (1 if b.month < head.start.month else 0)
            return period_for(year, b.month, b.day, today=today, text=b.text, begin=b.begin)[0]
        if tail.kind == "day_only" and head.grain == "day":
            first = head.start.replace(day=1)
            if b.start.day < head.start.day:
                first = shift_months(first, 1)
            return period_for(first.year, first.month, b.start.day, today=today, text=b.text, begin=b.begin)[
                0
            ]
    except ValueError:
        return b
    return b


def _range(head: Atom, tail: Atom, text: str, today: date) -> Atom | None:
    a = head.period
    if a.attached or tail.period.attached or _CONNECTOR.fullmatch(text, a.stop, tail.period.begin) is None:
        return None
    b = _inherit(a, tail, today)
    end = b.end
    if a.any_year and b.any_year and b.end < a.start:  # 11月～2月 in any year
        end = shift_years(b.end, a.start.year + 1 - b.end.year)
        if b.day is None:
            end = month_end(end.year, end.month)
    if end < a.start or a.any_year != b.any_year:
        return None
    close = _CLOSE.match(text, b.stop)
    stop = close.end() if close else b.stop
    period = Period(
        a.start, end, "range", text[a.begin : stop], a.begin, stop, any_year=a.any_year, era=a.era or b.era
    )
    return Atom(period, "abs", head.anniversary or tail.anniversary)


def _open(atom: Atom, text: str) -> Atom:
    p = atom.period
    match = _OPEN.match(text, p.stop)
    if match is None or p.attached or p.any_year:
        return atom
    word = match["w"].lstrip("の")
    if word in ("以前", "まで"):
        start, end = date.min, p.end
    elif word in ("あと", "後"):  # 「10年前の今日のあと、最初の…」: after that day
        start, end = (p.end + timedelta(days=1) if p.end < date.max else p.end), date.max
    elif word in ("より前", "前"):
        start, end = date.min, p.start - timedelta(days=1) if p.start > date.min else p.start
    else:
        start, end = p.start, date.max
    period = replace(
        p,
        start=start,
        end=end,
        grain="range",
        stop=match.end(),
        text=text[p.begin : match.end()],
        opened=p.grain,
    )
    # 「10年前の今日のあと」: a range after that day, no longer a day of the calendar asked (「今月から
    # 始まった」 still asks this month)
    return Atom(period, atom.kind, None if word in _AFTER_BEFORE else atom.anniversary)


_OF_FISCAL_YEAR = re.compile(r"の年度")
_COUNTED_FROM = re.compile(r"(?:から|より)(?:数えて)?(?:ちょうど|丁度)?")


def _fiscal_ago(atom: Atom, text: str, today: date) -> Atom:
    """「10年前の年度」: the 年度 ten before this one (not the 年度 of the calendar year ten ago)."""
    p = atom.period
    match = _OF_FISCAL_YEAR.match(text, p.stop)
    if match is None or atom.kind != "relative" or p.grain != "year":
        return atom
    start, end = fiscal_year_bounds(fiscal_year(today) - (today.year - p.start.year))
    period = replace(
        p, start=start, end=end, grain="fiscal_year", stop=match.end(), text=text[p.begin : match.end()]
    )
    return Atom(period, atom.kind, atom.anniversary)


def _combine(atoms: list[Atom], text: str, today: date) -> list[Atom]:
    joined: list[Atom] = []
    for atom in atoms:
        merged = _join(joined[-1], atom, text, today) if joined else None
        if merged is not None:
            joined[-1] = merged
        else:
            joined.append(atom)
    narrowed = [_fiscal_ago(_narrow(atom, text), text, today) for atom in joined]
    # 「今年度から（数えて）10年前の年度」: the 年度 counted from is where the count starts, not a period
    narrowed = [
        a
        for k, a in enumerate(narrowed)
        if not (
            k + 1 < len(narrowed)
            and a.kind == "relative"
            and _COUNTED_FROM.fullmatch(text, a.period.stop, narrowed[k + 1].period.begin)
            and narrowed[k + 1].kind == "relative"
        )
    ]
    result: list[Atom] = []
    i = 0
    while i < len(narrowed):
        pair = _range(narrowed[i], narrowed[i + 1], text, today) if i + 1 < len(narrowed) else None
        if pair is not None:
            result.append(pair)
            i += 2
        else:
            result.append(_open(narrowed[i], text))
            i += 1
    return result


def _anniversary(atoms: list[Atom], text: str, today: date) -> AnniversaryAsk | None:
    asks = [atom.anniversary for atom in atoms if atom.anniversary is not None]
    if asks:  # 「今日は忙しいんだけど、8年前の今日は」: the one that says which year
        return next((ask for ask in asks if ask.years_ago is not None), asks[0])
    if _WHAT_DAY not in text:
        return None
    for atom in atoms:  # 5月13日は何の日
        p = atom.period
        if p.grain in ("day", "month_day") and p.start == p.end:
            return AnniversaryAsk("day", p.start.month, p.start.day, None, p.start)
    return AnniversaryAsk("day", today.month, today.day, None, today)


def resolve(text: str, *, today: date) -> When:
    """Every date expression in `text`, in order, with relative words resolved against `today`."""
    atoms = _combine(
        _pick([*absolute_atoms(text, today=today), *relative_atoms(text, today=today)]), text, today
    )
    # 千年の苑 is a name, not the year 1000: a year before 明治 is no date of these records' world
    atoms = [a for a in atoms if a.period.any_year or a.period.end.year >= _FIRST_YEAR]
    spans = tuple(replace(a.period, relative=True) if a.kind == "relative" else a.period for a in atoms)
    pieces: list[str] = []
    last = 0
    for span in spans:
        if not span.attached:
            pieces.append(text[last : span.begin])
            last = span.stop
    pieces.append(text[last:])
    return When(spans, _anniversary(atoms, text, today), "".join(pieces))
