"""Words spelled out in hiragana or romaji are read as the records write them (nlu/spelled.py), through
the real engine: its vocabulary, its entity names and the records' own words."""

from __future__ import annotations

from datetime import date

import pytest

from renkei_bot.engine import Engine
from renkei_bot.normalize import normalize

TODAY = date(2026, 11, 28)

# (question, what the question must read as after respelling)
SPELLED = [
    ("ほっかいどうちょうそんかい は なんじちたい？", "何自治体"),
    (
        "ぜんこくれんけいホームページのかいいんとうろくじちたいすう、れいわ2ねんどはいくつ？",
        "会員登録自治体数",
    ),
    ("ぜんこくれんけいホームページのかいいんとうろくじちたいすう、れいわ2ねんどはいくつ？", "令和2年度"),
    ("konkatsuイベントってあったよね", "婚活イベント"),
    ("kyotofu shichoukai to no kyoutei wa itsu?", "協定はいつ"),
    ("kitte no miryoku hasshin event, nanko no jichitai ga sanka shita?", "魅力発信イベント"),
    ("ツイッターはいつから運用してる？", "Twitter"),  # katakana the records write in Latin letters
    # a word of the records written with a kanji that reads alike (an input-method slip)
    ("沼尾先生の講縁会", "講演会"),  # 講 + 縁 + 会 read as 講演会
    ("大井競馬場って何の会上だった", "会場"),
    ("京都府町村解の構成自治体", "京都府町村会"),
    ("千葉県との教定はいつ", "協定"),  # one kanji off, and the two read alike (きょう)
    ("推進報針が出たのは何年", "推進方針"),
]

# Questions that must read exactly as written: kana endings, okurigana, names partly in kana, English.
AS_WRITTEN = [
    "いま開催中の展示ありますか",
    "平成30年中に協定を結んだ相手を、企業も含めてすべて教えてください",
    "東北絆まつり2020山形は予定どおり開催されましたか",
    "ねぎサミットってどこでやったんだっけ",
    "Which partner association has the most members?",
    "おおすぎ さとる先生の所属は？",
    # words of the dictionary, numbers and counters are meant as written, though they read like a
    # word of the records (何階/何回, 機関/期間, 1日/①日)
    "東京区政会館の何階でしたか",
    "研究機関と連携したことはある？",
    "平成30年5月1日に何があった",
    "R1第1回の講演会",
]


@pytest.mark.parametrize(("question", "reads"), SPELLED)
def test_a_spelled_out_word_is_read_as_the_records_write_it(
    engine: Engine, question: str, reads: str
) -> None:
    assert reads in engine.understand(question, today=TODAY).text


@pytest.mark.parametrize("question", AS_WRITTEN)
def test_kana_endings_names_and_english_stay_as_written(engine: Engine, question: str) -> None:
    text = engine.understand(question, today=TODAY).text
    # the glossary may still turn an English word into the records' word (members → 構成自治体)
    assert text == engine.understander.glossary.apply(normalize(question)), text


def test_questions_in_kana_and_romaji_are_answered_from_the_records(engine: Engine) -> None:
    answer = engine.ask("ほっかいどうちょうそんかい は なんじちたい？", today=TODAY)
    assert answer.found and "144自治体" in answer.summary
    answer = engine.ask(
        "ぜんこくれんけいホームページのかいいんとうろくじちたいすう、れいわ2ねんどはいくつ？", today=TODAY
    )
    assert answer.found and "269" in answer.summary.split("\n")[0]
    answer = engine.ask("kyotofu shichoukai to no kyoutei wa itsu?", today=TODAY)
    assert answer.found and "2016年（平成28年）4月26日" in answer.summary
