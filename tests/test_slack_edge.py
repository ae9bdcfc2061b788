"""The HTTP edge of `renkei-bot serve --http`, attacked over 127.0.0.1 as issue 11 found it.

The server is the real command in a subprocess; its log is read from the file it writes.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renkei_bot import wording
from renkei_bot.answers.render import MORE_ACTION_ID, escape_mrkdwn
from served import SECRET, Served
from slackdelivery import BOT_USER_ID, envelope, mention, next_ts, sign

QUESTION = "北海道町村会との協定はいつ？"
QUIET = 0.4
LOG_LINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} [A-Z]+ [\w.:]+: ")  # renkei_bot/logs.py


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with Served(tmp_path_factory.mktemp("edge")) as server:
        yield server


def _post(served: Served, body: bytes, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(f"{served.base}/slack/events", content=body, headers=headers, timeout=10)


def _signed(body: bytes, content_type: str = "application/json", **extra: str) -> dict[str, str]:
    return {"Content-Type": content_type, **sign(SECRET, body, int(time.time())), **extra}


def _assert_nothing_posted_and_no_traceback(served: Served, before: int) -> None:
    # the refusal came before bolt's dispatch, so nothing can be posted later: no need to wait
    assert len(served.fake.calls("chat.postMessage")) == before
    assert "Traceback" not in served.log()


JUNK = [
    (b"{bad json", "application/json"),
    (b"\xff\xfe\x00garbage", "application/json"),
    (b"[]", "application/json"),
    (b"123", "application/json"),
    (b"payload=%7Bbroken", "application/x-www-form-urlencoded"),
    (b"", "application/json"),
]


@pytest.mark.parametrize(("body", "content_type"), JUNK)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=" + "0" * 64},
        {"X-Slack-Request-Timestamp": "1e9", "X-Slack-Signature": "v0=" + "0" * 64},
        {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=" + "0" * 64},
        {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "nonsense"},
    ],
    ids=["unsigned", "ts-abc", "ts-1e9", "wrong-signature", "bad-signature-format"],
)
def test_unsigned_junk_gets_401_never_500(
    served: Served, body: bytes, content_type: str, headers: dict[str, str]
) -> None:
    before = len(served.fake.calls("chat.postMessage"))
    response = _post(served, body, {"Content-Type": content_type, **headers})
    assert response.status_code == 401
    _assert_nothing_posted_and_no_traceback(served, before)


def test_a_timestamp_more_than_five_minutes_away_gets_401(served: Served) -> None:
    body = json.dumps(envelope(mention("CSTALE", f"<@{BOT_USER_ID}> {QUESTION}"))).encode()
    for skew in (-330, 330):
        headers = {"Content-Type": "application/json", **sign(SECRET, body, int(time.time()) + skew)}
        assert _post(served, body, headers).status_code == 401


def _click(actions: object) -> bytes:
    payload = {"type": "block_actions", "actions": actions, "response_url": "http://127.0.0.1:9/x"}
    return urlencode({"payload": json.dumps(payload)}).encode()


SIGNED_JUNK = [
    (b"{bad json", "application/json"),
    (b'{"type": "event_callback", "event": "\xff"}', "application/json"),
    (b"[]", "application/json"),
    (b"123", "application/json"),
    (b'{"type": ["x"]}', "application/json"),
    (b'{"type": "event_callback", "event": []}', "application/json"),
    (b"payload=%7Bbroken", "application/x-www-form-urlencoded"),
    (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    (_click([]), "application/x-www-form-urlencoded"),
    (_click("x"), "application/x-www-form-urlencoded"),
    (_click([None]), "application/x-www-form-urlencoded"),
    (b"", "application/json"),
]


@pytest.mark.parametrize(("body", "content_type"), SIGNED_JUNK)
def test_signed_but_malformed_gets_400_never_500(served: Served, body: bytes, content_type: str) -> None:
    before = len(served.fake.calls("chat.postMessage"))
    response = _post(served, body, _signed(body, content_type))
    assert response.status_code == 400
    _assert_nothing_posted_and_no_traceback(served, before)


def test_no_junk_is_ever_answered(served: Served) -> None:
    before = len(served.fake.calls())
    for body, content_type in JUNK:
        _post(served, body, {"Content-Type": content_type})
    for body, content_type in SIGNED_JUNK:
        _post(served, body, _signed(body, content_type))
    time.sleep(QUIET)
    assert len(served.fake.calls()) == before


KEYS = ["type", "event", "actions", "action_id", "channel", "container", "message", "user", "text", "ts"]
KEYS += ["authorizations", "team", "enterprise", "view", "value", "response_url", "channel_id", "command"]
TYPES = ["event_callback", "block_actions", "url_verification", "view_submission", "shortcut"]
TYPES += ["message_action", "interactive_message", "block_suggestion", "app_rate_limited"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    max_leaves=15,
)
payloads = st.builds(
    lambda kind, rest: {**rest, "type": kind},
    st.sampled_from(TYPES),
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=5),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(payload=payloads, as_form=st.booleans())
def test_a_signed_payload_of_any_shape_gets_2xx_or_4xx(
    served: Served, payload: object, as_form: bool
) -> None:
    if as_form:
        body, content_type = (
            urlencode({"payload": json.dumps(payload)}).encode(),
            "application/x-www-form-urlencoded",
        )
    else:
        body, content_type = json.dumps(payload).encode(), "application/json"
    assert _post(served, body, _signed(body, content_type)).status_code < 500


def test_oversized_bodies_get_413_unread_and_cost_no_memory(served: Served) -> None:
    big = b"x" * 10_000_000
    declared = (
        b"POST /slack/events HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % len(big)
    )
    chunk = b"y" * 65536
    chunked_body = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(40)) + b"0\r\n\r\n"
    chunked = (
        b"POST /slack/events HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    idle = served.rss_kb()
    started = time.monotonic()
    for _ in range(8):
        assert served.raw(declared, big) == 413
        assert served.raw(chunked, chunked_body) == 413  # no Content-Length: counted while streaming
    took = time.monotonic() - started
    assert served.rss_kb() - idle < 10_000, f"RSS grew from {idle} kB to {served.rss_kb()} kB"
    assert took < 10, f"16 refused bodies took {took:.1f} s"
    health = time.monotonic()
    assert httpx.get(f"{served.base}/healthz").text == "ok\nstate: sqlite ok\n"
    assert time.monotonic() - health < 0.5


def test_a_refusal_is_one_line_without_the_request_text(tmp_path: Path) -> None:
    with Served(tmp_path) as served:  # its own server: the module's has used up its minute of log lines
        _refusals_are_one_line_without_the_request_text(served)


def _refusals_are_one_line_without_the_request_text(served: Served) -> None:
    forged = b'{"x": "1"}\n2026-11-28 09:00:00,000 INFO renkei_bot.slack: FORGED-LINE\n'
    assert _post(served, forged, {"Content-Type": "application/json"}).status_code == 401
    # a real request from a host whose clock is 10 minutes off: its text and response_url stay out
    secret_text = "社外秘の質問テキスト"
    form = {
        "command": "/renkei",
        "text": secret_text,
        "user_id": "USECRET42",
        "response_url": "https://hooks.slack.com/commands/T1/SECRETURL",
    }
    body = urlencode(form).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        **sign(SECRET, body, int(time.time()) - 600),
    }
    assert _post(served, body, headers).status_code == 401
    time.sleep(QUIET)
    log = served.log()
    assert "FORGED-LINE" not in log
    for leaked in (secret_text, "USECRET42", "SECRETURL", "hooks.slack.com"):
        assert leaked not in log
    lines = log.splitlines()
    assert all(LOG_LINE.match(line) for line in lines), [line for line in lines if not LOG_LINE.match(line)]
    assert any("refused request: stale_timestamp (HTTP 401, " in line and "sha256" in line for line in lines)


def test_a_slash_chart_without_a_channel_gets_a_note_not_a_post_to_none(served: Served) -> None:
    response_url = served.fake.url + "respond/chart-none"
    sent = served.slack.command("/renkei", "chart counts", response_url=response_url, channel="")
    assert sent.status == 200
    (note,) = served.fake.wait_for("respond/chart-none", timeout=15)
    assert note.body["text"] == escape_mrkdwn(wording.NO_CHANNEL)
    assert not [c for c in served.fake.calls() if c.body.get("channel") in ("None", "")]


def test_a_click_with_a_forged_page_gets_a_note(served: Served) -> None:
    value = json.dumps({"k": "ask", "a": QUESTION, "p": -5, "t": "2026-11-28"})
    response_url = served.fake.url + "respond/page-minus-5"
    message = {"type": "message", "ts": next_ts(), "bot_id": "BBOT", "text": "…"}
    sent = served.slack.click(
        action_id=MORE_ACTION_ID, value=value, channel="CPAGE", message=message, response_url=response_url
    )
    assert sent.status == 200
    (note,) = served.fake.wait_for("respond/page-minus-5", timeout=15)
    assert note.body["text"] == escape_mrkdwn(wording.BAD_BUTTON)


def _answered(served: Served, channel: str) -> list[dict[str, object]]:
    return served.fake.messages(channel)


def test_a_rate_limited_channel_does_not_hold_up_the_others(served: Served) -> None:
    slow = "CRATELIMITED"
    served.fake.fail("chat.postMessage", status=429, times=2, retry_after=2, channel=slow)
    started = time.monotonic()
    assert served.slack.event(mention(slow, f"<@{BOT_USER_ID}> {QUESTION}")).status == 200
    time.sleep(0.3)  # the slow channel's answer is parked by now
    others = [f"CFAST{i:02d}" for i in range(8)]
    for channel in others:
        assert served.slack.event(mention(channel, f"<@{BOT_USER_ID}> {QUESTION}")).status == 200
    deadline = time.monotonic() + 15
    while not all(_answered(served, c) for c in others) and time.monotonic() < deadline:
        time.sleep(0.01)
    fast_done = time.monotonic() - started
    assert all(_answered(served, c) for c in others)
    assert fast_done < 3.5, f"the other channels waited {fast_done:.1f} s behind the 429"
    while not _answered(served, slow) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(_answered(served, slow)) == 1  # parked, sent after Retry-After twice, and only once
    assert time.monotonic() - started >= 4  # it really waited out both Retry-Afters
    assert "answer to CRATELIMITED: rate-limited, sending again in 2.0 s" in served.log()


def test_an_answer_that_stays_rate_limited_is_logged_as_lost(served: Served) -> None:
    lost = "CLOSTLOST"
    served.fake.fail("chat.postMessage", status=429, times=10, retry_after=1, channel=lost)
    assert served.slack.event(mention(lost, f"<@{BOT_USER_ID}> {QUESTION}")).status == 200
    deadline = time.monotonic() + 20
    while "answer to CLOSTLOST lost" not in served.log() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "answer to CLOSTLOST lost: still rate-limited after 4 attempts" in served.log()
    assert len([c for c in served.fake.calls("chat.postMessage") if c.body.get("channel") == lost]) == 4
    assert _answered(served, lost) == []
