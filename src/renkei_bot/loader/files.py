"""Which files a data directory holds, and how messages name them: what the start-up path needs
without the parsing code (and PyYAML) of loader/dataset.py."""

from __future__ import annotations

import os
from pathlib import Path

from renkei_bot.errors import DataError


def data_files(data_dir: Path) -> list[Path]:
    if not data_dir.is_dir():
        raise DataError(f"{data_dir}: no such data directory; pass the folder that holds events.yaml")
    try:
        names = os.listdir(data_dir)  # glob would call an unreadable folder empty
    except OSError as exc:
        raise DataError(
            f"{data_dir}: cannot be read ({exc.strerror}); check the folder's permissions"
        ) from None
    paths = sorted(data_dir / n for n in names if n.endswith(".yaml") and (data_dir / n).is_file())
    if not paths:
        raise DataError(f"{data_dir}: no *.yaml files; run `make ingest` or pass the right data directory")
    return paths


def display_path(data_dir: Path, path: Path) -> str:
    """data/events.yaml: the path relative to the data dir's parent, as messages show it."""
    name = data_dir.resolve().name
    return f"{name}/{path.name}" if name else str(path)
