"""The state the conversations and the log use: SQLite (and the in-memory twin) behave alike."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from renkei_bot.answers.model import Answer
from renkei_bot.config import Settings
from renkei_bot.contexts import Contexts
from renkei_bot.errors import ConfigError
from renkei_bot.memory_state import MemoryStore
from renkei_bot.outage import Outage
from renkei_bot.state import LogRow, StateStore, connect, sqlite_url
from renkei_bot.turn import Turn
from renkei_bot.unanswered import APOLOGY, DECLINED, DOWN, UP, Unanswered

DAY = 86_400.0
Store = StateStore | MemoryStore


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if request.param == "memory":
        return MemoryStore()
    return connect(sqlite_url(tmp_path / "nested" / "s.sqlite3"))  # the state store the bot runs on


def row(at: float, question: str = "q", kind: str = DECLINED) -> LogRow:
    return LogRow(at, kind, question, "fallback", "見当たりません", ("ev-1", "ev-2"), "h")


def test_a_context_is_upserted_and_expires(store: Store) -> None:
    assert store.load_context("k", now=0.0) is None
    store.save_context("k", "one", expires_at=100.0)
    store.save_context("k", "two", expires_at=200.0)
    assert store.load_context("k", now=150.0) == "two"
    assert store.load_context("k", now=200.0) is None
    assert store.load_context("other", now=0.0) is None


def test_the_log_comes_back_oldest_first_from_a_time_on(store: Store) -> None:
    for at in (30.0, 10.0, 20.0):
        store.append_log(row(at, f"q{int(at)}"))
    assert [r.question for r in store.log_since(15.0)] == ["q20", "q30"]
    assert store.log_since(0.0)[0] == row(10.0, "q10")  # record ids survive as a tuple


def test_purge_drops_expired_contexts_and_entries_past_the_log_days(store: Store) -> None:
    now = 1_000 * DAY
    store.save_context("old", "x", expires_at=now - 1)
    store.save_context("live", "x", expires_at=now + 1)
    store.append_log(row(now - 91 * DAY, "old"))
    store.append_log(row(now - 89 * DAY, "recent"))
    assert store.purge(now=now, dedupe_seconds=600.0, log_days=90) == 2
    assert [r.question for r in store.log_since(0.0)] == ["recent"]
    assert store.load_context("live", now=now) == "x"


class Ticker:
    def __init__(self, value: float = 1_000 * DAY) -> None:
        self.value = value

    def __call__(self) -> float:
        return self.value


def test_contexts_keep_a_turn_or_just_membership() -> None:
    clock = Ticker()
    contexts = Contexts(MemoryStore(), now=clock)
    turn = Turn(question="北海道町村会との協定はいつ？", intent="agreement_date", records=("x",))
    contexts.save("thread:C1:1.0", turn, ttl=60.0)
    contexts.save("thread:C1:2.0", None, ttl=60.0)
    assert contexts.load("thread:C1:1.0") == turn
    assert contexts.load("thread:C1:2.0") is None and contexts.takes_part("thread:C1:2.0")
    clock.value += 61
    assert not contexts.takes_part("thread:C1:1.0") and contexts.load("thread:C1:1.0") is None


def _answer(found: bool, intent: str = "member_count") -> Answer:
    return Answer(
        question="<@UBOT> 大阪府市長会の　構成自治体数は？",
        intent=intent,
        found=found,
        summary="ない。\n詳しく",
    )


def test_the_log_keeps_what_went_unanswered_with_the_user_only_as_a_keyed_hash(store: Store) -> None:
    clock = Ticker()
    log = Unanswered(store, salt="salt", now=clock)
    log.answered("<@UBOT> 大阪府市長会の　構成自治体数は？", _answer(True), user="U123")  # found: not logged
    log.answered("<@UBOT> 大阪府市長会の　構成自治体数は？", _answer(False), user="U123")
    log.answered("x", _answer(False, intent="error"), user="U123")
    log.feedback(DOWN, "q", intent="count", records=["ev-1"], user="U999")
    log.feedback(UP, "q", intent="count", records=["ev-1"], user=None)
    rows = store.log_since(0.0)
    assert [r.kind for r in rows] == [DECLINED, APOLOGY, DOWN, UP]
    assert rows[0].question == "大阪府市長会の 構成自治体数は?"  # normalised, markup gone
    assert rows[0].reason == "ない。" and rows[0].intent == "member_count"
    assert rows[0].user_hash == log.user_hash("U123") != log.user_hash("U999")
    assert "U123" not in rows[0].user_hash and len(rows[0].user_hash) == 32
    assert rows[3].user_hash == ""
    assert Unanswered(store, salt="other", now=clock).user_hash("U123") != rows[0].user_hash
    assert Unanswered(store, salt=None, now=clock).user_hash("U123") == ""


@pytest.mark.parametrize(
    ("raw", "seconds"), [(None, 1800.0), ("30", 1800.0), ("90s", 90.0), ("2h", 7200.0), ("5m", 300.0)]
)
def test_the_context_ttl_is_read_in_minutes_or_with_a_unit(raw: str | None, seconds: float) -> None:
    env = {"RENKEI_CONTEXT_TTL": raw} if raw else {}
    assert Settings.from_env(env).context_ttl == seconds


@pytest.mark.parametrize(
    ("name", "raw", "hint"),
    [
        ("RENKEI_CONTEXT_TTL", "soon", "90s, 30m, 2h"),
        ("RENKEI_CONTEXT_TTL", "0", "minutes"),
        ("RENKEI_LOG_DAYS", "-3", "90"),
    ],
)
def test_bad_conversation_settings_are_named(name: str, raw: str, hint: str) -> None:
    with pytest.raises(ConfigError, match=name) as caught:
        Settings.from_env({name: raw})
    assert hint in str(caught.value)


def test_the_log_salt_is_kept_out_of_repr() -> None:
    settings = Settings.from_env({"RENKEI_LOG_SALT": "pepper-123", "RENKEI_LOG_DAYS": "30"})
    assert settings.log_salt == "pepper-123" and settings.log_days == 30
    assert "pepper-123" not in repr(settings)


class Unreachable:
    """A state store whose server is down: every call raises, as PostgreSQL does in an outage."""

    def __init__(self) -> None:
        self.calls = 0
        self.up = False

    def _call(self) -> None:
        self.calls += 1
        if not self.up:
            raise ConnectionError("connection refused\nsecond line")

    def save_context(self, key: str, value: str, *, expires_at: float) -> None:
        self._call()

    def load_context(self, key: str, *, now: float) -> str | None:
        self._call()
        return None

    def append_log(self, row: LogRow) -> None:
        self._call()

    def log_since(self, since: float) -> list[LogRow]:
        self._call()
        return []

    def purge(self, *, now: float, dedupe_seconds: float, log_days: int) -> int:
        self._call()
        return 0


def test_an_unreachable_store_is_left_alone_for_a_while_and_said_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store, seconds = Unreachable(), Ticker(0.0)
    outage = Outage("state store", probe=5.0, monotonic=seconds)
    contexts = Contexts(store, now=Ticker(), outage=outage)
    log = Unanswered(store, salt="s", now=Ticker(), outage=outage)
    with caplog.at_level(logging.INFO, logger="renkei_bot.outage"):
        contexts.save("dm:D1", Turn(question="q", intent="when"), ttl=60.0)
        assert contexts.load("dm:D1") is None and not contexts.takes_part("dm:D1")
        log.answered("q", _answer(False), user="U1")
        assert store.calls == 1  # the first failure; the rest skipped without waiting on the store
        seconds.value = 6.0
        assert contexts.load("dm:D1") is None and store.calls == 2  # probed again, still down
        store.up, seconds.value = True, 12.0
        log.answered("q", _answer(False), user="U1")
        assert store.calls > 2 and not outage.down
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "state store unavailable (connection refused); going on without it",
        "state store available again",
    ]
    assert not any(r.exc_info for r in caplog.records)
