"""Remember what was already answered, so a retried or doubled delivery gets no second answer.

Slack retries an event it thinks was lost (same event_id, header X-Slack-Retry-Num), and one message
can arrive as two events (app_mention and message.*: different event_ids, same channel and ts).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

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
