"""Two `renkei-bot serve --http` replicas sharing one PostgreSQL, driven over 127.0.0.1 against the
fake Slack Web API: every event answered once, the daily post made once, a dead claim taken over."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from fakeslack import FakeSlack
from pgtest import fresh_schema, require_postgres, with_schema
from servers import Replica, start_replica
from slackdelivery import BOT_USER_ID, channel_message, envelope, mention, next_ts

QUESTION = "北海道町村会との協定はいつ？"
DAY = "2026-04-26"  # 北海道町村会との協定締結（2016-04-26）の10周年: the daily post has something to say


def replica_env(fake: FakeSlack, state_url: str, **extra: str) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": fake.url,
        "RENKEI_TODAY": DAY,
        "RENKEI_STATE_URL": state_url,
        **extra,
    }


def posts_to(fake: FakeSlack, channel: str) -> list[dict[str, object]]:
    return [c.body for c in fake.calls("chat.postMessage") if c.body.get("channel") == channel]


def settle(fake: FakeSlack, channel: str, count: int, timeout: float = 30.0) -> list[dict[str, object]]:
    """Wait for `count` posts to `channel`, then a moment more in case a duplicate follows."""
    deadline = time.monotonic() + timeout
    while len(posts_to(fake, channel)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    return posts_to(fake, channel)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeSlack, Replica, Replica]]:
    url = require_postgres()
    logs = tmp_path_factory.mktemp("replicas")
    with fresh_schema() as schema, FakeSlack() as fake:
        env = replica_env(
            fake, with_schema(url, schema), RENKEI_DAILY_CHANNEL="CDAILY", RENKEI_DAILY_TIME="00:00"
        )
        replicas = [start_replica(env, logs / f"r{i}.log", wait=False) for i in (1, 2)]
        try:  # both started before either is ready: their migrations and daily posts race
            yield fake, replicas[0].ready(), replicas[1].ready()
        finally:
            for r in replicas:
                r.stop()


def test_the_same_event_delivered_to_both_at_once_is_answered_once(
    pair: tuple[FakeSlack, Replica, Replica],
) -> None:
    fake, one, two = pair
    events = [envelope(mention("CREP", f"<@{BOT_USER_ID}> {QUESTION}", ts=next_ts())) for _ in range(20)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for body in events:
            futures = [
                pool.submit(r.slack.event, body["event"], event_id=body["event_id"]) for r in (one, two)
            ]
            sent = [f.result() for f in futures]
            assert [s.status for s in sent] == [200, 200]
    posts = settle(fake, "CREP", 20)
    assert len(posts) == 20
    assert sorted(p["thread_ts"] for p in posts) == sorted(e["event"]["ts"] for e in events)


def test_a_thread_answered_by_one_replica_is_followed_up_by_the_other(
    pair: tuple[FakeSlack, Replica, Replica],
) -> None:
    fake, one, two = pair
    parent = next_ts()
    assert one.slack.event(mention("CCTX", f"<@{BOT_USER_ID}> {QUESTION}", ts=parent)).status == 200
    (first,) = settle(fake, "CCTX", 1)
    assert "2016年（平成28年）4月26日" in str(first["text"])
    assert two.slack.event(channel_message("CCTX", "構成自治体数は？", thread_ts=parent)).status == 200
    posts = settle(fake, "CCTX", 2)
    assert len(posts) == 2 and posts[1]["thread_ts"] == parent
    follow_up = str(posts[1]["text"])
    assert "144" in follow_up and follow_up.startswith("北海道町村会について：")  # the context crossed over


def test_both_schedulers_post_the_day_once(pair: tuple[FakeSlack, Replica, Replica]) -> None:
    fake, one, two = pair
    posts = settle(fake, "CDAILY", 1)
    assert len(posts) == 1
    assert posts[0]["metadata"] == {
        "event_type": "renkei_anniversary",
        "event_payload": {"date": DAY, "channel": "CDAILY"},
    }
    logs = one.log() + two.log()
    assert logs.count(": posted (ts") == 1


def test_healthz_reports_the_backend(pair: tuple[FakeSlack, Replica, Replica]) -> None:
    _, one, _ = pair
    assert one.health() == "ok\nstate: postgresql ok\n"


def test_a_replica_killed_mid_claim_is_taken_over_after_the_lease(tmp_path: Path) -> None:
    url = require_postgres()
    lease = 6.0
    with fresh_schema() as schema, FakeSlack() as fake:
        env = replica_env(
            fake,
            with_schema(url, schema),
            RENKEI_DAILY_CHANNEL="CKILL",
            RENKEI_DAILY_TIME="00:00",
            RENKEI_DAILY_LEASE=str(lease),
        )
        fake.fail("conversations.history", status=200, stored=True, delay=120)  # replica 1 hangs here
        one = start_replica(env, tmp_path / "r1.log")
        two: Replica | None = None
        try:
            fake.wait_for("conversations.history", timeout=30)  # it holds the claim and is checking
            claimed = time.monotonic()
            two = start_replica(env, tmp_path / "r2.log")  # sees the claim held, and waits
            one.proc.send_signal(signal.SIGKILL)
            one.proc.wait(10)
            posts = settle(fake, "CKILL", 1, timeout=30)
            posted_after = fake.calls("chat.postMessage")[0].at - claimed
        finally:
            one.stop()
            if two is not None:
                two.stop()
        assert len(posts) == 1
        assert posted_after >= lease - 0.5, f"posted {posted_after:.1f} s after the claim, inside its lease"
        assert "another run is posting it" in two.log()
