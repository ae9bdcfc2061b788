"""Shared fixtures: the real engine over the real data/ and intents/ (loaded once per session)."""

from __future__ import annotations

from datetime import date

import pytest

from renkei_bot.engine import Engine
from renkei_bot.paths import DATA_DIR, INTENTS_DIR

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(DATA_DIR, INTENTS_DIR, env={})  # no cache: tests never read the real environment
