"""Every example in intents/*.yaml classifies as its intent; every counter-example does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY
from renkei_bot.engine import Engine
from renkei_bot.errors import DataError
from renkei_bot.nlu.intents import load_intents, parse_intent
from renkei_bot.paths import INTENTS_DIR

SPECS = load_intents(INTENTS_DIR)
EXAMPLES = [(s.name, q) for s in SPECS for q in s.examples]
COUNTER = [(s.name, q) for s in SPECS for q in s.counter_examples]


@pytest.mark.parametrize(("intent", "question"), EXAMPLES)
def test_example_classifies_as_its_intent(engine: Engine, intent: str, question: str) -> None:
    assert engine.understand(question, today=TODAY).intent == intent


@pytest.mark.parametrize(("intent", "question"), COUNTER)
def test_counter_example_is_not_its_intent(engine: Engine, intent: str, question: str) -> None:
    assert engine.understand(question, today=TODAY).intent != intent


def test_every_intent_has_examples_and_a_handler() -> None:
    from renkei_bot.answers.answer import HANDLERS

    for spec in SPECS:
        assert spec.examples, spec.name
        assert spec.name in HANDLERS, spec.name


def test_help_is_generated_from_the_intent_files(engine: Engine) -> None:
    from renkei_bot.answers.render import to_text

    text = to_text(engine.help(), limit=100)
    for spec in SPECS:
        if spec.name not in ("greeting", "fallback", "help"):
            assert spec.description in text
            assert spec.help_example in text


def test_a_malformed_intent_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = tmp_path / "when.yaml"
    with pytest.raises(DataError, match=r"when.yaml: 'description' is missing"):
        parse_intent(path, {"name": "when", "help_example": "x"})
    with pytest.raises(DataError, match="must match the file name"):
        parse_intent(path, {"name": "other", "description": "d", "help_example": "x"})
    with pytest.raises(DataError, match="required cue 'いつ' is not among the cues"):
        parse_intent(path, {"name": "when", "description": "d", "help_example": "x", "requires": ["いつ"]})
    (tmp_path / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.yaml: not valid YAML"):
        load_intents(tmp_path)
