"""The Answer: what the engine returns. Data only; render.py turns it into text and Block Kit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One fact of a list: usually a dated record, with the source line it came from."""

    text: str
    source: str | None = None  # e.g. "L43"


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    intent: str
    found: bool
    summary: str  # the short answer, one or two sentences
    title: str = ""  # header of the Block Kit message
    # the full list; renderers cap it (「ほか N 件」) or page it, reading only the lines they show
    lines: Sequence[Line] = ()
    sources: tuple[str, ...] = ()  # the records behind the answer: "2016年（平成28年）4月26日「…」（L43）"
    suggestions: tuple[str, ...] = ()  # questions that can be asked instead
    did_you_mean: tuple[str, ...] = ()  # 「もしかして: …」
    candidates: tuple[str, ...] = ()  # a tie: "which one?"
    dates: tuple[str, ...] = ()  # ISO dates of the facts given, for machine output
    record_ids: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())  # caveats: flags, corrections, unknown dates
    show_all: bool = False  # a short reference list (the help) is never cut to 「ほか N 件」
    chart: str | None = None  # "counts" or "events": an adapter that can show pictures posts that chart
