"""slack/outbox.py against the fake Web API: a 429 parks one channel, in order, and nothing else."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from slack_sdk import WebClient

from fakeslack import FakeSlack
from renkei_bot.slack.outbox import Outbox


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def _texts(fake: FakeSlack, channel: str) -> list[str]:
    return [str(m["text"]) for m in fake.messages(channel)]


def test_a_429_parks_its_channel_in_order_and_lets_the_others_through(fake: FakeSlack) -> None:
    client = WebClient(token="xoxb-test", base_url=fake.url)  # no retry handlers: the outbox waits
    timers: list[tuple[float, Callable[[], None]]] = []
    outbox = Outbox(later=lambda seconds, work: timers.append((seconds, work)))
    fake.fail("chat.postMessage", status=429, times=1, retry_after=7, channel="CBUSY")

    def post(channel: str, text: str) -> None:
        outbox.send(channel, lambda: client.chat_postMessage(channel=channel, text=text), what="answer")

    post("CBUSY", "first")
    post("CBUSY", "second")  # waits behind the parked one
    post("CQUIET", "other")
    assert _texts(fake, "CQUIET") == ["other"] and _texts(fake, "CBUSY") == []
    assert outbox.pending("CBUSY") == 2
    ((seconds, drain),) = timers
    assert seconds == 7.0
    drain()
    assert _texts(fake, "CBUSY") == ["first", "second"] and outbox.pending("CBUSY") == 0
    post("CBUSY", "third")  # the channel is free again: straight out
    assert _texts(fake, "CBUSY")[-1] == "third"


def test_a_post_that_stays_rate_limited_is_logged_as_lost(
    fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    client = WebClient(token="xoxb-test", base_url=fake.url)
    timers: list[Callable[[], None]] = []
    outbox = Outbox(attempts=3, later=lambda seconds, work: timers.append(work))
    fake.fail("chat.postMessage", status=429, times=5, retry_after=1, channel="CLOST")
    outbox.send("CLOST", lambda: client.chat_postMessage(channel="CLOST", text="x"), what="answer")
    while timers:
        timers.pop()()
    assert "answer to CLOST lost: still rate-limited after 3 attempts" in caplog.text
    assert len(fake.calls("chat.postMessage")) == 3 and fake.messages("CLOST") == []


def test_another_error_is_logged_as_lost_not_raised(
    fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    client = WebClient(token="xoxb-test", base_url=fake.url)
    fake.fail("chat.postMessage", status=200, times=1, retry_after=None, error="channel_not_found")
    Outbox().send("CNONE", lambda: client.chat_postMessage(channel="CNONE", text="x"), what="answer")
    assert "answer to CNONE lost: Slack answered channel_not_found" in caplog.text
