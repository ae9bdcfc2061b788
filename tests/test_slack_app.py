"""End to end: the real bolt App behind uvicorn on 127.0.0.1, signed deliveries, a fake Slack Web API."""

from __future__ import annotations

import json
import statistics
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from fakeslack import Call, FakeSlack
from renkei_bot import paths, wording
from renkei_bot.answers.model import Answer
from renkei_bot.answers.render import MORE_ACTION_ID, escape_mrkdwn, to_text
from renkei_bot.clock import Clock
from renkei_bot.config import Settings
from renkei_bot.engine import Engine
from renkei_bot.slack.app import build_app
from renkei_bot.slack.commands import ASK, Command, answer_for, parse
from renkei_bot.slack.messages import answer_message
from renkei_bot.slack.paging import PageRef, decode, encode
from renkei_bot.slack.server import bound_socket, http_server
from slackdelivery import BOT_USER_ID, Deliverer, dm, mention, next_ts

TODAY = date(2026, 11, 28)
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
QUESTION = "北海道町村会との協定はいつ？"
QUIET = 0.4  # how long "nothing was posted" is watched for


@dataclass
class Bot:
    fake: FakeSlack
    slack: Deliverer
    engine: Engine
    _n: Iterator[int] = field(default_factory=lambda: iter(range(1, 10**9)))

    def channel(self, prefix: str = "C") -> str:
        return f"{prefix}{next(self._n):08d}"

    def response_url(self) -> tuple[str, str]:
        name = f"respond/{next(self._n)}"
        return self.fake.url + name, name

    def posts(self, channel: str, method: str = "chat.postMessage") -> list[Call]:
        return [c for c in self.fake.calls(method) if c.body.get("channel") == channel]

    def wait_posts(self, channel: str, count: int = 1, timeout: float = 15.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [c for c in self.posts(channel) if c.body.get("text")]
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} post(s) in {channel}, got {self.posts(channel)}")

    def wait_stored(self, channel: str, timeout: float = 15.0) -> list[dict[str, Any]]:
        """Messages the fake accepted (a 429 or 5xx answer is recorded as a call but stores nothing)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := self.fake.messages(channel):
                return found
            time.sleep(0.01)
        raise AssertionError(f"nothing was stored in {channel}: calls {self.posts(channel)}")

    def expected(self, command: Command, *, page: int = 0) -> dict[str, Any]:
        answer = answer_for(self.engine, command, today=TODAY)
        return answer_message(answer, ref=PageRef(command, page, TODAY))


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load(paths.DATA_DIR, paths.INTENTS_DIR, env={})  # no cache: not the real environment


@pytest.fixture(scope="module")
def bot(engine: Engine) -> Iterator[Bot]:
    with FakeSlack() as fake:
        env = {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.url,
            "RENKEI_TODAY": TODAY.isoformat(),
        }
        settings = Settings.from_env(env)
        app = build_app(engine, settings, clock=Clock(today=settings.today))
        sock = bound_socket("127.0.0.1", 0)
        port = sock.getsockname()[1]
        server = http_server(app, signing_secret=SECRET, host="127.0.0.1", port=port, log_level="warning")
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.started, "uvicorn did not start"
        yield Bot(fake, Deliverer(url=f"http://127.0.0.1:{port}/slack/events", secret=SECRET), engine)
        server.should_exit = True
        thread.join(5)


def _wire(call: Call) -> str:
    return json.dumps(call.body, ensure_ascii=False)


def test_the_client_was_verified_against_the_fake_with_the_bot_token(bot: Bot) -> None:
    auth = bot.fake.calls("auth.test")
    assert auth and auth[0].headers["authorization"] == "Bearer xoxb-test"


def test_url_verification_echoes_the_challenge(bot: Bot) -> None:
    sent = bot.slack.raw_json(
        {"token": "t", "challenge": "3eZbrw1aBm2rZgRNFdxV2595", "type": "url_verification"}
    )
    assert sent.status == 200
    assert sent.json == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595"}


@pytest.mark.parametrize("how", ["bad signature", "ten minutes old"])
def test_unsigned_or_stale_requests_get_401_and_nothing_is_posted(bot: Bot, how: str) -> None:
    channel = bot.channel()
    if how == "bad signature":
        sent = bot.slack.event(mention(channel, f"<@{BOT_USER_ID}> {QUESTION}"), secret="wrong-secret")
    else:
        sent = bot.slack.event(
            mention(channel, f"<@{BOT_USER_ID}> {QUESTION}"), timestamp=int(time.time()) - 600
        )
    assert sent.status == 401
    response_url, name = bot.response_url()
    assert bot.slack.command("/renkei", "partners", response_url=response_url, secret="wrong").status == 401
    time.sleep(QUIET)
    assert bot.posts(channel) == []
    assert bot.fake.calls(name) == []


def test_a_mention_is_answered_in_a_thread_under_it(bot: Bot) -> None:
    channel, ts = bot.channel(), next_ts()
    sent = bot.slack.event(mention(channel, f"<@{BOT_USER_ID}> {QUESTION}", ts=ts))
    assert sent.status == 200
    (post,) = bot.wait_posts(channel)
    assert post.body["thread_ts"] == ts
    expected = bot.expected(Command(ASK, QUESTION))
    assert post.body["text"] == expected["text"]
    assert post.body["text"] == escape_mrkdwn(to_text(bot.engine.ask(QUESTION, today=TODAY)))
    assert post.body["blocks"] == expected["blocks"]
    assert post.body["blocks"][0]["type"] == "header"
    assert post.headers["authorization"] == "Bearer xoxb-test"


def test_a_mention_inside_a_thread_is_answered_in_that_thread(bot: Bot) -> None:
    channel, parent = bot.channel(), next_ts()
    bot.slack.event(mention(channel, f"<@{BOT_USER_ID}> {QUESTION}", thread_ts=parent))
    (post,) = bot.wait_posts(channel)
    assert post.body["thread_ts"] == parent


def test_a_dm_is_answered_in_the_dm_not_in_a_thread(bot: Bot) -> None:
    channel = bot.channel("D")
    bot.slack.event(dm(channel, QUESTION))
    (post,) = bot.wait_posts(channel)
    assert "thread_ts" not in post.body
    assert post.body["text"] == bot.expected(Command(ASK, QUESTION))["text"]


def test_a_dm_written_in_a_thread_is_answered_in_that_thread(bot: Bot) -> None:
    channel, parent = bot.channel("D"), next_ts()
    bot.slack.event(dm(channel, QUESTION, thread_ts=parent))
    (post,) = bot.wait_posts(channel)
    assert post.body["thread_ts"] == parent


def test_own_other_bots_and_subtype_messages_are_ignored(bot: Bot) -> None:
    quiet = bot.channel("D")
    ignored = [
        dm(quiet, QUESTION, user=BOT_USER_ID),  # the bot itself
        dm(quiet, QUESTION, bot_id="BBOT"),  # its own bot_id (what fakeslack's auth.test says)
        dm(quiet, QUESTION, bot_id="BOTHER", user="UOTHERBOT"),  # another bot
        dm(quiet, QUESTION, subtype="bot_message", bot_id="BOTHER"),
        dm(quiet, QUESTION, subtype="message_changed"),  # an edit
        dm(quiet, "", subtype="channel_join"),
        {**dm(quiet, QUESTION), "channel_type": "channel"},  # a channel message without a mention
    ]
    for event in ignored:
        assert bot.slack.event(event).status == 200
    other_bot_mention = {**mention(bot.channel(), f"<@{BOT_USER_ID}> {QUESTION}"), "bot_id": "BOTHER"}
    bot.slack.event(other_bot_mention)
    sentinel = bot.channel("D")
    bot.slack.event(dm(sentinel, QUESTION))
    bot.wait_posts(sentinel)
    time.sleep(QUIET)
    assert bot.posts(quiet) == []
    assert bot.posts(other_bot_mention["channel"]) == []


def test_a_retried_delivery_is_answered_once(bot: Bot) -> None:
    channel, ts = bot.channel(), next_ts()
    event = mention(channel, f"<@{BOT_USER_ID}> {QUESTION}", ts=ts)
    assert bot.slack.event(event, event_id="EvRETRY1").status == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert bot.slack.event(event, event_id="EvRETRY1", headers=retry).status == 200
    bot.wait_posts(channel)
    time.sleep(QUIET)
    assert len(bot.posts(channel)) == 1


def test_one_message_arriving_as_two_events_is_answered_once(bot: Bot) -> None:
    channel, ts = bot.channel("D"), next_ts()
    bot.slack.event(dm(channel, f"<@{BOT_USER_ID}> {QUESTION}", ts=ts))
    bot.slack.event(mention(channel, f"<@{BOT_USER_ID}> {QUESTION}", ts=ts))
    bot.wait_posts(channel)
    time.sleep(QUIET)
    assert len(bot.posts(channel)) == 1


SLASH = [
    "help",
    "summary 2019年度",
    "partner 北海道町村会",
    "partners",
    "today",
    "today 04-26",
    "today 2016-04-26",
    "today 13-45",
    "sumary 2019",
    QUESTION,
]


@pytest.mark.parametrize("text", SLASH)
def test_each_slash_subcommand_acks_empty_and_answers_through_the_response_url(bot: Bot, text: str) -> None:
    response_url, name = bot.response_url()
    sent = bot.slack.command("/renkei", text, response_url=response_url)
    assert sent.status == 200
    assert sent.text == ""  # the ack carries nothing: the answer follows through the response_url
    (reply,) = bot.fake.wait_for(name)
    expected = bot.expected(parse(text))
    assert reply.body["response_type"] == "ephemeral"
    assert reply.body["text"] == expected["text"] != ""
    assert reply.body["blocks"] == expected["blocks"]


def test_an_unknown_subcommand_gets_help_with_did_you_mean(bot: Bot) -> None:
    response_url, name = bot.response_url()
    bot.slack.command("/renkei", "partnr", response_url=response_url)
    (reply,) = bot.fake.wait_for(name)
    assert "もしかして" in reply.body["text"]
    assert "partner" in reply.body["text"]


def test_partners_lists_the_associations(bot: Bot) -> None:
    response_url, name = bot.response_url()
    bot.slack.command("/renkei", "partners", response_url=response_url)
    (reply,) = bot.fake.wait_for(name)
    assert "北海道町村会" in _wire(reply)


def test_chart_uploads_the_picture_into_the_channel(bot: Bot) -> None:
    channel = bot.channel()
    response_url, name = bot.response_url()
    assert (
        bot.slack.command("/renkei", "chart events", response_url=response_url, channel=channel).status == 200
    )
    (complete,) = bot.fake.wait_for("files.completeUploadExternal", timeout=20)[-1:]
    assert complete.body["channel_id"] == channel
    assert bot.fake.calls(name) == []  # the chart is the answer: no extra reply


def test_a_chart_asked_for_in_a_mention_is_uploaded_into_its_thread(bot: Bot) -> None:
    channel, ts = bot.channel(), next_ts()
    before = len(bot.fake.calls("files.completeUploadExternal"))
    sent = bot.slack.event(mention(channel, f"<@{BOT_USER_ID}> 連携自治体数の推移をグラフで見せて", ts=ts))
    assert sent.status == 200
    completes = bot.fake.wait_for("files.completeUploadExternal", count=before + 1, timeout=20)
    mine = [c for c in completes if c.body.get("channel_id") == channel]
    assert len(mine) == 1
    assert mine[0].body["thread_ts"] == ts
    files = json.loads(mine[0].body["files"])
    assert files and files[0]["title"]
    time.sleep(QUIET)
    assert [c for c in bot.posts(channel) if c.body.get("text")] == []  # the picture is the answer


def test_chart_of_an_unknown_kind_gets_the_help(bot: Bot) -> None:
    response_url, name = bot.response_url()
    bot.slack.command("/renkei", "chart pie", response_url=response_url)
    (reply,) = bot.fake.wait_for(name)
    assert reply.body["text"] == bot.expected(Command("help", ""))["text"]


def _buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def test_more_button_on_an_ephemeral_answer_sends_the_next_page(bot: Bot) -> None:
    response_url, name = bot.response_url()
    bot.slack.command("/renkei", "partners", response_url=response_url)
    (first,) = bot.fake.wait_for(name)
    (button,) = _buttons(first.body["blocks"])
    assert button["action_id"] == MORE_ACTION_ID and len(button["value"]) <= 2000
    ref = decode(button["value"])
    assert (ref.command, ref.page, ref.today) == (Command("partners", ""), 1, TODAY)
    channel = bot.channel()
    click_url, click_name = bot.response_url()
    sent = bot.slack.click(
        action_id=MORE_ACTION_ID, value=button["value"], channel=channel, message=None, response_url=click_url
    )
    assert sent.status == 200
    (second,) = bot.fake.wait_for(click_name)
    expected = bot.expected(Command("partners", ""), page=1)
    assert second.body["blocks"] == expected["blocks"]
    assert second.body["text"] == expected["text"] != ""
    assert second.body["replace_original"] is False


def test_more_button_in_a_thread_posts_the_next_page_there_and_removes_the_clicked_button(bot: Bot) -> None:
    channel, parent = bot.channel(), next_ts()
    clicked = {"type": "message", "ts": next_ts(), "thread_ts": parent, "bot_id": "BBOT", "text": "…"}
    value = encode(PageRef(Command("partners", ""), 1, TODAY))
    response_url, _ = bot.response_url()
    bot.slack.click(
        action_id=MORE_ACTION_ID, value=value, channel=channel, message=clicked, response_url=response_url
    )
    (post,) = bot.wait_posts(channel)
    assert post.body["thread_ts"] == parent
    assert post.body["blocks"] == bot.expected(Command("partners", ""), page=1)["blocks"]
    (update,) = bot.fake.wait_for("chat.update")[-1:]
    assert update.body["ts"] == clicked["ts"] and update.body["channel"] == channel
    assert _buttons(update.body["blocks"]) == []
    # a double click shows the page once
    bot.slack.click(
        action_id=MORE_ACTION_ID, value=value, channel=channel, message=clicked, response_url=response_url
    )
    time.sleep(QUIET)
    assert len(bot.posts(channel)) == 1


@pytest.mark.parametrize(
    "value",
    [
        "not json",
        '{"k":"ask","a":"北海道町村会との協定はいつ？","p":-5,"t":"2026-11-28"}',
        '{"k":"ask","a":"北海道町村会との協定はいつ？","p":999,"t":"2026-11-28"}',
        '{"k":"rm -rf","a":"","p":1,"t":"2026-11-28"}',
        '{"k":"ask","a":"x","p":1,"t":"not a day"}',
        "[]",
    ],
)
def test_a_forged_button_value_gets_a_short_private_note_not_an_apology_in_the_thread(
    bot: Bot, value: str
) -> None:
    channel = bot.channel()
    clicked = {"type": "message", "ts": next_ts(), "bot_id": "BBOT", "text": "…"}
    response_url, name = bot.response_url()
    sent = bot.slack.click(
        action_id=MORE_ACTION_ID, value=value, channel=channel, message=clicked, response_url=response_url
    )
    assert sent.status == 200
    (note,) = bot.fake.wait_for(name)
    assert note.body["text"] == escape_mrkdwn(wording.BAD_BUTTON)
    assert note.body["response_type"] == "ephemeral" and note.body["replace_original"] is False
    time.sleep(QUIET)
    assert bot.posts(channel) == [] and bot.posts(channel, "chat.update") == []


INJECTIONS = ["<!channel>", "<!here>", "<!everyone>", "<!subteam^S0123|@team>"]


def test_a_mention_cannot_make_the_bot_ping_anyone(bot: Bot) -> None:
    channel = bot.channel()
    # Slack delivers what the user typed with & < > escaped, and real pings as <!…> tokens.
    text = f"<@{BOT_USER_ID}> <!channel> {QUESTION} <!here|here> &lt;!everyone&gt; <!subteam^S0123|@team>"
    bot.slack.event(mention(channel, text))
    (post,) = bot.wait_posts(channel)
    wire = _wire(post)
    assert not any(bad in wire for bad in INJECTIONS), wire


@pytest.mark.parametrize(
    "text", ["partner &lt;!channel&gt;", "summary &lt;!here&gt;", "&lt;!everyone&gt; はいつ？"]
)
def test_slash_text_echoed_back_is_escaped(bot: Bot, text: str) -> None:
    response_url, name = bot.response_url()
    bot.slack.command("/renkei", text, response_url=response_url)
    (reply,) = bot.fake.wait_for(name)
    wire = _wire(reply)
    assert not any(bad in wire for bad in INJECTIONS), wire


def test_a_429_is_retried_after_retry_after_and_answered_once(bot: Bot) -> None:
    channel = bot.channel()
    bot.fake.fail("chat.postMessage", status=429, times=1, retry_after=1)
    bot.slack.event(mention(channel, f"<@{BOT_USER_ID}> {QUESTION}"))
    bot.wait_stored(channel)
    time.sleep(QUIET)
    calls = bot.posts(channel)
    assert len(calls) == 2  # the 429, then the retry
    assert calls[1].at - calls[0].at >= 1.0  # Retry-After was honoured
    assert len(bot.fake.messages(channel)) == 1


def test_a_server_error_is_retried(bot: Bot) -> None:
    channel = bot.channel()
    bot.fake.fail("chat.postMessage", status=503, times=1, retry_after=None)
    bot.slack.event(mention(channel, f"<@{BOT_USER_ID}> {QUESTION}"))
    bot.wait_stored(channel)
    time.sleep(QUIET)
    assert len(bot.posts(channel)) == 2
    assert len(bot.fake.messages(channel)) == 1


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_forty_concurrent_mentions_are_each_answered_exactly_once(bot: Bot) -> None:
    channels = [bot.channel() for _ in range(40)]
    barrier = threading.Barrier(len(channels))

    def send(channel: str) -> tuple[str, float, float, int]:
        event = mention(channel, f"<@{BOT_USER_ID}> {QUESTION}")
        body_is_ready = bot.slack  # one shared httpx client: connection pooling like Slack's own
        barrier.wait()
        sent = body_is_ready.event(event)
        return channel, sent.started, sent.elapsed, sent.status

    with ThreadPoolExecutor(max_workers=len(channels)) as pool:
        results = list(pool.map(send, channels))
    assert all(status == 200 for *_, status in results)
    answer_latency: list[float] = []
    for channel, started, _, _ in results:
        (post,) = bot.wait_posts(channel)
        answer_latency.append(post.at - started)
    time.sleep(QUIET)
    assert all(len(bot.posts(c)) == 1 for c in channels)
    expected_text = bot.expected(Command(ASK, QUESTION))["text"]
    assert all(bot.posts(c)[0].body["text"] == expected_text for c in channels)
    ack = [elapsed for _, _, elapsed, _ in results]
    print(
        f"\n40 concurrent mentions: ack p50={statistics.median(ack) * 1000:.0f} ms "
        f"p99={_percentile(ack, 0.99) * 1000:.0f} ms; answer p50={statistics.median(answer_latency) * 1000:.0f} ms "
        f"p99={_percentile(answer_latency, 0.99) * 1000:.0f} ms"
    )
    assert max(ack) < 3.0  # Slack's own limit; a generous sanity bound, not a benchmark
    assert max(answer_latency) < 30.0


def test_expected_messages_really_differ_by_question(bot: Bot) -> None:
    # Keeps the equality assertions above honest: two different questions render differently.
    a: Answer = bot.engine.ask(QUESTION, today=TODAY)
    b: Answer = bot.engine.partners()
    assert answer_message(a, ref=None)["text"] != answer_message(b, ref=None)["text"]
