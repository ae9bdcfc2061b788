from __future__ import annotations

import itertools
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from slack_sdk import WebClient

from daily_fakes import daily_data, fast_client
from fakeslack import Call, FakeSlack
from renkei_bot.answers.render import to_text
from renkei_bot.config import Settings
from renkei_bot.daily import POST_ATTEMPTS, PostResult, daily_message, day_start_ts, post_daily
from renkei_bot.engine import Engine
from renkei_bot.slack.client import make_client
from renkei_bot.state.sqlite import SqliteState
from renkei_bot.store import Store

DAY = date(2026, 4, 26)
EMPTY_DAY = date(2026, 4, 27)  # nothing on 4/27; 4/29 has one


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return daily_data(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Store:
    return Store.load(data_dir, env={})


_channels = itertools.count(1)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:  # one server per module: shutting one down costs half a second
        yield fake


class Slack:
    """The shared fake seen through one channel of its own, so tests do not see each other's posts."""

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake
        self.url = fake.url
        self.channel = f"C{next(_channels):06d}"
        self.fail = fake.fail

    def calls(self, method: str) -> list[Call]:
        return [c for c in self.fake.calls(method) if c.body.get("channel") == self.channel]

    def messages(self) -> list[dict[str, object]]:
        return self.fake.messages(self.channel)


@pytest.fixture
def slack(server: FakeSlack) -> Slack:
    return Slack(server)


def run(
    store: Store,
    slack: Slack,
    db: Path,
    *,
    day: date = DAY,
    empty_mode: str = "skip",
    client: WebClient | None = None,
    **kw: object,
) -> PostResult:
    return post_daily(
        engine_or_store=store,
        client=client or fast_client(slack.url),
        ledger=SqliteState(db),
        channel=slack.channel,
        day=day,
        empty_mode=empty_mode,
        logger=logging.getLogger("test.daily"),
        **{"retry_seconds": 0.0, **kw},  # type: ignore[arg-type]
    )


def test_posts_text_blocks_and_metadata(store: Store, slack: Slack, tmp_path: Path) -> None:
    result = run(store, slack, tmp_path / "s.db")
    assert result.status == "posted" and result.ts
    (call,) = slack.calls("chat.postMessage")
    body = call.body
    assert body["channel"] == slack.channel
    assert "🎉 10周年 10年前の今日（2016年（平成28年）4月26日）北海道町村会との連携協定締結式" in body["text"]
    assert any(b["type"] == "header" for b in body["blocks"])
    assert body["metadata"] == {
        "event_type": "renkei_anniversary",
        "event_payload": {"date": "2026-04-26", "channel": slack.channel},
    }
    assert SqliteState(tmp_path / "s.db").posted(slack.channel, DAY) == result.ts


def test_running_twice_gives_one_post(store: Store, slack: Slack, tmp_path: Path) -> None:
    first = run(store, slack, tmp_path / "s.db")
    second = run(store, slack, tmp_path / "s.db")
    assert (first.status, second.status) == ("posted", "already_posted")
    assert second.ts == first.ts
    assert len(slack.messages()) == 1


def test_next_day_gives_a_new_post(store: Store, slack: Slack, tmp_path: Path) -> None:
    run(store, slack, tmp_path / "s.db")
    nxt = run(store, slack, tmp_path / "s.db", day=date(2027, 4, 26))
    assert nxt.status == "posted"
    posted = slack.messages()
    assert [m["metadata"]["event_payload"]["date"] for m in posted] == ["2026-04-26", "2027-04-26"]


def test_two_threads_give_one_post(store: Store, slack: Slack, tmp_path: Path) -> None:
    barrier = threading.Barrier(6)
    results: list[PostResult] = []

    def go() -> None:
        barrier.wait()
        results.append(run(store, slack, tmp_path / "s.db"))

    threads = [threading.Thread(target=go) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(slack.calls("chat.postMessage")) == 1
    assert sorted(r.status for r in results).count("posted") == 1
    assert all(r.ok for r in results)


PROCESS_SCRIPT = """
import logging, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from renkei_bot.store import Store
from renkei_bot.config import Settings
from renkei_bot.daily import post_daily
from renkei_bot.slack.client import make_client
from renkei_bot.state.sqlite import SqliteState
url, db, go, channel, data = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[5], Path(sys.argv[6])
store = Store.load(data, env={})
while not go.exists():
    time.sleep(0.005)
result = post_daily(engine_or_store=store, client=make_client(Settings(bot_token="x", api_url=url)),
    ledger=SqliteState(db), channel=channel, day=date(2026, 4, 26), empty_mode="skip",
    logger=logging.getLogger("p"))
print(result.status)
"""


def test_two_processes_sharing_the_sqlite_file_give_one_post(
    slack: Slack, data_dir: Path, tmp_path: Path
) -> None:
    db, go = tmp_path / "state" / "s.db", tmp_path / "go"
    tests_dir = str(Path(__file__).parent)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                PROCESS_SCRIPT,
                slack.url,
                str(db),
                str(go),
                tests_dir,
                slack.channel,
                str(data_dir),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    go.touch()
    statuses = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    assert len(slack.calls("chat.postMessage")) == 1
    assert statuses[-1] == "posted" and statuses[0] in ("already_posted", "claimed_elsewhere")


def test_crash_after_posting_before_recording_gives_no_duplicate(
    store: Store, slack: Slack, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    first = run(store, slack, db)
    SqliteState(db).forget(slack.channel, DAY)  # as if the process died before recording the ts
    again = run(store, slack, db)
    assert again.status == "found_in_history" and again.ts == first.ts
    assert len(slack.calls("chat.postMessage")) == 1
    (history,) = slack.calls("conversations.history")[-1:]
    assert history.body["channel"] == slack.channel
    assert str(history.body["include_all_metadata"]).lower() in ("1", "true")
    assert float(history.body["oldest"]) == datetime(2026, 4, 25, 15, 0, tzinfo=UTC).timestamp()
    assert SqliteState(db).posted(slack.channel, DAY) == first.ts


def test_crash_while_holding_the_claim_waits_for_the_lease(
    store: Store, slack: Slack, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    first = run(store, slack, db)
    SqliteState(db).forget(slack.channel, DAY)
    assert SqliteState(db).claim(slack.channel, DAY, "crashed-process", lease_seconds=0.3)
    assert run(store, slack, db).status == "claimed_elsewhere"
    threading.Event().wait(0.4)
    assert run(store, slack, db).ts == first.ts
    assert len(slack.calls("chat.postMessage")) == 1


def test_another_days_message_is_not_mistaken_for_ours(store: Store, slack: Slack, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run(store, slack, db, day=date(2026, 4, 26))
    SqliteState(db).forget(slack.channel, DAY)
    assert run(store, slack, db, day=date(2027, 4, 26)).status == "posted"


def production_client(slack: Slack) -> WebClient:
    """The client `serve` and post-anniversaries use, with its real retry handlers and waits."""
    return make_client(Settings(bot_token="xoxb-test", api_url=slack.url))


def test_429_then_success(store: Store, slack: Slack, tmp_path: Path) -> None:
    slack.fail("chat.postMessage", status=429, times=1, retry_after=0)
    result = run(store, slack, tmp_path / "s.db", client=production_client(slack))
    assert result.status == "posted"
    assert len(slack.calls("chat.postMessage")) == 2
    assert len(slack.messages()) == 1


def test_500_then_success(store: Store, slack: Slack, tmp_path: Path) -> None:
    slack.fail("chat.postMessage", status=500, times=1)
    assert run(store, slack, tmp_path / "s.db", client=production_client(slack)).status == "posted"
    assert len(slack.messages()) == 1


def test_slack_down_is_logged_and_returned_not_raised(
    store: Store, slack: Slack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    slack.fail("chat.postMessage", status=503, times=POST_ATTEMPTS)
    with caplog.at_level(logging.ERROR, logger="test.daily"):
        result = run(store, slack, tmp_path / "s.db")
    assert result.status == "failed" and not result.ok and result.error
    assert len(slack.calls("chat.postMessage")) == POST_ATTEMPTS
    assert len(slack.calls("conversations.history")) == POST_ATTEMPTS  # a look before every attempt
    assert "Slack did not take the post" in caplog.text and slack.channel in caplog.text
    assert SqliteState(tmp_path / "s.db").posted(slack.channel, DAY) is None
    assert run(store, slack, tmp_path / "s.db").status == "posted"  # the claim was released: no lease wait
    assert len(slack.messages()) == 1


def test_a_post_slack_stored_but_answered_500_is_not_posted_again(
    store: Store, slack: Slack, tmp_path: Path
) -> None:
    """Issue 11 item 6: the retry after a 5xx looks for the post by its metadata first."""
    slack.fail("chat.postMessage", status=500, times=1, stored=True)
    result = run(store, slack, tmp_path / "s.db", client=production_client(slack))
    assert result.status == "found_in_history"
    assert len(slack.calls("chat.postMessage")) == 1 and len(slack.messages()) == 1
    assert result.ts == slack.messages()[0]["ts"]
    assert SqliteState(tmp_path / "s.db").posted(slack.channel, DAY) == result.ts


def test_a_post_timing_out_is_looked_for_before_the_next_attempt(
    store: Store, slack: Slack, tmp_path: Path
) -> None:
    slack.fail("chat.postMessage", status=200, times=1, stored=True, delay=1.5)  # stored, answer too late
    client = production_client(slack)
    client.timeout = 1
    result = run(store, slack, tmp_path / "s.db", client=client)
    assert result.status == "found_in_history"
    assert len(slack.messages()) == 1


def test_no_second_attempt_when_the_history_cannot_be_read(
    store: Store, slack: Slack, tmp_path: Path
) -> None:
    slack.fail("chat.postMessage", status=500, times=1, stored=True)
    slack.fail("conversations.history", status=200, times=2, error="missing_scope")
    result = run(store, slack, tmp_path / "s.db", client=production_client(slack))
    assert result.status == "failed"
    assert len(slack.calls("chat.postMessage")) == 1 and len(slack.messages()) == 1


def test_history_check_failing_still_posts_and_warns(
    store: Store, slack: Slack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    slack.fail("conversations.history", status=200, times=1, error="missing_scope")
    with caplog.at_level(logging.WARNING, logger="test.daily"):
        assert run(store, slack, tmp_path / "s.db").status == "posted"
    assert "channels:history" in caplog.text


def test_history_check_failing_for_another_reason_does_not_blame_the_scope(
    store: Store, slack: Slack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    slack.fail("conversations.history", status=503, times=4)
    with caplog.at_level(logging.WARNING, logger="test.daily"):
        assert run(store, slack, tmp_path / "s.db").status == "posted"
    assert "could not check the channel history" in caplog.text and "channels:history" not in caplog.text


def test_empty_day_skip_posts_nothing(store: Store, slack: Slack, tmp_path: Path) -> None:
    result = run(store, slack, tmp_path / "s.db", day=EMPTY_DAY, empty_mode="skip")
    assert result.status == "empty" and result.ok
    assert slack.calls("chat.postMessage") == slack.calls("conversations.history") == []


def test_empty_day_upcoming_posts_the_nearest_anniversary_said_as_such(
    store: Store, slack: Slack, tmp_path: Path
) -> None:
    result = run(store, slack, tmp_path / "s.db", day=EMPTY_DAY, empty_mode="upcoming")
    assert result.status == "posted"
    text = slack.calls("chat.postMessage")[0].body["text"]
    assert "4月27日にあたる出来事は記録にありません" in text and "2日後の4月29日" in text
    assert "10年前の4月29日（2016年（平成28年）4月29日）三日後の出来事" in text


def test_empty_day_upcoming_with_nothing_within_a_week_posts_nothing(
    store: Store, slack: Slack, tmp_path: Path
) -> None:
    assert run(store, slack, tmp_path / "s.db", day=date(2026, 3, 1), empty_mode="upcoming").status == "empty"
    assert slack.calls("chat.postMessage") == []


def test_daily_message_matches_the_on_demand_answer(store: Store) -> None:
    from renkei_bot.answers.anniversaries import anniversary_answer
    from renkei_bot.answers.render import to_text

    message = daily_message(store, DAY, empty_mode="skip")  # type: ignore[arg-type]
    assert message is not None
    assert message.text == to_text(anniversary_answer(store, DAY), limit=50)
    assert daily_message(store, EMPTY_DAY, empty_mode="skip") is None  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="RENKEI_DAILY_EMPTY"):
        daily_message(store, DAY, empty_mode="loud")  # type: ignore[arg-type]


def test_day_start_is_tokyo_midnight() -> None:
    assert float(day_start_ts(DAY)) == datetime(2026, 4, 25, 15, 0, tzinfo=UTC).timestamp()


def test_renkei_today_shows_the_same_content_as_the_daily_post(engine: Engine) -> None:
    day = date(2026, 4, 26)
    message = daily_message(engine, day, empty_mode="skip")
    assert message is not None
    on_demand = engine.anniversaries(day)
    assert message.answer == on_demand
    assert message.text == to_text(on_demand, limit=len(on_demand.lines))
