"""The daily 「N年前の今日」 post, exactly once per (channel, date).

    ledger says posted? → done
    claim (channel, date) in the ledger → another run holds it? → done (it posts)
    conversations.history since the start of that Tokyo day has our marked message? → record, done
    chat.postMessage with metadata {event_type: renkei_anniversary, event_payload: {date, channel}}
    record the ts

The metadata check covers a crash between posting and recording, and a claim taken over after its
lease ran out. The post itself is never retried blindly: Slack may have stored a message it answered
with a 5xx or a dropped connection, so after such an error the history is searched again before the
next attempt. Only a 429 (never stored) is retried by the client. What still fails is logged and
returned as a failed PostResult. Nothing here raises into the server.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from renkei_bot.answers.anniversaries import anniversary_answer, upcoming_answer
from renkei_bot.answers.model import Answer
from renkei_bot.answers.render import to_blocks, to_text
from renkei_bot.clock import TOKYO
from renkei_bot.errors import StateError
from renkei_bot.state import StateStore
from renkei_bot.store import Store

if TYPE_CHECKING:  # the engine is only passed through; importing it would load the NLU for a cron run
    from renkei_bot.engine import Engine

EVENT_TYPE = "renkei_anniversary"
EMPTY_MODES = ("skip", "upcoming")
LEASE_SECONDS = 300.0
POST_ATTEMPTS = 3  # chat.postMessage tries, each after a fresh look at the history
POST_RETRY_SECONDS = 2.0  # the wait before the second attempt; doubled before each later one
HISTORY_PAGES = 5  # 5 × 200 messages since the start of the day is far more than a channel gets

Status = Literal["posted", "already_posted", "found_in_history", "claimed_elsewhere", "empty", "failed"]


@dataclass(frozen=True, slots=True)
class DailyMessage:
    text: str
    blocks: list[dict[str, Any]]
    answer: Answer


@dataclass(frozen=True, slots=True)
class PostResult:
    status: Status
    channel: str
    day: date
    ts: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @property
    def settled(self) -> bool:
        """Nothing more to do for this day: it is posted, or there is nothing to post."""
        return self.status in ("posted", "already_posted", "found_in_history", "empty")


def store_of(engine_or_store: Engine | Store) -> Store:
    return engine_or_store if isinstance(engine_or_store, Store) else engine_or_store.store


def daily_message(engine_or_store: Engine | Store, day: date, *, empty_mode: str) -> DailyMessage | None:
    """What to post on `day`, or None when there is nothing (an empty day with empty_mode skip)."""
    if empty_mode not in EMPTY_MODES:
        raise ValueError(f"empty_mode={empty_mode!r}: use 'skip' or 'upcoming' (RENKEI_DAILY_EMPTY)")
    store = store_of(engine_or_store)
    answer: Answer | None = anniversary_answer(store, day, intent="anniversary")
    if answer is not None and not answer.found:
        answer = upcoming_answer(store, day) if empty_mode == "upcoming" else None
    if answer is None:
        return None
    everything = max(1, len(answer.lines))  # a daily post is short: show all of it, no button
    return DailyMessage(
        text=to_text(answer, limit=everything),
        blocks=to_blocks(answer, page_size=everything),
        answer=answer,
    )


def metadata(channel: str, day: date) -> dict[str, Any]:
    return {"event_type": EVENT_TYPE, "event_payload": {"date": day.isoformat(), "channel": channel}}


def day_start_ts(day: date) -> str:
    """The start of `day` in Asia/Tokyo as a Slack timestamp, whatever the machine's time zone."""
    return f"{datetime(day.year, day.month, day.day, tzinfo=TOKYO).timestamp():.6f}"


def _is_ours(message: dict[str, Any], channel: str, day: date) -> bool:
    meta = message.get("metadata")
    if not isinstance(meta, dict) or meta.get("event_type") != EVENT_TYPE:
        return False
    payload = meta.get("event_payload")
    return isinstance(payload, dict) and payload == metadata(channel, day)["event_payload"]


def find_posted(client: WebClient, channel: str, day: date) -> str | None:
    """The ts of our marked message for (channel, day) posted since the start of that day, if any."""
    cursor: str | None = None
    for _ in range(HISTORY_PAGES):
        params: dict[str, Any] = {
            "channel": channel,
            "oldest": day_start_ts(day),
            "include_all_metadata": True,
            "limit": 200,
        }
        if cursor:
            params["cursor"] = cursor
        # POST (form) rather than the SDK's GET: Slack accepts both, and a body keeps the call uniform.
        response = client.api_call("conversations.history", http_verb="POST", params=params)
        for message in response.get("messages") or []:
            if isinstance(message, dict) and _is_ours(message, channel, day):
                return str(message.get("ts"))
        cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
        if not response.get("has_more") or not cursor:
            return None
    return None


def _history_fix(exc: Exception) -> str:
    """Only Slack's own "missing_scope" is blamed on the scope; a network failure is not."""
    if isinstance(exc, SlackApiError) and exc.response.get("error") == "missing_scope":
        return "Give the bot the channels:history / groups:history scope."
    if isinstance(exc, SlackApiError):
        return f"Slack answered '{exc.response.get('error')}'."
    return "Slack could not be reached; check the network."


def new_owner() -> str:
    """Who holds a claim: host, process and thread, plus a nonce so no two runs ever share one."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}:{uuid.uuid4().hex[:8]}"


def post_daily(
    *,
    engine_or_store: Engine | Store,
    client: WebClient,
    ledger: StateStore,
    channel: str,
    day: date,
    empty_mode: str = "skip",
    logger: logging.Logger | None = None,
    owner: str | None = None,
    lease_seconds: float = LEASE_SECONDS,
    retry_seconds: float = POST_RETRY_SECONDS,
) -> PostResult:
    """Post the anniversaries of `day` to `channel` once, whoever else is trying. Never raises."""
    log = logger or logging.getLogger(__name__)
    where = f"daily post {channel} {day.isoformat()}"
    try:
        ts = ledger.posted(channel, day)
        if ts:
            log.info("%s: already posted (ts %s)", where, ts)
            return PostResult("already_posted", channel, day, ts=ts)
        message = daily_message(engine_or_store, day, empty_mode=empty_mode)
        if message is None:
            log.info("%s: no anniversary on this day; nothing posted (RENKEI_DAILY_EMPTY=skip)", where)
            return PostResult("empty", channel, day)
        me = owner or new_owner()
        if not ledger.claim(channel, day, me, lease_seconds=lease_seconds):
            ts = ledger.posted(channel, day)
            if ts:
                return PostResult("already_posted", channel, day, ts=ts)
            log.info("%s: another run is posting it; leaving it to that run", where)
            return PostResult("claimed_elsewhere", channel, day)
    except StateError as exc:  # it says what and how to fix it; the next run tries again
        log.error("%s: not posted, the state store failed: %s", where, exc)
        return PostResult("failed", channel, day, error=str(exc))
    except Exception as exc:  # the data; the server must keep running
        log.exception("%s: failed before posting: %s", where, exc)
        return PostResult("failed", channel, day, error=str(exc))

    poster = _without_blind_retries(client)
    wait = retry_seconds
    for attempt in range(1, POST_ATTEMPTS + 1):
        checked, found = _look_in_history(client, channel, day, where, log)
        if attempt > 1 and not checked:
            log.error(
                "%s: the last attempt may have been stored and the history cannot be checked; "
                "not posting again. The claim expires after its lease; the next run checks again.",
                where,
            )
            return PostResult("failed", channel, day, error="history unavailable after a failed post")
        if found:
            _record(ledger, channel, day, found, where, log)
            log.info("%s: found our earlier message (ts %s) and recorded it; not posting again", where, found)
            return PostResult("found_in_history", channel, day, ts=found)
        try:
            response = poster.chat_postMessage(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                metadata=metadata(channel, day),
                unfurl_links=False,
                unfurl_media=False,
            )
            new_ts = str(response.get("ts"))
            break
        except Exception as exc:
            if attempt == POST_ATTEMPTS:
                log.error(
                    "%s: Slack did not take the post after %d attempts: %s. The next run tries again.",
                    where,
                    attempt,
                    exc,
                )
                _release(ledger, channel, day, me, log)
                return PostResult("failed", channel, day, error=str(exc))
            # Slack may have stored it anyway: the next turn looks for it before posting again.
            log.warning(
                "%s: attempt %d failed (%s); checking the channel before trying again", where, attempt, exc
            )
            threading.Event().wait(wait)
            wait *= 2
    _record(ledger, channel, day, new_ts, where, log)
    log.info("%s: posted (ts %s)", where, new_ts)
    return PostResult("posted", channel, day, ts=new_ts)


def _without_blind_retries(client: WebClient) -> WebClient:
    """The same client, retrying only 429s: a 5xx or a dropped connection may hide a stored post."""
    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        retry_handlers=[h for h in client.retry_handlers if isinstance(h, RateLimitErrorRetryHandler)],
    )


def _look_in_history(
    client: WebClient, channel: str, day: date, where: str, log: logging.Logger
) -> tuple[bool, str | None]:
    """(whether the history could be read, the ts of our message if it is there)."""
    try:
        return True, find_posted(client, channel, day)
    except Exception as exc:
        # Without the check a crash-then-restart could double-post, but a missing scope
        # (channels:history) must not silence the daily post for good: post, and say so.
        log.warning(
            "%s: could not check the channel history (%s); posting without that check. %s",
            where,
            exc,
            _history_fix(exc),
        )
        return False, None


def _record(ledger: StateStore, channel: str, day: date, ts: str, where: str, log: logging.Logger) -> None:
    try:
        ledger.record(channel, day, ts)
    except Exception as exc:
        # Posted but not recorded: the next run finds the message by its metadata.
        log.error("%s: posted (ts %s) but could not record it in %s: %s", where, ts, ledger.where, exc)


def _release(ledger: StateStore, channel: str, day: date, owner: str, log: logging.Logger) -> None:
    try:
        ledger.release(channel, day, owner)
    except Exception as exc:
        log.error("daily post %s %s: could not release the claim: %s", channel, day.isoformat(), exc)
