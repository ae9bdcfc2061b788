"""The log of what went unanswered: answers that found nothing, apologies, and 👍/👎 on answers.

Each entry keeps the normalised question, the intent, the reason, the records shown and the time.
The user is kept only as an HMAC of their id keyed by RENKEI_LOG_SALT (without a salt, not at all).
Entries older than RENKEI_LOG_DAYS are deleted by the state store's purger (renkei_bot.state.purge,
run by `serve`) and by `renkei-bot report` before it reads.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Sequence
from typing import Protocol

from renkei_bot.answers.model import Answer
from renkei_bot.normalize import normalize, strip_markup
from renkei_bot.outage import Outage
from renkei_bot.state import LogRow

DECLINED, APOLOGY, DOWN, UP, REASON = "declined", "apology", "feedback_down", "feedback_up", "feedback_reason"
QUESTION_MAX = 300
REASON_MAX = 300


class LogStore(Protocol):
    def append_log(self, row: LogRow) -> None: ...


def question_key(question: str) -> str:
    """The question as the log groups it: markup gone, normalised (full-width, spaces), trimmed."""
    return normalize(strip_markup(question)).strip()[:QUESTION_MAX]


def reason_of(answer: Answer) -> str:
    """Why nothing was found, in the words the user saw: the first line of the answer."""
    return answer.summary.split("\n", 1)[0][:REASON_MAX]


class Unanswered:
    def __init__(
        self, store: LogStore, *, salt: str | None, now: Callable[[], float], outage: Outage | None = None
    ) -> None:
        self.store = store
        self._salt = salt.encode() if salt else None
        self._now = now
        self._outage = outage or Outage("the log of unanswered questions")  # the answer goes out anyway

    def user_hash(self, user_id: str | None) -> str:
        if not user_id or self._salt is None:
            return ""
        return hmac.new(self._salt, user_id.encode(), hashlib.sha256).hexdigest()[:32]

    def answered(self, question: str, answer: Answer, *, user: str | None) -> None:
        """Log an answer that found nothing (found=false) or that was an apology; others pass."""
        if answer.found:
            return
        kind = APOLOGY if answer.intent == "error" else DECLINED
        self._append(kind, question, answer.intent, reason_of(answer), answer.record_ids, user)

    def apology(self, question: str, *, user: str | None) -> None:
        """An answer that failed before it was made (the adapter apologised)."""
        self._append(APOLOGY, question, "error", "error", (), user)

    def feedback(
        self,
        kind: str,
        question: str,
        *,
        intent: str,
        records: Sequence[str],
        user: str | None,
        reason: str = "",
    ) -> None:
        """A 👍 (UP), a 👎 (DOWN) or the reason given for a 👎 (REASON)."""
        self._append(kind, question, intent, reason[:REASON_MAX], tuple(records), user)

    def _append(
        self, kind: str, question: str, intent: str, reason: str, records: Sequence[str], user: str | None
    ) -> None:
        row = LogRow(
            self._now(), kind, question_key(question), intent, reason, tuple(records), self.user_hash(user)
        )
        self._outage.call(lambda: self.store.append_log(row), None)
