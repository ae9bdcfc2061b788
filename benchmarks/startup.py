"""Start-up from the caches: a fresh process that imports renkei-bot and loads the Engine of a corpus
whose caches are already written, with its wall time and how much its RSS grew while loading."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from stats import VENV_BIN, median

_CHILD = """
import sys, time
started = time.perf_counter()
from pathlib import Path
from renkei_bot import paths
from renkei_bot.engine import Engine

def rss():
    with open("/proc/self/status") as status:
        return int(status.read().split("VmRSS:")[1].split()[0]) * 1024

before = rss()
loading = time.perf_counter()
Engine.load(Path(sys.argv[1]), paths.INTENTS_DIR, env={"RENKEI_CACHE_DIR": sys.argv[2]})
done = time.perf_counter()
print(done - started, done - loading, before, rss())
"""


@dataclass(frozen=True)
class Start:
    copies: int
    events: int
    wall: float  # the whole process up to a ready Engine (median)
    load: float  # Engine.load alone (median)
    rss_growth: int  # bytes the load added to the process


def start_from_cache(data: Path, cache: Path, *, copies: int, events: int, runs: int) -> Start:
    walls: list[float] = []
    loads: list[float] = []
    growths: list[int] = []
    for _ in range(runs):
        done = subprocess.run(
            [str(VENV_BIN / "python"), "-c", _CHILD, str(data), str(cache)],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            wall, load, before, after = done.stdout.split()
        except ValueError:
            raise SystemExit(f"bench: the start-up child failed:\n{done.stderr}") from None
        walls.append(float(wall))
        loads.append(float(load))
        growths.append(int(after) - int(before))
    return Start(copies, events, median(walls), median(loads), int(median([float(g) for g in growths])))


def per_thousand_events(small: Start, big: Start) -> float:
    """Bytes of RSS each 1,000 more events add, from the growth of two corpus sizes."""
    return (big.rss_growth - small.rss_growth) / ((big.events - small.events) / 1000)
