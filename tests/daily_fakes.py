"""Records, a data folder and a list-backed event source for the anniversary and daily-post tests.

The records are the real frozen dataclasses. `ListStore` answers `on_month_day` generously (every
event whose span *covers* the month-day in any year, month-only ones included), which is looser than
the Store contract, so the tests show that renkei_bot.answers.anniversaries filters by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from datafixture import event as event_record
from datafixture import write_dataset
from renkei_bot.records import DateSpan, Event


def day_event(
    event_id: str, start: str, title: str, *, end: str | None = None, days: Sequence[str] = (), line: int = 10
) -> Event:
    return Event(
        id=event_id,
        date=DateSpan(
            start=date.fromisoformat(start),
            precision="day",
            text=start,
            end=date.fromisoformat(end) if end else None,
            days=tuple(date.fromisoformat(d) for d in days),
        ),
        fiscal_year=None,
        title=title,
        category="テスト",
        lines=(line,),
    )


def month_event(event_id: str, month: str, title: str) -> Event:
    return Event(
        id=event_id,
        date=DateSpan(start=date.fromisoformat(f"{month}-01"), precision="month", text=month),
        fiscal_year=None,
        title=title,
        category="テスト",
        lines=(50,),
    )


def undated_event(event_id: str, title: str) -> Event:
    return Event(
        id=event_id,
        date=DateSpan(start=None, precision="unknown", text="", after=date(2017, 1, 19)),
        fiscal_year=None,
        title=title,
        category="テスト",
        lines=(60,),
    )


EVENTS: tuple[Event, ...] = (
    day_event("ev-20160426-1", "2016-04-26", "北海道町村会との連携協定締結式", line=43),
    day_event("ev-20210426-1", "2021-04-26", "五年前の出来事", line=44),
    day_event("ev-20190426-1", "2019-04-26", "七年前の出来事", line=45),
    day_event("ev-20260426-1", "2026-04-26", "今年の出来事", line=46),
    day_event("ev-20270426-1", "2027-04-26", "来年の出来事", line=47),
    day_event("ev-20160429-1", "2016-04-29", "三日後の出来事", line=48),
    day_event("ev-20170821-1", "2017-08-21", "第1回全国連携展示", end="2017-09-29", line=72),
    day_event(
        "ev-20150530-1",
        "2015-05-30",
        "二日続きの行事",
        end="2015-05-31",
        days=["2015-05-30", "2015-05-31"],
        line=30,
    ),
    day_event(
        "ev-20180610-1",
        "2018-06-10",
        "飛び飛びの行事",
        end="2018-06-20",
        days=["2018-06-10", "2018-06-20"],
        line=31,
    ),
    day_event("ev-20160229-1", "2016-02-29", "閏日の出来事", line=32),
    month_event("ev-202101-1", "2021-01", "月だけ分かる出来事"),
    month_event("ev-201904-1", "2019-04", "四月のどこか"),
    undated_event("ev-undated-1", "日付のない出来事"),
)


class ListStore:
    def __init__(self, events: Sequence[Event] = EVENTS) -> None:
        self._events = tuple(events)

    @property
    def events(self) -> Sequence[Event]:
        return self._events

    def on_month_day(self, month: int, day: int) -> list[Event]:
        out: list[Event] = []
        for event in self._events:
            span = event.date
            if span.start is None:
                continue
            if span.precision == "month" and span.start.month == month:
                out.append(event)
                continue
            last = span.end or span.start
            candidates = {*span.days, span.start, last}
            for year in range(span.start.year, last.year + 1):
                try:
                    candidates.add(date(year, month, day))
                except ValueError:
                    continue
            if any(span.start <= d <= last and (d.month, d.day) == (month, day) for d in candidates):
                out.append(event)
        return out


def fast_client(url: str, *, retries: int = 3) -> WebClient:
    """A WebClient like renkei_bot.slack.client.make_client's, minus the backoff waits, for fast tests."""
    return WebClient(
        token="xoxb-test",
        base_url=url,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=retries),
            ServerErrorRetryHandler(
                max_retry_count=retries, interval_calculator=FixedValueRetryIntervalCalculator(0.0)
            ),
        ],
    )


# For the daily post: two anniversaries on 4/26 (10 and 5 years), none on 4/27, one on 4/29.
DAILY_EVENTS = [
    event_record(
        "ev-20160426-1", "2016-04-26", title="北海道町村会との連携協定締結式", category="連携協定", lines=[43]
    ),
    event_record("ev-20210426-1", "2021-04-26", title="五年前の出来事", category="テスト", lines=[44]),
    event_record("ev-20160429-1", "2016-04-29", title="三日後の出来事", category="テスト", lines=[48]),
]


def daily_data(root: Path) -> Path:
    """A data folder (the formats of data/README.md) with DAILY_EVENTS, for Store.load."""
    return write_dataset(root, events=DAILY_EVENTS)
