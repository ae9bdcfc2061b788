"""Start-up failures against Slack as one line naming the mode and the fix, never a traceback.

bolt calls auth.test when the App is built (the bot token) and Socket Mode calls apps.connections.open
(the app-level token); either can be refused or find Slack unreachable.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.error import URLError

from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

from renkei_bot.errors import StartupError

_REFUSED = (
    "invalid_auth",
    "not_authed",
    "account_inactive",
    "token_revoked",
    "token_expired",
    "not_allowed_token_type",
)
_QUIET = ("slack_sdk", "slack_bolt", "renkei_bot.slack.bolt")
_FIX = {
    "SLACK_BOT_TOKEN": "set it to the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page",
    "SLACK_APP_TOKEN": (
        "set it to an App-Level Token (xapp-…) with the connections:write scope "
        "(the app's Basic Information page)"
    ),
}


@contextmanager
def startup_errors(mode: str, api_url: str) -> Iterator[None]:
    """Turn Slack's refusals and network failures inside the block into one-line StartupErrors.

    The Slack libraries' own log lines about the same failure (retries, "failed to send") are held back
    in the block: the error says it once.
    """
    loggers = [logging.getLogger(name) for name in _QUIET]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    except SlackApiError as exc:
        raise StartupError(_refused(mode, exc)) from None
    except BoltError as exc:
        cause = exc.__context__
        if isinstance(cause, SlackApiError):
            raise StartupError(_refused(mode, cause)) from None
        if isinstance(cause, (URLError, OSError)):
            raise StartupError(_unreachable(mode, api_url, cause)) from None
        raise StartupError(f"{mode}: Slack set-up failed: {exc}") from None
    except (URLError, OSError) as exc:
        raise StartupError(_unreachable(mode, api_url, exc)) from None
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _refused(mode: str, exc: SlackApiError) -> str:
    error = str(exc.response.get("error") or "unknown_error")
    api_url = str(getattr(exc.response, "api_url", ""))
    method = api_url.rstrip("/").rsplit("/", 1)[-1] or "the Web API"
    token = "SLACK_APP_TOKEN" if method == "apps.connections.open" else "SLACK_BOT_TOKEN"
    if error in _REFUSED:
        return f"{mode}: Slack refused {token} ({error} from {method}); {_FIX[token]}"
    return f"{mode}: Slack answered {method} with '{error}'; check the app's settings and try again"


def _unreachable(mode: str, api_url: str, exc: BaseException) -> str:
    reason = exc.reason if isinstance(exc, URLError) else exc
    if isinstance(reason, socket.timeout | TimeoutError):
        why = "timed out"
    else:
        why = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return (
        f"{mode}: cannot reach Slack at {api_url} ({why}); "
        "check the network, the proxy (HTTPS_PROXY) or SLACK_API_URL"
    )
