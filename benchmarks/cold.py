"""Cold start: `renkei-bot ask` as a whole process, beside a process that only loads the dictionary.

The two alternate, so a slow moment of a shared machine hits both. Wall time and peak RSS are
measured by a small wrapper process around each run (see _WRAPPER).
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from stats import VENV_BIN, median

QUESTION = "北海道町村会との協定はいつ？"
DICTIONARY_ONLY = "import sudachipy; sudachipy.Dictionary().tokenizer()"


@dataclass(frozen=True)
class Run:
    wall: float
    peak_rss: int  # bytes


@dataclass(frozen=True)
class Cold:
    ask: Run  # medians
    floor: Run

    @property
    def ratio(self) -> float:
        return self.ask.wall / self.floor.wall


# A small process that runs the command and reports its own children's usage. Measuring from here
# would not do: Linux carries the parent's high-water RSS into a forked child's ru_maxrss.
_WRAPPER = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - started
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def run_once(argv: Sequence[str], env: Mapping[str, str]) -> Run:
    done = subprocess.run(
        [str(VENV_BIN / "python"), "-c", _WRAPPER, *argv], env=dict(env), capture_output=True, text=True
    )
    try:
        wall, maxrss, code = done.stdout.split()
    except ValueError:
        raise SystemExit(f"bench: the timing wrapper failed:\n{done.stderr}") from None
    if int(code) != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited with {code}:\n{done.stderr}")
    return Run(float(wall), int(maxrss) * 1024)  # Linux reports ru_maxrss in KiB


def cold_start(env: Mapping[str, str], *, runs: int) -> Cold:
    ask = [str(VENV_BIN / "renkei-bot"), "ask", QUESTION]
    floor = [str(VENV_BIN / "python"), "-c", DICTIONARY_ONLY]
    run_once(ask, env)  # fills the dataset cache and the page cache, as any second start finds them
    run_once(floor, env)
    asks: list[Run] = []
    floors: list[Run] = []
    for _ in range(runs):
        asks.append(run_once(ask, env))
        floors.append(run_once(floor, env))
    return Cold(
        ask=Run(median([r.wall for r in asks]), int(median([r.peak_rss for r in asks]))),
        floor=Run(median([r.wall for r in floors]), int(median([r.peak_rss for r in floors]))),
    )


def child_env(base: Mapping[str, str], cache_dir: str) -> dict[str, str]:
    """The environment of the measured children: the caller's, with a private dataset cache."""
    env = {k: v for k, v in base.items() if not k.startswith(("SLACK_", "RENKEI_"))}
    env["RENKEI_CACHE_DIR"] = cache_dir
    return env


def bytecode_env(base: Mapping[str, str], scratch: str, *, cached: bool) -> dict[str, str]:
    """The children's environment with bytecode caches (written once, then read, under `scratch`) or
    with none at all (nothing read, nothing written: as on a test machine that sets
    PYTHONDONTWRITEBYTECODE, and worse, since the interpreter's own modules are compiled too)."""
    env = {k: v for k, v in base.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    if cached:
        env["PYTHONPYCACHEPREFIX"] = f"{scratch}/pyc"
    else:
        env["PYTHONPYCACHEPREFIX"] = f"{scratch}/none"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env
