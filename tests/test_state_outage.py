"""PostgreSQL going away mid-run (a TCP proxy in front of it, stopped): dedupe degrades to in-process,
logged once; the daily post waits; both recover on their own when the server is back."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from daily_fakes import daily_data, fast_client
from fakeslack import FakeSlack
from pgtest import fresh_schema, require_postgres, with_schema
from renkei_bot.daily import post_daily
from renkei_bot.errors import StateUnavailable
from renkei_bot.slack.dedupe import SharedDedupe
from renkei_bot.state import StateStore, open_state
from renkei_bot.store import Store
from servers import Replica, start_replica
from slackdelivery import BOT_USER_ID, envelope, mention, next_ts
from tcpproxy import TcpProxy
from test_replicas import QUESTION, settle


def through(proxy: TcpProxy, url: str) -> str:
    parts = urlsplit(url)
    user = f"{parts.username}@" if parts.username else ""
    return f"postgresql://{user}127.0.0.1:{proxy.port}{parts.path}"


@pytest.fixture
def proxied() -> Iterator[tuple[TcpProxy, StateStore, StateStore]]:
    """(the proxy, a store through it, a store straight to the server), one schema."""
    url = require_postgres()
    target = urlsplit(url)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 5432).start()
    with fresh_schema() as schema:
        behind = open_state(through(proxy, url), schema=schema)
        direct = open_state(url, schema=schema)
        direct.migrate()
        try:
            yield proxy, behind, direct
        finally:
            behind.close()
            direct.close()
            proxy.stop()


def wait_until(check: object, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError("not within the time")


def test_dedupe_degrades_once_and_recovers_with_the_outage_keys(
    proxied: tuple[TcpProxy, StateStore, StateStore], caplog: pytest.LogCaptureFixture
) -> None:
    proxy, behind, direct = proxied
    dedupe = SharedDedupe(behind, probe_seconds=0.2)
    assert dedupe.first(("event", "E1"))
    proxy.stop()
    with caplog.at_level(logging.WARNING, logger="renkei_bot.state"):
        assert not dedupe.first(("event", "E1"))  # known in-process too
        assert dedupe.first(("event", "E2"))  # first seen during the outage
        assert not dedupe.first(("event", "E2"))
        for i in range(5):
            assert dedupe.first(("event", f"X{i}"))
        assert dedupe.degraded
        with pytest.raises(StateUnavailable):
            behind.ping()
        proxy.start()
        wait_until(lambda: dedupe.first(("event", f"probe{time.monotonic()}")) and not dedupe.degraded)
    messages = [r.getMessage() for r in caplog.records]
    assert sum("degraded" in m for m in messages) == 1
    assert sum("recovered" in m for m in messages) == 1
    # another replica now sees what was answered during the outage
    assert not direct.first_seen(["event:E2"], now=time.time())
    assert not direct.first_seen(["event:X4"], now=time.time())


def test_the_daily_post_waits_out_the_outage_and_posts_once(
    proxied: tuple[TcpProxy, StateStore, StateStore], tmp_path_factory: pytest.TempPathFactory
) -> None:
    proxy, behind, _ = proxied
    store = Store.load(daily_data(tmp_path_factory.mktemp("data")), env={})
    day = date(2026, 4, 26)
    with FakeSlack() as slack:
        client = fast_client(slack.url)
        proxy.stop()
        down = post_daily(engine_or_store=store, client=client, ledger=behind, channel="COUT", day=day)
        assert down.status == "failed" and down.error
        assert slack.calls("chat.postMessage") == []
        proxy.start()
        results = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            result = post_daily(engine_or_store=store, client=client, ledger=behind, channel="COUT", day=day)
            results.append(result.status)
            if result.settled:
                break
            time.sleep(0.5)
        assert results[-1] == "posted"
        assert len(slack.messages("COUT")) == 1


def test_ten_seconds_without_postgres_in_a_run_of_100_mentions(tmp_path: Path) -> None:
    """Two replicas behind the proxy. Before the outage a retry lands on the other replica; during it,
    on the same one (in-process dedupe); after it, on the other again, for old and new mentions alike."""
    url = require_postgres()
    target = urlsplit(url)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 5432).start()
    with fresh_schema() as schema, FakeSlack() as fake:
        env = {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_API_URL": fake.url,
            "RENKEI_TODAY": "2026-11-28",
            "RENKEI_STATE_URL": with_schema(through(proxy, url), schema),
        }
        one = start_replica(env, tmp_path / "r1.log", wait=False)
        two = start_replica(env, tmp_path / "r2.log", wait=False)
        try:
            one.ready(), two.ready()
            events = [
                envelope(mention("COUT", f"<@{BOT_USER_ID}> {QUESTION}", ts=next_ts())) for _ in range(100)
            ]

            def deliver(body: dict[str, Any], *to: Replica) -> None:
                for replica in to:
                    assert replica.slack.event(body["event"], event_id=body["event_id"]).status == 200

            for body in events[:30]:
                deliver(body, one, two)
            settle(fake, "COUT", 30)  # a retry in flight when the server goes is the one case left to chance
            proxy.stop()
            stopped = time.monotonic()
            for body in events[30:60]:
                deliver(body, one, one)
            assert "unavailable" in one.health()
            time.sleep(max(0.0, 10.0 - (time.monotonic() - stopped)))
            proxy.start()
            for body in events[60:]:
                deliver(body, one)

            def recovered() -> bool:
                # the store is tried again on the next event after the probe interval: keep Slack's
                # retries of the last one coming (dedupe drops them) until it is
                deliver(events[-1], one)
                return "state store recovered" in one.log()

            wait_until(recovered, timeout=60)
            for body in events[30:]:
                deliver(body, two)  # Slack's retries, landing on the other replica once it is back
            posts = settle(fake, "COUT", 100)
            assert one.proc.poll() is None and two.proc.poll() is None
        finally:
            one.stop()
            two.stop()
            proxy.stop()
    assert len(posts) == 100
    assert sorted(p["thread_ts"] for p in posts) == sorted(e["event"]["ts"] for e in events)
    log = one.log()
    assert log.count("state store degraded") == 1 and log.count("state store recovered") == 1
    assert "Traceback" not in log + two.log()
