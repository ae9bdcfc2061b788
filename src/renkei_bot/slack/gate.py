"""The HTTP edge: what a request must be before bolt reads it. Pure functions over the raw bytes.

bolt parses the body before it checks the signature, and a body it cannot parse (bad JSON, `[]`, a
broken `payload=`, a timestamp `abc`) becomes a 500 with a traceback. Here the signature and the
timestamp are checked first, on the bytes as received; only a signed request is parsed, and only a body
bolt can read is handed over. Unsigned → 401, signed but malformed → 400, too large → 413.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few KB; a 1 MB limit is generous
MAX_SKEW_SECONDS = 300  # Slack's own rule: refuse a timestamp more than 5 minutes away
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class Rejection:
    status: int
    reason: str  # a short ASCII word for the log: never anything taken from the request


def _rejected(status: int, reason: str) -> Rejection:
    return Rejection(status, reason)


def check_size(content_length: str | None, *, limit: int = MAX_BODY_BYTES) -> Rejection | None:
    """The declared size, before a byte of the body is read (a chunked body is counted as it streams)."""
    if content_length is None:
        return None
    if not content_length.isdigit():
        return _rejected(400, "bad_content_length")
    return _rejected(413, "too_large") if int(content_length) > limit else None


def check_signature(body: bytes, headers: Mapping[str, str], *, secret: str, now: float) -> Rejection | None:
    """Slack's v0 signature over `v0:<timestamp>:<body>`, and a timestamp within 5 minutes of `now`."""
    timestamp = headers.get("x-slack-request-timestamp")
    signature = headers.get("x-slack-signature")
    if not timestamp or not signature:
        return _rejected(401, "unsigned")
    if not _TIMESTAMP.fullmatch(timestamp):
        return _rejected(401, "bad_timestamp")
    if abs(now - int(timestamp)) > MAX_SKEW_SECONDS:
        return _rejected(401, "stale_timestamp")
    if not _SIGNATURE.fullmatch(signature):
        return _rejected(401, "bad_signature")
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return _rejected(401, "bad_signature")
    return None


def _payload(body: str, content_type: str) -> Any:
    # the same reading as slack_bolt.request.internals.parse_body, which must not fail after this
    if content_type == "application/json" or body.startswith("{"):
        return json.loads(body)
    if "payload" in body:
        return json.loads(dict(parse_qsl(body, keep_blank_values=True)).get("payload") or "{}")
    return dict(parse_qsl(body, keep_blank_values=True))


def check_shape(body: bytes, content_type: str | None) -> Rejection | None:
    """A signed body bolt can read: UTF-8, a JSON object (or a form), and for clicks a list of actions."""
    if not body:
        return _rejected(400, "empty")
    try:
        text = body.decode("utf-8")
        payload = _payload(text, (content_type or "").split(";")[0].strip().lower())
    except UnicodeDecodeError:
        return _rejected(400, "not_utf8")
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return _rejected(400, "bad_json")
    if not isinstance(payload, dict):
        return _rejected(400, "not_an_object")
    if not isinstance(payload.get("type", ""), str):
        return _rejected(400, "bad_type")
    if payload.get("type") == "event_callback" and not isinstance(payload.get("event"), dict):
        return _rejected(400, "bad_event")
    # bolt's middleware calls .get() on these wherever they appear: an object, or absent
    for key in _OBJECTS:
        if key in payload and not isinstance(payload[key], dict):
            return _rejected(400, f"bad_{key}")
    for key in _LISTS:
        if key in payload and not _objects(payload[key]):
            return _rejected(400, f"bad_{key}")
    if payload.get("type") == "block_actions" and (
        not payload.get("actions") or not all(isinstance(a.get("action_id"), str) for a in payload["actions"])
    ):
        return _rejected(400, "bad_actions")
    return None


_OBJECTS = ("event", "view", "user", "team", "enterprise", "channel", "container", "message", "state")
_LISTS = ("actions", "authorizations")


def _objects(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def fingerprint(body: bytes) -> str:
    """What the log may say about a body: a short hash, never its content."""
    return hashlib.sha256(body).hexdigest()[:12]
