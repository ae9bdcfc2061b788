"""The CLI contract the evaluation tooling relies on, driven as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from renkei_bot.paths import PROJECT_ROOT

DEV = PROJECT_ROOT / "tests" / "eval" / "dev.yaml"


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renkei_bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(PROJECT_ROOT), "RENKEI_CACHE_DIR": "off", **(env or {})},
        cwd=PROJECT_ROOT,
        check=False,
    )


def test_ask_json_reads_stdin_one_question_a_line_in_order() -> None:
    questions = ["北海道町村会との協定はいつ？", "", "明日の天気は？", "今日は何の日？"]
    done = run("ask", "--json", "--today", "2026-05-13", stdin="\n".join(questions) + "\n")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [obj["question"] for obj in lines] == questions
    for obj in lines:
        assert {"question", "found", "intent", "text"} <= obj.keys()
        assert isinstance(obj["found"], bool)
    assert lines[0]["found"] and "2016年（平成28年）4月26日" in lines[0]["text"]
    assert not lines[1]["found"] and not lines[2]["found"]
    assert lines[3]["intent"] == "anniversary" and "2015" in lines[3]["text"]


def test_renkei_today_pins_today() -> None:
    done = run("ask", "今日は何の日？", env={"RENKEI_TODAY": "2026-10-26"})
    assert done.returncode == 0
    assert "KITTE" in done.stdout


def test_a_bad_today_names_the_setting() -> None:
    done = run("ask", "--today", "2026-13-01", "今日は何の日？")
    assert done.returncode == 2  # a usage error, as argparse's own
    assert "--today" in done.stderr and "YYYY-MM-DD" in done.stderr
    assert "Traceback" not in done.stderr


def test_eval_prints_accuracy_and_writes_a_rasa_shaped_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = run("eval", str(DEV), "--json-out", str(report))
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("accuracy: ") and "%" in last
    data = json.loads(report.read_text(encoding="utf-8"))
    some = next(v for k, v in data["intent_report"].items() if k != "accuracy")
    assert {"precision", "recall", "f1-score", "support", "confused_with"} <= some.keys()
    assert isinstance(data["errors"], list)


def test_chat_answers_and_quits() -> None:
    done = run("chat", "--today", "2026-11-28", stdin="北海道町村会の構成自治体数は？\nexit\n")
    assert done.returncode == 0
    assert "144" in done.stdout


def test_commands_have_help_with_an_example() -> None:
    for command in ("ask", "chat", "eval", "ingest", "serve", "post-anniversaries", "chart", "report"):
        done = run(command, "--help")
        assert done.returncode == 0, command
        assert "usage:" in done.stdout
