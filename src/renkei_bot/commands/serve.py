"""`renkei-bot serve [--http] [--port N]`: run the bot in Slack."""

from __future__ import annotations

import argparse
import importlib
import logging
from collections.abc import Mapping
from typing import Any, Protocol

from renkei_bot.commands._common import load_engine
from renkei_bot.config import Settings

HELP = """\
Slack で bot を動かします。
SLACK_APP_TOKEN があれば Socket Mode（公開 URL が要りません）、なければ、または --http を
付けると HTTP モードで POST /slack/events と GET /healthz を受けます。
必要な設定: SLACK_BOT_TOKEN、HTTP モードでは SLACK_SIGNING_SECRET も。
RENKEI_DAILY_CHANNEL があれば、毎日 RENKEI_DAILY_TIME に「N年前の今日」も投稿します。

例: SLACK_BOT_TOKEN=xoxb-… SLACK_SIGNING_SECRET=… renkei-bot serve --http --port 3000
"""


class _Stoppable(Protocol):
    def stop(self) -> None: ...


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="Slack で bot を動かす（Socket Mode か HTTP）",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--http", action="store_true", help="SLACK_APP_TOKEN があっても HTTP モードで動かす")
    parser.add_argument("--port", type=int, help="HTTP モードのポート（既定: 環境変数 PORT か 3000）")
    parser.add_argument("--host", default="0.0.0.0", help="HTTP モードで待ち受けるアドレス（既定: 0.0.0.0）")
    parser.set_defaults(handler=handler)


def _start_daily(settings: Settings, client: Any, engine: Any, clock: Any) -> _Stoppable | None:
    if not settings.daily_channel:
        return None
    try:
        scheduler = importlib.import_module("renkei_bot.scheduler")
    except ModuleNotFoundError as exc:
        if exc.name != "renkei_bot.scheduler":
            raise
        return None
    started: _Stoppable = scheduler.start_daily(settings, client, engine, clock)
    return started


def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot.clock import Clock
    from renkei_bot.nlu.tokens import warm
    from renkei_bot.slack.app import build_app
    from renkei_bot.slack.server import serve_http, serve_socket_mode

    settings = Settings.from_env(env)
    socket_mode = bool(settings.app_token) and not args.http
    settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN" if socket_mode else "SLACK_SIGNING_SECRET")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    engine = load_engine(args, settings, env)
    warm()  # load the Sudachi dictionary now, not during the first user's question
    clock = Clock(today=settings.today)
    app = build_app(engine, settings, clock=clock, socket_mode=socket_mode)
    daily = _start_daily(settings, app.client, engine, clock)
    try:
        if socket_mode:
            serve_socket_mode(app, app_token=settings.app_token or "")
        else:
            serve_http(app, host=args.host, port=args.port or settings.port)
    finally:
        if daily is not None:
            daily.stop()
    return 0
