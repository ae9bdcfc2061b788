"""Requests built like Slack's own deliveries: signed bodies for events, slash commands and clicks.

slack = Deliverer(url="http://127.0.0.1:PORT/slack/events", secret="…")
slack.event(mention("C1", "<@UBOT> 質問", ts="1.000001"))
slack.command("/renkei", "partners", response_url=fake.url + "respond/1")
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx

BOT_USER_ID = "UBOT"  # what tests/fakeslack.py answers to auth.test
_ids = itertools.count(1)


def next_ts() -> str:
    return f"1764300000.{next(_ids):06d}"


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    base = b"v0:" + str(timestamp).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Signature": f"v0={digest}", "X-Slack-Request-Timestamp": str(timestamp)}


def envelope(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "legacy-unused",
        "team_id": "T1",
        "api_app_id": "A1",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):08d}",
        "event_time": 1764300000,
        "authorizations": [{"team_id": "T1", "user_id": BOT_USER_ID, "is_bot": True}],
    }


def mention(
    channel: str, text: str, *, ts: str | None = None, thread_ts: str | None = None
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": "UHUMAN",
        "text": text,
        "ts": ts or next_ts(),
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def dm(channel: str, text: str, *, ts: str | None = None, **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "message",
        "channel_type": "im",
        "user": "UHUMAN",
        "text": text,
        "ts": ts or next_ts(),
        "channel": channel,
    }
    event.update(extra)
    return event


@dataclass
class Sent:
    status: int
    text: str
    json: Any
    started: float  # time.monotonic() before sending
    elapsed: float  # seconds until the whole HTTP response was read


class Deliverer:
    def __init__(self, *, url: str, secret: str, client: httpx.Client | None = None) -> None:
        self.url = url
        self.secret = secret
        self.http = client or httpx.Client(timeout=10.0)

    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Sent:
        # Slack's signatures are checked against the wall clock, so the timestamp must be real.
        ts = int(time.time()) if timestamp is None else timestamp
        all_headers = {
            "Content-Type": content_type,
            **sign(secret or self.secret, body, ts),
            **(headers or {}),
        }
        started = time.monotonic()
        response = self.http.post(self.url, content=body, headers=all_headers)
        elapsed = time.monotonic() - started
        try:
            parsed = response.json()
        except ValueError:
            parsed = None
        return Sent(response.status_code, response.text, parsed, started, elapsed)

    def event(self, event: dict[str, Any], *, event_id: str | None = None, **kwargs: Any) -> Sent:
        body = json.dumps(envelope(event, event_id=event_id), ensure_ascii=False).encode()
        return self.post(body, "application/json", **kwargs)

    def raw_json(self, payload: dict[str, Any], **kwargs: Any) -> Sent:
        return self.post(json.dumps(payload).encode(), "application/json", **kwargs)

    def command(
        self, command: str, text: str, *, response_url: str, channel: str = "C1", **kwargs: Any
    ) -> Sent:
        form = {
            "token": "legacy-unused",
            "team_id": "T1",
            "team_domain": "example",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": "UHUMAN",
            "user_name": "tanaka",
            "command": command,
            "text": text,
            "api_app_id": "A1",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"{next(_ids)}.1.abc",
        }
        return self.post(urlencode(form).encode(), "application/x-www-form-urlencoded", **kwargs)

    def click(
        self,
        *,
        action_id: str,
        value: str,
        channel: str,
        message: dict[str, Any] | None,
        response_url: str,
        **kwargs: Any,
    ) -> Sent:
        """A block_actions click on a button in `message` (None: an ephemeral message)."""
        message_ts = message["ts"] if message else next_ts()
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": "UHUMAN", "username": "tanaka", "team_id": "T1"},
            "api_app_id": "A1",
            "token": "legacy-unused",
            "container": {
                "type": "message",
                "message_ts": message_ts,
                "channel_id": channel,
                "is_ephemeral": message is None,
            },
            "trigger_id": f"{next(_ids)}.1.abc",
            "team": {"id": "T1", "domain": "example"},
            "channel": {"id": channel, "name": "general"},
            "response_url": response_url,
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "b1",
                    "text": {"type": "plain_text", "text": "もっと見る"},
                    "value": value,
                    "action_ts": "1764300000.1",
                }
            ],
        }
        if message is not None:
            payload["message"] = message
        body = urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()
        return self.post(body, "application/x-www-form-urlencoded", **kwargs)


def channel_message(
    channel: str, text: str, *, thread_ts: str | None = None, ts: str | None = None, **extra: Any
) -> dict[str, Any]:
    """message.channels: a plain message (no mention) in a channel, in a thread when thread_ts is given."""
    event: dict[str, Any] = {
        "type": "message",
        "channel_type": "channel",
        "user": "UHUMAN",
        "text": text,
        "ts": ts or next_ts(),
        "channel": channel,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
        event["parent_user_id"] = "UHUMAN"
    event.update(extra)
    return event


def feedback_click(
    deliverer: Deliverer, *, message: dict[str, Any], channel: str, vote: str, user: str = "UHUMAN"
) -> Sent:
    """A click on 👍 (vote "positive") or 👎 ("negative") of the feedback_buttons in `message`."""
    element = next(e for b in message["blocks"] if b["type"] == "context_actions" for e in b["elements"])
    button = element[f"{vote}_button"]
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": "tanaka", "team_id": "T1"},
        "api_app_id": "A1",
        "token": "legacy-unused",
        "container": {
            "type": "message",
            "message_ts": message["ts"],
            "channel_id": channel,
            "is_ephemeral": False,
        },
        "trigger_id": f"{next(_ids)}.1.abc",
        "team": {"id": "T1", "domain": "example"},
        "channel": {"id": channel, "name": "general"},
        "message": message,
        "actions": [
            {
                "type": "feedback_buttons",
                "action_id": element["action_id"],
                "block_id": "fb1",
                "text": button["text"],
                "value": button["value"],
                "action_ts": f"1764300000.{next(_ids)}",
            }
        ],
    }
    body = urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()
    return deliverer.post(body, "application/x-www-form-urlencoded")


def view_submission(
    deliverer: Deliverer, *, view: dict[str, Any], values: dict[str, Any], user: str = "UHUMAN"
) -> Sent:
    """The submission of a modal opened with `view` (as sent to views.open), with input `values`."""
    payload = {
        "type": "view_submission",
        "team": {"id": "T1", "domain": "example"},
        "user": {"id": user, "username": "tanaka", "team_id": "T1"},
        "api_app_id": "A1",
        "token": "legacy-unused",
        "trigger_id": f"{next(_ids)}.1.abc",
        "view": {**view, "id": "V1", "team_id": "T1", "state": {"values": values}},
    }
    body = urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()
    return deliverer.post(body, "application/x-www-form-urlencoded")
