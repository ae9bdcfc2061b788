"""English and loanwords in a question → the Japanese the records use (event → イベント).

intents/_glossary.yaml lists the words; the question is rewritten before it is tokenised, so every
later step (dates, entities, intents, terms) sees the records' word. Latin words are matched whole
and case-insensitively: 「KITTE でやった Event」→「KITTE でやった イベント」. A Latin word the glossary
lacks is left as written: it may be a name in romaji (Nara, Kushiro), which the entity readings
resolve (renkei_bot.nlu.romaji).

The same file lists counters spelled in kana after a numeral (`counters:`): 「26ねん9がつ10か」 →
「26年9月10日」, so a date typed all in kana reads as one. A counter marked `after_month` is read only
right after 「N月」 (10か is 10日 there, and nothing elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from renkei_bot.errors import DataError
from renkei_bot.yaml_file import read_yaml

_LATIN = re.compile(r"[A-Za-z]")
_KATAKANA_WORD = re.compile(r"[ァ-ヺー]+(?: [ァ-ヺー]+)*")
_KATAKANA = re.compile(r"[ァ-ヺ]")


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[str, ...]  # Latin, lower case; a space inside matches a space, a hyphen or nothing
    japanese: str
    examples: tuple[str, ...] = ()  # questions whose rewrite must hold `japanese` (tests run them)
    counter_examples: tuple[str, ...] = ()  # questions the entry must leave as they are
    # the loanword in katakana (キーノート), matched as a whole katakana run; a space inside matches
    # a space, a middle dot or nothing (キーノート・スピーチ)
    katakana: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KanaCounter:
    kana: tuple[str, ...]  # hiragana, read only right after a numeral
    japanese: str
    after_month: bool = False  # read only after 「N月」 and a numeral (9月10か)
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


def _counter_pattern(counters: Sequence[KanaCounter], *, after_month: bool) -> re.Pattern[str] | None:
    kana = sorted(
        (k for c in counters if c.after_month == after_month for k in c.kana), key=len, reverse=True
    )
    if not kana:
        return None
    before = r"(月[0-9]{1,2})" if after_month else r"([0-9])"
    return re.compile(rf"{before}({'|'.join(map(re.escape, kana))})")


class Glossary:
    def __init__(self, entries: Sequence[Entry] = (), counters: Sequence[KanaCounter] = ()) -> None:
        self.entries = tuple(entries)
        self.counters = tuple(counters)
        self._counter_japanese = {k: c.japanese for c in self.counters for k in c.kana}
        self._counter_patterns = [
            p for p in (_counter_pattern(counters, after_month=m) for m in (False, True)) if p is not None
        ]
        self._japanese = {w: e.japanese for e in self.entries for w in e.words}
        words = sorted(self._japanese, key=len, reverse=True)
        alternatives = "|".join(r"[\s\-]*".join(map(re.escape, w.split())) for w in words)
        self._source = rf"( ?)(?<![A-Za-z])({alternatives})(?![A-Za-z])( ?)" if words else None
        self._loanwords = {"".join(w.split()): e.japanese for e in self.entries for w in e.katakana}
        kana = sorted({w for e in self.entries for w in e.katakana}, key=len, reverse=True)
        spelled = "|".join(r"[\s・]?".join(map(re.escape, w.split())) for w in kana)
        self._kana_source = rf"(?<![ァ-ヺー])({spelled})(?![ァ-ヺー])" if kana else None

    @cached_property
    def _kana_pattern(self) -> re.Pattern[str] | None:
        """Compiled on the first text with katakana."""
        return None if self._kana_source is None else re.compile(self._kana_source)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """Compiled on the first text with a Latin letter: most questions have none, and compiling the
        glossary's words takes about 3 ms (a compiled pattern read from the language cache is compiled
        again, so a cold `ask` paid it every time)."""
        return None if self._source is None else re.compile(self._source, re.IGNORECASE)

    def apply(self, text: str) -> str:
        """`text` with every glossary word and kana counter replaced by its Japanese (text normalised)."""
        for pattern in self._counter_patterns:
            text = pattern.sub(lambda m: m.group(1) + self._counter_japanese[m.group(2)], text)
        if self._kana_source is not None and _KATAKANA.search(text) and (kana := self._kana_pattern):
            text = kana.sub(lambda m: self._loanwords[re.sub(r"[\s・]", "", m.group(1))], text)
        if not _LATIN.search(text):
            return text
        words = self._pattern
        return text if words is None else words.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        # The spaces that set a Latin word apart go with it, unless a Latin word is beside them:
        # 「第2回の keynote は誰」→「第2回の基調講演は誰」, 「PR booth」→「PR ブース」.
        text = match.string
        before = match.group(1) if _ascii_word(text[match.start() - 1 : match.start()]) else ""
        after = match.group(3) if _ascii_word(text[match.end() : match.end() + 1]) else ""
        return before + self._japanese[" ".join(re.split(r"[\s\-]+", match.group(2).lower()))] + after


def load_glossary(directory: Path) -> Glossary:
    """intents/_glossary.yaml: `glossary:` a list of {words, japanese, examples, counter_examples}, and
    `counters:` a list of {kana, japanese, after_month, examples, counter_examples}."""
    path = directory / "_glossary.yaml"
    if not path.exists():
        return Glossary()
    raw = read_yaml(path)
    items = raw.get("glossary") if isinstance(raw, Mapping) else None
    if not isinstance(items, list):
        raise DataError(f"{path}: expected 'glossary:' with a list of entries (words, japanese, examples)")
    entries = [_entry(path, n, item) for n, item in enumerate(items, 1)]
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries, 1):
        for word in entry.words:
            if word in seen:
                raise DataError(f"{path}: entry {n}: {word!r} is already entry {seen[word]}: keep one")
            seen[word] = n
    counters = (raw.get("counters") if isinstance(raw, Mapping) else None) or []
    if not isinstance(counters, list):
        raise DataError(f"{path}: 'counters:' must be a list of entries (kana, japanese, examples)")
    return Glossary(entries, [_counter(path, n, item) for n, item in enumerate(counters, 1)])


def _strings(
    path: Path, where: str, item: Mapping[str, Any], key: str, *, required: bool = False
) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{path}: {where}: {key!r} must be a list of strings")
    if required and not value:
        raise DataError(f"{path}: {where}: {key!r} needs at least one")
    return tuple(value)


def _counter(path: Path, n: int, item: Any) -> KanaCounter:
    where = f"counter {n}"
    if not isinstance(item, Mapping) or not isinstance(item.get("japanese"), str):
        raise DataError(f"{path}: {where}: expected kana, japanese and examples")
    kana = _strings(path, where, item, "kana", required=True)
    if not all(re.fullmatch(r"[ぁ-ゖー]+", k) for k in kana):
        raise DataError(f"{path}: {where}: kana must be hiragana: {list(kana)}")
    return KanaCounter(
        kana,
        item["japanese"],
        bool(item.get("after_month", False)),
        _strings(path, where, item, "examples", required=True),
        _strings(path, where, item, "counter_examples"),
    )


def _entry(path: Path, n: int, item: Any) -> Entry:
    def strings(key: str, *, required: bool = False) -> tuple[str, ...]:
        return _strings(path, f"entry {n}", item, key, required=required)

    if not isinstance(item, Mapping) or not isinstance(item.get("japanese"), str):
        raise DataError(f"{path}: entry {n}: expected words, japanese and examples")
    words = tuple(" ".join(w.lower().split()) for w in strings("words", required=True))
    loanwords = tuple(" ".join(w.split()) for w in strings("katakana"))
    latin = [w for w in words if not re.fullmatch(r"[a-z0-9]+(?: [a-z0-9]+)*", w)]
    if latin:
        raise DataError(f"{path}: entry {n}: words must be Latin letters and digits: {latin}")
    kana = [w for w in loanwords if not _KATAKANA_WORD.fullmatch(w)]
    if kana:
        raise DataError(f"{path}: entry {n}: katakana must be katakana words: {kana}")
    return Entry(
        words,
        item["japanese"],
        strings("examples", required=True),
        strings("counter_examples"),
        katakana=loanwords,
    )
