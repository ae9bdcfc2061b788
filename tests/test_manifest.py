"""data/manifest.json: ingest writes it, loading checks it, `renkei-bot data check` reports and updates it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from renkei_bot import cli
from renkei_bot.errors import DataError
from renkei_bot.loader import load_dataset
from renkei_bot.paths import DATA_DIR

EXTRA = """\
events:
- id: ev-2022-extra
  title: 手で足した出来事
  date: {text: 2022年5月1日, precision: day, start: '2022-05-01'}
  fiscal_year: 2022
  category: その他
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in DATA_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    return folder


def test_the_real_data_matches_its_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["data", "check"]) == 0
    out = capsys.readouterr().out
    assert "ok      events.yaml" in out and "problem" not in out


def test_an_events_file_cut_at_a_record_boundary_is_named(data: Path) -> None:
    events = (data / "events.yaml").read_text(encoding="utf-8")
    cut = events[: events.index("\n- id:", len(events) // 2) + 1]  # still valid YAML, fewer records
    (data / "events.yaml").write_text(cut, encoding="utf-8")
    expected = json.loads((data / "manifest.json").read_text())["files"]["events.yaml"]["records"]
    with pytest.raises(DataError) as error:
        load_dataset(data, use_cache=False)
    assert str(error.value).startswith("data/events.yaml: does not match data/manifest.json")
    assert f"{expected} records expected" in str(error.value) and "renkei-bot ingest" in str(error.value)


def test_a_missing_listed_file_is_named(data: Path) -> None:
    (data / "partners.yaml").unlink()
    with pytest.raises(DataError, match=r"data/partners.yaml: listed in data/manifest.json but missing"):
        load_dataset(data, use_cache=False)


def test_a_hand_added_file_is_listed_by_data_check_update(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data / "events-2022.yaml").write_text(EXTRA, encoding="utf-8")
    with pytest.raises(
        DataError, match=r"data/events-2022.yaml: not listed in data/manifest.json; .*--update"
    ):
        load_dataset(data, use_cache=False)
    assert cli.main(["data", "check", "--data", str(data)]) == 1
    assert "problem data/events-2022.yaml: not listed" in capsys.readouterr().out
    assert cli.main(["data", "check", "--update", "--data", str(data)]) == 0
    assert "listed  events-2022.yaml  1 records" in capsys.readouterr().out
    assert "ev-2022-extra" in {e.id for e in load_dataset(data, use_cache=False).events}
    assert cli.main(["data", "check", "--data", str(data)]) == 0


def test_update_refuses_invalid_data(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "events-2022.yaml").write_text(EXTRA.replace("'2022-05-01'", "'2022-02-30'"), encoding="utf-8")
    before = (data / "manifest.json").read_bytes()
    assert cli.main(["data", "check", "--update", "--data", str(data)]) == 1
    assert "date '2022-02-30' is not a date on the calendar" in capsys.readouterr().err
    assert (data / "manifest.json").read_bytes() == before


def test_hand_edited_entities_are_not_in_the_manifest(data: Path) -> None:
    entities = data / "entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8") + "\n# a comment added by hand\n", encoding="utf-8"
    )
    assert load_dataset(data, use_cache=False).entities
    assert "entities.yaml" not in json.loads((data / "manifest.json").read_text())["files"]


def test_ingest_writes_the_manifest_and_keeps_hand_added_entries(data: Path) -> None:
    (data / "events-2022.yaml").write_text(EXTRA, encoding="utf-8")
    assert cli.main(["data", "check", "--update", "--data", str(data)]) == 0
    (data / "manifest.json").unlink()
    assert cli.main(["data", "check", "--update", "--data", str(data)]) == 0
    listed = json.loads((data / "manifest.json").read_text())["files"]
    source = DATA_DIR / "source" / "000_f2877384e18cb53a.txt"
    assert cli.main(["ingest", str(source), "-o", str(data)]) == 0
    after = json.loads((data / "manifest.json").read_text())["files"]
    assert after == listed and set(after) == {
        "events.yaml",
        "partners.yaml",
        "counts.yaml",
        "events-2022.yaml",
    }
    load_dataset(data, use_cache=False)


def test_a_broken_manifest_is_named(data: Path) -> None:
    (data / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=r"data/manifest.json: not valid JSON .*data check --update"):
        load_dataset(data, use_cache=False)
