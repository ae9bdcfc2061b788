"""Where the project's data and intents live when no setting says otherwise.

They are package data beside this module, so a wheel installed anywhere carries them: the folder that
importlib.resources.files() names for a package on disk, found without importing importlib.resources
(with zipfile and tempfile, about 4 ms of a cold `ask`). In the source tree src/renkei_bot/data and
src/renkei_bot/intents are links to the top-level data/ and intents/, the folders one edits; the wheel
holds copies.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
DATA_DIR = PACKAGE_DIR / "data"
INTENTS_DIR = PACKAGE_DIR / "intents"
SOURCE_FILE = DATA_DIR / "source" / "000_f2877384e18cb53a.txt"
# The source checkout (meaningful only there): tests, benchmarks and tools find README.md and tests/ by it.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
