"""Slack message text → the plain question the engine reads. Pure functions, no Slack imports.

Slack sends mentions, links and channel names as `<…>` tokens and escapes &, < and > in the rest.
"""

from __future__ import annotations

import re

from renkei_bot.normalize import replace_surrogates

MAX_CHARS = 1000  # well under the button value limit (2000) once wrapped in JSON

_TOKEN = re.compile(r"<([^<>]*)>")
_SPACES = re.compile(r"[ \t\u3000]+")


def _unwrap(token: str, bot_user_id: str | None) -> str:
    target, _, label = token.partition("|")
    if target.startswith("@"):  # <@U123> or <@U123|name>
        if bot_user_id and target[1:] == bot_user_id:
            return " "
        return label.lstrip("@") if label else " "
    if target.startswith("#"):  # <#C123|general>
        return label if label else " "
    if target.startswith("!"):
        # <!channel>, <!here>, <!everyone>, <!subteam^S1|@team> ping people: drop them.
        # <!date^…|fallback> is only a formatted date: keep its fallback text.
        return label if target.startswith("!date^") and label else " "
    return label or target  # <http://x|label>, <http://x>, <mailto:a@b|a@b>


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clean(text: str, *, bot_user_id: str | None = None, limit: int = MAX_CHARS) -> str:
    """Strip the bot mention, unwrap links and channels, drop broadcast mentions, cap the length."""
    unwrapped = _TOKEN.sub(lambda m: _unwrap(m.group(1), bot_user_id), replace_surrogates(text))
    lines = [_SPACES.sub(" ", line).strip() for line in unescape(unwrapped).splitlines()]
    return " ".join(line for line in lines if line)[:limit]
