"""`renkei-bot serve` start-up as an operator meets it: the mode is chosen from the settings, and a missing
setting, a refused token or an unreachable Slack is one line naming the mode and the fix, no traceback.
Socket Mode's health endpoint reports the websocket's state (a minimal websocket server stands in)."""

from __future__ import annotations

import base64
import hashlib
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fakeslack import FakeSlack
from renkei_bot.slack.server import bound_socket

BIN = Path(sys.executable).parent / "renkei-bot"
_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def serve(env: dict[str, str], *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="renkei-state-") as state:  # serve keeps its state there
        return subprocess.run(
            [str(BIN), "serve", *args],
            env={
                "PATH": "/usr/bin:/bin",
                "HOME": "/nonexistent",
                "RENKEI_CACHE_DIR": "off",
                "XDG_STATE_HOME": state,
                **env,
            },
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("renkei-bot: error: "), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def test_a_bot_token_alone_names_both_modes_and_what_each_needs() -> None:
    done = serve({"SLACK_BOT_TOKEN": "xoxb-test"})
    line = one_line_error(done)
    assert done.returncode == 2
    assert "Socket Mode" in line and "SLACK_APP_TOKEN" in line and "xapp-" in line
    assert "HTTP mode" in line and "SLACK_SIGNING_SECRET" in line and "--http" in line


def test_http_mode_without_a_signing_secret_names_it() -> None:
    done = serve({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-test"}, "--http")
    line = one_line_error(done)
    assert done.returncode == 2 and line.startswith("renkei-bot: error: HTTP mode needs SLACK_SIGNING_SECRET")


def test_socket_mode_without_a_bot_token_names_it() -> None:
    line = one_line_error(serve({"SLACK_APP_TOKEN": "xapp-test"}))
    assert "Socket Mode needs SLACK_BOT_TOKEN" in line and "xoxb-" in line


def test_a_refused_bot_token_is_one_line_with_the_fix() -> None:
    with FakeSlack() as fake:
        fake.fail("auth.test", status=200, error="invalid_auth")
        done = serve({"SLACK_BOT_TOKEN": "xoxb-bad", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": fake.url})
    line = one_line_error(done)
    assert done.returncode == 1
    assert "HTTP mode: Slack refused SLACK_BOT_TOKEN (invalid_auth" in line and "OAuth & Permissions" in line


def test_a_refused_app_token_is_one_line_with_the_fix() -> None:
    with FakeSlack() as fake:
        fake.fail("apps.connections.open", status=200, error="invalid_auth")
        done = serve(
            {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-bad", "SLACK_API_URL": fake.url}
        )
    line = one_line_error(done)
    assert done.returncode == 1
    assert "Socket Mode: Slack refused SLACK_APP_TOKEN (invalid_auth" in line and "connections:write" in line


def test_an_unreachable_slack_is_one_line_with_the_fix() -> None:
    port = _free_port()  # nothing listens there
    done = serve(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_APP_TOKEN": "xapp-test",
            "SLACK_API_URL": f"http://127.0.0.1:{port}/api/",
        }
    )
    line = one_line_error(done)
    assert done.returncode == 1
    assert (
        f"Socket Mode: cannot reach Slack at http://127.0.0.1:{port}/api/" in line and "SLACK_API_URL" in line
    )


def _free_port() -> int:
    sock = bound_socket("127.0.0.1", 0)
    try:
        return int(sock.getsockname()[1])
    finally:
        sock.close()


class _WebSocketServer:
    """Accepts websocket handshakes (RFC 6455 §4.2.2) and holds the connections open; drop() closes them."""

    def __init__(self) -> None:
        self._listener = bound_socket("127.0.0.1", 0)
        self._listener.listen(8)
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(4096)
            key = next(
                line.split(":", 1)[1].strip()
                for line in request.decode().split("\r\n")
                if line.lower().startswith("sec-websocket-key:")
            )
            accept = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
            conn.sendall(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
            )
            self._open.append(conn)

    def close(self) -> None:
        self._listener.close()
        for conn in self._open:
            conn.close()


@pytest.fixture
def socket_mode_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    websocket = _WebSocketServer()
    with FakeSlack() as fake:
        fake.wss_url = websocket.url
        health_port = _free_port()
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": "/nonexistent",
            "RENKEI_CACHE_DIR": "off",
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_APP_TOKEN": "xapp-test",
            "SLACK_API_URL": fake.url,
            "RENKEI_HEALTH_PORT": str(health_port),
            "RENKEI_LOG_FORMAT": "json",
            "XDG_STATE_HOME": str(tmp_path_factory.mktemp("state")),
        }
        proc = subprocess.Popen([str(BIN), "serve"], env=env, stderr=subprocess.PIPE, text=True)
        try:
            yield health_port, proc
        finally:
            proc.terminate()
            proc.wait(10)
            websocket.close()


def test_socket_mode_health_reports_the_websocket(socket_mode_bot: tuple[int, subprocess.Popen[str]]) -> None:
    port, proc = socket_mode_bot
    deadline = time.monotonic() + 60
    while True:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        try:
            response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            if response.status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "no healthy /healthz within 60 s"
        time.sleep(0.1)
    assert response.json() == {
        "status": "ok",
        "mode": "socket",
        "websocket": "connected",
        "state": "sqlite ok",
    }
    assert httpx.get(f"http://127.0.0.1:{port}/other", timeout=1).status_code == 404
