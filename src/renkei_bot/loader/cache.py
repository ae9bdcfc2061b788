"""A cache of the validated Dataset, keyed by the content of the data files and of the loading code.

Parsing YAML is the slow part of loading (seconds for a large corpus); unpickling is fast. The key is
a sha256 over every data file's name and bytes plus the source of the modules that turn them into
records, so an edited file, an added or removed file, or changed loading code is a miss: the cache
can never serve stale data. Only a fully valid Dataset is cached; a broken or unreadable cache file
is ignored and rebuilt; a cache dir that cannot be written disables the cache quietly.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from renkei_bot.atomic import write_bytes_atomically
from renkei_bot.records import Dataset

CACHE_DIR_ENV = "RENKEI_CACHE_DIR"
DISABLED_VALUES = ("off", "none", "no", "false", "0")
KEEP_FILES = 8
_PIECE = 1 << 20  # bytes hashed at a time by files_key
_MAGIC = "renkei-bot dataset cache v1"
_CODE = (
    "records.py",
    "loader/dataset.py",
    "loader/fields.py",
    "loader/events.py",
    "loader/tables.py",
    "loader/checks.py",
    "loader/cache.py",
)


def cache_dir_from_env(env: Mapping[str, str]) -> Path | None:
    """$RENKEI_CACHE_DIR (off/none/0 disables), else $XDG_CACHE_HOME/renkei-bot, else ~/.cache/renkei-bot."""
    raw = (env.get(CACHE_DIR_ENV) or "").strip()
    if raw:
        return None if raw.lower() in DISABLED_VALUES else Path(raw)
    xdg = (env.get("XDG_CACHE_HOME") or "").strip()
    if xdg:
        return Path(xdg) / "renkei-bot"
    home = (env.get("HOME") or "").strip()
    return Path(home) / ".cache" / "renkei-bot" if home else None


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    digest = hashlib.sha256(f"{_MAGIC}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
    here = Path(__file__).parents[1]
    for name in _CODE:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return digest.digest()


def cache_key(files: Sequence[tuple[str, bytes]]) -> str:
    """sha256 over (name, bytes) of every data file, in order, and the loading code."""
    digest = hashlib.sha256(_code_fingerprint())
    for name, content in files:
        encoded = name.encode()
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
        digest.update(len(content).to_bytes(8, "big") + content)
    return digest.hexdigest()


def files_key(files: Sequence[tuple[str, Path]]) -> str:
    """cache_key of the named files' bytes, read a piece at a time: the same key, without holding
    every file in memory at once (at ×1000, 150 MB read whole took 0.26 s, in pieces 0.11 s)."""
    digest = hashlib.sha256(_code_fingerprint())
    for name, path in files:
        encoded = name.encode()
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            digest.update(size.to_bytes(8, "big"))
            read = 0
            while chunk := fh.read(_PIECE):
                digest.update(chunk)
                read += len(chunk)
        if read != size:  # changed while read: a key no cache is written under
            digest.update(b"\0changed while read")
    return digest.hexdigest()


def cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"dataset-{key}.pickle"


def read_cache(cache_dir: Path, key: str) -> Dataset | None:
    """The cached Dataset for this key, or None (missing, unreadable, corrupt or for another key)."""
    path = cache_path(cache_dir, key)
    try:
        payload = pickle.loads(path.read_bytes())  # our own file, in the user's own cache dir
    except Exception:  # a cache is an optimisation: any failure to read it is a miss
        return None
    if (
        isinstance(payload, tuple)
        and len(payload) == 3
        and payload[0] == _MAGIC
        and payload[1] == key
        and isinstance(payload[2], Dataset)
    ):
        return payload[2]
    return None


def write_cache(cache_dir: Path, key: str, dataset: Dataset) -> Path | None:
    """Write the Dataset atomically; None when the cache dir cannot be written (the cache is then off)."""
    path = cache_path(cache_dir, key)
    try:
        write_bytes_atomically(path, pickle.dumps((_MAGIC, key, dataset), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return None
    _prune(cache_dir, keep=path)
    return path


def _prune(cache_dir: Path, *, keep: Path) -> None:
    """Keep the newest KEEP_FILES caches (several data dirs may share one cache dir)."""
    with contextlib.suppress(OSError):
        olds = sorted(
            (p for p in cache_dir.glob("dataset-*.pickle") if p != keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in olds[KEEP_FILES - 1 :]:
            old.unlink(missing_ok=True)
