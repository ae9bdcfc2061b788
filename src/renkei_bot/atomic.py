"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def write_files_atomically(files: Mapping[Path, bytes]) -> None:
    """Write every file to a temporary sibling first, then rename them all into place.

    If writing any of them fails, nothing is renamed and the existing files stay untouched.
    """
    import tempfile  # here: a start that finds its caches written (a cold `ask`) writes nothing

    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((Path(name), path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(name, 0o644)  # mkstemp makes 0600; data files and charts are meant to be read
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    try:
        for _, path in staged:  # os.replace cannot put a file over a folder: fail before renaming any
            if path.is_dir():
                raise IsADirectoryError(21, "Is a directory", str(path))
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)  # left only when a rename failed


def write_bytes_atomically(path: Path, content: bytes) -> None:
    write_files_atomically({path: content})
