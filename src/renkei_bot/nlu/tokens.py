"""Morphological analysis: the only module that imports sudachipy.

SudachiPy 0.7, split mode C (longest units: 品川区, 第一生命, 締結日 stay whole).
One Dictionary per process, created on first use; one Tokenizer per thread, because a 0.7
Tokenizer raises "Tokenizer is already in use" when two threads call it at once.

Sudachi's normalised form is good for intent cues (開かれ → 開く, 為る) but must never be used as an
entity key: it rewrites the inside of names (東北六魂祭 → 東北 / 6 / 魂祭り, ｱｲｳ① → アイウ / 1).
Entities are matched on the surface text instead.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import sudachipy

from renkei_bot.normalize import to_hiragana

_dictionary: sudachipy.Dictionary | None = None
_dictionary_lock = threading.Lock()
_local = threading.local()
_pos_cache: dict[int, tuple[str, ...]] = {}

# Parts of speech whose words carry meaning for intent cues. Pronouns (いつ, 誰, どこ), adverbs (最も),
# adnominals (どの) and interjections (こんにちは) are cues too, so they are kept with the brief's
# nouns, verbs and adjectives. Numerals (名詞-数詞) are dates and counts, not cues.
_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "代名詞", "副詞", "連体詞", "感動詞"})
_SKIP_READING_POS = frozenset({"空白"})
_KANA_READING = re.compile(r"[ぁ-ゖー]+")


class Token(NamedTuple):
    """One morpheme. `begin`/`end` are character offsets into the text given to `tokenize`.

    A named tuple, not a dataclass: a question makes a few dozen, and a tuple is built in C."""

    surface: str
    normalized: str
    reading: str  # hiragana
    pos: tuple[
        str, ...
    ]  # the POS levels up to the last one that is not "*": ("名詞", "固有名詞", "地名", "一般")
    begin: int
    end: int
    lemma: str = ""  # the dictionary form (開かれ → 開く); facets match on it beside the normalised form

    @property
    def is_content(self) -> bool:
        return self.pos[0] in _CONTENT_POS and self.pos[:2] != ("名詞", "数詞")


def _get_dictionary() -> sudachipy.Dictionary:
    global _dictionary
    if _dictionary is None:
        with _dictionary_lock:
            if _dictionary is None:
                _dictionary = sudachipy.Dictionary()
    return _dictionary


def _tokenizer(mode: sudachipy.SplitMode = sudachipy.SplitMode.C) -> sudachipy.Tokenizer:
    """This thread's tokenizer for a split mode (C for words, A for a compound's shortest units)."""
    name = f"tokenizer_{mode}"
    tokenizer: sudachipy.Tokenizer | None = getattr(_local, name, None)
    if tokenizer is None:
        tokenizer = _get_dictionary().tokenizer(mode)
        setattr(_local, name, tokenizer)
    return tokenizer


def warm() -> None:
    """Load the dictionary now (about a second) instead of on the first question."""
    _tokenizer()


def _pos(morpheme: sudachipy.Morpheme) -> tuple[str, ...]:
    pos_id: int = morpheme.part_of_speech_id()
    cached = _pos_cache.get(pos_id)
    if cached is None:
        levels = morpheme.part_of_speech()[:4]
        keep = 1
        for i, level in enumerate(levels):
            if level != "*":
                keep = i + 1
        cached = tuple(levels[:keep])
        _pos_cache[pos_id] = cached
    return cached


_WORDS_KEPT = 50_000  # (word id, surface) → the word's forms; cleared when it grows past this
_words: dict[tuple[int, str], tuple[str, str, tuple[str, ...], str]] = {}
_new_token = tuple.__new__


def _word(morpheme: sudachipy.Morpheme, surface: str) -> tuple[str, str, tuple[str, ...], str]:
    """The normalised form, hiragana reading, POS and dictionary form of a dictionary word: the same
    for every occurrence of one word id written the same way, so they are looked up once."""
    key = (morpheme.word_id(), surface)
    found = _words.get(key)
    if found is None:
        if len(_words) >= _WORDS_KEPT:
            _words.clear()  # unknown words (any surface) must not grow it without bound
        found = (
            morpheme.normalized_form(),
            to_hiragana(morpheme.reading_form()),
            _pos(morpheme),
            morpheme.dictionary_form(),
        )
        _words[key] = found
    return found


def tokenize(text: str) -> list[Token]:
    """Split `text` into mode-C tokens. The empty string gives []."""
    if not text:
        return []
    out: list[Token] = []
    words = _words
    for m in _tokenizer().tokenize(text):
        # the surface is the text between the offsets (no projection is configured): a slice costs
        # less than asking Sudachi for a new string
        begin, end = m.begin(), m.end()
        surface = text[begin:end]
        normalized, reading, pos, lemma = words.get((m.word_id(), surface)) or _word(m, surface)
        out.append(_new_token(Token, (surface, normalized, reading, pos, begin, end, lemma)))
    return out


_PUNCTUATION_POS = frozenset({"補助記号", "空白", "記号"})
_PREDICATE_POS = frozenset({"動詞", "助動詞", "形容詞"})


_VERBAL_NOUN = ("名詞", "普通名詞", "サ変可能")


def is_verbal_noun(token: Token) -> bool:
    """出店, 参加, 開催: a noun that works as a verb (サ変可能)."""
    return token.pos[:3] == _VERBAL_NOUN


POTENTIAL = "可能形"  # what a potential verb (出せる, 配れる, 行える) stands for in the vocabulary's phrases


def _kana_row_vowel(char: str) -> str:
    """The vowel a kana ends in (せ → E, す → U), from its Unicode name; "" for any other character."""
    name = unicodedata.name(char, "")
    return name[-1] if name.startswith(("HIRAGANA LETTER", "KATAKANA LETTER")) else ""


def is_potential(token: Token) -> bool:
    """出せた, 配れた, 行えた, 来れた: a verb ending in an e-row kana and る whose normalised form is
    another verb ending in the u-row (出せる → 出す, 配れる → 配る); きめる → 決める is one verb spelt
    otherwise, and いる → 居る ends in no e-row kana."""
    lemma, normalized = token.lemma, token.normalized
    return (
        token.pos[0] == "動詞"
        and len(lemma) >= 2
        and lemma != normalized
        and lemma.endswith("る")
        and _kana_row_vowel(lemma[-2]) == "E"
        and _kana_row_vowel(normalized[-1]) == "U"
        and not normalized.endswith(lemma[-2:])
    )


def ends_with_predicate(tokens: Sequence[Token]) -> bool:
    """「…開催できた？」「…平成30年中に開催？」 end with a verb, an auxiliary or a verbal noun (a yes/no
    shape); 「…講演会は？」 does not."""
    words = [t for t in tokens if t.pos[0] not in _PUNCTUATION_POS]
    if not words:
        return False
    last = words[-1]
    # a verbal noun after a particle (「…中に開催？」) or a proper name (「盛岡開催？」: held in 盛岡)
    return last.pos[0] in _PREDICATE_POS or (
        last.pos[:3] == _VERBAL_NOUN
        and len(words) > 1
        and (words[-2].pos[0] == "助詞" or words[-2].pos[:2] == _PROPER_NOUN)
    )


_ENDING_POS = frozenset({*_PUNCTUATION_POS, "助動詞"})
_FINAL_PARTICLE = ("助詞", "終助詞")
_CONJUNCTIVE = ("助詞", "接続助詞")  # 教えて: the て of a request
_SENTENCE_END = ("補助記号", "句点")  # ？ 。 ！
_PROPER_NOUN = ("名詞", "固有名詞")
_CLOSING_BRACKET = ("補助記号", "括弧閉")


_COMMA = ("補助記号", "読点")


_NOT_A_JOIN = frozenset(
    {"の", "は", "も", "って", "とは", "、", ","}
)  # 「北海道町村会との意見交換会」: with, not and
_SIDE_ENDS = frozenset({"は", "って", "が", "とは"})


def _joins(words: Sequence[Token], stop: int) -> list[int]:
    """The と that join two phrases before `stop`: after a noun (or the の of 「…したのと」), and not
    「…との」 (the partner of an act, inside one phrase) nor 「…と同じ」 (what the topic is compared with)."""
    return [
        i
        for i in range(1, stop - 1)
        if words[i].surface == "と"
        and words[i].pos[0] == "助詞"
        and words[i + 1].surface not in _NOT_A_JOIN
        and words[i + 1].surface not in _ALIKE
        and (is_noun_like(words[i - 1]) or words[i - 1].surface == "の")
    ]


def _clause_break(words: Sequence[Token]) -> int | None:
    """Where the two phrases end: the first comma, else the topic or subject particle after the first
    joining と (「ロゴマークの決定と意見交換は同じ日？」)."""
    commas = [i for i, t in enumerate(words) if t.pos[:2] == _COMMA]
    # 「…について、Aした日と、Bした日を」: the comma after a joining と, not the topic's before it
    joined = [i for i in commas if i and words[i - 1].surface == "と" and words[i - 1].pos[0] == "助詞"]
    if joined or commas:
        return (joined or commas)[0]
    first = next(
        (i for i in range(1, len(words)) if words[i].surface == "と" and words[i].pos[0] == "助詞"), None
    )
    if first is None:
        return None
    return next(
        (
            i
            for i in range(first + 2, len(words))
            if words[i].surface in _SIDE_ENDS and words[i].pos[0] == "助詞"
        ),
        None,
    )


def two_sides(tokens: Sequence[Token]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """「ロゴマーク決定とホームページの運用開始、どっちが先？」「AとBは同じ日？」: the two phrases joined by
    と before the first clause break, as character spans; None without that shape."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    stop = _clause_break(words)
    if (
        stop is not None
    ):  # 「…について伺います。AとBはそれぞれ」: the phrases are of the sentence the break is in
        start = next((i + 1 for i in range(stop - 1, -1, -1) if words[i].pos[:2] == _SENTENCE_END), 0)
        words, stop = words[start:], stop - start
    if stop is None or stop < 3:
        return None
    joins = _joins(words, stop)
    if not joins and words[stop - 1].surface == "と" and words[stop - 1].pos[0] == "助詞":
        # 「確認した日と、公表した日をそれぞれ」: the second phrase runs to its case particle
        rest = words[stop + 1 :]
        head = words[stop - 2].surface  # 「…した日と、…した日を」: to the same head noun, if it comes again
        again = next((k + 1 for k, t in enumerate(rest) if t.surface == head), None)
        end = again or next((k for k, t in enumerate(rest) if t.pos[:2] == ("助詞", "格助詞")), None)
        if end is None or end == 0:
            return None
        return (words[0].begin, words[stop - 2].end), (rest[0].begin, rest[end - 1].end)
    if len(joins) != 1:
        return None
    i = joins[0]
    return (words[0].begin, words[i - 1].end), (words[i + 1].begin, words[stop - 1].end)


# 「やって、」「開かれて、」 (the te-form), 「テーマと、」; not 「講演会で、」, where で says where
_JOINING = {"て": ("助詞", "接続助詞"), "で": ("助詞", "接続助詞"), "と": ("助詞", "格助詞")}


def clause_joints(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The commas that join two clauses: after the te-form (開かれて、 やって、) or と (テーマと、), not
    after the topic's って (委員会って、); as character spans."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    return [
        (words[i].begin, words[i].end)
        for i in range(1, len(words))
        if words[i].pos[:2] == _COMMA and _joins_clauses(words[i - 1], words[max(0, i - 4) : i - 1])
    ]


def _joins_clauses(word: Token, before: Sequence[Token]) -> bool:
    if _JOINING.get(word.surface) == word.pos[:2]:
        return True
    # 「テーマは何で、」「何の提案で、」: で after a question word or the noun it asks about is the
    # copula's te-form (Sudachi tags it a case particle)
    if word.surface != "で" or not before:
        return False
    return before[-1].pos[0] == "代名詞" or (
        len(before) == 3
        and before[0].pos[0] == "代名詞"
        and before[1].surface == "の"
        and is_noun_like(before[2])
    )


_TOPIC_MARKS = frozenset({"は", "って", "、", ","})


_ALIKE = frozenset(
    {"同じ", "一緒", "別", "違う", "違っ", "重なる", "重なっ", "かぶる", "かぶっ"}
)  # 「Bと同じ日？」「Bと重なった？」


def _compares(words: Sequence[Token], i: int) -> bool:
    """より, or と right before 同じ/一緒/別/違う: the particle naming what the topic is compared with."""
    word = words[i]
    if word.pos[0] != "助詞":
        return False
    if word.surface == "より":
        return True
    return word.surface == "と" and i + 1 < len(words) and words[i + 1].surface in _ALIKE


def indefinite(tokens: Sequence[Token], begin: int, end: int) -> bool:
    """A question word and か inside [begin, end) (どこか, 何か, 誰か): some one, not a named one."""
    inside = [t for t in tokens if begin <= t.begin and t.end <= end]
    return any(a.pos[0] == "代名詞" and b.surface == "か" for a, b in itertools.pairwise(inside))


def compared_with_to(tokens: Sequence[Token]) -> bool:
    """「Aって、Bと重なってた？」: と of a comparison (と同じ, と重なる), whose sides are than_sides'."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    return any(w.surface == "と" and _compares(words, i) for i, w in enumerate(words))


def than_sides(tokens: Sequence[Token]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """「ホームページの運用開始って、ロゴマーク決定より先だった？」「…訪ねてきたのって、HPの運用が始まった
    のと同じ日？」: the phrase before the topic mark (は, って, a comma) and the one between it and より
    (or the と of 同じ), as character spans; None without that shape."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    than = next((i for i, t in enumerate(words) if _compares(words, i)), None)
    return None if than is None else _topic_and_other(words, than)


def of_sides(tokens: Sequence[Token]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """「ロゴマークって、HP開設の何日前に決まった？」 (the tokens up to the question word): the phrase
    before the topic mark and the one between it and the closing の, as character spans; None
    unless the tokens end with that の."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    if not words or words[-1].surface != "の" or words[-1].pos[0] != "助詞":
        return None
    return _topic_and_other(words, len(words) - 1)


def _topic_and_other(words: Sequence[Token], than: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The phrase before the first topic mark, and the one from after it to the word before `than`."""
    marks = [i for i in range(1, than) if words[i].surface in _TOPIC_MARKS]
    if not marks:
        return None
    start = marks[0] + 1
    while start < than and words[start].surface in _TOPIC_MARKS:  # 「って、」
        start += 1
    if start >= than:
        return None
    return (words[0].begin, words[marks[0] - 1].end), (words[start].begin, words[than - 1].end)


def qualifies(tokens: Sequence[Token], offset: int) -> bool:
    """The words before `offset` (a date) name which thing (「2016年のシンポジウム」「令和元年度第1回の
    講演会」); 「2019年2月の締結」「2019年に」「2019年でした」 date an act or state a claim instead."""
    after = [t for t in tokens if t.begin >= offset and t.pos[0] != "空白"]
    # 「シンポジウム（平成28年4月）の基調講演」: a bracket closing round the date is passed over
    while after and after[0].pos[:2] == _CLOSING_BRACKET:
        after = after[1:]
    if not after:
        return False
    first = after[0]
    if first.pos[0] == "接頭辞" or (first.pos[0] == "名詞" and not is_verbal_noun(first)):
        return True  # 「令和元年度第1回」「2016年シンポジウム」
    if len(after) < 2 or first.surface != "の":
        return False
    return after[1].pos[0] in ("名詞", "接頭辞") and not is_verbal_noun(after[1])


def only_endings_after(tokens: Sequence[Token], offset: int) -> bool:
    """Only endings from `offset` on (「…の職員です。」「…を担当しております。」 after 職員, 担当)."""
    return all(is_ending(t) for t in tokens if t.begin >= offset)


def is_ending(token: Token) -> bool:
    """An auxiliary, a particle, an auxiliary verb (おる, いる) or punctuation: what ends a sentence
    after its last word."""
    return token.pos[0] in _ENDING_POS or token.pos[0] == "助詞" or token.pos[:2] == _AUXILIARY_VERB


_AUXILIARY_VERB = ("動詞", "非自立可能")


def nothing_but_endings(tokens: Sequence[Token], offset: int) -> bool:
    """Only auxiliaries, sentence-final particles and punctuation after `offset` (「…令和元年5月31日
    だっけ？」); a topic particle (「2018年度は？」) asks about the period instead."""
    return all(t.pos[0] in _ENDING_POS or t.pos[:2] == _FINAL_PARTICLE for t in tokens if t.begin >= offset)


_TOPIC = (("助詞", "係助詞"), ("助詞", "副助詞"))
_TOPIC_WORDS = frozenset({"は", "って", "とは"})


def topic_between(gap: str) -> bool:
    """Whether the text between two words is only a topic mark (「後援は どこ」「会場って、どこ」)."""
    return gap.rstrip("、, ") in _TOPIC_WORDS


_ADNOMINAL = "連体詞"
COUNT_SUFFIX = "数"  # 参加自治体数: the count of what comes before it
_HOW_MANY = frozenset({"いくつ", "幾つ", "いくら", "幾ら", "なんぼ"})
_OF = frozenset({"の", "、", ","})  # 「Xの有効期限は」「Twitter、フォロワーって」
_ADVERBIAL_NOUN = ("名詞", "普通名詞", "副詞可能")
_WHICH_KIND = frozenset({"どういう", "どんな", "どのような", "どういった"})
_NOUN_POS = frozenset({"名詞", "接尾辞", "接頭辞"})
_AFTER_TOPIC_POS = frozenset({*_PUNCTUATION_POS, "代名詞", "助動詞"})


_NUMERAL = ("名詞", "数詞")
COUNTER_CHARS = 3  # 年間, 団体, 自治体: a counter is a short noun right after the figure


def counted(tokens: Sequence[Token]) -> tuple[tuple[int, str], ...]:
    """Figures written with the noun they count (「5年間の事業」 → (5, 年間); 「28団体」 → (28, 団体))."""
    out = []
    for number, unit in itertools.pairwise(tokens):
        if (
            number.pos[:2] == _NUMERAL
            and number.surface.isdecimal()
            and unit.begin == number.end
            and unit.pos[0] in _NOUN_POS
            and unit.pos[:2] != _NUMERAL
            and len(unit.surface) <= COUNTER_CHARS
        ):
            out.append((int(number.surface), unit.surface))
    return tuple(out)


_LEADING_IN = frozenset({"けど", "けれど", "けれども", "が", "から", "し"})  # 「…んだけど、」「…ので、」


def preface_end(tokens: Sequence[Token]) -> int | None:
    """Where a clause that only leads into the question ends (「資料を作ってるんだけど、」「明日
    会議があるので、」): the comma after a conjunctive particle; None without one."""
    if _COMMA not in [t.pos[:2] for t in tokens[1:]]:  # a list in C, not a generator
        return None  # no comma to end a clause at (most questions)
    leading = False  # 「…切れてるんだけどそれはいいとして、」: the comma after the conjunction ends it
    for polite, before, comma in zip([None, *tokens], tokens, tokens[1:], strict=False):
        leading = leading or (before.pos[:2] == ("助詞", "接続助詞") and before.surface in _LEADING_IN)
        # 「資料を作成しておりまして、」: the polite te-form of a clause that only sets the scene
        leading = leading or (
            before.surface == "て"
            and polite is not None
            and polite.surface == "まし"
            and comma.pos[:2] == _COMMA
        )
        leading = leading or (
            before.surface == "で" and before.pos[0] == "助動詞" and comma.pos[:2] == _COMMA
        )
        # 「会議資料に載せたく、」: what the asker wants the answer for
        leading = leading or (
            before.surface == "たく" and before.pos[0] == "助動詞" and comma.pos[:2] == _COMMA
        )
        if comma.pos[:2] == _COMMA and leading:
            return comma.end
    return None


_PERIOD = ("補助記号", "句点")  # 。！!
_QUESTION_MARKS = frozenset({"?", "？"})
_ADVERBIAL_PARTICLE = ("助詞", "副助詞")  # だけ, のみ, ばかり


def described_after_topic(tokens: Sequence[Token]) -> bool:
    """「合計って、3つの区分を単純に足した数？」: after the topic, a clause ending in a verb (or た) that
    describes the noun the question ends with: the question claims the topic is that noun."""
    topic = last_topic(tokens)
    words = [t for t in tokens if t.pos[0] not in _PUNCTUATION_POS]
    if topic is None or len(words) < 3 or not words[-1].pos[0].startswith("名詞"):
        return False
    at = len(words) - 2  # 「足しただけの数字」: past だけ の to the verb
    while at > 0 and (words[at].surface in _OF or words[at].pos[:2] == _ADVERBIAL_PARTICLE):
        at -= 1
    before = words[at]
    return before.begin >= topic and (before.pos[0] == "動詞" or before.surface in ("た", "だ"))


def noun_said_of_topic(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """「神野先生ってプロジェクトの顧問？」: after the last topic particle, nouns joined by の and nothing
    else before the question mark: the topic claimed to be that noun. Where those nouns are, or None."""
    topic = last_topic(tokens)
    if topic is None:
        return None
    after = [t for t in tokens if t.begin >= topic and t.pos[0] not in _PUNCTUATION_POS]
    pointing = [t for t in after if t.pos[0] == _ADNOMINAL]  # このプロジェクト: but どんな asks
    if any(t.surface in _WHICH_KIND or t.surface.startswith("ど") for t in pointing):
        return None
    if not after or not all(t.pos[0] in _NOUN_POS or t.surface in _OF or t in pointing for t in after):
        return None
    if after[-1].pos[0] not in _NOUN_POS or any(t.pos[0] == "代名詞" for t in after):
        return None
    return after[0].begin, after[-1].end


def sentence_ends(tokens: Sequence[Token]) -> list[int]:
    """Where each sentence that ends in 。 or ！ (not a question mark) ends, before the text does:
    「お疲れさまです。来月の会議で説明します。…はいつでしたか。」 → after each 。 but the last."""
    if _QUESTION_MARKS.issuperset([t.surface for t in tokens if t.pos[:2] == _PERIOD]) and not any(
        map(_pictograph, tokens)
    ):
        return []  # no full stop but question marks, nor an emoji (most questions): one list in C first
    words = [t for t in tokens if t.pos[0] != "空白"]
    return [
        t.end
        for t, after in itertools.pairwise(words)
        if (
            (t.pos[:2] == _PERIOD and t.surface not in ("?", "？"))
            or (_pictograph(t) and not _pictograph(after))
        )
        and after.pos[:2] != _PERIOD
    ]


def _pictograph(token: Token) -> bool:
    """「…新人です🙇 うちの…」: an emoji closes a sentence in chat as 。 does (Unicode category So)."""
    return token.pos[0] == "補助記号" and all(unicodedata.category(c) == "So" for c in token.surface)


def question_end(tokens: Sequence[Token]) -> int | None:
    """Where the last question mark followed by more words ends (「…分かります？ 今日は…」)."""
    if _QUESTION_MARKS.isdisjoint([t.surface for t in tokens[:-1]]):
        return None  # no question mark before the last token (most questions): none followed by words
    words = [t for t in tokens if t.pos[0] != "空白"]
    marks = _marks_before_words(words)
    return words[marks[-1]].end if marks else None


def first_question(tokens: Sequence[Token]) -> list[Token]:
    """The words of the first of two or more questions (「合計って、各区分を足しただけの数字？何月時点？」
    → 合計って、各区分を足しただけの数字？); [] when there is one question only."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    marks = _marks_before_words(words)
    return words[: marks[0] + 1] if marks else []


def _marks_before_words(words: Sequence[Token]) -> list[int]:
    """Where a question mark stands with more words after it (a question that others follow)."""
    return [
        at
        for at in range(len(words) - 1)
        if words[at].surface in _QUESTION_MARKS and words[at + 1].pos[0] not in _PUNCTUATION_POS
    ]


def last_topic(tokens: Sequence[Token]) -> int | None:
    """Where the words after the last topic particle (は, って) begin; None without one."""
    for token in reversed(tokens):
        if token.surface in _TOPIC_WORDS and token.pos[:2] in _TOPIC:
            return token.end
    return None


_INFLECTION_POS = frozenset({"助詞", "助動詞", "動詞"})  # 「あいてる」 is a verb inflected, not 相手
FUNCTION_POS = frozenset({"助詞", "助動詞", "代名詞"})  # の, です, だれ: words that join or ask
VERBAL_POS = frozenset({"動詞", "助動詞"})  # a predicate's last word (開催さ + れ + た)


def is_inflection(token: Token) -> bool:
    """A particle, an auxiliary or a verb, or the stem of an auxiliary (そう of 結んだそうです, よう):
    what a word spelled in kana is not (のって, あいて)."""
    return token.pos[0] in _INFLECTION_POS or token.pos[1:2] == _AUXILIARY_STEM


def is_adjective(token: Token) -> bool:
    return token.pos[0] == "形容詞"


_AUXILIARY_STEM = ("助動詞語幹",)
_PLAIN_NOUN = ("名詞", "普通名詞", "一般")


def is_plain_noun(token: Token) -> bool:
    """A common noun that is neither a counter nor adverbial (雪, 茶; not 日, 区)."""
    return token.pos[:3] == _PLAIN_NOUN


def is_noun_like(token: Token) -> bool:
    """A noun or an affix: what a compound is made of (市 + 長会, 群間 + 県)."""
    return token.pos[0] in _NOUN_POS


def ends_a_word(token: Token) -> bool:
    """Whether a word glued after this token continues it (群間 + 県, 報告 + 書): a noun, an affix, a
    verb or an adjective; not a particle, an auxiliary or a pronoun (「した区」「どの区」)."""
    return token.pos[0] in _NOUN_POS or token.pos[0] in _PREDICATE_POS - {"助動詞"}


def until_after_from(tokens: Sequence[Token]) -> int | None:
    """「AからBまで…」: where the まで that closes a から ends (a span between two things), or None."""
    since = False
    for t in tokens:
        if t.surface == "から" and t.pos[0] == "助詞":
            since = True
        elif since and t.surface == "まで" and t.pos[0] == "助詞":
            return t.end
    return None


def modifies_next(token: Token) -> bool:
    """A verb in its dictionary form before a noun modifies it (「事業をしている区」), it does not
    begin a compound with it."""
    return token.pos[0] == "動詞" and token.surface == token.lemma


def topic_noun(tokens: Sequence[Token]) -> tuple[str, int, int] | None:
    """「…協力に入ってた新聞社ってどこ？」「紹介したお祭りっていくつ？」: the noun before the last は or
    って when only a question word and endings follow, whatever comes before it."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    for i in range(len(words) - 1, 0, -1):
        t = words[i]
        if t.surface not in _TOPIC_WORDS or t.pos[:2] not in _TOPIC:
            continue
        if not _only_asks(words[i + 1 :]):
            return None
        j = i
        while j > 0 and words[j - 1].pos[0] in _NOUN_POS and words[j - 1].end == words[j].begin:
            j -= 1
        return ("".join(w.surface for w in words[j:i]), words[j].begin, words[i - 1].end) if j < i else None
    return None


def asked_noun(tokens: Sequence[Token]) -> tuple[str, int, int] | None:
    """「協定の有効期限は？」「プロジェクトの担当部署はどこ？」: the noun the question asks about,
    the compound after の and right before its last は or って when only a question word and
    endings follow; with its offsets. None when the question has no such shape."""
    words = [t for t in tokens if t.pos[0] != "空白"]
    # each sentence asks on its own: 「協定の有効期間は？更新はありますか」 asks 有効期間 first
    ends = [k + 1 for k, w in enumerate(words) if w.pos[:2] == _SENTENCE_END]
    for begin, end in zip([0, *ends], [*ends, len(words)], strict=False):
        found = _asked_in(words[begin:end])
        if found is not None:
            return found
    return None


def _asked_in(words: Sequence[Token]) -> tuple[str, int, int] | None:
    for i, t in enumerate(words[:-1]):  # 「どういう手続きが必要？」: the noun a question adnominal asks
        if t.pos[0] == _ADNOMINAL and t.surface in _WHICH_KIND:
            j = i + 1
            while j < len(words) and words[j].pos[0] in _NOUN_POS and words[j].begin == words[j - 1].end:
                j += 1
            if j > i + 1:
                return "".join(w.surface for w in words[i + 1 : j]), words[i + 1].begin, words[j - 1].end
    for i in range(len(words) - 1, 0, -1):
        t = words[i]
        if t.surface not in _TOPIC_WORDS or t.pos[:2] not in _TOPIC:
            continue
        after = words[i + 1 :]
        if not _only_asks(after):
            return _noun_before_wh(after)  # 「…協定って有効期間何年？」: the noun the question word asks of
        j = i
        while j > 0 and words[j - 1].pos[0] in _NOUN_POS and words[j - 1].end == words[j].begin:
            j -= 1
        if j == i or j == 0 or words[j - 1].surface not in _OF:
            return (
                None  # only 「Xの有効期限は」: a verb's object (「確認した災害は」) is described, not named
            )
        return "".join(w.surface for w in words[j:i]), words[j].begin, words[i - 1].end
    return _object_asked(words)


def _object_asked(words: Sequence[Token]) -> tuple[str, int, int] | None:
    """「…が話した内容の要旨を教えて」: the noun after の and before を, when one verb and only its
    endings close the sentence (a request: what is asked for is that noun)."""
    for i in range(len(words) - 2, 0, -1):
        if words[i].surface != "を" or words[i + 1].pos[0] != "動詞":
            continue
        rest = words[i + 2 :]
        if not all(w.pos[0] in _ENDING_POS or w.pos[:2] in (_FINAL_PARTICLE, _CONJUNCTIVE) for w in rest):
            return None
        j = i
        while j > 0 and words[j - 1].pos[0] in _NOUN_POS and words[j - 1].end == words[j].begin:
            j -= 1
        if j == i or j == 0 or words[j - 1].surface not in _OF:
            return None
        return "".join(w.surface for w in words[j:i]), words[j].begin, words[i - 1].end
    return None


@lru_cache(maxsize=4096)
def short_units(text: str) -> tuple[str, ...]:
    """A compound's shortest units (婚活パーティー → 婚活, パーティー; 担当部署 → 担当, 部署)."""
    return tuple(m.surface() for m in _tokenizer(sudachipy.SplitMode.A).tokenize(text)) if text else ()


def _noun_before_wh(words: Sequence[Token]) -> tuple[str, int, int] | None:
    """「有効期間何年？」: a compound noun right before a question word and the endings."""
    j = 0
    while j < len(words) and words[j].pos[0] in _NOUN_POS and not words[j].surface.startswith(_WH_START):
        j += 1
    if j == 0 or j >= len(words) or not words[j].surface.startswith(_WH_START):
        return None
    k = j + 1  # the question word's counter (何 + 年), then only endings
    while k < len(words) and words[k].pos[0] in _NOUN_POS:
        k += 1
    if not _only_asks(words[k:]):
        return None
    return "".join(w.surface for w in words[:j]), words[0].begin, words[j - 1].end


_WH_START = ("何", "いつ", "どこ", "どれ", "いくつ", "いくら")  # 何年, いつまで, どこ…


def _only_asks(after: Sequence[Token]) -> bool:
    """What follows a topic is a question word and endings (「は？」「はどこ？」「って何年になってますか」)."""
    if all(w.pos[0] in _AFTER_TOPIC_POS or w.pos[:2] == _FINAL_PARTICLE for w in after):
        return True
    after = [w for w in after if w.pos[:3] != _ADVERBIAL_NOUN]  # 今, 現在 (「って今どのくらい」)
    if not after or not (
        after[0].pos[0] in ("代名詞", _ADNOMINAL)
        or after[0].surface.startswith("何")
        or after[0].surface in _HOW_MANY
    ):
        return False
    rest = after[2:] if len(after) > 1 and after[1].pos[0] == "名詞" else after[1:]  # 何 + 年
    return all(w.pos[0] in (*_AFTER_TOPIC_POS, "助詞", "動詞") for w in rest)


def short_readings(text: str) -> list[tuple[str, str]]:
    """(surface, hiragana reading) of a compound's shortest units (三井住友海上 → 三井 みつい, 住友 …)."""
    return (
        [
            (m.surface(), to_hiragana(m.reading_form()))
            for m in _tokenizer(sudachipy.SplitMode.A).tokenize(text)
        ]
        if text
        else []
    )


def head_word(text: str) -> str:
    """The last short unit of a compound noun (担当部署 → 部署, 有効期限 → 期限)."""
    units = short_units(text)
    return units[-1] if units else ""


def content_forms(tokens: Iterable[Token]) -> list[str]:
    """Normalised forms of the content words, in order: the vocabulary of intent cues."""
    return [t.normalized for t in tokens if t.is_content]


def reading(text: str) -> str:
    """The hiragana reading of `text` (第一生命 → だいいちせいめい). Spaces are dropped."""
    return "".join(t.reading for t in tokenize(text) if t.pos[0] not in _SKIP_READING_POS)


def _kana_reading(tokens: Iterable[Token]) -> str | None:
    out: list[str] = []
    for t in tokens:
        if t.pos[0] in _SKIP_READING_POS or t.pos[:2] == ("補助記号", "一般"):
            continue  # まち・ひと・しごと: the dots are not read
        if not _KANA_READING.fullmatch(t.reading):
            return None  # a word Sudachi does not know reads as itself (KITTE, PRDESIGN)
        out.append(t.reading)
    return "".join(out) or None


@lru_cache(maxsize=4096)  # the same heads and surnames recur across entities
def reading_form(text: str) -> str | None:
    """A name's reading in hiragana, kana only (沼尾波子 → ぬまおなみこ); None when a part has no kana
    reading (Latin letters Sudachi does not know). Sudachi guesses names: a hand-written reading wins."""
    return _kana_reading(tokenize(text))


@lru_cache(maxsize=4096)
def is_common_noun(text: str) -> bool:
    """Whether Sudachi reads `text` as one ordinary noun (中央, 内閣), not a proper name (奈良, 嬬恋)."""
    tokens = tokenize(text)
    return len(tokens) == 1 and tokens[0].pos[:2] == ("名詞", "普通名詞")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split where Sudachi sees a surname (姓) first: 沼尾波子 → 沼尾 + 波子."""

    surname: str
    surname_reading: str | None
    given: str
    given_reading: str | None


def person_name(text: str) -> PersonName | None:
    """The surname and given name of `text`, or None when Sudachi does not read a surname first."""
    tokens = [t for t in tokenize(text) if t.pos[0] not in _SKIP_READING_POS]
    if len(tokens) < 2 or tokens[0].pos[:4] != ("名詞", "固有名詞", "人名", "姓"):
        return None
    first, rest = tokens[0], tokens[1:]
    given = text[rest[0].begin : rest[-1].end].replace(" ", "")
    return PersonName(first.surface, _kana_reading([first]), given, _kana_reading(rest))


# The marks and particles that list words side by side: 「開催・参画」「開催や参画」「開催、参画」.
_LISTING = frozenset({("補助記号", "一般"), ("補助記号", "読点"), ("助詞", "副助詞"), ("助詞", "並立助詞")})


def listed_beside(tokens: Sequence[Token], i: int) -> list[Token]:
    """The words listed right beside token i (参画 in 「開催・参画した」 → 開催), either side."""
    out = []
    for sep, other in ((i - 1, i - 2), (i + 1, i + 2)):
        if min(sep, other) >= 0 and max(sep, other) < len(tokens) and tokens[sep].pos[:2] in _LISTING:
            out.append(tokens[other])
    return out
