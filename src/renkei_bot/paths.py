"""Where the project's data and intents live when no setting says otherwise."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
INTENTS_DIR = PROJECT_ROOT / "intents"
SOURCE_FILE = DATA_DIR / "source" / "000_f2877384e18cb53a.txt"
