"""intents/_glossary.yaml: English and loanwords → the records' Japanese, applied before tokenising."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from renkei_bot.engine import Engine
from renkei_bot.errors import DataError
from renkei_bot.nlu.entity_keys import build_tables, fold
from renkei_bot.nlu.glossary import Entry, Glossary, KanaCounter, load_glossary
from renkei_bot.nlu.romaji import fold_romaji
from renkei_bot.normalize import normalize
from renkei_bot.paths import INTENTS_DIR

TODAY = date(2026, 11, 28)
GLOSSARY = load_glossary(INTENTS_DIR)
EXAMPLES = [(e, x) for e in GLOSSARY.entries for x in e.examples]
COUNTER = [(e, x) for e in GLOSSARY.entries for x in e.counter_examples]


def _latin_words(entry: Entry) -> re.Pattern[str]:
    words = "|".join(r"[\s\-]*".join(map(re.escape, w.split())) for w in entry.words)
    return re.compile(rf"(?<![A-Za-z])(?:{words})(?![A-Za-z])", re.IGNORECASE)


@pytest.mark.parametrize(("entry", "example"), EXAMPLES, ids=[x for _, x in EXAMPLES])
def test_every_example_is_rewritten_to_the_records_word(entry: Entry, example: str) -> None:
    rewritten = GLOSSARY.apply(normalize(example))
    assert entry.japanese in rewritten
    if not _latin_words(entry).fullmatch(entry.japanese):  # twitter → Twitter is the word itself
        assert not _latin_words(entry).search(rewritten), rewritten


@pytest.mark.parametrize(("entry", "example"), COUNTER, ids=[x for _, x in COUNTER])
def test_every_counter_example_is_left_alone(entry: Entry, example: str) -> None:
    assert GLOSSARY.apply(normalize(example)) == normalize(example)


KANA = [(c, x) for c in GLOSSARY.counters for x in c.examples]
KANA_LEFT = [x for c in GLOSSARY.counters for x in c.counter_examples]


@pytest.mark.parametrize(("counter", "example"), KANA, ids=[x for _, x in KANA])
def test_every_kana_counter_example_is_read_as_the_counter(counter: KanaCounter, example: str) -> None:
    rewritten = GLOSSARY.apply(normalize(example))
    assert re.search(rf"[0-9]{re.escape(counter.japanese)}", rewritten), rewritten


@pytest.mark.parametrize("example", KANA_LEFT)
def test_every_kana_counter_counter_example_is_left_alone(example: str) -> None:
    assert GLOSSARY.apply(normalize(example)) == normalize(example)


def test_a_date_typed_in_kana_is_read_as_a_date(engine: Engine) -> None:
    query = engine.understand("へいせい26ねん9がつ10かに なにがあった？", today=TODAY)
    assert [(p.start, p.end) for p in query.when.spans] == [(date(2014, 9, 10), date(2014, 9, 10))]


def test_every_entry_has_an_example() -> None:
    assert GLOSSARY.entries
    assert all(e.examples for e in GLOSSARY.entries)


@pytest.mark.parametrize(
    ("question", "rewritten"),
    [
        ("KITTE でやった Event", "KITTE でやったイベント"),  # case-insensitive; the spaces go with the word
        ("第1回の keynote は誰", "第1回の基調講演は誰"),
        ("PR booth の数", "PR ブースの数"),  # a space beside a Latin word stays
        ("構成自治体数の top3", "構成自治体数の上位3"),
        ("Key-Note", "基調講演"),
        ("eventually", "eventually"),  # whole words only
        ("Nara の町村会", "Nara の町村会"),  # a place's romaji is not a glossary word
        ("Kushiro と KITTE と L-WING", "Kushiro と KITTE と L-WING"),
        ("", ""),
    ],
)
def test_apply(question: str, rewritten: str) -> None:
    assert GLOSSARY.apply(question) == rewritten


def test_no_glossary_word_spells_an_entity(engine: Engine) -> None:
    """Names reach the entities by their readings; the glossary must never rewrite one."""
    tables = build_tables(engine.store.entities)
    romaji = engine.index.romaji.names
    for entry in GLOSSARY.entries:
        for word in entry.words:
            assert fold_romaji(word) not in romaji, (word, romaji.get(fold_romaji(word)))
            assert fold(word) not in tables.keys, word
            pattern = _latin_words(Entry((word,), entry.japanese))
            for entity in engine.store.entities:
                spellings = {entity.name, *entity.aliases}
                for name in spellings:
                    # a rewrite may only turn one spelling of a name into another of the same name
                    # (全国連携HP → 全国連携ホームページ, both aliases of the homepage)
                    rewritten = pattern.sub(entry.japanese, name).replace(" ", "")
                    assert not pattern.search(name) or rewritten in {s.replace(" ", "") for s in spellings}, (
                        word,
                        name,
                    )
        assert fold(entry.japanese) not in tables.keys, entry.japanese


@pytest.mark.parametrize(
    ("question", "word", "entity"),
    [
        ("大井競馬場でやった events を全部", "イベント", "大井競馬場"),
        ("Gunma の exhibition はいつ", "展示", "群馬県"),
        ("Nara の町村会の members は？", "構成自治体", "奈良県町村会"),
        ("第2回の全国連携シンポジウムの Keynote", "基調講演", "全国連携シンポジウム"),
    ],
)
def test_the_understander_reads_the_rewritten_question(
    engine: Engine, question: str, word: str, entity: str
) -> None:
    query = engine.understand(question, today=TODAY)
    assert word in query.text and query.raw == question
    assert entity in [m.name for m in query.entities]


def test_load_errors_name_the_file_and_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "_glossary.yaml"
    path.write_text(
        "glossary:\n- {words: [event], japanese: イベント, examples: [a event]}\n"
        "- {words: [Event], japanese: 催し, examples: [b event]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"_glossary.yaml: entry 2: 'event' is already entry 1"):
        load_glossary(tmp_path)
    path.write_text("glossary:\n- {words: [イベント], japanese: イベント, examples: [x]}\n", encoding="utf-8")
    with pytest.raises(DataError, match="entry 1: words must be Latin"):
        load_glossary(tmp_path)
    path.write_text("glossary:\n- {words: [event], japanese: イベント}\n", encoding="utf-8")
    with pytest.raises(DataError, match="'examples' needs at least one"):
        load_glossary(tmp_path)
    assert load_glossary(tmp_path / "absent").apply("event") == "event"


def test_an_empty_glossary_changes_nothing() -> None:
    assert Glossary().apply("KITTE の event") == "KITTE の event"
