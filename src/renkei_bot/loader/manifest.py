"""data/manifest.json: each data file's sha256 and record count, written by ingest and checked at load.

A file cut short at a record boundary still parses, so only the manifest can tell. Checked at load:
a listed file that changed or is missing, and a *.yaml file that is not listed, are DataErrors naming the
file. entities.yaml and corrections.yaml are edited by hand and are not listed; every reference to their
records is checked at load instead. A hand-added file (say events-2022.yaml) is listed by
`renkei-bot data check --update`. A data folder without a manifest is not checked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from renkei_bot.errors import DataError

MANIFEST_FILE = "manifest.json"
HAND_EDITED = ("entities.yaml", "corrections.yaml")
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Entry:
    sha256: str
    records: int


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def manifest_bytes(entries: Mapping[str, Entry]) -> bytes:
    files = {name: {"sha256": e.sha256, "records": e.records} for name, e in sorted(entries.items())}
    text = json.dumps({"format": _FORMAT, "files": files}, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def read_manifest(data_dir: Path) -> dict[str, Entry] | None:
    """The manifest's entries, None when there is none; DataError when it cannot be used."""
    path = data_dir / MANIFEST_FILE
    where = f"{data_dir.resolve().name}/{MANIFEST_FILE}"
    fix = "run `renkei-bot data check --update` to write it again"
    try:
        raw = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DataError(f"{where}: cannot be read ({exc.strerror}); check its permissions") from None
    except ValueError as exc:
        raise DataError(f"{where}: not valid JSON ({exc}); {fix}") from None
    files = raw.get("files") if isinstance(raw, dict) and raw.get("format") == _FORMAT else None
    if not isinstance(files, dict):
        raise DataError(f"{where}: not a renkei-bot manifest (format {_FORMAT}); {fix}")
    entries: dict[str, Entry] = {}
    for name, item in files.items():
        ok = (
            isinstance(item, dict)
            and isinstance(item.get("sha256"), str)
            and isinstance(item.get("records"), int)
        )
        if not ok:
            raise DataError(f"{where}: the entry for {name!r} needs sha256 and records; {fix}")
        entries[str(name)] = Entry(item["sha256"], item["records"])
    return entries


def problems(
    entries: Mapping[str, Entry], files: Sequence[tuple[str, bytes]], shown: str
) -> list[tuple[str, str]]:
    """(file name, message) for each file that does not match; `files` are (display name, bytes)."""
    found = {Path(name).name: (name, content) for name, content in files}
    prefix = shown.rsplit("/", 1)[0] + "/" if "/" in shown else ""
    out: list[tuple[str, str]] = []
    for name, entry in sorted(entries.items()):
        if name not in found:
            message = (
                f"{prefix}{name}: listed in {shown} but missing; restore it, or run `renkei-bot ingest` "
                "to make the data again"
            )
            out.append((name, message))
        elif sha256(found[name][1]) != entry.sha256:
            message = (
                f"{found[name][0]}: does not match {shown} (changed or cut short since it was written; "
                f"{entry.records} records expected); run `renkei-bot ingest` again, or "
                "`renkei-bot data check --update` if you edited it on purpose"
            )
            out.append((name, message))
    for name, (where, _) in sorted(found.items()):
        if name not in entries and name not in HAND_EDITED:
            message = f"{where}: not listed in {shown}; if you added it on purpose, run `renkei-bot data check --update`"
            out.append((name, message))
    return out


def check(data_dir: Path, files: Sequence[tuple[str, bytes]]) -> None:
    """Raise DataError naming every file that does not match the manifest (if there is one)."""
    entries = read_manifest(data_dir)
    if entries is None:
        return
    found = [message for _, message in problems(entries, files, f"{data_dir.resolve().name}/{MANIFEST_FILE}")]
    if len(found) == 1:
        raise DataError(found[0])
    if found:
        raise DataError(
            "\n".join([f"{len(found)} data files do not match the manifest:", *(f"- {p}" for p in found)])
        )
