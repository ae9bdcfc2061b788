"""Capabilities of issue 10 through the real engine: each answer's FIRST line holds the asked fact.

The questions here are written for these tests (not taken from any question set); each capability has
a case that must hold and a counter-case that must not.
"""

from __future__ import annotations

from datetime import date

import pytest

from renkei_bot.answers.render import to_text
from renkei_bot.engine import Engine

TODAY = date(2026, 11, 28)


def first_line(engine: Engine, question: str, today: date = TODAY) -> str:
    return to_text(engine.ask(question, today=today)).split("\n", 1)[0]


@pytest.mark.parametrize(
    ("question", "today", "expected"),
    [
        # yes/no leads with はい/いいえ and the recorded fact
        ("ロゴマークが決まったのは2015年でしたっけ？", TODAY, "はい"),
        ("ホームページの運用開始は2017年でしたよね？", TODAY, "いいえ"),
        ("第2回全国連携シンポジウムの基調講演って大杉覚さんでしたっけ？", TODAY, "いいえ"),
        ("東北六魂祭の開祭式には大田区長も登壇したんですよね？", TODAY, "はい"),
        # who / which line: the person in the first line, not the theme that qualifies the lecture
        ("文化芸術がテーマの講演会で漱石山房記念館の事例を報告したのは誰？", TODAY, "北見"),
        # same day as a named record
        ("京都府市長会と協定を結んだ日にほかにあったことは？", TODAY, "シンポジウム"),
        # now and next relative to today
        ("いま開催中の全国連携展示のテーマは？", date(2018, 9, 1), "十勝"),
        ("次の全国連携講演会はいつ？", date(2019, 8, 1), "2020年（令和2年）1月14日"),
        # an address the rows give
        ("まるごとにっぽんの所在地を知りたい", TODAY, "浅草2-6-7"),
        # a person's post
        ("神野先生はどこの会長？", TODAY, "地方財政審議会"),
    ],
)
def test_the_first_line_holds_the_asked_fact(
    engine: Engine, question: str, today: date, expected: str
) -> None:
    assert expected in first_line(engine, question, today)


@pytest.mark.parametrize(
    "question",
    [
        "東京区政会館の所在地を教えて",  # the rows never give its address
        "ロゴマークを描いたデザイナーは誰？",  # nobody is named for it
        "ねぎサミットの来場者は何人？",  # no such figure in the records
        "協定先の中でいちばんおすすめの団体は？",  # an opinion
        "次の全国連携展示はいつ？",  # after the records end (today 2026): say where they end, decline
        "佐藤花子さんが講演したのはいつ？",  # a person the records lack, however many lectures match
    ],
)
def test_what_the_records_lack_is_declined(engine: Engine, question: str) -> None:
    assert not engine.ask(question, today=TODAY).found


def test_next_after_the_records_end_says_where_they_end(engine: Engine) -> None:
    text = to_text(engine.ask("次の全国連携講演会はいつ？", today=TODAY))
    assert "記録は2021年" in text and "最後は" in text


def test_an_unknown_place_does_not_decline_a_question_that_otherwise_matches(engine: Engine) -> None:
    # 「日暮里」 is not in the records (they write にっぽり); the rest of the question is
    answer = engine.ask("日暮里でやった釧路の秋の味覚市はいつ？", today=TODAY)
    assert answer.found and "2015年" in to_text(answer).split("\n", 1)[0]


def test_evidence_answers_and_says_which_words_were_not_used(engine: Engine) -> None:
    answer = engine.ask("新型コロナで規模を縮めたまつりは？", today=TODAY)
    assert answer.found and "絆まつり2021" in to_text(answer).split("\n", 1)[0]
    assert not engine.ask("おでんの美味しいレシピの作り方", today=TODAY).found


def test_ask_answers_do_not_depend_on_earlier_questions(engine: Engine) -> None:
    alone = to_text(engine.ask("テーマは？", today=TODAY))
    engine.ask("第1回全国連携シンポジウムはいつ？", today=TODAY)
    assert to_text(engine.ask("テーマは？", today=TODAY)) == alone
