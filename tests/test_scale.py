"""An answer does not depend on how many unrelated records exist.

Every benchmark question (the dev set when present, and benchmarks/questions.yaml) gets the same intent
and the same `found` over the real records and over them replicated ×30 with renamed entities and
dates centuries ahead (benchmarks/synth.py). ×30 is enough to cross the thresholds that once depended
on corpus size (a bigram shared by more than 500 names, 40 fuzzy candidates); `make bench` checks ×1000.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from renkei_bot import paths
from renkei_bot.engine import Engine

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from stats import DEV_SET, OWN_SET, dev_questions  # noqa: E402
from synth import write_corpus  # noqa: E402

COPIES = 30


def _questions() -> list[str]:
    mine, _ = dev_questions(OWN_SET)
    theirs = dev_questions(DEV_SET)[0] if DEV_SET.is_file() else []
    return list(dict.fromkeys([*theirs, *mine]))


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, Engine]:
    grown = tmp_path_factory.mktemp("corpus") / f"x{COPIES}"
    write_corpus(paths.DATA_DIR, grown, copies=COPIES)
    return Engine.load(paths.DATA_DIR, paths.INTENTS_DIR, env={}), Engine.load(
        grown, paths.INTENTS_DIR, env={}
    )


def test_the_synthetic_copies_are_unrelated(engines: tuple[Engine, Engine]) -> None:
    small, big = engines
    assert len(big.store.events) == COPIES * len(small.store.events)
    assert big.store.last_date.year > 2300  # no copy in any year a question names


def test_every_benchmark_question_gets_the_same_intent_and_found(
    engines: tuple[Engine, Engine], caplog: pytest.LogCaptureFixture
) -> None:
    small, big = engines
    _, today = dev_questions(OWN_SET)
    caplog.set_level(logging.CRITICAL, logger="renkei_bot")
    changed = []
    for question in _questions():
        a, b = small.ask(question, today=today), big.ask(question, today=today)
        if (a.intent, a.found) != (b.intent, b.found):
            changed.append(f"{question}: {a.intent}/{a.found} → {b.intent}/{b.found}")
    assert not changed, "\n".join(changed)
