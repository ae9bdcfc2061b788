"""Slack's limits on a message (chat.postMessage / response_url), as a list of what a message breaks.

https://docs.slack.dev/reference/block-kit/blocks: 50 blocks; a section's text 3,000 characters; a header
150; a context 10 elements; a button's text 75 and its value 2,000; `text` 40,000 (we keep it under 4,000).
"""

from __future__ import annotations

import json
from typing import Any

BLOCKS_MAX = 50
SECTION_MAX = 3000
HEADER_MAX = 150
CONTEXT_ELEMENTS_MAX = 10
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
TEXT_MAX = 4000


def problems(message: dict[str, Any]) -> list[str]:
    found: list[str] = []
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        found.append("no plain `text` fallback")
    elif len(text) > TEXT_MAX:
        found.append(f"`text` has {len(text)} characters")
    try:
        json.dumps(message, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        found.append("a lone surrogate: the message cannot be sent as UTF-8")
    blocks = message.get("blocks") or []
    if len(blocks) > BLOCKS_MAX:
        found.append(f"{len(blocks)} blocks")
    mrkdwn = [text] if isinstance(text, str) else []
    for block in blocks:
        kind = block["type"]
        if kind == "header" and not 0 < len(block["text"]["text"]) <= HEADER_MAX:
            found.append(f"a header of {len(block['text']['text'])} characters")
        if kind == "section":
            body = block["text"]["text"]
            mrkdwn.append(body)
            if not 0 < len(body) <= SECTION_MAX:
                found.append(f"a section of {len(body)} characters")
        if kind == "context":
            if len(block["elements"]) > CONTEXT_ELEMENTS_MAX:
                found.append(f"a context of {len(block['elements'])} elements")
            for element in block["elements"]:
                mrkdwn.append(element["text"])
                if not 0 < len(element["text"]) <= SECTION_MAX:
                    found.append(f"a context element of {len(element['text'])} characters")
        if kind == "actions":
            for element in block["elements"]:
                if not 0 < len(element["text"]["text"]) <= BUTTON_TEXT_MAX:
                    found.append("a button text out of bounds")
                if len(element.get("value", "")) > BUTTON_VALUE_MAX:
                    found.append(f"a button value of {len(element['value'])} characters")
    if any("<" in part or ">" in part for part in mrkdwn):
        found.append("an unescaped < or >: Slack would read it as a mention or a link")
    return found
