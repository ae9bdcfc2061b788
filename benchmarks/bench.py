"""`make bench`: how fast renkei-bot answers, starts and grows, each figure beside its target.

    .venv/bin/python benchmarks/bench.py           # the full run (a few minutes)
    .venv/bin/python benchmarks/bench.py --quick   # a tiny run of everything (seconds), for the tests

Absolute times mean little on a shared machine, so the targets compare with a floor measured in the
same run: a bare SudachiPy tokenize, a process that only loads the dictionary, the ×1 corpus.
Exit status: 0 when every measure ran (a missed target is printed as MISS, not an error).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold import Cold, child_env, cold_start
from latency import Growth, Warm, growth, warm_latency
from slackload import SlackLoad, slack_load
from stats import dev_questions, ms

MB = 1_000_000


@dataclass(frozen=True)
class Plan:
    warm_rounds: int
    cold_runs: int
    sizes: tuple[int, ...]
    mentions: int


FULL = Plan(warm_rounds=20, cold_runs=7, sizes=(1, 10, 100, 1000), mentions=40)
QUICK = Plan(warm_rounds=1, cold_runs=1, sizes=(1, 10), mentions=4)


@dataclass(frozen=True)
class Row:
    measure: str
    figure: str
    target: str
    ok: bool


def _rounds(copies: int) -> int:
    return 5 if copies <= 100 else 2


def rows(plan: Plan, warm: Warm, cold: Cold, grown: Sequence[Growth], load: SlackLoad) -> list[Row]:
    base, big = grown[0], grown[-1]
    grow = big.p50 / base.p50
    return [
        Row(
            "warm p50",
            f"{ms(warm.p50)} = {warm.ratio:.1f}× the floor ({ms(warm.floor_p50)})",
            "≤ 10× the floor",
            warm.ratio <= 10,
        ),
        Row("warm p99", ms(warm.p99), "≤ 2 ms", warm.p99 <= 0.002),
        Row(
            "cold start",
            f"{cold.ask.wall:.3f} s = {cold.ratio:.2f}× the bare dictionary ({cold.floor.wall:.3f} s)",
            "≤ 3× the bare-dictionary process",
            cold.ratio <= 3,
        ),
        Row(
            "×1000 corpus p50",
            f"×{big.copies}: {ms(big.p50)} = {grow:.1f}× the ×1 p50 ({ms(base.p50)})",
            "≤ 3× the ×1 p50",
            grow <= 3,
        ),
        Row(
            "ack p99 with 40 concurrent mentions",
            f"{ms(load.ack_p99)} ({load.mentions} mentions)",
            "≤ 100 ms",
            load.ack_p99 <= 0.100,
        ),
        Row(
            "private memory of serve",
            f"RssAnon {load.rss_anon / MB:.1f} MB",
            "≤ 80 MB",
            load.rss_anon <= 80 * MB,
        ),
    ]


def _table(header: Sequence[str], body: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


def report(plan: Plan, warm: Warm, cold: Cold, grown: Sequence[Growth], load: SlackLoad) -> str:
    targets = _table(
        ("measure", "figure", "target", ""),
        [
            (r.measure, r.figure, r.target, "PASS" if r.ok else "MISS")
            for r in rows(plan, warm, cold, grown, load)
        ],
    )
    details = [
        f"warm: {warm.samples} answers; p50 {ms(warm.p50)}, p99 {ms(warm.p99)}; "
        f"floor p50 {ms(warm.floor_p50)}, p99 {ms(warm.floor_p99)}",
        f"cold start ({plan.cold_runs} runs each, medians): renkei-bot ask {cold.ask.wall:.3f} s, "
        f"peak RSS {cold.ask.peak_rss / MB:.0f} MB; bare dictionary {cold.floor.wall:.3f} s, "
        f"peak RSS {cold.floor.peak_rss / MB:.0f} MB",
        f"slack ({load.mentions} concurrent mentions): ack p50 {ms(load.ack_p50)}, p99 {ms(load.ack_p99)}; "
        f"answer p50 {ms(load.answer_p50)}, p99 {ms(load.answer_p99)}; "
        f"RssAnon {load.rss_anon / MB:.1f} MB, RssFile (shared) {load.rss_file / MB:.1f} MB",
    ]
    growth_table = _table(
        (
            "corpus",
            "events",
            "entities",
            "write",
            "load (cache miss)",
            "load (cache hit)",
            "indexes",
            "p50",
            "p99",
        ),
        [
            (
                f"×{g.copies}",
                f"{g.events:,}",
                f"{g.entities:,}",
                f"{g.generate:.2f} s",
                f"{g.load_cold:.2f} s",
                f"{g.load_warm:.2f} s",
                f"{g.index:.2f} s",
                ms(g.p50),
                ms(g.p99),
            )
            for g in grown
        ],
    )
    return "\n\n".join([targets, "\n".join(details), "growth:\n" + growth_table])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run of every measure, for the test suite"
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    questions, today = dev_questions()
    if args.quick:
        questions = questions[:8]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="renkei-bench-cache-") as cache:
        env = child_env(os.environ, cache)
        print(f"bench: {len(questions)} questions, plan {plan}", file=sys.stderr)
        warm = warm_latency(questions, today, rounds=plan.warm_rounds)
        cold = cold_start(env, runs=plan.cold_runs)
        grown = growth(questions, today, sizes=plan.sizes, rounds=_rounds)
        load = slack_load(env, mentions=plan.mentions)
    print(report(plan, warm, cold, grown, load))
    print(
        f"\n(`{'make bench' if not args.quick else 'bench.py --quick'}` took {time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
