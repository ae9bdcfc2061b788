"""Words spelled out in hiragana or romaji (「かいいんとうろくじちたいすう」「konkatsu」) → as the records
write them (会員登録自治体数, 婚活), before anything else reads the question.

A question typed in kana or Latin letters hides its words from Sudachi and from the vocabulary, which
match written forms. The lexicon maps readings to written forms: the question vocabulary (facets, intent
cues, stop terms, synonyms: curated, so it wins), the entity names, and the records' own words (Sudachi's
reading of every word of the titles and details). A run of hiragana is rewritten only when it can be cut
wholly into known readings and one piece is written in kanji or katakana; a reading that the records
also write in kana (た, です, ください) stays kana. A Latin word is rewritten when its folded romaji is a
known reading or a cut of them (miryoku → 魅力, jichitai → 自治体); a word that only gives kana (no, ga,
shita) is rewritten only beside one that gives a word, so an English sentence stays English. Names in
romaji that the lexicon does not hold are left to the entity readings (nlu/romaji_match.py).

Kanji typed with the input method's wrong choice are slips of the same reading (_homophones): a name
(郡馬県 → 群馬県), or one to three nouns the records never write that read as one word they do write
(会上 → 会場, 講縁会 → 講演会) or are one kanji off one, the two kanji read alike (教定 → 協定).

The lexicon is built on the first question that needs it, from at most MAX_TEXTS distinct record texts
(the same words at any corpus size: the records' vocabulary does not grow with copies of it).
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from renkei_bot.errors import DataError
from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu.fuzzy_choice import one_edit_away
from renkei_bot.nlu.romaji import TABLE, fold_romaji, romaji_key
from renkei_bot.normalize import to_hiragana

COMPOUND = 4  # a written word this long is also learnt by its parts
MIN_RUN = 3
SHORT_RUN = 4  # a run shorter than this is respelled only as one word (れいわ → 令和)  # hiragana: shorter runs are particles and endings (いつ, たの)
MAX_PIECE = 16  # the longest reading tried as one piece
MAX_TEXTS = 4000  # distinct record texts read for the records' words
RUNS_KEPT = 4096  # kana runs whose respelling is remembered
LOANWORD_LONGEST = 12  # the longest loanword looked for in hiragana
LOANWORD_KANA = 5  # a loanword typed in hiragana this long needs no long-vowel mark to be one
_KANA_RUN = re.compile(rf"[ぁ-ゖー]{{{MIN_RUN},}}")
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])")
_KATAKANA_RUN = re.compile(r"[ァ-ヶー]{3,}")
# A class holding the kanji range takes about 1 ms to compile, at every start: _KANJI is the only one
# here, and "kanji or katakana", "kanji or kana" are asked of it and of a kana class (_written).
_KANJI = re.compile(r"[一-龥々]")
_KATAKANA = re.compile(r"[ァ-ヶ]")
_KANA = re.compile(r"[ぁ-ゖァ-ヺ]")
_ONLY_KANA = re.compile(r"[ぁ-ゖー]+")


def _written(text: str) -> bool:
    """Kanji or katakana in it: a piece worth rewriting."""
    return bool(_KANJI.search(text) or _KATAKANA.search(text))


@lru_cache(maxsize=1)
def _particles() -> dict[str, str]:
    """Romaji particles whose Hepburn spelling is their sound, not their kana (wa → は): hepburn.yaml."""
    import yaml  # imported on first use: a start from the cache parses no YAML

    try:
        raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
        particles = raw.get("particles") or {}
        return {str(k): str(v) for k, v in particles.items()}
    except (OSError, yaml.YAMLError, AttributeError) as exc:
        raise DataError(f"{TABLE}: 'particles:' must map romaji to kana: {exc}") from None


SHORT_READING = 2  # a written word read in this many kana or fewer (下, 等) loses to kana pieces
SHORT_COST = 2.5  # …by costing more than two pieces


class NameScan:
    """Where names occur in a text, left to right, the longest at each place, not overlapping (what a
    regex alternation of them, longest first, finds). By one regex for a few thousand names; past that
    (a large corpus's), by looking the text's substrings up, which costs what the text's length does."""

    def __init__(self, names: Sequence[str], *, regex_up_to: int = 2000) -> None:
        ordered = sorted(set(names), key=len, reverse=True)
        regex = "|".join(map(re.escape, ordered))
        self._regex = re.compile(regex) if len(ordered) <= regex_up_to else None
        self._names = frozenset(ordered)
        self._lengths = tuple(sorted({len(n) for n in ordered}, reverse=True))
        # the lengths of the names by their first character, longest first: the only ones to try there
        by_first: dict[str, set[int]] = {}
        for name in ordered:
            by_first.setdefault(name[:1], set()).add(len(name))
        self._by_first = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in by_first.items()}

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._regex is not None:
            return [m.span() for m in self._regex.finditer(text)]
        out: list[tuple[int, int]] = []
        names, by_first, n, i = self._names, self._by_first, len(text), 0
        while i < n:
            for length in by_first.get(text[i], ()):
                if i + length <= n and text[i : i + length] in names:
                    out.append((i, i + length))
                    i += length
                    break
            else:
                i += 1
        return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Readings → (written form, cost of using it as one piece of a cut)."""

    kana: dict[str, tuple[str, float]]  # hiragana reading
    romaji: dict[str, tuple[str, float]]  # folded romaji of a reading
    longest_romaji: int
    names: NameScan | None = None  # names written partly in kana (東北絆まつり): left as they are
    latin: frozenset[str] = frozenset()  # Latin words the records write (TOKYO, KITTE): left as they are
    # a katakana word the records write in Latin letters (ツイッター → Twitter), by Sudachi's reading;
    # katakana the records write themselves stays
    by_sound: dict[str, str] = field(default_factory=dict)
    katakana: frozenset[str] = frozenset()
    # names written in kanji, by their reading, when no other name reads the same (ぐんまけん → 群馬県):
    # a question's word that reads the same but is written otherwise is an input-method slip (郡馬県)
    by_reading: dict[str, str] = field(default_factory=dict)
    name_prefixes: frozenset[str] = frozenset()  # every beginning of those readings
    # every beginning of a kana reading (か, かい, かいい …): a cut stops lengthening a piece that
    # begins no reading
    kana_prefixes: frozenset[str] = frozenset()
    # words of the records and the vocabulary written in kanji (会場, 講演会, 町村会: up to SLIP_TOKENS
    # nouns of the records together), by their reading, when nothing else they write reads the same
    # (こうえん: 講演, 公園 and 後援 are left alone): 「会上」「講縁会」「町村解」 are input-method slips
    by_word_reading: dict[str, str] = field(default_factory=dict)
    written: frozenset[str] = frozenset()  # every such word, one reading or not: never a slip
    # those words by each of their characters masked (協定 → "\0定", "協\0"): a word one character
    # off one of them only, the two characters read alike, is a slip (教定 → 協定)
    by_mask: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # words the records write with other okurigana than Sudachi's normalised form, by that form, when
    # the records never write the form itself and write it one way only (申し入れ → 申入れ, 取り組み →
    # 取組): the question's spelling is read as theirs
    by_normal: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, curated: Iterable[str], names: Iterable[str], texts: Iterable[str]) -> Lexicon:
        curated, names = list(curated), list(names)
        kana_words: set[str] = set()  # readings the records or the vocabulary write in kana
        chosen: dict[str, str] = {}
        for word in curated:  # whole words, first come first kept
            _add_word(word, chosen, kana_words)
        from_vocabulary = dict(chosen)
        for name in names:
            _add_word(name, chosen, kana_words)
        named = {r for r, w in chosen.items() if from_vocabulary.get(r) != w}
        kana_names = sorted({n for n in names if _KANA_RUN.search(n)}, key=len, reverse=True)
        counts: Counter[tuple[str, str]] = Counter()
        words_read: dict[str, set[str]] = {}  # reading → the words written in kanji that read so
        for word in (*curated, *names):
            _add_slip_word(word, tok.reading_form(word) or "", words_read)
        latin: set[str] = set()
        by_sound: dict[str, str] = {}
        katakana: set[str] = set()
        surfaces: set[str] = set()  # every word the records write
        normal: dict[str, set[str]] = {}  # a normalised form → the records' other spellings of it
        for text in texts:
            for word in _LATIN_WORD.findall(text):
                if word.lower() not in latin and (sound := tok.reading_form(word)):
                    by_sound.setdefault(sound, word)
                latin.add(word.lower())
            katakana.update(_KATAKANA_RUN.findall(text))
            tokens = tok.tokenize(text)
            for begin, end in _noun_windows(tokens):
                _add_slip_word(
                    text[tokens[begin].begin : tokens[end - 1].end], _read(tokens[begin:end]), words_read
                )
            for token in tokens:
                surfaces.add(token.surface)
                if token.normalized != token.surface and _respellable(token):
                    normal.setdefault(token.normalized, set()).add(token.surface)
                if not token.reading or not _ONLY_KANA.fullmatch(token.reading):
                    continue
                if _ONLY_KANA.fullmatch(token.surface):
                    kana_words.add(token.reading)
                elif _written(token.surface):
                    counts[token.reading, token.surface] += 1
                    if len(token.surface) >= COMPOUND:  # 三井住友海上…: its parts (三井, 住友) too
                        for surface, reading in tok.short_readings(token.surface):
                            if _written(surface) and _ONLY_KANA.fullmatch(reading):
                                counts[reading, surface] += 1
        for (reading, surface), n in counts.most_common():
            current = chosen.setdefault(reading, surface)
            if current != surface and reading not in named and counts[reading, current] < n:
                # こうえん: the records write 講演 far more than the vocabulary's 後援
                chosen[reading] = surface
        for reading in kana_words:
            chosen[reading] = reading  # た, です, ください: kana in the records too, left as written
        # a word read in one kana (ど → 度, か → 課) is no spelling anyone types: those stay kana
        kana = {r: (w, _cost(r, w)) for r, w in chosen.items() if len(r) > 1 or w == r}
        romaji: dict[str, tuple[str, float]] = {}
        # kana words first, then the shorter readings: "no" is の, not 載っ (のっ)
        for reading, written in sorted(chosen.items(), key=lambda rw: (rw[0] != rw[1], len(rw[0]))):
            key = romaji_key(reading)
            if key:
                romaji.setdefault(key, (written, _cost(reading, written)))
        for spelled, particle in _particles().items():
            romaji[spelled] = (particle, 1.0)
        protect = NameScan(kana_names) if kana_names else None
        known = frozenset(w for ws in words_read.values() for w in ws)
        read_as: dict[str, set[str]] = {}
        for name in names[:MAX_TEXTS]:  # the same names at any corpus size, as for the records' words
            if _KANJI.search(name) and (sound := tok.reading_form(name)):
                read_as.setdefault(sound, set()).add(name.replace(" ", ""))  # 「高橋 はるみ」 is 高橋はるみ
        return cls(
            kana,
            romaji,
            max((len(k) for k in romaji), default=0),
            protect,
            frozenset(latin),
            by_sound,
            frozenset(katakana),
            {r: next(iter(w)) for r, w in read_as.items() if len(w) == 1},
            frozenset(r[:i] for r in read_as for i in range(1, len(r) + 1)),
            frozenset(r[:i] for r in kana for i in range(1, len(r) + 1)),
            {r: next(iter(w)) for r, w in words_read.items() if len(w) == 1},
            known,
            _masks(known),
            {n: next(iter(ws)) for n, ws in normal.items() if len(ws) == 1 and n not in surfaces},
        )

    @staticmethod
    def cut(
        run: str,
        table: dict[str, tuple[str, float]],
        longest: int,
        prefixes: frozenset[str] = frozenset(),
    ) -> list[str] | None:
        """The cheapest cut of `run` into keys of `table` (their written forms), or None."""
        pieces = Lexicon.cut_spans(run, table, longest, prefixes)
        return None if pieces is None else [written for written, _, _ in pieces]

    @staticmethod
    def cut_spans(
        run: str,
        table: dict[str, tuple[str, float]],
        longest: int,
        prefixes: frozenset[str] = frozenset(),
    ) -> list[tuple[str, int, int]] | None:
        """The cheapest cut of `run` into keys of `table`: (written form, start, end) of each piece, or
        None. `prefixes`, when given, holds every beginning of every key: a piece that begins none ends
        the search."""
        n = len(run)
        best: list[tuple[float, int] | None] = [None] * (n + 1)  # (cost, start of the last piece)
        best[0] = (0.0, 0)
        for i in range(n):
            here = best[i]
            if here is None:
                continue
            for j in range(i + 1, min(n, i + longest) + 1):
                piece = run[i:j]
                if prefixes and piece not in prefixes:
                    break  # no key begins so: none longer either
                entry = table.get(piece)
                if entry is None:
                    continue
                cost = here[0] + entry[1]
                there = best[j]
                if there is None or cost < there[0]:
                    best[j] = (cost, i)
        if best[n] is None:
            return None
        pieces: list[tuple[str, int, int]] = []
        j = n
        while j > 0:
            step = best[j]
            assert step is not None
            pieces.append((table[run[step[1] : j]][0], step[1], j))
            j = step[1]
        pieces.reverse()
        return pieces


SLIP_TOKENS = 3  # the most tokens one word's slip is cut into (講 + 縁 + 会)
SLIP_READING = 3  # a word read in fewer kana (会, 回: かい) is too short to tell a slip by
_NUMBER = ("名詞", "数詞")


def _noun_windows(tokens: Sequence[tok.Token]) -> Iterator[tuple[int, int]]:
    """[begin, end) of every run of one to SLIP_TOKENS nouns (and their affixes) among `tokens`;
    numbers (and 何) end a run: 1日 is no slip of ①日, nor 何階 of 何回."""
    nouns = [tok.is_noun_like(t) and t.pos[:2] != _NUMBER for t in tokens]  # each token once
    n = len(tokens)
    for begin in range(n):
        if not nouns[begin]:
            continue  # no run begins on a word that is no noun
        for end in range(begin + 1, min(n, begin + SLIP_TOKENS) + 1):
            if not nouns[end - 1]:
                break
            yield begin, end


def _read(tokens: Sequence[tok.Token]) -> str:
    return "".join(t.reading for t in tokens)


def _add_slip_word(word: str, reading: str, words_read: dict[str, set[str]]) -> None:
    if (
        len(word) >= 2
        and len(reading) >= SLIP_READING
        and _KANJI.search(word)
        and _ONLY_KANA.fullmatch(reading)
    ):
        words_read.setdefault(reading, set()).add(word)


def _masked(word: str) -> Iterator[tuple[int, str]]:
    """Each place of `word` holding a kanji, and the word with that character masked."""
    for i, ch in enumerate(word):
        if _KANJI.match(ch):
            yield i, f"{word[:i]}\0{word[i + 1 :]}"


def _masks(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for word in words:
        for _, mask in _masked(word):
            found.setdefault(mask, set()).add(word)
    return {mask: tuple(sorted(ws)) for mask, ws in found.items()}


@lru_cache(maxsize=4096)
def _char_reading(ch: str) -> str:
    return tok.reading_form(ch) or ""


def _one_char_slip(lexicon: Lexicon, said: str) -> str | None:
    """The one word of the records `said` is a character off, when the two characters read alike
    (教定 → 協定: きょう; 締決式 → 締結式: けつ)."""
    alike = {
        written
        for i, mask in _masked(said)
        if (sound := _char_reading(said[i]))
        for written in lexicon.by_mask.get(mask, ())
        if _char_reading(written[i]) == sound
    }
    return next(iter(alike)) if len(alike) == 1 else None


def _cost(reading: str, written: str) -> float:
    return SHORT_COST if written != reading and len(reading) <= SHORT_READING else 1.0


def _add_word(word: str, chosen: dict[str, str], kana_words: set[str]) -> None:
    reading = tok.reading_form(word)
    if not reading:
        return
    if _ONLY_KANA.fullmatch(word):
        kana_words.add(reading)
    elif _written(word):
        chosen.setdefault(reading, word)


class Speller:
    def __init__(
        self,
        curated: Callable[[], Iterable[str]],
        names: Callable[[], Iterable[str]],
        texts: Callable[[], Iterable[str]],
        *,
        cache: Callable[[Callable[[], Lexicon]], Lexicon] | None = None,
    ) -> None:
        """`cache(build)`: the lexicon kept from an earlier run of the same data, else `build()` kept."""
        self._sources = (curated, names, texts)
        self._cache = cache
        self._lexicon: Lexicon | None = None
        self._lock = threading.Lock()
        # (kana run, its grammar spans) → the run respelled: はいつですか, について, を教えて recur
        # across questions, and each would be cut again (a search over every piece of the run)
        self._runs: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}
        self._loanwords: dict[str, str] | None = None  # hiragana → the records' katakana or Latin word

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            with self._lock:
                if self._lexicon is None:
                    curated, names, texts = self._sources

                    def build() -> Lexicon:
                        return Lexicon.build(curated(), names(), _capped(texts()))

                    self._lexicon = build() if self._cache is None else self._cache(build)
        return self._lexicon

    def _kana_loanwords(self, text: str, begin: int, end: int) -> list[tuple[int, int, str]]:
        """「ついったー始めたのいつ」: a loanword of the records (ツイッター → Twitter, サミット) typed in
        hiragana inside a kana run, found by its spelling; one with a long-vowel mark or LOANWORD_KANA
        letters, so that everyday words (きって) stay as they are."""
        if self._loanwords is None:
            lexicon = self.lexicon
            words = {to_hiragana(k): k for k in lexicon.katakana if len(k) >= MIN_RUN}
            self._loanwords = {**words, **lexicon.by_sound}
        table, edits, i = self._loanwords, [], begin
        while i < end:
            for j in range(min(end, i + LOANWORD_LONGEST), i + MIN_RUN - 1, -1):
                word = text[i:j]
                if word in table and ("ー" in word or len(word) >= LOANWORD_KANA):
                    edits.append((i, j, table[word]))
                    i = j
                    break
            else:
                i += 1
        return edits

    def _spelled_run(self, run: str, grammar: Sequence[tuple[int, int]]) -> str:
        """_kana of a run, remembered (up to RUNS_KEPT runs; a pure function of the lexicon)."""
        key = (run, tuple(grammar))
        found = self._runs.get(key)
        if found is None:
            if len(self._runs) >= RUNS_KEPT:
                self._runs.clear()  # any text can be a run: it must not grow without bound
            found = self._runs[key] = _kana(self.lexicon, run, grammar)
        return found

    def respell(
        self,
        text: str,
        keep: Sequence[tuple[int, int]] = (),
        *,
        tokenize: Callable[[str], Sequence[tok.Token]] = tok.tokenize,
    ) -> str:
        """`text` with its spelled-out words written as the records write them; spans in `keep` (the
        names already found) and names written partly in kana stay as they are. `tokenize` may hand
        back tokens the caller keeps for the same text."""
        lexicon = self.lexicon
        text = _homophones(lexicon, text, keep, tokenize)
        if not _KANA_RUN.search(text) and not _LATIN_WORD.search(text) and not _KATAKANA_RUN.search(text):
            return text
        typed = _katakana_typed(lexicon, text, keep)
        # 「カンケイジンコウ ヲ マナブ」: words set apart by spaces, as romaji are
        spaced_words = typed != text
        text = typed
        kept = [*keep, *lexicon.names.spans(text)] if lexicon.names else list(keep)

        def free(match: re.Match[str]) -> bool:
            return not any(b < match.end() and match.start() < e for b, e in kept)

        edits = []
        # a run's parts outside the names found: 「ぐんまけんしちょうかいとのきょうてい」 → とのきょうてい
        runs = [part for m in _KANA_RUN.finditer(text) for part in _outside(m.start(), m.end(), kept)]
        if runs:
            tokens = tokenize(text)
            gaps = []  # each run without the loanwords found in it, respelled as a run of its own
            for run_begin, run_end in runs:
                loanwords = self._kana_loanwords(text, run_begin, run_end)
                edits += loanwords
                cuts = [run_begin, *(x for b, e, _ in loanwords for x in (b, e)), run_end]
                gaps += [(b, e) for b, e in list(itertools.pairwise(cuts))[::2] if e > b]  # not the loanwords
            for run_begin, run_end in gaps:
                begin, end = (
                    _whole_words(tokens, run_begin, run_end)
                    if run_end - run_begin >= MIN_RUN
                    else (run_begin, run_end)  # _whole_words only shortens a run: too short either way
                )
                if end - begin < MIN_RUN:
                    if (inside := _kana_in_compound(lexicon, text, tokens, begin, end)) is not None:
                        edits.append((begin, end, inside))
                    continue
                # Sudachi's particles are trusted in a question written with kanji, not in one spelled
                # out wholly in kana (しんりんかんきょうぜい: ぜ and い are no particles)
                grammar = _grammar_spans(tokens, begin, end) if _KANJI.search(text) else []
                if (spelled := self._spelled_run(text[begin:end], grammar)) != text[begin:end]:
                    edits.append((begin, end, spelled))
        words = [m for m in _LATIN_WORD.finditer(text) if free(m) and m.group().lower() not in lexicon.latin]
        # 「シンポジウム no 基調講演 wa dare?」: Japanese words joined by romaji particles
        unlatin = _LATIN_WORD.sub("", text)
        mixed = bool(_KANJI.search(unlatin) or _KANA.search(unlatin))
        latin = _latin(lexicon, words, mixed=mixed)
        edits += latin
        for m in _KATAKANA_RUN.finditer(text):  # ツイッター → Twitter, as the records write it
            if free(m) and m.group() not in lexicon.katakana:
                written = lexicon.by_sound.get(to_hiragana(m.group())) or _katakana_slip(lexicon, m.group())
                if written:
                    edits.append((m.start(), m.end(), written))
        if not edits:
            return text
        out: list[str] = []
        last = 0
        for begin, end, spelled in sorted(edits):
            out.append(text[last:begin])
            out.append(spelled)
            last = end
        out.append(text[last:])
        spelled = "".join(out)
        # the spaces that separated romaji or katakana-typed words separate nothing now; a space a
        # question typed in kanji (「当日 開祭式」) keeps its place
        joined = bool(latin) or spaced_words
        return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", spelled) if joined else spelled


def _kana_in_compound(
    lexicon: Lexicon, text: str, tokens: Sequence[tok.Token], begin: int, end: int
) -> str | None:
    """「淹れかた講座」: one short word in kana between words written in kanji, which Sudachi reads as
    the word the records write in kanji (方): written so. Too short to respell on its own reading; its
    place between kanji words and Sudachi's normalised form make it that word."""
    at = next((i for i, t in enumerate(tokens) if t.begin == begin and t.end == end), None)
    if at is None or at == 0 or at + 1 >= len(tokens):
        return None
    token, before, after = tokens[at], tokens[at - 1], tokens[at + 1]
    if not (_KANJI.search(before.surface) and _KANJI.search(after.surface)):
        return None
    if token.normalized == token.surface or not _KANJI.search(token.normalized):
        return None
    written = lexicon.kana.get(token.reading)
    return token.normalized if written is not None and written[0] == token.normalized else None


_HIRAGANA = re.compile(r"[ぁ-ゖ]")
KATAKANA_TYPED = 0.8  # this share of a question's kana in katakana, and no kanji: typed in katakana


def _katakana_typed(lexicon: Lexicon, text: str, keep: Sequence[tuple[int, int]]) -> str:
    """「カンケイジンコウ ヲ マナブ コウエンカイ」: a question typed wholly in katakana is read as the
    hiragana it spells (then respelled like any kana), except the katakana words the records write
    (サミット), those a Latin word of theirs sounds like (ツイッター) and the names already found."""
    if _KANJI.search(text):
        return text
    katakana, hiragana = len(_KATAKANA.findall(text)), len(_HIRAGANA.findall(text))
    if katakana < MIN_RUN or katakana < KATAKANA_TYPED * (katakana + hiragana):
        return text

    def read(match: re.Match[str]) -> str:
        word, inside = match.group(), any(b < match.end() and match.start() < e for b, e in keep)
        known = word in lexicon.katakana or to_hiragana(word) in lexicon.by_sound  # サミット, ツイッター
        return word if inside or known else to_hiragana(word)

    return re.sub(r"[ァ-ヶー]+", read, text)


KATAKANA_SLIP = 6  # a katakana word this long, one letter off a word of the records, is that word


def _katakana_slip(lexicon: Lexicon, word: str) -> str | None:
    """「シンポジュウム」「パネルディスカション」: a long katakana word the records do not write, one
    letter added, dropped or changed from exactly one word they do write, is that word."""
    if len(word) < KATAKANA_SLIP:
        return None
    return one_edit_away(word, lexicon.katakana, shortest=KATAKANA_SLIP)


HOMOPHONE_TOKENS = 4  # 千葉県 + 町 + 村 + 回: the most tokens one name's slip is cut into
_PROPER = ("名詞", "固有名詞")
_PERSON = "人名"  # a one-word slip Sudachi reads as a given name (教定: のりさだ)


def _homophones(
    lexicon: Lexicon,
    text: str,
    keep: Sequence[tuple[int, int]],
    tokenize: Callable[[str], Sequence[tok.Token]],
) -> str:
    """「郡馬県の市長会」「群馬県市町会」「ねぎサミットの会上」: words that read as a name or as a word
    of the records but are written otherwise, cutting no name found, written as the records write
    them (same length, at least half of it the same characters: a slip of the input method, not
    another word; a name the records write partly in kana, 高橋はるみ, may be said all in kanji)."""
    if not (lexicon.by_reading or lexicon.by_word_reading or lexicon.by_normal) or not _KANJI.search(text):
        return text
    tokens = tokenize(text)
    edits = _name_slips(lexicon, text, tokens, keep)
    edits += _word_slips(lexicon, text, tokens, [*keep, *((b, e) for b, e, _ in edits)])
    edits += _okurigana(lexicon, tokens, [*keep, *((b, e) for b, e, _ in edits)])
    for begin, end, written in sorted(edits, reverse=True):
        text = text[:begin] + written + text[end:]
    return text


def _respellable(token: tok.Token) -> bool:
    """A noun written with kanji, not a numeral (千 is 1000 normalised): its okurigana may differ."""
    return token.pos[0] == "名詞" and token.pos[1] != "数詞" and bool(_KANJI.search(token.surface))


def _okurigana(
    lexicon: Lexicon, tokens: Sequence[tok.Token], keep: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Words written with other okurigana than the records write them (申し入れ → 申入れ)."""
    edits = []
    by_normal = lexicon.by_normal
    for t in tokens:
        written = by_normal.get(t.normalized)  # first: most words have no other okurigana
        if not written or written == t.surface or not _respellable(t):
            continue
        if not any(b < t.end and t.begin < e for b, e in keep):
            edits.append((t.begin, t.end, written))
    return edits


def _name_slips(
    lexicon: Lexicon, text: str, tokens: Sequence[tok.Token], keep: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Slips of a name: words beginning at a proper noun that read as a name (郡馬県 → 群馬県)."""
    prefixes, edits, taken = lexicon.name_prefixes, [], -1
    # a name begins at a proper noun, or at its start spelled in kana (「なら県町村会」)
    starts = [
        i
        for i, t in enumerate(tokens)
        if t.reading in prefixes
        and (t.pos[:2] == _PROPER or (len(t.surface) >= 2 and _ONLY_KANA.fullmatch(t.surface)))
    ]
    for i in starts:
        first = tokens[i]
        if first.begin < taken:
            continue
        reading, found = "", None
        for last in tokens[i : i + HOMOPHONE_TOKENS]:  # the longest name the words read as
            reading += last.reading
            if reading not in prefixes:
                break
            written = lexicon.by_reading.get(reading)
            begin, end = first.begin, last.end
            # a name found inside may grow into the longer one (群馬県 + 市町会); none may be cut
            crossed = any(b < end and begin < e and not (begin <= b and e <= end) for b, e in keep)
            # 「高橋春美」 for 高橋はるみ: a name written partly in kana, said wholly in kanji that read so
            kana_part = (
                written is not None
                and bool(_ONLY_KANA.search(written))
                and not _ONLY_KANA.search(text[begin:end])
            )
            if written is not None and not crossed and (_slip(text[begin:end], written) or kana_part):
                found = (begin, end, written)
        if found is not None:
            edits.append(found)
            taken = found[1]
    return edits


def _word_slips(
    lexicon: Lexicon, text: str, tokens: Sequence[tok.Token], keep: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Slips of a word of the records: one to SLIP_TOKENS nouns that the records and the vocabulary
    never write, read as one word they do write and no other (会上 → 会場, 講縁会 → 講演会)."""
    if not lexicon.by_word_reading:
        return []
    found: dict[int, tuple[int, int, str]] = {}  # the first token → the longest slip beginning there
    known = lexicon.written
    begins, ends = [t.begin for t in tokens], [t.end for t in tokens]
    for first, last in _noun_windows(tokens):
        begin, end = begins[first], ends[last - 1]
        said = text[begin:end]
        if end - begin < 2 or said in known:
            continue  # most windows: a word the records or the vocabulary write
        if any(b < end and begin < e for b, e in keep):
            continue
        written = lexicon.by_word_reading.get(_read(tokens[first:last]))
        if written is None or not _slip(said, written, kanji=True):
            # a word of the dictionary (機関, 何階) is meant as written; one cut into pieces is not
            written = (
                _one_char_slip(lexicon, said) if last - first > 1 or _PERSON in tokens[first].pos else None
            )
        if written is not None:
            found[first] = (begin, end, written)
    edits: list[tuple[int, int, str]] = []
    for _, (begin, end, written) in sorted(found.items()):
        if not edits or edits[-1][1] <= begin:
            edits.append((begin, end, written))
    return edits


def _slip(said: str, written: str, *, kanji: bool = False) -> bool:
    """`said` the same length as `written`, at least half of it the same characters; with `kanji`,
    the characters that differ are kanji on both sides (会上 → 会場, not 1日 → ①日)."""
    if said == written or len(said) != len(written):
        return False
    differ = [(a, b) for a, b in zip(said, written, strict=True) if a != b]
    if kanji and not all(_KANJI.match(a) and _KANJI.match(b) for a, b in differ):
        return False
    return 2 * (len(written) - len(differ)) >= len(written)


def _outside(begin: int, end: int, kept: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [begin, end) that no kept span covers."""
    parts = [(begin, end)]
    for b, e in kept:
        cut = [((start, min(stop, b)), (max(start, e), stop)) for start, stop in parts]
        parts = [piece for pair in cut for piece in pair if piece[0] < piece[1]]
    return parts


def _covers(begin: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the spans cover [begin, end) whole."""
    at = begin
    for b, e in sorted(spans):
        if b <= at < e:
            at = e
    return at >= end


def _grammar_spans(tokens: Sequence[tok.Token], begin: int, end: int) -> list[tuple[int, int]]:
    """The particles, auxiliaries and verbs Sudachi reads inside [begin, end), and the honorific お/ご
    before a word (「あったかお教え」: た, か, お, not 孝夫), as offsets into the span."""
    return [
        (t.begin - begin, t.end - begin)
        for t, after in itertools.zip_longest(tokens, tokens[1:])
        if begin <= t.begin
        and t.end <= end
        and (tok.is_inflection(t) or _honorific(t) or _said_adjective(t, after))
    ]


def _said_adjective(token: tok.Token, after: tok.Token | None) -> bool:
    """An adjective in kana said of something, not naming it (「次におおいのは」: 多い, not 大井);
    one before a noun may be a name's first part (おおい競馬場)."""
    return tok.is_adjective(token) and (after is None or after.pos[0] != "名詞")


def _honorific(token: tok.Token) -> bool:
    return token.pos[0] == "接頭辞" and bool(_ONLY_KANA.fullmatch(token.surface))


def _whole_words(tokens: Sequence[tok.Token], begin: int, end: int) -> tuple[int, int]:
    """The run without the kana ending of a word written before it (含めて: めて is 含める's) or
    the kana start of one after it."""
    for t in tokens:
        if t.begin < begin < t.end:
            begin = t.end
        if t.begin < end < t.end:
            end = t.begin
    return begin, max(begin, end)


def _capped(texts: Iterable[str]) -> Iterable[str]:
    seen: set[str] = set()
    for text in texts:
        if text not in seen:
            seen.add(text)
            yield text
            if len(seen) >= MAX_TEXTS:
                return


def _kana(lexicon: Lexicon, run: str, grammar: Sequence[tuple[int, int]] = ()) -> str:
    """The run as the records write it; unchanged when a written piece stands where Sudachi reads only
    particles and endings (「したのって」 is not した載って)."""
    cut = lexicon.cut_spans(run, lexicon.kana, MAX_PIECE, lexicon.kana_prefixes)
    if cut is None:
        return run
    pieces = [written for written, _, _ in cut]
    if not any(map(_written, pieces)):
        return run
    if len(run) < SHORT_RUN and len(pieces) > 1:
        return run  # 「のうち」 is の and うち, a phrase of kana words, not one word spelled out
    # a written piece where Sudachi reads only particles, endings and verbs is a guess (のって → 載って,
    # あいて → 相手)
    if any(_written(w) and _covers(b, e, grammar) for w, b, e in cut):
        return run
    return "".join(pieces)


def _latin(
    lexicon: Lexicon, words: Sequence[re.Match[str]], *, mixed: bool = False
) -> list[tuple[int, int, str]]:
    spelled: list[tuple[int, int, str, bool]] = []
    for match in words:
        key = fold_romaji(match.group())
        pieces = lexicon.cut(key, lexicon.romaji, lexicon.longest_romaji) if key else None
        if pieces:
            written = any(map(_written, pieces))
            spelled.append((match.start(), match.end(), "".join(pieces), written))
    if any(written for *_, written in spelled):
        return [(b, e, japanese) for b, e, japanese, _ in spelled]
    if mixed:  # among Japanese words, a romaji particle or question word (no, wa, dare) is that word
        return [(b, e, japanese) for b, e, japanese, _ in spelled if _function_word(japanese)]
    return []  # nothing but kana would come of it: an English sentence, or a name


def _function_word(kana: str) -> bool:
    """Whether kana are one particle, auxiliary or pronoun (の, は, です, だれ, どこ) to Sudachi."""
    tokens = [t for t in tok.tokenize(kana) if t.pos[0] != "空白"]
    return len(tokens) == 1 and tokens[0].pos[0] in tok.FUNCTION_POS
