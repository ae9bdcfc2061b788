"""The one facade the adapters (CLI, Slack, scheduler) use. Knows nothing of Slack."""

from __future__ import annotations

import dataclasses
import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from renkei_bot import hops, wording
from renkei_bot.answers import anniversaries as anniv
from renkei_bot.answers import events, general, partners
from renkei_bot.answers.answer import answer
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import event_line
from renkei_bot.answers.model import Answer, Line
from renkei_bot.answers.select import Selector
from renkei_bot.conversation import Carried, follow
from renkei_bot.dates import date_words
from renkei_bot.followups import Followups
from renkei_bot.nlu.entities import EntityIndex
from renkei_bot.nlu.entity_keys import is_hiragana
from renkei_bot.nlu.facets import Vocabulary, load_vocabulary
from renkei_bot.nlu.glossary import Glossary, load_glossary
from renkei_bot.nlu.intents import Classifier
from renkei_bot.nlu.query import MAX_QUESTION, Query, Understander
from renkei_bot.nlu.readings import Honorifics, load_honorifics
from renkei_bot.nlu.sentences import clause_parts, question_parts
from renkei_bot.nlu.spelled import Lexicon, Speller
from renkei_bot.normalize import normalize, replace_surrogates, strip_markup
from renkei_bot.parts import Parts
from renkei_bot.paths import INTENTS_DIR
from renkei_bot.prepared import lexicon_cache, load_language, load_prepared
from renkei_bot.store import Store
from renkei_bot.turn import Turn, turn_of


def _log_failure(message: str, *args: object) -> None:
    """Logs the exception being handled, with its traceback. logging is imported on the first failure:
    a cold `ask` that answers does not pay for it (about 3 ms)."""
    import logging

    logging.getLogger(__name__).exception(message, *args)


YOUNG_THRESHOLD = 10_000  # allocations between young collections once the records are loaded (CPython: 700)
_NO_SUBJECT = frozenset({"greeting", "help"})  # answers a follow-up cannot refer to: the context stays


@dataclasses.dataclass(frozen=True, slots=True)
class Exchange:
    answer: Answer
    turn: Turn | None  # what the next question of the conversation may refer to
    carried: bool = False  # the answer took something from the previous turn


def _say_carried(result: Answer, carried: Carried) -> Answer:
    """The answer starts with what it took from the last one, so a wrong carry-over is seen at once."""
    if carried.expand and carried.question:
        prefix = wording.carried_expand(carried.question)
    elif carried.question:
        prefix = wording.carried_question(carried.question)
    else:
        prefix = wording.carried_about(carried.about)
    return dataclasses.replace(
        result, summary=prefix + result.summary, show_all=result.show_all or carried.expand
    )


# The facets that ask something of their own where they stand (a question word, 第何回, いつ)
_ASKS = frozenset({"wh", "ask.ordinal", "ask.when", "count.how_many", "time.day_of"})


class Engine:
    def __init__(
        self,
        store: Store,
        classifier: Classifier,
        synonyms: Mapping[str, tuple[str, ...]] | None = None,
        *,
        vocabulary: Vocabulary | None = None,
        glossary: Glossary | None = None,
        honorifics: Honorifics | None = None,
        index: EntityIndex | None = None,
        followups: Followups | None = None,
        lexicon_cache: Callable[[Callable[[], Lexicon]], Lexicon] | None = None,
    ) -> None:
        """`index`: an entity dictionary already built (from the prepared cache) with these honorifics;
        `lexicon_cache`: where the speller keeps its lexicon between runs."""
        self.store = store
        self.classifier = classifier
        self.followups = followups or Followups(())
        self.index = (
            index
            if index is not None
            else EntityIndex(store.entities, honorifics=honorifics or load_honorifics(INTENTS_DIR))
        )
        self.vocabulary = vocabulary or load_vocabulary(INTENTS_DIR)
        self.selector = Selector(store)
        glossary = glossary or load_glossary(INTENTS_DIR)
        categories = self.selector.categories()
        vocabulary = self.vocabulary

        def curated() -> list[str]:
            words = [w for spec in vocabulary.facets.specs for w in spec.lemmas]
            words += [w for spec in vocabulary.facets.specs for p in spec.phrases for w in p]
            words += [*vocabulary.stop_terms, *vocabulary.record_counters, *vocabulary.table_counters]
            words += [*classifier.cue_words(), *categories, *(e.japanese for e in glossary.entries)]
            words += [w for key, values in (synonyms or {}).items() for w in (key, *values)]
            words += date_words()
            # a single kana of a phrase (「あ い」: Sudachi's cut of あいた) is no word to respell with
            return [w for w in words if len(w) > 1 or not is_hiragana(w)]

        def names() -> list[str]:
            return [n for e in store.entities for n in (e.name, *e.aliases)]

        def texts() -> Iterator[str]:
            for event in store.events:
                yield event.title
                yield from event.details

        self.understander = Understander(
            self.index,
            classifier,
            synonyms,
            vocabulary=vocabulary,
            categories=categories,
            glossary=glossary,
            corrections=store.dataset.corrections,
            speller=Speller(curated, names, texts, cache=lexicon_cache),
            in_records=lambda phrase: bool(self.selector.term_hits(phrase)),
        )
        # the engine's own steps, for the answers made of several (parts.py, hops.py)
        self._steps = hops.Steps(
            understand=lambda text, day: self.understander.understand(text, today=day, cleaned=text),
            respond=lambda query: answer(self._context(query)),
            kinds=self._kinds,
            others=lambda query: events.other_items_of(self._context(query)),
            line=self._record_line,
        )
        self._parts = Parts(
            store,
            self._steps,
            carry=self._carry,
            turn=lambda query, result: turn_of(query, result, is_cue=self._asks_only),
        )
        # The records never change once loaded: move them out of the cyclic GC's reach, or every
        # full collection walks the whole corpus (about a second per collection at ×1000).
        gc.freeze()
        # A young collection walks every young container whole, and an answer about thousands of
        # records holds sets of thousands of ids: at ×1000 one collection per 700 allocations cost a
        # third of the slowest answers. Fewer, larger ones (a larger threshold is kept).
        first, *older = gc.get_threshold()
        gc.set_threshold(max(first, YOUNG_THRESHOLD), *older)

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path, *, env: Mapping[str, str] | None = None) -> Engine:
        """`env` decides the parsed-data cache (RENKEI_CACHE_DIR, XDG_CACHE_HOME, HOME); {} turns it off."""
        env = os.environ if env is None else env
        language = load_language(intents_dir, env=env)
        prepared = load_prepared(data_dir, env=env, honorifics=language.honorifics)
        return cls(
            prepared.store,
            language.classifier,
            language.synonyms,
            vocabulary=language.vocabulary,
            glossary=language.glossary,
            honorifics=language.honorifics,
            index=prepared.index,
            followups=language.followups,
            lexicon_cache=lexicon_cache(env, prepared.key, language.key),
        )

    def understand(self, question: str, *, today: date) -> Query:
        return self.understander.understand(replace_surrogates(question), today=today)

    def _context(self, query: Query) -> Context:
        return Context(self.store, self.selector, self.index, self.classifier, query, self.vocabulary)

    def ask(self, question: str, *, today: date) -> Answer:
        """Any user text → an Answer. Never raises for bad input: a failure becomes an apology."""
        # no conversation: the Turn that converse() would make for a next question is not made
        return self._converse(question, today=today, previous=None, keep_turn=False).answer

    def converse(self, question: str, *, today: date, previous: Turn | None) -> Exchange:
        """A question in a conversation: a follow-up takes what it lacks from `previous` (the last
        answer's Turn), and the answer says what it took. The Turn to keep for the next question is
        the new answer's when it found something, else still `previous`."""
        return self._converse(question, today=today, previous=previous, keep_turn=True)

    def _converse(self, question: str, *, today: date, previous: Turn | None, keep_turn: bool) -> Exchange:
        question = replace_surrogates(question)
        cleaned = normalize(strip_markup(question))
        if not cleaned:
            return Exchange(self._empty(question), previous)
        try:
            query = self.understander.understand(question, today=today, cleaned=cleaned)
            carried = self._carry(previous, query)
            # a record named by way of another (「…が出た日の総会で」「Xの次に」) first: when a hop finds
            # it, the message as a whole is not answered for nothing
            hopped = self._hopped(query, today)
            if hopped is not None:
                result = dataclasses.replace(hopped, question=question)
            else:
                result = answer(self._context(carried.query))
            parts = question_parts(cleaned)
            if len(parts) == 1:  # 「何回開かれて、京都でやったのは何回目？」: two asks in one sentence
                asks = [h.begin for h in query.facets if h.name in _ASKS or h.name.startswith("aspect.")]
                then = [h.begin + 1 for h in query.facets if h.name == "ask.then"]  # after the 。
                parts = clause_parts(query.text, asks, then, query.joints)
            if len(parts) > 1:  # 「…はいつ？会場は？」: several questions in one message
                result = self._parts.answer(question, parts, today, result)
        except Exception:
            _log_failure("failed to answer %r", question[:200])
            apology = Answer(question=question, intent="error", found=False, summary=wording.APOLOGY)
            return Exchange(apology, previous)
        if query.truncated:
            result = dataclasses.replace(result, notes=(*result.notes, wording.too_long(MAX_QUESTION)))
        if carried.carried:
            result = _say_carried(result, carried)
        if not keep_turn or not result.found or result.intent in _NO_SUBJECT:
            return Exchange(result, previous, carried.carried)
        turn = turn_of(
            carried.query,
            result,
            is_cue=self._asks_only,
            question=carried.question,
            # an answer's own dates win; its records' are looked up only when it states none
            dates=() if result.dates else self._record_dates(result.record_ids),
        )
        return Exchange(result, turn, carried.carried)

    def _hopped(self, query: Query, today: date) -> Answer | None:
        """The answer about a record named by the day of another, or as the next after it (hops.py)."""
        if query.has("time.day_of_record", "time.day_then") and (
            hop := hops.of_that_day(query, today, self._steps)
        ):
            return hop  # 「…が出た日の総会で…」
        if query.has("time.next", "time.previous"):
            return hops.after_named(query, today, self._steps)  # 「広島県町村会の次に協定を結んだのは」
        if query.has("ask.interval", "time.elapsed"):
            return hops.between_named(query, today, self._steps)  # 「第3号から第4号まで何日あいた？」
        return None

    def _record_line(self, record_id: str) -> Line | None:
        """The line a record is listed with: a partner's row, an event's date and title."""
        partner = self.store.partner(record_id)
        if partner is not None:
            return partners.partner_line(partner)
        return event_line(self.store.event(record_id)) if self.store.has_event(record_id) else None

    def _kinds(self, record_ids: Sequence[str]) -> frozenset[str]:
        """The series and categories of records (a partner's: its signing's)."""
        kinds: set[str] = set()
        for record_id in record_ids:
            partner = self.store.partner(record_id)
            event_id = partner.event if partner is not None else record_id
            if event_id and self.store.has_event(event_id):
                event = self.store.event(event_id)
                kinds.update(k for k in (event.series, f"category:{event.category}") if k)
        return frozenset(kinds)

    def _carry(self, previous: Turn | None, query: Query) -> Carried:
        """What a follow-up takes from the last answer's turn (its subject, period or question)."""
        marks = self.followups.marks(query.text) if previous is not None else frozenset()
        return follow(previous, query, marks, is_cue=self._asks_only, is_own=self._is_own)

    def _is_own(self, entity_id: str) -> bool:
        return self.store.has_entity(entity_id) and self.store.entity(entity_id).own

    def _asks_only(self, word: str) -> bool:
        """A word that asks (an intent cue) or points back (a follow-up phrase) rather than names."""
        return self.classifier.is_cue(word) or self.followups.is_word(word)

    def _record_dates(self, ids: tuple[str, ...]) -> list[str]:
        """ISO dates of an answer's records (events and agreements), for 「その年は？」 after it."""
        dates: list[str] = []
        for record_id in ids:
            if (partner := self.store.partner(record_id)) is not None:
                dates.append(partner.agreed.isoformat())
                continue
            try:
                start = self.store.event(record_id).date.start
            except KeyError:
                continue  # an entity or a count row: no date of its own
            if start is not None:
                dates.append(start.isoformat())
        return dates

    def _empty(self, question: str) -> Answer:
        return Answer(
            question=question,
            intent="fallback",
            found=False,
            summary=wording.EMPTY_QUESTION,
            suggestions=tuple(self.classifier.help_examples()[:3]),
        )

    def _as(self, intent: str, text: str, *, today: date) -> Context:
        query = dataclasses.replace(self.understand(text, today=today), intent=intent)
        return self._context(query)

    def _capped(self, text: str, work: Callable[[str], Answer]) -> Answer:
        """What ask does for every entry point: clean and cap the text, say so when it was cut."""
        text = replace_surrogates(text)
        try:
            result = work(text[:MAX_QUESTION])
        except Exception:
            _log_failure("failed to answer %d characters", len(text))
            return Answer(question=text, intent="error", found=False, summary=wording.APOLOGY)
        if len(text) > MAX_QUESTION:
            result = dataclasses.replace(result, notes=(*result.notes, wording.too_long(MAX_QUESTION)))
        return result

    def summary(self, period: str, *, today: date) -> Answer:
        """`/renkei summary <年|年度|期間>`."""
        return self._capped(period, lambda text: general.summary(self._as("summary", text, today=today)))

    def partner(self, name: str, *, today: date) -> Answer:
        """`/renkei partner <名前>`: agreement date, members, the signing and the other events about it."""
        return self._capped(name, lambda text: self._partner(text, today=today))

    def _partner(self, name: str, *, today: date) -> Answer:
        return partners.partner_card(self._as("agreement_date", name, today=today), normalize(name))

    def partners(self, *, today: date | None = None) -> Answer:
        """`/renkei partners`: the 13 associations."""
        ctx = self._as("partners_list", "広域連携協定締結団体一覧", today=today or self.store.last_date)
        return partners.partners_list(ctx)

    def anniversaries(self, day: date) -> Answer:
        """`/renkei today`: 「N年前の今日」 for this month-day."""
        return anniv.anniversary_answer(self.store, day, question="")

    def help(self, *, unknown: str | None = None) -> Answer:
        """Help generated from intents/*.yaml; with `unknown`, a 「もしかして」 for a mistyped subcommand."""
        if unknown is not None:
            unknown = replace_surrogates(unknown)[:MAX_QUESTION]
        return general.help_answer(self.classifier, unknown=unknown)
