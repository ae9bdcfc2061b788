"""Ingest end to end: the committed data/ is exactly what ingest makes, and every line is accounted for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from renkei_bot import cli
from renkei_bot.ingest import Ingested, run

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCE = DATA / "source" / "000_f2877384e18cb53a.txt"
GENERATED = ("events.yaml", "partners.yaml", "counts.yaml")


def _outdir(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    out.mkdir()
    for name in ("entities.yaml", "corrections.yaml"):
        shutil.copy(DATA / name, out / name)
    return out


def test_regenerating_reproduces_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    out = _outdir(tmp_path)
    report = run(SOURCE, out)
    assert report.events == 145
    for name in GENERATED:
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), (
            f"data/{name} is stale: run make ingest"
        )


def test_the_cli_writes_the_files_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _outdir(tmp_path)
    assert cli.main(["ingest", str(SOURCE), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "145" in printed and "13" in printed and "372" in printed
    assert all((out / name).exists() for name in GENERATED)


def test_every_non_empty_line_is_an_event_row_or_a_known_non_event_line(ingested: Ingested) -> None:
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    filled = {n for n, text in enumerate(lines, start=1) if text.strip()}
    rows = {n for n in filled if 7 <= n <= 169}
    assert all("\t" in lines[n - 1] for n in rows)
    event_lines = {line for e in ingested.events for line in e.lines}
    assert event_lines == rows
    assert len(rows) == 144 and len(ingested.events) == 145  # the (1)/(2) row is two events
    tables = {p.line for p in ingested.partners.partners} | {r.line for r in ingested.counts.rows}
    headings = {5, 171, 173, 187, 189, 191, 197, 199}
    assert filled == rows | tables | headings
    assert (
        ingested.partners.total_line == 187 and ingested.partners.line == 171 and ingested.counts.line == 189
    )


def test_event_ids_are_unique_and_keyed_by_date(ingested: Ingested) -> None:
    ids = [e.id for e in ingested.events]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "ev-20140910-1"
    assert [e.id for e in ingested.events if e.lines == (86,)] == ["ev-20180416-2"]


def test_partners_are_13_and_sum_to_372(ingested: Ingested) -> None:
    partners = ingested.partners.partners
    assert len(partners) == 13
    assert sum(p.members for p in partners) == ingested.partners.total == 372
    hokkaido = partners[0]
    assert (hokkaido.id, hokkaido.agreed.isoformat(), hokkaido.members, hokkaido.line) == (
        "hokkaido-chosonkai",
        "2016-04-26",
        144,
        174,
    )
    ceremonies = {p.id: p.event for p in partners}
    assert ceremonies["hokkaido-chosonkai"] == ceremonies["kyoto-fu-shichokai"] == "ev-20160426-1"
    assert ceremonies["yamanashi-ken-chosonkai"] == "ev-20191026-2"  # not the KITTE event of the same day
    assert all(ceremonies.values())


def test_counts_have_28_cells_the_changes_the_notes_and_the_flag(ingested: Ingested) -> None:
    counts = ingested.counts
    assert counts.years == (2015, 2016, 2017, 2018, 2019, 2020, 2021)
    assert [r.id for r in counts.rows] == ["ward-exchange", "hp-member", "agreement", "total"]
    assert sum(len(r.values) for r in counts.rows) == 28
    assert [r.change for r in counts.rows] == [258, 120, 372, 436]
    assert counts.row("agreement").value(2015) is None
    assert counts.row("total").value(2019) == 1004
    assert counts.row("ward-exchange").value(2021) == 832
    assert counts.as_of == "08-01"
    assert counts.notes == ("各年8月1日現在。", "合計は、各区分の合算値から重複している自治体を除いた実数")
    assert [(f.row, f.fiscal_year) for f in counts.flags] == [("agreement", 2019)]
    assert "321" in counts.flags[0].note and "千葉県市長会" in counts.flags[0].note
