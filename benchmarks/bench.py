"""`make bench`: how fast renkei-bot answers, starts and grows, each figure beside its target.

    .venv/bin/python benchmarks/bench.py           # the full run (a few minutes)
    .venv/bin/python benchmarks/bench.py --quick   # a tiny run of everything (seconds), for the tests
    .venv/bin/python benchmarks/bench.py --dev PATH  # another dev set than tests/eval/dev.yaml

The questions are the dev set's and benchmarks/questions.yaml's (the benchmark's own, wider set).

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

from cold import Cold, bytecode_env, child_env, cold_start
from latency import Growth, Warm, growth, warm_latency
from slackload import SlackLoad, slack_load
from startup import Start, per_thousand_events, start_from_cache
from stats import DEV_SET, bench_questions, ms

MB = 1_000_000


@dataclass(frozen=True)
class Plan:
    warm_rounds: int
    cold_runs: int
    sizes: tuple[int, ...]
    mentions: int
    growth_rounds: int
    start_runs: int


FULL = Plan(warm_rounds=20, cold_runs=7, sizes=(1, 10, 100, 1000), mentions=40, growth_rounds=3, start_runs=3)
QUICK = Plan(warm_rounds=1, cold_runs=1, sizes=(1, 10), mentions=4, growth_rounds=1, start_runs=1)


@dataclass(frozen=True)
class Row:
    measure: str
    figure: str
    target: str
    ok: bool


@dataclass(frozen=True)
class Results:
    warm: Warm
    cold: Cold  # with bytecode caches
    cold_bare: Cold  # without any
    grown: Sequence[Growth]
    starts: Sequence[Start]
    load: SlackLoad


def differing(grown: Sequence[Growth], questions: Sequence[str]) -> list[str]:
    """Questions whose intent or found differ between the smallest and the largest corpus."""
    small, big = grown[0].outcomes, grown[-1].outcomes
    return [
        f"{q} ({a[0]}/{a[1]} → {b[0]}/{b[1]})"
        for q, a, b in zip(questions, small, big, strict=True)
        if a != b
    ]


def rows(r: Results, questions: Sequence[str]) -> list[Row]:
    base, big = r.grown[0], r.grown[-1]
    grow = big.p50 / base.p50
    small_start, big_start = r.starts[0], r.starts[-1]
    per_k = per_thousand_events(small_start, big_start)
    changed = differing(r.grown, questions)
    return [
        Row(
            "×1 warm p50",
            f"{ms(r.warm.p50)} = {r.warm.ratio:.1f}× the floor ({ms(r.warm.floor_p50)})",
            "≤ 6× the floor",
            r.warm.ratio <= 6,
        ),
        Row("×1 warm p99", f"{ms(r.warm.p99)} (max {ms(r.warm.max)})", "≤ 1.5 ms", r.warm.p99 <= 0.0015),
        Row(
            f"×{big.copies} p50",
            f"{ms(big.p50)} = {grow:.1f}× the ×1 p50 ({ms(base.p50)})",
            "≤ 2× the ×1 p50",
            grow <= 2,
        ),
        Row(f"×{big.copies} p99", ms(big.p99), "≤ 25 ms", big.p99 <= 0.025),
        Row(f"×{big.copies} slowest question", ms(big.max), "≤ 50 ms", big.max <= 0.050),
        Row(
            f"×{big.copies} start from the cache",
            f"{big_start.wall:.2f} s ({big_start.events:,} events; Engine.load {big_start.load:.2f} s)",
            "≤ 5 s",
            big_start.wall <= 5,
        ),
        Row(
            "RSS per 1,000 events",
            f"{per_k / MB:.1f} MB (×{big_start.copies}: +{big_start.rss_growth / MB:.0f} MB loading)",
            "reported",
            True,
        ),
        Row(
            "cold start",
            f"{r.cold.ask.wall:.3f} s = {r.cold.ratio:.2f}× the bare dictionary ({r.cold.floor.wall:.3f} s)",
            "≤ 3× the bare-dictionary process",
            r.cold.ratio <= 3,
        ),
        Row(
            "cold start without bytecode caches",
            f"{r.cold_bare.ask.wall:.3f} s = {r.cold_bare.ratio:.2f}× the bare dictionary "
            f"({r.cold_bare.floor.wall:.3f} s)",
            "reported",
            True,
        ),
        Row(
            f"same intent and found at ×1 and ×{big.copies}",
            f"{len(questions) - len(changed)}/{len(questions)} questions",
            "all",
            not changed,
        ),
        Row(
            "ack p99 with 40 concurrent mentions",
            f"{ms(r.load.ack_p99)} ({r.load.mentions} mentions)",
            "≤ 100 ms",
            r.load.ack_p99 <= 0.100,
        ),
        Row(
            "private memory of serve",
            f"RssAnon {r.load.rss_anon / MB:.1f} MB",
            "≤ 80 MB",
            r.load.rss_anon <= 80 * MB,
        ),
    ]


def _table(header: Sequence[str], body: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


def report(plan: Plan, r: Results, questions: Sequence[str]) -> str:
    targets = _table(
        ("measure", "figure", "target", ""),
        [(row.measure, row.figure, row.target, "PASS" if row.ok else "MISS") for row in rows(r, questions)],
    )
    cold = [
        f"cold start ({plan.cold_runs} runs each, medians), {label}: renkei-bot ask {c.ask.wall:.3f} s, "
        f"peak RSS {c.ask.peak_rss / MB:.0f} MB; bare dictionary {c.floor.wall:.3f} s, "
        f"peak RSS {c.floor.peak_rss / MB:.0f} MB"
        for label, c in (("bytecode cached", r.cold), ("no bytecode cache", r.cold_bare))
    ]
    details = [
        f"questions: {len(questions)} (the dev set, then benchmarks/questions.yaml)",
        f"×1 warm: {r.warm.samples} answers; p50 {ms(r.warm.p50)}, p99 {ms(r.warm.p99)}, max {ms(r.warm.max)}; "
        f"floor p50 {ms(r.warm.floor_p50)}, p99 {ms(r.warm.floor_p99)}",
        *cold,
        f"slack ({r.load.mentions} concurrent mentions): ack p50 {ms(r.load.ack_p50)}, p99 {ms(r.load.ack_p99)}; "
        f"answer p50 {ms(r.load.answer_p50)}, p99 {ms(r.load.answer_p99)}; "
        f"RssAnon {r.load.rss_anon / MB:.1f} MB, RssFile (shared) {r.load.rss_file / MB:.1f} MB",
        f"corpus sizes: a question's time is its fastest of {plan.growth_rounds} rounds (a shared machine's "
        "noise hits single rounds; a slow question is slow in all)",
    ]
    growth_table = _table(
        (
            *("corpus", "events", "entities", "write", "first load (build)", "start from cache"),
            *("RSS growth", "p50", "p99", "max"),
        ),
        [
            (
                f"×{g.copies}",
                f"{g.events:,}",
                f"{g.entities:,}",
                f"{g.generate:.2f} s",
                f"{g.build:.2f} s",
                f"{s.wall:.2f} s",
                f"{s.rss_growth / MB:.0f} MB",
                ms(g.p50),
                ms(g.p99),
                ms(g.max),
            )
            for g, s in zip(r.grown, r.starts, strict=True)
        ],
    )
    big = r.grown[-1]
    slow = [f"  {ms(t)}  {q}" for t, q in big.slowest]
    changed = [f"  {line}" for line in differing(r.grown, questions)]
    parts = [
        targets,
        "\n".join(details),
        "growth:\n" + growth_table,
        f"slowest at ×{big.copies}:\n" + "\n".join(slow),
    ]
    if changed:
        parts.append(f"intent or found changed between ×1 and ×{big.copies}:\n" + "\n".join(changed))
    return "\n\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run of every measure, for the test suite"
    )
    parser.add_argument("--dev", type=Path, default=DEV_SET, help=f"the dev question set (default {DEV_SET})")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    questions, today = bench_questions(args.dev)
    if args.quick:
        questions = questions[:8]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="renkei-bench-") as scratch:
        env = child_env(os.environ, f"{scratch}/cache")
        print(f"bench: {len(questions)} questions, plan {plan}", file=sys.stderr)
        warm = warm_latency(questions, today, rounds=plan.warm_rounds)
        cold = cold_start(bytecode_env(env, scratch, cached=True), runs=plan.cold_runs)
        cold_bare = cold_start(bytecode_env(env, scratch, cached=False), runs=plan.cold_runs)
        work = Path(scratch) / "corpora"
        grown = growth(questions, today, sizes=plan.sizes, rounds=lambda _: plan.growth_rounds, work=work)
        starts = [
            start_from_cache(
                work / f"data-x{g.copies}",
                work / f"cache-x{g.copies}",
                copies=g.copies,
                events=g.events,
                runs=plan.start_runs,
            )
            for g in grown
        ]
        load = slack_load(env, mentions=plan.mentions)
    print(report(plan, Results(warm, cold, cold_bare, grown, starts, load), questions))
    print(
        f"\n(`{'make bench' if not args.quick else 'bench.py --quick'}` took {time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
