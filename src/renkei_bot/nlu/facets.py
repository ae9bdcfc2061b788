"""Facets: the words a question uses to ask *how* (which aspect, first or last, most or least, a sum,
a change, yes or no), read from intents/_facets.yaml and matched on Sudachi's forms.

A facet fires when one of its `lemmas` equals a token's normalised form, dictionary form or surface,
or when one of its `phrases` (lemmas separated by spaces) matches consecutive tokens. `unless`
phrases veto it (「どこの自治体」 asks who took part, not where). `at_end` facets (the yes/no endings
よね, っけ, でしたか) only count in the last few tokens of a sentence. Code branches on facet names
(`query.has("extreme.max")`), never on the question's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from renkei_bot.errors import DataError
from renkei_bot.nlu.tokens import POTENTIAL, Token, is_potential, is_verbal_noun, tokenize
from renkei_bot.normalize import has_kanji
from renkei_bot.yaml_file import read_yaml

FILE = "_facets.yaml"
_SENTENCE_END = ("補助記号", "句点")  # 。？！
END_WINDOW = 4  # an at_end facet must be among the last tokens before 。？! or the end
_ENDS = frozenset("。？?！!　 .…")  # a trailing 「…」 ends a sentence too
_ENDS_TEXT = "".join(sorted(_ENDS))  # for str.strip: a word of these alone strips to nothing


@dataclass(frozen=True, slots=True)
class FacetSpec:
    name: str
    description: str
    lemmas: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    unless: tuple[tuple[str, ...], ...]
    at_end: bool
    in_names: bool
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    record_keys: tuple[str, ...] = ()  # aspects: the words the rows write it with
    label: str = ""  # aspects: how an answer names it (テーマ, 会場)
    value_keys: tuple[str, ...] = ()  # aspects: keys of 「key：value」 details that hold it
    people_words: tuple[str, ...] = ()  # aspect.people: words that show a row names someone
    # claims (claim.*): words a record writes when the claim is false (延期) or true (オンライン)
    fails_if: tuple[str, ...] = ()
    holds_if: tuple[str, ...] = ()
    # 「何店舗」「何ブース」: a noun right after one of these words is a counter (not_counted excepted)
    counts_after: frozenset[str] = frozenset()
    not_counted: frozenset[str] = frozenset()
    counts_before: frozenset[str] = frozenset()  # 「来場者数」: the noun before 数 is what is counted
    starts: tuple[str, ...] = ()  # 「何県」「何曜」: one token that starts with one of these words
    # `unless` vetoes only the words inside it, not the facet: 「何か提案した…どの区が」 still asks
    unless_here: bool = False


@dataclass(frozen=True, slots=True)
class FacetHit:
    """One facet found: which, the word that matched (its lemma) and where (character offsets)."""

    name: str
    word: str
    begin: int
    end: int


OF = "の"  # 「市町村の数」: the particle between a counted noun and 数


def _form_in(token: Token, words: frozenset[str]) -> str | None:
    """The first of the token's forms (normalised, dictionary, surface) among `words`: tests in a row,
    not a generator over a tuple of them, as this is asked for every hit tried."""
    if token.normalized in words:
        return token.normalized
    if token.lemma in words:
        return token.lemma
    return token.surface if token.surface in words else None


def _words(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if t.pos[0] != "空白" and t.surface.strip()]


def _after_spaces(tokens: Sequence[Token]) -> dict[int, int]:
    """Where a word begins after nothing but spaces → where the word before the spaces ends: a
    question written with spaces between its words (「なんにち はなれてる」) says its phrases still."""
    spaced: dict[int, int] = {}
    last = -1  # where the last word ended
    gap = False
    for t in tokens:
        if t.pos[0] == "空白" or not t.surface.strip():
            gap = last >= 0
            continue
        if gap:
            spaced[t.begin] = last
        last, gap = t.end, False
    return spaced


def _phrase_at(words: Sequence[Token], i: int, phrase: tuple[str, ...], spaced: Mapping[int, int]) -> bool:
    """The phrase's words stand at words[i:], each next to the one before or after spaces alone."""
    if i + len(phrase) > len(words):
        return False
    for k, part in enumerate(phrase):
        word = words[i + k]
        written = part == word.normalized or part == word.lemma or part == word.surface  # as _forms()
        if not written and (part != POTENTIAL or not is_potential(word)):
            return False
        end = words[i + k - 1].end
        if k and end != word.begin and spaced.get(word.begin) != end:
            return False
    return True


def _near_end(words: Sequence[Token], i: int, length: int) -> bool:
    """Token i (and the phrase after it) ends within END_WINDOW tokens of a sentence end."""
    stop = i + length
    for j in range(stop, min(len(words), stop + END_WINDOW) + 1):
        if j == len(words) or not words[j].surface.strip(_ENDS_TEXT):  # nothing but _ENDS in it
            return True
    return False


class _Plan(NamedTuple):
    """What match() needs of one spec, worked out once at load."""

    spec: FacetSpec
    phrases: tuple[tuple[tuple[str, ...], frozenset[str]], ...]  # each phrase with its words
    unless: tuple[tuple[tuple[str, ...], frozenset[str]], ...]
    prefixes: tuple[str, ...]  # starts, then counts_after
    singles: frozenset[str]  # lemmas and counters (counts_after, counts_before): one word each
    # lemmas only (no phrase, prefix or counter, anywhere in a sentence): the first word with a lemma hits
    lemmas_only: bool


def _key_word(phrase: tuple[str, ...]) -> str:
    """The word a phrase is indexed by: its longest (a particle, の or に, is in most questions)."""
    return max(phrase, key=lambda w: (len(w), w))


def _positions(words: Sequence[Token]) -> dict[str, list[int]]:
    """Each form (normalised, dictionary, surface) → the indexes of the words that have it."""
    where: dict[str, list[int]] = {}
    for i, t in enumerate(words):
        surface, normalized, lemma = t.surface, t.normalized, t.lemma
        where.setdefault(surface, []).append(i)
        if normalized != surface:
            where.setdefault(normalized, []).append(i)
        if lemma != surface and lemma != normalized:
            where.setdefault(lemma, []).append(i)
        if is_potential(t):  # 出せた: 「可能形 た」 in a phrase
            where.setdefault(POTENTIAL, []).append(i)
    return where


def _unless_at(
    plan: _Plan,
    words: Sequence[Token],
    where: Mapping[str, list[int]],
    present: set[str],
    spaced: Mapping[int, int],
) -> Iterator[tuple[int, int]]:
    """Where each of the spec's `unless` phrases stands in the words, as [begin, end) of positions."""
    for phrase, need in plan.unless:
        if need <= present:
            for i in where.get(phrase[0], ()):
                if _phrase_at(words, i, phrase, spaced):
                    yield i, i + len(phrase)


def _vetoed(
    plan: _Plan,
    words: Sequence[Token],
    where: Mapping[str, list[int]],
    present: set[str],
    spaced: Mapping[int, int],
) -> bool:
    """One of the spec's `unless` phrases is in the words (「どこの自治体」 vetoes where); for an
    at_end facet, in the last sentence (「確認させてください。…でしたよね？」 still asks yes or no)."""
    found = [i for i, _ in _unless_at(plan, words, where, present, spaced)]
    if not found:
        return False  # no unless phrase anywhere (most questions): no sentence to look for
    start, stop = _last_sentence(words) if plan.spec.at_end else (0, len(words))
    return any(start <= i < stop for i in found)


def _inside_unless(
    plan: _Plan,
    words: Sequence[Token],
    where: Mapping[str, list[int]],
    present: set[str],
    spaced: Mapping[int, int],
) -> set[int]:
    """The positions of the words inside one of the spec's `unless` phrases (何 of 何か)."""
    return {i for begin, end in _unless_at(plan, words, where, present, spaced) for i in range(begin, end)}


_ASKED_ENDS = frozenset({"?", "？"})
_FINAL_PARTICLE = ("助詞", "終助詞")


def _last_sentence(words: Sequence[Token]) -> tuple[int, int]:
    """Where the last sentence that asks begins and ends (one with ？ or か: 「…で相違ないでしょうか。送付前に
    確認させてください。よろしくお願いいたします。」), else the last: after the 。 or ？ before it."""
    starts = [0, *(i + 1 for i, t in enumerate(words[:-1]) if t.pos[:2] == _SENTENCE_END)]
    asking = [
        start
        for start, stop in zip(starts, [*starts[1:], len(words)], strict=True)
        if any(
            t.surface in _ASKED_ENDS or (t.pos[:2] == _FINAL_PARTICLE and t.surface == "か")
            for t in words[start:stop]
        )
    ]
    start = asking[-1] if asking else starts[-1]
    return start, next((s for s in starts if s > start), len(words))


class FacetSet:
    def __init__(self, specs: Sequence[FacetSpec]) -> None:
        self.specs = tuple(specs)
        self._by_name = {s.name: s for s in self.specs}
        self._plans = tuple(
            _Plan(
                spec,
                tuple((p, frozenset(p)) for p in spec.phrases),
                tuple((p, frozenset(p)) for p in spec.unless),
                (*spec.starts, *spec.counts_after),
                spec.lemmas | spec.counts_after | spec.counts_before,
                not (spec.phrases or spec.starts or spec.counts_after or spec.counts_before or spec.at_end),
            )
            for spec in self.specs
        )
        self._prefixed = tuple((i, plan.prefixes) for i, plan in enumerate(self._plans) if plan.prefixes)
        self._initials = {i: frozenset(p[:1] for p in prefixes) for i, prefixes in self._prefixed}
        # A facet can hit only where the question has one of its lemmas or counters, all the words of
        # one of its phrases, or a word starting with one of its prefixes (何県): the facets to visit
        # are found by these indexes, each phrase by one of its words.
        self._by_single: dict[str, list[int]] = {}
        self._by_key: dict[str, list[tuple[int, int]]] = {}
        for index, plan in enumerate(self._plans):
            for word in plan.singles:
                self._by_single.setdefault(word, []).append(index)
            for k, phrase in enumerate(plan.spec.phrases):
                self._by_key.setdefault(_key_word(phrase), []).append((index, k))
        # both indexes in one: a word → the facets it is a lemma or counter of, and the phrases it is
        # the key word of, each with its facet, its number and its words
        by_word: dict[str, tuple[list[int], list[tuple[int, int, frozenset[str]]]]] = {}
        for word, indexes in self._by_single.items():
            by_word.setdefault(word, ([], []))[0].extend(indexes)
        for word, entries in self._by_key.items():
            by_word.setdefault(word, ([], []))[1].extend(
                (index, k, self._plans[index].phrases[k][1]) for index, k in entries
            )
        self._by_word = {
            word: (tuple(singles), tuple(phrases)) for word, (singles, phrases) in by_word.items()
        }
        # the lemmas of every aspect (住所, 期間, 開催日): words that ask, one lookup for all of them
        self.aspect_lemmas = frozenset(
            word for spec in self.specs if spec.name.startswith("aspect.") for word in spec.lemmas
        )

    def asking_words(self, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Where the question words are (every one, not only a facet's first): 何階, どこ, 誰."""
        spec = self._by_name.get("wh")
        if spec is None:
            return []
        lemmas = spec.lemmas
        return [
            (t.begin, t.end)
            for t in tokens
            if t.normalized in lemmas
            or t.lemma in lemmas
            or t.surface in lemmas
            or (
                spec.starts
                and t.surface.startswith(spec.starts)
                and len(t.surface) > 1
                and t.pos[0] == "名詞"
            )
        ]

    def aspect(self, name: str) -> FacetSpec | None:
        """The spec of aspect.<name> (theme, venue, people …), or None."""
        return self._by_name.get(f"aspect.{name}")

    def record_keys(self, aspect: str) -> tuple[str, ...]:
        spec = self.aspect(aspect)
        return spec.record_keys if spec else ()

    def claims(self, names: Iterable[str]) -> list[FacetSpec]:
        """The claim.* facets among `names`: how a yes/no question says a record went."""
        return [self._by_name[n] for n in names if n.startswith("claim.") and n in self._by_name]

    def manner_words(self) -> tuple[str, ...]:
        """Every word a claim.* facet reads in a record (延期, 縮小, オンライン, …): what a record says of
        how it went."""
        specs = self.claims(self._by_name)
        return tuple(dict.fromkeys(w for spec in specs for w in (*spec.holds_if, *spec.fails_if)))

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def spec(self, name: str) -> FacetSpec:
        return self._by_name[name]

    def match(self, tokens: Sequence[Token], *, skip: Iterable[tuple[int, int]] = ()) -> tuple[FacetHit, ...]:
        """Every facet the tokens contain, in order of position. Tokens inside `skip` spans (names,
        dates) are not read: 連携 inside 全国連携講演会 asks nothing."""
        spans = list(skip)
        every = _words(tokens)
        spaced = _after_spaces(tokens) if len(every) < len(tokens) else {}
        if spans:
            outside = []
            for t in every:
                for b, e in spans:
                    if b <= t.begin and t.end <= e:
                        break
                else:
                    outside.append(t)
        else:
            outside = every
        hits: list[FacetHit] = []
        # A phrase with a word the question lacks cannot match anywhere: only the others are tried.
        # where each form is, in every word and in the words outside names: a hit begins on one of them
        where_every = _positions(every)
        where_outside = where_every if outside is every else _positions(outside)
        present = set(where_every)  # every form of every word
        plans = self._plans
        phrases_of: dict[int, list[int]] = {}  # facet → its phrases whose words are all present
        by_word = self._by_word
        touched: set[int] = set()
        for word in present:
            indexed = by_word.get(word)
            if indexed is None:
                continue  # most words index nothing
            singles, keyed = indexed
            if singles:
                touched.update(singles)
            for index, k, needed in keyed:
                if needed <= present:
                    phrases_of.setdefault(index, []).append(k)
        touched.update(phrases_of)
        # the facets with prefixes (何県, 何階): whether a word starts with one, and one longer than it
        begins: dict[int, bool] = {}
        initials = {t.surface[:1] for t in every}
        for index, prefixes in self._prefixed:
            begins[index] = False
            if initials.isdisjoint(self._initials[index]):
                continue  # no word begins with the first character of one of its prefixes
            for t in every:
                if t.surface.startswith(prefixes):
                    begins[index] = True
                    if len(t.surface) > 1:
                        touched.add(index)
                        break
        for index in touched:  # in any order: the hits are sorted below, one per facet
            plan = plans[index]
            spec = plan.spec
            if spec.in_names:  # HP inside 全国連携HP会員登録自治体 names a row
                words, where = every, where_every
            else:
                words, where = outside, where_outside
            blocked = (
                _inside_unless(plan, words, where, present, spaced)
                if plan.unless and spec.unless_here
                else set()
            )
            if plan.lemmas_only:  # touched by a lemma: never skipped below, and hits on its first word
                if plan.unless and not spec.unless_here and _vetoed(plan, words, where, present, spaced):
                    continue
                first = min(
                    (i for w in spec.lemmas.intersection(where) for i in where[w] if i not in blocked),
                    default=None,
                )
                if first is not None:
                    token = words[first]
                    form = _form_in(token, spec.lemmas)
                    assert form is not None  # the token was found by one of its forms
                    hits.append(FacetHit(spec.name, form, token.begin, token.end))
                continue
            ks = phrases_of.get(index)
            phrases = [plan.phrases[k][0] for k in sorted(ks)] if ks else []
            if not phrases and present.isdisjoint(plan.singles) and not begins.get(index, False):
                continue
            if plan.unless and not spec.unless_here and _vetoed(plan, words, where, present, spaced):
                continue
            # the positions a hit can begin on, in order: a lemma or a counter, a phrase's first word,
            # a prefix
            starts = {i for w in plan.singles.intersection(where) for i in where[w]}
            for phrase in phrases:
                starts.update(where.get(phrase[0], ()))
            if plan.prefixes and begins[index]:  # else no word starts with one
                starts.update(i for i, t in enumerate(words) if t.surface.startswith(plan.prefixes))
            hit = self._first(spec, words, phrases, sorted(starts - blocked), spaced)
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: (h.begin, h.name))
        return tuple(hits)

    @staticmethod
    def _first(
        spec: FacetSpec,
        words: Sequence[Token],
        phrases: Sequence[tuple[str, ...]],
        positions: Iterable[int],
        spaced: Mapping[int, int],
    ) -> FacetHit | None:
        """The first hit of the spec at one of `positions` (in order): the only words a hit can begin
        on (a lemma, a phrase's first word, a counter, a prefix)."""
        for i in positions:
            token = words[i]
            if spec.starts and token.surface.startswith(spec.starts) and len(token.surface) > 1:
                return FacetHit(spec.name, token.surface, token.begin, token.end)
            if (
                spec.counts_after
                and len(token.surface) > 1
                and token.surface.startswith(tuple(spec.counts_after))
            ):
                counted = token.surface[1:]  # one token: 何階, 何店舗
                if counted not in spec.not_counted and token.pos[0] == "名詞":
                    return FacetHit(spec.name, token.surface, token.begin, token.end)
            if spec.counts_after and token.surface in spec.counts_after and i + 1 < len(words):
                j = i + 1  # 「何店舗」「何町村」: the nouns right after 何
                while (
                    j < len(words)
                    and words[j].begin == words[j - 1].end
                    and words[j].pos[0] == "名詞"
                    and words[j].surface not in spec.counts_after  # 何市何町: 市, then 何 again
                    and (j == i + 1 or not is_verbal_noun(words[j]))  # 何団体出店: 団体, then a verb
                ):
                    j += 1
                counted = "".join(w.surface for w in words[i + 1 : j])
                if j == i + 2 and is_verbal_noun(words[i + 1]) and j < len(words) and _is_suru(words[j]):
                    counted = ""  # 「総会で何確認してた？」: what was done, not a count of it
                if (
                    counted
                    and counted not in spec.not_counted
                    and words[i + 1].surface not in spec.not_counted
                ):
                    return FacetHit(spec.name, token.surface + counted, token.begin, words[j - 1].end)
            if spec.counts_before and token.surface in spec.counts_before and i > 0:
                noun = words[i - 1]
                if noun.end == token.begin and noun.pos[0] == "名詞":
                    return FacetHit(spec.name, noun.surface + token.surface, noun.begin, token.end)
                if (
                    i > 1 and noun.surface == OF and words[i - 2].pos[0] == "名詞"
                ):  # 「市町村の数」 is 市町村数
                    before = words[i - 2]
                    return FacetHit(spec.name, before.surface + token.surface, before.begin, token.end)
            for phrase in phrases:
                if _phrase_at(words, i, phrase, spaced) and (
                    not spec.at_end or _near_end(words, i, len(phrase))
                ):
                    last = words[i + len(phrase) - 1]
                    return FacetHit(spec.name, "".join(phrase), token.begin, last.end)
            if spec.lemmas and (not spec.at_end or _near_end(words, i, 1)):
                word = _form_in(token, spec.lemmas)
                if word is not None:
                    return FacetHit(spec.name, word, token.begin, token.end)
        return None


def _strings(path: Path, name: str, raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{path}: facet '{name}': '{key}' must be a list of non-empty strings")
    return tuple(value)


def parse_facet(path: Path, name: str, raw: Any) -> FacetSpec:
    if not isinstance(raw, Mapping):
        raise DataError(f"{path}: facet '{name}' must be a mapping with lemmas, phrases, examples, …")
    lemmas = _strings(path, name, raw, "lemmas")
    phrases = _strings(path, name, raw, "phrases")
    if not lemmas and not phrases:
        raise DataError(f"{path}: facet '{name}' needs at least one of 'lemmas' or 'phrases'")
    examples = _strings(path, name, raw, "examples")
    if not examples:
        raise DataError(f"{path}: facet '{name}' needs 'examples' (questions it must fire on)")
    return FacetSpec(
        name=name,
        description=str(raw.get("description", "")).strip(),
        lemmas=frozenset(lemmas),
        phrases=tuple(tuple(p.split()) for p in phrases),
        unless=tuple(tuple(p.split()) for p in _strings(path, name, raw, "unless")),
        at_end=bool(raw.get("at_end", False)),
        in_names=bool(raw.get("in_names", False)),
        record_keys=_strings(path, name, raw, "record_keys"),
        label=str(raw.get("label", "")),
        value_keys=_strings(path, name, raw, "value_keys"),
        people_words=_strings(path, name, raw, "people_words"),
        fails_if=_strings(path, name, raw, "fails_if"),
        counts_after=frozenset(_strings(path, name, raw, "counts_after")),
        not_counted=frozenset(_strings(path, name, raw, "not_counted")),
        counts_before=frozenset(_strings(path, name, raw, "counts_before")),
        starts=_strings(path, name, raw, "starts"),
        holds_if=_strings(path, name, raw, "holds_if"),
        unless_here=bool(raw.get("unless_here", False)),
        examples=examples,
        counter_examples=_strings(path, name, raw, "counter_examples"),
    )


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The rest of _facets.yaml: words that say nothing about which record is meant, the shapes of
    names, the counters that count records, the verbs of a stated place."""

    facets: FacetSet
    stop_terms: frozenset[str]
    associations: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    record_counters: frozenset[str] = frozenset()
    year_counters: frozenset[str] = frozenset()  # 年, 周年: a figure of years since a record
    day_counters: frozenset[str] = frozenset()  # 日間: how many days a record ran (its dates)
    calendar_counters: frozenset[str] = frozenset()  # 年度, 月: a figure that is a date
    time_units: tuple[str, ...] = ()  # 日, 月, 年: a length of time (何か月)
    generic_counters: frozenset[str] = frozenset()
    company_counters: frozenset[str] = frozenset()
    money_counter: str = ""
    table_counters: frozenset[str] = frozenset()
    region_counters: tuple[str, ...] = ()  # 県, 地域: 「何県」 counts the partners' prefectures
    held_verbs: frozenset[str] = frozenset()
    place_kinds: tuple[tuple[str, str], ...] = ()  # 区 → ward: the kind of place a question asks which of
    own_staff: tuple[str, ...] = ()  # 事務局: the records' word for the project's own staff
    first_said: tuple[str, ...] = ()  # 初めて: a record that calls itself the first of its kind
    figure_words: tuple[str, ...] = ()  # 自治体, 以上: words after which kanji numerals are a figure
    # のびる → 伸びる: the verbs and adjectives of the facets by their reading, for a question that writes
    # one in kana where Sudachi keeps the kana as its normalised form (一番のびた年度)
    kana_predicates: tuple[tuple[str, str], ...] = ()
    # kana_predicates as a mapping, made once here, not for every question's tokens
    _spelling: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_spelling", dict(self.kana_predicates))

    def spelled(self, tokens: list[Token]) -> list[Token]:
        """`tokens` with each verb or adjective written in kana given the facets' spelling as its
        normalised form, so that the facets read 「のびた」 as 伸びる; the others as they are."""
        spelling = self._spelling
        if not spelling:
            return tokens
        out = tokens
        for i, t in enumerate(tokens):
            if t.pos[0] in _PREDICATES and t.normalized in spelling:
                if out is tokens:
                    out = list(tokens)
                out[i] = t._replace(normalized=spelling[t.normalized])
        return out


_PREDICATES = frozenset({"動詞", "形容詞"})
_SURU = frozenset({"する", "為る"})


def _is_suru(token: Token) -> bool:
    """する after a verbal noun (確認 + し): the noun is done, as a verb."""
    return token.pos[0] == "動詞" and (token.lemma in _SURU or token.normalized in _SURU)


KANA_PREDICATE_MIN = 3  # a shorter kana verb (あう, たす, へる) reads as too many words to respell


def kana_predicates(specs: Sequence[FacetSpec]) -> tuple[tuple[str, str], ...]:
    """The facets' verbs and adjectives written with kanji (伸びる, 少ない), keyed by their reading in
    hiragana (のびる), which Sudachi gives as the normalised form of the kana-written word. A reading
    that is itself a facet's word, or that two spellings share, is left out."""
    words = {w for spec in specs for w in (*spec.lemmas, *(part for p in spec.phrases for part in p))}
    found: dict[str, set[str]] = {}
    for word in sorted(words):
        if not has_kanji(word):
            continue
        parts = tokenize(word)
        if len(parts) != 1 or parts[0].pos[0] not in _PREDICATES or parts[0].lemma != word:
            continue
        reading = parts[0].reading
        if len(reading) >= KANA_PREDICATE_MIN and reading not in words:
            found.setdefault(reading, set()).add(word)
    return tuple((reading, next(iter(w))) for reading, w in sorted(found.items()) if len(w) == 1)


def load_vocabulary(directory: Path) -> Vocabulary:
    path = directory / FILE
    raw = read_yaml(path)
    if not isinstance(raw, Mapping) or not isinstance(raw.get("facets"), Mapping):
        raise DataError(f"{path}: expected 'facets:' mapping each facet name to its words")
    specs = [parse_facet(path, str(name), value) for name, value in raw["facets"].items()]
    shapes = raw.get("name_shapes") or {}
    if not isinstance(shapes, Mapping):
        raise DataError(f"{path}: 'name_shapes' must map associations/companies to lists of words")
    return Vocabulary(
        FacetSet(specs),
        frozenset(_word_list(path, raw, "stop_terms")),
        associations=_word_list(path, shapes, "associations"),
        companies=_word_list(path, shapes, "companies"),
        record_counters=frozenset(_word_list(path, raw, "record_counters")),
        year_counters=frozenset(_word_list(path, raw, "year_counters")),
        day_counters=frozenset(_word_list(path, raw, "day_counters")),
        calendar_counters=frozenset(_word_list(path, raw, "calendar_counters")),
        time_units=_word_list(path, raw, "time_units"),
        generic_counters=frozenset(_word_list(path, raw, "generic_counters")),
        company_counters=frozenset(_word_list(path, raw, "company_counters")),
        money_counter=str(raw.get("money_counter", "")),
        table_counters=frozenset(_word_list(path, raw, "table_counters")),
        region_counters=_word_list(path, raw, "region_counters"),
        held_verbs=frozenset(_word_list(path, raw, "held_verbs")),
        place_kinds=_pairs(path, raw, "place_kinds"),
        own_staff=_word_list(path, raw, "own_staff"),
        first_said=_word_list(path, raw, "first_said"),
        figure_words=_word_list(path, raw, "figure_words"),
        kana_predicates=kana_predicates(specs),
    )


def _pairs(path: Path, raw: Mapping[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    value = raw.get(key, {})
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise DataError(f"{path}: '{key}' must map words to entity types")
    return tuple(value.items())


def _word_list(path: Path, raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataError(f"{path}: '{key}' must be a list of words")
    return tuple(value)
