"""The romaji part of the readings pass: Latin words of a question against the entities' readings.

Exact first (Nara, Kyouto, numao-san, Numao先生), then fuzzy for words of ROMAJI_MIN_FUZZY letters or
more (Kusiro). A surname counts only with an honorific after it, in Latin letters or in Japanese,
and only exactly: Numata sensei is not a typo of Numao sensei.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from renkei_bot.nlu.entity_keys import Hit, Tables
from renkei_bot.nlu.fuzzy_choice import Candidate, decide
from renkei_bot.nlu.readings import Honorifics, romaji_table
from renkei_bot.nlu.romaji import fold_romaji, latin_spans

MIN_FUZZY_WORD = 3  # a word of one or two letters is a particle (Kushiro no): no part of a fuzzy name
ROMAJI_MIN_FUZZY = 6  # letters: "kusiro" is kushiro, but "nagara" must not become "nara"


class CandidateSource(Protocol):
    def candidates(
        self, text: str, free: bytearray, valid: Callable[[int, int], bool]
    ) -> list[Candidate]: ...


class RomajiMatcher:
    """Built on the first question with a Latin word: most questions have none, and romanising
    every reading would double the time the index takes to build."""

    def __init__(
        self,
        tables: Tables,
        honorifics: Honorifics,
        fuzzy: Callable[[Mapping[str, tuple[str, ...]]], CandidateSource],
    ) -> None:
        self._spoken = tables.spoken
        self._surnames = tables.romaji_surnames
        self._honorifics = honorifics
        self._make_fuzzy = fuzzy
        self._lock = threading.Lock()
        self._names: Mapping[str, tuple[str, ...]] | None = None
        self._fuzzy: CandidateSource | None = None

    def __getstate__(self) -> dict[str, object]:
        # Cached with the index (renkei_bot.prepared); a lock is not data: a new one on reading.
        return {k: v for k, v in vars(self).items() if k != "_lock"}

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._lock = threading.Lock()

    def _load(self) -> tuple[Mapping[str, tuple[str, ...]], CandidateSource]:
        with self._lock:
            if self._names is None or self._fuzzy is None:
                names = romaji_table(self._spoken)
                self._fuzzy = self._make_fuzzy(names)
                self._names = names
            return self._names, self._fuzzy

    @property
    def loaded(self) -> bool:
        return self._names is not None

    @property
    def names(self) -> Mapping[str, tuple[str, ...]]:
        """Folded romaji → entity ids."""
        return self._load()[0]

    def find(self, folded: str, kana: str, offsets: list[int], taken: Iterable[Hit]) -> dict[Hit, float]:
        """Hits outside the spans already `taken`, with their scores."""
        spans = latin_spans(folded, offsets)
        if not spans:
            return {}
        names, fuzzy = self._names, self._fuzzy
        if names is None or fuzzy is None:
            names, fuzzy = self._load()
        free = bytearray(b"\x01" * len(folded))
        for h in taken:
            free[h.begin : h.end] = b"\x00" * (h.end - h.begin)
        hits: dict[Hit, float] = {}
        loose: list[Candidate] = []
        for begin, end, shortest in spans:
            if free.find(0, begin, end) != -1:
                continue
            key = fold_romaji(folded[begin:end])
            ids = names.get(key)
            stop = end
            if ids is None:
                ids = self._titled(key)  # numao-san, Numao sensei: the honorific in Latin letters
            if ids is None and key in self._surnames:
                title = self._honorifics.after(kana, end)  # Numao先生, numaoさん
                if title and free.find(0, end, end + title) == -1:
                    ids, stop = self._surnames[key], end + title
            if ids:
                free[begin:stop] = b"\x00" * (stop - begin)
                hits[Hit(begin, stop, ids)] = 100.0
            elif len(key) >= ROMAJI_MIN_FUZZY and shortest >= MIN_FUZZY_WORD:
                loose.extend(Candidate(c.score, c.key, c.ids, begin, end) for c in _close(fuzzy, key))
        # A romaji near miss is not offered as 「もしかして」: most unknown Latin words are English.
        open_ = [c for c in loose if free.find(0, c.begin, c.end) == -1]
        accepted, _ = decide(open_, lambda c: True, lambda c: False)
        return hits | accepted

    def _titled(self, key: str) -> tuple[str, ...] | None:
        for title in self._honorifics.romaji:
            if key.endswith(title) and key[: -len(title)] in self._surnames:
                return self._surnames[key[: -len(title)]]
        return None


def _close(fuzzy: CandidateSource, key: str) -> list[Candidate]:
    """Candidates whose window is the whole key: a name is spelled by whole words."""
    whole = len(key)
    return fuzzy.candidates(key, bytearray(b"\x01" * whole), lambda b, e: b == 0 and e == whole)
