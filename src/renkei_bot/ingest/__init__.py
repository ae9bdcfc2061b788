"""Ingest: the source document → data/events.yaml, data/partners.yaml and data/counts.yaml.

`run` reads the source and the hand-curated entities.yaml and corrections.yaml from the output
folder, and writes the three generated files atomically: all of them or, on any error, none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from renkei_bot.atomic import write_files_atomically
from renkei_bot.dates import era_of
from renkei_bot.errors import DataError
from renkei_bot.ingest.emit import counts_yaml, events_yaml, partners_yaml
from renkei_bot.ingest.events import build_events
from renkei_bot.ingest.fixes import Corrector
from renkei_bot.ingest.linking import Linker
from renkei_bot.ingest.rows import read_lines, split_layout
from renkei_bot.ingest.tables import Partners, parse_counts, parse_partners
from renkei_bot.loader.dataset import record_counts
from renkei_bot.loader.manifest import MANIFEST_FILE, Entry, manifest_bytes, read_manifest, sha256
from renkei_bot.loader.refdata import CORRECTIONS_FILE, ENTITIES_FILE, load_corrections, load_entities
from renkei_bot.records import Correction, CountTable, Entity, Event

EVENTS_FILE = "events.yaml"
PARTNERS_FILE = "partners.yaml"
COUNTS_FILE = "counts.yaml"


@dataclass(frozen=True, slots=True)
class Ingested:
    events: tuple[Event, ...]
    partners: Partners
    counts: CountTable


@dataclass(frozen=True, slots=True)
class IngestReport:
    events: int
    rows: int  # chronology rows read
    partners: int
    total: int  # the partners' stated 合計
    count_rows: int
    flags: int
    files: tuple[Path, ...]


def ingest(
    source: Path,
    *,
    entities: tuple[Entity, ...],
    corrections: tuple[Correction, ...],
    shown: str | None = None,
) -> Ingested:
    """Read and check the source; nothing is written."""
    path = shown or str(source)
    layout = split_layout(read_lines(source), path)
    try:
        linker = Linker(entities)
    except ValueError as exc:
        raise DataError(f"{ENTITIES_FILE}: {exc}") from exc
    events = build_events(layout.rows, path=path, linker=linker, corrector=Corrector(corrections))
    partners = parse_partners(layout, entities, events)
    first = min(e.date.start for e in events if e.date.start)
    counts = parse_counts(layout, partners, first_era=era_of(first)[0])
    return Ingested(events=events, partners=partners, counts=counts)


def _manifest(out_dir: Path, generated: dict[str, bytes]) -> bytes:
    """The generated files' entries, and the entries of hand-added files from the old manifest."""
    try:
        old = read_manifest(out_dir) or {}
    except DataError:
        old = {}  # a broken manifest is replaced; hand-added files are listed again by `data check --update`
    counts = record_counts(list(generated.items()))
    entries = {file: entry for file, entry in old.items() if file not in generated}
    entries.update({file: Entry(sha256(content), counts[file]) for file, content in generated.items()})
    return manifest_bytes(entries)


def run(source: Path, out_dir: Path) -> IngestReport:
    entities = load_entities(out_dir / ENTITIES_FILE)
    corrections = load_corrections(out_dir / CORRECTIONS_FILE)
    result = ingest(source, entities=entities, corrections=corrections)
    name = source.name
    generated = {
        EVENTS_FILE: events_yaml(result.events, source_name=name).encode("utf-8"),
        PARTNERS_FILE: partners_yaml(result.partners, source_name=name).encode("utf-8"),
        COUNTS_FILE: counts_yaml(result.counts, source_name=name).encode("utf-8"),
    }
    files = {out_dir / file: content for file, content in generated.items()}
    files[out_dir / MANIFEST_FILE] = _manifest(out_dir, generated)
    try:
        write_files_atomically(files)
    except OSError as exc:
        where = exc.filename or out_dir
        raise DataError(
            f"{where}: cannot write ({exc.strerror}); make {out_dir} writable or pass another folder "
            "with -o (nothing was written)"
        ) from None
    return IngestReport(
        events=len(result.events),
        rows=len({line for e in result.events for line in e.lines}),
        partners=len(result.partners.partners),
        total=result.partners.total,
        count_rows=len(result.counts.rows),
        flags=len(result.counts.flags),
        files=tuple(files),
    )
