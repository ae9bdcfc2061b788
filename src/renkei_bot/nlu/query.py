"""Question → Query: normalise, tokenize, find dates and entities, pick the intent.

The Query is data only. It says what was asked; answers/ decides what the records say.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from renkei_bot.dates import month_end
from renkei_bot.nlu import asker
from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu import when as when_mod
from renkei_bot.nlu.compose import compose_partners, partners_with_parent
from renkei_bot.nlu.entities import EntityIndex, Match, NearMiss, Resolution, Tie
from renkei_bot.nlu.facets import FacetHit, Vocabulary
from renkei_bot.nlu.glossary import Glossary
from renkei_bot.nlu.intents import Classifier, Features
from renkei_bot.nlu.kanjinum import figures_as_digits
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.spelled import Speller
from renkei_bot.nlu.terms import (
    Order,
    compound_parts,
    content_terms,
    inside,
    mask,
    named_things,
    proper_names,
    related_terms,
)
from renkei_bot.nlu.when_atoms import compiled
from renkei_bot.normalize import has_kanji, normalize, strip_markup
from renkei_bot.records import Correction

_APART_GAP = 4  # 「何か月ぐらいかかった」: how long and the gap's word, at most this many characters apart
_DIGIT = re.compile("[0-9]")  # what _NUMBER needs
_QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』")
BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")  # an aside in brackets, full- or half-width
MAX_QUESTION = 500  # characters read of one question; the rest is ignored (and said so)


# Intents whose yes/no form states a date to check (「…は2019年でしたっけ？」) rather than a period to search.
_PREMISE_INTENTS = frozenset({"agreement_date", "when", "detail", "who", "events_about", "fallback"})
_ORDINAL = re.compile(r"第([0-9]+)(回|号|弾)|(?<![0-9])([0-9]+)(回|号|弾)目")  # 第2回, 2回目
# A number the question states that is not a date, an ordinal or a year: 20以上, 144で合ってる
_NUMBER = re.compile(
    # 「5年間の事業」: a length is a figure; 2019年, 5月, 第3回 are not
    r"(?<![0-9.,第])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,5})(?![0-9]|,[0-9]|年(?!間)|[月日回号弾])"
)


def _org_suffix(vocabulary: Vocabulary) -> re.Pattern[str]:
    """The ends _unknown_org's names need: a text holding none of them holds no such name."""
    ends = "|".join(map(re.escape, (*vocabulary.associations, *vocabulary.companies))) or "(?!)"
    return re.compile(ends)


_OF_PREFECTURE = re.compile(r"(?<=[都道府県])の")


def _unknown_org(vocabulary: Vocabulary) -> re.Pattern[str]:
    """Names shaped like an association (〇〇県市長会) or a company (〇〇銀行): intents/_facets.yaml."""
    kinds = "|".join(map(re.escape, vocabulary.associations)) or "(?!)"
    companies = "|".join(map(re.escape, vocabulary.companies)) or "(?!)"
    return re.compile(
        rf"[一-龥]{{1,4}}[都道府県]の?(?:{kinds})|[一-龥ァ-ヶーA-Za-z0-9]{{1,12}}?(?:{companies})"
    )


_PREFECTURE_ENDS = frozenset("都道府県")


def _kana_associations(
    text: str, tokens: Sequence[tok.Token], covered: Sequence[tuple[int, int]], kinds: Sequence[str]
) -> tuple[str, ...]:
    """「おきなわ県町村会」: an association of a place spelled in kana (Sudachi reads おきなわ as a place
    name) that no entity matched, as written."""
    found = []
    for place, end in itertools.pairwise(tokens):
        if (
            place.pos[2:3] == ("地名",)
            and not place.surface.isascii()
            and not has_kanji(place.surface)
            and end.surface in _PREFECTURE_ENDS
            and end.begin == place.end
            and not inside(place.begin, end.end, list(covered))
        ):
            kind = next((k for k in kinds if text.startswith(k, end.end)), None)
            if kind is not None:
                found.append(text[place.begin : end.end + len(kind)])
    return tuple(found)


def stated_place(tokens: Sequence[tok.Token], held_verbs: frozenset[str]) -> str | None:
    """「Xで開かれた」「Xで開催」: the place the question takes for granted (checked against the record):
    the nouns right before で, when a verb of holding follows it."""
    for i, token in enumerate(tokens):
        if token.surface != "で" or i + 1 >= len(tokens) or i == 0:
            continue
        if tokens[i + 1].normalized not in held_verbs and tokens[i + 1].lemma not in held_verbs:
            continue
        j = i
        while j > 0 and tokens[j - 1].pos[0] in ("名詞", "接尾辞") and tokens[j - 1].end == tokens[j].begin:
            j -= 1
        place = "".join(t.surface for t in tokens[j:i])
        if len(place) >= 2:
            return place
    return _place_glued(tokens, held_verbs)


def _place_glued(tokens: Sequence[tok.Token], held_verbs: frozenset[str]) -> str | None:
    """「第3回も京都開催？」: a place name glued to a noun of holding (京都 + 開催)."""
    for before, token in itertools.pairwise(tokens):
        held = token.normalized in held_verbs or token.lemma in held_verbs
        if held and before.end == token.begin and before.pos[1:3] == _PLACE_NAME and len(before.surface) >= 2:
            return before.surface
    return None


_PLACE_NAME = ("固有名詞", "地名")  # Sudachi's part of speech of a place's name (京都, 盛岡)


def _present(facets: Sequence[FacetHit]) -> frozenset[str]:
    """The facets' names and their families (aspect.venue → aspect.): a name ending in "." is a family."""
    present = set()
    for h in facets:
        name = h.name
        present.add(name)
        dot = name.find(".")
        while dot != -1:
            present.add(name[: dot + 1])
            dot = name.find(".", dot + 1)
    return frozenset(present)


@dataclass(frozen=True, slots=True)
class Query:
    raw: str
    text: str
    intent: str
    score: float
    cues: tuple[str, ...]
    entities: tuple[Match, ...]
    ties: tuple[Tie, ...]
    near_misses: tuple[NearMiss, ...]
    unknown_names: tuple[str, ...]
    when: when_mod.When
    terms: tuple[str, ...]
    ordinal: int | None
    order: Order | None
    aspects: tuple[str, ...]
    today: date
    truncated: bool = False
    stated_place: str | None = None  # a place the question asserts (「…で開催」)
    confirm: bool = False  # a yes/no question stating a fact to check: answer with the recorded fact
    ordinal_unit: str = "回"
    names: tuple[str, ...] = ()  # proper nouns left after entities: a name the records may not know
    premise: tuple[
        Period, ...
    ] = ()  # dates a yes/no question states: compared with the record, not filtered on
    related: tuple[str, ...] = ()  # the records' words for the question's verbs: for ranking only
    facets: tuple[FacetHit, ...] = ()  # what the question asks how (intents/_facets.yaml)
    numbers: tuple[int, ...] = ()  # figures the question states (20以上, 144で合ってる), not dates
    counted: tuple[tuple[int, str], ...] = ()  # figures with the noun counted (5年間, 28団体)
    # terms said after the topic (「Xの支援って、どこからの協力依頼だった？」: 協力依頼): what is said of
    # the record the topic names, so they choose its line
    comment: tuple[str, ...] = ()
    topic_end: int | None = None  # where the words after the last topic particle (は, って) begin
    categories: tuple[str, ...] = ()  # record categories the question names (全国連携展示), longest first
    roles: tuple[tuple[str, str], ...] = ()  # (entity id, post) for 「群馬県町村会の会長」
    typos: tuple[str, ...] = ()  # ids of data/corrections.yaml whose wrong form the question writes
    # parts of its long nouns (婚活パーティー → 婚活): searched only when the whole noun is in no record
    parts: tuple[str, ...] = ()
    quoted: tuple[str, ...] = ()  # what the question writes in quotes (「食べておいしい ちばの味」)
    # every edition the question numbers (「1回目と2回目で同じ人？」), in order; `ordinal` is the first
    ordinals: tuple[int, ...] = ()
    kind_asked: str | None = None  # 「事例報告をした区は？」: the entity type of the places asked which of
    # 「ホームページが始まった日に会長を訪問した市長は？」: the terms said before 「…日に」, naming whose day
    dated_by: tuple[str, ...] = ()
    # the parts few answers read (asked, topic, sides, named, related_of), worked out on first use
    later: _Later | None = dataclasses.field(default=None, repr=False, compare=False)
    # the facets' names and their families (aspect.venue → aspect.): what has() looks up, made on its
    # first call (a copy made by dataclasses.replace makes its own)
    _present: frozenset[str] | None = dataclasses.field(default=None, init=False, repr=False, compare=False)

    @property
    def asked(self) -> tuple[str, str] | None:
        """The noun asked about (「協定の有効期限は？」 → 有効期限), with its head (期限), when it is neither
        a name nor a word that asks (テーマ, 会場, 締結日): the records may not hold it at all."""
        return None if self.later is None else self.later.asked

    @property
    def topic(self) -> tuple[str, str] | None:
        """The noun the question is about, whatever precedes it (「新聞社ってどこ」 → 新聞社, its last part)."""
        return None if self.later is None else self.later.topic

    @property
    def sides(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """「AとB、どっちが先？」: the search words of each of the two phrases compared."""
        return None if self.later is None else self.later.sides

    @property
    def named(self) -> tuple[str, ...]:
        """Those of `names` that name a person or an organisation (not a place)."""
        return () if self.later is None else self.later.named

    @property
    def joints(self) -> list[tuple[int, int]]:
        """The commas joining two clauses (「何回やって、京都でやったのは」), as spans of `text`."""
        return [] if self.later is None else self.later.joints

    @property
    def related_of(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each question word → its records' words (intents/_synonyms.yaml)."""
        return () if self.later is None else self.later.related_of

    def entity_ids(self, *types: str) -> list[str]:
        return [m.entity_id for m in self.entities if not types or m.type in types]

    def has(self, *names: str) -> bool:
        """Whether any of the facets is present; a name ending in "." is a family (aspect.)."""
        present = self._present
        if present is None:
            present = _present(self.facets)
            object.__setattr__(self, "_present", present)
        return not present.isdisjoint(names)  # one set operation: asked many times per answer

    def facet_words(self, name: str) -> tuple[str, ...]:
        return tuple(h.word for h in self.facets if h.name == name)


_UNSET = object()  # a part of _Later not worked out yet


class _Later:
    """The parts of a Query that few answers read, worked out from the question's tokens when one
    first asks for them (each the same as if it were worked out with the rest)."""

    def __init__(
        self,
        tokens: list[tok.Token],
        *,
        terms: Sequence[str],
        matches: Sequence[Match],
        facets: Sequence[FacetHit],
        covered: Sequence[tuple[int, int]],
        names: Sequence[str],
        stop: frozenset[str],
        synonyms: Mapping[str, tuple[str, ...]],
    ) -> None:
        self._tokens = tokens
        self._terms = terms
        self._matches = matches
        self._facets = facets
        self._covered = covered
        self._names = names
        self._stop = stop
        self._synonyms = synonyms
        self._asked: object = _UNSET
        self._topic: object = _UNSET
        self._sides: object = _UNSET

    # Each worked out on first use and kept (plain attributes, not cached_property: no lock to take)

    @property
    def asked(self) -> tuple[str, str] | None:
        if self._asked is _UNSET:
            self._asked = _asked(self._tokens, self._facets, self._covered, self._stop)
        return self._asked  # type: ignore[return-value]

    @property
    def topic(self) -> tuple[str, str] | None:
        if self._topic is _UNSET:
            self._topic = _topic(self._tokens, self._covered)
        return self._topic  # type: ignore[return-value]

    @property
    def sides(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        if self._sides is _UNSET:
            alike = any(h.name in _ALIKE_FACETS for h in self._facets)
            self._sides = _sides_terms(self._tokens, self._terms, self._matches, alike=alike)
        return self._sides  # type: ignore[return-value]

    @property
    def named(self) -> tuple[str, ...]:
        return named_things(self._tokens, self._names) if self._names else ()

    @property
    def joints(self) -> list[tuple[int, int]]:
        return tok.clause_joints(self._tokens)

    @property
    def related_of(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        synonyms = self._synonyms
        return tuple((t.surface, synonyms[t.normalized]) for t in self._tokens if t.normalized in synonyms)


# a noun of two or more kanji or katakana right after a date (豪雨 of 平成30年7月豪雨), not 第 (第1回)
# a noun right after a date, or after its の (「平成30年7月の豪雨」 says the records' 平成30年7月豪雨);
# compiled on the first question with a date, like the date finders' patterns
_GLUED_NOUN = r"の?((?!第)[一-龥ァ-ヴー]{2,6})"
_OF = "の"
_WHOLE_YEARS = frozenset({"year", "fiscal_year"})


class Understander:
    def __init__(
        self,
        index: EntityIndex,
        classifier: Classifier,
        synonyms: Mapping[str, tuple[str, ...]] | None = None,
        *,
        vocabulary: Vocabulary,
        categories: Sequence[str] = (),
        glossary: Glossary | None = None,
        corrections: Sequence[Correction] = (),
        speller: Speller | None = None,
        in_records: Callable[[str], bool] | None = None,
    ) -> None:
        self.index = index
        self.speller = speller
        self._in_records = in_records  # whether the records write a phrase (平成30年7月豪雨)
        # longest wrong form first: 京都市市長会 before 京都市長会 inside it
        self._typos = sorted(((normalize(c.wrong), c.id) for c in corrections), key=lambda t: -len(t[0]))
        self.classifier = classifier
        self.synonyms = synonyms or {}
        self.vocabulary = vocabulary
        self._categories = sorted(set(categories), key=lambda c: (-len(c), c))
        self.glossary = glossary or Glossary()
        # by type, not a walk over every entity (a quarter of a million at ×1000): the same ones in order
        self._partners = partners_with_parent((*index.by_type("prefecture"), *index.by_type("partner")))
        # compiled on the first text that holds an org's end (its kanji classes: 1.2 ms of a cold start)
        self._unknown_org: re.Pattern[str] | None = None
        self._org_suffix = _org_suffix(vocabulary)
        self._honorifics = frozenset(index.honorifics.words)
        # 「神野 直彦」: the surnames of the records' people, written apart in their aliases
        self._surnames = frozenset(
            a.split()[0] for e in index.by_type("person") for a in e.aliases if " " in a
        )
        self._place_kinds = dict(vocabulary.place_kinds)
        self._same_day_words = (
            vocabulary.facets.spec(_SAME_DAY).lemmas if _SAME_DAY in vocabulary.facets else frozenset()
        )
        self._wh_starts = vocabulary.facets.spec("wh").starts if "wh" in vocabulary.facets else ()
        self._duration_words = (
            vocabulary.facets.spec("ask.duration").lemmas
            if "ask.duration" in vocabulary.facets
            else frozenset()
        )

    def _unknown_counterparts(
        self,
        tokens: Sequence[tok.Token],
        facets: Sequence[FacetHit],
        covered: Sequence[tuple[int, int]],
        names: Sequence[str],
    ) -> tuple[str, ...]:
        """「楽天と包括連携協定を結んだのは？」: the other party of an agreement (a noun before と, an
        agreement said after it) that no record writes and that names nothing the question asks with
        (企業と…): a name the records lack, though Sudachi takes it for a common noun."""
        if self._in_records is None:
            return ()
        agreed = [h.begin for h in facets if h.name in _AGREEMENT_SUBJECTS]
        asking = [(h.begin, h.end) for h in facets]
        found: list[str] = []
        for before, t, after in zip([None, *tokens], tokens, tokens[1:], strict=False):
            if (
                after.surface == _WITH
                # the whole noun (not the end of one, 村界 of a mistyped 奈良県町村界) and no Latin word
                and (before is None or before.end < t.begin or not _modifies(before))
                and not t.surface.isascii()
                and t.pos[0] == "名詞"
                and t.pos[:2] != ("名詞", "数詞")
                and len(t.surface) >= 2
                and any(0 <= b - after.end <= _COUNTERPART_SPAN for b in agreed)
                and not inside(t.begin, t.end, [*covered, *asking])
                and t.surface not in names
                and t.surface not in self.vocabulary.stop_terms
                and not self._in_records(t.surface)
            ):
                found.append(t.surface)
        return tuple(found)

    def _unknown_orgs(self) -> re.Pattern[str]:
        if self._unknown_org is None:
            self._unknown_org = _unknown_org(self.vocabulary)
        return self._unknown_org

    def understand(
        self, question: str, *, today: date, cleaned: str | None = None, introduced: bool = False
    ) -> Query:
        """`cleaned`: normalize(strip_markup(question)), when the caller has it already; `introduced`:
        the asker's introduction is taken out of it already (nlu/asker.py), not to be looked for again."""
        raw = question
        if cleaned is None:
            cleaned = normalize(strip_markup(question))
        text = self.glossary.apply(cleaned)  # keynote → 基調講演
        text = figures_as_digits(text, self.vocabulary.figure_words)  # 二十以上 → 20以上
        truncated = len(text) > MAX_QUESTION
        text = text[:MAX_QUESTION]
        when, resolution = self._names_and_dates(text, today)
        tokenized: dict[str, list[tok.Token]] = {}  # the speller's tokens of the text, when it is kept

        def tokenize(text: str) -> list[tok.Token]:
            if text not in tokenized:
                tokenized[text] = tok.tokenize(text)
            return tokenized[text]

        if self.speller is not None:
            # かいいんとうろく → 会員登録, jichitai → 自治体; the names found stay as written (おおすぎ さとる)
            kept = [(m.begin, m.end) for m in resolution.matches] + [
                (t.begin, t.end) for t in resolution.ties
            ]
            respelled = self.speller.respell(text, kept, tokenize=tokenize)
            if respelled != text:
                text = respelled
                when, resolution = self._names_and_dates(text, today)
        tokens = self.vocabulary.spelled(tokenize(text))  # 一番のびた: 伸びる
        when = _unglued_years(when, tokens)
        # a name guessed fuzzily around a kind of place standing alone (北海道の町 ~ 北海道町村) is no name:
        # the question asks which 町
        exact = [(m.begin, m.end) for m in resolution.matches if m.method != "fuzzy"]
        kind = self._kind_asked(tokens, exact)
        if kind is not None:
            unguessed = tuple(
                m for m in resolution.matches if m.method != "fuzzy" or not (m.begin <= kind[1] < m.end)
            )
            resolution = dataclasses.replace(resolution, matches=unguessed)
        covered = (
            [(m.begin, m.end) for m in resolution.matches]
            + [(t.begin, t.end) for t in resolution.ties]
            + [(p.begin, p.stop) for p in when.spans]
        )
        # A name matched fuzzily or by reading may still be written in the records as the user wrote it.
        loose = tuple(m.surface for m in resolution.matches if m.method == "fuzzy" and len(m.surface) >= 2)
        stop = self.vocabulary.stop_terms
        names = [(m.begin, m.end) for m in resolution.matches] + [(t.begin, t.end) for t in resolution.ties]
        facets = self.vocabulary.facets.match(tokens, skip=names + [(p.begin, p.stop) for p in when.spans])
        closed = asker.without_closing(
            text, tokens, resolution.matches, facets_of=self.vocabulary.facets.match
        )
        if closed is not None:  # 「…で合ってますか？念のため確認お願いします。」: the question alone
            return self.understand(raw, today=today, cleaned=closed, introduced=introduced)
        if not introduced and asker.may_introduce(text):
            # 「埼玉県町村会の事務局の者です。うちの締結式は…」: the question without the introduction
            rest = asker.without_intro(
                text,
                tokens,
                facets,
                resolution.matches,
                facets_of=self.vocabulary.facets.match,
                surnames=self._surnames,
            )
            if rest is not None and rest != text:
                return self.understand(raw, today=today, cleaned=rest, introduced=True)
        # the question words are no search terms: 何階 in 「ヒカリエの何階」 asks, it names nothing
        # nor is the order asked (一番はじめ: 初め is no topic)
        asking = covered + self.vocabulary.facets.asking_words(tokens)
        asking += [(h.begin, h.end) for h in facets if h.name.startswith("order.")]
        # 「…確認させてください」「念のため確認お願いします」: a courtesy's words are no search terms
        asking += [(h.begin, h.end) for h in facets if h.name == asker.CLOSING]
        # 「記念すべき初回」: a set phrase that decorates (memorable) names nothing to search for
        asking += [(h.begin, h.end) for h in facets if h.name == _SET_PHRASE]
        aside = _Aside.of(tokens, resolution.matches)
        when = aside.when(when, today)
        when = _restated(text, when)
        silenced = aside.facets(facets)
        if len(silenced) < len(facets) and aside.lead is not None:
            # 「来年度予算の参考にしたく、…交付上限額は？」: a facet said again after the clause leading in
            # is asked there (one hit per facet: the first, in the clause, was silenced)
            lost = {h.name for h in facets} - {h.name for h in silenced}
            after = [t for t in tokens if t.begin >= aside.lead]
            again = [h for h in self.vocabulary.facets.match(after, skip=names) if h.name in lost]
            silenced = tuple(sorted((*silenced, *again), key=lambda h: (h.begin, h.name)))
        facets = _now_of_the_question(tokens, silenced)
        # 「AからBまでは何日？」「…までの期間は」: how long, asked after a span between two things, asks
        # the interval between them
        # (「27年度から3年度までで合計はどのくらい増えた」 asks a change of the table, not a time)
        said = {h.name for h in facets}
        # (a count said by the very word that asks how long, どれくらい, is that length)
        lengths = self._duration_words
        amount = any(
            h.name.startswith(("change.", "total."))
            or (h.name.startswith("count.") and h.word not in lengths)
            for h in facets
        )
        until = tok.until_after_from(tokens) if "ask.interval" not in said and not amount else None
        lasting = [h for h in facets if h.name == "ask.duration" and until is not None and h.begin >= until]
        if not lasting and "ask.interval" not in said and "time.apart" in said:
            # 「AとBの協定は何年離れてる？」「…から締結式まで何か月ぐらいかかった？」: how long in days,
            # months or years (not どのくらい: 「どのくらい差がある」 may ask a table's change), then the
            # words of a gap between two things
            gaps = [h.begin for h in facets if h.name == "time.apart"]
            lasting = [
                h
                for h in facets
                if h.name == "ask.duration"
                and any(unit in h.word for unit in self.vocabulary.time_units)
                and any(0 <= b - h.end <= _APART_GAP for b in gaps)
            ]
        if lasting:
            facets = tuple(
                sorted(
                    (*facets, dataclasses.replace(lasting[0], name="ask.interval")),
                    key=lambda h: (h.begin, h.name),
                )
            )
        asking += aside.words()
        restated = _restated_predicates(text, tokens)
        asking += restated
        # a quoted phrase (「平成30年7月豪雨」) is searched as written, as well as word by word
        quoted = tuple(  # 「これまでの経過」 names the document itself: no words to search
            m.group()[1:-1]
            for m in (_QUOTED.finditer(text) if "「" in text or "『" in text else ())
            if len(m.group()) >= 5
            and not _FIGURE_ONLY.match(m.group()[1:-1])  # 「30団体」: a figure claimed, no words to search
            and not any(b <= m.start() + 1 and m.end() - 1 <= e for b, e in covered)
            and content_terms([t for t in tokens if m.start() < t.begin < m.end()], asking, stop)
        )
        terms = tuple(dict.fromkeys((*content_terms(tokens, asking, stop), *loose, *quoted)))
        parts = compound_parts(tokens, covered, stop)
        entity_types = frozenset(m.type for m in resolution.matches) | frozenset(
            t for tie in resolution.ties for t in tie.types
        )
        # Cues are looked for outside names: 連携 inside 全国連携講演会 is no cue.
        # nor in a clause that only leads into the question (「予算の資料を作ってるんだけど、…」)
        # nor in a wish about the answer's form (「締結日もあると助かります」: that ある asks nothing)
        # nor in the asker's own first visit (「はじめて伺うので」: no first record asked)
        quiet = [*names, *aside.words(), *((h.begin, h.end) for h in facets if h.name in _OF_ASKER)]
        seen: set[str] = set()
        for t in tokens:
            if not quiet or not inside(t.begin, t.end, quiet):
                seen.add(t.surface)
                seen.add(t.normalized)
        words = frozenset(seen)
        features = Features(
            words=words,
            text=mask(text, quiet).replace(" ", ""),
            entity_types=entity_types,
            has_period=bool([p for p in when.spans if not p.attached]),
            has_anniversary=when.anniversary is not None,
        )
        scored = self.classifier.classify(features)
        present = _present(facets)  # the facets' names and families (aspect.): one lookup each
        # 「講演した人の名前覚えてる？」 asks the name, as a wh-question would
        if "ask.indirect" in present and "aspect." in present and "wh" not in present:
            indirect = next(h for h in facets if h.name == "ask.indirect")
            facets = (*facets, dataclasses.replace(indirect, name="wh"))
            present = present | {"wh"}
        wh = "wh" in present
        asks = text.rstrip().endswith(("?", "？"))
        # 「1つも増えてない」: a one said for emphasis (not even one) is no figure
        emphatic = [(h.begin, h.end) for h in facets if h.name == "none.at_all"]
        numbers = (
            numbers_in(mask(text, [(p.begin, p.stop) for p in when.spans] + emphatic))
            if _DIGIT.search(text)
            else ()
        )
        # 「…の構成自治体は15？」: a figure stated with no question word is a claim to check
        # 「…の締結式って令和元年5月31日？」: a date stated last, with no question word, is a claim too
        # (a bare 「2018年度？」 is a follow-up asking about that year, not a claim)
        stated_last = bool(resolution.matches or terms) and any(
            not p.attached and tok.nothing_but_endings(tokens, p.stop) for p in when.spans
        )
        claimed = (
            (bool(numbers) or stated_last)
            and asks
            and present.isdisjoint(("count.", "compare.", "extreme.", "total."))
        )
        # 「…は予定どおり開催できた？」: a claim of how something went is checked, with or without an ending;
        # so is one said last after the topic (「R2年度の講演会ってオンライン？」)
        topic_at = tok.last_topic(tokens)
        said_last = any(
            h.name.startswith("claim.")
            and topic_at is not None
            and h.begin >= topic_at
            and tok.nothing_but_endings(tokens, h.end)
            for h in facets
        )
        claims = "claim." in present and (tok.ends_with_predicate(tokens) or said_last)
        confirm = (claimed or claims or not present.isdisjoint(("confirm.yes_no", "ask.any"))) and not wh
        # 「…どこ開催だっけ、盛岡？」: a guess after the question, a name alone, is a claim to check
        confirm = confirm or (wh and _guessed_last(text, tokens, resolution.matches))
        # 「東北六魂祭2016青森には協力した？」「…は平成30年中に開催？」: no question word, a predicate and ？
        asks_plainly = asks and tok.ends_with_predicate(tokens)
        # a date said would become a claim, unless it qualifies a noun (「2016年のシンポジウム」)
        # and the year of a change (「3年度に増えた？」) is where the change is asked, not a claim
        unstated = "change." in present or all(
            p.attached or p.relative or tok.qualifies(tokens, p.stop) for p in when.spans
        )
        confirm = confirm or (asks_plainly and unstated and not wh and not _requests(facets))
        # 「合計って、3つの区分を単純に足した数？」: the topic claimed to be the noun a clause describes
        confirm = confirm or (asks and not wh and tok.described_after_topic(tokens))
        # 「合計って、各区分を足しただけの数字？何月時点？」: a yes/no question, then one with a question word
        first = tok.first_question(tokens) if wh and not confirm else []
        if first and not any(h.name == "wh" and h.begin < first[-1].end for h in facets):
            confirm = tok.described_after_topic(first)
        # 「北海道町村会って構成自治体数いちばん多い？」: a partner named and claimed the most (or least)
        partner_named = any(m.type == "partner" for m in resolution.matches)
        confirm = confirm or (asks_plainly and not wh and "extreme." in present and partner_named)
        # 「第1回シンポ 基調講演 高橋一夫先生？」: terse words, then a person or place guessed last
        confirm = confirm or (
            not wh and _named_last(text, tokens, resolution.matches, facets, self._honorifics)
        )
        confirm = confirm or (not wh and _guessed_last(text, tokens, resolution.matches, breaks_at=_SPACE))
        # 「奈良県町村会の協定は広島県町村会より後？」: one stated to come before or after another
        confirm = confirm or (not wh and asks and "compare.than" in present)
        # 「協定を結んで、今年でちょうど10年？」: the years since a record, stated to check
        confirm = confirm or (not wh and asks and "time.years_after" in present)
        # 「最後に協定を結んだのは千葉県市長会？」: one name after the topic, and only endings
        confirm = confirm or (
            not wh and asks and _named_after_topic(tokens, resolution.matches, self._honorifics)
        )
        # 「神野先生ってプロジェクトの顧問？」: the topic said to be a noun that asks no aspect or figure
        said_of = tok.noun_said_of_topic(tokens) if asks and not wh and not confirm else None
        confirm = confirm or (
            said_of is not None
            and bool(resolution.matches)
            and not any(said_of[0] <= h.begin < said_of[1] for h in facets)
            # a name there (荒川区長, 首都大学東京の教授) is checked against the records' lines elsewhere
            and not any(said_of[0] <= m.begin < said_of[1] for m in resolution.matches)
        )
        # 「…展示のテーマは？」: an aspect's word, its topic particle and nothing more asks that aspect
        confirm = confirm and not _aspect_asked_last(tokens, facets)
        past = when.anniversary is not None and bool(when.anniversary.years_ago)
        if confirm and past and any(m.type != "venue" for m in resolution.matches):
            # 「8年前の今月って区政会館で青森県市町村の展示やってたっけ？」: a past month counted from today,
            # said of a record the question names, is a date claimed like a written one
            when = dataclasses.replace(
                when,
                anniversary=None,
                spans=tuple(dataclasses.replace(p, relative=False) for p in when.spans),
            )
            if scored.name == "anniversary":
                scored = dataclasses.replace(scored, name="events_about")
        if (
            confirm
            and features.has_period
            and present.isdisjoint(("ask.any", "ask.exists"))
            and scored.name in ("events_in_period", "events_about", "fallback")
        ):
            # 「ロゴマークって2016年に決まったんだっけ？」 asks when it was, stating a year to check
            scored = dataclasses.replace(scored, name="when")
        # 「来週の全体メールに『…は2016年4月26日』って書いたけど合ってる？」: a day to come naming the asker's
        # own thing (来週の全体メール) dates nothing the records hold, when a claim names a record and a date
        stated_dates = [p for p in when.spans if not p.relative]
        if confirm and resolution.matches and stated_dates:
            ahead = [
                p
                for p in when.spans
                if p.relative and p.start > today and not p.attached and tok.qualifies(tokens, p.stop)
            ]
            if ahead:
                when = dataclasses.replace(
                    when, spans=tuple(p for p in when.spans if p not in ahead), anniversary=None
                )
        premise: tuple[Period, ...] = ()
        place = stated_place(tokens, self.vocabulary.held_verbs)
        # 「2020年の絆まつりは予定どおり開催された？」「令和2年度の講演会も区政会館でしたか？」: a claim of
        # how or where it went; the year then picks the record, it is not the claim
        claims_else = place is not None or any(m.type == "venue" for m in resolution.matches)
        if (
            confirm
            and scored.name in _PREMISE_INTENTS
            and not claims_else
            and present.isdisjoint(("ask.any", "ask.exists", "claim."))
        ):
            # 「2019年でしたっけ？」 states a date to check; 「今年の予定は決まってる？」 searches this year
            # a past date counted from today said after the topic is claimed too (「決めたのって10年前だよね」);
            # a year to come (「再来年で10周年？」) is where a count of years ends
            scope = [
                p
                for p in when.spans
                if p.attached
                or (p.relative and (topic_at is None or p.begin < topic_at or p.end >= today))
                or tok.qualifies(tokens, p.stop)
            ]
            premise = tuple(p for p in when.spans if p not in scope)
            when = dataclasses.replace(when, spans=tuple(scope))
        guessed = [(m.begin, m.end) for m in resolution.matches if m.method == "fuzzy"]
        unknown = (
            tuple(
                _OF_PREFECTURE.sub("", m.group(0))  # 「沖縄県の町村会」 is 沖縄県町村会
                for m in self._unknown_orgs().finditer(text)
                if not any(b <= m.start() and m.end() <= e for b, e in covered)
                and not any(m.start() <= b < m.end() for b, _ in guessed)  # 群間県 is 群馬県, guessed
            )
            if self._org_suffix.search(text)
            else ()
        )
        unknown = (*unknown, *(n for n in resolution.absent if n not in unknown))
        # a name in the sentences leading in (「〇〇町企画課の佐藤と申します。」) is the asker's own
        names_left = proper_names(
            tokens,
            [*covered, *aside.sentences()],
            [(m.begin, m.end) for m in resolution.matches if m.type == "person"],
            stop,
        )
        # 「楽天と包括連携協定を」: the other party of an agreement the records never write is unknown
        unknown = (*unknown, *self._unknown_counterparts(tokens, facets, covered, unknown))
        unknown = (*unknown, *_kana_associations(text, tokens, covered, self.vocabulary.associations))
        categories = tuple(c for c in self._categories if c in (mask(text, restated) if restated else text))
        if categories:
            held = self._held_beside(tokens, categories)
            categories = tuple(c for c in categories if c not in held)
            terms = tuple(t for t in terms if t not in held)
        ordinal = _ORDINAL.search(text)
        if ordinal and (ordinal.group(2) or ordinal.group(4)) == "回":
            when = _numbered_in_fiscal_year(when)
        query = Query(
            raw=raw,
            text=text,
            intent=scored.name,
            score=scored.score,
            cues=scored.cues,
            entities=resolution.matches,
            ties=resolution.ties,
            near_misses=resolution.near_misses,
            unknown_names=unknown,
            when=when,
            terms=terms,
            ordinal=int(ordinal.group(1) or ordinal.group(3)) if ordinal else None,
            quoted=quoted,
            ordinals=_ordinals(text, ordinal),
            ordinal_unit=(ordinal.group(2) or ordinal.group(4)) if ordinal else "回",
            confirm=confirm,
            # 開かれた → 開催, a word every record of a festival may hold: no topic
            related=tuple(
                t for t in related_terms(tokens, self.synonyms) if t not in terms and t not in stop
            ),
            parts=parts,
            premise=premise,
            names=names_left,
            order=order_of(facets),
            aspects=aspects_of(facets, text, self.vocabulary),
            today=today,
            truncated=truncated,
            stated_place=place,
            facets=facets,
            numbers=numbers,
            counted=tuple(
                tok.counted([t for t in tokens if not inside(t.begin, t.end, emphatic)])
                if _DIGIT.search(text)
                else ()
            ),
            comment=_comment(text, tokens, terms),
            dated_by=_dated_by(tokens, facets, asking, stop, self._same_day_words),
            topic_end=topic_at,
            categories=categories,
            roles=roles_of(resolution.matches, facets, text),
            typos=self._typos_in(text),
            kind_asked=kind[0] if kind else None,
            later=_Later(
                tokens,
                terms=terms,
                matches=resolution.matches,
                facets=facets,
                covered=covered,
                names=names_left,
                stop=stop,
                synonyms=self.synonyms,
            ),
        )
        object.__setattr__(query, "_present", present)  # what has() looks up: made above already
        return query

    def _held_beside(self, tokens: Sequence[tok.Token], categories: Sequence[str]) -> set[str]:
        """Categories listed beside a verb of holding (「開催・参画したイベント」: held or taken part in,
        any record): they narrow nothing."""
        verbs = self.vocabulary.held_verbs
        return {
            t.surface
            for i, t in enumerate(tokens)
            if t.surface in categories
            and any(o.lemma in verbs or o.normalized in verbs for o in tok.listed_beside(tokens, i))
        }

    def _kind_asked(
        self, tokens: Sequence[tok.Token], covered: Sequence[tuple[int, int]]
    ) -> tuple[str, int] | None:
        """The kind of place a word standing alone names (区 in 「報告した区は」, 町 in 「北海道の町」),
        not the end of a name (品川区) nor of another word; after a question word (何区) it still asks."""
        kinds, wh = self._place_kinds, self._wh_starts
        if kinds.keys().isdisjoint([t.surface for t in tokens]):
            return None  # no word is a kind of place (most questions)
        for before, token, after in zip([None, *tokens], tokens, [*tokens[1:], None], strict=False):
            if token.surface not in kinds:
                continue
            # a name inside which the word is (品川区) is no kind; a name that is the word itself
            # (特別区, the wards' own name) is, unless it owns what follows (特別区の講演会)
            named = [(b, e) for b, e in covered if b <= token.begin and token.end <= e]
            if named and (
                named != [(token.begin, token.end)] or (after is not None and after.surface == "の")
            ):
                continue
            if after is not None and after.begin == token.end and tok.is_noun_like(after):
                continue  # 市 + 長会 (Sudachi's split of 市長会): the start of a longer word
            glued = (
                before is not None
                and before.end == token.begin
                and tok.ends_a_word(before)
                and not tok.modifies_next(before)
            )
            if not glued or (wh and before is not None and before.surface.startswith(wh)):
                return kinds[token.surface], token.begin
        return None

    def _names_and_dates(self, text: str, today: date) -> tuple[when_mod.When, Resolution]:
        when = when_mod.resolve(text, today=today)
        quoted = [m.span() for m in _QUOTED.finditer(text)] if "「" in text or "『" in text else []
        if quoted:  # 「平成30年7月豪雨」: a date inside quotes is part of a name, not a period asked about
            # …but a quote of nothing more than a date (「平成29年1月19日」「2019年11月開催」) states it
            # …and so does one the records do not write (「…協定は平成30年2月12日締結」と書いて), a claim
            spans = tuple(
                dataclasses.replace(p, attached=True)
                if any(
                    b < p.begin
                    and p.stop < e
                    and not _only_date(text[b + 1 : e - 1], p)
                    and not self._unwritten_date(text, p)
                    and not self._unwritten_sentence(text[b + 1 : e - 1])
                    for b, e in quoted
                )
                else p
                for p in when.spans
            )
            when = dataclasses.replace(when, spans=spans)
        if self._in_records is not None and any(
            compiled(_GLUED_NOUN).match(text, p.stop) for p in when.spans
        ):
            when = self._named_dates(text, when)
        masked = mask(text, [(p.begin, p.stop) for p in when.spans if not p.attached])
        return when, compose_partners(self.index.find(masked), masked, self._partners)

    def _unwritten_sentence(self, quote: str) -> bool:
        """「北海道町村会との協定締結は平成28年6月25日」「平成30年8月6日、…と協定を締結した」: a quoted
        sentence (with a topic particle, or ending in a predicate), which no record writes, states its
        date; a quoted name (「平成30年7月豪雨」) does not."""
        if self._in_records is None or self._in_records(quote):
            return False
        tokens = tok.tokenize(quote)
        return tok.last_topic(tokens) is not None or tok.ends_with_predicate(tokens)

    def _unwritten_date(self, text: str, period: Period) -> bool:
        """A date and the noun glued after it (平成30年2月12日締結) that no record writes: stated, not a name."""
        glued = compiled(_GLUED_NOUN).match(text, period.stop)
        return (
            self._in_records is not None
            and glued is not None
            and not self._in_records(text[period.begin : glued.end()])
        )

    def _named_dates(self, text: str, when: when_mod.When) -> when_mod.When:
        """「平成30年7月豪雨への支援金」「平成30年7月の豪雨」: a date glued to a noun the records write
        with it is part of a name, not a period asked about (「2016年シンポジウム」, which no record
        writes, stays a period)."""
        in_records = self._in_records
        assert in_records is not None
        spans = []
        for p in when.spans:
            glued = compiled(_GLUED_NOUN).match(text, p.stop)
            # 「平成30年7月の豪雨」: の after a month or a day only (「令和2年度の全国連携展示」 asks that 年度)
            joined = glued is not None and (not glued[0].startswith(_OF) or p.grain not in _WHOLE_YEARS)
            named = (
                glued is not None
                and joined
                and not p.attached
                and in_records(text[p.begin : p.stop] + glued[1])
            )
            spans.append(dataclasses.replace(p, attached=True) if named else p)
        return dataclasses.replace(when, spans=tuple(spans))

    def _typos_in(self, text: str) -> tuple[str, ...]:
        found: list[str] = []
        for wrong, ident in self._typos:
            if wrong in text:
                found.append(ident)
                text = text.replace(wrong, "　" * len(wrong))
        return tuple(found)


_SPACE = re.compile(r"\s+")
_CLAUSE_BREAK = re.compile(r"[、,，?？]")


def _requests(facets: Sequence[FacetHit]) -> bool:
    """Asking for a list, a count or a figure (count.*, total.*, extreme.*), not for a yes or a no."""
    # a figure named (自治体数) or the row named 合計 is what a yes/no may be about:
    # 「自治体数って前年度から増えた？」「合計は前年度から増えた？」
    names_row = any(h.name == "row.total" for h in facets)
    return any(
        h.name.startswith(("count.", "total.", "extreme.", "chart.", "order."))
        and h.name != "count.figure"
        and not (names_row and h.name == "total.sum")
        for h in facets
    )


# what a clause leading in does not ask: no refusal from it
_PREFACE_SILENT = ("count.money", "opinion", "procedure")


@dataclass(frozen=True, slots=True)
class _Aside:
    """Words around the question that ask nothing, found once per question: a clause that only leads
    into it (「…資料を作ってるんだけど、」) and small talk after its question mark (「…？ 今日は寒いですね」),
    each counted only when the question names its own subject outside them."""

    lead: int | None = None  # where the leading clause ends
    bare: bool = False  # the leading clause names nothing either
    tail: int | None = None  # where the small talk begins
    preface: int | None = None  # where a clause ending in 「…けど、」「…まして、」 ends, whatever follows
    said_before: int = 0  # where the last whole sentence before the question ends (0: none)
    # where the sentences told before a question that names its own things end (「来月会議があって事例を
    # 集めています。講演会で事例報告をした区は？」): a date to come there is the asker's plan
    told: int | None = None

    @classmethod
    def of(cls, tokens: Sequence[tok.Token], matches: Sequence[Match]) -> _Aside:
        ends = tok.sentence_ends(tokens)  # 「お疲れさまです。来月の会議で…。奈良県町村会との…は？」
        preface = tok.preface_end(tokens)
        leads = [e for e in (preface, *ends) if e is not None and any(m.begin >= e for m in matches)]
        lead = max(leads, default=None)
        bare = lead is not None and not any(m.begin < lead for m in matches)
        # small talk after the question: after its question mark, or after the sentence that names
        # the last thing it asks about (「…ご教示ください。お手数をおかけします。」)
        last = max((m.end for m in matches), default=None)
        after = [e for e in ends if last is not None and e >= last]
        asked = tok.question_end(tokens)
        asked = asked if asked is not None else min(after, default=None)
        tail = asked if asked is not None and any(m.end <= asked for m in matches) else None
        before = max((e for e in ends if lead is not None and e <= lead), default=0)
        told = max(ends, default=None)
        if told is not None and sum(1 for t in tokens if t.begin >= told and _names_a_thing(t)) < _TOLD_NOUNS:
            told = None  # 「来年度の予定を知りたいです。何がありますか？」: that date is what is asked
        return cls(lead, bare, tail, preface, before, told)

    def sentences(self) -> list[tuple[int, int]]:
        """The whole sentences before the question (「○○町総務課の佐藤でございます。」): a name the
        records do not know there is the asker's, not one asked about."""
        return [(0, self.said_before)] if self.said_before else []

    def words(self) -> list[tuple[int, int]]:
        """「予算の資料を作ってるんだけど、KITTEでの…」: a leading clause naming nothing has no words to
        search for and gives no cue."""
        return [(0, self.lead)] if self.lead is not None and self.bare else []

    def facets(self, facets: Sequence[FacetHit]) -> tuple[FacetHit, ...]:
        """「年末で予算の作業がバタバタしてるんだけど、…展示のテーマは？」: 予算 there is no question of money."""
        lead = self.lead
        if lead is None:
            return tuple(facets)
        return tuple(h for h in facets if not (h.end <= lead and h.name.startswith(_PREFACE_SILENT)))

    def when(self, when: when_mod.When, today: date) -> when_mod.When:
        """「来週の会議の資料を作ってるんだけど、…食材フェアってどこでやった？」: a relative date in either
        dates nothing the question asks about. A clause leading in with no name after it
        (「来週の会議の資料を作ってるんだけど、ロゴマークが…」) loses only its dates from today on: a
        past one (「11年前の今月、杉並のフェスタに…と思うんだけど、」) is what the question recalls."""
        lead, tail = self.lead, self.tail
        if lead is None and tail is None and self.preface is None and self.told is None:
            return when

        def aside(p: Period) -> bool:
            if not p.relative:
                return False
            if (lead is not None and p.stop <= lead) or (tail is not None and p.begin >= tail):
                return True
            if self.told is not None and p.stop <= self.told and p.start > today:
                return True
            return lead is None and self.preface is not None and p.stop <= self.preface and p.end >= today

        kept = tuple(p for p in when.spans if not aside(p))
        if len(kept) == len(when.spans):
            return when
        anniversary = when.anniversary if any(p.relative for p in kept) else None
        return dataclasses.replace(when, spans=kept, anniversary=anniversary)


_TOLD_NOUNS = 2  # nouns of two characters or more a question must name for the sentences before it to be told


def _names_a_thing(token: tok.Token) -> bool:
    """A noun of two characters or more (講演会, 事例): what a question names, not 何 or こと."""
    return tok.is_noun_like(token) and len(token.surface) >= 2 and token.pos[1] != "代名詞"


def _unglued_years(when: when_mod.When, tokens: Sequence[tok.Token]) -> when_mod.When:
    """「2018と2020の合計は」: a bare year joined by a particle to a year glued to no name is glued to
    none either (「ビジネス交流会 2018と2020」: both are the name's)."""
    free_ends = {p.stop for p in when.spans if not p.attached}
    joined = {t.end for t in tokens if t.pos[0] == "助詞" and t.begin in free_ends}
    if not any(p.attached and p.text.isdigit() and p.begin in joined for p in when.spans):
        return when
    spans = tuple(
        dataclasses.replace(p, attached=False) if p.attached and p.text.isdigit() and p.begin in joined else p
        for p in when.spans
    )
    return dataclasses.replace(when, spans=spans)


def _restated(text: str, when: when_mod.When) -> when_mod.When:
    """「5年前の今ごろ（11月末）」: a month or day of no year in brackets right after a date says that
    date again, more closely; it is no period of its own (any year's 11月末)."""
    spans = when.spans
    again = [
        p
        for p in spans
        if p.any_year
        and p.begin > 0
        and text[p.begin - 1] in _OPENING
        and any(q.stop == p.begin - 1 for q in spans if q is not p)
    ]
    if not again:
        return when
    kept = [_widened(q, again) for q in spans if q not in again]
    return dataclasses.replace(when, spans=tuple(kept))


def _widened(period: Period, again: Sequence[Period]) -> Period:
    """「5年前の今頃（11月あたり）」: a window around a day, said again as a whole month of no year, is
    that whole month of the window's year; any other date stays as it is."""
    said = next((p for p in again if p.begin - 1 == period.stop), None)
    if said is None or not period.relative or period.grain != "range" or not _whole_month(said):
        return period
    year = next((d.year for d in (period.start, period.end) if d.month == said.start.month), None)
    if year is None:
        return period
    start = date(year, said.start.month, 1)
    return dataclasses.replace(period, start=start, end=month_end(year, start.month))


def _whole_month(period: Period) -> bool:
    return period.start.day == 1 and period.end == month_end(period.start.year, period.start.month)


_OPENING = "(（"


def _numbered_in_fiscal_year(when: when_mod.When) -> when_mod.When:
    """「R1 第2回講演会」「H29の1回目」: the records number their meetings anew each 年度
    (令和元年度 第2回), so an era year written beside a 第N回 is that 年度 (2020年1月 is R1's 第2回)."""
    spans = tuple(
        dataclasses.replace(
            p, start=date(p.start.year, 4, 1), end=date(p.start.year + 1, 3, 31), grain="fiscal_year"
        )
        if p.grain == "year" and p.era and not p.relative and not p.attached and not p.any_year
        else p
        for p in when.spans
    )
    return dataclasses.replace(when, spans=spans) if spans != when.spans else when


def _comment(text: str, tokens: Sequence[tok.Token], terms: Sequence[str]) -> tuple[str, ...]:
    """The terms first said after the question's last topic particle (は, って)."""
    topic = tok.last_topic(tokens)
    if topic is None:
        return ()
    return tuple(t for t in terms if text.find(t) >= topic)


def _aspect_asked_last(tokens: Sequence[tok.Token], facets: Sequence[FacetHit]) -> bool:
    """The question ends with an aspect's word and は/って (「テーマは？」「会場って？」)."""
    topic = tok.last_topic(tokens)
    if topic is None or not tok.nothing_but_endings(tokens, topic):
        return False
    particle = next((t for t in tokens if t.end == topic), None)
    return particle is not None and any(
        h.name.startswith("aspect.") and h.end == particle.begin for h in facets
    )


def _named_after_topic(
    tokens: Sequence[tok.Token], matches: Sequence[Match], honorifics: frozenset[str] = frozenset()
) -> bool:
    """「…のは千葉県市長会？」「会場って区政会館？」「基調講演って大杉覚先生？」: the last topic particle
    is followed by one name (an honorific may follow it) and nothing but endings, so the name is the
    guess to check."""
    topic = tok.last_topic(tokens)
    if topic is None:
        return False
    after = [m for m in matches if m.begin >= topic]
    if len(after) != 1:
        return False
    named = after[0]
    between = [t for t in tokens if topic <= t.begin and t.end <= named.begin and t.surface.strip()]
    if between:
        return False
    # 「…って群馬県町村会の関連事業？」: the name may qualify the noun that ends the question
    rest = [t for t in tokens if t.begin >= named.end and t.surface.strip()]
    if rest and rest[0].surface == "の":
        nouns = list(itertools.takewhile(tok.is_noun_like, rest[1:]))
        return bool(nouns) and tok.nothing_but_endings(tokens, nouns[-1].end)
    end = rest[0].end if rest and rest[0].surface in honorifics else named.end
    return tok.nothing_but_endings(tokens, end)


def _guessed_last(
    text: str,
    tokens: Sequence[tok.Token],
    matches: Sequence[Match],
    *,
    breaks_at: re.Pattern[str] | None = None,
) -> bool:
    """The last clause is one name the question guesses (「…だっけ、盛岡？」; after a space too, in a
    terse question: 「今やってる全国連携展示 青森？」)."""
    stripped = text.rstrip()
    if not stripped.endswith(("?", "？")):
        return False
    end = len(stripped)
    pattern = breaks_at or _CLAUSE_BREAK
    breaks = [m.end() for m in pattern.finditer(text) if m.end() < end]  # 「どこだった？区政会館？」
    if not breaks:
        return False
    tail = breaks[-1]
    named = [m for m in matches if m.begin >= tail]
    if len(named) != 1:
        return False
    return tok.nothing_but_endings(tokens, named[0].end) and not any(
        t.begin >= tail and t.end <= named[0].begin and t.surface.strip() for t in tokens
    )


_DAY_OF = frozenset({"time.on_that_day", "time.day_of"})
_SET_PHRASE = "filler.set_phrase"
_SAME_DAY = "time.same_day"  # 「…と同じ日」 (a phrase; its lemmas, 当日, say the day of the record itself)
_AGREEMENT_SUBJECTS = frozenset({"subject.agreement", "subject.comprehensive"})
_WITH = "と"  # 「楽天と包括連携協定を」: the other party of an agreement
_NOUN_PARTS = frozenset({"名詞", "接頭辞"})


def _modifies(token: tok.Token) -> bool:
    """A word the next noun is part of or modified by (村界 after 奈良県町, 集まり after 町と村の): that
    noun is no name standing alone."""
    return token.pos[0] in _NOUN_PARTS or token.pos[0] == "接尾辞" or token.surface == _OF


_COUNTERPART_SPAN = 6  # characters from と to the agreement's word (「との包括連携協定」)
_NOW = "time.now"
_OF_ASKER = frozenset({"asker.wish", "asker.visit"})  # words of the asker's own wish or visit: no cue


def _now_of_the_question(tokens: Sequence[tok.Token], facets: tuple[FacetHit, ...]) -> tuple[FacetHit, ...]:
    """「…勉強会で紹介することになり、いま資料を作っております。…決定したのはいつ？」: a いま said in a
    sentence before the question's own tells the asker's situation; only the asking sentence's asks now."""
    if not any(h.name == _NOW for h in facets):
        return facets
    ends = tok.sentence_ends(tokens)
    if not ends:
        return facets
    last = ends[-1]  # the question is the sentence after the last full stop
    if not any(h.begin >= last and (h.name == "wh" or h.name.startswith("ask.")) for h in facets):
        return facets
    return tuple(h for h in facets if h.name != _NOW or h.begin >= last)


def _dated_by(
    tokens: Sequence[tok.Token],
    facets: Sequence[FacetHit],
    asking: list[tuple[int, int]],
    stop: frozenset[str],
    lemmas: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The search terms before the first 「…した日」「…と同じ日」: what the day is that of. `lemmas`:
    time.same_day's single words (当日), which name no other record's day."""
    at = next(
        (h.begin for h in facets if h.name in _DAY_OF or (h.name == _SAME_DAY and h.word not in lemmas)), None
    )
    if at is None:
        return ()
    return tuple(content_terms([t for t in tokens if t.end <= at], asking, stop))


def _restated_predicates(text: str, tokens: Sequence[tok.Token]) -> list[tuple[int, int]]:
    """「開催された（参画した）イベント」: brackets right after a verb say it another way; their words
    widen what is asked and are not searched for (参画 would keep only the records that write it)."""
    if "（" not in text and "(" not in text:
        return []
    ends = {t.end: t for t in tokens}
    return [
        m.span()
        for m in BRACKETED.finditer(text)
        if (before := ends.get(m.start())) is not None and before.pos[0] in tok.VERBAL_POS
    ]


def _asked(
    tokens: Sequence[tok.Token],
    facets: Sequence[FacetHit],
    covered: Sequence[tuple[int, int]],
    stop: frozenset[str],
) -> tuple[str, str] | None:
    found = tok.asked_noun(tokens)
    if found is None:
        return None
    noun, begin, end = found
    if any(b < end and begin < e for b, e in covered) or any(h.begin < end and begin < h.end for h in facets):
        return None  # a name, a date or a word that asks
    if noun in stop or len(noun) < 2 or _ORDINAL.search(noun):
        return None  # 「第1回目っていつ？」: which one, not a thing the records may lack
    return noun, tok.head_word(noun)


def _topic(tokens: Sequence[tok.Token], covered: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    found = tok.topic_noun(tokens)
    if found is None or any(b < found[2] and found[1] < e for b, e in covered):
        return None
    units = tok.short_units(found[0])
    # 「参加自治体数は」 counts 自治体; 「お祭りって」 counts 祭り
    head = units[-2] if len(units) > 1 and units[-1] == tok.COUNT_SUFFIX else tok.head_word(found[0])
    return found[0], head


_ALIKE_FACETS = frozenset({"compare.same", "time.same_day", "time.same_month"})


def _sides_terms(
    tokens: Sequence[tok.Token], terms: Sequence[str], matches: Sequence[Match] = (), *, alike: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The names and words of the two phrases a question joins or compares (tokens.two_sides,
    than_sides); `alike`: the question asks whether they share a day (同じ日)."""
    # 「青森県市長会と協定を結んだ日って、六魂祭と重なってた？」: the topic and what と compares it with
    compared = tok.than_sides(tokens) if tok.compared_with_to(tokens) else None
    sides = compared or tok.two_sides(tokens) or tok.than_sides(tokens)
    if sides is None or any(tok.indefinite(tokens, begin, end) for begin, end in sides):
        return None  # 「どこかとの締結式と重なってた？」: any one, not a record to compare with
    said: list[tuple[list[str], list[str]]] = []  # each side's names and words
    for begin, end in sides:
        inside_words = {t.surface for t in tokens if begin <= t.begin and t.end <= end}
        phrase = "".join(t.surface for t in tokens if begin <= t.begin and t.end <= end)
        words = [w for w in terms if w in inside_words or (w in phrase and len(w) > 2)]
        named = [m.surface for m in matches if begin <= m.begin and m.end <= end]  # 推進方針, 区長会総会
        said.append((named, words))
    (first_names, first_words), (second_names, second_words) = said
    # a side compared may be a name alone (東北六魂祭2016青森) when the other names one and says what of
    # it (青森県市長会の協定式); names alone (「千葉県市長会と山梨県町村会、それぞれ…」) are the partners'
    # table's, and words alone on one side only (同日に締結したところ) name no record
    worded = bool(first_words and second_words)
    one_named = alike and bool(first_names and second_names) and bool(first_words or second_words)
    if not (worded or one_named):
        return None
    return tuple(dict.fromkeys([*first_names, *first_words])), tuple(
        dict.fromkeys([*second_names, *second_words])
    )


def _named_last(
    text: str,
    tokens: Sequence[tok.Token],
    matches: Sequence[Match],
    facets: Sequence[FacetHit],
    honorifics: frozenset[str],
) -> bool:
    """A person or a place right before the closing ？ (an honorific may follow: 先生), after an aspect
    asked (基調講演, 会場)."""
    if not text.rstrip().endswith(("?", "？")) or not any(h.name.startswith("aspect.") for h in facets):
        return False
    last = max(matches, key=lambda m: m.end, default=None)
    if last is None or last.type not in ("person", "venue", "municipality", "prefecture"):
        return False
    end = last.end
    following = [t for t in tokens if t.begin >= end]
    if following and following[0].surface in honorifics:
        end = following[0].end
    return tok.nothing_but_endings(tokens, end) and len(matches) > 1


def aspects_of(facets: Sequence[FacetHit], text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The aspects of an event a question asks for (theme, venue, participants …), the one written last
    first: 「SDGsがテーマの講演会で講演したのは誰」 names a theme and asks for a person. An aspect that a
    record states as 「key：value」, named as the topic of a bare question word, comes before the word's
    own aspect: 「後援はどこ」 asks the sponsor, not the venue どこ alone would ask (「知事は誰」 still
    asks a person: a post is no keyed value)."""
    hits = sorted((h for h in facets if h.name.startswith("aspect.")), key=lambda h: -h.begin)
    asking = {(h.begin, h.end) for h in facets if h.name == "wh"}
    named = [
        h
        for h in hits
        if (h.begin, h.end) not in asking
        and (spec := vocabulary.facets.aspect(h.name.split(".", 1)[1])) is not None
        and spec.value_keys
        and any(
            (b.begin, b.end) in asking and b.name != h.name and tok.topic_between(text[h.end : b.begin])
            for b in hits
        )
    ]
    return tuple(dict.fromkeys(h.name.split(".", 1)[1] for h in [*named, *hits]))


_FIGURE_ONLY = re.compile(r"[0-9０-９,，]+[^0-9０-９\s]{0,4}$")  # 30団体, 372自治体: a number and its counter


def _only_date(quote: str, period: Period) -> bool:
    """Whether a quote says a date and at most a verb of holding after it (「2019年11月開催」)."""
    rest = quote.replace(period.text, "", 1).strip()
    return len(rest) <= MAX_DATE_TAIL


MAX_DATE_TAIL = 2  # 開催, 締結: what a quoted date may carry and still be only a date


def _ordinals(text: str, first: re.Match[str] | None) -> tuple[int, ...]:
    """The numbers of the editions a question names in the unit of the first (第2回, 3回目); a range
    (「第1弾〜第3弾」「第1回から第3回まで」) names those between too."""
    if first is None:
        return ()
    unit = first.group(2) or first.group(4)
    said = [m for m in _ORDINAL.finditer(text) if (m.group(2) or m.group(4)) == unit]
    numbers = [int(m.group(1) or m.group(3)) for m in said]
    between = [
        n
        for (a, low), (b, high) in itertools.pairwise(zip(said, numbers, strict=True))
        if low < high <= low + MAX_RANGE and _RANGE.fullmatch(text[a.end() : b.start()])
        for n in range(low + 1, high)
    ]
    return tuple(dict.fromkeys(sorted([*numbers, *between]) if between else numbers))


MAX_RANGE = 20  # the most editions a range of them names
_RANGE = re.compile(r"\s*(?:〜|～|~|-|ー|から)\s*")


def order_of(facets: Sequence[FacetHit]) -> Order | None:
    """first or last, whichever the question says first."""
    for hit in facets:
        if hit.name == "order.first":
            return "first"
        if hit.name == "order.last":
            return "last"
    return None


def numbers_in(text: str) -> tuple[int, ...]:
    return tuple(int(m.group(1).replace(",", "")) for m in _NUMBER.finditer(text))


def roles_of(matches: Sequence[Match], facets: Sequence[FacetHit], text: str) -> tuple[tuple[str, str], ...]:
    """「群馬県町村会の会長」「渋谷区長」: a post (aspect.role) written right after a name (and の)."""
    out: list[tuple[str, str]] = []
    for match in matches:
        if match.type in ("person", "series", "document"):
            continue
        for hit in facets:
            # 「群馬県市長会の会長」「ぐんまけんしちょうかい の会長」: の after the name, a space allowed
            after_no = hit.begin > match.end and text[match.end : hit.begin].lstrip(" 　") == "の"
            # 「渋谷区長」「北海道知事」: the post glued to a place or a company
            glued = match.begin < hit.begin <= match.end < hit.end and match.type in (
                "ward",
                "municipality",
                "prefecture",
                "company",
            )
            if hit.name == "aspect.role" and (after_no or glued):
                out.append((match.entity_id, hit.word))
    return tuple(out)
