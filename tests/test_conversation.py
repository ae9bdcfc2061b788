"""Follow-ups through the real engine: what is carried over, what never is, and how it is shown."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from datetime import date

import pytest

from renkei_bot.answers.model import Answer
from renkei_bot.answers.render import to_text
from renkei_bot.engine import Engine
from renkei_bot.turn import Turn

TODAY = date(2026, 11, 28)


def dialogue(engine: Engine, questions: Sequence[str]) -> list[Answer]:
    turn: Turn | None = None
    answers = []
    for question in questions:
        exchange = engine.converse(question, today=TODAY, previous=turn)
        answers.append(exchange.answer)
        turn = exchange.turn
    return answers


# (earlier questions, follow-up, words in the answer, words not in it, what it starts with)
FOLLOW_UPS = [
    (["北海道町村会との協定はいつ？"], "構成自治体数は？", ["144"], [], "北海道町村会について："),
    (
        ["北海道町村会との協定はいつ？", "構成自治体数は？"],
        "じゃあ奈良県町村会は？",
        ["27"],
        ["144"],
        "（前の質問「構成自治体数は？」と同じく）",
    ),
    (["北海道町村会の構成自治体数は？"], "奈良県町村会は？", ["27"], ["144"], "（前の質問"),
    (
        ["令和元年度第1回全国連携講演会はいつ？"],
        "テーマは？",
        ["森林環境税から考える自治体間連携"],
        [],
        "2019年度（令和元年度）の第1回全国連携講演会について：",
    ),
    (["令和元年度第1回全国連携講演会はいつ？"], "そのときの会場は？", ["東京区政会館"], [], "2019年度"),
    (
        ["令和元年度第1回全国連携講演会のテーマは？"],
        "第2回は？",
        ["第2期まち・ひと・しごと創生総合戦略"],
        ["森林環境税"],
        "（前の質問",
    ),
    (
        ["北海道町村会との協定はいつ？"],
        "その年は？",
        ["2016年（平成28年）の記録は"],
        [],
        "2016年（平成28年）について：",
    ),
    (
        ["2018年度には何があった？"],
        "その前は？",
        ["2017年度（平成29年度）の記録は18件"],
        [],
        "2017年度（平成29年度）について：",
    ),
    (
        ["2018年度には何があった？"],
        "前年度は？",
        ["2017年度（平成29年度）の記録は18件"],
        ["2025年度"],
        "2017年度",
    ),
    (["2018年度には何があった？"], "翌年度は？", ["2019年度（令和元年度）の記録は"], [], "2019年度"),
    (["全国連携展示は何回開かれた？"], "2018年度は？", ["全国連携展示の記録は2回"], [], "（前の質問"),
    (
        ["全国連携展示は何回開かれた？", "2018年度は？"],
        "その後は？",
        ["2019年度（令和元年度）・全国連携展示の記録は2回"],
        [],
        "2019年度",
    ),
    (
        ["令和元年度第1回全国連携講演会はいつ？"],
        "もっと詳しく",
        ["テーマ", "会場"],
        [],
        "（前の質問「令和元年度第1回全国連携講演会はいつ？」をくわしく）",
    ),
]


@pytest.mark.parametrize(("earlier", "follow_up", "present", "absent", "prefix"), FOLLOW_UPS)
def test_a_follow_up_takes_what_it_lacks_and_says_so(
    engine: Engine, earlier: list[str], follow_up: str, present: list[str], absent: list[str], prefix: str
) -> None:
    *before, last = dialogue(engine, [*earlier, follow_up])
    assert all(a.found for a in before)
    text = to_text(last)
    assert last.found, text
    assert text.startswith(prefix), text
    for word in present:
        assert word in text, (word, text)
    for word in absent:
        assert word not in text, (word, text)


@pytest.mark.parametrize(
    ("earlier", "question"),
    [
        (["北海道町村会との協定はいつ？"], "奈良県町村会の構成自治体数は？"),  # its own subject and intent
        (["2018年度には何があった？"], "2016年には何があった？"),  # its own period
        (
            ["北海道町村会との協定はいつ？"],
            "ロゴマークが決まったのはいつ？",
        ),  # its own words name the subject
        (["北海道町村会との協定はいつ？"], "今日は何の日？"),
        (["北海道町村会との協定はいつ？"], "連携協定を結んだ団体の一覧は？"),
        (["全国連携展示は何回開かれた？"], "ヘルプ"),
        (["北海道町村会との協定はいつ？"], "最初の協定は？"),  # its own words: not 「最初の北海道町村会」
    ],
)
def test_a_question_that_stands_on_its_own_is_answered_as_if_asked_alone(
    engine: Engine, earlier: list[str], question: str
) -> None:
    *_, last = dialogue(engine, [*earlier, question])
    assert to_text(last) == to_text(engine.ask(question, today=TODAY))


def test_a_follow_up_without_anything_before_it_is_answered_alone(engine: Engine) -> None:
    (alone,) = dialogue(engine, ["構成自治体数は？"])
    assert not alone.found and "144" not in to_text(alone)


def test_an_answer_that_found_nothing_keeps_the_context_of_the_last_one_that_did(engine: Engine) -> None:
    answers = dialogue(
        engine,
        ["北海道町村会との協定はいつ？", "大阪府市長会との連携協定はいつ結ばれた？", "構成自治体数は？"],
    )
    assert not answers[1].found
    assert "144" in to_text(answers[2])


def test_a_turn_survives_json_and_bad_json_is_no_turn(engine: Engine) -> None:
    turn = engine.converse("令和元年度第1回全国連携講演会はいつ？", today=TODAY, previous=None).turn
    assert turn is not None and turn.ordinal == 1 and turn.subjects[0].id == "series-lecture"
    assert Turn.from_json(turn.to_json()) == turn
    for bad in (
        None,
        "",
        "{}",
        "[]",
        "not json",
        json.dumps({"v": 999}),
        turn.to_json().replace('"intent"', '"x"'),
    ):
        assert Turn.from_json(bad) is None


def _cli(*args: str, stdin: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "renkei_bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={"RENKEI_CACHE_DIR": "off", "PATH": ""},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_console_chat_carries_context_in_a_scripted_session() -> None:
    out = _cli(
        "chat",
        "--today",
        "2026-11-28",
        stdin="北海道町村会との協定はいつ？\n構成自治体数は？\nじゃあ奈良県町村会は？\nexit\n",
    )
    assert "北海道町村会について：北海道町村会の構成自治体数は144自治体です。" in out
    assert "奈良県町村会の構成自治体数は27自治体です。" in out


def test_ask_json_answers_are_the_same_with_and_without_earlier_lines() -> None:
    follow_ups = ["構成自治体数は？", "テーマは？", "その前は？", "もっと詳しく"]
    earlier = (
        "北海道町村会との協定はいつ？\n令和元年度第1回全国連携講演会はいつ？\n2018年度には何があった？\n"
    )
    together = _cli("ask", "--json", "--today", "2026-11-28", stdin=earlier + "\n".join(follow_ups) + "\n")
    lines = together.splitlines()[3:]
    for question, line in zip(follow_ups, lines, strict=True):
        alone = _cli("ask", "--json", "--today", "2026-11-28", stdin=question + "\n")
        assert line == alone.strip()
        assert json.loads(line)["question"] == question
