"""The only reader of the real clock. Everything else is given `today` or a Clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")


class Clock:
    """Now in Asia/Tokyo. A pinned `today` (tests, demos) keeps the date but lets time run."""

    def __init__(self, *, today: date | None = None, now: Callable[[], datetime] | None = None) -> None:
        self._today = today
        self._now = now or (lambda: datetime.now(TOKYO))

    def now(self) -> datetime:
        current = self._now().astimezone(TOKYO)
        if self._today is not None:
            current = current.replace(year=self._today.year, month=self._today.month, day=self._today.day)
        return current

    def today(self) -> date:
        return self._today or self.now().date()
