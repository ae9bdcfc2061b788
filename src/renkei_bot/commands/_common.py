"""What several commands share: the settings, the pinned today, and loading the engine."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from renkei_bot import collector
from renkei_bot.clock import Clock
from renkei_bot.config import Settings, parse_today

if TYPE_CHECKING:
    from renkei_bot.engine import Engine


def add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="「今日」を固定する（テスト・デモ用。RENKEI_TODAY も可）"
    )


def add_data(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, default=None, metavar="DIR", help="data/ の場所（既定: リポジトリの data/）"
    )


def settings_of(env: Mapping[str, str]) -> Settings:
    return Settings.from_env(env)


def today_of(args: argparse.Namespace, settings: Settings) -> date:
    pinned = parse_today(getattr(args, "today", None), "--today")
    return pinned or settings.today or Clock().today()


def load_engine(args: argparse.Namespace, settings: Settings, env: Mapping[str, str]) -> Engine:
    with collector.paused():  # the engine's modules and records are kept for the whole run
        from renkei_bot.engine import Engine

        return Engine.load(getattr(args, "data", None) or settings.data_dir, settings.intents_dir, env=env)
