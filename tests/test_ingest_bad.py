"""Bad input: ingest says file:line and what it could not read, and leaves the output folder untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renkei_bot import cli
from renkei_bot.errors import DataError, IngestError
from renkei_bot.ingest import run

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCE = DATA / "source" / "000_f2877384e18cb53a.txt"
LINES = SOURCE.read_text(encoding="utf-8").split("\n")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("entities.yaml", "corrections.yaml"):
        shutil.copy(DATA / name, folder / name)
    for name in ("events.yaml", "partners.yaml", "counts.yaml"):
        (folder / name).write_text(f"# the old {name}\n", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def source(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "source.txt"
    path.write_bytes(content)
    return path


def edited(**changes: str) -> bytes:
    lines = list(LINES)
    for key, text in changes.items():
        lines[int(key.removeprefix("line")) - 1] = text
    return "\n".join(lines).encode("utf-8")


CASES = {
    "empty": (b"", 1, "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "binary"),
    "not utf-8": ("特別区\nこれまで".encode("shift_jis"), 1, "UTF-8"),
    "another document": ("議事録\n\n1月1日\t会議\n".encode(), 1, "これまでの経過"),
    "partners without total": ("\n".join(LINES[:185] + LINES[187:]).encode(), 185, "合計"),
    "truncated partners": ("\n".join(LINES[:180]).encode(), 180, "truncated"),
    "no partners table": ("\n".join(LINES[:150]).encode(), 150, "truncated"),
    "truncated counts": ("\n".join(LINES[:193]).encode(), 193, "truncated"),
    "unreadable date": (
        edited(line60="1月二十七日\t広島県町村会との連携協定締結式の実施"),
        60,
        "1月二十七日",
    ),
    "impossible date": (edited(line61="2月30日\t特別区制度懇談会"), 61, "2月30日"),
    "no content": (edited(line62="3月16日\t"), 62, "date<TAB>content"),
    "wrong total": (edited(line187="合 計\t373"), 187, "373"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_names_file_and_line_and_writes_nothing(tmp_path: Path, out: Path, case: str) -> None:
    content, line, words = CASES[case]
    path = source(tmp_path, content)
    before = snapshot(out)
    with pytest.raises(IngestError) as info:
        run(path, out)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert words in str(info.value)
    assert snapshot(out) == before


def test_the_cli_prints_file_line_and_exits_1(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = source(tmp_path, edited(line60="1月二十七日\t広島県町村会との連携協定締結式の実施"))
    before = snapshot(out)
    assert cli.main(["ingest", str(path), "-o", str(out)]) == 1
    assert f"{path}:60: " in capsys.readouterr().err
    assert snapshot(out) == before


def test_a_missing_entities_file_is_named(tmp_path: Path, out: Path) -> None:
    (out / "entities.yaml").unlink()
    with pytest.raises(DataError, match=r"entities\.yaml: missing"):
        run(SOURCE, out)
