"""The benchmark script runs: `benchmarks/bench.py --quick` exits 0 and prints every measure.

It checks that each figure is produced, never how fast: timings belong to `make bench`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks" / "bench.py"
DEV_SET = REPO / "tests" / "eval" / "dev.yaml"
MEASURES = (
    "×1 warm p50",
    "×1 warm p99",
    "×10 p50",
    "×10 p99",
    "×10 slowest question",
    "×10 start from the cache",
    "RSS per 1,000 events",
    "cold start",
    "cold start without bytecode caches",
    "same intent and found at ×1 and ×10",
    "ack p99 with 40 concurrent mentions",
    "private memory of serve",
)


def test_quick_bench_prints_every_measure_and_target() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    rows = {line.split("|")[1].strip(): line for line in done.stdout.splitlines() if line.startswith("| ")}
    for measure in MEASURES:
        assert measure in rows, f"{measure!r} missing from:\n{done.stdout}"
        assert rows[measure].rstrip(" |").endswith(("PASS", "MISS")), rows[measure]
    for target in (
        "≤ 6× the floor",
        "≤ 1.5 ms",
        "≤ 2× the ×1 p50",
        "≤ 25 ms",
        "≤ 50 ms",
        "≤ 5 s",
        "≤ 3× the bare-dictionary process",
        "≤ 100 ms",
        "≤ 80 MB",
    ):
        assert target in done.stdout
    assert "growth:" in done.stdout and "| ×10 |" in done.stdout


def test_a_missing_dev_set_is_named(tmp_path: Path) -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import stats; "
        "stats.dev_questions(stats.Path(sys.argv[2]))"
    )
    missing = tmp_path / "dev.yaml"
    done = subprocess.run(
        [sys.executable, "-c", code, str(REPO / "benchmarks"), str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert str(missing) in done.stderr and "missing" in done.stderr


def test_the_synthetic_corpus_loads_with_distinct_ids_and_shifted_years(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from renkei_bot import paths
    from renkei_bot.store import Store
    from synth import write_corpus, years

    counts = write_corpus(paths.DATA_DIR, tmp_path / "x3", copies=3)
    real = Store.load(paths.DATA_DIR, cache_dir=tmp_path / "cache")
    grown = Store.load(tmp_path / "x3", cache_dir=tmp_path / "cache")
    assert len(grown.events) == counts["events"] == 3 * len(real.events)
    assert len(grown.entities) == counts["entities"] == 3 * len(real.entities)
    assert len({e.name for e in grown.entities}) == 3 * len({e.name for e in real.entities})
    first = real.events[0]
    copy = grown.event(f"{first.id}-x2")
    assert copy.date.start is not None and first.date.start is not None
    assert copy.date.start.year == first.date.start.year + years(2) > 2200
    assert all(ref.endswith("-x2") for ref in copy.refs)
    assert grown.partners == real.partners
