"""The Slack adapter's pure parts: text cleaning, /renkei parsing, the button value, dedupe, messages."""

from __future__ import annotations

import json
import threading
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renkei_bot import wording
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.render import MORE_ACTION_ID
from renkei_bot.slack.commands import ASK, UNKNOWN, Command, did_you_mean, parse, parse_day
from renkei_bot.slack.dedupe import Dedupe
from renkei_bot.slack.messages import answer_message, apology_message
from renkei_bot.slack.paging import VALUE_MAX, PageRef, decode, encode
from renkei_bot.slack.text import clean

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<@UBOT> 北海道町村会との協定はいつ？", "北海道町村会との協定はいつ？"),
        ("<@UBOT|renkei> いつ？", "いつ？"),
        ("<@U999|tanaka> さんが聞いた <@UBOT>", "tanaka さんが聞いた"),
        ("<@U999> 協定", "協定"),
        ("<https://example.jp/a?b=1&amp;c=2|資料> の件", "資料 の件"),
        ("<https://example.jp/>", "https://example.jp/"),
        ("<mailto:a@example.jp|a@example.jp>", "a@example.jp"),
        ("<#C0123|renkei-pj> の話", "renkei-pj の話"),
        ("<#C0123> の話", "の話"),
        ("<!channel> <!here> <!everyone> 協定", "協定"),
        ("<!here|here> <!channel|@channel> 協定", "協定"),
        ("<!subteam^S0123|@team> 協定", "協定"),
        ("<!date^1392734382^{date_short}|Feb 18, 2014> の出来事", "Feb 18, 2014 の出来事"),
        ("A &amp; B &lt;tag&gt;", "A & B <tag>"),
        ("&lt;!channel&gt;", "<!channel>"),  # typed text, not a ping: kept, and escaped on the way out
        ("  一行目\n\n　二行目  ", "一行目 二行目"),
        ("<@UBOT>", ""),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw, bot_user_id="UBOT") == expected


def test_clean_caps_the_length() -> None:
    assert clean("あ" * 5000, limit=100) == "あ" * 100


_plain = st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=20)
_token = st.sampled_from(
    [
        "<!channel>",
        "<!here>",
        "<!everyone>",
        "<!subteam^S1|@t>",
        "<@UBOT>",
        "<@U1|a>",
        "<#C1|c>",
        "<http://x|y>",
    ]
)


@given(st.lists(st.one_of(_plain, _token), max_size=12))
def test_clean_leaves_no_slack_token_in_slack_shaped_text(parts: list[str]) -> None:
    # Slack escapes & < > that users type, so a delivered text is plain text plus <…> tokens.
    out = clean(" ".join(parts), bot_user_id="UBOT")
    assert "<" not in out and ">" not in out
    assert len(out) <= 1000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("help", Command("help", "")),
        ("HELP", Command("help", "")),
        ("summary 2019年度", Command("summary", "2019年度")),
        ("summary  平成28年", Command("summary", "平成28年")),
        ("partner 北海道町村会", Command("partner", "北海道町村会")),
        ("partners", Command("partners", "")),
        ("today", Command("today", "")),
        ("today 04-26", Command("today", "04-26")),
        ("chart events", Command("chart", "events")),
        ("sumary 2019", Command(UNKNOWN, "sumary")),
        ("北海道町村会との協定はいつ？", Command(ASK, "北海道町村会との協定はいつ？")),
        ("NHK の取材はいつ？", Command(ASK, "NHK の取材はいつ？")),
        ("", Command(ASK, "")),
    ],
)
def test_parse(text: str, expected: Command) -> None:
    assert parse(text) == expected


def test_did_you_mean_finds_the_closest_subcommands() -> None:
    assert did_you_mean("sumary")[0] == "summary"
    assert "partner" in did_you_mean("partnr")
    assert did_you_mean("zzzzzz") == ()


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("", TODAY),
        ("04-26", date(2026, 4, 26)),
        ("4/26", date(2026, 4, 26)),
        ("2016-04-26", date(2016, 4, 26)),
        ("13-45", None),
        ("02-30", None),
        ("あした", None),
    ],
)
def test_parse_day(arg: str, expected: date | None) -> None:
    assert parse_day(arg, today=TODAY) == expected


@given(
    kind=st.sampled_from(["ask", "summary", "partner"]), arg=st.text(max_size=3000), page=st.integers(0, 99)
)
def test_button_value_round_trips_and_fits(kind: str, arg: str, page: int) -> None:
    value = encode(PageRef(Command(kind, arg), page, TODAY))
    assert len(value) <= VALUE_MAX
    back = decode(value)
    assert (back.command.kind, back.page, back.today) == (kind, page, TODAY)
    assert arg.startswith(back.command.arg)
    if len(arg) < 1500 and '"' not in arg and "\\" not in arg:
        assert back.command.arg == arg


@pytest.mark.parametrize("value", ["", "not json", "[]", '{"k": "ask"}', '{"k":"ask","a":"","p":0,"t":"x"}'])
def test_decode_rejects_foreign_values(value: str) -> None:
    with pytest.raises(ValueError, match="もっと見る"):
        decode(value)


def test_dedupe_blocks_any_key_seen_and_forgets_after_ttl() -> None:
    now = [0.0]
    seen = Dedupe(ttl=10, monotonic=lambda: now[0])
    assert seen.first(("event", "Ev1"), ("message", "C1", "1.1"))
    assert not seen.first(("event", "Ev1"), None)  # a retry
    assert not seen.first(("event", "Ev2"), ("message", "C1", "1.1"))  # the same message, another event
    assert seen.first(("event", "Ev3"), ("message", "C1", "1.2"))
    now[0] = 11.0
    assert seen.first(("event", "Ev1"))
    assert len(seen) == 1


def test_dedupe_is_bounded() -> None:
    seen = Dedupe(max_keys=3)
    for i in range(10):
        assert seen.first(i)
    assert len(seen) == 3


def test_dedupe_lets_exactly_one_thread_through() -> None:
    seen = Dedupe()
    passed: list[int] = []
    barrier = threading.Barrier(32)

    def race(i: int) -> None:
        barrier.wait()
        if seen.first(("event", "same")):
            passed.append(i)

    threads = [threading.Thread(target=race, args=(i,)) for i in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(passed) == 1


def _answer(lines: int, *, text: str = "<!channel> & <b>") -> Answer:
    return Answer(
        question=text,
        intent="partners",
        found=True,
        summary=f"「{text}」の答え",
        title="連携先",
        lines=tuple(Line(f"{text} {i}", f"L{i}") for i in range(lines)),
        sources=(f"{text}（L1）",),
    )


def test_message_escapes_the_text_fallback_and_the_blocks() -> None:
    message = answer_message(_answer(3), ref=PageRef(Command(ASK, "q"), 0, TODAY))
    wire = json.dumps(message, ensure_ascii=False)
    assert "<!channel>" not in wire and "<b>" not in wire
    assert "&lt;!channel&gt; &amp; &lt;b&gt;" in message["text"]
    assert message["blocks"][0]["type"] == "header"
    assert message["blocks"][-2]["type"] == "context"  # the sources, then the 👍/👎 buttons
    assert message["blocks"][-1]["type"] == "context_actions"
    assert not [b for b in message["blocks"] if b["type"] == "actions"]


def test_a_long_answer_pages_with_a_button_until_the_last_page() -> None:
    answer = _answer(25)
    ref = PageRef(Command("partners", ""), 0, TODAY)
    pages = []
    for page in range(3):
        message = answer_message(answer, ref=PageRef(ref.command, page, TODAY))
        buttons = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
        pages.append(buttons)
        assert message["text"]
    assert [decode(b[0]["value"]).page for b in pages[:2]] == [1, 2]
    assert all(b[0]["action_id"] == MORE_ACTION_ID for b in pages[:2])
    assert pages[2] == []
    assert (
        answer_message(answer, ref=ref, button=False)["blocks"] == answer_message(answer, ref=None)["blocks"]
    )


def test_apology_is_plain_text() -> None:
    assert apology_message() == {"text": wording.APOLOGY}
