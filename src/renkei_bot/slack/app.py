"""build_app(): the bolt App with every listener wired, in one place."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from renkei_bot.answers.render import MORE_ACTION_ID
from renkei_bot.clock import Clock
from renkei_bot.config import Settings
from renkei_bot.contexts import Contexts
from renkei_bot.engine import Engine
from renkei_bot.memory_state import MemoryStore
from renkei_bot.outage import Outage
from renkei_bot.slack import feedback
from renkei_bot.slack.client import make_client
from renkei_bot.slack.dedupe import SharedDedupe
from renkei_bot.slack.handlers import Handlers
from renkei_bot.state import StateStore
from renkei_bot.unanswered import Unanswered

WORKERS = 4  # answers run here after the ack. The engine is CPU-bound (one GIL): more threads only make
# the acks wait longer for the GIL, while 4 still overlap the Web API calls of several answers.


def _ack(ack: Ack) -> None:
    ack()  # nothing slow before this: Slack shows an error if a command is not acked within 3 s


def _log_error(error: Exception, body: dict[str, Any]) -> None:
    logging.getLogger("renkei_bot.slack").error("unhandled error for %s", body.get("type"), exc_info=error)


def build_app(
    engine: Engine,
    settings: Settings,
    *,
    clock: Clock,
    client: WebClient | None = None,
    socket_mode: bool = False,
    state: StateStore | None = None,
) -> App:
    """The bolt App. HTTP mode verifies request signatures; Socket Mode needs no signing secret.
    `state` keeps conversations and the log (in memory when None: nothing outlives the process)."""
    settings.require("SLACK_BOT_TOKEN", *(() if socket_mode else ("SLACK_SIGNING_SECRET",)))
    app = App(
        # auth.test at start goes to settings.api_url too. No 429 retries in the client: a rate-limited
        # answer is parked by the outbox instead of holding a worker for Retry-After.
        client=client or make_client(settings, rate_limit_retries=0),
        signing_secret=settings.signing_secret or "",
        request_verification_enabled=not socket_mode,
        process_before_response=False,  # ack at once; listeners run in the executor below
        listener_executor=ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="renkei-slack"),
        logger=logging.getLogger("renkei_bot.slack.bolt"),
    )
    # server.py's gate checks every signature first; should bolt's own check still disagree (a
    # timestamp at the 5-minute edge), it would log the whole body at INFO: text, user ids, response_url
    logging.getLogger("slack_bolt.RequestVerification").setLevel(logging.WARNING)
    store: StateStore | MemoryStore = state if state is not None else MemoryStore()
    now = lambda: clock.now().timestamp()  # noqa: E731
    outage = Outage("state store (conversation context and the log)")
    handlers = Handlers(
        engine=engine,
        clock=clock,
        dedupe=SharedDedupe(state),
        contexts=Contexts(store, now=now, outage=outage),
        log=Unanswered(store, salt=settings.log_salt, now=now, outage=outage),
        context_ttl=settings.context_ttl,
    )
    app.event("app_mention")(handlers.mention)
    app.event("message")(handlers.message)
    app.command(settings.command)(ack=_ack, lazy=[handlers.command])
    app.action(MORE_ACTION_ID)(ack=_ack, lazy=[handlers.more])
    app.action(feedback.ACTION_ID)(ack=_ack, lazy=[handlers.rate])
    app.view(feedback.VIEW_ID)(ack=_ack, lazy=[handlers.rate_reason])
    app.error(_log_error)
    return app
