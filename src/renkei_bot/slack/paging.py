"""The 「もっと見る」 button's value: enough to replay the request and show page N.

Slack caps a button value at 2000 characters, so it is compact JSON and the argument is cut to fit.
`today` travels with it so page 2 is computed on the same day as page 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from renkei_bot.slack.commands import ASK, SUBCOMMANDS, UNKNOWN, Command
from renkei_bot.slack.text import MAX_CHARS

VALUE_MAX = 2000
MAX_PAGE = 1000  # far more pages than any answer has; a larger number is not one we made
_KINDS = frozenset((ASK, UNKNOWN, *SUBCOMMANDS))


@dataclass(frozen=True, slots=True)
class PageRef:
    command: Command
    page: int
    today: date
    context: str | None = None  # the Turn a follow-up took its slots from (JSON), to answer it alike


def encode(ref: PageRef) -> str:
    arg, context = ref.command.arg, ref.context
    if context is not None and len(context) > VALUE_MAX // 2:
        context = None  # a follow-up's next page is then answered as a question of its own
    while True:
        data: dict[str, object] = {"k": ref.command.kind, "a": arg, "p": ref.page, "t": ref.today.isoformat()}
        if context is not None:
            data["c"] = context
        value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if len(value) <= VALUE_MAX:
            return value
        arg = arg[: len(arg) - (len(value) - VALUE_MAX) - 1]


def decode(value: object) -> PageRef:
    """Raises ValueError when the value was not made by `encode`: it comes back from the client, and
    a forged one (a page of -5, an unknown kind, a 3 MB argument) must not reach the engine."""
    try:
        if not isinstance(value, str) or len(value) > VALUE_MAX:
            raise ValueError("not a string of at most 2000 characters")
        data = json.loads(value)
        kind, arg, page, today = data["k"], data["a"], data["p"], data["t"]
        if kind not in _KINDS or not isinstance(arg, str) or len(arg) > MAX_CHARS:
            raise ValueError("unknown command")
        if type(page) is not int or not 0 <= page <= MAX_PAGE:
            raise ValueError("page out of range")
        context = data.get("c")
        if context is not None and (not isinstance(context, str) or len(context) > VALUE_MAX):
            raise ValueError("context is not a turn")
        return PageRef(Command(kind, arg), page, date.fromisoformat(str(today)), context)
    except (KeyError, TypeError, ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise ValueError(f"not a 「もっと見る」 button value: {str(value)[:80]!r}") from exc
