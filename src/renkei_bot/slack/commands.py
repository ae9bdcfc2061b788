"""`/renkei <text>` → what to ask the engine. Parsing is pure; `answer_for` is the one dispatcher,
used both by the slash command and by the 「もっと見る」 button when it replays a request.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import date

from renkei_bot import wording
from renkei_bot.answers.model import Answer
from renkei_bot.engine import Engine

SUBCOMMANDS: tuple[str, ...] = ("help", "summary", "partner", "partners", "today", "chart")
ASK = "ask"
UNKNOWN = "unknown"

# A lowercase ASCII first word looks like a subcommand; Japanese or capitalised words (NHK) are questions.
_SUBCOMMAND_LIKE = re.compile(r"[a-z][a-z_-]*")
_MONTH_DAY = re.compile(r"(\d{1,2})[-/](\d{1,2})")


@dataclass(frozen=True, slots=True)
class Command:
    kind: str  # ASK, UNKNOWN or one of SUBCOMMANDS
    arg: str = ""


def parse(text: str) -> Command:
    stripped = text.strip()
    word, _, rest = stripped.partition(" ")
    rest = rest.strip()
    lowered = word.lower()
    if lowered in SUBCOMMANDS and (lowered == word or not rest):
        return Command(lowered, rest)
    if _SUBCOMMAND_LIKE.fullmatch(word):
        return Command(UNKNOWN, word)
    return Command(ASK, stripped)


def did_you_mean(word: str) -> tuple[str, ...]:
    return tuple(difflib.get_close_matches(word.lower(), SUBCOMMANDS, n=3, cutoff=0.5))


def parse_day(arg: str, *, today: date) -> date | None:
    """'' → today, 'MM-DD' → that day this year, 'YYYY-MM-DD' → that day; None when unreadable."""
    text = arg.strip()
    if not text:
        return today
    try:
        if m := _MONTH_DAY.fullmatch(text):
            return date(today.year, int(m.group(1)), int(m.group(2)))
        return date.fromisoformat(text)
    except ValueError:
        return None


def answer_for(engine: Engine, command: Command, *, today: date) -> Answer:
    """Run one command. `chart` is not answered here: the caller posts the chart or falls back to help."""
    kind, arg = command.kind, command.arg
    if kind == ASK:
        return engine.ask(arg, today=today)
    if kind == "summary" and arg:
        return engine.summary(arg, today=today)
    if kind == "partner" and arg:
        return engine.partner(arg, today=today)
    if kind in ("partner", "partners"):
        return engine.partners()
    if kind == "today":
        day = parse_day(arg, today=today)
        if day is None:
            return Answer(question=arg, intent="today", found=False, summary=wording.bad_day(arg))
        return engine.anniversaries(day)
    if kind == UNKNOWN:
        answer = engine.help(unknown=arg)
        if not answer.did_you_mean and (close := did_you_mean(arg)):
            answer = replace(answer, did_you_mean=close)
        return answer
    return engine.help()
