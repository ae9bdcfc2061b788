"""Shared fixtures: the real engine over the real data/ and intents/ (loaded once per session)."""

from __future__ import annotations

from datetime import date

import pytest

from renkei_bot.engine import Engine
from renkei_bot.ingest import Ingested, ingest
from renkei_bot.loader.refdata import load_corrections, load_entities
from renkei_bot.paths import DATA_DIR, INTENTS_DIR, SOURCE_FILE

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(DATA_DIR, INTENTS_DIR, env={})  # no cache: tests never read the real environment


@pytest.fixture(scope="session")
def ingested() -> Ingested:
    """The real source document ingested with the real entities and corrections (written nowhere)."""
    return ingest(
        SOURCE_FILE,
        entities=load_entities(DATA_DIR / "entities.yaml"),
        corrections=load_corrections(DATA_DIR / "corrections.yaml"),
    )
