"""The state interface's contract, run against both backends: SQLite and PostgreSQL (own schema)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from pgtest import fresh_schema, require_postgres
from renkei_bot.state import LogRow, StateStore, open_state, sqlite_url
from renkei_bot.state.migrations import LATEST

DAY = date(2026, 4, 26)
Factory = Callable[..., StateStore]


class Ticker:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


@pytest.fixture(params=["sqlite", "postgresql"])
def make_state(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Factory]:
    """Opens stores on one shared place, as separate processes or replicas would."""
    opened: list[StateStore] = []
    if request.param == "sqlite":
        url, schema_cm = sqlite_url(tmp_path / "state.sqlite3"), None
    else:
        url, schema_cm = require_postgres(), fresh_schema()
    schema = schema_cm.__enter__() if schema_cm else None

    def make(now: Callable[[], float] | None = None, *, migrate: bool = True) -> StateStore:
        store = open_state(url, schema=schema, **({"now": now} if now else {}))
        opened.append(store)
        if migrate:
            store.migrate()
        return store

    try:
        yield make
    finally:
        for store in opened:
            store.close()
        if schema_cm:
            schema_cm.__exit__(None, None, None)


def test_migrate_is_versioned_and_idempotent(make_state: Factory) -> None:
    state = make_state(migrate=False)
    first = state.migrate()
    assert (first.version, first.latest, first.current) == (LATEST, LATEST, True)
    assert state.migrate().version == LATEST
    assert make_state().status().current


def test_replicas_starting_together_migrate_once(make_state: Factory) -> None:
    stores = [make_state(migrate=False) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    versions: list[int] = []
    errors: list[BaseException] = []

    def start(store: StateStore) -> None:
        barrier.wait()
        try:
            versions.append(store.migrate().version)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and versions == [LATEST] * 4


def test_first_seen_once_per_key(make_state: Factory) -> None:
    a, b = make_state(), make_state()
    assert a.first_seen(["event:E1", "message:C1:1.1"], now=10.0)
    assert not b.first_seen(["event:E1", "message:C1:1.1"], now=11.0)  # the retry, on the other replica
    assert not b.first_seen(["event:E2", "message:C1:1.1"], now=12.0)  # same message, another event id
    assert not a.first_seen(["event:E2"], now=13.0)  # the new key of a second sighting is remembered too
    assert a.first_seen(["event:E3"], now=14.0)


def test_first_seen_racing_replicas_let_one_through(make_state: Factory) -> None:
    stores = [make_state() for _ in range(8)]
    barrier = threading.Barrier(len(stores))
    wins: list[int] = []

    def deliver(i: int) -> None:
        barrier.wait()
        if stores[i].first_seen([f"event:E{i}", "message:C1:5.5"], now=1.0):
            wins.append(i)

    threads = [threading.Thread(target=deliver, args=(i,)) for i in range(len(stores))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1


def test_claim_once_then_record(make_state: Factory) -> None:
    ledger = make_state()
    assert ledger.claim("C1", DAY, "a")
    assert not make_state().claim("C1", DAY, "b")
    assert ledger.claim("C1", DAY, "a")  # the holder may renew its own claim
    assert ledger.claim("C2", DAY, "b")
    assert ledger.claim("C1", date(2026, 4, 27), "b")
    ledger.record("C1", DAY, "123.000001")
    assert make_state().posted("C1", DAY) == "123.000001"
    assert not ledger.claim("C1", DAY, "a")  # posted: nobody claims it again
    assert ledger.posted("C2", DAY) is None


def test_an_expired_lease_can_be_taken_over(make_state: Factory) -> None:
    clock = Ticker()
    ledger = make_state(clock)
    assert ledger.claim("C1", DAY, "dead", lease_seconds=60)
    clock.value += 59
    assert not ledger.claim("C1", DAY, "new")
    clock.value += 2
    assert ledger.claim("C1", DAY, "new")
    assert not ledger.claim("C1", DAY, "dead")


def test_release_and_forget(make_state: Factory) -> None:
    ledger = make_state()
    assert ledger.claim("C1", DAY, "a")
    ledger.release("C1", DAY, "b")  # not the holder: nothing happens
    assert not ledger.claim("C1", DAY, "c")
    ledger.release("C1", DAY, "a")
    assert ledger.claim("C1", DAY, "c")
    ledger.record("C9", "2026-04-26", "9.1")  # without a claim
    assert ledger.posted("C9", DAY) == "9.1"
    ledger.forget("C9", DAY)
    assert ledger.posted("C9", DAY) is None


def test_racing_claims_give_one_owner(make_state: Factory) -> None:
    stores = [make_state() for _ in range(8)]
    barrier = threading.Barrier(len(stores))
    wins: list[int] = []

    def run(i: int) -> None:
        barrier.wait()
        if stores[i].claim("C1", DAY, f"owner{i}"):
            wins.append(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(stores))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1


def test_context_written_by_one_replica_is_read_by_another(make_state: Factory) -> None:
    a, b = make_state(), make_state()
    a.save_context("C1:1.1", '{"entities": ["北海道町村会"]}', expires_at=100.0)
    assert b.load_context("C1:1.1", now=50.0) == '{"entities": ["北海道町村会"]}'
    b.save_context("C1:1.1", '{"entities": []}', expires_at=200.0)  # upsert
    assert a.load_context("C1:1.1", now=150.0) == '{"entities": []}'
    assert a.load_context("C1:1.1", now=200.0) is None  # expired
    assert a.load_context("nope", now=0.0) is None


def test_log_rows_come_back_oldest_first(make_state: Factory) -> None:
    state = make_state()
    rows = [
        LogRow(30.0, "feedback_down", "「協定」は？", "when", "wrong", ("ev-1", "ev-2"), "h1"),
        LogRow(10.0, "declined", "天気は？", "fallback", "out_of_scope", (), "h2"),
        LogRow(20.0, "apology", "x\ny", "count", "error", ("ev-3",), "h3"),
        LogRow(20.0, "feedback_up", "second at 20", "count", "", (), "h4"),
    ]
    for row in rows:
        state.append_log(row)
    assert make_state().log_since(15.0) == [rows[2], rows[3], rows[0]]
    assert state.log_since(0.0)[0] == rows[1]


def test_purge_deletes_only_what_is_old(make_state: Factory) -> None:
    state = make_state()
    day = 86_400.0
    now = 100 * day
    state.first_seen(["event:old"], now=now - 2 * day)
    state.first_seen(["event:new"], now=now - 60)
    state.save_context("old", "{}", expires_at=now - 1)
    state.save_context("new", "{}", expires_at=now + 600)
    state.append_log(LogRow(now - 91 * day, "declined", "q", "i", "r", (), "u"))
    state.append_log(LogRow(now - 89 * day, "declined", "q2", "i", "r", (), "u"))
    assert state.purge(now=now, dedupe_seconds=day, log_days=90) == 3
    assert state.first_seen(["event:old"], now=now)  # forgotten
    assert not state.first_seen(["event:new"], now=now)
    assert state.load_context("new", now=now) == "{}"
    assert [r.question for r in state.log_since(0.0)] == ["q2"]
    assert state.purge(now=now, dedupe_seconds=day, log_days=90) == 0


def test_ping_and_where(make_state: Factory) -> None:
    state = make_state()
    state.ping()
    assert state.where.startswith(("sqlite:///", "postgresql://"))
