"""👍/👎 under every answer (a context_actions block with feedback_buttons) and the 👎 reason modal.

The buttons carry what the log needs (the question, the intent, the records shown) as compact JSON,
so a click is recorded without looking anything up. Slack caps a button value at 2000 characters
and a view's private_metadata at 3000.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from renkei_bot import wording
from renkei_bot.answers.model import Answer
from renkei_bot.unanswered import question_key

ACTION_ID = "renkei_feedback"
VIEW_ID = "renkei_feedback_reason"
CHOICE_BLOCK, CHOICE_ACTION = "reason_choice", "choice"
TEXT_BLOCK, TEXT_ACTION = "reason_text", "text"
VALUE_MAX = 2000
UP, DOWN = "up", "down"


@dataclass(frozen=True, slots=True)
class Rated:
    """What a click on 👍/👎 is about."""

    vote: str  # UP or DOWN
    question: str
    intent: str
    records: tuple[str, ...]


def _value(vote: str, answer: Answer) -> str:
    question, records = question_key(answer.question), list(answer.record_ids)
    while True:
        value = json.dumps(
            {"v": vote, "q": question, "i": answer.intent, "r": records},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        if len(value) <= VALUE_MAX:
            return value
        if records:
            records = records[: len(records) // 2]
        else:
            question = question[: len(question) // 2]


def decode(value: str) -> Rated:
    """Raises ValueError for a value `block` did not make."""
    try:
        data = json.loads(value)
        vote = str(data["v"])
        if vote not in (UP, DOWN):
            raise ValueError(vote)
        return Rated(vote, str(data["q"]), str(data["i"]), tuple(str(r) for r in data["r"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not a feedback button value: {value[:80]!r}") from exc


def block(answer: Answer) -> dict[str, Any]:
    def button(vote: str, text: str, label: str) -> dict[str, Any]:
        return {
            "text": {"type": "plain_text", "text": text},
            "value": _value(vote, answer),
            "accessibility_label": label,
        }

    return {
        "type": "context_actions",
        "elements": [
            {
                "type": "feedback_buttons",
                "action_id": ACTION_ID,
                "positive_button": button(UP, wording.FEEDBACK_UP, wording.FEEDBACK_UP_LABEL),
                "negative_button": button(DOWN, wording.FEEDBACK_DOWN, wording.FEEDBACK_DOWN_LABEL),
            }
        ],
    }


def reason_view(value: str) -> dict[str, Any]:
    """The optional 👎 reason: three choices and free text, both optional."""
    options = [
        {"text": {"type": "plain_text", "text": label}, "value": key}
        for key, label in wording.FEEDBACK_CHOICES.items()
    ]
    return {
        "type": "modal",
        "callback_id": VIEW_ID,
        "private_metadata": value[:3000],
        "title": {"type": "plain_text", "text": wording.FEEDBACK_TITLE},
        "submit": {"type": "plain_text", "text": wording.FEEDBACK_SUBMIT},
        "close": {"type": "plain_text", "text": wording.FEEDBACK_CLOSE},
        "blocks": [
            {"type": "section", "text": {"type": "plain_text", "text": wording.FEEDBACK_INTRO}},
            {
                "type": "input",
                "block_id": CHOICE_BLOCK,
                "optional": True,
                "label": {"type": "plain_text", "text": wording.FEEDBACK_CHOICE_LABEL},
                "element": {"type": "radio_buttons", "action_id": CHOICE_ACTION, "options": options},
            },
            {
                "type": "input",
                "block_id": TEXT_BLOCK,
                "optional": True,
                "label": {"type": "plain_text", "text": wording.FEEDBACK_TEXT_LABEL},
                "element": {
                    "type": "plain_text_input",
                    "action_id": TEXT_ACTION,
                    "multiline": True,
                    "max_length": 300,
                },
            },
        ],
    }


def reason_of(view: dict[str, Any]) -> str:
    """The reason from a submitted view: the choice's label and the text, either may be empty."""
    values = (view.get("state") or {}).get("values") or {}
    selected = ((values.get(CHOICE_BLOCK) or {}).get(CHOICE_ACTION) or {}).get("selected_option") or {}
    choice = wording.FEEDBACK_CHOICES.get(str(selected.get("value") or ""), "")
    text = str(((values.get(TEXT_BLOCK) or {}).get(TEXT_ACTION) or {}).get("value") or "").strip()
    return "：".join(p for p in (choice, text) if p)
