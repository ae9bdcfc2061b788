"""`renkei-bot post-anniversaries`: the cron / Kubernetes CronJob way to run the daily post."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from datafixture import write_dataset
from fakeslack import FakeSlack
from renkei_bot.cli import build_parser
from renkei_bot.errors import ConfigError
from renkei_bot.state.sqlite import SqliteState


def cli(argv: list[str], env: dict[str, str]) -> int:
    args = build_parser().parse_args(["post-anniversaries", *argv])
    code: int = args.handler(args, env)
    return code


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_dataset(tmp_path)


def test_dry_run_prints_the_message_without_tokens(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["--date", "2026-04-26", "--dry-run", "--data", str(data)], {})
    out = capsys.readouterr().out
    assert code == 0
    assert "🎉 10周年 10年前の今日（2016年（平成28年）4月26日）北海道町村会との連携協定締結式の実施" in out
    assert "実際には投稿していません" in out


def test_dry_run_of_an_empty_day_says_nothing_would_be_posted(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["--date", "2026-04-27", "--dry-run", "--data", str(data)], {}) == 0
    assert "投稿しません" in capsys.readouterr().out


def test_date_defaults_to_renkei_today(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(["--dry-run", "--data", str(data)], {"RENKEI_TODAY": "2027-08-21"})
    assert "11年前の今日（2016年（平成28年）8月21日～9月29日）魅力発信イベント" in capsys.readouterr().out


def test_missing_channel_names_the_setting(data: Path) -> None:
    with pytest.raises(ConfigError, match="RENKEI_DAILY_CHANNEL"):
        cli(["--date", "2026-04-26", "--data", str(data)], {"SLACK_BOT_TOKEN": "xoxb-test"})


def test_bad_date_names_the_option(data: Path) -> None:
    with pytest.raises(ConfigError, match="--date"):
        cli(["--date", "2026-13-01", "--dry-run", "--data", str(data)], {})


def env_for(slack: FakeSlack, data: Path, db: Path, channel: str) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": slack.url,
        "RENKEI_DATA_DIR": str(data),
        "RENKEI_STATE_DB": str(db),
        "RENKEI_DAILY_CHANNEL": channel,
        "RENKEI_TODAY": "2026-04-26",
    }


def test_posts_once_when_run_twice(
    slack: FakeSlack, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = env_for(slack, data, tmp_path / "state" / "s.db", "CCLI1")
    assert cli([], env) == 0
    assert cli([], env) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("posted CCLI1 2026-04-26 ts=") and out[1].startswith("already_posted")
    assert len(slack.messages("CCLI1")) == 1
    assert SqliteState(tmp_path / "state" / "s.db").posted("CCLI1", "2026-04-26")


def test_channel_option_overrides_the_setting(slack: FakeSlack, data: Path, tmp_path: Path) -> None:
    env = env_for(slack, data, tmp_path / "s.db", "CCLI2")
    assert cli(["--channel", "CCLI3", "--date", "2026-04-26"], env) == 0
    assert slack.messages("CCLI2") == [] and len(slack.messages("CCLI3")) == 1


def test_two_cron_processes_on_a_utc_machine_post_once(slack: FakeSlack, data: Path, tmp_path: Path) -> None:
    env = env_for(slack, data, tmp_path / "shared" / "s.db", "CCLI4")
    env.update(TZ="UTC", PATH=os.defpath, PYTHONPATH=os.pathsep.join(sys.path), RENKEI_DAILY_LEASE="5")
    command = [sys.executable, "-m", "renkei_bot", "post-anniversaries"]
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = sorted(p.communicate(timeout=60)[0].split(" ")[0] for p in procs)
    assert [p.returncode for p in procs] == [0, 0]
    assert outputs[-1] == "posted" and outputs[0] in ("already_posted", "claimed_elsewhere")
    (message,) = slack.messages("CCLI4")
    assert message["metadata"]["event_payload"] == {"date": "2026-04-26", "channel": "CCLI4"}


def test_dry_run_upcoming_mode(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(["--date", "2026-04-20", "--dry-run", "--empty", "upcoming", "--data", str(data)], {})
    assert "6日後の4月26日が次の記念日です" in capsys.readouterr().out
    cli(["--date", "2026-03-01", "--dry-run", "--data", str(data)], {"RENKEI_DAILY_EMPTY": "upcoming"})
    assert "7日以内に記念日にあたる出来事がないため" in capsys.readouterr().out


def test_a_claim_left_by_a_dead_run_is_taken_over_after_its_lease(
    slack: FakeSlack, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11 item 7: the next cron run waits out the lease instead of standing down for the day."""
    db = tmp_path / "s.db"
    assert SqliteState(db).claim("CCLI5", "2026-04-26", "a run that died", lease_seconds=1.5)
    env = {**env_for(slack, data, db, "CCLI5"), "RENKEI_DAILY_LEASE": "1.5"}
    assert cli([], env) == 0
    assert capsys.readouterr().out.startswith("posted CCLI5 2026-04-26")
    assert len(slack.messages("CCLI5")) == 1


def test_a_dead_run_that_had_posted_is_found_in_the_history_on_takeover(
    slack: FakeSlack, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    env = {**env_for(slack, data, db, "CCLI6"), "RENKEI_DAILY_LEASE": "1"}
    assert cli([], env) == 0
    SqliteState(db).forget("CCLI6", "2026-04-26")  # it died after posting, before recording
    assert SqliteState(db).claim("CCLI6", "2026-04-26", "a run that died", lease_seconds=1)
    capsys.readouterr()
    assert cli([], env) == 0
    assert capsys.readouterr().out.startswith("found_in_history CCLI6")
    assert len(slack.messages("CCLI6")) == 1


def test_a_corrupted_state_file_is_moved_aside_and_the_history_prevents_a_second_post(
    slack: FakeSlack,
    data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Issue 11 item 8: kept, replaced, and no second post."""
    db = tmp_path / "state" / "s.db"
    env = env_for(slack, data, db, "CCLI7")
    assert cli([], env) == 0
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    garbage = b"this is not an SQLite database" * 100
    db.write_bytes(garbage)
    capsys.readouterr()
    assert cli([], env) == 0
    assert capsys.readouterr().out.startswith("found_in_history CCLI7")
    assert len(slack.messages("CCLI7")) == 1
    (aside,) = db.parent.glob("s.db.corrupt-*")
    assert aside.read_bytes() == garbage
    assert SqliteState(db).posted("CCLI7", "2026-04-26")
    (line,) = [r.getMessage() for r in caplog.records if "corrupted" in r.getMessage()]
    assert str(db) in line and str(aside) in line and "\n" not in line


def _without_root_powers() -> list[str]:
    """Root writes to read-only files anyway: drop the capability that lets it (util-linux setpriv)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): a read-only file cannot be simulated")
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}"]


def test_a_read_only_state_file_is_named_with_the_fix(slack: FakeSlack, data: Path, tmp_path: Path) -> None:
    """Issue 11 item 8: one line naming the file and the fix, exit non-zero, nothing posted."""
    db = tmp_path / "state" / "s.db"
    SqliteState(db).posted("CCLI8", "2026-04-26")  # an existing state file
    for path in [db, *db.parent.glob("s.db-*"), db.parent]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    env = env_for(slack, data, db, "CCLI8")
    env.update(PATH=os.defpath, PYTHONPATH=os.pathsep.join(sys.path), RENKEI_CACHE_DIR="off")
    try:
        done = subprocess.run(
            [*_without_root_powers(), sys.executable, "-m", "renkei_bot", "post-anniversaries"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        db.parent.chmod(0o755)
    assert done.returncode == 1, done.stdout + done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert str(db) in line and "writable" in line and "Traceback" not in done.stderr
    assert slack.messages("CCLI8") == []
