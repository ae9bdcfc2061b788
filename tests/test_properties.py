"""Arbitrary text to every Engine entry point and to the Slack handlers: no exception, and every
answer within Slack's limits (tests/slacklimits.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import BoltContext
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

from fakeslack import FakeSlack
from renkei_bot.answers.model import Answer
from renkei_bot.answers.render import MORE_ACTION_ID, to_text
from renkei_bot.clock import Clock
from renkei_bot.engine import Engine
from renkei_bot.slack import paging
from renkei_bot.slack.commands import ASK, Command, answer_for, parse
from renkei_bot.slack.handlers import Handlers
from renkei_bot.slack.messages import answer_message
from renkei_bot.slack.text import clean
from slacklimits import problems

TODAY = date(2026, 11, 28)

# pieces the bot treats specially, mixed into arbitrary text (surrogates and controls included)
PIECES = [
    "北海道町村会",
    "京都府市長会",
    "2019年度",
    "平成28年4月",
    "明治1年4月",
    "9999年12月31日",
    "999年前の今日以降",
    "今日は何の日？",
    "まとめて",
    "一覧",
    "何回",
    "いつ",
    "summary ",
    "partner ",
    "today ",
    "chart ",
    "help",
    "<!channel>",
    "<@UBOT>",
    "<http://x|y>",
    "&amp;",
    "&",
    "*",
    "`",
    "\u2028",
    "\x85",
    "\ud800",
    "\x00",
    "\n",
    "　",
    "ｱｲｳ",
    "①",
    "令和",
    "年度",
    "から",
    "まで",
]
anything = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
mixed = st.lists(st.one_of(anything, st.sampled_from(PIECES)), max_size=12).map("".join)
long_ones = st.lists(st.sampled_from(PIECES), min_size=100, max_size=400).map("".join)
texts = mixed | long_ones
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _within_limits(answer: Answer, command: Command, today: date) -> None:
    assert answer.intent != "error", answer  # the apology means something raised inside
    to_text(answer)
    pages = max(1, len(answer.lines))
    for page in sorted({0, 1, pages // 10, pages // 10 + 1}):
        message = answer_message(answer, ref=paging.PageRef(command, page, today))
        assert problems(message) == [], (problems(message), command)


@FAST
@given(text=texts, today=days)
def test_ask_answers_anything_within_slacks_limits(engine: Engine, text: str, today: date) -> None:
    _within_limits(engine.ask(text, today=today), Command(ASK, clean(text)), today)


@FAST
@given(text=texts, today=days)
def test_summary_and_partner_answer_anything_within_slacks_limits(
    engine: Engine, text: str, today: date
) -> None:
    _within_limits(engine.summary(text, today=today), Command("summary", clean(text)), today)
    _within_limits(engine.partner(text, today=today), Command("partner", clean(text)), today)


@FAST
@given(text=texts, day=days)
def test_help_today_and_partners_answer_anything(engine: Engine, text: str, day: date) -> None:
    _within_limits(engine.help(unknown=text), Command("unknown", clean(text)), TODAY)
    _within_limits(engine.anniversaries(day), Command("today", day.isoformat()), TODAY)
    engine.understand(text, today=day)


@FAST
@given(text=texts, today=days)
def test_every_slash_command_text_is_answered_within_slacks_limits(
    engine: Engine, text: str, today: date
) -> None:
    command = parse(clean(text, bot_user_id="UBOT"))
    if command.kind == "chart":
        return  # a picture: tested in test_slack_app and test_charts
    _within_limits(answer_for(engine, command, today=today), command, today)


@FAST
@given(
    value=st.one_of(
        anything, texts, st.builds(lambda p: f'{{"k":"ask","a":"x","p":{p},"t":"2026-11-28"}}', st.integers())
    )
)
def test_a_button_value_is_read_or_refused_never_crashes(value: str) -> None:
    try:
        ref = paging.decode(value)
    except ValueError:
        return
    assert 0 <= ref.page <= paging.MAX_PAGE and len(paging.encode(ref)) <= 2000


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=texts)
def test_the_slack_handlers_answer_anything_once_within_limits(
    engine: Engine, fake: FakeSlack, text: str
) -> None:
    handlers = Handlers(engine=engine, clock=Clock(today=TODAY))
    client = WebClient(token="xoxb-test", base_url=fake.url)
    context = BoltContext({"bot_user_id": "UBOT"})
    channel = f"CPROP{len(fake.calls()):06d}"
    event = {"type": "app_mention", "user": "U1", "text": text, "ts": "1.000001", "channel": channel}
    handlers.mention({"event_id": f"Ev{channel}"}, event, client, context)
    posts = [c for c in fake.calls("chat.postMessage") if c.body.get("channel") == channel]
    uploads = [c for c in fake.calls("files.completeUploadExternal") if c.body.get("channel_id") == channel]
    assert len(posts) + len(uploads) == 1  # answered once: a message, or a chart with its table
    for post in posts:
        message = {"text": post.body["text"], "blocks": post.body.get("blocks") or []}
        assert problems(message) == [], problems(message)

    name = f"respond/{channel}"
    respond = Respond(response_url=fake.url + name)
    handlers.command({"text": text, "channel_id": channel}, respond, client, context)
    handlers.more(
        {
            "actions": [{"action_id": MORE_ACTION_ID, "value": text}],
            "channel": {"id": channel},
            "container": {"is_ephemeral": True},
            "response_url": fake.url + name,
        },
        respond,
        client,
    )
    for call in fake.calls(name):
        message = {"text": call.body.get("text"), "blocks": call.body.get("blocks") or []}
        assert problems(message) == [], problems(message)
