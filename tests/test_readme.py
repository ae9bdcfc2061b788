"""The README's shell sessions are real: cog re-runs them and they must not change (sqlite-utils' habit)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from renkei_bot import cli
from renkei_bot.paths import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"


DOCS = sorted((PROJECT_ROOT / "docs").glob("*.md"))


def test_readme_sessions_match_what_the_commands_print() -> None:
    pages = ["README.md", *(str(p.relative_to(PROJECT_ROOT)) for p in DOCS)]
    done = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "-I", "docs", *pages],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"README.md or docs/ is stale: run `make readme`\n{done.stdout}{done.stderr}"


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


def test_readme_is_short_and_points_to_the_docs() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 150
    assert max(len(line) for line in text.splitlines()) < 200  # long outputs live in docs/usage.md
    for page in (
        "docs/usage.md",
        "docs/operations.md",
        "docs/accuracy.md",
        "docs/performance.md",
        "docs/design.md",
    ):
        assert f"]({page})" in text and (PROJECT_ROOT / page).is_file(), page


def test_readme_scopes_are_exactly_the_manifest_scopes() -> None:
    manifest = yaml.safe_load((PROJECT_ROOT / "manifest.yml").read_text(encoding="utf-8"))
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    text = README.read_text(encoding="utf-8")
    listed = set(re.findall(r"^\s*\| `([a-z_]+(?::[a-z_]+)?)` \| ", text, re.M))
    assert listed == scopes


def test_every_command_in_the_readme_is_real() -> None:
    text = README.read_text(encoding="utf-8")
    parser = cli.build_parser()
    lines = re.findall(r"^(?:\$ )?(?:\.venv/bin/)?renkei-bot ([^#\n`]+?)\s*(?:#.*)?$", text, re.M)
    inline = re.findall(r"`(?:\.venv/bin/)?renkei-bot ([^`]+)`", text)
    commands = lines + inline
    assert len(lines) >= 4 and {c.split()[0] for c in inline} >= {"ask", "chat", "ingest"}, commands
    for command in commands:
        args = [a for a in shlex.split(command) if a != "…"]
        try:
            parsed = parser.parse_args(args)
        except SystemExit as exc:
            raise AssertionError(f"`renkei-bot {command}` in README.md is not a valid command") from exc
        assert getattr(parsed, "handler", None), command
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make ([a-z]+)", text, re.M):
        assert re.search(rf"^{target}:", makefile, re.M), f"make {target} is not a Makefile target"
