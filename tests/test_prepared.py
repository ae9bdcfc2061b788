"""The prepared-index cache: a hit gives the same store and entity dictionary, a change is a miss."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from datafixture import EVENTS, write_dataset
from renkei_bot.answers.render import to_text
from renkei_bot.engine import Engine
from renkei_bot.paths import INTENTS_DIR
from renkei_bot.prepared import load_prepared

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
