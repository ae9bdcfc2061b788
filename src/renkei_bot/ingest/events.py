"""Chronology rows → Events: dates, content, corrections, category, mentions and references."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from renkei_bot.dates import fiscal_year
from renkei_bot.errors import IngestError
from renkei_bot.ingest.categorize import category_of, ordinal_of, series_fits
from renkei_bot.ingest.datecell import CellDate, DateCellError, parse_date_cell
from renkei_bot.ingest.details import chunks, content, numbered_blocks, parenthesised, venue_of
from renkei_bot.ingest.fixes import Corrector
from renkei_bot.ingest.linking import Linker
from renkei_bot.ingest.mentions import find_mentions
from renkei_bot.ingest.rows import Row
from renkei_bot.records import DateSpan, Event


def _dates(rows: tuple[Row, ...], path: str) -> list[tuple[CellDate, ...]]:
    """Each row's dates, with 同日 resolved to the previous row's date."""
    year: int | None = None
    out: list[tuple[CellDate, ...]] = []
    for row in rows:
        try:
            year, parts = parse_date_cell(row.date_cell, year)
        except DateCellError as exc:
            raise IngestError(path, row.line, str(exc)) from exc
        if parts[0].kind == "same":
            if not out or out[-1][-1].kind in ("none", "same"):
                raise IngestError(path, row.line, "同日 with no dated row before it")
            parts = (replace(out[-1][-1], text=parts[0].text, label=None),)
        out.append(parts)
    return out


def _span(part: CellDate, after: date | None, before: date | None) -> DateSpan:
    if part.kind == "none":
        return DateSpan(start=None, precision="unknown", text=part.text, after=after, before=before)
    return DateSpan(
        start=part.start,
        precision="month" if part.kind == "month" else "day",
        text=part.text,
        end=part.end,
        days=part.days,
    )


def _key(span: DateSpan) -> str:
    if span.start is None:
        return "undated"
    return span.start.strftime("%Y%m" if span.precision == "month" else "%Y%m%d")


def _neighbours(dates: list[tuple[CellDate, ...]], index: int) -> tuple[date | None, date | None]:
    after = next((p[-1].end or p[-1].start for p in reversed(dates[:index]) if p[-1].start), None)
    before = next((p[0].start for p in dates[index + 1 :] if p[0].start), None)
    return after, before


def build_events(
    rows: tuple[Row, ...], *, path: str, linker: Linker, corrector: Corrector
) -> tuple[Event, ...]:
    dates = _dates(rows, path)
    counter: Counter[str] = Counter()
    events: list[Event] = []
    for index, (row, parts) in enumerate(zip(rows, dates, strict=True)):
        pieces = chunks(row.content)
        if not pieces:
            raise IngestError(path, row.line, "the content cell has no text")
        try:
            blocks = numbered_blocks(pieces, len(parts)) if len(parts) > 1 else [pieces]
        except ValueError as exc:
            raise IngestError(path, row.line, str(exc)) from exc
        after, before = _neighbours(dates, index) if parts[0].kind == "none" else (None, None)
        for part, block in zip(parts, blocks, strict=True):
            fixed: list[str] = []
            used: list[str] = []
            for piece in block:
                text, ids = corrector.apply(piece)
                fixed.append(text)
                used.extend(i for i in ids if i not in used)
            body = content(fixed)
            details = body.details
            venue = venue_of(details)
            if venue is None:
                for detail in details:
                    inner = parenthesised(detail)
                    if inner and linker.starts_with(inner, "venue"):
                        venue = inner
                        details = tuple(d for d in details if d is not detail)
                        break
            span = _span(part, after, before)
            category = category_of(body.title)
            series = series_fits(linker.first(body.title, "series"), category)
            refs = linker.refs((body.title, *details, *([venue] if venue else [])))
            if series is not None:
                refs = (series, *(r for r in refs if r != series))
            key = _key(span)
            counter[key] += 1
            events.append(
                Event(
                    id=f"ev-{key}-{counter[key]}",
                    date=span,
                    fiscal_year=fiscal_year(span.start) if span.start else None,
                    title=body.title,
                    category=category,
                    details=details,
                    series=series,
                    ordinal=ordinal_of(body.title),
                    venue=venue,
                    mentions=find_mentions((body.title, *details), span.start or after),
                    refs=refs,
                    lines=(row.line,),
                    corrections=tuple(used),
                )
            )
    return tuple(events)
