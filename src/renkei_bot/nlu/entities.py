"""The entity recogniser: names in a question → entity ids.

Three passes over the folded question, each on what the previous ones left:
1. exact: every spelling (name, alias, variants), longest first, non-overlapping;
2. fuzzy: fuzz.ratio between a key and the spans around the key's bigrams, accepted only for a
   unique best with a margin; a close-but-not-enough best is a near miss (「もしかして」);
3. readings: hiragana/katakana runs against kana readings, exactly and then fuzzily; Latin words
   against the readings' romaji (nlu/romaji.py), exactly and then fuzzily. A surname is a name only
   with an honorific after it (沼尾先生, ぬまおさん, Numao sensei).
A span shared by several entities is a Tie. Stop-list words never become a match on their own.

rapidfuzz is imported by the functions that score (here and in nlu/fuzzy_choice.py), not at start: a
question whose names are all found exactly (the issue's own, a quarter of the dev set) never loads it,
and loading it was 5 ms of a cold `ask` (16 ms without bytecode caches).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import accumulate

from renkei_bot.errors import DataError
from renkei_bot.nlu.entity_keys import (
    DEFAULT_BLOCKERS,
    DEFAULT_STOPLIST,
    MIN_KEY,
    Hit,
    LongestFirst,
    Tables,
    build_tables,
    content_flags,
    fold,
    fold_with_offsets,
    has_content,
    hiragana_flags,
    is_hiragana,
    word_edges,
)
from renkei_bot.nlu.fuzzy_choice import NEAR_FLOOR, Candidate, decide
from renkei_bot.nlu.key_grams import NEVER, GramIndex, bigrams
from renkei_bot.nlu.readings import NO_HONORIFICS, Honorifics
from renkei_bot.nlu.resolution import Match, Method, NearMiss, Resolution, Tie
from renkei_bot.nlu.romaji_match import ROMAJI_MIN_FUZZY, RomajiMatcher
from renkei_bot.normalize import to_hiragana
from renkei_bot.records import Entity

__all__ = ["DEFAULT_STOPLIST", "EntityIndex", "Match", "NearMiss", "Resolution", "Tie", "entity_strings"]

MAX_SCAN = 2000  # folded characters of one question that are scanned; questions are far shorter
FUZZY_MIN_KEY = 4  # a one-character typo in a 3-character key is another name (中野区 / 中央区)
READING_MIN_FUZZY = 5
ASCII_FUZZY_MIN_KEY = 6  # kitten is not KITTE
SUGGEST_CUTOFF = 50.0
MAX_CANDIDATES = 40  # keys scored per pass at most
_BLANK = "\0"  # a character no key holds: what the fuzzy pass blanks out of a text


_PARTICLE_EDGES = frozenset("のをにはがでともへやか")  # kana that may end the word before a name or follow it


def _word_edge(kana: str, at: int, *, before: bool) -> bool:
    """Whether a kana word may begin (`before`) or end at `at`: the text's edge, a character that is
    not hiragana, or a particle (の before ぬまお, さん after it)."""
    near = at - 1 if before else at
    if near < 0 or near >= len(kana):
        return True
    char = kana[near]
    return not ("ぁ" <= char <= "ゖ") or char in _PARTICLE_EDGES or (not before and char in "させく")


class _Fuzzy:
    """Keys indexed by their bigrams, so only keys sharing enough of a question's bigrams are scored."""

    def __init__(self, table: Mapping[str, tuple[str, ...]], *, min_length: int, content: bool) -> None:
        self.keys = list(table)
        self.ids = [table[k] for k in self.keys]
        # Every key is indexed (suggest uses them all); only eligible ones are tried inside questions.
        eligible = [
            len(k) >= (max(min_length, ASCII_FUZZY_MIN_KEY) if k.isascii() else min_length)
            and (not content or has_content(k))
            for k in self.keys
        ]
        # Every bigram counts, however many keys share it: a threshold on how common a bigram is
        # would change with unrelated names, and so would what a question is understood to name.
        # A key needs half of its own distinct bigrams (a key without any, its length: never).
        bars = []
        for key, ok in zip(self.keys, eligible, strict=True):
            grams = bigrams(key)
            bars.append(((len(grams) + 1) // 2 if grams else len(key)) if ok else NEVER)
        self._grams = GramIndex(self.keys, bars)
        # a key's distinct bigrams, each with where it is first in the key, made when the key is
        # first tried inside a question
        self._offsets: dict[int, dict[str, int]] = {}

    def sharing(self, text: str, *, minimum: int) -> list[int]:
        """Indexes of the keys sharing at least `minimum` bigrams with `text`, in the order they are
        first met in it."""
        return self._grams.sharing(text, minimum=minimum)

    def chosen(self, text: str, free: bytearray) -> tuple[dict[str, list[int]], list[int]]:
        """The text's free bigrams with their positions, and the keys candidates() tries, in order."""
        return self._grams.chosen(text, free, cap=MAX_CANDIDATES)

    def _starts(self, index: int, where: Mapping[str, list[int]]) -> set[int]:
        """Where the key would start if each of the text's bigrams (`where`: bigram → its positions)
        that the key holds were the key's (its first place in the key), added in order of position: a
        position has one bigram, so one start. The key's few bigrams are looked up in the text's, not
        the text's many in the key's."""
        offsets = self._offsets.get(index)
        if offsets is None:  # the key's distinct bigrams and where each is first in it
            key = self.keys[index]
            offsets = self._offsets[index] = {
                bigram: key.find(bigram) for bigram in {key[j : j + 2] for j in range(len(key) - 1)}
            }
        get = where.get
        held = [(p, at) for gram, at in offsets.items() for p in get(gram, ())]  # a list: no generator
        held.sort()
        return {p - at for p, at in held}

    def candidates(
        self,
        text: str,
        free: bytearray,
        valid: Callable[[int, int], bool],
        *,
        open_region: Callable[[int, int], bool] = lambda begin, end: True,
        prune: Callable[[int, Iterable[int]], list[int]] | None = None,
        chosen: tuple[dict[str, list[int]], list[int]] | None = None,
        content: list[bool] | None = None,
        bounded: Callable[[int], str] | None = None,
    ) -> list[Candidate]:
        """The best-scoring window of each key that shares enough bigrams, if it reaches NEAR_FLOOR.

        `open_region(begin, end)` is False when no window inside text[begin:end] can be valid;
        `prune(index, anchors)` keeps, in order, the anchors of a key that can give a valid window,
        and none when the caller would drop the key's best window whatever it is;
        `bounded(length)` is a string holding every valid window of a key that long (the text with
        what no such window can touch blanked out), whose LCS with the key bounds theirs.
        """
        out: list[Candidate] = []
        n = len(text)
        # The keys sharing enough bigrams, in the order first met; past MAX_CANDIDATES (near-identical
        # names by the thousand, in the benchmarks) the keys the text covers best, by a measure of the
        # key and the text alone: how many other names exist must not decide which of them are tried.
        where, eligible = chosen or self.chosen(text, free)
        if not eligible:
            return out
        from rapidfuzz import fuzz  # here: see the module's docstring
        from rapidfuzz.distance import LCSseq, Levenshtein

        if content is None:
            content = content_flags(text)
        kana = hiragana_flags(text)
        gaps = free.find(0) != -1
        for index in eligible:
            key = self.keys[index]
            # one call in C, before the key's anchors are worked out in Python: a key failing it needs none
            whole = text if bounded is None else bounded(len(key))
            if not LCSseq.similarity(whole, key, processor=None, score_cutoff=_needed(key)):
                continue  # the whole text has too little of the key for any window to reach NEAR_FLOOR
            starts: Iterable[int] = self._starts(index, where)
            if prune is not None:
                starts = prune(index, starts)
                if not starts:
                    continue
            anchors = _reaching(text, key, starts, open_region)
            if not anchors:
                continue  # no window of the key can reach NEAR_FLOOR (most keys that get this far)
            # A window starts and ends on a name character, not on a particle or a bracket (unless the
            # key does): the positions where the key's first and last characters may sit.
            first, last = key[0], key[-1]
            first_kana, last_kana = is_hiragana(first), is_hiragana(last)
            # The window is chosen by edit distance (a substitution is one edit), so 第一生明 beats
            # the shorter 第一生 that fuzz.ratio would prefer; the score reported is fuzz.ratio.
            best: tuple[float, int, float, int, int] | None = None
            for anchor in anchors:
                for begin in (anchor - 1, anchor, anchor + 1):
                    if begin < 0 or not (
                        content[begin] or text[begin] == first or (kana[begin] and first_kana)
                    ):
                        continue
                    for length in range(len(key) - 1, len(key) + 2):
                        end = begin + length
                        if end > n or length < 2 or (gaps and free.find(0, begin, end) != -1):
                            continue
                        tail = end - 1
                        if not (content[tail] or text[tail] == last or (kana[tail] and last_kana)):
                            continue
                        score = fuzz.ratio(text[begin:end], key, processor=None, score_cutoff=NEAR_FLOOR)
                        if not score or not valid(begin, end):
                            continue
                        edits = Levenshtein.normalized_similarity(text[begin:end], key)
                        rank = (edits, -abs(length - len(key)), score, begin, end)
                        if best is None or rank[:3] > best[:3]:
                            best = rank
            if best is not None:
                out.append(Candidate(best[2], key, self.ids[index], best[3], best[4]))
        return out


def _reaching(
    text: str, key: str, anchors: Iterable[int], open_region: Callable[[int, int], bool]
) -> list[int]:
    """The anchors, in order, around which a window can be valid and reach NEAR_FLOOR: one rapidfuzz
    call for all nine windows of an anchor (and one import and one bound for all the anchors).

    fuzz.ratio(w, key) = 200·LCS(w, key) / (len(w) + len(key)); every window is a substring of the
    region below and at least len(key) − 1 (and 2) long, so the region's LCS bounds them all.
    """
    from rapidfuzz.distance import LCSseq  # here: see the module's docstring

    needed, reach, n = _needed(key), len(key) + 2, len(text)
    kept: list[int] = []
    for anchor in anchors:
        begin, end = max(anchor - 1, 0), anchor + reach
        if open_region(begin, min(end, n)) and LCSseq.similarity(
            text[begin:end], key, processor=None, score_cutoff=needed
        ):
            kept.append(anchor)
    return kept


def _needed(key: str) -> int:
    """The least LCS with the key that a window (len(key) − 1 long at least, and 2) needs to reach
    NEAR_FLOOR."""
    return _needed_for(len(key))


@cache  # by the key's length alone: a few dozen lengths
def _needed_for(length: int) -> int:
    shortest = max(2 * length - 1, length + 2)
    return math.ceil(NEAR_FLOOR * shortest / 200 - 1e-9)


def _romaji_fuzzy(names: Mapping[str, tuple[str, ...]]) -> _Fuzzy:
    # A module-level function, not a lambda: the index is pickled into the prepared cache.
    return _Fuzzy(names, min_length=ROMAJI_MIN_FUZZY, content=False)


def entity_strings(entities: Iterable[Entity]) -> dict[str, str]:
    """Each of the entities' own strings (id, name, aliases, reading), the first of its equals."""
    strings: dict[str, str] = {}
    for entity in entities:
        for text in (entity.id, entity.name, *entity.aliases, entity.reading):
            if text is not None:
                strings.setdefault(text, text)
    return strings


class _Sharing:
    """One object for each of the tables' equal keys and id tuples, the entities' own strings first.

    The tables hold the same few hundred thousand id tuples and many of the entities' names under
    several keys; shared, the prepared cache writes each once (the records' equal strings are shared
    the same way, entity strings first: renkei_bot.prepared) and reads back a third of the objects.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._strings = entity_strings(entities)
        self._ids: dict[tuple[str, ...], tuple[str, ...]] = {}

    def table(self, table: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        strings, ids = self._strings, self._ids
        return {strings.setdefault(k, k): ids.setdefault(v, v) for k, v in table.items()}

    def tables(self, tables: Tables) -> Tables:
        return Tables(
            keys=self.table(tables.keys),
            readings=self.table(tables.readings),
            surnames=self.table(tables.surnames),
            spoken=self.table(tables.spoken),
            romaji_surnames=self.table(tables.romaji_surnames),
        )


class EntityIndex:
    """Built once from the entities; `find` is on the hot path of every question."""

    def __init__(
        self,
        entities: Iterable[Entity],
        *,
        stoplist: Iterable[str] = DEFAULT_STOPLIST,
        blockers: Iterable[str] = DEFAULT_BLOCKERS,
        honorifics: Honorifics = NO_HONORIFICS,
    ) -> None:
        self._entities: dict[str, Entity] = {}
        for entity in entities:
            if entity.id in self._entities:
                raise DataError(f"entity {entity.id!r} is defined twice: entity ids must be unique")
            self._entities[entity.id] = entity
        self.stoplist = frozenset(fold(w) for w in stoplist)
        self.honorifics = honorifics
        share = _Sharing(self._entities.values())
        tables = share.tables(build_tables(self._entities.values(), honorifics))
        self._keys = tables.keys
        merged: dict[str, dict[str, None]] = {}
        for table in (tables.keys, tables.readings, tables.surnames):
            for key, ids in table.items():
                merged.setdefault(to_hiragana(key), {}).update(dict.fromkeys(ids))
        self._exact = LongestFirst(
            share.table({k: tuple(v) for k, v in merged.items()}),
            {to_hiragana(w) for w in self.stoplist | {fold(b) for b in blockers}},
        )
        self._fuzzy = _Fuzzy(tables.keys, min_length=FUZZY_MIN_KEY, content=True)
        self._fuzzy_reading = _Fuzzy(tables.readings, min_length=READING_MIN_FUZZY, content=False)
        self.romaji = RomajiMatcher(tables, honorifics, _romaji_fuzzy)
        self._by_type: dict[str, list[Entity]] = {}
        for entity in self._entities.values():
            self._by_type.setdefault(entity.type, []).append(entity)

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(self._entities.values())

    def get(self, entity_id: str) -> Entity:
        try:
            return self._entities[entity_id]
        except KeyError:
            raise KeyError(f"no entity with id {entity_id!r}: add it to data/entities.yaml") from None

    def by_type(self, type: str) -> tuple[Entity, ...]:
        return tuple(self._by_type.get(type, ()))

    def find(self, text: str) -> Resolution:
        """Entities named in `text`, a question already passed through renkei_bot.normalize.normalize."""
        folded, offsets = fold_with_offsets(text, limit=MAX_SCAN)
        kana = to_hiragana(folded)
        free = bytearray(b"\x01" * len(folded))
        hits = self._exact.scan(kana, free, folded)
        claims = [h for h in hits if h.ids]
        blocked = [h for h in hits if not h.ids]
        fuzzy_hits, near = self._fuzzy_pass(folded, claims, blocked)
        claims = [h for h in claims if not any(f.begin <= h.begin and h.end <= f.end for f in fuzzy_hits)]
        free = bytearray(hiragana_flags(kana))
        for h in (*claims, *blocked, *fuzzy_hits):
            free[h.begin : h.end] = b"\x00" * (h.end - h.begin)
        fuzzy_reads, near_reads = self._fuzzy_reading_pass(kana, free)
        romaji_hits = self.romaji.find(folded, kana, offsets, (*claims, *blocked, *fuzzy_hits, *fuzzy_reads))
        resolved: list[tuple[Hit, Method, float]] = [
            *((h, "exact" if folded[h.begin : h.end] in self._keys else "reading", 100.0) for h in claims),
            *((h, "fuzzy", s) for h, s in fuzzy_hits.items()),
            *((h, "reading", s) for h, s in (*fuzzy_reads.items(), *romaji_hits.items())),
        ]
        resolved.sort(key=lambda r: r[0].begin)

        def span(hit: Hit | Candidate) -> tuple[str, int, int]:
            begin, end = offsets[hit.begin], offsets[hit.end - 1] + 1
            return text[begin:end], begin, end

        matches: list[Match] = []
        ties: list[Tie] = []
        for hit, method, score in resolved:
            surface, begin, end = span(hit)
            if len(hit.ids) == 1:
                e = self._entities[hit.ids[0]]
                matches.append(Match(e.id, e.name, e.type, surface, begin, end, method, score))
            else:
                es = [self._entities[i] for i in hit.ids]
                names, types = tuple(e.name for e in es), tuple(e.type for e in es)
                ties.append(Tie(surface, hit.ids, names, types, begin, end, method))
        found = {m.entity_id for m in matches}
        misses: list[NearMiss] = []
        for cand, rivals in (*near, *near_reads):
            surface, begin, end = span(cand)
            ids = tuple(dict.fromkeys(i for c in (cand, *rivals) for i in c.ids))[:3]
            if set(ids) <= found:
                continue  # the name was recognised elsewhere in the question
            names = tuple(self._entities[i].name for i in ids)
            misses.append(NearMiss(surface, names, cand.score, begin, end, ids))
        return Resolution(tuple(matches), tuple(ties), tuple(misses))

    def suggest(self, name: str, *, limit: int = 3) -> tuple[str, ...]:
        """Closest entity names to an unknown name, closest first, for 「もしかして」."""
        query = fold(name)
        if len(query) < MIN_KEY:
            return ()
        pool = list(map(self._fuzzy.keys.__getitem__, self._fuzzy.sharing(query, minimum=1)))
        if query in self._keys:
            pool.append(query)
        from rapidfuzz import fuzz, process  # here: see the module's docstring

        ranked = process.extract(
            query, pool, scorer=fuzz.ratio, processor=None, score_cutoff=SUGGEST_CUTOFF, limit=None
        )
        ranked.sort(key=lambda r: (-r[1], abs(len(r[0]) - len(query))))
        names: dict[str, None] = {}
        for key, _score, _ in ranked:
            names.update((self._entities[i].name, None) for i in self._keys[key])
        return tuple(names)[:limit]

    # --- passes ----------------------------------------------------------------------------
    def _fuzzy_pass(
        self, text: str, claims: Sequence[Hit], blocked: Sequence[Hit]
    ) -> tuple[dict[Hit, float], list[tuple[Candidate, list[Candidate]]]]:
        fuzzy = self._fuzzy
        free = bytearray(b"\x01" * len(text))
        chosen = fuzzy.chosen(text, free)
        if not chosen[1]:
            return {}, []  # no key shares enough of the text's bigrams: nothing to score
        owner = [-1] * len(text)
        taken = [*claims, *blocked]
        for number, hit in enumerate(taken):
            owner[hit.begin : hit.end] = [number] * (hit.end - hit.begin)
        stop = bytearray(len(text))
        for hit in blocked:
            stop[hit.begin : hit.end] = b"\x01" * (hit.end - hit.begin)
        content = content_flags(text)
        # content characters outside exact spans, before each position
        loose_before = list(accumulate([c and o < 0 for c, o in zip(content, owner, strict=True)], initial=0))
        if not loose_before[-1]:
            return {}, []  # every name character is in an exact span: nothing left to be a typo
        # content characters outside stop-list words, before each position
        open_before = list(accumulate([c and not s for c, s in zip(content, stop, strict=True)], initial=0))
        content_before = list(accumulate(content, initial=0))
        memo: dict[tuple[int, int], bool] = {}

        def valid(begin: int, end: int) -> bool:
            # A window may swallow whole exact spans but never cut one, must add a content character
            # to them, and must hold two content characters outside stop-list words (講演会 is nobody).
            known = memo.get((begin, end))
            if known is None:
                first, last = owner[begin], owner[end - 1]
                known = (
                    word_edges(text, begin, end)
                    and not (first >= 0 and taken[first].begin < begin)
                    and not (last >= 0 and taken[last].end > end)
                    and loose_before[end] > loose_before[begin]
                    and open_before[end] - open_before[begin] >= 2
                )
                memo[(begin, end)] = known
            return known

        def open_region(begin: int, end: int) -> bool:
            # Some window inside may add a content character to the exact spans, and hold two outside
            # stop-list words: a necessary condition of valid(), checked once per anchor.
            return loose_before[end] > loose_before[begin] and open_before[end] - open_before[begin] >= 2

        # Every window of an anchor a (starting at a − 1 … a + 1, len(key) ± 1 long) overlaps an exact
        # span h when h.begin − len(key) + 2 < a < h.end − 1; a valid window overlapping h holds all of
        # it (it never cuts one). So such an anchor gives no valid window when h is longer than
        # len(key) + 1, and only windows dropped below (admissible) when h claims the key's entity.
        spans = [(h.begin, h.end, h.ids) for h in taken]

        def prune(index: int, anchors: Iterable[int]) -> list[int]:
            length, ids = len(fuzzy.keys[index]), fuzzy.ids[index]
            kept: list[int] = []
            useful = False  # some anchor may give a window of another entity than the claims it holds
            for a in anchors:
                dead = owned = False
                for b, e, claimed in spans:
                    if b - length + 2 < a < e - 1:
                        if e - b > length + 1:
                            dead = True
                            break
                        if claimed and not set(claimed).isdisjoint(ids):
                            owned = True
                if not dead:
                    kept.append(a)
                    useful = useful or not owned
            return kept if useful else []

        blanked: dict[int, str] = {}

        def bounded(length: int) -> str:
            # A key's window is len(key) + 1 long at most and never cuts an exact span, so it never
            # touches one longer than that (prune's dead anchors): the text with those spans blanked
            # out (NUL is in no key) holds every valid window, and a key with too little in common with
            # it is dropped by one call in C, before its anchors are worked out.
            found = blanked.get(length)
            if found is None:
                found = text
                for h in taken:
                    if h.end - h.begin > length + 1:
                        found = found[: h.begin] + _BLANK * (h.end - h.begin) + found[h.end :]
                blanked[length] = found
            return found

        candidates = fuzzy.candidates(
            text,
            free,
            valid,
            open_region=open_region,
            prune=prune if spans else None,
            chosen=chosen,
            content=content,
            bounded=bounded if spans else None,
        )

        def swallowed(c: Candidate) -> list[Hit]:
            return [h for h in claims if c.begin <= h.begin and h.end <= c.end]

        def admissible(c: Candidate) -> bool:
            # Extending an exact match of the same entity (全国連携講演会 + のテ) says nothing new.
            return not any(set(h.ids) & set(c.ids) for h in swallowed(c))

        def consistent(c: Candidate) -> bool:
            # Fuzzy may grow an exact match into a longer name (北海道 + 町村界 → 北海道町村会), never
            # contradict it, and must fit the window better than the exact spans alone do.
            from rapidfuzz import fuzz  # here: see the module's docstring

            inside = swallowed(c)
            alone = fuzz.ratio("".join(text[h.begin : h.end] for h in inside), c.key, processor=None)
            return all(text[h.begin : h.end] in c.key for h in inside) and (not inside or alone < c.score)

        def suggestible(c: Candidate) -> bool:
            # A near miss must rest mostly on unrecognised text: 大阪府市長会 (市長会 is new) is
            # one, 回全国連携シンポジウム (only 回 is new) is not.
            loose = loose_before[c.end] - loose_before[c.begin]
            return 2 * loose >= content_before[c.end] - content_before[c.begin]

        return decide([c for c in candidates if admissible(c)], consistent, suggestible)

    def _fuzzy_reading_pass(
        self, kana: str, free: bytearray
    ) -> tuple[dict[Hit, float], list[tuple[Candidate, list[Candidate]]]]:
        if b"\x01" * READING_MIN_FUZZY not in free:
            return {}, []  # no run of unclaimed kana is long enough to be a reading

        def fits(b: int, e: int) -> bool:
            # a guess inside a longer word spelled in kana (かんきょう in しんりんかんきょうぜい) is none:
            # a reading guessed fuzzily begins and ends where a word may (a run's edge, a particle)
            return (
                e - b >= READING_MIN_FUZZY
                and _word_edge(kana, b, before=True)
                and _word_edge(kana, e, before=False)
            )

        candidates = self._fuzzy_reading.candidates(kana, free, fits)
        return decide(candidates, lambda c: True, lambda c: True)
