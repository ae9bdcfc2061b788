"""Posting answers so that a 429 for one channel holds up nothing else.

Slack rate-limits per channel (about one message a second). slack_sdk's retry handler sleeps through
Retry-After in the calling thread: with a few answer workers, one busy channel held them all (about 21 s)
and the answers it gave up on were lost without a word. Here a 429 parks the post in that channel's
queue and a timer sends it when Retry-After has passed; the worker moves on at once. Later posts to a
parked channel wait behind it, in order. A post that cannot be sent is logged as lost, never dropped
silently.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from slack_sdk.errors import SlackApiError

ATTEMPTS = 4  # the first try and three after Retry-After, like slack_sdk's own retry handler
MAX_WAIT_SECONDS = 60.0  # a Retry-After beyond this is waited for this long
QUEUE_LIMIT = 100  # posts parked per channel; beyond this they are logged as lost

log = logging.getLogger("renkei_bot.slack.outbox")

Call = Callable[[], object]


@dataclass
class _Parked:
    call: Call
    what: str
    attempts: int = 1


@dataclass
class _Channel:
    queue: deque[_Parked] = field(default_factory=deque)  # exists while a 429 is pending or draining


def _retry_after(error: SlackApiError) -> float | None:
    """Seconds to wait for a 429, None for any other error."""
    response = error.response
    if getattr(response, "status_code", None) != 429:
        return None
    headers = {k.lower(): v for k, v in (getattr(response, "headers", None) or {}).items()}
    value = headers.get("retry-after")
    text = value[0] if isinstance(value, list) and value else value
    try:
        return min(max(float(str(text)), 0.0), MAX_WAIT_SECONDS)
    except ValueError:
        return 1.0


class Outbox:
    def __init__(
        self,
        *,
        attempts: int = ATTEMPTS,
        queue_limit: int = QUEUE_LIMIT,
        later: Callable[[float, Callable[[], None]], None] | None = None,
    ) -> None:
        self._attempts = attempts
        self._limit = queue_limit
        self._later = later or _timer
        self._lock = threading.Lock()
        self._channels: dict[str, _Channel] = {}

    def send(self, channel: str, call: Call, *, what: str) -> None:
        """Make `call` now, or after the posts parked for `channel`. Never raises."""
        item = _Parked(call, what)
        with self._lock:
            parked = self._channels.get(channel)
            if parked is not None:  # a 429 is pending here: keep the order, wait behind it
                self._park(channel, parked, item)
                return
        wait = self._attempt(channel, item)
        if wait is None:
            return
        with self._lock:
            parked = self._channels.get(channel)
            first = parked is None
            if parked is None:
                parked = self._channels[channel] = _Channel()
            parked.queue.appendleft(item)
        if first:  # otherwise the drain already scheduled for this channel sends it
            self._later(wait, lambda: self._drain(channel))

    def pending(self, channel: str) -> int:
        with self._lock:
            parked = self._channels.get(channel)
            return len(parked.queue) if parked else 0

    def _park(self, channel: str, parked: _Channel, item: _Parked) -> None:
        if len(parked.queue) >= self._limit:
            log.error(
                "%s to %s lost: %d posts already wait for Slack's rate limit", item.what, channel, self._limit
            )
            return
        parked.queue.append(item)

    def _attempt(self, channel: str, item: _Parked) -> float | None:
        """Send once. The seconds to wait when rate-limited and worth another try; None when sent or lost."""
        try:
            item.call()
            return None
        except SlackApiError as error:
            wait = _retry_after(error)
            if wait is None:
                log.error("%s to %s lost: Slack answered %s", item.what, channel, error.response.get("error"))
                return None
        except Exception as error:  # the client's own retries for connection and server errors are spent
            log.error("%s to %s lost: %s", item.what, channel, type(error).__name__)
            return None
        if item.attempts >= self._attempts:
            log.error(
                "%s to %s lost: still rate-limited after %d attempts", item.what, channel, item.attempts
            )
            return None
        item.attempts += 1
        log.info("%s to %s: rate-limited, sending again in %.1f s", item.what, channel, wait)
        return wait

    def _drain(self, channel: str) -> None:
        """Runs on a timer thread, never on an answer worker: sends the parked posts in order."""
        while True:
            with self._lock:
                parked = self._channels[channel]
                if not parked.queue:
                    del self._channels[channel]  # later posts go straight out again
                    return
                item = parked.queue.popleft()
            wait = self._attempt(channel, item)
            if wait is not None:
                with self._lock:
                    parked.queue.appendleft(item)
                self._later(wait, lambda: self._drain(channel))
                return


def _timer(seconds: float, work: Callable[[], None]) -> None:
    timer = threading.Timer(seconds, work)
    timer.daemon = True
    timer.start()
