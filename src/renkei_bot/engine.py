"""The one facade the adapters (CLI, Slack, scheduler) use. Knows nothing of Slack."""

from __future__ import annotations

import dataclasses
import gc
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path

from renkei_bot import wording
from renkei_bot.answers import anniversaries as anniv
from renkei_bot.answers import general, partners
from renkei_bot.answers.answer import answer
from renkei_bot.answers.context import Context
from renkei_bot.answers.model import Answer
from renkei_bot.answers.select import Selector
from renkei_bot.conversation import Carried, follow
from renkei_bot.dates import date_words
from renkei_bot.followups import Followups
from renkei_bot.nlu.entities import EntityIndex
from renkei_bot.nlu.facets import Vocabulary, load_vocabulary
from renkei_bot.nlu.glossary import Glossary, load_glossary
from renkei_bot.nlu.intents import Classifier
from renkei_bot.nlu.query import MAX_QUESTION, Query, Understander
from renkei_bot.nlu.readings import Honorifics, load_honorifics
from renkei_bot.nlu.sentences import question_parts
from renkei_bot.nlu.spelled import Lexicon, Speller
from renkei_bot.normalize import compact, normalize, replace_surrogates, strip_markup
from renkei_bot.paths import INTENTS_DIR
from renkei_bot.prepared import lexicon_cache, load_language, load_prepared
from renkei_bot.store import Store
from renkei_bot.turn import Turn, turn_of

log = logging.getLogger(__name__)


_NO_SUBJECT = frozenset({"greeting", "help"})  # answers a follow-up cannot refer to: the context stays


@dataclasses.dataclass(frozen=True, slots=True)
class Exchange:
    answer: Answer
    turn: Turn | None  # what the next question of the conversation may refer to
    carried: bool = False  # the answer took something from the previous turn


_ASKING = ("wh", "aspect.", "count.how_many")  # a part of a message that asks something of its own


ONE_LINE = 160  # answers this short together read as one sentence: both in the first line


def _joined(question: str, answers: list[Answer]) -> Answer:
    """Answers to one message, as one, the first leading: on one line when each is one short
    sentence, else each on its own line; the first answer's intent."""
    first = answers[0]
    one_line = (
        all("\n" not in a.summary for a in answers) and sum(len(a.summary) for a in answers) <= ONE_LINE
    )
    return dataclasses.replace(
        first,
        question=question,
        summary=("" if one_line else "\n").join(a.summary for a in answers),
        lines=tuple(dict.fromkeys(line for a in answers for line in a.lines)),
        sources=tuple(dict.fromkeys(s for a in answers for s in a.sources)),
        dates=tuple(dict.fromkeys(d for a in answers for d in a.dates)),
        record_ids=tuple(dict.fromkeys(r for a in answers for r in a.record_ids)),
        notes=tuple(dict.fromkeys(n for a in answers for n in a.notes)),
    )


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
            return words

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
        )
        # The records never change once loaded: move them out of the cyclic GC's reach, or every
        # full collection walks the whole corpus (about a second per collection at ×1000).
        gc.freeze()

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
            marks = self.followups.marks(query.text) if previous is not None else frozenset()
            carried = follow(previous, query, marks, is_cue=self._asks_only, is_own=self._is_own)
            result = answer(self._context(carried.query))
            parts = question_parts(cleaned)
            if len(parts) > 1 and not result.found and (each := self._one_by_one(question, parts, today)):
                result = each  # the message whole finds nothing: each question on its own may
            elif len(parts) > 1 and (both := self._and_also(question, parts, today)) is not None:
                result = both
            elif len(parts) > 1 and (first := self._yes_no_first(parts, today, result)) is not None:
                result = _joined(question, [first, result])
            elif len(parts) > 1 and (last := self._yes_no_after(parts, today, result)) is not None:
                result = _joined(question, [result, last])
        except Exception:
            log.exception("failed to answer %r", question[:200])
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

    def _one_by_one(self, question: str, parts: list[str], today: date) -> Answer | None:
        """Each question of the message answered on its own, in order, a later one taking its subject
        from the one before; the found answers joined (None when none is found)."""
        answers: list[Answer] = []
        before: Turn | None = None
        for part in parts:
            query = self.understander.understand(part, today=today, cleaned=part)
            marks = self.followups.marks(query.text) if before is not None else frozenset()
            carried = follow(before, query, marks, is_cue=self._asks_only, is_own=self._is_own)
            result = answer(self._context(carried.query))
            if not result.found and not answers:
                return None  # the first question names what the others ask about: without it, nothing
            if result.found:
                answers.append(result)
                before = turn_of(carried.query, result, is_cue=self._asks_only)
        return _joined(question, answers) if answers else None

    def _and_also(self, question: str, parts: list[str], today: date) -> Answer | None:
        """「創刊号いつ出た？第4号も」: the same question of another one, said last with も and nothing
        asked of its own: the first question answered, then the same of the other (a follow-up)."""
        if len(parts) != 2:
            return None
        first, then = (self.understander.understand(p, today=today, cleaned=p) for p in parts)
        if not then.has("ask.also") or then.has(*_ASKING) or first.has("ask.each"):
            return None
        answered = answer(self._context(first))
        if not answered.found:
            return None
        turn = turn_of(first, answered, is_cue=self._asks_only)
        carried = follow(
            turn, then, self.followups.marks(then.text), is_cue=self._asks_only, is_own=self._is_own
        )
        more = answer(self._context(carried.query))
        return _joined(question, [answered, more]) if more.found and carried.carried else None

    def _yes_no_after(self, parts: list[str], today: date, whole: Answer) -> Answer | None:
        """「…何をPRしたの？あとHP使った初めての事例ってほんと？」: a yes/no asked after the rest, about the
        same record: はい with the line of that record that says all it claims (None when none does)."""
        if not whole.found or whole.summary.startswith(("はい", "いいえ")) or not whole.record_ids:
            return None
        last = self.understander.understand(parts[-1], today=today, cleaned=parts[-1])
        if not last.confirm or last.has("wh") or last.entities or not last.terms:
            return None
        if not self.store.has_event(whole.record_ids[0]):
            return None
        event = self.store.event(whole.record_ids[0])
        words = [compact(t) for t in last.terms if len(t) >= 2]
        # the line holding most of its words, and at least half of them (HP for ホームページ is missed)
        held = {d: sum(w in compact(d) for w in words) for d in event.details}
        said = max(held, key=lambda d: held[d], default=None)
        if said is None or 2 * held[said] < len(words) or not held[said]:
            return None
        summary = wording.yes_or_no(True, wording.record_says(said.lstrip("・ ")))
        return Answer(question=parts[-1], intent=whole.intent, found=True, summary=summary)

    def _yes_no_first(self, parts: list[str], today: date, whole: Answer) -> Answer | None:
        """「…ってonlineだった？配信は何使った？」: a yes/no asked first and something else after it; the
        whole message's answer holds the rest, so the yes/no's own answer leads (None when the message
        is one question, or the yes/no is answered by the whole already). Likewise a 「いつ？」 asked
        first whose day the whole message's answer does not give (「…お願いしたのいつ？あと最初に…」)."""
        if not whole.found:
            return None
        queries = [self.understander.understand(p, today=today, cleaned=p) for p in parts]
        first, rest = queries[0], queries[1:]
        if whole.summary.startswith(("はい", "いいえ")):
            # 「…の会場は？あと…ってほんと？」: the whole answered the yes/no; what was asked first leads
            if first.confirm or not first.has("wh", "aspect.") or not rest[-1].confirm:
                return None
            result = answer(self._context(first))
            return result if result.found and result.summary not in whole.summary else None
        if not any(q.has(*_ASKING) and not q.confirm for q in rest):
            return None
        if first.confirm and not first.has("wh"):
            result = answer(self._context(first))
            return result if result.found and result.summary.startswith(("はい", "いいえ")) else None
        if first.has("ask.when") and not first.confirm:
            result = answer(self._context(first))
            return result if result.found and result.dates and result.dates[0] not in whole.dates else None
        if first.has("wh", "aspect.") and not first.confirm and not first.has("count.how_many"):
            # 「…講演したのは誰？あとそれいつ？」: what was asked first, of the same record, leads when the
            # whole message's answer leads with the rest
            result = answer(self._context(first))
            same = bool(result.record_ids) and result.record_ids[0] in whole.record_ids
            lead = result.summary.split("\n", 1)[0]
            return result if result.found and same and lead not in whole.summary else None
        return None

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
            log.exception("failed to answer %d characters", len(text))
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
