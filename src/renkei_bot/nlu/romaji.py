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

from renkei_bot.errors import DataError

TABLE = Path(__file__).with_name("hepburn.yaml")
_LATIN = re.compile(r"[a-zāēīōūâêîôû]+")
_MACRONS = str.maketrans("āēīōūâêîôû", "aeiouaeiou")  # Tōkyō: a long vowel is written as a short one
_JOINERS = frozenset("-'")  # numao-san, shin'ichi
MAX_WORDS = 3  # Numao Namiko sensei


@dataclass(frozen=True, slots=True)
class _Hepburn:
    digraphs: dict[str, str]  # two-kana units (きゃ → kya)
    digraph: re.Pattern[str]  # any of them
    singles: dict[int, str]  # one kana → romaji, for str.translate
    folds: re.Pattern[str]  # every fold, one group each
    replacements: tuple[str, ...]  # parallel to the groups


@lru_cache(maxsize=1)
def _hepburn() -> _Hepburn:
    import yaml  # imported on first use: a start from the cache parses no YAML

    try:
        raw = yaml.load(
            TABLE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
        units = {str(k): str(v) for k, v in raw["units"].items()}
        folds = [(str(p), str(r)) for p, r in raw["folds"]]
        joined = re.compile("|".join(f"({p})" for p, _ in folds))
        if joined.groups != len(folds):
            raise ValueError("a fold may not have groups of its own")
        if any(len(k) > 2 for k in units):
            raise ValueError("a unit is one or two kana")
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
        raise DataError(
            f"{TABLE}: expected 'units:' (kana → romaji) and 'folds:' ([regex, text]): {exc}"
        ) from None
    digraphs = {k: v for k, v in units.items() if len(k) == 2}
    digraph = re.compile("|".join(map(re.escape, digraphs)))
    singles = {ord(k): v for k, v in units.items() if len(k) == 1}
    return _Hepburn(digraphs, digraph, singles, joined, tuple(r for _, r in folds))


_SOKUON = re.compile(r"っ+(ch|[a-z])?")
_NOT_LATIN = re.compile(r"[^a-z]")
_HIRAGANA = re.compile(r"[ぁ-ゖー]+")


def _double(match: re.Match[str]) -> str:
    after = match.group(1)
    if after is None:
        return ""
    return "t" + after if after == "ch" else after + after


def romanize(kana: str) -> str | None:
    """Hepburn romaji of a hiragana reading (ぬまお → numao, きって → kitte); None if a character has none."""
    if not _HIRAGANA.fullmatch(kana):
        return None
    hepburn = _hepburn()
    digraphs = hepburn.digraphs
    romaji = hepburn.digraph.sub(lambda m: digraphs[m.group()], kana).translate(hepburn.singles)
    romaji = _SOKUON.sub(_double, romaji)
    return romaji if romaji.isascii() else None


def fold_romaji(latin: str) -> str:
    """Lower case, letters only, long vowels and ん spellings folded (Kyouto → kyoto, Shimbashi → shinbashi)."""
    hepburn = _hepburn()
    replacements = hepburn.replacements
    text = _NOT_LATIN.sub("", latin.lower().translate(_MACRONS))
    while True:  # until nothing changes: おおうら is ooura → oura → ora, as Oura is
        folded = hepburn.folds.sub(lambda m: replacements[(m.lastindex or 1) - 1], text)
        if folded == text:
            return folded
        text = folded


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
