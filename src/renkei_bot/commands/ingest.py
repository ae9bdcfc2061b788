"""`renkei-bot ingest SOURCE -o OUTDIR`: the source document → the generated data files."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from renkei_bot import paths, wording

HELP = """\
元資料「これまでの経過」を読み、events.yaml・partners.yaml・counts.yaml を OUTDIR に書きます。
OUTDIR の entities.yaml と corrections.yaml を使って、表記の誤りを直し、名前をつなぎます。
読めない行があれば「ファイル:行: 理由」を出して終了コード 1 で止まり、OUTDIR は変えません。

例: renkei-bot ingest data/source/000_f2877384e18cb53a.txt -o data/
"""


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ingest",
        help="元資料から data/ の events・partners・counts を作り直す",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", type=Path, nargs="?", default=paths.SOURCE_FILE, help="元資料のテキスト")
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=paths.DATA_DIR,
        help="出力先（entities.yaml のあるフォルダ。既定: data/）",
    )
    parser.set_defaults(handler=handler)


def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot.ingest import run  # imported here: every other command starts without it

    report = run(args.source, args.out)
    print(
        wording.ingest_summary(
            events=report.events,
            rows=report.rows,
            partners=report.partners,
            total=report.total,
            count_rows=report.count_rows,
            flags=report.flags,
            out=str(args.out),
        )
    )
    return 0
