"""`renkei-bot serve --http` as a real subprocess on 127.0.0.1, its log in a file, the fake Web API beside it.

with Served(tmp_path, env={...}) as served:
    served.slack.event(mention("C1", "<@UBOT> 質問"))
    served.fake.wait_for("chat.postMessage")
    served.log()  # what the server wrote to stderr so far
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import IO

import httpx

from fakeslack import FakeSlack
from servers import BIN, free_port
from slackdelivery import Deliverer

SECRET = "edge-test-signing-secret"


class Served:
    def __init__(self, folder: Path, *, env: dict[str, str] | None = None) -> None:
        self.fake = FakeSlack()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.slack = Deliverer(url=f"{self.base}/slack/events", secret=SECRET)
        self.log_path = folder / "serve.log"
        self._folder = folder
        self._env = env or {}
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def __enter__(self) -> Served:
        self.fake.__enter__()
        env = {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": self.fake.url,
            "RENKEI_TODAY": "2026-11-28",
            "RENKEI_CACHE_DIR": "off",
            "PYTHONUNBUFFERED": "1",
            "PATH": os.environ.get("PATH", ""),
            "XDG_STATE_HOME": str(self._folder / "state"),  # its own state store, never the user's
            **self._env,
        }
        self._log = self.log_path.open("wb")
        cmd = [str(BIN), "serve", "--http", "--host", "127.0.0.1", "--port", str(self.port)]
        self.proc = subprocess.Popen(cmd, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited with {self.proc.returncode}:\n{self.log()}")
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).text.startswith("ok"):
                    return self
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"serve did not answer /healthz within 60 s:\n{self.log()}"
            time.sleep(0.05)

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
        if self._log is not None:
            self._log.close()
        self.fake.__exit__(*exc)

    def log(self) -> str:
        return self.log_path.read_bytes().decode("utf-8", "replace")

    def rss_kb(self) -> int:
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS in /proc/<pid>/status")

    def raw(self, head: bytes, body: bytes = b"", *, timeout: float = 10.0) -> int:
        """Send `head` and `body` on a bare socket and return the response's status code.

        For bodies the server refuses before reading them: a write the server no longer reads is
        ignored, and the status line is read all the same.
        """
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as sock:
            sock.sendall(head)
            try:
                for start in range(0, len(body), 65536):
                    sock.sendall(body[start : start + 65536])
            except OSError:
                pass
            data = b""
            try:
                while b"\r\n" not in data:
                    chunk = sock.recv(4096)
                    if not chunk:
                        break
                    data += chunk
            except ConnectionResetError:
                pass
        assert data.startswith(b"HTTP/1.1 "), f"no HTTP response: {data[:80]!r}"
        return int(data.split(b" ", 2)[1])
