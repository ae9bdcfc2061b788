"""Names in Latin letters: kana readings romanised (Hepburn) and both sides folded to one key.

`romaji_key("きょうと") == romaji_key("Kyoto") == "kyoto"`: the table and folds are in hepburn.yaml.
The comparison is made in romaji because turning a question's Latin word into kana the way an input
method does loses what Hepburn means (jinno → じんお, kyoto → きょと).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from renkei_bot.errors import DataError

TABLE = Path(__file__).with_name("hepburn.yaml")
_LATIN = re.compile(r"[a-z]+")
_JOINERS = frozenset("-'")  # numao-san, shin'ichi
MAX_WORDS = 3  # Numao Namiko sensei


@dataclass(frozen=True, slots=True)
class _Hepburn:
    units: dict[str, str]
    pattern: re.Pattern[str]
    folds: tuple[tuple[re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def _hepburn() -> _Hepburn:
    try:
        raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
        units = {str(k): str(v) for k, v in raw["units"].items()}
        folds = tuple((re.compile(str(p)), str(r)) for p, r in raw["folds"])
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
        raise DataError(
            f"{TABLE}: expected 'units:' (kana → romaji) and 'folds:' ([regex, text]): {exc}"
        ) from None
    ordered = sorted(units, key=len, reverse=True)
    return _Hepburn(units, re.compile("|".join(map(re.escape, ordered))), folds)


def romanize(kana: str) -> str | None:
    """Hepburn romaji of a hiragana reading (ぬまお → numao, きって → kitte); None if a character has none."""
    hepburn = _hepburn()
    out: list[str] = []
    double = False
    pos = 0
    for match in hepburn.pattern.finditer(kana):
        if match.start() != pos:
            if kana[pos : match.start()] != "っ" * (match.start() - pos):
                return None
            double = True
        romaji = hepburn.units[match.group()]
        if double and romaji:
            romaji = ("t" if romaji.startswith("ch") else romaji[0]) + romaji
        double = False
        out.append(romaji)
        pos = match.end()
    if kana[pos:].strip("っ"):
        return None
    return "".join(out)


def fold_romaji(latin: str) -> str:
    """Lower case, letters only, long vowels and ん spellings folded (Kyouto → kyoto, Shimbashi → shinbashi)."""
    text = "".join(ch for ch in latin.lower() if "a" <= ch <= "z")
    for pattern, replacement in _hepburn().folds:
        text = pattern.sub(replacement, text)
    return text


def romaji_key(kana: str) -> str | None:
    """The folded romaji of a hiragana reading, the key a Latin spelling is looked up by."""
    romaji = romanize(kana)
    return fold_romaji(romaji) if romaji else None


def latin_spans(folded: str, offsets: list[int]) -> list[tuple[int, int, int]]:
    """Runs of one to MAX_WORDS Latin words in a folded question, longest first, with the length of
    their shortest word (a particle such as "no" is one or two letters).

    Words are joined across a space of the question (a gap in `offsets`), a hyphen or an apostrophe:
    "Numao sensei", "numao-san". Offsets index `folded`.
    """
    words: list[tuple[int, int]] = []
    for match in _LATIN.finditer(folded):
        begin = match.start()
        for k in range(begin + 1, match.end()):
            if offsets[k] - offsets[k - 1] > 1:  # "kyoto yamashiro" is two words
                words.append((begin, k))
                begin = k
        words.append((begin, match.end()))
    spans: list[tuple[int, int, int]] = []
    for i, (begin, _) in enumerate(words):
        shortest = len(folded)
        for j in range(i, min(i + MAX_WORDS, len(words))):
            if j > i and not _joined(folded, offsets, words[j - 1][1], words[j][0]):
                break
            shortest = min(shortest, words[j][1] - words[j][0])
            spans.append((begin, words[j][1], shortest))
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))
    return spans


def _joined(folded: str, offsets: list[int], end: int, begin: int) -> bool:
    between = folded[end:begin]
    if between:
        return all(ch in _JOINERS for ch in between)
    return offsets[begin] - offsets[end - 1] > 1  # a space was folded away
