"""A small, valid data directory in the formats of data/README.md, for loader and store tests.

data_dir = write_dataset(tmp_path)            # tmp_path/data/{events,entities,...}.yaml
write_yaml(data_dir / "events-2022.yaml", {"events": [event("ev-x", "2022-05-01")]})
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Record = dict[str, Any]


def event(
    ident: str,
    start: str | None,
    *,
    precision: str = "day",
    title: str = "区長会総会",
    category: str = "区長会総会",
    fiscal_year: int | None = None,
    **fields: Any,
) -> Record:
    date: Record = {"text": fields.pop("text", ""), "precision": precision, "start": start}
    for key in ("end", "days", "after", "before"):
        if key in fields:
            date[key] = fields.pop(key)
    if fiscal_year is None and start is not None:
        year, month = int(start[:4]), int(start[5:7])
        fiscal_year = year if month >= 4 else year - 1
    return {
        "id": ident,
        "date": date,
        "fiscal_year": fiscal_year,
        "title": title,
        "category": category,
        **fields,
    }


ENTITIES: list[Record] = [
    {"id": "hokkaido", "name": "北海道", "type": "prefecture"},
    {"id": "tokachi", "name": "十勝", "type": "region", "parent": "hokkaido", "reading": "とかち"},
    {"id": "obihiro", "name": "帯広市", "type": "municipality", "parent": "tokachi"},
    {"id": "hokkaido-chosonkai", "name": "北海道町村会", "type": "partner", "aliases": ["北海道町村"]},
    {"id": "kyoto-fu-shichokai", "name": "京都府市長会", "type": "partner", "aliases": ["京都市市長会"]},
    {"id": "minato", "name": "港区", "type": "ward"},
    {"id": "series-symposium", "name": "全国連携シンポジウム", "type": "series"},
]

# Deliberately not in chronological order: the store must sort them.
EVENTS: list[Record] = [
    event(
        "ev-20160426-1",
        "2016-04-26",
        title="北海道町村会との連携協定締結式の実施",
        category="連携協定",
        venue="東京区政会館20階",
        details=["・締結式を実施", "(1) 協定書に署名"],
        refs=["hokkaido-chosonkai"],
        lines=[43],
    ),
    event(
        "ev-undated-1",
        None,
        precision="unknown",
        title="第2回全国連携シンポジウム",
        category="シンポジウム",
        series="series-symposium",
        ordinal=2,
        after="2017-01-19",
        before="2017-01-27",
    ),
    event(
        "ev-20150530-1",
        "2015-05-30",
        end="2015-06-02",
        days=["2015-05-30", "2015-05-31", "2015-06-02"],
        title="全国連携展示",
        category="全国連携展示",
        refs=["obihiro"],
    ),
    event(
        "ev-20160821-1", "2016-08-21", end="2016-09-29", title="魅力発信イベント", category="魅力発信イベント"
    ),
    event("ev-202101-1", "2021-01", precision="month", title="パンフレット発行", category="広報"),
    event(
        "ev-20170127-1",
        "2017-01-27",
        title="第3回 全国連携シンポジウム",
        category="シンポジウム",
        series="series-symposium",
        ordinal=3,
        refs=["tokachi"],
        mentions=[{"date": "2017-03-23", "text": "第3回 東京開催（3/23）"}],
        corrections=["kyoto-typo"],
    ),
    event("ev-20170119-1", "2017-01-19", title="区長会総会", category="区長会総会", refs=["minato"]),
    event(
        "ev-20160426-2",
        "2016-04-26",
        title="京都府市長会との締結",
        category="連携協定",
        refs=["kyoto-fu-shichokai"],
    ),
]

PARTNERS: Record = {
    "source": "data/source/000_f2877384e18cb53a.txt",
    "line": 171,
    "total": 159,
    "total_line": 187,
    "partners": [
        {
            "id": "hokkaido-chosonkai",
            "name": "北海道町村会",
            "agreed": "2016-04-26",
            "members": 144,
            "line": 174,
            "event": "ev-20160426-1",
        },
        {
            "id": "kyoto-fu-shichokai",
            "name": "京都府市長会",
            "agreed": "2016-04-26",
            "members": 15,
            "line": 175,
        },
    ],
}

COUNTS: Record = {
    "source": "data/source/000_f2877384e18cb53a.txt",
    "line": 189,
    "as_of": "08-01",
    "years": [2015, 2016],
    "rows": [
        {
            "id": "agreement",
            "label": "広域連携協定",
            "values": {2015: None, 2016: 159},
            "change": 159,
            "line": 193,
        }
    ],
    "notes": ["各年8月1日現在。"],
    "flags": [{"row": "agreement", "fiscal_year": 2016, "note": "要確認"}],
}

CORRECTIONS: Record = {
    "corrections": [{"id": "kyoto-typo", "wrong": "京都市市長会", "right": "京都府市長会"}]
}


def write_yaml(path: Path, content: object) -> Path:
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_dataset(root: Path, *, events: list[Record] | None = None) -> Path:
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    write_yaml(
        data / "events.yaml", {"source": "data/source/x.txt", "events": EVENTS if events is None else events}
    )
    write_yaml(data / "entities.yaml", {"entities": ENTITIES})
    write_yaml(data / "partners.yaml", PARTNERS)
    write_yaml(data / "counts.yaml", COUNTS)
    write_yaml(data / "corrections.yaml", CORRECTIONS)
    return data
