"""An Answer → the keyword arguments of chat.postMessage / respond: Block Kit plus the `text` fallback.

The fallback is escaped too: Slack formats `text` even when blocks are present, so an unescaped
<!channel> there would still notify the whole channel.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from renkei_bot import wording
from renkei_bot.answers import render
from renkei_bot.answers.model import Answer
from renkei_bot.slack import feedback, paging

_TEXT_MAX = 3900  # Slack truncates `text` at 40,000; notifications show far less


def answer_message(
    answer: Answer, *, ref: paging.PageRef | None, button: bool = True, rate: bool = True
) -> dict[str, Any]:
    """Page `ref.page` of `answer`, with a 「もっと見る」 button carrying `ref` for the next page, and
    (with `rate`) the 👍/👎 feedback buttons."""
    page = ref.page if ref else 0
    more: str | None = None
    if ref is not None and button and page + 1 < render.page_count(answer):
        more = paging.encode(replace(ref, page=page + 1))
    text = render.to_page_text(answer, page=page) or wording.default_title(answer.found)
    blocks = render.to_blocks(answer, page=page, more_value=more)
    if rate:
        blocks.append(feedback.block(answer))
    return {"text": render.escape_mrkdwn(text)[:_TEXT_MAX], "blocks": blocks}


def apology_message() -> dict[str, Any]:
    return note_message(wording.APOLOGY)


def note_message(text: str) -> dict[str, Any]:
    """A one-line message without blocks (an apology, a refused button)."""
    return {"text": render.escape_mrkdwn(text)}
