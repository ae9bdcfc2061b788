"""`renkei-bot serve --http` as a real subprocess against the fake Slack Web API on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fakeslack import FakeSlack
from renkei_bot.slack.server import bound_socket
from slackdelivery import BOT_USER_ID, Deliverer, mention, next_ts

BIN = Path(sys.executable).parent / "renkei-bot"
SECRET = "serve-test-signing-secret"
QUESTION = "北海道町村会との協定はいつ？"


def _free_port() -> int:
    sock = bound_socket("127.0.0.1", 0)
    try:
        return int(sock.getsockname()[1])
    finally:
        sock.close()


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[FakeSlack, Deliverer, subprocess.Popen[bytes]]]:
    state_dir = tmp_path_factory.mktemp("state")
    with FakeSlack() as fake:
        port = _free_port()
        env = {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.url,
            "RENKEI_TODAY": "2026-11-28",
            "PYTHONUNBUFFERED": "1",
            "RENKEI_STATE_DB": str(state_dir / "state.sqlite3"),
        }
        cmd = [str(BIN), "serve", "--http", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                if proc.poll() is not None:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    raise AssertionError(f"serve exited with {proc.returncode}:\n{out}")
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).text.startswith("ok"):
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "serve did not answer /healthz within 30 s"
                time.sleep(0.05)
            yield fake, Deliverer(url=f"{base}/slack/events", secret=SECRET), proc
        finally:
            proc.terminate()
            proc.wait(10)


def test_healthz_and_auth_test_at_start(served: tuple[FakeSlack, Deliverer, subprocess.Popen[bytes]]) -> None:
    fake, slack, _ = served
    response = httpx.get(slack.url.replace("/slack/events", "/healthz"))
    assert (response.status_code, response.text) == (200, "ok\nstate: sqlite ok\n")
    assert fake.calls("auth.test")[0].headers["authorization"] == "Bearer xoxb-test"


def test_a_mention_is_answered_in_its_thread(
    served: tuple[FakeSlack, Deliverer, subprocess.Popen[bytes]],
) -> None:
    fake, slack, _ = served
    ts = next_ts()
    assert slack.event(mention("CSERVE", f"<@{BOT_USER_ID}> {QUESTION}", ts=ts)).status == 200
    (post,) = fake.wait_for("chat.postMessage", timeout=15)
    assert post.body["channel"] == "CSERVE" and post.body["thread_ts"] == ts
    assert post.body["text"] and post.body["blocks"][0]["type"] == "header"


def test_a_bad_signature_is_refused(served: tuple[FakeSlack, Deliverer, subprocess.Popen[bytes]]) -> None:
    _, slack, _ = served
    assert slack.event(mention("CBAD", QUESTION), secret="not-the-secret").status == 401


@pytest.mark.parametrize(
    ("env", "args", "missing"),
    [
        ({}, ["--http"], "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-test"}, ["--http"], "SLACK_SIGNING_SECRET"),
        ({"SLACK_APP_TOKEN": "xapp-test"}, [], "SLACK_BOT_TOKEN"),
    ],
)
def test_a_missing_setting_is_named(env: dict[str, str], args: list[str], missing: str) -> None:
    done = subprocess.run([str(BIN), "serve", *args], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2  # a missing setting is a usage error
    assert missing in done.stderr


def test_an_unreachable_postgresql_at_start_is_one_line_with_the_password_masked(tmp_path: Path) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "RENKEI_STATE_URL": "postgresql://renkei:s3cret-pw@127.0.0.1:1/renkei",
    }
    done = subprocess.run([str(BIN), "serve", "--http"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert "postgresql://renkei:***@127.0.0.1:1/renkei" in line and "s3cret-pw" not in done.stderr
    assert "RENKEI_STATE_URL" in line and "Connection refused" in line
