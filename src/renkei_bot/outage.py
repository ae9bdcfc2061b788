"""Going on without the state store: after a failure, calls are skipped for a few seconds.

Conversation context and the log are worth having, never worth waiting for: during an outage each
call would wait for the store's timeout (seconds, for PostgreSQL) and the answers would queue behind
them. One warning when it goes, one line when it is back, no traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
PROBE_SECONDS = 30.0  # a probe waits the store's timeout: seldom, and the context can wait

log = logging.getLogger(__name__)


class Outage:
    def __init__(
        self, what: str, *, probe: float = PROBE_SECONDS, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.what = what
        self._probe = probe
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._retry_at: float | None = None  # None: the store is up

    @property
    def down(self) -> bool:
        with self._lock:
            return self._retry_at is not None

    def call(self, work: Callable[[], T], default: T) -> T:
        """`work()`, or `default` when it fails or while the store is known to be out."""
        with self._lock:
            if self._retry_at is not None and self._monotonic() < self._retry_at:
                return default
        try:
            result = work()
        except Exception as exc:
            with self._lock:
                first = self._retry_at is None
                self._retry_at = self._monotonic() + self._probe
            if first:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                log.warning("%s unavailable (%s); going on without it", self.what, reason)
            return default
        with self._lock:
            back = self._retry_at is not None
            self._retry_at = None
        if back:
            log.info("%s available again", self.what)
        return result
