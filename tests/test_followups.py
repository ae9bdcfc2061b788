"""intents/_followups.yaml: every example shows its facet, every counter-example does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from renkei_bot.errors import DataError
from renkei_bot.followups import FACETS, load_followups
from renkei_bot.paths import INTENTS_DIR

FOLLOWUPS = load_followups(INTENTS_DIR)
CASES = [(f.name, q, True) for f in FOLLOWUPS.facets for q in f.examples] + [
    (f.name, q, False) for f in FOLLOWUPS.facets for q in f.counter_examples
]


def test_every_facet_is_defined_with_examples_and_counter_examples() -> None:
    assert sorted(f.name for f in FOLLOWUPS.facets) == sorted(FACETS)
    for facet in FOLLOWUPS.facets:
        assert facet.phrases and facet.examples and facet.counter_examples, facet.name


@pytest.mark.parametrize(("facet", "question", "shown"), CASES)
def test_examples_and_counter_examples(facet: str, question: str, shown: bool) -> None:
    assert (facet in FOLLOWUPS.marks(question)) is shown, (facet, question, FOLLOWUPS.marks(question))


def test_phrases_match_on_lemmas_not_on_characters() -> None:
    assert "expand" in FOLLOWUPS.marks("もっと詳しい話を")  # 詳しく in the file, 詳しい here
    assert "period.same" in FOLLOWUPS.marks("そのときは？")  # その時 in the file, そのとき here …
    assert "period.same" not in FOLLOWUPS.marks("その年齢は？")  # … and その年齢 is not その年


def test_an_anchored_phrase_counts_only_at_the_start() -> None:
    assert "switch" in FOLLOWUPS.marks("では京都府町村会は？")
    assert "switch" not in FOLLOWUPS.marks("京都府町村会では何をした？")


def test_a_missing_file_means_no_follow_up_words(tmp_path: Path) -> None:
    assert load_followups(tmp_path).marks("その前は？") == frozenset()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "followups: {later: {phrases: [あと], examples: [], counter_examples: []}}",
            "unknown facet 'later'",
        ),
        ("followups: {expand: {phrases: '詳しく'}}", "'phrases' must be a list"),
        ("followups: {expand: {phrases: ['？']}}", "has no words"),
        ("nothing: here", "expected 'followups:'"),
    ],
)
def test_a_bad_file_names_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "_followups.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=problem):
        load_followups(tmp_path)
