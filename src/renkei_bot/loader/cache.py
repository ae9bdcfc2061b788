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
import time
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from renkei_bot.atomic import write_bytes_atomically
from renkei_bot.records import Dataset

CACHE_DIR_ENV = "RENKEI_CACHE_DIR"
DISABLED_VALUES = ("off", "none", "no", "false", "0")
KEEP_FILES = 8
_PIECE = 1 << 20  # bytes hashed at a time by files_key
RACY_SECONDS = 2  # a file written more recently is hashed again on every start
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


def remembered_files_key(
    cache_dir: Path,
    files: Sequence[tuple[str, Path]],
    *,
    racy_seconds: float = RACY_SECONDS,
    note_kind: str = "datakey",
) -> str:
    """files_key, remembered in cache_dir under the files' names, sizes, inodes and times, so a start
    whose files are unchanged does not read them (at ×1000, 150 MB, often paged out by the time the
    next process starts). Any write changes a file's ctime, which no tool sets back; a file written in
    the last RACY_SECONDS is hashed every time, as its next write could share its timestamps (git's
    "racily clean" rule). Any failure to read or write the note is a miss: the files are hashed.
    `note_kind` names the notes (the newest KEEP_FILES of each kind are kept)."""
    try:
        stats = [(name, path.stat()) for name, path in files]
    except OSError:
        return files_key(files)  # the reader names what is missing
    stamp = hashlib.sha256(_code_fingerprint())
    for name, st in stats:
        fields = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
        stamp.update(f"{name}\0{fields}\0".encode())
    note = cache_dir / f"{note_kind}-{stamp.hexdigest()}.txt"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        remembered = note.read_text(encoding="ascii")
        if len(remembered) == 64 and all(c in "0123456789abcdef" for c in remembered):
            return remembered
    key = files_key(files)
    settled = time.time_ns() - int(racy_seconds * 1_000_000_000)
    if all(max(st.st_mtime_ns, st.st_ctime_ns) < settled for _, st in stats):
        with contextlib.suppress(OSError):
            write_bytes_atomically(note, key.encode("ascii"))
            _prune(cache_dir, keep=note, pattern=f"{note_kind}-*.txt")
    return key


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


def _prune(cache_dir: Path, *, keep: Path, pattern: str = "dataset-*.pickle") -> None:
    """Keep the newest KEEP_FILES of a kind of file (caches, or the notes of their data files' keys):
    several data dirs may share one cache dir."""
    with contextlib.suppress(OSError):
        olds = sorted(
            (p for p in cache_dir.glob(pattern) if p != keep),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in olds[KEEP_FILES - 1 :]:
            old.unlink(missing_ok=True)
