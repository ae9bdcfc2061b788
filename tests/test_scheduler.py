from __future__ import annotations

import itertools
import logging
import time as time_module
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from daily_fakes import daily_data, fast_client
from fakeslack import FakeSlack
from renkei_bot.clock import TOKYO, Clock
from renkei_bot.config import Settings
from renkei_bot.daily import POST_ATTEMPTS, PostResult, post_daily
from renkei_bot.errors import ConfigError
from renkei_bot.scheduler import DailyScheduler, start_daily
from renkei_bot.slack.client import make_client
from renkei_bot.state.sqlite import SqliteState
from renkei_bot.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store.load(daily_data(tmp_path_factory.mktemp("data")), env={})


_channels = itertools.count(1)


class FakeNow:
    """The time the test says it is, as an aware datetime in any zone."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def channel() -> str:
    return f"CS{next(_channels):05d}"


def tokyo(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TOKYO)


def scheduler(
    store: Store, slack: FakeSlack, db: Path, channel: str, now: FakeNow, *, at: time = time(9, 0)
) -> DailyScheduler:
    client = fast_client(slack.url)

    def post(day: date) -> PostResult:
        return post_daily(
            engine_or_store=store,
            client=client,
            ledger=SqliteState(db),
            channel=channel,
            day=day,
            empty_mode="skip",
            logger=logging.getLogger("test.scheduler"),
            retry_seconds=0.0,
        )

    return DailyScheduler(post=post, clock=Clock(now=now), at=at, retry_seconds=300, held_seconds=60)


def posted_dates(slack: FakeSlack, channel: str) -> list[str]:
    return [m["metadata"]["event_payload"]["date"] for m in slack.messages(channel)]


def test_posts_at_the_set_time_in_tokyo(store: Store, slack: FakeSlack, channel: str, tmp_path: Path) -> None:
    now = FakeNow(tokyo(2026, 4, 26, 8, 59))
    s = scheduler(store, slack, tmp_path / "s.db", channel, now)
    assert s.tick() is None
    now.at = tokyo(2026, 4, 26, 9, 0)
    result = s.tick()
    assert result is not None and result.status == "posted"
    assert posted_dates(slack, channel) == ["2026-04-26"]


@pytest.fixture
def utc_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the process's local time zone UTC, as on most servers and containers."""
    monkeypatch.setenv("TZ", "UTC")
    time_module.tzset()
    assert time_module.localtime(0).tm_gmtoff == 0
    yield
    monkeypatch.undo()
    time_module.tzset()


def test_posts_at_the_tokyo_time_on_a_utc_machine(
    store: Store, utc_machine: None, slack: FakeSlack, channel: str, tmp_path: Path
) -> None:
    # 09:00 in Tokyo is 00:00 UTC. A clock in UTC must post then, not at 09:00 UTC.
    now = FakeNow(datetime(2026, 4, 25, 23, 59, tzinfo=UTC))
    s = scheduler(store, slack, tmp_path / "s.db", channel, now)
    assert s.tick() is None
    now.at = datetime(2026, 4, 26, 0, 0, tzinfo=UTC)
    assert s.tick() is not None
    assert posted_dates(slack, channel) == ["2026-04-26"]  # the Tokyo date, though UTC is still 4/26 too
    now.at = datetime(2026, 4, 26, 9, 0, tzinfo=UTC)
    assert s.tick() is None
    assert len(slack.messages(channel)) == 1
    # …and the history check looks back to Tokyo midnight, not UTC midnight.
    now.at = datetime(2026, 4, 26, 23, 0, tzinfo=UTC)  # 08:00 on 4/27 in Tokyo: not yet
    assert s.tick() is None
    now.at = datetime(2026, 4, 27, 0, 5, tzinfo=UTC)
    assert s.tick() is not None and s.results[-1].status == "empty"  # 4/27 has no anniversary


def test_ticking_twice_gives_one_post(store: Store, slack: FakeSlack, channel: str, tmp_path: Path) -> None:
    now = FakeNow(tokyo(2026, 4, 26, 9, 0))
    s = scheduler(store, slack, tmp_path / "s.db", channel, now)
    s.tick()
    now.at += timedelta(minutes=1)
    assert s.tick() is None
    assert len(slack.messages(channel)) == 1


def test_restart_later_the_same_day_posts_late_once(
    store: Store, slack: FakeSlack, channel: str, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    now = FakeNow(tokyo(2026, 4, 26, 8, 0))
    assert scheduler(store, slack, db, channel, now).tick() is None  # up before 09:00, then down
    now.at = tokyo(2026, 4, 26, 15, 30)  # back in the afternoon
    late = scheduler(store, slack, db, channel, now).tick()
    assert late is not None and late.status == "posted"
    now.at = tokyo(2026, 4, 26, 16, 0)  # restarted once more
    again = scheduler(store, slack, db, channel, now).tick()
    assert again is not None and again.status == "already_posted"
    assert posted_dates(slack, channel) == ["2026-04-26"]


def test_never_posts_yesterdays_anniversaries_today(
    store: Store, slack: FakeSlack, channel: str, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    now = FakeNow(tokyo(2026, 4, 25, 8, 0))
    s = scheduler(store, slack, db, channel, now)
    assert s.tick() is None  # down from 08:00 on 4/25 …
    now.at = tokyo(2026, 4, 26, 7, 0)  # … back at 07:00 on 4/26
    s = scheduler(store, slack, db, channel, now)
    assert s.tick() is None
    now.at = tokyo(2026, 4, 26, 9, 0)
    assert s.tick() is not None
    assert posted_dates(slack, channel) == ["2026-04-26"]


def test_next_day_gives_a_new_post(store: Store, slack: FakeSlack, channel: str, tmp_path: Path) -> None:
    now = FakeNow(tokyo(2026, 4, 26, 9, 0))
    s = scheduler(store, slack, tmp_path / "s.db", channel, now)
    s.tick()
    now.at = tokyo(2027, 4, 26, 9, 1)
    s.tick()
    now.at = tokyo(2027, 4, 26, 10, 0)
    s.tick()
    assert posted_dates(slack, channel) == ["2026-04-26", "2027-04-26"]


def test_failed_post_is_retried_later_the_same_day(
    store: Store, slack: FakeSlack, channel: str, tmp_path: Path
) -> None:
    now = FakeNow(tokyo(2026, 4, 26, 9, 0))
    s = scheduler(store, slack, tmp_path / "s.db", channel, now)
    slack.fail("chat.postMessage", status=500, times=POST_ATTEMPTS)
    first = s.tick()
    assert first is not None and first.status == "failed"
    now.at += timedelta(minutes=1)
    assert s.tick() is None  # waits retry_seconds
    now.at += timedelta(minutes=5)
    second = s.tick()
    assert second is not None and second.status == "posted"
    assert len(slack.messages(channel)) == 1


def test_a_claim_held_elsewhere_is_looked_at_again_after_its_lease(
    store: Store, slack: FakeSlack, channel: str, tmp_path: Path
) -> None:
    now = FakeNow(tokyo(2026, 4, 26, 9, 0))
    s = scheduler(store, slack, tmp_path / "s.db", channel, now)
    assert SqliteState(tmp_path / "s.db").claim(
        channel, date(2026, 4, 26), "a dead replica", lease_seconds=0.5
    )
    first = s.tick()
    assert first is not None and first.status == "claimed_elsewhere"
    now.at += timedelta(seconds=30)
    assert s.tick() is None  # within held_seconds (the lease), not the 5-minute failure wait
    time_module.sleep(0.6)  # the dead replica's lease runs out (the ledger reads the real clock)
    now.at += timedelta(seconds=31)
    second = s.tick()
    assert second is not None and second.status == "posted"
    assert len(slack.messages(channel)) == 1


def test_thread_posts_and_stops(store: Store, slack: FakeSlack, channel: str, tmp_path: Path) -> None:
    settings = Settings(
        bot_token="xoxb-test",
        api_url=slack.url,
        daily_channel=channel,
        daily_time=time(9, 0),
        state_db=tmp_path / "state" / "renkei.sqlite3",
    )
    client = make_client(settings)
    clock = Clock(now=FakeNow(tokyo(2026, 4, 26, 9, 30)))
    s = start_daily(settings, client, store, clock, poll_seconds=0.01)  # type: ignore[arg-type]
    try:
        deadline = time_module.monotonic() + 5
        while not slack.messages(channel) and time_module.monotonic() < deadline:
            time_module.sleep(0.01)
        time_module.sleep(0.1)  # several more ticks
    finally:
        s.stop()
    assert not s.alive
    assert posted_dates(slack, channel) == ["2026-04-26"]
    assert SqliteState(settings.state_db).posted(channel, date(2026, 4, 26))


def test_start_daily_needs_a_channel(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="RENKEI_DAILY_CHANNEL"):
        start_daily(Settings(state_db=tmp_path / "s.db"), None, store, Clock())  # type: ignore[arg-type]
