"""`renkei-bot report`: the log grouped by question, most frequent first, as text or JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from renkei_bot.clock import TOKYO
from renkei_bot.report import group
from renkei_bot.state import LogRow, connect, sqlite_url
from renkei_bot.unanswered import APOLOGY, DECLINED, DOWN, REASON, UP

NOON = datetime(2026, 11, 20, 12, 0, tzinfo=TOKYO).timestamp()
DAY = 86_400.0


def r(
    at: float, kind: str, question: str, *, reason: str = "", user: str = "h1", ids: tuple[str, ...] = ()
) -> LogRow:
    return LogRow(at, kind, question, "count" if kind != APOLOGY else "error", reason, ids, user)


ROWS = [
    r(NOON, DECLINED, "大阪府市長会との協定は?", reason="ありません"),
    r(NOON + 1, DOWN, "全国連携展示は何回?", ids=("ev-1", "ev-2")),
    r(NOON + 2, REASON, "全国連携展示は何回?", reason="記録にあるはずなのに見つからない"),
    r(NOON + 3, DECLINED, "大阪府市長会との協定は?", reason="ありません", user="h2"),
    r(NOON + 4, UP, "全国連携展示は何回?"),
    r(NOON + 5, UP, "北海道町村会との協定は?"),  # only thanked: not listed
    r(NOON + 6, APOLOGY, "壊れた質問"),
    r(NOON - 10 * DAY, DECLINED, "先月の質問"),
]


def test_grouped_by_question_most_frequent_first() -> None:
    groups = group(sorted(ROWS, key=lambda x: x.at))
    assert [(g.question, g.count) for g in groups] == [
        ("大阪府市長会との協定は?", 2),
        ("壊れた質問", 1),
        ("全国連携展示は何回?", 1),
        ("先月の質問", 1),
    ]
    exhibition = groups[2]
    assert exhibition.kinds == {DOWN: 1, REASON: 1, UP: 1}
    assert list(exhibition.records) == ["ev-1", "ev-2"]
    assert list(exhibition.reasons) == ["記録にあるはずなのに見つからない"]
    assert groups[0].users == {"h1", "h2"}


def run(db: Path, *args: str, today: str = "2026-11-28") -> str:
    env = {"PATH": os.environ.get("PATH", ""), "RENKEI_STATE_DB": str(db), "RENKEI_TODAY": today}
    done = subprocess.run(
        [sys.executable, "-m", "renkei_bot", "report", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _filled(tmp_path: Path) -> Path:
    db = tmp_path / "state.sqlite3"
    store = connect(sqlite_url(db))
    for row in ROWS:
        store.append_log(row)
    store.close()
    return db


def test_json_lines_and_since(tmp_path: Path) -> None:
    db = _filled(tmp_path)
    rows = [json.loads(line) for line in run(db, "--json").splitlines()]
    assert [x["question"] for x in rows][:2] == ["大阪府市長会との協定は?", "壊れた質問"]
    first = rows[0]
    assert first["count"] == first["declined"] == 2 and first["users"] == 2
    assert first["reasons"] == ["ありません"] and first["last"] == "2026-11-20T12:00+09:00"
    later = [json.loads(line)["question"] for line in run(db, "--json", "--since", "2026-11-15").splitlines()]
    assert "先月の質問" not in later and "大阪府市長会との協定は?" in later


def test_text_lists_counts_breakdown_and_reasons(tmp_path: Path) -> None:
    out = run(_filled(tmp_path), "--since", "2026-11-01").splitlines()
    assert out[0] == "2026-11-01以降、答えられなかった質問 4 件（多い順）"
    assert out[1] == "   2  大阪府市長会との協定は?（見つからない 2） [count]"
    assert "      理由: 記録にあるはずなのに見つからない" in out
    assert "      示した記録: ev-1 / ev-2" in out


def test_entries_older_than_the_log_days_are_deleted(tmp_path: Path) -> None:
    db = _filled(tmp_path)
    assert run(db, "--since", "2026-01-01", today="2027-03-01").splitlines() == [
        "2026-01-01以降、答えられなかった質問はありません。"
    ]
    assert connect(sqlite_url(db)).log_since(0.0) == []


def test_a_bad_since_names_the_option(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "renkei_bot", "report", "--since", "2026-13-01"],
        capture_output=True,
        text=True,
        env={"PATH": "", "RENKEI_STATE_DB": str(tmp_path / "s.sqlite3")},
        timeout=60,
    )
    assert done.returncode == 2 and "--since" in done.stderr and "YYYY-MM-DD" in done.stderr  # a usage error
