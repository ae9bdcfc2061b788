"""Pure checks of the fields a listener takes from a payload: they come from the client, so a forged
or odd one is answered with a short note instead of reaching the engine or the Web API."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_CHANNEL_ID = re.compile(r"[CDG][A-Z0-9]{1,30}")


def channel_id(value: object) -> str | None:
    """A Slack channel id (C…, D… or G…), or None: never the string 'None'."""
    return value if isinstance(value, str) and _CHANNEL_ID.fullmatch(value) else None


def clicked(body: Mapping[str, Any]) -> tuple[str | None, object]:
    """The channel and the value of the first clicked action (the gate made sure there is one)."""
    actions = body.get("actions")
    action = actions[0] if isinstance(actions, list) and actions and isinstance(actions[0], Mapping) else {}
    channel = body.get("channel")
    container = body.get("container")
    found = (channel.get("id") if isinstance(channel, Mapping) else None) or (
        container.get("channel_id") if isinstance(container, Mapping) else None
    )
    return channel_id(found), action.get("value")
