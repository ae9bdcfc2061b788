"""The README's shell sessions are real: cog re-runs them and they must not change (sqlite-utils' habit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from renkei_bot.paths import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"


def test_readme_sessions_match_what_the_commands_print() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "-I", "docs", "README.md"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"README.md is stale: run `make readme`\n{done.stdout}{done.stderr}"


def test_readme_gives_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_every_setting_read_from_the_environment_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    source = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "src").rglob("*.py"))
    import re

    names = set(re.findall(r'"((?:SLACK|RENKEI)_[A-Z_]+)"', source))
    missing = sorted(n for n in names if n not in text)
    assert not missing, f"document these settings in README.md: {missing}"


def test_data_readme_lists_every_generated_file() -> None:
    text = (PROJECT_ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for path in Path(PROJECT_ROOT / "data").glob("*.yaml"):
        assert path.name in text, path.name
