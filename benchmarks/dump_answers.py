"""Every answer to a set of question files, one JSON line each, to diff before and after a refactor.

    .venv/bin/python benchmarks/dump_answers.py tests/eval/*.yaml ../shared/eval/dev.yaml > before.jsonl
    (change the code)
    .venv/bin/python benchmarks/dump_answers.py tests/eval/*.yaml ../shared/eval/dev.yaml > after.jsonl
    diff before.jsonl after.jsonl   # a pure performance change prints nothing

Each line holds the question, its intent, found, the text and the Block Kit message. With --data the
answers come from another data directory (a synthetic corpus from synth.py, say).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from renkei_bot import evaluate, paths
from renkei_bot.answers.render import to_blocks, to_text
from renkei_bot.engine import Engine


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path, help="question sets in the dev.yaml format")
    parser.add_argument("--data", type=Path, default=paths.DATA_DIR, help="the data directory")
    args = parser.parse_args(argv)
    engine = Engine.load(args.data, paths.INTENTS_DIR)
    for path in args.files:
        for case in evaluate.load_cases(path):
            answer = engine.ask(case.question, today=case.today)
            line = {
                "file": path.name,
                "id": case.id,
                "question": case.question,
                "intent": answer.intent,
                "found": answer.found,
                "text": to_text(answer),
                "blocks": to_blocks(answer),
            }
            sys.stdout.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
