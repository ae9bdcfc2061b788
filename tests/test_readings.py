"""People and places by reading: generated readings, hand overrides, surnames with honorifics, romaji."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from renkei_bot.engine import Engine
from renkei_bot.errors import DataError
from renkei_bot.nlu.entities import EntityIndex, Resolution
from renkei_bot.nlu.entity_keys import build_tables
from renkei_bot.nlu.readings import Honorifics, full_reading, load_honorifics, surname
from renkei_bot.nlu.romaji import fold_romaji, romaji_key
from renkei_bot.normalize import normalize
from renkei_bot.paths import INTENTS_DIR
from renkei_bot.records import Entity

TODAY = date(2026, 11, 28)
HONORIFICS = load_honorifics(INTENTS_DIR)

ENTITIES = (
    Entity("numao", "沼尾波子", "person", aliases=("沼尾 波子",), reading="ぬまおなみこ"),
    Entity("numata", "沼田花子", "person"),  # no reading: Sudachi's ぬまたはなこ
    Entity(
        "jinno", "神野直彦", "person", aliases=("神野 直彦",), reading="じんのなおひこ"
    ),  # Sudachi: かみの
    Entity("kanno", "菅野花子", "person", aliases=("菅野 花子",)),  # Sudachi: かんのはなこ
    Entity("takahashi-h", "高橋はるみ", "person", aliases=("高橋 はるみ",), reading="たかはしはるみ"),
    Entity("takahashi-k", "高橋一夫", "person", aliases=("高橋 一夫",), reading="たかはしかずお"),
    Entity("osugi", "大杉覚", "person", aliases=("大杉 覚",), reading="おおすぎさとる"),
    Entity("meguro-p", "目黒義和", "person", aliases=("目黒 義和",), reading="めぐろよしかず"),
    Entity("meguro", "目黒区", "ward", aliases=("目黒",), reading="めぐろく"),
    Entity("nara", "奈良県", "prefecture", aliases=("奈良",), reading="ならけん"),
    Entity("tokyo", "東京都", "prefecture", reading="とうきょうと"),
    Entity("kusei-kaikan", "東京区政会館", "venue", reading="とうきょうくせいかいかん"),
    Entity("tokyo-23-ku", "東京23区", "organization"),
    Entity("todai", "東京大学", "organization"),
    Entity("chuo", "中央区", "ward", reading="ちゅうおうく"),  # no alias: 中央 is an everyday word
    Entity("tsumagoi", "嬬恋村", "municipality", reading="つまごいむら"),
    Entity("kushiro", "釧路", "region", reading="くしろ"),
    Entity("kushiro-shi", "釧路市", "municipality", reading="くしろし"),
    Entity("kikonai", "木古内町", "municipality", reading="きこないちょう"),
    Entity("shinagawa", "品川区", "ward", aliases=("品川",), reading="しながわく"),
    Entity("kitte", "KITTE", "venue", reading="きって"),
    Entity("keiba", "大井競馬場", "venue"),  # no reading: Sudachi's おおいけいばじょう
    Entity(
        "rokkon", "東北六魂祭", "series", aliases=("六魂祭",), reading="とうほくろっこんさい"
    ),  # Sudachi: ろくたままつり
)


@pytest.fixture(scope="module")
def index() -> EntityIndex:
    return EntityIndex(ENTITIES, honorifics=HONORIFICS)


def find(index: EntityIndex, question: str) -> Resolution:
    text = normalize(question)
    result = index.find(text)
    for item in (*result.matches, *result.ties, *result.near_misses):
        assert text[item.begin : item.end] == item.surface
    return result


def ids(result: Resolution) -> list[str]:
    return [m.entity_id for m in result.matches]


def test_readings_are_generated_where_none_is_written_and_the_written_one_wins() -> None:
    by_id = {e.id: e for e in ENTITIES}
    assert full_reading(by_id["numata"]) == "ぬまたはなこ"
    assert full_reading(by_id["keiba"]) == "おおいけいばじょう"
    assert full_reading(by_id["jinno"]) == "じんのなおひこ"  # the hand-written override
    assert full_reading(by_id["rokkon"]) == "とうほくろっこんさい"
    assert (
        full_reading(Entity("doc", "特別区全国連携プロジェクト推進方針", "document")) is None
    )  # not a kind asked by name


def test_surname_reading_is_cut_where_the_written_reading_agrees() -> None:
    by_id = {e.id: e for e in ENTITIES}
    jinno = surname(by_id["jinno"], full_reading(by_id["jinno"]))
    assert jinno is not None and (jinno.spelling, jinno.reading, jinno.given_reading) == (
        "神野",
        "じんの",
        "なおひこ",
    )
    kanno = surname(by_id["kanno"], full_reading(by_id["kanno"]))
    assert kanno is not None and (kanno.spelling, kanno.reading) == ("菅野", "かんの")
    assert surname(by_id["nara"], "ならけん") is None


@pytest.mark.parametrize(
    ("question", "entity_id"),
    [
        ("おおいけいばじょうで何があった", "keiba"),  # a generated reading, in hiragana
        ("オオイケイバジョウのイベント", "keiba"),  # in katakana
        ("ぬまたはなこさんの講演", "numata"),
        ("きこないちょうとの交流", "kikonai"),
        ("Kikonai cho との交流", "kikonai"),  # romaji, two words
        ("KIKONAICHOU", "kikonai"),
        ("Oi keibajo の event", "keiba"),
        ("Numao Namiko の講演", "numao"),
        ("Namiko Numao の講演", "numao"),  # given name first
        ("Nara の町村会", "nara"),  # a stem whose spelling (奈良) is a key
        ("Kushiro の味覚市", "kushiro"),  # 釧路市's stem reads as 釧路, the region
        ("くしろの味覚市", "kushiro"),
        ("Tsumagoi の件", "tsumagoi"),  # a stem: 嬬恋 is a proper name Sudachi knows
        ("つまごいの件", "tsumagoi"),
        ("Chuo-ku の件", "chuo"),  # the full reading
    ],
)
def test_names_by_reading_and_romaji(index: EntityIndex, question: str, entity_id: str) -> None:
    result = find(index, question)
    assert ids(result) == [entity_id], result
    assert result.matches[0].method == "reading"


@pytest.mark.parametrize(
    ("question", "entity_id", "surface"),
    [
        ("ぬまおさんが講演したのは", "numao", "ぬまおさん"),
        ("ヌマオ先生の肩書", "numao", "ヌマオ先生"),
        ("沼尾先生の肩書", "numao", "沼尾先生"),
        ("ぬまお せんせい の肩書", "numao", "ぬまお せんせい"),
        ("Numao sensei の肩書", "numao", "Numao sensei"),
        ("numao-san の肩書", "numao", "numao-san"),
        ("Ōsugi kyōju の講演", "osugi", "Ōsugi kyōju"),  # Hepburn with macrons
        ("NUMAO先生の肩書", "numao", "NUMAO先生"),
        ("じんの先生の講演", "jinno", "じんの先生"),  # the override, not Sudachi's かみの
        ("かんの座長の講演", "kanno", "かんの座長"),  # Sudachi's reading
        ("Kanno-san の講演", "kanno", "Kanno-san"),
        ("オオスギ教授の講演", "osugi", "オオスギ教授"),
        ("目黒先生は誰", "meguro-p", "目黒先生"),
    ],
)
def test_surname_with_an_honorific_names_the_person(
    index: EntityIndex, question: str, entity_id: str, surface: str
) -> None:
    result = find(index, question)
    assert [(m.entity_id, m.surface) for m in result.matches] == [(entity_id, surface)]


@pytest.mark.parametrize(
    "question",
    [
        "ぬまおの講演",  # a surname alone, without an honorific
        "会場が遠すぎる",  # おおすぎ (大杉) inside an everyday word
        "大杉の木",
        "かみの先生の講演",  # Sudachi's misreading of 神野, overridden by じんの
        "ぬまのさんの講演",  # a surname one kana away from two people's
        "Tokyo で何があった",  # 東京 begins three other names (東京区政会館, 東京23区, 東京大学)
        "Chuo で何があった",  # Sudachi reads 中央 as an ordinary noun
        "the event was online",  # English stays English
        "nagara の件",  # romaji of no name
    ],
)
def test_counter_examples_find_nobody(index: EntityIndex, question: str) -> None:
    result = find(index, question)
    assert result.matches == () and result.ties == (), result


def test_different_person_with_a_similar_reading_is_not_a_match(index: EntityIndex) -> None:
    assert ids(find(index, "Numata sensei")) == ["numata"]  # 沼田, not 沼尾
    assert ids(find(index, "ぬまたさん")) == ["numata"]
    assert ids(find(index, "Numato sensei")) == []  # a surname is matched exactly, never fuzzily


def test_a_shared_surname_is_a_tie_never_a_guess(index: EntityIndex) -> None:
    result = find(index, "たかはし先生の講演")
    assert result.matches == ()
    (tie,) = result.ties
    assert set(tie.candidates) == {"takahashi-h", "takahashi-k"}
    (tie,) = find(index, "Takahashi-san の講演").ties
    assert set(tie.candidates) == {"takahashi-h", "takahashi-k"}


def test_a_ward_office_title_is_not_a_persons_honorific(index: EntityIndex) -> None:
    assert ids(find(index, "目黒区長が出席")) == ["meguro"]


@pytest.mark.parametrize(
    ("question", "entity_id"),
    [
        ("Kikonaicho", "kikonai"),  # long vowel dropped
        ("Kikonaityo", "kikonai"),  # Kunrei
        ("Kikonnaichou", "kikonai"),  # one letter too many
        ("Oikeibajoo", "keiba"),
        ("Oikeibazyo", "keiba"),
        ("Oikeivajo", "keiba"),  # a typo
    ],
)
def test_romaji_fuzzy(index: EntityIndex, question: str, entity_id: str) -> None:
    assert ids(find(index, question)) == [entity_id]


def test_romaji_fuzzy_needs_six_letters_and_leaves_particles_out(index: EntityIndex) -> None:
    assert ids(find(index, "Nura の件")) == []  # nara one letter off, but four letters are too few
    result = find(index, "Kikonaicho no event")
    assert [(m.entity_id, m.surface) for m in result.matches] == [("kikonai", "Kikonaicho")]


def test_exact_latin_keys_still_win(index: EntityIndex) -> None:
    result = find(index, "KITTE でやった event")
    assert [(m.entity_id, m.method) for m in result.matches] == [("kitte", "exact")]


def test_romaji_are_built_on_the_first_latin_word() -> None:
    index = EntityIndex(ENTITIES, honorifics=HONORIFICS)
    index.find("奈良県町村会との協定 2016年")
    assert not index.romaji.loaded
    assert ids(find(index, "Nara no ken")) == ["nara"]
    assert index.romaji.loaded and index.romaji.names["nara"] == ("nara",)


def test_tables_without_honorifics_have_no_surname_keys() -> None:
    tables = build_tables(ENTITIES)
    assert tables.surnames == {}
    assert tables.romaji_surnames["numao"] == ("numao",)


def test_honorifics_file_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "_honorifics.yaml").write_text("honorifics: [先生, さん]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"_honorifics.yaml.*先生: せんせい"):
        load_honorifics(tmp_path)
    assert load_honorifics(tmp_path / "absent") == Honorifics()


# --- intents/_honorifics.yaml: its examples and counter-examples through the real engine ---------------
def _vocabulary() -> Mapping[str, Any]:
    raw = yaml.safe_load((INTENTS_DIR / "_honorifics.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, Mapping)
    return raw


@pytest.mark.parametrize("example", _vocabulary()["examples"], ids=lambda e: e["question"])
def test_honorific_examples_find_the_person(engine: Engine, example: Mapping[str, str]) -> None:
    query = engine.understand(example["question"], today=TODAY)
    assert [m.entity_id for m in query.entities if m.type == "person"] == [example["person"]]


@pytest.mark.parametrize("question", _vocabulary()["counter_examples"])
def test_honorific_counter_examples_find_no_person(engine: Engine, question: str) -> None:
    query = engine.understand(question, today=TODAY)
    assert [m.entity_id for m in query.entities if m.type == "person"] == []
    assert not any("person" in t.types for t in query.ties)


def test_every_persons_surname_reading_agrees_with_its_id(engine: Engine) -> None:
    """Person ids are written person-<surname>-<given> in Hepburn: a generated surname reading that
    disagrees is a Sudachi misreading, to be overridden with `reading:` in data/entities.yaml."""
    wrong = []
    for entity in engine.store.entities:
        if entity.type != "person":
            continue
        name = surname(entity, full_reading(entity))
        expected = fold_romaji(entity.id.split("-")[1])
        got = romaji_key(name.reading) if name and name.reading else None
        if got != expected:
            wrong.append((entity.id, name.reading if name else None))
    assert wrong == []


def test_latin_spellings_reach_what_the_kana_reach(engine: Engine) -> None:
    def found(question: str) -> tuple[set[str], set[str]]:
        result = engine.index.find(normalize(question))
        return {m.entity_id for m in result.matches}, {c for t in result.ties for c in t.candidates}

    assert found("しながわの件") == found("Shinagawa の件") == (set(), {"shinagawa", "shinagawa-aquarium"})
    assert found("くしろの件") == found("Kushiro の件") == ({"kushiro"}, set())
    assert found("Minato-ku の件") == ({"minato"}, set())
    assert found("Minato の件") == (set(), set())  # 港 is no alias: an everyday word


@pytest.mark.parametrize(
    ("question", "entity_id"),
    [
        ("おおいけいばじょで何があった", "keiba"),  # a generated reading, one kana short
        ("オオイケーバジョウのイベント", "keiba"),  # katakana, one kana off
        ("ぬまおなみごさん", "numao"),
        ("とうほくろっこんさいはいつ", "rokkon"),  # the hand-written reading
        ("ろっこんさいはいつ", "rokkon"),  # an alias that ends the name keeps the written reading
        ("Rokkonsai wa itsu", "rokkon"),
    ],
)
def test_kana_fuzzy_and_overrides(index: EntityIndex, question: str, entity_id: str) -> None:
    assert ids(find(index, question)) == [entity_id]


def test_a_reading_sudachi_got_wrong_is_not_a_key(index: EntityIndex) -> None:
    assert ids(find(index, "とうほくろくたままつりはいつ")) == []  # Sudachi's reading, overridden
    assert ids(find(index, "ろくたままつりはいつ")) == []


COMMON_ENGLISH = (  # noqa: SIM905 (a list of words reads best as words)
    "schedule location address manager contact project partner meeting summary history number japan "
    "campaign tourism city town village ward mayor office president professor university report result "
    "national regional promotion local government session speech guest panel question answer annual "
    "monthly daily second third previous upcoming offline hybrid stream broadcast detail date time "
    "average change growth food forum seminar award prize contest photo picture press release magazine "
    "paper article interview area region station park square plaza hall center centre tower museum"
).split()


@pytest.mark.parametrize("word", COMMON_ENGLISH)
def test_common_english_words_name_nothing(engine: Engine, word: str) -> None:
    for written in (word, word.capitalize(), word.upper()):
        result = engine.index.find(normalize(f"{written} の件"))
        assert result.matches == () and result.ties == (), (written, result)
