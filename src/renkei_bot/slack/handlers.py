"""What each listener does. app.py wires them; every body runs after the ack, in bolt's thread pool.

Every failure is logged with its traceback and the user gets wording.APOLOGY, never silence.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from renkei_bot import wording
from renkei_bot.answers import render
from renkei_bot.clock import Clock
from renkei_bot.contexts import Contexts
from renkei_bot.engine import Engine
from renkei_bot.slack import conversations, feedback, paging, payloads
from renkei_bot.slack.commands import ASK, Command, answer_for, parse
from renkei_bot.slack.dedupe import SharedDedupe
from renkei_bot.slack.messages import answer_message, apology_message, note_message
from renkei_bot.slack.outbox import Outbox
from renkei_bot.slack.text import clean
from renkei_bot.unanswered import DOWN, REASON, UP, Unanswered

log = logging.getLogger("renkei_bot.slack")

Post = Callable[[dict[str, Any]], object]


def is_from_bot(event: Mapping[str, Any], bot_user_id: str | None) -> bool:
    return bool(
        event.get("bot_id")
        or event.get("subtype") == "bot_message"
        or (bot_user_id and event.get("user") == bot_user_id)
    )


def _guarded(what: str, post: Post, work: Callable[[], dict[str, Any]]) -> None:
    try:
        message = work()
    except Exception:
        log.exception("%s failed", what)
        message = apology_message()
    try:
        post(message)
    except Exception:
        log.exception("%s: posting the reply failed", what)


@dataclass
class Handlers:
    engine: Engine
    clock: Clock
    dedupe: SharedDedupe = field(default_factory=SharedDedupe)
    outbox: Outbox = field(default_factory=Outbox)
    contexts: Contexts | None = None  # conversations: follow-ups in threads and DMs
    log: Unanswered | None = None  # what went unanswered, and feedback
    context_ttl: float = 1800.0  # how long a DM keeps its context

    def _reply(self, command: Command, today: date) -> dict[str, Any]:
        answer = answer_for(self.engine, command, today=today)
        return answer_message(answer, ref=paging.PageRef(command, 0, today))

    def _question(
        self,
        client: WebClient,
        event: Mapping[str, Any],
        *,
        thread_ts: str | None,
        bot: str | None,
        key: str | None = None,
        plain: bool = False,
    ) -> None:
        """Answer a mention, a DM or (`plain`) a reply in a thread the bot answers in. `key` names the
        conversation whose last answer a follow-up may refer to."""
        channel = str(event["channel"])
        question = clean(str(event.get("text") or ""), bot_user_id=bot)
        user = str(event["user"]) if event.get("user") else None

        def post(message: dict[str, Any]) -> None:
            if message:  # empty: the answer was a picture, or nothing to say to a plain reply
                self.outbox.send(
                    channel,
                    lambda: client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message),
                    what="answer",
                )

        def work() -> dict[str, Any]:
            try:
                return answer()
            except Exception:
                if self.log is not None:
                    self.log.apology(question, user=user)
                raise

        def answer() -> dict[str, Any]:
            today = self.clock.today()
            previous = self.contexts.load(key) if self.contexts and key else None
            exchange = self.engine.converse(question, today=today, previous=previous)
            result = exchange.answer
            if plain and not result.found and result.intent == "fallback":
                return {}  # people talking in the thread, not to the bot
            if self.contexts and key:
                ttl = conversations.THREAD_TTL if key.startswith("thread:") else self.context_ttl
                self.contexts.save(key, exchange.turn, ttl=ttl)
            if self.log is not None:
                self.log.answered(question, result, user=user)
            if result.chart and _upload_chart(
                client, engine=self.engine, channel=channel, kind=result.chart, thread_ts=thread_ts
            ):
                return {}
            context = conversations.page_context(previous) if exchange.carried else None
            return answer_message(result, ref=paging.PageRef(Command(ASK, question), 0, today, context))

        _guarded(f"question {question[:80]!r}", post, work)

    def _first(self, body: Mapping[str, Any], event: Mapping[str, Any]) -> bool:
        return self.dedupe.first(
            ("event", body.get("event_id")) if body.get("event_id") else None,
            ("message", event.get("channel"), event.get("ts")) if event.get("ts") else None,
        )

    def mention(
        self, body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        """app_mention: answer in the thread the mention is in, or start one under it."""
        if is_from_bot(event, context.bot_user_id) or not self._first(body, event):
            return
        thread_ts = str(event.get("thread_ts") or event["ts"])
        key = conversations.thread_key(str(event["channel"]), thread_ts)
        self._question(client, event, thread_ts=thread_ts, bot=context.bot_user_id, key=key)

    def message(
        self, body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        """A DM: answer in the DM (in its thread only if it was written in one). A reply in a channel
        thread the bot answers in: answer it there. Other messages: ignored."""
        if event.get("subtype") or is_from_bot(event, context.bot_user_id):
            return
        if event.get("channel_type") != "im":
            self._thread_reply(body, event, client, context)
            return
        if not self._first(body, event):
            return
        thread_ts = event.get("thread_ts")
        self._question(
            client,
            event,
            thread_ts=str(thread_ts) if thread_ts else None,
            bot=context.bot_user_id,
            key=conversations.dm_key(str(event["channel"])),
        )

    def _thread_reply(
        self, body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        """message.channels / message.groups: only replies in a thread the bot has answered in, and
        not those that mention the bot (app_mention answers them)."""
        thread_ts, channel = event.get("thread_ts"), str(event.get("channel") or "")
        if not thread_ts or self.contexts is None or event.get("channel_type") not in ("channel", "group"):
            return
        if context.bot_user_id and f"<@{context.bot_user_id}" in str(event.get("text") or ""):
            return
        key = conversations.thread_key(channel, str(thread_ts))
        if not self.contexts.takes_part(key) or not self._first(body, event):
            return
        self._question(client, event, thread_ts=str(thread_ts), bot=context.bot_user_id, key=key, plain=True)

    def rate(self, body: dict[str, Any], client: WebClient) -> None:
        """👍/👎: recorded quietly (the click was acked); a 👎 opens the optional reason modal."""
        action = (body.get("actions") or [{}])[0]
        user = str((body.get("user") or {}).get("id") or "") or None
        # The key may go to the shared state store: the click's own time and message, never the user id.
        message_ts = (body.get("container") or {}).get("message_ts")
        if not self.dedupe.first(("feedback", message_ts, action.get("action_ts"))):
            return
        try:
            rated = feedback.decode(str(action.get("value")))
        except ValueError:
            log.warning("feedback click with a value not ours: %r", str(action.get("value"))[:80])
            return
        if self.log is not None:
            kind = UP if rated.vote == feedback.UP else DOWN
            self.log.feedback(kind, rated.question, intent=rated.intent, records=rated.records, user=user)
        if rated.vote == feedback.DOWN and body.get("trigger_id"):
            try:
                client.views_open(
                    trigger_id=str(body["trigger_id"]), view=feedback.reason_view(str(action["value"]))
                )
            except Exception:
                log.exception("opening the 👎 reason modal failed; the 👎 itself is recorded")

    def rate_reason(self, body: dict[str, Any]) -> None:
        """The 👎 reason modal was sent: record what was chosen or written (nothing if both empty)."""
        view = body.get("view") or {}
        user = str((body.get("user") or {}).get("id") or "") or None
        reason = feedback.reason_of(view)
        try:
            rated = feedback.decode(str(view.get("private_metadata") or ""))
        except ValueError:
            log.warning("feedback reason for a view not ours")
            return
        if reason and self.log is not None:
            self.log.feedback(
                REASON, rated.question, intent=rated.intent, records=rated.records, user=user, reason=reason
            )

    def command(
        self, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
    ) -> None:
        """/renkei: runs after the ack; answers privately through the response_url."""
        command = parse(clean(str(body.get("text") or ""), bot_user_id=context.bot_user_id))
        today = self.clock.today()

        def post(message: dict[str, Any]) -> None:
            respond(response_type="ephemeral", **message)

        channel = payloads.channel_id(body.get("channel_id"))
        if command.kind == "chart" and _post_chart(
            client, respond, engine=self.engine, channel=channel, kind=command.arg
        ):
            return
        _guarded(f"/renkei {command.kind} {command.arg[:80]!r}", post, lambda: self._reply(command, today))

    def more(self, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        """「もっと見る」: the next page in the same thread (ephemeral answers: a new ephemeral message).

        The clicked message is updated to drop its button, so one click shows one page.
        """
        found, value = payloads.clicked(body)
        try:
            ref = paging.decode(value)
        except ValueError:
            ref = None
        raw_container = body.get("container")
        container: dict[str, Any] = raw_container if isinstance(raw_container, dict) else {}
        message = body.get("message") if isinstance(body.get("message"), dict) else None
        if ref is None or found is None:  # forged or stale: a short note to the clicker, not the apology
            log.info(
                "「もっと見る」: refused a button value that was not made by us (%s)", type(value).__name__
            )
            respond(response_type="ephemeral", replace_original=False, **note_message(wording.BAD_BUTTON))
            return
        channel: str = found
        asked: paging.PageRef = ref
        ephemeral = bool(container.get("is_ephemeral")) or not message
        clicked_ts = str(container.get("message_ts") or (message or {}).get("ts"))
        if not self.dedupe.first(("more", channel, clicked_ts, value)):
            return

        without_button: list[dict[str, Any]] = []
        refused: list[bool] = []

        def work() -> dict[str, Any]:
            answer = conversations.answer_page(self.engine, asked)
            if asked.page >= render.page_count(answer):  # a page this answer does not have
                refused.append(True)
                return note_message(wording.BAD_BUTTON)
            if asked.page > 0:
                previous = replace(asked, page=asked.page - 1)
                without_button.append(answer_message(answer, ref=previous, button=False))
            return answer_message(answer, ref=asked)

        def post(reply: dict[str, Any]) -> None:
            if ephemeral or message is None or refused:
                respond(response_type="ephemeral", replace_original=False, **reply)
                return
            thread_ts = str(message.get("thread_ts") or message.get("ts") or clicked_ts)
            self.outbox.send(
                channel,
                lambda: client.chat_postMessage(channel=channel, thread_ts=thread_ts, **reply),
                what="「もっと見る」 page",
            )
            for update in without_button:
                self.outbox.send(
                    channel,
                    partial(client.chat_update, channel=channel, ts=clicked_ts, **update),
                    what="「もっと見る」 button removal",
                )

        _guarded("「もっと見る」", post, work)


def _upload_chart(
    client: WebClient, *, engine: Engine, channel: str, kind: str, thread_ts: str | None
) -> bool:
    """Upload a chart asked for in a mention or a DM into its thread. False if it could not be sent."""
    try:
        chart_upload = importlib.import_module("renkei_bot.slack.chart_upload")
        chart_upload.post_chart(client, store=engine.store, kind=kind, channel=channel, thread_ts=thread_ts)
    except Exception:
        log.exception("chart %r for %s failed; answering with the table", kind, channel)
        return False
    return True


def _post_chart(
    client: WebClient, respond: Respond, *, engine: Engine, channel: str | None, kind: str
) -> bool:
    """`/renkei chart [counts|events]`: upload the chart. False (→ help) for an unknown kind.

    matplotlib is imported here, on the first chart, never at start-up.
    """
    if kind not in ("", "counts", "events"):
        return False
    if channel is None:  # no channel id, or not one: never a channel named "None"
        respond(response_type="ephemeral", **note_message(wording.NO_CHANNEL))
        return True
    try:
        chart_upload = importlib.import_module("renkei_bot.slack.chart_upload")
        chart_upload.post_chart(
            client, store=engine.store, kind=kind or "counts", channel=channel, thread_ts=None
        )
    except Exception:
        log.exception("/renkei chart %r failed", kind)
        respond(response_type="ephemeral", **apology_message())
    return True
