"""Validated loading of data/*.yaml into a Dataset (dataset.py is the only module that imports yaml).

dataset.py reads the files, fields.py/events.py/tables.py turn parsed YAML into records, checks.py
checks the records against each other, cache.py keeps the validated Dataset between runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from renkei_bot.loader.files import data_files, display_path

__all__ = ["Loaded", "data_files", "display_path", "load", "load_dataset", "parse_files"]

if TYPE_CHECKING:
    from renkei_bot.loader.dataset import Loaded, load, load_dataset, parse_files
else:

    def __getattr__(name: str) -> Any:
        # The parsing code (and PyYAML) is imported on first use: a start from the prepared cache
        # never parses YAML.
        if name in __all__:
            from renkei_bot.loader import dataset

            return getattr(dataset, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
