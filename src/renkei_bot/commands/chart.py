"""`renkei-bot chart [counts|events] -o FILE.png`: draw a chart of the records as a PNG."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# matplotlib is imported by renkei_bot.charts only when a picture is drawn: `--help` and `ask` stay fast
from renkei_bot.charts import CHART_KINDS

HELP = """\
連携の歩みをグラフ（PNG）にします。
  counts: 連携自治体数の推移（年度ごと、各年8月1日現在）
  events: 年ごとの出来事の数（分類別の積み上げ棒グラフ）
-o を付けないと、グラフの代わりに表を表示します。

例: renkei-bot chart counts -o counts.png
"""


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "chart",
        help="連携の歩みをグラフ（PNG）にする",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "kind", nargs="?", choices=CHART_KINDS, default="counts", help="counts（既定）か events"
    )
    parser.add_argument("-o", "--output", type=Path, help="書き出す PNG ファイル（例: counts.png）")
    parser.add_argument("--data", type=Path, help="data フォルダ（既定: RENKEI_DATA_DIR か ./data）")
    parser.set_defaults(handler=handler)


def handler(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot import charts
    from renkei_bot.atomic import write_bytes_atomically
    from renkei_bot.config import Settings
    from renkei_bot.errors import UsageError
    from renkei_bot.store import Store

    data_dir: Path = args.data or Settings.from_env(env).data_dir
    store = Store.load(data_dir, env=env)
    if args.output is None:
        table = (
            charts.counts_table_text(store.counts)
            if args.kind == "counts"
            else charts.events_table_text(store.events)
        )
        print(table)
        return 0
    folder = args.output.parent
    if not folder.is_dir():
        raise UsageError(
            f"chart -o {args.output}: the folder {folder} does not exist; create it first (mkdir -p {folder})"
        )
    chart = charts.build_chart(store, args.kind)
    write_bytes_atomically(args.output, chart.png)
    print(f"{args.output}: {chart.title} ({len(chart.png):,} bytes)", file=sys.stderr)
    return 0
