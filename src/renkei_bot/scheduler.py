"""Posts the daily anniversaries once a day at RENKEI_DAILY_TIME, Asia/Tokyo, inside `serve`.

A daemon thread checks every `poll_seconds`. The day is always *today in Tokyo*: a process that
was down at posting time posts late when it comes back the same day, and never posts yesterday's
anniversaries today. Exactly-once across restarts and replicas is daily.post_daily's job; this
only decides when to try. `tick()` is one check, which is what tests drive with a fake clock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, time

from slack_sdk import WebClient

from renkei_bot.clock import Clock
from renkei_bot.config import Settings
from renkei_bot.daily import PostResult, post_daily
from renkei_bot.engine import Engine
from renkei_bot.errors import ConfigError
from renkei_bot.periodic import Periodic
from renkei_bot.state import StateStore, open_state
from renkei_bot.store import Store

POLL_SECONDS = 30.0
RETRY_SECONDS = 300.0  # after a failed post or a claim held elsewhere, try again this much later
MAX_FAILURES_PER_DAY = 12


class DailyScheduler:
    def __init__(
        self,
        *,
        post: Callable[[date], PostResult],
        clock: Clock,
        at: time,
        poll_seconds: float = POLL_SECONDS,
        retry_seconds: float = RETRY_SECONDS,
        held_seconds: float | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self._post = post
        self._held = retry_seconds if held_seconds is None else held_seconds
        self._clock = clock
        self._at = at
        self._retry = retry_seconds
        self._log = logger or logging.getLogger(__name__)
        self._loop = Periodic("renkei-daily", poll_seconds, self.tick, self._log)
        self._done: date | None = None  # the Tokyo day that is settled
        self._failures: dict[date, int] = {}
        self._retry_at: tuple[date, float] | None = None  # (day, epoch seconds) of the next attempt
        self.results: list[PostResult] = []

    def tick(self) -> PostResult | None:
        """One check: post today's anniversaries if it is time and today is not settled yet."""
        now = self._clock.now()  # Asia/Tokyo, whatever the machine's time zone
        today = now.date()
        if self._done == today or now.time().replace(tzinfo=None) < self._at:
            return None
        if self._retry_at is not None and self._retry_at[0] == today and now.timestamp() < self._retry_at[1]:
            return None
        if self._failures.get(today, 0) >= MAX_FAILURES_PER_DAY:
            return None
        result = self._post(today)
        self.results.append(result)
        if result.settled:
            self._done = today
            self._retry_at = None
            self._failures.clear()
        else:
            # held elsewhere: look again once that claim's lease could have run out
            wait = self._held if result.status == "claimed_elsewhere" else self._retry
            self._retry_at = (today, now.timestamp() + wait)
            if result.status == "failed":
                count = self._failures[today] = self._failures.get(today, 0) + 1
                if count >= MAX_FAILURES_PER_DAY:
                    self._log.error(
                        "daily post %s: gave up after %d failed attempts today; it runs again tomorrow",
                        today.isoformat(),
                        count,
                    )
        return result

    def run(self) -> None:
        self._loop.run()

    def start(self) -> DailyScheduler:
        self._loop.start()
        return self

    def stop(self, timeout: float | None = 5.0) -> None:
        self._loop.stop(timeout)

    @property
    def alive(self) -> bool:
        return self._loop.alive


def start_daily(
    settings: Settings,
    client: WebClient,
    engine: Engine | Store,
    clock: Clock,
    *,
    logger: logging.Logger | None = None,
    state: StateStore | None = None,
    poll_seconds: float = POLL_SECONDS,
    retry_seconds: float = RETRY_SECONDS,
) -> DailyScheduler:
    """Start the daily post thread for settings.daily_channel (raises ConfigError when it is unset)."""
    channel = settings.daily_channel
    if not channel:
        raise ConfigError("RENKEI_DAILY_CHANNEL is not set: set it to the channel ID (e.g. C0123456789)")
    ledger = state or open_state(settings.state_location)
    lease = settings.daily_lease
    log = logger or logging.getLogger("renkei_bot.daily")

    def post(day: date) -> PostResult:
        return post_daily(
            engine_or_store=engine,
            client=client,
            ledger=ledger,
            channel=channel,
            day=day,
            empty_mode=settings.daily_empty,
            logger=log,
            lease_seconds=lease,
        )

    scheduler = DailyScheduler(
        post=post,
        clock=clock,
        at=settings.daily_time,
        poll_seconds=min(poll_seconds, lease / 5),
        retry_seconds=retry_seconds,
        held_seconds=lease,
        logger=log,
    )
    log.info(
        "daily post: %s at %s Asia/Tokyo (state %s)",
        channel,
        settings.daily_time.strftime("%H:%M"),
        ledger.where,
    )
    return scheduler.start()
