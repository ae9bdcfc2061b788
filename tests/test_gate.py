"""slack/gate.py: the checks on the raw bytes, before bolt parses anything."""

from __future__ import annotations

import pytest

from renkei_bot.slack.gate import MAX_SKEW_SECONDS, check_shape, check_signature, check_size, fingerprint
from renkei_bot.slack.payloads import channel_id
from slackdelivery import sign

SECRET = "gate-secret"
NOW = 1_764_300_000


def _headers(body: bytes, timestamp: int = NOW, secret: str = SECRET) -> dict[str, str]:
    return {k.lower(): v for k, v in sign(secret, body, timestamp).items()}


def test_a_good_signature_passes_and_every_way_of_breaking_it_is_401() -> None:
    body = b'{"type":"event_callback"}'
    assert check_signature(body, _headers(body), secret=SECRET, now=NOW) is None
    cases = {
        "unsigned": {},
        "bad_timestamp": {**_headers(body), "x-slack-request-timestamp": "1e9"},
        "stale_timestamp": _headers(body, NOW - MAX_SKEW_SECONDS - 1),
        "bad_signature": _headers(body, secret="other"),
    }
    for reason, headers in cases.items():
        rejection = check_signature(body, headers, secret=SECRET, now=NOW)
        assert rejection is not None and (rejection.status, rejection.reason) == (401, reason)
    tampered = check_signature(body + b" ", _headers(body), secret=SECRET, now=NOW)
    assert tampered is not None and tampered.status == 401


def test_size_is_judged_from_the_declared_length() -> None:
    assert check_size(None) is None and check_size("1000000") is None
    assert check_size("1000001") == check_size("99999999999") and check_size("1000001") is not None
    assert (check_size("-1") or check_size("x")) is not None


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (b"", "application/json", "empty"),
        (b"\xff", "application/json", "not_utf8"),
        (b"{", "application/json", "bad_json"),
        (b"[1]", "application/json", "not_an_object"),
        (b'{"type": "event_callback", "event": null}', "application/json", "bad_event"),
        (b'{"type": "x", "user": "U1"}', "application/json", "bad_user"),
        (b'{"type": "block_actions", "actions": [{"value": "v"}]}', "application/json", "bad_actions"),
        (b"payload=%7B", "application/x-www-form-urlencoded", "bad_json"),
    ],
)
def test_a_signed_body_bolt_could_not_read_is_400(body: bytes, content_type: str, reason: str) -> None:
    rejection = check_shape(body, content_type)
    assert rejection is not None and (rejection.status, rejection.reason) == (400, reason)


def test_bodies_slack_sends_pass() -> None:
    assert (
        check_shape(b'{"type":"event_callback","event":{"type":"app_mention"}}', "application/json") is None
    )
    assert (
        check_shape(b"command=%2Frenkei&text=help&channel_id=C1", "application/x-www-form-urlencoded") is None
    )
    click = b"payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%22action_id%22%3A%22m%22%7D%5D%7D"
    assert check_shape(click, "application/x-www-form-urlencoded") is None


def test_a_fingerprint_is_short_and_never_the_body() -> None:
    assert len(fingerprint(b"secret text")) == 12 and "secret" not in fingerprint(b"secret text")


def test_a_channel_id_is_a_channel_id_or_none() -> None:
    assert channel_id("C0123456789") == "C0123456789" and channel_id("D1") == "D1"
    assert channel_id(None) is None and channel_id("None") is None and channel_id("general") is None
