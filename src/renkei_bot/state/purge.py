"""Old rows go on a schedule: dedupe keys after a day, expired context, the log after RENKEI_LOG_DAYS."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from renkei_bot.errors import StateError
from renkei_bot.state.base import StateStore

DEDUPE_SECONDS = 86_400.0
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
        self._every = every
        self._now = now
        self._log = logger or logging.getLogger("renkei_bot.state")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

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

    def _run(self) -> None:
        while not self._stop.is_set():
            self.once()
            self._stop.wait(self._every)

    def start(self) -> Purger:
        self._thread = threading.Thread(target=self._run, name="renkei-purge", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float | None = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
