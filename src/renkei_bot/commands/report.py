"""`renkei-bot report`: what the bot could not answer, grouped by question, most frequent first.

Answers that found nothing, apologies and 👎 from Slack, with the intent, the reason, the records
shown and, for a 👎, the reason given. Entries older than RENKEI_LOG_DAYS (90) are deleted first.

Example:
    renkei-bot report --since 2026-04-01
    renkei-bot report --json
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from renkei_bot.commands._common import settings_of


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "report",
        help="答えられなかった質問の一覧（質問ごと、多い順）",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", help="この日（東京）から（既定: RENKEI_LOG_DAYS 日前から）"
    )
    parser.add_argument("--json", action="store_true", help="1行1問の JSON で出す（question, count, …）")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot import report, wording
    from renkei_bot.clock import TOKYO, Clock
    from renkei_bot.config import parse_today
    from renkei_bot.state import connect
    from renkei_bot.state.purge import DEDUPE_SECONDS

    settings = settings_of(env)
    now = Clock(today=settings.today).now()  # RENKEI_TODAY pins the day (tests, demos)
    day = parse_today(args.since, "--since")
    start = (
        datetime(day.year, day.month, day.day, tzinfo=TOKYO)
        if day is not None
        else now - timedelta(days=settings.log_days)
    )
    store = connect(settings.state_location)  # RENKEI_STATE_URL or the SQLite file; unreachable: exit 1
    try:
        store.purge(now=now.timestamp(), dedupe_seconds=DEDUPE_SECONDS, log_days=settings.log_days)
        groups = report.group(store.log_since(start.timestamp()))
    finally:
        store.close()
    if args.json:
        for g in groups:
            print(json.dumps(report.as_json(g), ensure_ascii=False), flush=True)
        return 0
    since = start.date().isoformat()
    if not groups:
        print(wording.report_empty(since))
        return 0
    print(wording.report_heading(since, len(groups)))
    for g in groups:
        data = report.as_json(g)
        kinds = [(k, int(data[k])) for k in ("declined", "apology", "feedback_down", "feedback_up")]
        print(wording.report_line(g.count, g.question, kinds, data["intents"]))
        if data["reasons"]:
            print(wording.report_detail("理由", data["reasons"][:3]))
        if data["records"]:
            print(wording.report_detail("示した記録", data["records"][:5]))
    return 0
