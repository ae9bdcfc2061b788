"""`renkei-bot serve [--http] [--port N]`: run the bot in Slack."""

from __future__ import annotations

import argparse
import importlib
import logging
from collections.abc import Mapping
from typing import Any, Protocol

from renkei_bot.commands._common import load_engine
from renkei_bot.config import Settings
from renkei_bot.errors import ConfigError, RenkeiError

HELP = """\
Slack で bot を動かします。
SLACK_APP_TOKEN があれば Socket Mode（公開 URL が要りません。RENKEI_HEALTH_PORT を決めると
そのポートで GET /healthz に websocket の状態を返します）。--http を付けるか、SLACK_APP_TOKEN が
なく SLACK_SIGNING_SECRET があれば HTTP モードで POST /slack/events と GET /healthz を受けます。
必要な設定: SLACK_BOT_TOKEN と、Socket Mode では SLACK_APP_TOKEN、HTTP モードでは SLACK_SIGNING_SECRET。
RENKEI_DAILY_CHANNEL があれば、毎日 RENKEI_DAILY_TIME に「N年前の今日」も投稿します。
共有する状態（重複排除・投稿の記録）は RENKEI_STATE_URL（既定は SQLite のファイル）に置き、
起動時にスキーマを更新します。PostgreSQL につながらなければ起動しません。

例: SLACK_BOT_TOKEN=xoxb-… SLACK_SIGNING_SECRET=… renkei-bot serve --http --port 3000
"""


SOCKET_MODE = "Socket Mode"
HTTP_MODE = "HTTP mode"
_WHAT = {
    "SLACK_BOT_TOKEN": "SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-…, on the app's OAuth & Permissions page)",
    "SLACK_APP_TOKEN": "SLACK_APP_TOKEN (an App-Level Token, xapp-…, with connections:write)",
    "SLACK_SIGNING_SECRET": "SLACK_SIGNING_SECRET (the app's Basic Information page)",
}


def choose_mode(settings: Settings, *, http: bool) -> str:
    """Socket Mode with an app token, HTTP mode with --http or a signing secret alone; ConfigError
    naming the mode and every missing setting otherwise."""
    if not http and not settings.app_token and not settings.signing_secret:
        raise ConfigError(
            "serve needs a mode: for Socket Mode (recommended, no public URL) set "
            f"{_WHAT['SLACK_APP_TOKEN']}; for HTTP mode set SLACK_SIGNING_SECRET and run `serve --http`"
            + ("" if settings.bot_token else f"; either way also {_WHAT['SLACK_BOT_TOKEN']}")
        )
    mode = SOCKET_MODE if settings.app_token and not http else HTTP_MODE
    needed = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN" if mode == SOCKET_MODE else "SLACK_SIGNING_SECRET")
    values = {
        "SLACK_BOT_TOKEN": settings.bot_token,
        "SLACK_APP_TOKEN": settings.app_token,
        "SLACK_SIGNING_SECRET": settings.signing_secret,
    }
    missing = [name for name in needed if not values[name]]
    if missing:
        raise ConfigError(
            f"{mode} needs {' and '.join(_WHAT[name] for name in missing)}; set it in the environment"
        )
    return mode


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


def _start_daily(settings: Settings, client: Any, engine: Any, clock: Any, state: Any) -> _Stoppable | None:
    if not settings.daily_channel:
        return None
    try:
        scheduler = importlib.import_module("renkei_bot.scheduler")
    except ModuleNotFoundError as exc:
        if exc.name != "renkei_bot.scheduler":
            raise
        return None
    started: _Stoppable = scheduler.start_daily(settings, client, engine, clock, state=state)
    return started


def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot import logs
    from renkei_bot.clock import Clock
    from renkei_bot.nlu.tokens import warm
    from renkei_bot.slack.app import build_app
    from renkei_bot.slack.client import make_client
    from renkei_bot.slack.server import serve_http
    from renkei_bot.slack.socket_mode import SocketModeRunner
    from renkei_bot.slack.startup import startup_errors
    from renkei_bot.state import connect
    from renkei_bot.state.purge import Purger

    settings = Settings.from_env(env)
    mode = choose_mode(settings, http=args.http)
    logs.configure(settings.log_level, settings.log_format)
    state = connect(settings.state_location)  # unreachable: one line naming it, exit 1
    engine = load_engine(args, settings, env)
    warm()  # load the Sudachi dictionary now, not during the first user's question
    clock = Clock(today=settings.today)
    with startup_errors(mode, settings.api_url):
        app = build_app(engine, settings, clock=clock, socket_mode=mode == SOCKET_MODE, state=state)
    # the app's client leaves 429s to the outbox (slack/outbox.py); the daily post waits them out itself
    daily = _start_daily(settings, make_client(settings), engine, clock, state)
    purger = Purger(state, log_days=settings.log_days).start()

    def state_health() -> str:
        try:
            state.ping()
        except RenkeiError:
            return f"{state.backend} unavailable (answers go on; event dedupe is in-process)"
        return f"{state.backend} ok"

    try:
        if mode == SOCKET_MODE:
            runner = SocketModeRunner(
                app,
                app_token=settings.app_token or "",
                health_port=settings.health_port,
                state_health=state_health,
            )
            try:
                with startup_errors(mode, settings.api_url):
                    runner.connect()
            except BaseException:
                runner.close()
                raise
            logging.getLogger("renkei_bot.serve").info(
                "connected to Slack in Socket Mode; state %s", state.where
            )
            runner.wait()
        else:
            logging.getLogger("renkei_bot.serve").info("HTTP mode; state %s", state.where)
            serve_http(
                app,
                signing_secret=settings.signing_secret or "",
                host=args.host,
                port=args.port or settings.port,
                state_health=state_health,
            )
    finally:
        purger.stop()
        if daily is not None:
            daily.stop()
        state.close()
    return 0
