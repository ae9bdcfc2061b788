"""Imports point downward: the core knows nothing of Slack, SQLite or matplotlib (checked with ast)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "renkei_bot"

# third-party or stdlib module → the only places allowed to import it
OWNERS = {
    "slack_bolt": ("slack/",),
    "slack_sdk": ("slack/", "daily.py", "scheduler.py", "commands/post_anniversaries.py"),
    "sudachipy": ("nlu/tokens.py",),
    "rapidfuzz": ("nlu/entities.py", "nlu/fuzzy_choice.py", "nlu/entity_keys.py"),
    "sqlite3": ("state.py",),
    "matplotlib": ("charts.py",),
}
CORE = ("records.py", "dates.py", "normalize.py", "wording.py", "store.py", "engine.py", "answers/", "nlu/")


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_each_library_lives_behind_its_module() -> None:
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        for name in imports(path):
            top = name.split(".")[0]
            if top in OWNERS:
                assert rel.startswith(OWNERS[top]), f"{rel} imports {top}; only {OWNERS[top]} may"


def test_the_core_does_not_import_the_adapters() -> None:
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(CORE):
            for name in imports(path):
                assert not name.startswith(("renkei_bot.slack", "renkei_bot.commands", "renkei_bot.cli")), (
                    f"{rel} imports {name}"
                )
