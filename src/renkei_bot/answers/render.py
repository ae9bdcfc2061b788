"""Answer → plain text and Slack Block Kit. Escaping of mrkdwn lives here and nowhere else."""

from __future__ import annotations

from typing import Any

from renkei_bot import wording
from renkei_bot.answers.model import Answer

TEXT_LIMIT = 10  # lines shown in plain text before 「ほか N 件」
PAGE_SIZE = 10  # lines per Block Kit page before 「もっと見る」
MORE_ACTION_ID = "renkei_more"
_SECTION_MAX = 2900  # Slack allows 3000 characters in a section's text
_HEADER_MAX = 150


def escape_mrkdwn(text: str) -> str:
    """Slack's three control characters. `<!channel>` in a question becomes inert text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_text(answer: Answer, *, limit: int = TEXT_LIMIT) -> str:
    """The plain-text answer: what the CLI prints and what Slack shows as the `text` fallback."""
    parts: list[str] = [answer.summary]
    shown = answer.lines if answer.show_all else answer.lines[:limit]
    parts.extend(f"・{line.text}" for line in shown)
    rest = len(answer.lines) - len(shown)
    if rest > 0:
        parts.append(wording.more_count(rest))
    if answer.candidates:
        parts.append(wording.which_one(answer.candidates))
    parts.extend(answer.notes)
    if answer.did_you_mean:
        parts.append(wording.did_you_mean(answer.did_you_mean))
    if answer.suggestions:
        parts.append(wording.suggestions_heading())
        parts.extend(f"・{s}" for s in answer.suggestions)
    if answer.sources:
        parts.append(wording.sources_line(answer.sources))
    return "\n".join(p for p in parts if p)


def to_page_text(answer: Answer, *, page: int, page_size: int = PAGE_SIZE) -> str:
    """The plain-text fallback of one page of a paged answer; page 0 is `to_text`."""
    if page == 0:
        return to_text(answer, limit=page_size)
    start = page * page_size
    shown = answer.lines[start : start + page_size]
    parts = [answer.title or answer.summary, *(f"・{line.text}" for line in shown)]
    rest = len(answer.lines) - start - len(shown)
    if rest > 0:
        parts.append(wording.more_count(rest))
    return "\n".join(p for p in parts if p)


def page_count(answer: Answer, *, page_size: int = PAGE_SIZE) -> int:
    return max(1, -(-len(answer.lines) // page_size))


def _split(text: str, limit: int = _SECTION_MAX) -> list[str]:
    if len(text) <= limit and not text.startswith("\n"):
        return [text] if text else []  # one chunk, as the walk below would make it
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def _section(text: str) -> list[dict[str, Any]]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in _split(text)]


def to_blocks(
    answer: Answer, *, page: int = 0, page_size: int = PAGE_SIZE, more_value: str | None = None
) -> list[dict[str, Any]]:
    """Block Kit: header, the answer, one page of lines, a 「もっと見る」 button, and the sources.

    `more_value` is put on the button; without it no button is shown. Every string is escaped.
    """
    blocks: list[dict[str, Any]] = []
    title = answer.title or wording.default_title(answer.found)
    blocks.append(
        {"type": "header", "text": {"type": "plain_text", "text": title[:_HEADER_MAX], "emoji": False}}
    )
    if page == 0:
        blocks.extend(_section(escape_mrkdwn(answer.summary)))
    start = page * page_size
    shown = answer.lines[start : start + page_size]
    if shown:
        body = "\n".join(f"• {escape_mrkdwn(line.text)}" for line in shown)
        blocks.extend(_section(body))
    extra = [*answer.notes]
    if answer.candidates:
        extra.append(wording.which_one(answer.candidates))
    if answer.did_you_mean:
        extra.append(wording.did_you_mean(answer.did_you_mean))
    if answer.suggestions:
        extra.append("\n".join([wording.suggestions_heading(), *(f"• {s}" for s in answer.suggestions)]))
    if extra and page == 0:
        blocks.extend(_section(escape_mrkdwn("\n".join(extra))))
    remaining = len(answer.lines) - (start + len(shown))
    if remaining > 0 and more_value is not None:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": MORE_ACTION_ID,
                        "text": {"type": "plain_text", "text": wording.more_button(remaining)},
                        "value": more_value,
                    }
                ],
            }
        )
    if answer.sources:
        context = escape_mrkdwn(wording.sources_line(answer.sources))[:2000]
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": context}]})
    return blocks
