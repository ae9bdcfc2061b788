"""Remember what was already answered, so a retried or doubled delivery gets no second answer.

Slack retries an event it thinks was lost (same event_id, header X-Slack-Retry-Num), and one message
can arrive as two events (app_mention and message.*: different event_ids, same channel and ts).
Behind a load balancer the retry can land on another replica, so SharedDedupe asks the state store
(the first replica to insert the key wins). While the store is out it falls back to the in-process
set, says so once (degraded), and writes the keys it saw meanwhile back when the store returns.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from renkei_bot.errors import StateError
from renkei_bot.state import StateStore

PROBE_SECONDS = 1.0  # while the store is out, try it again at most this often
TTL_SECONDS = 600.0  # Slack gives up retrying after about 5 minutes
MAX_KEYS = 20_000


class Dedupe:
    """Thread-safe set of keys that expire after `ttl` seconds."""

    def __init__(
        self,
        *,
        ttl: float = TTL_SECONDS,
        max_keys: int = MAX_KEYS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max = max_keys
        self._now = monotonic
        self._seen: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()

    def first(self, *keys: Hashable | None) -> bool:
        """True when none of `keys` was seen; all of them are then remembered. None keys are skipped."""
        wanted = [k for k in keys if k is not None]
        now = self._now()
        with self._lock:
            self._expire(now)
            if any(k in self._seen for k in wanted):
                for k in wanted:  # a second sighting under a new key still blocks a third
                    self._seen[k] = self._seen.get(k, now)
                return False
            for k in wanted:
                self._seen[k] = now
            while len(self._seen) > self._max:
                self._seen.popitem(last=False)
            return True

    def _expire(self, now: float) -> None:
        while self._seen:
            key, at = next(iter(self._seen.items()))
            if now - at < self._ttl:
                return
            del self._seen[key]

    def __len__(self) -> int:
        with self._lock:
            return len(self._seen)


def key_text(key: Hashable) -> str:
    return ":".join(str(part) for part in key) if isinstance(key, tuple) else str(key)


class SharedDedupe:
    """Dedupe through the state store (every replica), in-process while the store is unavailable.

    Coming back, the keys seen meanwhile are written to the store before any thread asks it again, so
    a retry that reaches another replica after the outage is still recognised."""

    def __init__(
        self,
        state: StateStore | None = None,
        *,
        local: Dedupe | None = None,
        now: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        probe_seconds: float = PROBE_SECONDS,
        logger: logging.Logger | None = None,
    ) -> None:
        self.state = state
        self._local = local or Dedupe()
        self._now = now
        self._monotonic = monotonic
        self._probe = probe_seconds
        self._log = logger or logging.getLogger("renkei_bot.state")
        self._lock = threading.Lock()  # degraded, _retry_at, _pending
        self._recovering = threading.Lock()  # one thread writes the outage's keys back
        self._retry_at = 0.0
        self._pending: list[str] = []  # keys first seen while degraded, for the store when it is back
        self.degraded = False

    def first(self, *keys: Hashable | None) -> bool:
        wanted = [k for k in keys if k is not None]
        if self.state is None:
            return self._local.first(*wanted)
        texts = [key_text(k) for k in wanted]
        while True:
            with self._lock:
                if self.degraded and self._monotonic() < self._retry_at:
                    fresh = self._local.first(*wanted)
                    if fresh:
                        self._pending.extend(texts)
                        del self._pending[:-MAX_KEYS]  # a long outage: the oldest keys matter least
                    return fresh
            if self.degraded and not self._recover():
                continue  # still out: the next turn answers in-process
            try:
                fresh = self.state.first_seen(texts, now=self._now())
            except StateError as exc:
                self._went_down(exc)
                continue
            self._local.first(*wanted)  # kept warm: an outage starting now still knows the recent keys
            return fresh

    def _went_down(self, exc: StateError) -> None:
        with self._lock:
            self._retry_at = self._monotonic() + self._probe
            if self.degraded:
                return
            self.degraded = True
        self._log.error(
            "state store degraded: %s. Event dedupe is in-process until it is back; "
            "the daily post waits for it.",
            exc,
        )

    def _recover(self) -> bool:
        """Write the outage's keys back, then leave the degraded mode. False: the store is still out."""
        assert self.state is not None
        with self._recovering:
            written = 0
            while True:
                with self._lock:
                    if not self.degraded:
                        return True
                    batch = list(self._pending)
                    if not batch:
                        self.degraded = False
                        break
                try:
                    self.state.first_seen(batch, now=self._now())
                except StateError as exc:
                    self._went_down(exc)
                    return False
                with self._lock:
                    del self._pending[: len(batch)]
                written += len(batch)
        self._log.warning(
            "state store recovered: %s answers again; event dedupe is shared (%d keys from the outage written back)",
            self.state.where,
            written,
        )
        return True
