"""Question → Query: normalise, tokenize, find dates and entities, pick the intent.

The Query is data only. It says what was asked; answers/ decides what the records say.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu import when as when_mod
from renkei_bot.nlu.compose import compose_partners, partners_with_parent
from renkei_bot.nlu.entities import EntityIndex, Match, NearMiss, Tie
from renkei_bot.nlu.intents import Classifier, Features
from renkei_bot.nlu.periods import Period
from renkei_bot.nlu.terms import Order, content_terms, inside, mask, order_of, proper_names, related_terms
from renkei_bot.normalize import normalize, strip_markup

MAX_QUESTION = 500  # characters read of one question; the rest is ignored (and said so)


# Aspects of an event a question can ask for, each with the words that ask for it.
ASPECTS: dict[str, tuple[str, ...]] = {
    "theme": ("テーマ", "題", "演題"),
    "venue": ("会場", "どこ", "開催地", "場所", "開催場所", "住所"),
    "content": ("内容", "どんな", "概要", "何を", "どう"),
    "participants": ("参加自治体", "参加", "出店", "出展", "何市", "何町", "何村"),
    "time": ("時間", "日時", "何時"),
    "organizer": ("主催", "共催", "後援", "協力", "協賛"),
    "name": ("名前", "名称"),
    "people": (
        "誰",
        "講師",
        "パネリスト",
        "登壇",
        "講演者",
        "基調講演",
        "出席者",
        "コーディネーター",
        "どなた",
    ),
    "affiliation": ("所属", "肩書"),
}

# Words that say nothing about which record is meant: kept out of the free-text terms.
# Intents whose yes/no form states a date to check (「…は2019年でしたっけ？」) rather than a period to search.
_PREMISE_INTENTS = frozenset({"agreement_date", "when", "detail", "who", "events_about", "fallback"})
_WH = re.compile(r"いつ|どこ|誰|だれ|どなた|何|なに|なん|どんな|どう|どれ|どの|いくつ|幾つ|いくら")
_ORDINAL = re.compile(r"第([0-9]+)(回|号|弾)")
# A yes/no question that states something for the bot to confirm: 「…でしたよね？」「…だっけ」
_CONFIRM = re.compile(r"(よね|っけ|でしたか|ですか|ましたか|でしょうか|じゃない|ではない|本当)[?？!！。]*$")
# 「Xで開かれた」「Xで開催」: the place the question takes for granted (checked against the record)
_STATED_PLACE = re.compile(r"([^\s、。,.?？!！はがのをにとも]{2,24})で(?:開|開催|行|実施|やっ|催)")
_UNKNOWN_ORG = re.compile(
    r"[一-龥]{1,4}[都道府県](?:市長会|町村会|議長会)"
    r"|[一-龥ァ-ヶーA-Za-z0-9]{1,12}?(?:銀行|株式会社|保険|証券|生命|商事|新聞社|電力|鉄道|大学)"
)


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

    def entity_ids(self, *types: str) -> list[str]:
        return [m.entity_id for m in self.entities if not types or m.type in types]

    def asks(self, *words: str) -> bool:
        return any(w in self.text for w in words)


class Understander:
    def __init__(
        self,
        index: EntityIndex,
        classifier: Classifier,
        synonyms: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.index = index
        self.classifier = classifier
        self.synonyms = synonyms or {}
        self._partners = partners_with_parent(index.entities)

    def understand(self, question: str, *, today: date) -> Query:
        raw = question
        text = normalize(strip_markup(question))
        truncated = len(text) > MAX_QUESTION
        text = text[:MAX_QUESTION]
        when = when_mod.resolve(text, today=today)
        masked = mask(text, [(p.begin, p.stop) for p in when.spans if not p.attached])
        resolution = compose_partners(self.index.find(masked), masked, self._partners)
        tokens = tok.tokenize(text)
        covered = (
            [(m.begin, m.end) for m in resolution.matches]
            + [(t.begin, t.end) for t in resolution.ties]
            + [(p.begin, p.stop) for p in when.spans]
        )
        # A name matched fuzzily or by reading may still be written in the records as the user wrote it.
        loose = tuple(m.surface for m in resolution.matches if m.method == "fuzzy" and len(m.surface) >= 2)
        terms = tuple(dict.fromkeys((*content_terms(tokens, covered), *loose)))
        entity_types = frozenset(m.type for m in resolution.matches) | frozenset(
            t for tie in resolution.ties for t in tie.types
        )
        # Cues are looked for outside names: 連携 inside 全国連携講演会 is no cue.
        names = [(m.begin, m.end) for m in resolution.matches] + [(t.begin, t.end) for t in resolution.ties]
        words = frozenset(
            w for t in tokens if not inside(t.begin, t.end, names) for w in (t.surface, t.normalized)
        )
        features = Features(
            words=words,
            text=mask(text, names).replace(" ", ""),
            entity_types=entity_types,
            has_period=bool([p for p in when.spans if not p.attached]),
            has_anniversary=when.anniversary is not None,
        )
        scored = self.classifier.classify(features)
        confirm = bool(_CONFIRM.search(text)) and not _WH.search(text)
        if (
            confirm
            and features.has_period
            and scored.name in ("events_in_period", "events_about", "fallback")
        ):
            # 「ロゴマークって2016年に決まったんだっけ？」 asks when it was, stating a year to check
            scored = dataclasses.replace(scored, name="when")
        premise: tuple[Period, ...] = ()
        if confirm and scored.name in _PREMISE_INTENTS:
            premise = tuple(p for p in when.spans if not p.attached)
            when = dataclasses.replace(when, spans=tuple(p for p in when.spans if p.attached))
        unknown = tuple(
            m.group(0)
            for m in _UNKNOWN_ORG.finditer(text)
            if not any(b <= m.start() and m.end() <= e for b, e in covered)
        )
        ordinal = _ORDINAL.search(text)
        place = _STATED_PLACE.search(text)
        stated_place = place.group(1) if place else None
        return Query(
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
            ordinal=int(ordinal.group(1)) if ordinal else None,
            ordinal_unit=ordinal.group(2) if ordinal else "回",
            confirm=confirm,
            related=tuple(t for t in related_terms(tokens, self.synonyms) if t not in terms),
            premise=premise,
            names=proper_names(
                tokens, covered, [(m.begin, m.end) for m in resolution.matches if m.type == "person"]
            ),
            order=order_of(text),
            aspects=aspects_of(text),
            today=today,
            truncated=truncated,
            stated_place=stated_place,
        )


# 「どこの自治体の展示」 asks who took part, not where it was held.
_WHICH_BODY = re.compile(r"どこの(?:自治体|団体|地域|県|市|町|村|区|企業|会社)")


def aspects_of(text: str) -> tuple[str, ...]:
    """The aspects of an event a question asks for (テーマ, 会場, 参加自治体 …), from ASPECTS."""
    found = [name for name, words in ASPECTS.items() if any(w in text for w in words)]
    if _WHICH_BODY.search(text) and "venue" in found:
        found.remove("venue")
        if "participants" not in found:
            found.append("participants")
    return tuple(found)
