"""Imports point downward: the core knows nothing of Slack, SQLite or matplotlib (checked with ast)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "renkei_bot"

# third-party or stdlib module → the only places allowed to import it
OWNERS = {
    "slack_bolt": ("slack/",),
    "slack_sdk": ("slack/", "daily.py", "scheduler.py", "commands/post_anniversaries.py"),
    "sudachipy": ("nlu/tokens.py",),
    "rapidfuzz": ("nlu/entities.py", "nlu/fuzzy_choice.py", "nlu/entity_keys.py"),
    "sqlite3": ("state/sqlite.py",),
    "psycopg": ("state/postgres.py",),
    "psycopg_pool": ("state/postgres.py",),
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


# --- question words are data (intents/_facets.yaml), not Python ------------------------------------
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Modules whose Japanese strings are a grammar, not words that ask: the date parser (和暦, 年度, 上旬),
# kanji numerals, Sudachi's part-of-speech names and the morphology of names (区/市/町, 株式会社).
GRAMMAR = (
    "nlu/when.py",
    "nlu/when_atoms.py",
    "nlu/when_relative.py",
    "nlu/kanjinum.py",
    "nlu/tokens.py",
    "nlu/entity_keys.py",
)


def _understanding_modules() -> list[tuple[str, ast.Module]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(("nlu/", "answers/")) and rel not in GRAMMAR:
            out.append((rel, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def test_no_list_of_question_words_is_left_in_python() -> None:
    found = []
    for rel, tree in _understanding_modules():
        for node in ast.walk(tree):
            items: list[ast.expr | None] = []
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                items = list(node.elts)
            elif isinstance(node, ast.Dict):
                items = list(node.keys)
            words = [
                e.value
                for e in items
                if isinstance(e, ast.Constant) and isinstance(e.value, str) and _JAPANESE.search(e.value)
            ]
            if len(words) >= 3:
                found.append(f"{rel}:{node.lineno} {words[:4]}")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.count("|") >= 2
                and len(_JAPANESE.findall(node.value.split("|")[1])) >= 2
            ):
                found.append(f"{rel}:{node.lineno} regex {node.value[:40]}")
    assert not found, f"move these words to intents/_facets.yaml (with examples): {found}"


def test_answers_never_read_the_question_text() -> None:
    """Handlers branch on facets and slots: no query.text, no .asks(...), no regex over the question."""
    found = []
    for rel, tree in _understanding_modules():
        if not rel.startswith("answers/"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "text" and "query" in ast.unparse(node.value):
                found.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr == "asks":
                    found.append(f"{rel}:{node.lineno} {ast.unparse(node)[:60]}")
                regex = node.func.attr in ("search", "match", "findall", "finditer", "fullmatch", "sub")
                if regex and any("query" in ast.unparse(a) for a in node.args):
                    found.append(f"{rel}:{node.lineno} {ast.unparse(node)[:60]}")
    assert not found, f"answers/ must use query facets and slots, not the question text: {found}"
