"""`renkei-bot ask`: answer one question, or one per line of stdin.

Example:
    renkei-bot ask --today 2026-04-26 "北海道町村会との協定はいつ？"
    printf '今日は何の日？\n全国連携展示は何回？\n' | renkei-bot ask --json
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from renkei_bot.commands._common import add_data, add_today, load_engine, settings_of, today_of

if TYPE_CHECKING:
    from renkei_bot.answers.model import Answer


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "ask",
        help="質問に答える（引数がなければ標準入力から1行1問）",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("question", nargs="?", help="質問。省略すると標準入力から1行ずつ読む")
    parser.add_argument(
        "--json", action="store_true", help="1行1個の JSON で出す（question, found, intent, text …）"
    )
    add_today(parser)
    add_data(parser)
    parser.set_defaults(handler=run)


def as_json(answer: Answer, text: str) -> dict[str, Any]:
    return {
        "question": answer.question,
        "found": answer.found,
        "intent": answer.intent,
        "text": text,
        "dates": list(answer.dates),
        "records": list(answer.record_ids),
        "sources": list(answer.sources),
    }


# JSON allows these raw, but they end a line for JavaScript (U+2028/9) and for Python's str.splitlines
# (U+0085 and the rest), so a consumer that splits the output into lines would cut a record in two.
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def json_line(data: dict[str, Any]) -> str:
    """One JSON object on one line, whatever line breaks the strings hold."""
    import json  # only for --json: a plain `ask` does not load the module

    return json.dumps(data, ensure_ascii=False).translate(_LINE_BREAKS)


def stdin_questions(lines: Iterable[bytes]) -> Iterator[str]:
    """Lines of bytes → questions. Bytes that are not UTF-8 become U+FFFD, with a warning on stderr."""
    for number, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.decode("utf-8", "replace")
            print(
                f"renkei-bot ask: stdin line {number}: not UTF-8 (byte {exc.start + 1}); "
                "read with U+FFFD in place of the bad bytes. Save the input as UTF-8.",
                file=sys.stderr,
                flush=True,
            )
        yield line.rstrip("\r\n")


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot.answers.render import to_text

    settings = settings_of(env)
    today: date = today_of(args, settings)
    engine = load_engine(args, settings, env)
    questions = [args.question] if args.question is not None else stdin_questions(sys.stdin.buffer)
    for question in questions:
        answer = engine.ask(question, today=today)
        text = to_text(answer)
        if args.json:
            print(json_line(as_json(answer, text)), flush=True)
        else:
            print(text if args.question is not None else text.replace("\n", " / "), flush=True)
    return 0
