"""Intents from intents/*.yaml, and a small transparent scorer over them.

The score of an intent is the sum of the weights of its cues found in the question, plus the weight
of each slot that is filled (an entity of an accepted type, or a date expression). An intent is a
candidate only if one of its `requires` cues is present (`$period` / `$entity` stand for a filled
slot). The best score wins; `priority` breaks ties. Every step is data a reviewer can read.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renkei_bot.errors import DataError
from renkei_bot.records import ENTITY_TYPES
from renkei_bot.yaml_file import read_yaml

FALLBACK = "fallback"


@dataclass(frozen=True, slots=True)
class Slot:
    name: str
    entity_types: tuple[str, ...] = ()
    period: bool = False
    anniversary: bool = False
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class IntentSpec:
    name: str
    description: str
    help_example: str
    priority: int
    slots: tuple[Slot, ...]
    cues: tuple[tuple[str, float], ...]
    requires: tuple[str, ...]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    covers: tuple[str, ...] = ()  # question-set labels this intent answers (renkei-bot eval's report)
    path: str = ""


@dataclass(frozen=True, slots=True)
class Features:
    """What the classifier sees of a question."""

    words: frozenset[str]  # normalised forms and surfaces of its tokens
    text: str  # the compact normalised question (for multi-character cues)
    entity_types: frozenset[str]
    has_period: bool
    has_anniversary: bool = False


@dataclass(frozen=True, slots=True)
class Scored:
    name: str
    score: float
    cues: tuple[str, ...]


def _present(cue: str, features: Features) -> bool:
    return cue in features.words or (len(cue) >= 2 and cue.lower() in features.text.lower())


def _fail(path: Path, problem: str) -> DataError:
    return DataError(f"{path}: {problem}")


def _strings(path: Path, raw: Any, key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"'{key}' must be a list of strings")
    return tuple(value)


def _slot(path: Path, name: str, raw: Any) -> Slot:
    if not isinstance(raw, Mapping):
        raise _fail(path, f"slot '{name}' must be a mapping with 'entity' or 'period'")
    types = raw.get("entity", [])
    unknown = [t for t in types if t not in ENTITY_TYPES]
    if unknown:
        raise _fail(
            path, f"slot '{name}': unknown entity type {unknown}; use one of {', '.join(ENTITY_TYPES)}"
        )
    return Slot(
        name,
        tuple(types),
        period=bool(raw.get("period", False)),
        anniversary=bool(raw.get("anniversary", False)),
        weight=float(raw.get("weight", 1)),
    )


def parse_intent(path: Path, raw: Any) -> IntentSpec:
    if not isinstance(raw, Mapping):
        raise _fail(path, "an intent file must be a mapping with name, description, cues, …")
    for key in ("name", "description", "help_example"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(path, f"'{key}' is missing or empty")
    if raw["name"] != path.stem:
        raise _fail(path, f"name '{raw['name']}' must match the file name '{path.stem}'")
    cues = raw.get("cues") or {}
    if not isinstance(cues, Mapping) or not all(isinstance(v, int | float) for v in cues.values()):
        raise _fail(path, "'cues' must map each cue to a number (its weight)")
    slots = raw.get("slots") or {}
    if not isinstance(slots, Mapping):
        raise _fail(
            path, "'slots' must be a mapping of slot name to {entity: [...], period: true, weight: n}"
        )
    requires = _strings(path, raw, "requires")
    for cue in requires:
        if not cue.startswith("$") and str(cue) not in {str(c) for c in cues}:
            raise _fail(path, f"required cue '{cue}' is not among the cues")
    return IntentSpec(
        name=raw["name"],
        description=raw["description"].strip(),
        help_example=raw["help_example"].strip(),
        priority=int(raw.get("priority", 0)),
        slots=tuple(_slot(path, str(name), value) for name, value in slots.items()),
        cues=tuple((str(cue), float(weight)) for cue, weight in cues.items()),
        requires=requires,
        examples=_strings(path, raw, "examples"),
        counter_examples=_strings(path, raw, "counter_examples"),
        covers=_strings(path, raw, "covers"),
        path=str(path),
    )


def load_intents(directory: Path) -> tuple[IntentSpec, ...]:
    files = sorted(p for p in directory.glob("*.yaml") if not p.name.startswith("_"))
    if not files:
        raise DataError(f"{directory}: no intent files (*.yaml); the engine needs at least fallback.yaml")
    specs = [parse_intent(path, read_yaml(path)) for path in files]
    if FALLBACK not in {s.name for s in specs}:
        raise DataError(f"{directory}: fallback.yaml is missing; add it (the answer when nothing matches)")
    return tuple(specs)


class Classifier:
    def __init__(self, specs: Sequence[IntentSpec]) -> None:
        self.specs = tuple(specs)
        self._priority = {s.name: s.priority for s in self.specs}
        # Every cue of every intent, so rank() tests each one once per question, not once per intent.
        self._cues = tuple({cue for s in self.specs for cue in (*(c for c, _ in s.cues), *s.requires)})
        self._cue_words: frozenset[str] | None = None
        # (cue, its lower-case form when it may be found inside the text: two characters or more)
        self._cue_keys = tuple((c, c.lower() if len(c) >= 2 else None) for c in self._cues)
        self._cue_set = frozenset(self._cues)
        # the cues found inside the text, by the first two characters of their lower-case form: only
        # those whose first two characters the text has are looked for
        self._by_bigram: dict[str, list[tuple[str, str]]] = {}
        for cue, low in self._cue_keys:
            if low is not None:
                self._by_bigram.setdefault(low[:2], []).append((cue, low))
        # each intent's cues and required cues as sets, its slots' conditions: rank() per question
        self._plans = tuple(
            (
                spec,
                frozenset(c for c, _ in spec.cues),
                frozenset(c for c in spec.requires if not c.startswith("$")),
                "$period" in spec.requires,
                "$entity" in spec.requires,
                "$anniversary" in spec.requires,
            )
            for spec in self.specs
        )
        self._bigrams = frozenset(self._by_bigram)
        self._long_cues: re.Pattern[str] | None = None

    def present(self, features: Features) -> frozenset[str]:
        """The cues of any intent that the question contains."""
        words, text = features.words, features.text.lower()
        found = set(self._cue_set.intersection(words))
        by_bigram = self._by_bigram
        for bigram in self._bigrams.intersection(map(operator.add, text, text[1:])):  # the text's, in C
            found.update(cue for cue, low in by_bigram[bigram] if low in text)
        return frozenset(found)

    def _eligible(self, spec: IntentSpec, features: Features, present: frozenset[str] | None = None) -> bool:
        for cue in spec.requires:
            if cue == "$period" and features.has_period:
                return True
            if cue == "$entity" and features.entity_types:
                return True
            if cue == "$anniversary" and features.has_anniversary:
                return True
            if not cue.startswith("$") and (
                cue in present if present is not None else _present(cue, features)
            ):
                return True
        return not spec.requires

    def score(self, spec: IntentSpec, features: Features, present: frozenset[str] | None = None) -> Scored:
        found = tuple(
            cue
            for cue, _ in spec.cues
            if (cue in present if present is not None else _present(cue, features))
        )
        hits = set(found)
        total = sum(weight for cue, weight in spec.cues if cue in hits) + _slots_weight(spec, features)
        return Scored(spec.name, total, found)

    def _totals(self, features: Features, present: frozenset[str]) -> Iterator[tuple[IntentSpec, float]]:
        """Each eligible intent with its score() total (summed in the same order), in spec order."""
        for spec, cues, required, on_period, on_entity, on_anniversary in self._plans:
            if spec.requires and not (
                (on_period and features.has_period)
                or (on_entity and features.entity_types)
                or (on_anniversary and features.has_anniversary)
                or not required.isdisjoint(present)
            ):
                continue
            total: float = (
                0 if cues.isdisjoint(present) else sum(w for cue, w in spec.cues if cue in present)
            )  # no cue: 0, as score() sums nothing
            yield spec, total + _slots_weight(spec, features)

    def rank(self, features: Features) -> list[Scored]:
        """score() of every eligible intent, best first: the same as calling _eligible() and score()
        for each, with the cue sets made once at load."""
        priority = self._priority
        present = self.present(features)
        scored = [self.score(spec, features, present) for spec, _ in self._totals(features, present)]
        scored.sort(key=lambda s: (-s.score, -priority[s.name]))
        return scored

    def classify(self, features: Features) -> Scored:
        """rank()'s first: the highest total, then priority, the first in spec order among equals
        (the sort is stable); only the winner's cues are listed (its total, summed as score() sums it,
        is _totals')."""
        priority = self._priority
        present = self.present(features)
        best: IntentSpec | None = None
        best_key = (0.0, 0)
        for spec, total in self._totals(features, present):
            key = (total, priority[spec.name])
            if best is None or key > best_key:
                best, best_key = spec, key
        if best is None:
            return Scored(FALLBACK, 0.0, ())
        return Scored(best.name, best_key[0], tuple(cue for cue, _ in best.cues if cue in present))

    def is_cue(self, word: str) -> bool:
        """Whether a word is a cue of some intent (a word that asks rather than names). The fallback's
        cues (天気, 売上) name what the records never hold: things asked about, not words that ask."""
        if self._cue_words is None or self._long_cues is None:
            self._cue_words = frozenset(
                cue for spec in self.specs if spec.name != FALLBACK for cue, _ in spec.cues
            )
            # one search for any cue of two characters or more inside the word
            long = sorted((cue for cue in self._cue_words if len(cue) >= 2), key=lambda c: (-len(c), c))
            self._long_cues = re.compile("|".join(map(re.escape, long)) or "(?!)")
        return word in self._cue_words or self._long_cues.search(word) is not None

    def cue_words(self) -> tuple[str, ...]:
        """Every cue and required word of every intent (the vocabulary the intents are written in)."""
        return self._cues

    def spec(self, name: str) -> IntentSpec:
        for spec in self.specs:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def help_examples(self, exclude: Iterable[str] = ("greeting", FALLBACK)) -> list[str]:
        skip = set(exclude)
        return [s.help_example for s in sorted(self.specs, key=lambda s: -s.priority) if s.name not in skip]


def load_synonyms(directory: Path) -> dict[str, tuple[str, ...]]:
    """intents/_synonyms.yaml: a question's verb (normalised form) → the nouns the records use."""
    path = directory / "_synonyms.yaml"
    if not path.exists():
        return {}
    raw = read_yaml(path)
    table = raw.get("synonyms") if isinstance(raw, Mapping) else None
    if not isinstance(table, Mapping) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
        for k, v in table.items()
    ):
        raise _fail(path, "expected 'synonyms:' mapping each word to a list of words")
    return {k: tuple(v) for k, v in table.items()}


def _slots_weight(spec: IntentSpec, features: Features) -> float:
    """What an intent's slots add: each one the question fills (a period, an anniversary, a name)."""
    total = 0.0
    for slot in spec.slots:
        if (
            (slot.period and features.has_period)
            or (slot.anniversary and features.has_anniversary)
            or (slot.entity_types and features.entity_types.intersection(slot.entity_types))
        ):
            total += slot.weight
    return total
