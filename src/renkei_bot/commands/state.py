"""`renkei-bot state migrate|check`: the state store's schema, for operators."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import Any

from renkei_bot.config import Settings

HELP = """\
共有する状態（重複排除・毎朝の投稿の記録・会話の文脈・ログ）の置き場所 RENKEI_STATE_URL を扱います。
  migrate  スキーマを最新にする（serve も起動時に行います。何台同時でも一度だけ適用されます）
  check    つながるか、スキーマが最新かを確かめる（最新でなければ終了コード 1）

例: RENKEI_STATE_URL=postgresql://renkei@db:5432/renkei renkei-bot state check
"""


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "state",
        help="状態の置き場所（SQLite / PostgreSQL）のスキーマを更新・確認する",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=("migrate", "check"), help="migrate か check")
    parser.set_defaults(handler=handler)


def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot.errors import StateError, StateUnavailable
    from renkei_bot.state import connect, open_state

    settings = Settings.from_env(env)
    if args.action == "migrate":
        state = connect(settings.state_location)
        try:
            status = state.status()
        finally:
            state.close()
        print(f"{status.where}: schema version {status.version} (latest {status.latest})")
        return 0
    state = open_state(settings.state_location)
    try:
        wait = getattr(state, "connect_now", None)
        if wait is not None:
            wait()
        status = state.status()
    except StateUnavailable as exc:
        raise StateError(f"state store {exc}. Start PostgreSQL or correct RENKEI_STATE_URL.") from None
    finally:
        state.close()
    if status.version < status.latest:
        print(
            f"{status.where}: schema version {status.version}, latest {status.latest}: "
            "run `renkei-bot state migrate` (serve also migrates at start)"
        )
        return 1
    if status.version > status.latest:
        print(
            f"{status.where}: schema version {status.version} is newer than this renkei-bot "
            f"({status.latest}): upgrade renkei-bot"
        )
        return 1
    print(f"{status.where}: reachable, schema version {status.version} (up to date)")
    return 0
