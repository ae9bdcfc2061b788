"""The prepared-index cache: a hit gives the same store and entity dictionary, a change is a miss."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from datafixture import EVENTS, write_dataset
from renkei_bot.answers.render import to_text
from renkei_bot.engine import Engine
from renkei_bot.paths import INTENTS_DIR
from renkei_bot.prepared import load_language, load_prepared

TODAY = date(2026, 11, 28)
QUESTIONS = ("北海道町村会との協定はいつ？", "2016年には何があった？", "ねぎサミットの会場は？")


def _answers(data: Path, env: dict[str, str]) -> list[str]:
    engine = Engine.load(data, INTENTS_DIR, env=env)
    return [to_text(engine.ask(q, today=TODAY)) for q in QUESTIONS]


def test_a_hit_answers_as_a_fresh_build(tmp_path: Path) -> None:
    data, cache = write_dataset(tmp_path), tmp_path / "cache"
    env = {"RENKEI_CACHE_DIR": str(cache)}
    first = load_prepared(data, env=env)
    second = load_prepared(data, env=env)
    assert not first.cache_hit and second.cache_hit
    assert second.store.events == first.store.events
    assert second.index.entities == first.index.entities
    assert second.store.search("北海道") == first.store.search("北海道")
    assert _answers(data, env) == _answers(data, {"RENKEI_CACHE_DIR": "off"})


def test_a_changed_record_is_a_miss(tmp_path: Path) -> None:
    data, cache = write_dataset(tmp_path), tmp_path / "cache"
    env = {"RENKEI_CACHE_DIR": str(cache)}
    load_prepared(data, env=env)
    events = copy.deepcopy(EVENTS)
    events[0]["title"] = "改題"
    write_dataset(tmp_path, events=events)
    again = load_prepared(data, env=env)
    assert not again.cache_hit
    assert "改題" in [e.title for e in again.store.events]


def test_a_corrupt_file_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    data, cache = write_dataset(tmp_path), tmp_path / "cache"
    env = {"RENKEI_CACHE_DIR": str(cache)}
    load_prepared(data, env=env)
    (written,) = cache.glob("prepared-*.pickle")
    written.write_bytes(b"\x80\x05 not a pickle")
    assert not load_prepared(data, env=env).cache_hit
    assert load_prepared(data, env=env).cache_hit


def test_the_cache_off_builds_every_time(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    assert not load_prepared(data, env={"RENKEI_CACHE_DIR": "off"}).cache_hit
    assert not load_prepared(data, env={"RENKEI_CACHE_DIR": "off"}).cache_hit


def test_the_language_is_read_back_and_a_changed_intent_file_is_a_miss(tmp_path: Path) -> None:
    intents, cache = tmp_path / "intents", tmp_path / "cache"
    intents.mkdir()
    for path in INTENTS_DIR.iterdir():
        (intents / path.name).write_bytes(path.read_bytes())
    env = {"RENKEI_CACHE_DIR": str(cache)}
    built = load_language(intents, env=env)
    (written,) = cache.glob("language-*.pickle")
    again = load_language(intents, env=env)
    assert again.classifier.help_examples() == built.classifier.help_examples()
    assert again.synonyms == built.synonyms and again.honorifics == built.honorifics
    assert [p.name for p in cache.glob("language-*.pickle")] == [written.name]
    greeting = intents / "greeting.yaml"
    greeting.write_text(greeting.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    load_language(intents, env=env)
    assert len(list(cache.glob("language-*.pickle"))) == 2


def test_a_start_from_the_caches_parses_no_yaml(tmp_path: Path) -> None:
    """`ask` with warm caches imports neither PyYAML nor the data parser, nor Slack or matplotlib; nor
    rapidfuzz when the question's names are found exactly, nor calendar (a cold start's imports)."""
    env = {**os.environ, "RENKEI_CACHE_DIR": str(tmp_path / "cache")}
    code = (
        "import sys\n"
        "from renkei_bot.cli import main\n"
        "main(['ask', '北海道町村会との協定はいつ？'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'slack_bolt', 'matplotlib')"
        " or m in ('renkei_bot.loader.dataset', 'rapidfuzz', 'calendar')))\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # fills the caches
    done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_the_spellers_lexicon_is_kept_and_read_back(tmp_path: Path) -> None:
    data, cache = write_dataset(tmp_path), tmp_path / "cache"
    env = {"RENKEI_CACHE_DIR": str(cache)}
    first = Engine.load(data, INTENTS_DIR, env=env)
    built = first.understander.speller.lexicon if first.understander.speller else None
    (written,) = cache.glob("lexicon-*.pickle")
    again = Engine.load(data, INTENTS_DIR, env=env)
    assert again.understander.speller is not None and built is not None
    assert again.understander.speller.lexicon.kana == built.kana
    assert [p.name for p in cache.glob("lexicon-*.pickle")] == [written.name]
    assert _answers(data, env) == _answers(data, {"RENKEI_CACHE_DIR": "off"})
