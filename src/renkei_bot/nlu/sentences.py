"""Questions asked one after another in one message (「…はいつ？会場はどこ？」): each part is answered
on its own, in the order asked, so the first line answers the first question."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ASKED_END = re.compile(r"[?？]+")
MIN_PART = 3  # 「区政会館？」 after a question is a guess at its answer, not a question of its own


def question_parts(text: str) -> list[str]:
    """The parts of `text` each ending in a question mark, the rest (「あと…も知りたい」) last; one
    part when the text asks once."""
    parts: list[str] = []
    last = 0
    for mark in _ASKED_END.finditer(text):
        part = text[last : mark.end()].strip(" 、,。")
        if part:
            parts.append(part)
        last = mark.end()
    rest = text[last:].strip(" 、,。")
    if rest:
        parts.append(rest)
    return parts if len(parts) > 1 and all(len(p) >= MIN_PART for p in parts) else [text]


def clause_parts(
    text: str, asks: Sequence[int], then: Sequence[int] = (), joints: Sequence[tuple[int, int]] = ()
) -> list[str]:
    """「…何日でしたっけ。あとお茶の淹れ方講座はどこで？」: split where a sentence ends and 「あと」
    begins another (the offsets `then`, after the 。); else 「全部で何回やって、京都で開催されたのは
    何回目？」: one sentence asking two things in two clauses joined by a comma after the te-form or
    と (the commas' spans `joints`, from the tokens: not the topic's 「って、」), split there when a
    question word (at the offsets `asks`) stands on each side; [text] otherwise."""
    for at in then:
        left, right = text[:at].strip(" 、,。"), text[at:].strip(" 、,。")
        if min(len(left), len(right)) >= MIN_PART:
            return [left, right]
    for begin, end in joints:
        left, right = text[:begin], text[end:]
        if min(len(left), len(right)) < MIN_PART:
            continue
        if any(a < begin for a in asks) and any(a >= end for a in asks):
            return [left, right]
    return [text]
