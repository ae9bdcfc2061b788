"""`renkei-bot data check [--update]`: compare the data files with data/manifest.json, or list them in it."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HELP = """\
data フォルダの *.yaml を data/manifest.json（ingest が書く、各ファイルの sha256 と件数）と照らし合わせます。
途中で切れたファイル、書き換えられたファイル、載っていないファイルを名前で示し、終了コード 1 で終わります。
手で足したファイル（例: events-2022.yaml）は、検証したうえで --update で manifest に載せます。
entities.yaml と corrections.yaml は手で直すファイルなので載せません（参照は読み込み時に検査します）。

例: renkei-bot data check
    renkei-bot data check --update
"""


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "data",
        help="data/ のファイルを manifest と照らし合わせる（data check [--update]）",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=["check"], help="check: manifest と照らし合わせる")
    parser.add_argument(
        "--update", action="store_true", help="検証したうえで今のファイルを manifest に載せる"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="DIR",
        help="data フォルダ（既定: RENKEI_DATA_DIR か同梱の data）",
    )
    parser.set_defaults(handler=handler)


def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot.atomic import write_bytes_atomically
    from renkei_bot.config import Settings
    from renkei_bot.errors import DataError
    from renkei_bot.loader.dataset import parse_files, read_files, record_counts
    from renkei_bot.loader.manifest import (
        HAND_EDITED,
        MANIFEST_FILE,
        Entry,
        manifest_bytes,
        problems,
        read_manifest,
        sha256,
    )

    data_dir: Path = args.data or Settings.from_env(env).data_dir
    files = read_files(data_dir)
    shown = f"{data_dir.resolve().name}/{MANIFEST_FILE}"
    if args.update:
        parse_files(files)  # only valid data is listed: DataError names every problem
        listed = [(where, content) for where, content in files if Path(where).name not in HAND_EDITED]
        counts = record_counts(listed)
        entries = {Path(w).name: Entry(sha256(c), counts[w]) for w, c in listed}
        try:
            write_bytes_atomically(data_dir / MANIFEST_FILE, manifest_bytes(entries))
        except OSError as exc:
            raise DataError(f"{shown}: cannot write ({exc.strerror}); make {data_dir} writable") from None
        for name, entry in sorted(entries.items()):
            print(f"listed  {name}  {entry.records} records")
        print(f"{shown}: written ({len(entries)} files)")
        return 0
    listed_now = read_manifest(data_dir)
    if listed_now is None:
        raise DataError(f"{shown}: no manifest; run `renkei-bot ingest` or `renkei-bot data check --update`")
    found = problems(listed_now, files, shown)
    bad = {name for name, _ in found}
    for name, entry in sorted(listed_now.items()):
        if name not in bad:
            print(f"ok      {name}  {entry.records} records")
    for _, message in found:
        print(f"problem {message}")
    return 1 if found else 0
