"""A synthetic corpus: the real records replicated ×N, each copy with its own ids, dates and names.

Copy 0 is the real data. Copy k (k ≥ 1) has:
- entity ids suffixed `-xk`, names, aliases and readings suffixed with a rare-katakana token (its reading
  in hiragana), parents remapped to the copy's own entities;
- event ids suffixed `-xk`, every date (start, end, days, after, before, mentions) and the fiscal year
  moved years(k) = OFFSET + k years later (later, not earlier: a date before 明治 has no 和暦), so no copy
  falls in the real records' years or near any `today`: 「去年」「2019年」 still mean the real records;
- refs and series remapped to the copy's entities, and every entity name in a title, detail or venue
  rewritten to the copy's name, so a phrase search for a real name still finds only real events.
The partners and counts tables and the corrections stay single, as in the real data.

The files are written as one JSON object per record (JSON is YAML), which the loader reads as usual.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

# Katakana no question uses (ゐ, ゑ, を, ぢ, づ, ゔ as katakana): a copy's name must be unrelated to the
# question's words, or 全国連携講演会アアテ would be a fair reading of 全国連携講演会のテーマ.
_KANA = "ヰヱヲヂヅヴ"
_LENGTH = 5
_DAY_KEYS = ("start", "end", "after", "before")
Record = dict[str, Any]


def token(k: int) -> str:
    """A distinct five-katakana token for copy k ≥ 1 (6⁵ = 7,776 copies at most)."""
    n = len(_KANA)
    return "".join(_KANA[k // n**i % n] for i in reversed(range(_LENGTH)))


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


OFFSET = 300  # copy k lies OFFSET + k years after the real records: unrelated to any question's dates


def years(k: int) -> int:
    """How many years later copy k is dated."""
    return OFFSET + k


def _shift_day(text: str, by: int) -> str:
    """'2016-04-26' (or '2016-04') moved `by` years later; 29 February becomes the 28th."""
    if len(text) == 7:
        return f"{int(text[:4]) + by:04d}{text[4:]}"
    day = date.fromisoformat(text)
    year = day.year + by
    try:
        return day.replace(year=year).isoformat()
    except ValueError:
        return day.replace(year=year, day=28).isoformat()


def _load(path: Path) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loaded: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return loaded


class _Copier:
    def __init__(self, entities: list[Record]) -> None:
        self.entities = entities
        names = {str(e["name"]) for e in entities}
        names.update(str(a) for e in entities for a in e.get("aliases") or ())
        ordered = sorted(names, key=len, reverse=True)  # leftmost-longest, as ingest links
        self._names = re.compile("|".join(re.escape(n) for n in ordered))

    def entity(self, e: Record, k: int) -> Record:
        tok = token(k)
        out = dict(e, id=f"{e['id']}-x{k}", name=f"{e['name']}{tok}")
        if e.get("aliases"):
            out["aliases"] = [f"{a}{tok}" for a in e["aliases"]]
        if e.get("reading"):
            out["reading"] = f"{e['reading']}{_hiragana(tok)}"
        if e.get("parent"):
            out["parent"] = f"{e['parent']}-x{k}"
        return out

    def event(self, ev: Record, k: int) -> Record:
        tok = token(k)
        rename: Callable[[str], str] = lambda text: self._names.sub(lambda m: m.group(0) + tok, text)  # noqa: E731
        out = dict(ev, id=f"{ev['id']}-x{k}", title=rename(ev["title"]))
        span = dict(ev["date"])
        for key in _DAY_KEYS:
            if span.get(key):
                span[key] = _shift_day(span[key], years(k))
        if span.get("days"):
            span["days"] = sorted({_shift_day(d, years(k)) for d in span["days"]})
        out["date"] = span
        if ev.get("fiscal_year") is not None:
            out["fiscal_year"] = ev["fiscal_year"] + years(k)
        if ev.get("details"):
            out["details"] = [rename(d) for d in ev["details"]]
        if ev.get("venue"):
            out["venue"] = rename(ev["venue"])
        if ev.get("series"):
            out["series"] = f"{ev['series']}-x{k}"
        if ev.get("refs"):
            out["refs"] = [f"{r}-x{k}" for r in ev["refs"]]
        if ev.get("mentions"):
            out["mentions"] = [dict(m, date=_shift_day(m["date"], years(k))) for m in ev["mentions"]]
        return out


def _write_list(path: Path, key: str, records: Iterator[Record]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(f"{key}:\n")
        for record in records:
            out.write("- ")
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")


def write_corpus(source: Path, target: Path, *, copies: int) -> Mapping[str, int]:
    """Write the real data in `source` replicated `copies` times into `target`; returns the counts."""
    if copies < 1:
        raise ValueError(f"copies must be 1 or more, not {copies}")
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.yaml"):
        stale.unlink()
    events: list[Record] = _load(source / "events.yaml")["events"]
    entities: list[Record] = _load(source / "entities.yaml")["entities"]
    copier = _Copier(entities)
    _write_list(
        target / "entities.yaml",
        "entities",
        (e if k == 0 else copier.entity(e, k) for k in range(copies) for e in entities),
    )
    _write_list(
        target / "events.yaml",
        "events",
        (ev if k == 0 else copier.event(ev, k) for k in range(copies) for ev in events),
    )
    for name in ("partners.yaml", "counts.yaml", "corrections.yaml"):
        shutil.copyfile(source / name, target / name)
    return {"events": len(events) * copies, "entities": len(entities) * copies}
