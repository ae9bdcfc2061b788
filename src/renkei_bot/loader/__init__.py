"""Validated loading of data/*.yaml into a Dataset (dataset.py is the only module that imports yaml).

dataset.py reads the files, fields.py/events.py/tables.py turn parsed YAML into records, checks.py
checks the records against each other, cache.py keeps the validated Dataset between runs.
"""

from __future__ import annotations

from renkei_bot.loader.dataset import Loaded, data_files, display_path, load, load_dataset, parse_files

__all__ = ["Loaded", "data_files", "display_path", "load", "load_dataset", "parse_files"]
