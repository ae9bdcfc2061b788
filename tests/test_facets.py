"""Facets (intents/_facets.yaml): every example fires its facet and no counter-example does."""

from __future__ import annotations

from pathlib import Path

import pytest

from renkei_bot.errors import DataError
from renkei_bot.nlu.facets import load_vocabulary
from renkei_bot.nlu.tokens import tokenize
from renkei_bot.paths import INTENTS_DIR

VOCABULARY = load_vocabulary(INTENTS_DIR)
EXAMPLES = [(s.name, q) for s in VOCABULARY.facets.specs for q in s.examples]
COUNTER = [(s.name, q) for s in VOCABULARY.facets.specs for q in s.counter_examples]


def facets_of(question: str) -> set[str]:
    return {h.name for h in VOCABULARY.facets.match(VOCABULARY.spelled(tokenize(question)))}


@pytest.mark.parametrize(("facet", "question"), EXAMPLES)
def test_example_fires_its_facet(facet: str, question: str) -> None:
    assert facet in facets_of(question)


@pytest.mark.parametrize(("facet", "question"), COUNTER)
def test_counter_example_does_not(facet: str, question: str) -> None:
    assert facet not in facets_of(question)


def test_every_facet_has_examples_and_counter_examples() -> None:
    for spec in VOCABULARY.facets.specs:
        assert spec.examples and spec.counter_examples, spec.name


def test_lemmas_match_inflected_and_kana_forms() -> None:
    # 多かった → 多い, いちばん → 一番: one facet for each way of saying it
    assert "extreme.max" in facets_of("構成自治体数がいちばん多かったのは？")
    assert "total.sum" in facets_of("全部あわせていくつ？")
    assert "change.increase" in facets_of("どれだけ伸びた？")


def test_unless_vetoes_and_at_end_needs_the_end() -> None:
    assert "aspect.venue" not in facets_of("どこの自治体が参加した？")
    assert "confirm.yes_no" in facets_of("144で合ってる？")
    assert "confirm.yes_no" not in facets_of("本当の会場はどこか知りたいので、会場の名前を全部教えてください")


def test_names_and_dates_are_not_read_for_facets() -> None:
    tokens = tokenize("最初の一歩展はいつ？")
    hits = VOCABULARY.facets.match(tokens, skip=[(0, 6)])
    assert "order.first" not in {h.name for h in hits}


def test_a_malformed_vocabulary_names_the_file_and_the_facet(tmp_path: Path) -> None:
    (tmp_path / "_facets.yaml").write_text("facets:\n  x.y: {lemmas: [a]}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"_facets.yaml: facet 'x.y' needs 'examples'"):
        load_vocabulary(tmp_path)
    (tmp_path / "_facets.yaml").write_text("facets: [", encoding="utf-8")
    with pytest.raises(DataError, match="not valid YAML"):
        load_vocabulary(tmp_path)
