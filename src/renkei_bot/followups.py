"""intents/_followups.yaml: the words that mark a question as a follow-up, matched on Sudachi lemmas.

Each phrase is tokenized once at load; a question shows a facet when the (lemma, part of speech)
sequence of one of its phrases occurs among the question's tokens (at the start, for a phrase
written with a leading ^). Code branches on the facet's name, never on the words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renkei_bot.errors import DataError
from renkei_bot.nlu.tokens import Token, tokenize
from renkei_bot.normalize import normalize
from renkei_bot.yaml_file import read_yaml

FILE = "_followups.yaml"
FACETS = ("expand", "period.same", "period.before", "period.after", "switch")
_SKIP = frozenset({"補助記号", "空白"})  # punctuation and spaces never take part in a phrase

Key = tuple[str, str]  # (lemma, first level of the part of speech)


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    keys: tuple[Key, ...]
    anchored: bool  # only at the start of the question


@dataclass(frozen=True, slots=True)
class Facet:
    name: str
    description: str
    phrases: tuple[Phrase, ...]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


def _keys(tokens: Sequence[Token]) -> tuple[Key, ...]:
    return tuple((t.normalized, t.pos[0]) for t in tokens if t.pos[0] not in _SKIP)


def _contains(keys: Sequence[Key], phrase: Phrase) -> bool:
    n = len(phrase.keys)
    if phrase.anchored:
        return tuple(keys[:n]) == phrase.keys
    return any(tuple(keys[i : i + n]) == phrase.keys for i in range(len(keys) - n + 1))


class Followups:
    def __init__(self, facets: Sequence[Facet]) -> None:
        self.facets = tuple(facets)
        self._words = frozenset(
            w for f in facets for p in f.phrases for w in (p.text.removeprefix("^"), *(k for k, _ in p.keys))
        )

    def is_word(self, word: str) -> bool:
        """Whether a word belongs to a follow-up phrase (その後, 詳しい): it names nothing."""
        return word in self._words

    def marks(self, question: str) -> frozenset[str]:
        """The facets a question shows (e.g. {"period.before"} for 「その前は？」)."""
        keys = _keys(tokenize(normalize(question)))
        return frozenset(f.name for f in self.facets if any(_contains(keys, p) for p in f.phrases))


def _strings(path: Path, name: str, raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{path}: facet '{name}': '{key}' must be a list of non-empty strings")
    return tuple(value)


def _phrase(path: Path, name: str, text: str) -> Phrase:
    anchored = text.startswith("^")
    keys = _keys(tokenize(normalize(text.removeprefix("^"))))
    if not keys:
        raise DataError(f"{path}: facet '{name}': phrase {text!r} has no words; remove it")
    return Phrase(text, keys, anchored)


def load_followups(directory: Path) -> Followups:
    """intents/_followups.yaml; a missing file means no follow-up words (every question stands alone)."""
    path = directory / FILE
    if not path.exists():
        return Followups(())
    raw = read_yaml(path)
    table = raw.get("followups") if isinstance(raw, Mapping) else None
    if not isinstance(table, Mapping):
        raise DataError(f"{path}: expected 'followups:' mapping each facet to phrases and examples")
    facets: list[Facet] = []
    for name, body in table.items():
        if name not in FACETS:
            raise DataError(f"{path}: unknown facet {name!r}; use one of {', '.join(FACETS)}")
        if not isinstance(body, Mapping):
            raise DataError(f"{path}: facet '{name}' must be a mapping with phrases and examples")
        facets.append(
            Facet(
                name=str(name),
                description=str(body.get("description") or ""),
                phrases=tuple(_phrase(path, name, p) for p in _strings(path, name, body, "phrases")),
                examples=_strings(path, name, body, "examples"),
                counter_examples=_strings(path, name, body, "counter_examples"),
            )
        )
    return Followups(facets)
