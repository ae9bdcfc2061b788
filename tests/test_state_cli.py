"""`renkei-bot state migrate|check`, on SQLite and on PostgreSQL (a schema of its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pgtest import fresh_schema, require_postgres, with_schema
from renkei_bot.cli import build_parser, main
from renkei_bot.errors import StateError
from renkei_bot.state import sqlite_url
from renkei_bot.state.migrations import LATEST


def state(action: str, env: dict[str, str]) -> int:
    args = build_parser().parse_args(["state", action])
    code: int = args.handler(args, env)
    return code


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "state.sqlite3")
        return
    base = require_postgres()
    with fresh_schema() as schema:
        yield with_schema(base, schema)


def test_check_says_to_migrate_then_migrate_brings_it_up_to_date(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {"RENKEI_STATE_URL": url}
    assert state("check", env) == 1
    assert "schema version 0, latest" in capsys.readouterr().out
    assert state("migrate", env) == 0
    assert f"schema version {LATEST} (latest {LATEST})" in capsys.readouterr().out
    assert state("migrate", env) == 0  # a second time changes nothing
    assert state("check", env) == 0
    assert "(up to date)" in capsys.readouterr().out


def test_check_of_an_unreachable_server_is_one_line_with_the_password_masked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    env = {"RENKEI_STATE_URL": "postgresql://ops:hunter2@127.0.0.1:1/renkei"}
    with pytest.raises(StateError, match=r"postgresql://ops:\*\*\*@127\.0\.0\.1:1/renkei: cannot connect"):
        state("check", env)


def test_the_command_is_listed_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["state", "--help"])
    out = capsys.readouterr().out
    assert "migrate" in out and "check" in out and "例:" in out
