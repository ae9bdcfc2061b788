"""The entity dictionary's keys: every way a name can be written, its kana readings, the stop-list.

Keys are folded with `fold` (normalised, spaces removed, lower case). Readings are hiragana.
This module is pure data-building; the matching lives in `renkei_bot.nlu.entities`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from renkei_bot.nlu.readings import (
    NO_HONORIFICS,
    GenericStems,
    Honorifics,
    alias_readings,
    full_reading,
    romaji_surname,
    surname,
    surname_keys,
)
from renkei_bot.normalize import compact, to_hiragana
from renkei_bot.records import Entity

# Generic words: never an entity on their own, whatever the fuzzy score. They also block a shorter
# key from matching inside them. No alias in data/entities.yaml may be one of these (a test checks).
DEFAULT_STOPLIST: frozenset[str] = frozenset(
    [
        "講演会",
        "講演",
        "イベント",
        "展示",
        "展示会",
        "協定",
        "連携協定",
        "包括連携協定",
        "締結式",
        "まつり",
        "祭り",
        "祭",
        "サミット",
        "シンポジウム",
        "会議",
        "総会",
        "ニュース",
        "フェア",
        "フェスタ",
        "フェスティバル",
        "マルシェ",
        "ホームページ",
        "HP",
        "委員会",
        "連携",
        "全国連携",
        "プロジェクト",
        "セミナー",
        "フォーラム",
        "物産展",
        "意見交換会",
        "交流会",
        "説明会",
        "パネル展示",
        "ブース",
        "PRブース",
    ]
)

# Words that contain a shorter key but never mean it (京都 inside 東京都).
DEFAULT_BLOCKERS: frozenset[str] = frozenset({"東京都"})

MIN_KEY = 2  # a one-character key would match everywhere
MIN_READING = 3  # two-kana readings (きた, みなと's stem) collide with ordinary words
_CORPORATE = ("株式会社", "(株)", "有限会社")
# The reading of a place-name suffix, so 品川区 (しながわく) also gives 品川 → しながわ.
_SUFFIX_READINGS: dict[str, tuple[str, ...]] = {
    "区": ("く",),
    "市": ("し",),
    "町": ("まち", "ちょう"),
    "村": ("むら", "そん"),
    "県": ("けん",),
    "府": ("ふ",),
    "都": ("と",),
}


_KANA = re.compile(r"[ぁ-ゖァ-ヺー]+")
_HIRAGANA = re.compile(r"[ぁ-ゖー]+")
_CONTENT = re.compile(r"(?![ぁ-ゖー])[^\W_]")


def fold(text: str) -> str:
    """A matching key: normalised, no spaces, lower case (KITTE = kitte)."""
    return compact(text).lower()


_WHITESPACE = re.compile(r"\s")  # what str.isspace() is true of


def fold_with_offsets(text: str, *, limit: int) -> tuple[str, list[int]]:
    """Fold an already-normalised question char by char, keeping where each char came from."""
    if text.lower() == text:  # no character changes case (most questions): each folds to itself
        if _WHITESPACE.search(text) is None:  # nor is any left out: the text as it is, to the limit
            return text[:limit], list(range(min(len(text), limit)))
        kept = [i for i, ch in enumerate(text) if not ch.isspace()][:limit]
        return "".join([text[i] for i in kept]), kept
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if len(chars) >= limit:
            break
        if ch.isspace():
            continue
        for c in ch.lower():
            chars.append(c)
            offsets.append(i)
    return "".join(chars), offsets


def is_hiragana(ch: str) -> bool:
    return "ぁ" <= ch <= "ゖ" or ch == "ー"


def is_content(ch: str) -> bool:
    """Kanji, katakana, letters and digits: what a name is made of (particles are hiragana)."""
    return ch.isalnum() and not is_hiragana(ch)


def hiragana_flags(text: str) -> list[bool]:
    """is_hiragana of each character (inlined: one call per question, not per character)."""
    return ["ぁ" <= ch <= "ゖ" or ch == "ー" for ch in text]


def content_flags(text: str) -> list[bool]:
    """is_content of each character."""
    return [ch.isalnum() and not ("ぁ" <= ch <= "ゖ" or ch == "ー") for ch in text]


def has_content(text: str) -> bool:
    return _CONTENT.search(text) is not None


def is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def spellings(entity: Entity, name: str, honorifics: Iterable[str] = ()) -> tuple[str, ...]:
    """Folded name and aliases, plus company names without 株式会社 (and short ones with it) and
    person names without 氏/先生."""
    out: dict[str, None] = {}
    # a company's short name said with the mark its full name has (損保ジャパン日本興亜株式会社)
    marks = [
        (m, name.startswith(m)) for m in _CORPORATE if m in name and (name.startswith(m) or name.endswith(m))
    ]
    for key in (name, *(fold(a) for a in entity.aliases)):
        variants = [key]
        variants.extend(key.replace(mark, "") for mark in _CORPORATE if mark in key)
        variants.extend(mark + key if first else key + mark for mark, first in marks if mark not in key)
        if entity.type == "person":
            variants.extend(v[: -len(h)] for v in list(variants) for h in honorifics if v.endswith(h))
        out.update((v, None) for v in variants if len(v) >= MIN_KEY)
    return tuple(out)


def readings(name: str, keys: Iterable[str], full: str | None) -> list[tuple[str, str]]:
    """(hiragana reading, the spelling it reads): the full reading, its stem, kana-only spellings.

    Stems may be two kana (なら from ならけん): too short for the kana scan, long enough in romaji."""
    out: list[tuple[str, str]] = []
    if full:
        out.append((full, name))
        for sound in _SUFFIX_READINGS.get(name[-1:], ()):
            if len(name) >= 3 and full.endswith(sound):
                out.append((full[: -len(sound)], name[:-1]))
    out.extend((to_hiragana(key), key) for key in keys if _KANA.fullmatch(key))
    return [(r, s) for r, s in out if len(r) >= 2 and _HIRAGANA.fullmatch(r)]


def _leading_hiragana(name: str) -> str:
    end = 0
    while end < len(name) and is_hiragana(name[end]):
        end += 1
    return name[:end] if end < len(name) else ""


@dataclass(frozen=True, slots=True)
class Tables:
    keys: dict[str, tuple[str, ...]]  # folded spelling → entity ids
    readings: dict[str, tuple[str, ...]]  # hiragana reading → entity ids
    # Surname + honorific (沼尾先生, ぬまおさん): matched exactly, never fuzzily.
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Every reading a Latin spelling may reach, hiragana: the kana table's, two-kana stems (なら) and
    # persons' given name + surname (なみこぬまお). Romanised on first use (romaji_match.py).
    spoken: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Folded romaji of surnames (numao): a name only with an honorific after it.
    romaji_surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _add(table: dict[str, dict[str, None]], key: str, entity_id: str) -> None:
    table.setdefault(key, {})[entity_id] = None


SHORTENED_HEAD = "series"  # 東北絆まつり (絆まつり) gives its short name to 東北絆まつり実行委員会


def _shortened(ordered: Sequence[tuple[Entity, str]]) -> list[tuple[str, str]]:
    """Names that begin with another name, said as short as that one may be (東北絆まつり実行委員会
    with 東北絆まつり's 絆まつり: 絆まつり実行委員会), as (folded key, entity id)."""
    by_name = {name: entity for entity, name in ordered if entity.type == SHORTENED_HEAD and entity.aliases}
    out: list[tuple[str, str]] = []
    for entity, name in ordered:
        if entity.type == SHORTENED_HEAD:
            continue  # a series is not said by another series' short name
        for cut in range(2, len(name)):
            head = by_name.get(name[:cut])
            if head is None:
                continue
            for alias in (fold(a) for a in head.aliases):
                if len(alias) >= 2 and name[:cut].endswith(alias) and alias != name[:cut]:
                    out.append((alias + name[cut:], entity.id))
    return out


_TRAILING_KATAKANA = re.compile(r"(?<=[^ァ-ヺー]{2})[ァ-ヺー]{4,}$")


def _clipped(ordered: Sequence[tuple[Entity, str]], owns: Sequence[tuple[str, ...]]) -> list[tuple[str, str]]:
    """A series said with its closing loanword clipped, as people shorten them (ねぎサミット → ねぎサミ,
    再発見丼フェスティバル → 再発見丼フェス), as (folded key, entity id): two or more of its first kana,
    two or more left off, after two characters or more that are not katakana."""
    out: list[tuple[str, str]] = []
    for (entity, _), own in zip(ordered, owns, strict=True):
        if entity.type != SHORTENED_HEAD:
            continue
        for key in own:
            found = _TRAILING_KATAKANA.search(key)
            if found is None:
                continue
            lead, word = key[: found.start()], found.group()
            out += [(lead + word[:k], entity.id) for k in range(2, len(word) - 1)]
    return out


PREFECTURE = "prefecture"
_PREFECTURE_SUFFIX = re.compile(r"(?<=..)[県府]$")  # 山梨県 → 山梨; 北海道 and 東京都 keep their names


def _prefecture_stems(ordered: Sequence[tuple[Entity, str]]) -> list[tuple[str, str]]:
    """A prefecture said without 県/府 (山梨と協定した日, 大阪の地震), as (folded key, entity id)."""
    return [
        (_PREFECTURE_SUFFIX.sub("", name), entity.id)
        for entity, name in ordered
        if entity.type == PREFECTURE and _PREFECTURE_SUFFIX.search(name)
    ]


def build_tables(entities: Iterable[Entity], honorifics: Honorifics = NO_HONORIFICS) -> Tables:
    keys: dict[str, dict[str, None]] = {}
    reads: dict[str, dict[str, None]] = {}
    short: dict[str, dict[str, None]] = {}  # readings for romaji only: なら, なみこぬまお
    surnames: dict[str, dict[str, None]] = {}
    romaji_surnames: dict[str, dict[str, None]] = {}
    spelled: dict[str, set[tuple[str, str]]] = {}  # reading → (entity id, kanji spelling that has it)
    ordered = [(entity, fold(entity.name)) for entity in entities]
    owns = [spellings(entity, name, honorifics.words) for entity, name in ordered]
    for (entity, _), own in zip(ordered, owns, strict=True):
        for key in own:
            _add(keys, key, entity.id)
    for key, owner in [*_shortened(ordered), *_prefecture_stems(ordered), *_clipped(ordered, owns)]:
        if key not in keys:
            _add(keys, key, owner)
    generic = GenericStems(keys)
    for (entity, name), own in zip(ordered, owns, strict=True):
        full = full_reading(entity)
        said = readings(name, own, full) + alias_readings(entity, name, full)
        for reading, spelling in said:
            owners = {entity.id: None} if spelling in own else keys.get(spelling)
            if owners is None and not generic(spelling, entity.id):
                owners = {entity.id: None}
            if owners is None:
                continue
            if len(reading) < MIN_READING:
                short.setdefault(reading, {}).update(owners)
                continue
            reads.setdefault(reading, {}).update(owners)
            if spelling in own and not _KANA.fullmatch(spelling):
                spelled.setdefault(reading, set()).add((entity.id, spelling))
        person = surname(entity, full)
        if person:
            for key in surname_keys(person, honorifics):
                _add(surnames, key, entity.id)
            if person.reading and person.given_reading:
                _add(short, person.given_reading + person.reading, entity.id)  # Namiko Numao
        sur = romaji_surname(person)
        if sur:
            _add(romaji_surnames, sur, entity.id)
    # A name that begins with a place written in kana (しながわ水族館) is also reached by that place's
    # reading and spelling, so 品川 / しながわ become a tie instead of a guess.
    for entity, name in ordered:
        lead = _leading_hiragana(name)
        others = {(i, s) for i, s in spelled.get(lead, set()) if i != entity.id}
        if len(lead) < MIN_READING or not others:
            continue
        reads[lead][entity.id] = None
        for _, spelling in sorted(others):
            keys.setdefault(spelling, {})[entity.id] = None
    # Latin spellings reach what the kana reach; two-kana stems too, as a Latin word is a whole word.
    spoken = {k: dict(v) for k, v in reads.items()}
    for reading, owners in short.items():
        spoken.setdefault(reading, {}).update(owners)
    return Tables(
        keys=_frozen(keys),
        readings=_frozen(reads),
        surnames=_frozen(surnames),
        spoken=_frozen(spoken),
        romaji_surnames=_frozen(romaji_surnames),
    )


def _frozen(table: dict[str, dict[str, None]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in table.items()}


@dataclass(frozen=True, slots=True)
class Hit:
    begin: int  # in the folded text
    end: int
    ids: tuple[str, ...]  # empty for a stop-list word or blocker


class LongestFirst:
    """Exact lookup of every substring whose length some key has, longest first, non-overlapping.

    Scan text that has passed through to_hiragana, with a table whose keys have too: then a kana
    alias, a katakana spelling and a hiragana reading meet in one longest-first pass.
    """

    def __init__(self, table: Mapping[str, tuple[str, ...]], blockers: Iterable[str] = ()) -> None:
        self._table = table
        self._blockers = frozenset(b for b in blockers if b not in table and len(b) >= MIN_KEY)
        # the lengths of the keys by their first two characters (the few to try at each position),
        # and the characters that are keys of their own
        pairs: dict[str, set[int]] = {}
        for key in (*table, *self._blockers):
            if len(key) >= 2:
                pairs.setdefault(key[:2], set()).add(len(key))
        self._pairs = {p: tuple(sorted(ls, reverse=True)) for p, ls in pairs.items()}
        self._singles = frozenset(k for k in (*table, *self._blockers) if len(k) == 1)

    def scan(self, text: str, free: bytearray, written: str | None = None) -> list[Hit]:
        """Hits in `text` lying wholly on positions where `free` is 1; marks them taken in `free`.
        `written`: `text` as typed, before its katakana was read as hiragana (the same length): シンポ
        after の is a word of its own, しんぽ after の may be part of one."""
        script = text if written is None else written
        found: list[tuple[int, int, tuple[str, ...]]] = []
        n = len(text)
        pairs, singles = self._pairs, self._singles
        for i, ch in enumerate(text):
            if not free[i]:
                continue
            lengths = pairs.get(text[i : i + 2], ())
            if singles and ch in singles:
                lengths = (*lengths, 1)
            for length in lengths:
                end = i + length
                if end > n:
                    continue
                sub = text[i:end]
                ids = self._table.get(sub)
                if ids is None and sub not in self._blockers:
                    continue
                if free.find(0, i, end) != -1 or not word_edges(text, i, end) or _inside_kana(script, i, end):
                    continue
                found.append((i, end, ids or ()))
        found.sort(key=lambda h: (h[0] - h[1], h[0]))
        hits: list[Hit] = []
        for begin, end, ids in found:
            if free.find(0, begin, end) != -1:
                continue
            free[begin:end] = b"\x00" * (end - begin)
            hits.append(Hit(begin, end, ids))
        return sorted(hits, key=lambda h: h.begin)


def _inside_kana(text: str, begin: int, end: int) -> bool:
    """A short kana key inside a kana run, or right after a kanji, is a fragment of another word: ちば
    in いちばん, きたく in 書きたくて. `text` as written: a key typed in katakana after a case particle
    (第1回のシンポ) is a word of its own."""
    if end - begin > 3 or begin == 0:
        return False
    if _after_stem(text, begin):
        return True  # the okurigana of a word: きたく in 書きたくて
    if not is_hiragana(text[begin - 1]):
        return False
    if is_hiragana(text[begin]):
        return True
    return is_hiragana(to_hiragana(text[begin])) and text[begin - 1] not in _PARTICLES  # katakana


def _after_stem(text: str, begin: int) -> bool:
    """Kana right after one kanji standing alone (書き, 行き, 使い): a verb's stem and its okurigana,
    not a name said in kana after another word (東京しぶや)."""
    if not is_hiragana(text[begin]) or not _KANJI_CHAR.match(text[begin - 1]):
        return False
    return begin < 2 or not _KANJI_CHAR.match(text[begin - 2])


_KANJI_CHAR = re.compile(r"[一-龥々]")
_PARTICLES = "のはがをにでもへ"  # single-kana case particles; と may end a word (さと)


def word_edges(text: str, begin: int, end: int) -> bool:
    """Latin letters and digits only match as whole words: HP is not inside HPV, 201 not inside 2018."""
    if is_ascii_word(text[begin]) and begin > 0 and is_ascii_word(text[begin - 1]):
        return False
    return not (is_ascii_word(text[end - 1]) and end < len(text) and is_ascii_word(text[end]))
