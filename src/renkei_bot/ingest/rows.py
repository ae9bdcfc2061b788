"""Physical lines of the source document → the chronology rows and the two tables.

The document is the text of a PDF: a title, the chronology (one `date<TAB>content` line per
row), then two tab-separated tables, each under a heading, and the footnotes of the second.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from renkei_bot.errors import IngestError

TITLE_MARK = "これまでの経過"
PARTNERS_HEADING = "広域連携協定締結団体一覧"
COUNTS_HEADING = "連携自治体数の推移"
NOTE_MARK = "※"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the chronology, as written (HTML and all)."""

    line: int
    date_cell: str
    content: str


@dataclass(frozen=True, slots=True)
class TableLine:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    path: str
    title_line: int
    rows: tuple[Row, ...]
    partners_line: int  # the heading
    partners: tuple[TableLine, ...]  # the column header first
    counts_line: int
    counts: tuple[TableLine, ...]  # the column header first
    notes: tuple[TableLine, ...]  # ※ footnotes, one cell each
    last_line: int


def read_lines(path: Path) -> list[str]:
    """The document's lines; an empty, binary or non-UTF-8 file is refused with its line."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(shown, None, f"cannot read the file ({exc.strerror}); check the path") from exc
    if not raw.strip():
        raise IngestError(shown, 1, "the file is empty; expected the text of 「これまでの経過」")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise IngestError(shown, line, "a NUL byte: this is a binary file, not the source text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise IngestError(shown, line, "not UTF-8 text: the source must be the UTF-8 text file") from exc
    return text.removeprefix("\ufeff").split("\n")


def _cells(text: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in text.rstrip("\r").split("\t"))


def split_layout(lines: list[str], path: str) -> Layout:
    numbered = [(n, text.rstrip("\r")) for n, text in enumerate(lines, start=1)]
    filled = [(n, text) for n, text in numbered if text.strip()]
    title_line, title = filled[0]
    if TITLE_MARK not in title:
        raise IngestError(
            path,
            title_line,
            f"expected the title 「特別区全国連携プロジェクト {TITLE_MARK}」, found {title[:40]!r}",
        )
    last_line = filled[-1][0]
    headings = {text.strip(): n for n, text in filled}
    partners_line = headings.get(PARTNERS_HEADING)
    counts_line = headings.get(COUNTS_HEADING)
    if partners_line is None:
        raise IngestError(
            path, last_line, f"the table {PARTNERS_HEADING} is missing: the file looks truncated"
        )
    if counts_line is None:
        raise IngestError(path, last_line, f"the table {COUNTS_HEADING} is missing: the file looks truncated")
    rows: list[Row] = []
    partners: list[TableLine] = []
    counts: list[TableLine] = []
    notes: list[TableLine] = []
    for n, text in filled[1:]:
        if n in (partners_line, counts_line):
            continue
        if n < partners_line:
            cells = text.split("\t")
            if len(cells) != 2 or not cells[1].strip():
                raise IngestError(
                    path, n, f"expected a chronology row 'date<TAB>content', found {len(cells)} cell(s)"
                )
            rows.append(Row(line=n, date_cell=cells[0].strip(), content=cells[1].strip()))
        elif n < counts_line:
            partners.append(TableLine(line=n, cells=_cells(text)))
        elif text.strip().startswith(NOTE_MARK):
            notes.append(TableLine(line=n, cells=(text.strip(),)))
        else:
            counts.append(TableLine(line=n, cells=_cells(text)))
    if not rows:
        raise IngestError(path, partners_line, "no chronology rows before the partners table")
    return Layout(
        path=path,
        title_line=title_line,
        rows=tuple(rows),
        partners_line=partners_line,
        partners=tuple(partners),
        counts_line=counts_line,
        counts=tuple(counts),
        notes=tuple(notes),
        last_line=last_line,
    )
