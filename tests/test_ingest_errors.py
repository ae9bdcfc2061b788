"""ingest and loading when the files around the data are wrong: one line naming the file and the fix,
exit 1, no traceback, and nothing half-written (issue 11, item 14)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from renkei_bot import cli
from renkei_bot.errors import DataError
from renkei_bot.loader import load_dataset
from renkei_bot.paths import DATA_DIR

SOURCE = DATA_DIR / "source" / "000_f2877384e18cb53a.txt"
not_as_root = pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever the permissions")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in DATA_DIR.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {p.name: p.read_bytes() if p.is_file() else None for p in sorted(folder.iterdir())}


def ingest_fails(out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = snapshot(out)
    assert cli.main(["ingest", str(SOURCE), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert snapshot(out) == before, "ingest changed the output folder although it failed"
    return err.strip()


def test_entities_not_utf8(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (out / "entities.yaml").write_bytes("entities: []\n# 特別区\n".encode("shift_jis"))
    assert "data/entities.yaml: is not UTF-8 text (bad byte at offset" in ingest_fails(out, capsys)


def test_entities_unreadable(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (out / "entities.yaml").unlink()
    (out / "entities.yaml").symlink_to(out / "entities.yaml")  # a loop: ELOOP when opened, even for root
    assert "data/entities.yaml: cannot be read (Too many levels of symbolic links)" in ingest_fails(
        out, capsys
    )


def test_corrections_is_a_folder(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (out / "corrections.yaml").unlink()
    (out / "corrections.yaml").mkdir()
    assert "data/corrections.yaml: is a folder, not a file" in ingest_fails(out, capsys)


def test_an_output_that_cannot_be_written(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (out / "partners.yaml").unlink()
    (out / "partners.yaml").mkdir()  # events.yaml could be replaced, partners.yaml cannot
    line = ingest_fails(out, capsys)
    assert f"{out / 'partners.yaml'}: cannot write (Is a directory)" in line and "nothing was written" in line
    assert not list(out.glob(".*.tmp"))


@not_as_root
def test_a_read_only_output_folder(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out.chmod(0o555)
    try:
        assert "cannot write (Permission denied)" in ingest_fails(out, capsys)
    finally:
        out.chmod(0o755)


def test_a_missing_events_file_is_named(out: Path) -> None:
    (out / "events.yaml").unlink()
    with pytest.raises(
        DataError, match=r"events.yaml is missing from the data folder; run `renkei-bot ingest`"
    ):
        load_dataset(out, use_cache=False)


@not_as_root
def test_an_unreadable_data_folder_is_not_called_empty(out: Path) -> None:
    out.chmod(0o300)
    try:
        with pytest.raises(DataError, match=r"cannot be read \(Permission denied\)"):
            load_dataset(out, use_cache=False)
    finally:
        out.chmod(0o755)
