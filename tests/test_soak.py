"""A bounded soak of `renkei-bot serve --http` (about 20 s): valid mentions mixed with unsigned junk
and oversized bodies. Every valid event is answered once, every bad request gets a 4xx, the server's
RSS stays within 20 MB of its idle figure, and /healthz answers within 100 ms throughout.

/healthz is polled from a separate process, so the load this test makes cannot slow the poller.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from served import Served
from slackdelivery import BOT_USER_ID, envelope, mention, sign

SOAK_SECONDS = 15.0
RSS_GROWTH_MAX_KB = 20 * 1024
HEALTH_MAX_SECONDS = 0.100
QUESTIONS = [
    "北海道町村会との協定はいつ？",
    "2019年度をまとめて",
    "全国連携展示は何回開かれた？",
    "今日は何の日？",
]
JUNK = [b"{bad json", b"\xff\xfe\x00", b"[]", b"123", b"payload=%7Bbroken", b'{"type":"event_callback"}']

POLLER = """
import http.client, sys, time
host, port, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
conn = http.client.HTTPConnection(host, port, timeout=5)
worst, count, bad = 0.0, 0, 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    started = time.monotonic()
    conn.request("GET", "/healthz")
    response = conn.getresponse()
    body = response.read()
    took = time.monotonic() - started
    worst, count = max(worst, took), count + 1
    bad += response.status != 200 or not body.startswith(b"ok")
    time.sleep(0.02)
print(worst, count, bad)
"""


def _repeat(until: float, work: Callable[[int], None], pause: float) -> Callable[[], None]:
    def run() -> None:
        n = 0
        while time.monotonic() < until:
            work(n)
            n += 1
            time.sleep(pause)

    return run


def test_soak_valid_junk_and_oversized_together(tmp_path: Path) -> None:
    with Served(tmp_path) as served:
        client = httpx.Client(timeout=10)
        sent: list[tuple[str, str]] = []  # (channel, ts) of every valid event
        statuses: dict[str, list[int]] = {"valid": [], "junk": [], "large": []}
        lock = threading.Lock()

        def valid(n: int) -> None:
            channel = f"CSOAK{n % 10:02d}"
            event = mention(channel, f"<@{BOT_USER_ID}> {QUESTIONS[n % len(QUESTIONS)]}")
            body = json.dumps(envelope(event), ensure_ascii=False).encode()
            headers = {
                "Content-Type": "application/json",
                **sign(served.slack.secret, body, int(time.time())),
            }
            response = client.post(served.slack.url, content=body, headers=headers)
            if n % 5 == 0:  # Slack retries some deliveries: the same event again must not be answered twice
                headers["X-Slack-Retry-Num"] = "1"
                client.post(served.slack.url, content=body, headers=headers)
            with lock:
                sent.append((channel, str(event["ts"])))
                statuses["valid"].append(response.status_code)

        # warm up: the first answers load what is loaded lazily; then the idle figure
        for n in range(4):
            valid(100 + n)
        deadline = time.monotonic() + 20
        while sum(len(served.fake.messages(f"CSOAK{n % 10:02d}")) for n in range(100, 104)) < 4:
            assert time.monotonic() < deadline, "the warm-up mentions were not answered"
            time.sleep(0.05)
        time.sleep(0.5)
        idle = served.rss_kb()

        junk_client = httpx.Client(timeout=10)

        def junk(n: int) -> None:
            response = junk_client.post(
                served.slack.url, content=JUNK[n % len(JUNK)], headers={"Content-Type": "application/json"}
            )
            with lock:
                statuses["junk"].append(response.status_code)

        big = b"x" * 5_000_000
        declared = (
            b"POST /slack/events HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(big)
        )
        chunk = b"y" * 65536
        streamed = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(24)) + b"0\r\n\r\n"
        chunked = (
            b"POST /slack/events HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )

        def large(n: int) -> None:
            status = served.raw(declared, big) if n % 2 else served.raw(chunked, streamed)
            with lock:
                statuses["large"].append(status)

        peak = [idle]

        def sample(n: int) -> None:
            peak[0] = max(peak[0], served.rss_kb())

        poller = subprocess.Popen(
            [sys.executable, "-c", POLLER, "127.0.0.1", str(served.port), str(SOAK_SECONDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        until = time.monotonic() + SOAK_SECONDS
        threads = [
            threading.Thread(target=_repeat(until, valid, 0.2)),
            threading.Thread(target=_repeat(until, junk, 0.01)),
            threading.Thread(target=_repeat(until, large, 0.1)),
            threading.Thread(target=_repeat(until, sample, 0.05)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(SOAK_SECONDS + 30)
        out, _ = poller.communicate(timeout=30)
        worst, polls, bad_health = out.split()

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            answered = {(m["channel_id"], m["thread_ts"]) for m in _answers(served)}
            if all(key in answered for key in sent):
                break
            time.sleep(0.1)
        answers = _answers(served)
        keys = [(m["channel_id"], m["thread_ts"]) for m in answers]
        assert sorted(keys) == sorted(sent), "every valid event answered exactly once"
        assert set(statuses["valid"]) == {200}
        assert len(statuses["junk"]) > 200 and all(400 <= s < 500 for s in statuses["junk"]), statuses["junk"]
        assert len(statuses["large"]) > 20 and set(statuses["large"]) == {413}
        assert peak[0] - idle <= RSS_GROWTH_MAX_KB, f"RSS grew from {idle} kB to {peak[0]} kB"
        assert int(bad_health) == 0 and int(polls) > 100
        assert float(worst) <= HEALTH_MAX_SECONDS, f"/healthz took {float(worst) * 1000:.0f} ms at worst"
        log = served.log()
        assert "Traceback" not in log
        assert not [q for q in QUESTIONS if q in log], "message text is never logged"
        assert len([line for line in log.splitlines() if "refused request:" in line]) <= 60 * 2
        print(
            f"soak: {len(sent)} mentions, {len(statuses['junk'])} junk, {len(statuses['large'])} large; "
            f"RSS idle {idle} kB, peak {peak[0]} kB; /healthz worst {float(worst) * 1000:.1f} ms of {polls}"
        )


def _answers(served: Served) -> list[dict[str, str]]:
    # the calls, not the stored messages: the fake reads a stored thread_ts as JSON (a float)
    return [
        {"channel_id": str(call.body["channel"]), "thread_ts": str(call.body.get("thread_ts"))}
        for call in served.fake.calls("chat.postMessage")
        if str(call.body.get("channel", "")).startswith("CSOAK")
    ]
