"""Dates and text at their limits (issue 11, items 9–11): answered or clearly refused, never the apology."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from datetime import date

import pytest

from renkei_bot.dates import format_date, format_fiscal_year, format_year, wareki_year
from renkei_bot.engine import Engine
from renkei_bot.nlu.query import MAX_QUESTION
from renkei_bot.paths import PROJECT_ROOT
from renkei_bot.slack.commands import answer_for, parse
from renkei_bot.slack.messages import answer_message
from renkei_bot.slack.paging import PageRef
from slacklimits import problems

TODAY = date(2026, 11, 28)


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "renkei_bot", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(PROJECT_ROOT), "RENKEI_CACHE_DIR": "off"},
        cwd=PROJECT_ROOT,
        check=False,
    )


def test_days_before_meiji_are_shown_in_the_western_calendar_alone() -> None:
    assert format_date(date(1027, 11, 28)) == "1027年11月28日"
    assert format_year(1867) == "1867年"
    assert format_fiscal_year(1500) == "1500年度"
    # 明治 was proclaimed in October 1868 and counted from 1 January: all of 1868 is 明治元年
    assert wareki_year(date(1868, 4, 1)) == "明治元年"
    assert format_date(date(9999, 12, 31)) == "9999年（令和7981年）12月31日"


@pytest.mark.parametrize(
    "question",
    [
        "999年前の今日以降",
        "明治1年4月",
        "明治元年10月22日",
        "9999年12月31日は何の日？",
        "9999年12月の出来事",
        "1年1月1日",
    ],
)
def test_a_date_the_parser_accepts_is_answered_not_apologised_for(
    engine: Engine, question: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        answer = engine.ask(question, today=TODAY)
    assert answer.intent != "error" and answer.summary
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("text", ["today 9999-12-31", "today 0001-01-01", "today 12-31", "summary 明治1年"])
def test_renkei_today_at_the_ends_of_the_calendar(engine: Engine, text: str) -> None:
    command = parse(text)
    answer = answer_for(engine, command, today=date(9999, 12, 31))
    assert answer.intent != "error" and answer.summary
    assert problems(answer_message(answer, ref=PageRef(command, 0, TODAY))) == []


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1868-01-01"])
def test_post_anniversaries_dry_run_at_the_ends_of_the_calendar(day: str) -> None:
    done = _cli("post-anniversaries", "--date", day, "--dry-run", "--empty", "upcoming")
    assert done.returncode == 0, done.stderr.decode()
    assert day in done.stdout.decode() and b"Traceback" not in done.stderr


def test_ask_reads_bad_utf8_on_stdin_with_a_warning_and_writes_valid_utf8() -> None:
    done = _cli(
        "ask", "--json", "--today", "2026-05-13", stdin=b"abc\xff\xfe\n\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\n"
    )
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode("utf-8")  # strict: raises if any byte is not UTF-8
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["question"] == "abc\ufffd\ufffd" and second["question"] == "今日は"
    assert "stdin line 1: not UTF-8" in done.stderr.decode()


def test_ask_json_escapes_characters_that_split_lines() -> None:
    stdin = "a\u2028b\x85c\u2029d\x0ce\n今日は何の日？\n".encode()
    done = _cli("ask", "--json", "--today", "2026-05-13", stdin=stdin)
    out = done.stdout.decode("utf-8")
    records = out.splitlines()  # str.splitlines cuts at U+2028, U+0085, U+2029 and \x0c too
    assert len(records) == 2, records
    assert json.loads(records[0])["question"] == "a\u2028b\x85c\u2029d\x0ce"
    assert "\\u2028" in records[0] and "\\u0085" in records[0]


def test_a_lone_surrogate_on_the_command_line_is_answered() -> None:
    done = _cli("ask", "--json", "\udcff北海道町村会")  # a 0xff byte in argv arrives as U+DCFF
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout.decode("utf-8"))["question"] == "\ufffd北海道町村会"


@pytest.mark.parametrize("entry", ["partner", "summary"])
def test_partner_and_summary_clean_and_cap_their_input_like_ask(engine: Engine, entry: str) -> None:
    ask = engine.partner if entry == "partner" else engine.summary
    long = ask("北海道町村会 2019年 " * 400, today=TODAY)
    assert any(str(MAX_QUESTION) in note for note in long.notes)  # said so, like ask
    surrogate = ask("北海道町村会\ud800 2019年", today=TODAY)
    assert surrogate.intent != "error" and "\ud800" not in surrogate.question
    for answer in (long, surrogate):
        command = parse(f"{entry} x")
        assert problems(answer_message(answer, ref=PageRef(command, 0, TODAY))) == []
