"""A hand-written YAML file of intents/ parsed, or a DataError naming the file and the fix.

PyYAML is imported on first use: a start from the cache parses no YAML."""

from __future__ import annotations

from pathlib import Path

from renkei_bot.errors import DataError


def read_yaml(path: Path) -> object:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror}); restore it from git") from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from None
