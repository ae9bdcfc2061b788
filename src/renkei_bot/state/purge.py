"""Old rows go on a schedule: dedupe keys after a day, expired context, the log after RENKEI_LOG_DAYS."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from renkei_bot.errors import StateError
from renkei_bot.periodic import Periodic
from renkei_bot.state.base import DAY_SECONDS, StateStore

DEDUPE_SECONDS = DAY_SECONDS  # Slack stops retrying after minutes; a day is ample
EVERY_SECONDS = 3_600.0


class Purger:
    """A daemon thread that purges at start and then every `every` seconds. Every replica runs one:
    a DELETE of rows that are already gone costs nothing."""

    def __init__(
        self,
        state: StateStore,
        *,
        log_days: int,
        every: float = EVERY_SECONDS,
        now: Callable[[], float] = time.time,
        logger: logging.Logger | None = None,
    ) -> None:
        self._state = state
        self._log_days = log_days
        self._now = now
        self._log = logger or logging.getLogger("renkei_bot.state")
        self._loop = Periodic("renkei-purge", every, self.once, self._log)

    def once(self) -> int:
        try:
            deleted = self._state.purge(
                now=self._now(), dedupe_seconds=DEDUPE_SECONDS, log_days=self._log_days
            )
        except StateError as exc:  # an outage: the next round catches up
            self._log.warning("state purge skipped: %s", exc)
            return 0
        if deleted:
            self._log.info("state purge: %d old rows deleted", deleted)
        return deleted

    def start(self) -> Purger:
        self._loop.start()
        return self

    def stop(self, timeout: float | None = 5.0) -> None:
        self._loop.stop(timeout)
