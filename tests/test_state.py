from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from renkei_bot.state import PostLedger

DAY = date(2026, 4, 26)


class Ticker:
    def __init__(self, start: float = 1_000_000.0) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


def test_created_on_first_use_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "state" / "renkei.sqlite3"
    ledger = PostLedger(path)
    assert not path.exists()
    assert ledger.posted("C1", DAY) is None
    assert path.exists()
    assert ledger.journal_mode() == "wal"
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(posts)")]
    assert columns[:4] == ["channel", "date", "ts", "posted_at"]


def test_claim_once_then_record(tmp_path: Path) -> None:
    ledger = PostLedger(tmp_path / "s.db")
    assert ledger.claim("C1", DAY, "a")
    assert not ledger.claim("C1", DAY, "b")
    assert ledger.claim("C1", DAY, "a")  # the holder may renew its own claim
    assert ledger.claim("C2", DAY, "b")  # another channel is another row
    assert ledger.claim("C1", date(2026, 4, 27), "b")  # and so is another day
    ledger.record("C1", DAY, "123.000001")
    assert ledger.posted("C1", DAY) == "123.000001"
    assert not ledger.claim("C1", DAY, "a")  # posted: nobody claims it again
    assert ledger.posted("C2", DAY) is None


def test_expired_claim_without_ts_can_be_reclaimed(tmp_path: Path) -> None:
    clock = Ticker()
    ledger = PostLedger(tmp_path / "s.db", now=clock)
    assert ledger.claim("C1", DAY, "dead", lease_seconds=60)
    clock.value += 59
    assert not ledger.claim("C1", DAY, "new")
    clock.value += 2
    assert ledger.claim("C1", DAY, "new")
    assert not ledger.claim("C1", DAY, "dead")


def test_release_lets_the_next_run_claim_at_once(tmp_path: Path) -> None:
    ledger = PostLedger(tmp_path / "s.db")
    assert ledger.claim("C1", DAY, "a")
    ledger.release("C1", DAY, "b")  # not the holder: nothing happens
    assert not ledger.claim("C1", DAY, "c")
    ledger.release("C1", DAY, "a")
    assert ledger.claim("C1", DAY, "c")


def test_record_without_claim_and_forget(tmp_path: Path) -> None:
    ledger = PostLedger(tmp_path / "s.db")
    ledger.record("C1", "2026-04-26", "9.1")
    assert ledger.posted("C1", DAY) == "9.1"
    ledger.forget("C1", DAY)
    assert ledger.posted("C1", DAY) is None


def test_threads_racing_get_one_claim(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    barrier = threading.Barrier(12)
    wins: list[str] = []

    def run(name: str) -> None:
        ledger = PostLedger(path)
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
from renkei_bot.state import PostLedger
path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
ledger = PostLedger(path)
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
