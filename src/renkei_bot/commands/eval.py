"""`renkei-bot eval QUESTIONS.yaml`: accuracy over a question set, per label, with the failures.

Example:
    renkei-bot eval tests/eval/dev.yaml --json-out report.json
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from renkei_bot.commands._common import add_data, load_engine, settings_of


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "eval",
        help="質問セットで正答率を測る",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("questions", type=Path, help="dev.yaml と同じ形式の質問セット")
    parser.add_argument(
        "--json-out", type=Path, metavar="FILE", help="Rasa の intent_report 形式のレポートを書く"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="失敗した質問の答えを全文表示する")
    add_data(parser)
    parser.set_defaults(handler=run)


def _share(ok: int, n: int) -> str:
    return f"{100 * ok / n if n else 0.0:.1f}% ({ok}/{n})"


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    from renkei_bot import evaluate
    from renkei_bot.atomic import write_bytes_atomically

    engine = load_engine(args, settings_of(env), env)
    cases = evaluate.load_cases(args.questions)
    results = evaluate.run(engine, cases)
    print("per label:")
    for label, (ok, n) in evaluate.by_label(results).items():
        print(f"  {label:<24} {ok}/{n}")
    failures = [r for r in results if not r.passed]
    if failures:
        print("failures:")
    for r in failures:
        print(f"  {r.case.id} [{r.case.label} → {r.intent}] {r.case.question}")
        print(f"      {'; '.join(r.problems)}")
        if args.verbose:
            print("      " + r.text.replace("\n", "\n      "))
    if args.json_out:
        report = evaluate.intent_report(results, evaluate.gold_intents(engine))
        payload = {
            "intent_report": report,
            "errors": [
                {
                    "id": r.case.id,
                    "text": r.case.question,
                    "intent": r.case.label,
                    "intent_prediction": {"name": r.intent},
                    "problems": list(r.problems),
                    "answer": r.text,
                }
                for r in failures
            ],
        }
        write_bytes_atomically(args.json_out, json.dumps(payload, ensure_ascii=False, indent=2).encode())
    passed = len(results) - len(failures)
    anywhere = sum(1 for r in results if not [p for p in r.problems if not p.startswith("first line")])
    print(f"the asked fact anywhere in the answer: {_share(anywhere, len(results))}")
    headed = [r for r in results if r.case.head]
    led = sum(1 for r in headed if r.passed)
    print(f"one-fact questions with the fact in the first line: {_share(led, len(headed))}")
    print(f"accuracy: {_share(passed, len(results))}")
    return 0
