"""The maintainer's to-do list: the log grouped by question, most frequent first.

A question counts once per answer that found nothing, per apology and per 👎; 👍 and the reasons
given for a 👎 are shown beside it. Questions only ever thanked with 👍 are not listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from renkei_bot import unanswered as u
from renkei_bot.clock import TOKYO
from renkei_bot.state import LogRow

COUNTED = (u.DECLINED, u.APOLOGY, u.DOWN)


@dataclass
class Group:
    question: str
    kinds: dict[str, int] = field(default_factory=dict)
    intents: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    records: dict[str, None] = field(default_factory=dict)
    users: set[str] = field(default_factory=set)
    first: float = 0.0
    last: float = 0.0

    @property
    def count(self) -> int:
        return sum(self.kinds.get(k, 0) for k in COUNTED)


def group(rows: Iterable[LogRow]) -> list[Group]:
    groups: dict[str, Group] = {}
    for row in rows:
        g = groups.get(row.question)
        if g is None:
            g = groups[row.question] = Group(row.question, first=row.at)
        g.kinds[row.kind] = g.kinds.get(row.kind, 0) + 1
        g.last = max(g.last, row.at)
        if row.intent and row.kind != u.REASON:
            g.intents[row.intent] = g.intents.get(row.intent, 0) + 1
        if row.reason:
            g.reasons[row.reason] = g.reasons.get(row.reason, 0) + 1
        g.records.update(dict.fromkeys(row.record_ids))
        if row.user_hash:
            g.users.add(row.user_hash)
    listed = [g for g in groups.values() if g.count > 0]
    listed.sort(key=lambda g: (-g.count, -g.last, g.question))
    return listed


def _when(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).astimezone(TOKYO).isoformat(timespec="minutes")


def _by_count(counts: dict[str, int]) -> list[str]:
    return [k for k, _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def as_json(g: Group) -> dict[str, Any]:
    return {
        "question": g.question,
        "count": g.count,
        "declined": g.kinds.get(u.DECLINED, 0),
        "apology": g.kinds.get(u.APOLOGY, 0),
        "feedback_down": g.kinds.get(u.DOWN, 0),
        "feedback_up": g.kinds.get(u.UP, 0),
        "intents": _by_count(g.intents),
        "reasons": _by_count(g.reasons),
        "records": list(g.records),
        "users": len(g.users),
        "first": _when(g.first),
        "last": _when(g.last),
    }
