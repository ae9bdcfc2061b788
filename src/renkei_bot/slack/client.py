"""The Slack Web API client: the API URL from the settings, and retries for 429s and server errors."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from renkei_bot.config import Settings

RATE_LIMIT_RETRIES = 3  # each waits Retry-After (+ up to 1 s of jitter)
SERVER_ERROR_RETRIES = 2
CONNECTION_RETRIES = 2
TIMEOUT_SECONDS = 15


def make_client(settings: Settings, *, rate_limit_retries: int = RATE_LIMIT_RETRIES) -> WebClient:
    """A WebClient for settings.api_url (GovSlack, a proxy or a test fake). Needs SLACK_BOT_TOKEN.

    rate_limit_retries=0 for the answers: their 429s are waited out by slack/outbox.py, off the workers.
    """
    settings.require("SLACK_BOT_TOKEN")
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
            RateLimitErrorRetryHandler(max_retry_count=rate_limit_retries),
            ServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES),
        ],
    )
