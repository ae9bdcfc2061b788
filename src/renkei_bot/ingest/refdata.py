"""The hand-curated inputs of ingest: data/entities.yaml and data/corrections.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from renkei_bot.errors import DataError
from renkei_bot.records import ENTITY_TYPES, Correction, Entity

ENTITIES_FILE = "entities.yaml"
CORRECTIONS_FILE = "corrections.yaml"


def _load(path: Path, key: str) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path}: missing; ingest reads it from the output folder, copy it there") from exc
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DataError(f"{path}: expected a top-level '{key}:' list of mappings")
    return items


ENTITY_FIELDS = frozenset({"id", "name", "type", "aliases", "reading", "parent", "note"})
CORRECTION_FIELDS = frozenset({"id", "wrong", "right", "note"})


def _known(path: Path, kind: str, item: dict[str, Any], fields: frozenset[str]) -> dict[str, Any]:
    unknown = sorted(str(k) for k in item if k not in fields)
    if unknown:
        raise DataError(
            f"{path}: {kind} {item.get('id')!r}: unknown field {unknown[0]!r}; the fields are {', '.join(sorted(fields))}"
            " (a note with ', ' in a {…} mapping must be quoted)"
        )
    return item


def _text(path: Path, kind: str, item: dict[str, Any], field: str, *, required: bool = True) -> str | None:
    value = item.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise DataError(f"{path}: {kind} {item.get('id')!r}: {field} must be a non-empty string")
    return value


def load_entities(path: Path) -> tuple[Entity, ...]:
    entities: list[Entity] = []
    for raw in _load(path, "entities"):
        item = _known(path, "entity", raw, ENTITY_FIELDS)
        entity_id = _text(path, "entity", item, "id") or ""
        entity_type = _text(path, "entity", item, "type") or ""
        if entity_type not in ENTITY_TYPES:
            raise DataError(
                f"{path}: entity {entity_id!r}: type {entity_type!r} is not one of {ENTITY_TYPES}"
            )
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise DataError(f"{path}: entity {entity_id!r}: aliases must be a list of strings")
        entities.append(
            Entity(
                id=entity_id,
                name=_text(path, "entity", item, "name") or "",
                type=entity_type,
                aliases=tuple(aliases),
                reading=_text(path, "entity", item, "reading", required=False),
                parent=_text(path, "entity", item, "parent", required=False),
                note=_text(path, "entity", item, "note", required=False),
            )
        )
    ids = [e.id for e in entities]
    for entity in entities:
        if ids.count(entity.id) > 1:
            raise DataError(f"{path}: entity {entity.id!r}: the id is used more than once")
        if entity.parent is not None and entity.parent not in ids:
            raise DataError(f"{path}: entity {entity.id!r}: parent {entity.parent!r} is not an entity id")
    return tuple(entities)


def load_corrections(path: Path) -> tuple[Correction, ...]:
    corrections = tuple(
        Correction(
            id=_text(path, "correction", item, "id") or "",
            wrong=_text(path, "correction", item, "wrong") or "",
            right=_text(path, "correction", item, "right") or "",
            note=_text(path, "correction", item, "note", required=False) or "",
        )
        for item in (_known(path, "correction", raw, CORRECTION_FIELDS) for raw in _load(path, "corrections"))
    )
    for field in ("id", "wrong"):
        values = [getattr(c, field) for c in corrections]
        for correction in corrections:
            if values.count(getattr(correction, field)) > 1:
                raise DataError(f"{path}: correction {correction.id!r}: {field} is used more than once")
    return corrections
