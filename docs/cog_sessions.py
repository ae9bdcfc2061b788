"""Shell sessions for README.md, run for real by cog (`make readme`; `tests/test_readme.py` checks them).

<!-- [[[cog import cog_sessions as s; s.run("ask", "北海道町村会との協定はいつ？") ]]] -->
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import cog  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-28"


def run(*args: str, stdin: str | None = None, today: str | None = TODAY, shown: str | None = None) -> None:
    """Run `renkei-bot ARGS` and write the command and its real output as a console block."""
    argv = list(args)
    if today and args and args[0] in ("ask", "chat", "post-anniversaries"):
        argv[1:1] = ["--today", today] if args[0] != "post-anniversaries" else ["--date", today]
    done = subprocess.run(
        [sys.executable, "-m", "renkei_bot", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT), "RENKEI_CACHE_DIR": "off"},
    )
    command = shown or "renkei-bot " + " ".join(shlex.quote(a) for a in argv)
    if stdin is not None and shown is None:
        command = f"printf {shlex.quote(stdin)} | {command}"
    cog.outl("```console")
    cog.outl(f"$ {command}")
    cog.out(done.stdout + done.stderr)
    cog.outl("```")
