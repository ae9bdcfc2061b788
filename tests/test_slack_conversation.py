"""Conversations end to end: the real bolt App over HTTP, the fake Slack Web API, a SQLite state file.

Follow-ups in a thread (mentions and plain replies), no leak between threads, threads the bot is not
part of, the DM window under an injected clock, 👍/👎 with the reason modal, and `renkei-bot report`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from fakeslack import Call, FakeSlack
from renkei_bot.clock import TOKYO, Clock
from renkei_bot.config import Settings
from renkei_bot.engine import Engine
from renkei_bot.paths import PROJECT_ROOT
from renkei_bot.slack.app import build_app
from renkei_bot.slack.server import bound_socket, http_server
from renkei_bot.state import connect, sqlite_url
from slackdelivery import (
    BOT_USER_ID,
    Deliverer,
    channel_message,
    dm,
    feedback_click,
    mention,
    next_ts,
    view_submission,
)

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SALT = "test-salt-not-secret"
START = datetime(2026, 11, 28, 10, 0, tzinfo=TOKYO)
QUIET = 0.5


class FakeNow:
    """The bot's clock: moved by the test, never the real one."""

    def __init__(self) -> None:
        self.value = START
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.value

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self.value += delta


@dataclass
class Bot:
    fake: FakeSlack
    slack: Deliverer
    now: FakeNow
    db: Path
    _n: Iterator[int]

    def channel(self, prefix: str = "C") -> str:
        return f"{prefix}{next(self._n):08d}"

    def posts(self, channel: str) -> list[Call]:
        return [c for c in self.fake.calls("chat.postMessage") if c.body.get("channel") == channel]

    def wait_posts(self, channel: str, count: int, timeout: float = 15.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.posts(channel)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(
            f"expected {count} post(s) in {channel}, got {[p.body['text'] for p in self.posts(channel)]}"
        )

    def ask(self, event: dict[str, Any]) -> str:
        """Deliver an event and return the text of the answer it gets."""
        channel = str(event["channel"])
        before = len(self.posts(channel))
        assert self.slack.event(event).status == 200
        return str(self.wait_posts(channel, before + 1)[before].body["text"])

    def stored(self, channel: str) -> list[dict[str, Any]]:
        return self.fake.messages(channel)


@pytest.fixture(scope="module")
def bot(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    db = tmp_path_factory.mktemp("state") / "renkei.sqlite3"
    now = FakeNow()
    with FakeSlack() as fake:
        env = {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.url,
            "RENKEI_TODAY": START.date().isoformat(),
            "RENKEI_LOG_SALT": SALT,
        }
        settings = Settings.from_env(env)
        app = build_app(
            engine, settings, clock=Clock(today=settings.today, now=now), state=connect(sqlite_url(db))
        )
        sock = bound_socket("127.0.0.1", 0)
        port = sock.getsockname()[1]
        server = http_server(app, host="127.0.0.1", port=port, log_level="warning", signing_secret=SECRET)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.started, "uvicorn did not start"
        deliverer = Deliverer(url=f"http://127.0.0.1:{port}/slack/events", secret=SECRET)
        yield Bot(fake, deliverer, now, db, iter(range(1, 10**9)))
        server.should_exit = True
        thread.join(5)


def at(text: str) -> str:
    return f"<@{BOT_USER_ID}> {text}"


def test_follow_ups_in_one_thread_and_no_leak_into_another(bot: Bot) -> None:
    channel, parent = bot.channel(), next_ts()
    first = bot.ask(mention(channel, at("北海道町村会との協定はいつ？"), ts=parent))
    assert "2016年（平成28年）4月26日" in first
    members = bot.ask(channel_message(channel, "構成自治体数は？", thread_ts=parent))
    assert "144" in members
    assert members.startswith("北海道町村会について：")  # what was carried over is shown
    nara = bot.ask(mention(channel, at("じゃあ奈良県町村会は？"), thread_ts=parent))
    assert "27" in nara and "奈良県町村会" in nara and "144" not in nara
    assert all(p.body["thread_ts"] == parent for p in bot.posts(channel))

    other, other_parent = bot.channel(), next_ts()
    alone = bot.ask(mention(other, at("構成自治体数は？"), ts=other_parent))
    assert "144" not in alone and "北海道町村会" not in alone


def test_an_aspect_alone_applies_to_the_lecture_just_answered(bot: Bot) -> None:
    channel, parent = bot.channel(), next_ts()
    bot.ask(mention(channel, at("令和元年度第1回全国連携講演会はいつ？"), ts=parent))
    theme = bot.ask(channel_message(channel, "テーマは？", thread_ts=parent))
    assert "森林環境税から考える自治体間連携" in theme


def test_a_plain_message_in_a_thread_the_bot_is_not_part_of_gets_no_answer(bot: Bot) -> None:
    channel, parent = bot.channel(), next_ts()
    bot.slack.event(channel_message(channel, "北海道町村会との協定はいつ？"))  # top level, no mention
    bot.slack.event(channel_message(channel, "構成自治体数は？", thread_ts=parent))  # someone else's thread
    sentinel = bot.channel("D")
    bot.ask(dm(sentinel, "北海道町村会との協定はいつ？"))  # the bot is up and answering
    time.sleep(QUIET)
    assert bot.posts(channel) == []


def test_a_dm_follow_up_after_the_context_ttl_does_not_inherit(bot: Bot) -> None:
    channel = bot.channel("D")
    bot.ask(dm(channel, "北海道町村会との協定はいつ？"))
    soon = bot.ask(dm(channel, "構成自治体数は？"))
    assert "144" in soon
    bot.now.advance(timedelta(minutes=31))
    late = bot.ask(dm(channel, "構成自治体数は？"))
    assert "144" not in late and "北海道町村会" not in late


def _report(db: Path, *args: str) -> list[dict[str, Any]]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "RENKEI_STATE_DB": str(db),
        "RENKEI_TODAY": START.date().isoformat(),
        "RENKEI_CACHE_DIR": "off",
    }
    done = subprocess.run(
        [sys.executable, "-m", "renkei_bot", "report", "--json", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_thumbs_down_and_a_declined_question_are_reported_and_the_user_id_is_not_stored(bot: Bot) -> None:
    channel, parent = bot.channel(), next_ts()
    bot.ask(mention(channel, at("全国連携展示は何回開かれた？"), ts=parent))
    (answer,) = bot.stored(channel)
    sent = feedback_click(bot.slack, message=answer, channel=channel, vote="negative")
    assert sent.status == 200 and sent.text == ""  # acknowledged quietly
    (opened,) = bot.fake.wait_for("views.open")
    view = json.loads(opened.body["view"]) if isinstance(opened.body["view"], str) else opened.body["view"]
    choice = {"reason_choice": {"choice": {"type": "radio_buttons", "selected_option": {"value": "missing"}}}}
    text = {"reason_text": {"text": {"type": "plain_text_input", "value": "第3回もあったはず"}}}
    assert view_submission(bot.slack, view=view, values={**choice, **text}).status == 200

    assert (
        feedback_click(bot.slack, message=answer, channel=channel, vote="positive", user="UOTHER").status
        == 200
    )
    for _ in range(2):  # the same unanswerable question twice
        declined_channel = bot.channel()
        bot.ask(mention(declined_channel, at("大阪府市長会との連携協定はいつ結ばれた？")))

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        rows = _report(bot.db)
        by_question = {r["question"]: r for r in rows}
        down = by_question.get("全国連携展示は何回開かれた?")
        if down and down["reasons"]:
            break
        time.sleep(0.2)
    declined = by_question["大阪府市長会との連携協定はいつ結ばれた?"]
    assert declined["declined"] == 2 and declined["count"] == 2
    assert down is not None and down["feedback_down"] == 1 and down["intents"] == ["count"]
    assert down["feedback_up"] == 1 and down["users"] == 2
    assert len(bot.fake.calls("views.open")) == 1  # only 👎 asks for a reason
    assert "ev-20170821-1" in down["records"]
    assert down["reasons"] == ["記録にあるはずなのに見つからない：第3回もあったはず"]
    counts = [r["count"] for r in rows]
    assert counts == sorted(counts, reverse=True)  # most frequent first
    assert rows.index(declined) < rows.index(down)

    raw = bot.db.read_bytes() + b"".join(p.read_bytes() for p in bot.db.parent.glob("*-wal"))
    assert b"UHUMAN" not in raw and b"UOTHER" not in raw
    with sqlite3.connect(bot.db) as conn:
        hashes = {h for (h,) in conn.execute("SELECT user_hash FROM unanswered_log")}
    assert len(hashes) == 2 and all(len(h) == 32 for h in hashes)


def test_every_answer_carries_the_feedback_buttons(bot: Bot) -> None:
    channel = bot.channel("D")
    bot.ask(dm(channel, "北海道町村会との協定はいつ？"))
    bot.ask(dm(channel, "存在しない話題について教えて"))
    for message in bot.stored(channel):
        (actions,) = [b for b in message["blocks"] if b["type"] == "context_actions"]
        (element,) = actions["elements"]
        assert element["type"] == "feedback_buttons" and element["action_id"] == "renkei_feedback"


def test_the_next_page_of_a_follow_up_answer_is_of_that_follow_up(bot: Bot) -> None:
    channel, parent = bot.channel(), next_ts()
    bot.ask(mention(channel, at("2018年度には何があった？"), ts=parent))
    first_page = bot.ask(channel_message(channel, "その前は？", thread_ts=parent))
    assert first_page.startswith("2017年度（平成29年度）について：")
    answer = bot.stored(channel)[-1]
    (button,) = [e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert len(button["value"]) <= 2000
    bot.slack.click(
        action_id=button["action_id"],
        value=button["value"],
        channel=channel,
        message=answer,
        response_url=bot.fake.url + "respond/page",
    )
    page = bot.wait_posts(channel, 3)[2].body["text"]
    assert page.startswith("2017年度（平成29年度）\n")  # page 2 of FY2017, not of 「その前は？」 alone
    assert "2018年（平成30年）3月16日" in page and "2018年（平成30年）4月" not in page


def test_the_manifest_subscribes_to_replies_in_channel_threads() -> None:
    manifest = yaml.safe_load((PROJECT_ROOT / "manifest.yml").read_text(encoding="utf-8"))
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert {"app_mention", "message.im", "message.channels", "message.groups"} <= set(events)
    assert {"channels:history", "groups:history"} <= set(manifest["oauth_config"]["scopes"]["bot"])
    assert manifest["settings"]["interactivity"]["is_enabled"] is True  # buttons and the reason modal
