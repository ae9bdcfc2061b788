"""The Slack path: `renkei-bot serve --http` as a real process, the fake Web API on 127.0.0.1, and N
signed app_mention events sent at once.

Ack latency is the HTTP round trip of each event (Slack retries after 3 s). Answer latency runs from
sending the event to the fake seeing the chat.postMessage in that mention's thread. After the load,
the private memory (RssAnon) of the serve process is read from /proc: the mmapped Sudachi
dictionary is shared file-backed memory and is not counted.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from stats import REPO, VENV_BIN, percentile

sys.path.insert(0, str(REPO / "tests"))
from fakeslack import FakeSlack
from slackdelivery import BOT_USER_ID, Sent, envelope, mention, sign

SECRET = "bench-signing-secret"
QUESTIONS = (
    "北海道町村会との協定はいつ？",
    "全国連携展示は何回開かれた？",
    "2016年にはどんなことがありましたか？",
    "青森県町村会の構成自治体数は？",
)


@dataclass(frozen=True)
class SlackLoad:
    mentions: int
    ack_p50: float
    ack_p99: float
    answer_p50: float
    answer_p99: float
    rss_anon: int  # bytes, after answering the load
    rss_file: int  # the shared, file-backed part (the dictionary), for context


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status_kib(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise SystemExit(f"bench: /proc/{pid}/status has no {key}; the memory figure needs Linux")


def _wait_healthy(proc: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise SystemExit(f"bench: renkei-bot serve exited with {proc.returncode}:\n{out}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).text.startswith("ok"):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise SystemExit("bench: renkei-bot serve did not answer /healthz within 60 s")


def _request(host: str, port: int, path: str, body: bytes, headers: Mapping[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}:{port}", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _exchange(sock: socket.socket, request: bytes) -> int:
    """Send one request and read its whole response; the HTTP status."""
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("serve closed the connection before answering")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return int(head.split()[1])


def _burst(url: str, count: int, channel: str) -> list[tuple[str, Sent]]:
    """Send `count` signed mentions at once, each on its own open connection; (thread ts, result) each.

    Requests are built and signed before the start and sent on raw sockets, so the figures measure
    the server and not the client's own HTTP library fighting for one GIL (Slack sends from many
    machines).
    """
    parsed = urlsplit(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    requests: list[tuple[str, bytes]] = []
    for i in range(count):
        ts = f"{time.time():.6f}{i:03d}"
        text = f"<@{BOT_USER_ID}> {QUESTIONS[i % len(QUESTIONS)]}"
        # Ids unique across sender processes: the app drops a repeated event_id as a Slack retry.
        body = json.dumps(
            envelope(mention(channel, text, ts=ts), event_id=f"Ev{channel}{ts}"), ensure_ascii=False
        ).encode()
        headers = {"Content-Type": "application/json", **sign(SECRET, body, int(time.time()))}
        requests.append((ts, _request(host, port, parsed.path, body, headers)))
    sockets = [socket.create_connection((host, port)) for _ in range(count)]
    start = threading.Barrier(count)
    results: list[tuple[str, Sent] | None] = [None] * count

    def send(i: int) -> None:
        ts, request = requests[i]
        start.wait()
        started = time.monotonic()
        status = _exchange(sockets[i], request)
        results[i] = (ts, Sent(status, "", None, started, time.monotonic() - started))

    threads = [threading.Thread(target=send, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for sock in sockets:
        sock.close()
    return [r for r in results if r is not None]


def _burst_elsewhere(url: str, count: int, channel: str) -> list[tuple[str, Sent]]:
    """_burst in its own process: the senders must not share a GIL with the fake Web API, or the
    fake's work would be counted in the acks. time.monotonic is one clock for every process."""
    done = subprocess.run(
        [sys.executable, __file__, url, str(count), channel], capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: the mention sender failed:\n{done.stderr}")
    return [
        (ts, Sent(status, "", None, started, elapsed))
        for ts, status, started, elapsed in json.loads(done.stdout)
    ]


def slack_load(env: Mapping[str, str], *, mentions: int) -> SlackLoad:
    with FakeSlack() as fake, tempfile.TemporaryDirectory(prefix="renkei-bench-") as state_dir:
        port = _free_port()
        child = dict(env)
        child.update(
            SLACK_BOT_TOKEN="xoxb-bench",
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=fake.url,
            RENKEI_TODAY="2026-11-28",
            RENKEI_STATE_DB=str(Path(state_dir) / "state.sqlite3"),  # the bench's own event dedupe
        )
        cmd = [str(VENV_BIN / "renkei-bot"), "serve", "--http", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(cmd, env=child, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(proc, base)
            url = f"{base}/slack/events"
            _burst_elsewhere(url, 1, "CWARM")  # the first request pays for lazy imports; users send many
            fake.wait_for("chat.postMessage", 1, timeout=30)
            sent = _burst_elsewhere(url, mentions, "CLOAD")
            bad = [s.status for _, s in sent if s.status != 200]
            if bad:
                raise SystemExit(f"bench: serve answered {len(bad)} mention(s) with {sorted(set(bad))}")
            fake.wait_for("chat.postMessage", 1 + mentions, timeout=60)
            posted = {c.body.get("thread_ts"): c.at for c in fake.calls("chat.postMessage")}
            answers = [posted[ts] - s.started for ts, s in sent]
            acks = [s.elapsed for _, s in sent]
            return SlackLoad(
                mentions=mentions,
                ack_p50=percentile(acks, 50),
                ack_p99=percentile(acks, 99),
                answer_p50=percentile(answers, 50),
                answer_p99=percentile(answers, 99),
                rss_anon=_status_kib(proc.pid, "RssAnon") * 1024,
                rss_file=_status_kib(proc.pid, "RssFile") * 1024,
            )
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
            if proc.stdout:
                proc.stdout.close()


if __name__ == "__main__":  # the sender process of _burst_elsewhere
    sent = _burst(sys.argv[1], int(sys.argv[2]), sys.argv[3])
    print(json.dumps([(ts, s.status, s.started, s.elapsed) for ts, s in sent]))
