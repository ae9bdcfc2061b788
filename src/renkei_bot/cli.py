"""`renkei-bot`: the command line. It parses, dispatches and turns domain errors into messages.

Each subcommand lives in renkei_bot/commands/<name>.py with `register(subparsers)`; heavy imports
(slack, matplotlib) happen inside the command that needs them, so `ask` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from renkei_bot import __version__
from renkei_bot.errors import ConfigError, RenkeiError

COMMANDS: tuple[str, ...] = (
    "ask",
    "chat",
    "eval",
    "ingest",
    "data",
    "serve",
    "post_anniversaries",
    "chart",
    "state",
    "report",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `only` (a command's name), of that command alone: a command
    imports what it needs, so `ask` does not pay for the Slack or chart commands' imports."""
    parser = argparse.ArgumentParser(
        prog="renkei-bot",
        description="特別区全国連携プロジェクトの経過について答える bot。Slack でも端末でも動きます。",
    )
    parser.add_argument("--version", action="version", version=f"renkei-bot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only in COMMANDS else COMMANDS:
        try:
            module = importlib.import_module(f"renkei_bot.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"renkei_bot.commands.{name}":
                raise
            continue  # a command not built yet
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    named = argv[0].replace("-", "_") if argv else None
    parser = build_parser(named if named in COMMANDS else None)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        code: int = args.handler(args, os.environ)
        return code
    except ConfigError as exc:  # a missing or invalid setting or argument: a usage error, like argparse's
        print(f"renkei-bot: error: {exc}", file=sys.stderr)
        return 2
    except RenkeiError as exc:
        print(f"renkei-bot: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `renkei-bot ask … | head`: the reader left; say nothing more (Python docs, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
