"""The only reader of the real clock. Everything else is given `today` or a Clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    TOKYO: ZoneInfo

# Japan has kept UTC+9 without summer time since 1951, so today's date in Tokyo needs no time-zone
# database: a cold `ask` does not import zoneinfo (about 5 ms) for its date. `now()` stays in TOKYO.
_JST = timezone(timedelta(hours=9))


@cache
def _tokyo() -> ZoneInfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Tokyo")


def __getattr__(name: str) -> object:
    """`TOKYO`, the Asia/Tokyo zone, made on first use."""
    if name == "TOKYO":
        return _tokyo()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _real_now() -> datetime:
    return datetime.now(_tokyo())


class Clock:
    """Now in Asia/Tokyo. A pinned `today` (tests, demos) keeps the date but lets time run."""

    def __init__(self, *, today: date | None = None, now: Callable[[], datetime] | None = None) -> None:
        self._today = today
        self._now = now or _real_now

    def now(self) -> datetime:
        current = self._now().astimezone(_tokyo())
        if self._today is not None:
            current = current.replace(year=self._today.year, month=self._today.month, day=self._today.day)
        return current

    def today(self) -> date:
        if self._today is not None:
            return self._today
        if self._now is _real_now:
            return datetime.now(_JST).date()
        return self.now().date()
