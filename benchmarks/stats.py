"""Percentiles and the shared helpers of the benchmarks."""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_SET = REPO / "tests" / "eval" / "dev.yaml"
OWN_SET = REPO / "benchmarks" / "questions.yaml"  # the benchmark's own, wider questions
VENV_BIN = Path(sys.executable).parent
TODAY = date(2026, 11, 28)  # the dev set's own `today`, so every run asks the same questions


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100) of `values`."""
    if not values:
        raise ValueError("no values to take a percentile of")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_questions(dev: Path = DEV_SET, own: Path = OWN_SET) -> tuple[list[str], date]:
    """The dev set's questions, then the benchmark's own (each once), and the dev set's `today`."""
    questions, today = dev_questions(dev)
    mine, _ = dev_questions(own)
    return list(dict.fromkeys([*questions, *mine])), today


def dev_questions(path: Path = DEV_SET) -> tuple[list[str], date]:
    """The dev set's questions and its `today`; a clear SystemExit when the file is absent."""
    import yaml

    if not path.is_file():
        raise SystemExit(
            f"bench: the dev question set {path} is missing; "
            "it lives in the repository at tests/eval/dev.yaml"
        )
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = [str(item["q"]) for item in raw.get("questions", []) if item.get("q")]
    if not questions:
        raise SystemExit(f"bench: {path} has no questions (a list under `questions:` with `q:`)")
    today = raw.get("today")
    return questions, today if isinstance(today, date) else TODAY
