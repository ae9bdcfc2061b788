from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from renkei_bot.config import Settings
from renkei_bot.errors import ConfigError, StateError
from renkei_bot.state import mask, open_state, sqlite_url
from renkei_bot.state.purge import Purger
from renkei_bot.state.sqlite import SqliteState

DAY = date(2026, 4, 26)


class Ticker:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


def test_created_on_first_use_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "state" / "renkei.sqlite3"
    ledger = SqliteState(path)
    assert not path.exists()
    assert ledger.posted("C1", DAY) is None
    assert path.exists()
    assert ledger.journal_mode() == "wal"
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(posts)")]
    assert columns[:4] == ["channel", "date", "ts", "posted_at"]


def test_claim_once_then_record(tmp_path: Path) -> None:
    ledger = SqliteState(tmp_path / "s.db")
    assert ledger.claim("C1", DAY, "a")
    assert not ledger.claim("C1", DAY, "b")
    assert ledger.claim("C1", DAY, "a")  # the holder may renew its own claim
    assert ledger.claim("C2", DAY, "b")  # another channel is another row
    assert ledger.claim("C1", date(2026, 4, 27), "b")  # and so is another day
    ledger.record("C1", DAY, "123.000001")
    assert ledger.posted("C1", DAY) == "123.000001"
    assert not ledger.claim("C1", DAY, "a")  # posted: nobody claims it again
    assert ledger.posted("C2", DAY) is None


def test_release_lets_the_next_run_claim_at_once(tmp_path: Path) -> None:
    ledger = SqliteState(tmp_path / "s.db")
    assert ledger.claim("C1", DAY, "a")
    ledger.release("C1", DAY, "b")  # not the holder: nothing happens
    assert not ledger.claim("C1", DAY, "c")
    ledger.release("C1", DAY, "a")
    assert ledger.claim("C1", DAY, "c")


def test_record_without_claim_and_forget(tmp_path: Path) -> None:
    ledger = SqliteState(tmp_path / "s.db")
    ledger.record("C1", "2026-04-26", "9.1")
    assert ledger.posted("C1", DAY) == "9.1"
    ledger.forget("C1", DAY)
    assert ledger.posted("C1", DAY) is None


def test_threads_racing_get_one_claim(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    barrier = threading.Barrier(12)
    wins: list[str] = []

    def run(name: str) -> None:
        ledger = SqliteState(path)
        barrier.wait()
        if ledger.claim("C1", DAY, name):
            wins.append(name)

    threads = [threading.Thread(target=run, args=(f"t{i}",)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1


CLAIM_SCRIPT = """
import sys, time
from pathlib import Path
from renkei_bot.state.sqlite import SqliteState
path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
ledger = SqliteState(path)
while not go.exists():
    time.sleep(0.005)
print("won" if ledger.claim("C1", "2026-04-26", name) else "lost")
"""


def test_processes_racing_on_a_fresh_file_get_one_claim(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "s.db"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIM_SCRIPT, str(path), f"p{i}", str(go)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(4)
    ]
    go.touch()
    outputs = [p.communicate(timeout=30)[0].strip() for p in procs]
    assert sorted(outputs) == ["lost", "lost", "lost", "won"]


def test_a_file_from_before_versioning_is_migrated_keeping_its_posts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:  # the schema written before the state package
        conn.execute(
            "CREATE TABLE posts (channel TEXT NOT NULL, date TEXT NOT NULL, ts TEXT, posted_at TEXT, "
            "owner TEXT, lease_until REAL, PRIMARY KEY (channel, date))"
        )
        conn.execute("INSERT INTO posts (channel, date, ts) VALUES ('C1', '2026-04-26', '1.1')")
    state = SqliteState(path)
    assert state.status().version == 0
    assert state.migrate().current
    assert state.posted("C1", DAY) == "1.1"
    assert state.first_seen(["event:E1"], now=1.0)


def test_a_corrupted_file_is_moved_aside_and_replaced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.sqlite3"
    SqliteState(path).record("C1", DAY, "1.1")
    SqliteState(path).ping()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.write_bytes(b"\0garbage" * 512)
    with caplog.at_level(logging.ERROR, logger="renkei_bot.state"):
        state = SqliteState(path, now=lambda: 1_780_000_000.0)
        assert state.posted("C1", DAY) is None  # a new, empty file
    aside = tmp_path / "s.sqlite3.corrupt-20260528T202640Z"
    assert aside.read_bytes() == b"\0garbage" * 512
    (message,) = [r.getMessage() for r in caplog.records]
    assert str(path) in message and str(aside) in message and "(kept)" in message


def test_a_file_corrupted_while_running_is_named_then_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    state = SqliteState(path)
    state.record("C1", DAY, "1.1")
    state.close()  # the thread's connection; the next call opens the file again
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.write_bytes(b"\0garbage" * 512)
    with pytest.raises(StateError, match=f"{path}: the state file is corrupted"):
        state.posted("C1", DAY)
    assert state.posted("C1", DAY) is None
    assert list(tmp_path.glob("s.sqlite3.corrupt-*"))


def test_urls_choose_the_backend_and_hide_the_password(tmp_path: Path) -> None:
    state = open_state(sqlite_url(tmp_path / "x.sqlite3"))
    assert isinstance(state, SqliteState) and state.path == tmp_path / "x.sqlite3"
    assert state.where == f"sqlite:///{tmp_path}/x.sqlite3"
    assert mask("postgresql://bob:s3cret@db:5432/renkei") == "postgresql://bob:***@db:5432/renkei"
    assert (
        mask("postgresql://db/renkei?user=bob&password=s3cret")
        == "postgresql://db/renkei?user=bob&password=***"
    )
    assert mask("postgresql://bob@db/renkei") == "postgresql://bob@db/renkei"
    with pytest.raises(ConfigError, match=r"RENKEI_STATE_URL='mysql://u:\*\*\*@h/d': use sqlite:///"):
        open_state("mysql://u:pw@h/d")
    with pytest.raises(ConfigError, match="names no file"):
        open_state("sqlite:///")


def test_settings_read_the_state_url_lease_and_log_days() -> None:
    default = Settings.from_env({})
    assert default.state_location == f"sqlite:///{default.state_db}"
    assert (default.daily_lease, default.log_days) == (300.0, 90)
    settings = Settings.from_env(
        {"RENKEI_STATE_URL": "postgresql://u:pw@h/d", "RENKEI_DAILY_LEASE": "45", "RENKEI_LOG_DAYS": "30"}
    )
    assert settings.state_location == "postgresql://u:pw@h/d" and "pw" not in repr(settings)
    assert (settings.daily_lease, settings.log_days) == (45.0, 30)
    with pytest.raises(ConfigError, match="RENKEI_DAILY_LEASE='-1' is not a positive number"):
        Settings.from_env({"RENKEI_DAILY_LEASE": "-1"})
    with pytest.raises(ConfigError, match="RENKEI_LOG_DAYS='many'"):
        Settings.from_env({"RENKEI_LOG_DAYS": "many"})


def test_the_purger_runs_at_start_and_survives_errors(tmp_path: Path) -> None:
    state = SqliteState(tmp_path / "s.sqlite3")
    state.first_seen(["event:old"], now=0.0)
    purger = Purger(state, log_days=90, every=3600, now=lambda: 10 * 86_400.0).start()
    try:
        deadline = time.monotonic() + 10
        while not state.first_seen(["event:old"], now=1.0) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        purger.stop()
    broken = SqliteState(tmp_path)  # a folder, not a file: every call fails
    assert Purger(broken, log_days=90).once() == 0


def test_a_file_of_the_interim_conversation_store_is_migrated_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "dev.sqlite3"
    with sqlite3.connect(path) as conn:  # what development builds of conversations wrote
        conn.execute(
            "CREATE TABLE contexts (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at REAL NOT NULL)"
        )
        conn.execute(
            "CREATE TABLE unanswered_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, "
            "kind TEXT NOT NULL, question TEXT NOT NULL, intent TEXT NOT NULL, reason TEXT NOT NULL, "
            "record_ids TEXT NOT NULL, user_hash TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO contexts VALUES ('C1:1.1', '{}', 100.0)")
        conn.execute(
            "INSERT INTO unanswered_log (at, kind, question, intent, reason, record_ids, user_hash) "
            "VALUES (5.0, 'declined', 'q', 'fallback', 'r', 'ev-1 ev-2', 'h')"
        )
    state = SqliteState(path)
    assert state.migrate().current
    assert state.load_context("C1:1.1", now=50.0) == "{}"
    (row,) = state.log_since(0.0)
    assert row.record_ids == ("ev-1", "ev-2")
