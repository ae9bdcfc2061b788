"""`renkei-bot serve --http` as real subprocesses on 127.0.0.1, for tests that run several replicas."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from renkei_bot.slack.server import bound_socket
from slackdelivery import Deliverer

BIN = Path(sys.executable).parent / "renkei-bot"
SECRET = "replica-test-signing-secret"


def free_port() -> int:
    sock = bound_socket("127.0.0.1", 0)
    try:
        return int(sock.getsockname()[1])
    finally:
        sock.close()


@dataclass
class Replica:
    proc: subprocess.Popen[bytes]
    base: str
    log_path: Path

    @property
    def slack(self) -> Deliverer:
        return Deliverer(url=f"{self.base}/slack/events", secret=SECRET)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def health(self) -> str:
        return httpx.get(f"{self.base}/healthz", timeout=5).text

    def ready(self, timeout: float = 60.0) -> Replica:
        """Wait for /healthz; fail with the log if the process exits or does not answer."""
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited with {self.proc.returncode}:\n{self.log()}")
            try:
                if self.health().startswith("ok"):
                    return self
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, (
                f"serve did not answer /healthz within {timeout} s:\n{self.log()}"
            )
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def start_replica(env: dict[str, str], log_path: Path, *, wait: bool = True) -> Replica:
    """Start `serve --http` with `env` (plus the signing secret) and wait for /healthz."""
    port = free_port()
    full = {"SLACK_SIGNING_SECRET": SECRET, "PYTHONUNBUFFERED": "1", "RENKEI_CACHE_DIR": "off", **env}
    cmd = [str(BIN), "serve", "--http", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as out:
        proc = subprocess.Popen(cmd, env=full, stdout=out, stderr=subprocess.STDOUT)
    replica = Replica(proc, f"http://127.0.0.1:{port}", log_path)
    return replica.ready() if wait else replica
