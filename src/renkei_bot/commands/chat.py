"""`renkei-bot chat`: a console conversation with the bot (what `make run` opens without Slack).

A question may follow up the last answer (「構成自治体数は？」「その前は？」「もっと詳しく」); the
context lasts until the end of the session.

Example:
    renkei-bot chat --today 2026-04-26
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any

from renkei_bot.commands._common import add_data, add_today, load_engine, settings_of, today_of

QUIT = frozenset({"exit", "quit", "終了", "おわり", ":q"})


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "chat",
        help="端末で会話する（Slack なし）",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_today(parser)
    add_data(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot import wording
    from renkei_bot.answers.render import to_text

    settings = settings_of(env)
    today = today_of(args, settings)
    engine = load_engine(args, settings, env)
    print(wording.chat_banner(today.isoformat()), flush=True)
    turn = None
    while True:
        try:
            question = input("> ")
        except EOFError:
            print()
            return 0
        if question.strip().lower() in QUIT:
            return 0
        if not question.strip():
            continue
        exchange = engine.converse(question, today=today, previous=turn)
        turn = exchange.turn
        print(to_text(exchange.answer), end="\n\n", flush=True)
