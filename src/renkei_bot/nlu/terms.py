"""What is left of a question once its names and dates are taken: content words, proper nouns,
the order words (最初/最後), and the spans they came from."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Literal

from renkei_bot.nlu import tokens as tok

Order = Literal["first", "last"]


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of the spans turned into spaces (the same length)."""
    for begin, end in spans:
        begin, end = max(0, begin), min(len(text), end)
        if begin < end:
            text = text[:begin] + " " * (end - begin) + text[end:]
    return text


def inside(begin: int, end: int, covered: list[tuple[int, int]]) -> bool:
    for b, e in covered:  # noqa: SIM110 (a loop, not any(): called for every token of every question)
        if b <= begin and end <= e:
            return True
    return False


def related_terms(tokens: list[tok.Token], synonyms: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The records' words for the question's verbs (決める → 決定; intents/_synonyms.yaml). They help
    rank records but never narrow a list or a count."""
    found = [word for token in tokens for word in synonyms.get(token.normalized, ())]
    return tuple(dict.fromkeys(found))


COMPOUND = 4  # a noun this long may be a compound whose parts the records write on their own


def compound_parts(
    tokens: list[tok.Token], covered: list[tuple[int, int]], stop: AbstractSet[str]
) -> tuple[str, ...]:
    """The parts of the question's long nouns (婚活パーティー → 婚活, パーティー): the records may write a
    part alone. For ranking only, like related words."""
    parts: list[str] = []
    for token in tokens:
        if token.pos[0] != "名詞" or len(token.surface) < COMPOUND or inside(token.begin, token.end, covered):
            continue
        units = tok.short_units(token.surface)
        if len(units) > 1:
            parts += [u for u in units if len(u) >= 2 and u not in stop]
    return tuple(dict.fromkeys(parts))


def content_terms(
    tokens: list[tok.Token], covered: list[tuple[int, int]], stop: AbstractSet[str]
) -> tuple[str, ...]:
    """Content words left once entities and dates are taken out, plus adjacent noun pairs as phrases."""
    terms: list[str] = []
    ordinals: list[str] = []  # 第2期, 第3弾 (found in the same walk, added after the words)
    phrases: list[str] = []  # プロジェクトの実施 (likewise, added last)
    previous: tok.Token | None = None
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        surface = token.surface
        if surface == "第" and i + 2 <= last:
            ordinal = _ordinal_at(tokens[i], tokens[i + 1], tokens[i + 2], covered)
            if ordinal is not None:
                ordinals.append(ordinal)
        elif surface == "の" and 0 < i < last:
            phrase = _of_phrase_at(tokens[i - 1], token, tokens[i + 1], covered, stop)
            if phrase is not None:
                phrases.append(phrase)
        content = token.pos[0] in ("名詞", "接尾辞") or (surface.isascii() and surface.isalnum())
        keep = (
            content
            and token.normalized not in stop
            and surface not in stop
            and not inside(token.begin, token.end, covered)
            and not surface.isdigit()
        )
        if keep:
            # 「雪を使った」: a plain one-kanji noun before を or が is a word to find (雪, 茶); after の it
            # is someone or something of the name before it (「嬬恋村の人が」)
            marked = (
                i < last
                and tokens[i + 1].surface in _CASE_MARKS
                and tok.is_plain_noun(token)
                and (i == 0 or tokens[i - 1].surface != "の")
            )
            if len(surface) >= 2 or marked:
                terms.append(surface)
            if previous is not None and previous.end == token.begin:
                terms.append(previous.surface + surface)
            previous = token
        else:
            previous = None
    terms += ordinals
    terms += phrases
    seen: dict[str, None] = dict.fromkeys(t for t in terms if t)
    return tuple(seen)


def _of_phrase_at(
    a: tok.Token, b: tok.Token, c: tok.Token, covered: list[tuple[int, int]], stop: AbstractSet[str]
) -> str | None:
    """「プロジェクトの実施」: two content nouns joined by の (b), searched as written (a record that
    says the same phrase is closer than one that has both words apart); None if a の c is no such."""
    if a.pos[0] != "名詞" or c.pos[0] != "名詞":
        return None
    nouns = a.is_content and c.is_content
    joined = a.end == b.begin and b.end == c.begin
    if (
        nouns
        and joined
        and not inside(a.begin, a.end, covered)  # 「千葉県町村会の差」: a name's tail is no word to find
        and not inside(c.begin, c.end, covered)  # 「ヒカリエの何階」: 何階 asks, it is no word to find
        and a.normalized not in stop
        and c.normalized not in stop
        and _whole_word(a)
        and _whole_word(c)
    ):
        return a.surface + b.surface + c.surface
    return None


_CASE_MARKS = frozenset({"を", "が"})  # the particles that make a lone noun the object or subject


def _whole_word(token: tok.Token) -> bool:
    """Two characters or more, or a plain one-kanji noun (雪 of 「雪の活用」, 茶): not a counter or a
    suffix-like 区, 日."""
    return len(token.surface) >= 2 or tok.is_plain_noun(token)


def _ordinal_at(a: tok.Token, b: tok.Token, c: tok.Token, covered: list[tuple[int, int]]) -> str | None:
    """「第2期」「第3弾」 written as 第 (a) + a number + a counter: one term, as the records write it."""
    joined = a.end == b.begin and b.end == c.begin
    shaped = b.surface.isdigit() and len(c.surface) == 1
    if joined and shaped and not inside(a.begin, c.end, covered):
        return a.surface + b.surface + c.surface
    return None


_COMMON_LATIN = frozenset(
    {"ok", "okay", "thanks", "thank", "please", "hello", "help", "bot", "slack", "renkei"}
)


def named_things(tokens: list[tok.Token], names: Sequence[str]) -> tuple[str, ...]:
    """The unknown proper nouns that name a person or an organisation (佐藤, みずほ銀行): a question
    about one is about something the records lack. Place names (日暮里) and Latin words are not."""
    return tuple(
        t.surface
        for t in tokens
        if t.surface in names
        and t.pos[:2] == ("名詞", "固有名詞")
        and t.pos[2:3] != ("地名",)
        and not t.surface.isascii()  # at, Oi: Latin words Sudachi tags as names
    )


MIN_KANA_NAME = 3  # a name written in hiragana alone this long at least (ぬまお)
_HIRAGANA_WORD = re.compile(r"[ぁ-ゖー]+")


def proper_names(
    tokens: list[tok.Token],
    covered: list[tuple[int, int]],
    people: Sequence[tuple[int, int]] = (),
    stop: AbstractSet[str] = frozenset(),
) -> tuple[str, ...]:
    """Proper nouns (and Latin words) the entity dictionary did not take: 三菱UFJ銀行, 長野県町村会 …

    A name right next to a person the dictionary found (神野 + 真彦, a mistyped given name) is the
    rest of that person's name, not another name."""
    out: list[str] = []
    for token in tokens:
        word = token.surface
        # (the regex only for a word too short for a kana name: a longer one is long enough either way)
        if len(word) < 2 or (len(word) < MIN_KANA_NAME and _HIRAGANA_WORD.fullmatch(word)):
            continue  # 「黄金がにの…」: two hiragana taken for a name (にの) are a word cut short
        if people and any(token.begin == end or token.end == begin for begin, end in people):
            continue
        latin = word.isascii() and word.isalpha() and (len(word) >= 4 or not word.islower())
        proper = token.pos[:2] == ("名詞", "固有名詞") or (latin and word.lower() not in _COMMON_LATIN)
        if not proper or word in stop:  # イベ (イベント)
            continue
        # a word cut across a name found (しぶやく|の read as しぶや + くの) is the rest of that name
        if not any(b < token.end and token.begin < e for b, e in covered):
            out.append(word)
    return tuple(dict.fromkeys(out))
