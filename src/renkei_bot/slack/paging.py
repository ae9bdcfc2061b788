"""The 「もっと見る」 button's value: enough to replay the request and show page N.

Slack caps a button value at 2000 characters, so it is compact JSON and the argument is cut to fit.
`today` travels with it so page 2 is computed on the same day as page 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from renkei_bot.slack.commands import Command

VALUE_MAX = 2000


@dataclass(frozen=True, slots=True)
class PageRef:
    command: Command
    page: int
    today: date


def encode(ref: PageRef) -> str:
    arg = ref.command.arg
    while True:
        value = json.dumps(
            {"k": ref.command.kind, "a": arg, "p": ref.page, "t": ref.today.isoformat()},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        if len(value) <= VALUE_MAX:
            return value
        arg = arg[: len(arg) - (len(value) - VALUE_MAX) - 1]


def decode(value: str) -> PageRef:
    """Raises ValueError when the value was not made by `encode`."""
    try:
        data = json.loads(value)
        return PageRef(
            command=Command(str(data["k"]), str(data["a"])),
            page=int(data["p"]),
            today=date.fromisoformat(str(data["t"])),
        )
    except (KeyError, TypeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise ValueError(f"not a 「もっと見る」 button value: {value[:80]!r}") from exc
