"""The hand-curated files ingest reads, entities.yaml and corrections.yaml, checked by the same code
that checks them at load (tables.py, checks.py): one validator for each kind of record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from renkei_bot.errors import DataError
from renkei_bot.loader.checks import check_corrections, check_entities, unique
from renkei_bot.loader.dataset import _parse_yaml
from renkei_bot.loader.fields import Problems, Reader
from renkei_bot.loader.files import display_path
from renkei_bot.loader.tables import parse_corrections, parse_entities
from renkei_bot.records import Correction, Entity

ENTITIES_FILE = "entities.yaml"
CORRECTIONS_FILE = "corrections.yaml"
R = TypeVar("R", Entity, Correction)
Parse = Callable[[Problems, str, list[object], set[str]], list[R]]


def read_input(path: Path, where: str) -> bytes:
    """The bytes of a file ingest needs, or a DataError naming it and the fix."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{where}: missing; ingest reads it from the output folder, copy it there") from None
    except IsADirectoryError:
        raise DataError(f"{where}: is a folder, not a file; replace it with the YAML file") from None
    except OSError as exc:
        raise DataError(f"{where}: cannot be read ({exc.strerror}); check its permissions") from None


def _load(path: Path, key: str, kind: str, parse: Parse[R]) -> tuple[list[tuple[str, R]], Problems]:
    where = display_path(path.parent, path)
    content = read_input(path, where)
    problems = Problems()
    records: list[tuple[str, R]] = []
    top = _parse_yaml(problems, where, content)
    if top is not None:
        reader = Reader(problems, where, top)
        reader.only((key,))
        items = reader.sequence(key)
        if key not in top:
            problems.add(f"{where}: no top-level '{key}:' list; start the file with '{key}:'")
        records = unique(problems, kind, [(where, r) for r in parse(problems, where, items, set())])
    return records, problems


def load_entities(path: Path) -> tuple[Entity, ...]:
    entities, problems = _load(path, "entities", "entity", parse_entities)
    check_entities(problems, entities, {e.id for _, e in entities})
    problems.raise_if_any()
    return tuple(e for _, e in entities)


def load_corrections(path: Path) -> tuple[Correction, ...]:
    corrections, problems = _load(path, "corrections", "correction", parse_corrections)
    check_corrections(problems, corrections)
    problems.raise_if_any()
    return tuple(c for _, c in corrections)
