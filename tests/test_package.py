"""The package as a user installs it: `python -m build` makes an sdist and a wheel; the wheel, installed
(not editable) into a fresh venv by the same script the Dockerfile runs, answers from another directory."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from renkei_bot import __version__
from renkei_bot.paths import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "install-wheel.sh"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(PROJECT_ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def test_the_wheel_and_sdist_carry_the_data_intents_and_license(dist: Path) -> None:
    (wheel,) = dist.glob("renkei_bot-*.whl")
    (sdist,) = dist.glob("renkei_bot-*.tar.gz")
    assert wheel.name.startswith(f"renkei_bot-{__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for required in (
        "renkei_bot/data/events.yaml",
        "renkei_bot/data/manifest.json",
        "renkei_bot/data/entities.yaml",
        "renkei_bot/data/source/000_f2877384e18cb53a.txt",
        "renkei_bot/intents/when.yaml",
        f"renkei_bot-{__version__}.dist-info/licenses/LICENSE",
    ):
        assert required in names, f"{required} is not in {wheel.name}"
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    assert any(m.endswith("src/renkei_bot/data/events.yaml") for m in members)


@pytest.mark.slow
def test_the_installed_wheel_answers_from_another_directory(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("renkei_bot-*.whl")
    venv = tmp_path / "venv"
    done = subprocess.run(
        ["sh", str(SCRIPT), str(wheel), str(venv)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHON": sys.executable},
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert done.stdout.strip().endswith(f"renkei-bot {__version__}")
    # nothing of the source tree: the package and its data come from the venv
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import renkei_bot.paths as p; print(p.DATA_DIR)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv)) and not where.startswith(str(PROJECT_ROOT))


def test_version_is_single_sourced() -> None:
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'attr = "renkei_bot.__version__"' in pyproject
    changelog = (PROJECT_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__}" in changelog, "CHANGELOG.md has no section for the current version"


def test_version_flag_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "renkei_bot", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"renkei-bot {__version__}")
