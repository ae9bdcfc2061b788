"""`renkei-bot post-anniversaries`: the daily 「N年前の今日」 post, for cron and Kubernetes CronJobs."""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renkei_bot import logs
from renkei_bot.config import parse_today
from renkei_bot.errors import ConfigError

if TYPE_CHECKING:
    from renkei_bot.daily import PostResult

HELP = """\
今日（Asia/Tokyo）にあたる「N年前の今日」を RENKEI_DAILY_CHANNEL に投稿します。
同じチャンネル・同じ日付には一度しか投稿しません（RENKEI_STATE_URL の記録と、投稿に付けた
metadata で確かめます）。serve の中の定時投稿と同時に動いても二重には投稿しません。
ほかの実行が投稿を予約したまま止まっていたら、その予約（RENKEI_DAILY_LEASE 秒）が切れるのを待ち、
チャンネルの履歴を確かめてから引き継ぎます。
--dry-run はトークンなしで動き、投稿する内容を表示するだけです。

例: renkei-bot post-anniversaries --date 2026-04-26 --dry-run
"""


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "post-anniversaries",
        help="「N年前の今日」をチャンネルに一度だけ投稿する（cron 向け）",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--date", help="この日付の分を投稿する（YYYY-MM-DD。既定: RENKEI_TODAY か今日）")
    parser.add_argument("--channel", help="投稿先のチャンネル ID（既定: RENKEI_DAILY_CHANNEL）")
    parser.add_argument("--dry-run", action="store_true", help="投稿せずに内容を表示する")
    parser.add_argument(
        "--empty",
        choices=("skip", "upcoming"),
        help="記念日のない日の動き（既定: RENKEI_DAILY_EMPTY か skip）",
    )
    parser.add_argument("--data", type=Path, help="data フォルダ（既定: RENKEI_DATA_DIR か ./data）")
    parser.set_defaults(handler=handler)


def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot.clock import Clock
    from renkei_bot.config import Settings
    from renkei_bot.daily import daily_message, post_daily
    from renkei_bot.slack.client import make_client
    from renkei_bot.state import connect
    from renkei_bot.store import Store
    from renkei_bot.wording import daily_dry_run_header, daily_nothing_to_post

    settings = Settings.from_env(env)
    day: date = parse_today(args.date, "--date") or settings.today or Clock().today()
    channel: str | None = args.channel or settings.daily_channel
    empty: str = args.empty or settings.daily_empty
    if args.dry_run:
        store = Store.load(args.data or settings.data_dir, env=env)
        message = daily_message(store, day, empty_mode=empty)
        print(daily_dry_run_header(channel or "RENKEI_DAILY_CHANNEL", day.isoformat()))
        print(message.text if message else daily_nothing_to_post(day.isoformat(), empty))
        return 0

    if not channel:
        raise ConfigError(
            "missing setting: RENKEI_DAILY_CHANNEL. Set it to the channel ID (e.g. C0123456789) "
            "or pass --channel."
        )
    settings.require("SLACK_BOT_TOKEN")
    store = Store.load(args.data or settings.data_dir, env=env)
    logger = logging.getLogger("renkei_bot.daily")
    if not logger.handlers and not logging.getLogger().handlers:
        logs.configure(settings.log_level, settings.log_format)
    state = connect(settings.state_location)
    client = make_client(settings)
    try:
        result = until_settled(
            lambda: post_daily(
                engine_or_store=store,
                client=client,
                ledger=state,
                channel=channel,
                day=day,
                empty_mode=empty,
                logger=logger,
                lease_seconds=settings.daily_lease,
            ),
            lease_seconds=settings.daily_lease,
        )
    finally:
        state.close()
    print(f"{result.status} {channel} {day.isoformat()}{f' ts={result.ts}' if result.ts else ''}")
    return 0 if result.ok else 1


HELD_POLL_SECONDS = 5.0


def until_settled(
    post: Callable[[], PostResult],
    *,
    lease_seconds: float,
    sleep: Callable[[float], None] = time.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> PostResult:
    """Post; while another run holds the claim, wait for it to post or for its lease to run out (a cron
    run that stood down would leave the day without a post when the holder had died)."""
    deadline = monotonic() + lease_seconds + HELD_POLL_SECONDS
    result = post()
    while result.status == "claimed_elsewhere" and monotonic() < deadline:
        sleep(min(HELD_POLL_SECONDS, lease_seconds / 5))
        result = post()
    return result
