"""Several questions in one message (「…はいつ？会場はどこ？」「創刊号いつ出た？第4号も」).

The message is first answered whole (the engine does that); these rules then decide, from how the
parts ask, whether the answer should lead with the first part's own answer, add a later part's, or be
built part by part because the whole finds nothing. A later part takes its subject from the one
before, as a follow-up in a conversation does. Each rule returns None when it does not apply.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from renkei_bot import wording
from renkei_bot.answers.model import Answer
from renkei_bot.conversation import Carried
from renkei_bot.hops import Steps
from renkei_bot.nlu.query import Query
from renkei_bot.normalize import compact
from renkei_bot.store import Store
from renkei_bot.turn import Turn

# the facets of a part of a message that asks something of its own (a question word, an aspect, 「…の日」)
_ASKING = ("wh", "aspect.", "count.how_many", "time.day_of", "ask.when")
_OPERATING = ("change.", "total.", "extreme.")  # 「差は？」「合計は？」: asks a figure of what came before


HINT = 12  # a hint after a question is short (お茶っぽいやつ)
_BRACKETS = ("(", "（")
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


class Parts:
    """The rules for a message of several questions, over the engine's own steps (`understand` a part,
    `respond` to a query, `carry` a subject from the last answer's turn, make a `turn` of an answer)."""

    def __init__(
        self,
        store: Store,
        steps: Steps,
        *,
        carry: Callable[[Turn | None, Query], Carried],
        turn: Callable[[Query, Answer], Turn],
    ) -> None:
        self._store = store
        self._understand = steps.understand
        self._respond = steps.respond
        self._carry = carry
        self._turn = turn

    def answer(self, question: str, parts: list[str], today: date, whole: Answer) -> Answer:
        """The message's answer as its parts ask for it; `whole` is the answer to the message whole.
        Each part is understood once; the rules below read those queries."""
        queries = [self._understand(part, today) for part in parts]
        if (hinted := self._hint_after(question, parts, queries)) is not None:
            return hinted
        if not whole.found and (each := self._one_by_one(question, queries)) is not None:
            return each  # the message whole finds nothing: each question on its own may
        if (both := self._and_also(question, queries)) is not None:
            return both
        if (first := self._first_leads(queries, whole)) is not None:
            return _joined(question, [first, whole])
        if (last := self._yes_no_after(parts[-1], queries[-1], whole)) is not None:
            return _joined(question, [whole, last])
        if rest := self._rest_too(queries, whole):
            return _joined(question, [whole, *rest])
        return whole

    def _hint_after(self, question: str, parts: list[str], queries: list[Query]) -> Answer | None:
        """「…テーマ何でした？お茶っぽいやつ」: a short last part that says nothing the vocabulary reads
        (no facet: 「社名も」 asks more, 「（プロジェクト関係で）」 narrows, in brackets), no name, date or
        figure, after a question: the question answered as asked."""
        if len(queries) != 2 or len(parts[-1]) > HINT or parts[-1].startswith(_BRACKETS):
            return None
        asked, hint = queries
        if not asked.has(*_ASKING) or hint.facets or hint.confirm or parts[-1].endswith(("?", "？")):
            return None
        if hint.entities or hint.when.spans or hint.numbers:
            return None
        answered = self._respond(asked)
        return dataclasses.replace(answered, question=question) if answered.found else None

    def _rest_too(self, queries: list[Query], whole: Answer) -> list[Answer]:
        """「…合わせると何自治体？あとその差は？」: later questions that ask something of their own, each
        answered with its subject carried from the one before, when the whole answer does not already
        say what they say."""
        if not whole.found or _days_each(queries):
            return []  # 「…した日と、…した日をそれぞれ」: the whole answer gives each already
        added: list[Answer] = []
        first = queries[0]
        before = self._turn(first, self._respond(first))
        for query in queries[1:]:
            if not query.has(*_ASKING, *_OPERATING) or query.confirm:
                continue
            if query.has("ask.when") and whole.dates and not (query.entities or query.terms):
                continue  # 「…企業ってどこ？いつ？」: the whole answer gives the days already
            carried = self._carry(before, query)
            result = self._respond(carried.query)
            if not result.found:
                continue
            head = result.summary.split("\n", 1)[0]
            if head in whole.summary or any(head in a.summary for a in added):
                continue
            added.append(result)
            before = self._turn(carried.query, result)
        return added

    def _one_by_one(self, question: str, queries: list[Query]) -> Answer | None:
        """Each question of the message answered on its own, in order, a later one taking its subject
        from the one before; the found answers joined (None when the first is not found)."""
        answers: list[Answer] = []
        unanswered: list[str] = []  # 「…と、来場者数わかる？」: what the records do not say, said too
        before: Turn | None = None
        for query in queries:
            carried = self._carry(before, query)
            result = self._respond(carried.query)
            if not result.found and not answers:
                return None  # the first question names what the others ask about: without it, nothing
            if result.found:
                answers.append(result)
                before = self._turn(carried.query, result)
            else:
                unanswered.append(result.summary.split("。", 1)[0] + "。")  # its first sentence
        if not answers:
            return None
        joined = _joined(question, answers)
        return dataclasses.replace(joined, notes=(*joined.notes, *unanswered)) if unanswered else joined

    def _and_also(self, question: str, queries: list[Query]) -> Answer | None:
        """「創刊号いつ出た？第4号も」: the same question of another one, said last with も and nothing
        asked of its own: the first question answered, then the same of the other (a follow-up)."""
        if len(queries) != 2:
            return None
        first, then = queries
        if not then.has("ask.also") or then.has(*_ASKING) or first.has("ask.each"):
            return None
        answered = self._respond(first)
        if not answered.found:
            return None
        carried = self._carry(self._turn(first, answered), then)
        more = self._respond(carried.query)
        return _joined(question, [answered, more]) if more.found and carried.carried else None

    def _yes_no_after(self, part: str, last: Query, whole: Answer) -> Answer | None:
        """「…何をPRしたの？あとHP使った初めての事例ってほんと？」: a yes/no asked after the rest, about the
        same record: はい with the line of that record that says most of what it claims (None when no
        line says half of it)."""
        if not whole.found or whole.summary.startswith(("はい", "いいえ")) or not whole.record_ids:
            return None
        if not last.confirm or last.has("wh") or last.entities or not last.terms:
            return None
        if not self._store.has_event(whole.record_ids[0]):
            return None
        event = self._store.event(whole.record_ids[0])
        words = [compact(t) for t in last.terms if len(t) >= 2]
        # the line holding most of its words, and at least half of them (HP for ホームページ is missed)
        held = {d: sum(w in compact(d) for w in words) for d in event.details}
        said = max(held, key=lambda d: held[d], default=None)
        if said is None or 2 * held[said] < len(words) or not held[said]:
            return None
        summary = wording.yes_or_no(True, wording.record_says(said.lstrip("・ ")))
        return Answer(question=part, intent=whole.intent, found=True, summary=summary)

    def _first_leads(self, queries: list[Query], whole: Answer) -> Answer | None:
        """The first part's own answer, when it should lead the whole message's answer:
        - the whole answered only a yes/no asked later (「…の会場は？あと…ってほんと？」);
        - a yes/no asked first (「…ってonlineだった？配信は何使った？」);
        - a 「いつ？」 asked first whose day the whole does not give;
        - a count asked first, of records the whole answer is about (「何回やった？…は第何回？」);
        - what was asked first, of the same record, when the whole leads with the rest
          (「…講演したのは誰？あとそれいつ？」)."""
        if not whole.found:
            return None
        first, rest = queries[0], queries[1:]
        if whole.summary.startswith(("はい", "いいえ")):
            if first.confirm or not first.has("wh", "aspect.") or not rest[-1].confirm:
                return None
            kind = "asked"
        elif not any(q.has(*_ASKING) and not q.confirm for q in rest):
            return None
        elif first.confirm and not first.has("wh"):
            kind = "yes_no"
        elif first.has("ask.when") and not first.confirm:
            kind = "when"
        elif first.has("count.how_many") and not first.confirm:
            kind = "count"
        elif first.has("wh", "aspect.") and not first.confirm:
            kind = "same_record"
        else:
            return None
        result = self._respond(first)
        if not result.found:
            return None
        if kind == "asked":
            leads = result.summary not in whole.summary
        elif kind == "yes_no":
            leads = result.summary.startswith(("はい", "いいえ"))
        elif kind == "when":  # a day the whole does not give, or gives only beside another answer
            leads = bool(result.dates) and (
                result.dates[0] not in whole.dates or whole.intent != result.intent
            )
            # (「第2回シンポジウムって何年？あと基調講演も」: a record of no day says so, and where it sits)
            leads = leads or (
                not result.dates and bool(result.record_ids) and result.summary not in whole.summary
            )
        elif kind == "count":  # 「全部で何回？京都で開いたのは何回目？」: the count, of the same records
            # (a whole answer citing no record of its own says nothing the count could repeat)
            same = not whole.record_ids or not set(result.record_ids).isdisjoint(whole.record_ids)
            leads = same and result.summary.split("\n", 1)[0] not in whole.summary
        else:
            same = bool(result.record_ids) and result.record_ids[0] in whole.record_ids
            leads = same and result.summary.split("\n", 1)[0] not in whole.summary
        return result if leads else None


def _days_each(queries: list[Query]) -> bool:
    """「…を確認した日と、…を公表した日を（それぞれ）」: every part asks a day; the whole answer is of both."""
    return all(q.has("ask.when", "time.day_of") for q in queries)
