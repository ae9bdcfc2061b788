"""The records: frozen dataclasses that every other module speaks.

They mirror the YAML files in data/ (see data/README.md for the file formats). Dates are
`datetime.date`; a month-precision date is stored as the first day of its month with
precision "month". Eras are never stored: they are computed by `renkei_bot.dates`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "unknown"]

ENTITY_TYPES: tuple[str, ...] = (
    "partner",  # one of the 13 広域連携協定 associations
    "ward",  # one of the 23 special wards
    "prefecture",
    "region",  # 十勝, 釧路, 石狩, 上川, やましろ …
    "municipality",
    "venue",
    "company",
    "person",
    "government",  # national bodies: 内閣府, 総務省, 林野庁 …
    "organization",  # other bodies: 特別区長会, 特別区協議会, 全国町村会 …
    "series",  # recurring events: 全国連携展示, 東北絆まつり …
    "document",  # named publications and plans: 推進方針, 全国連携ニュース …
)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """When an event happened, as the source states it.

    `start` is None only for precision "unknown"; then `after`/`before` bound it by its
    neighbouring rows and nothing else is claimed. `end` is inclusive and set for ranges.
    `days` lists the days of a list such as 5月30、31日 (start and end then span them).
    """

    start: date | None
    precision: Precision
    text: str
    end: date | None = None
    days: tuple[date, ...] = ()
    after: date | None = None
    before: date | None = None

    @property
    def last(self) -> date | None:
        return self.end or self.start

    def covers(self, day: date) -> bool:
        if self.start is None:
            return False
        return self.start <= day <= (self.end or self.start)


@dataclass(frozen=True, slots=True)
class Mention:
    """A date mentioned inside a row (→5/20提出, 第3回 東京開催（3/23）), with its full year resolved."""

    date: date
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: DateSpan
    fiscal_year: int | None  # 年度: the year in which its April falls; None when undated
    title: str
    category: str
    details: tuple[str, ...] = ()
    series: str | None = None  # entity id of the series, e.g. "series-exhibition"
    ordinal: int | None = None  # 第N回 as stated in the title
    venue: str | None = None  # the venue as the row states it
    mentions: tuple[Mention, ...] = ()
    refs: tuple[str, ...] = ()  # entity ids
    lines: tuple[int, ...] = ()  # 1-based line numbers in the source document
    corrections: tuple[str, ...] = ()  # ids of data/corrections.yaml entries applied to this row

    @property
    def text(self) -> str:
        """Title and details as one string, for free-text search."""
        return "\n".join((self.title, *self.details))


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    reading: str | None = None  # hiragana
    parent: str | None = None  # entity id (a municipality's prefecture, a person's body)
    note: str | None = None
    # the project's own side (特別区長会, 東京23区, the project): a party to every agreement and most
    # records, so naming it does not make a question about something else
    own: bool = False


@dataclass(frozen=True, slots=True)
class Partner:
    """One row of 広域連携協定締結団体一覧."""

    id: str  # the entity id of the association
    name: str
    agreed: date
    members: int
    line: int
    event: str | None = None  # id of the event of the signing ceremony


@dataclass(frozen=True, slots=True)
class PartnerTable:
    partners: tuple[Partner, ...]
    total: int  # the stated 合計
    line: int


@dataclass(frozen=True, slots=True)
class CountRow:
    id: str
    label: str
    values: tuple[tuple[int, int | None], ...]  # (fiscal year, count); None where the cell is —
    change: int  # the 27→3年度 column as stated
    line: int

    def value(self, fiscal_year: int) -> int | None:
        return dict(self.values).get(fiscal_year)


@dataclass(frozen=True, slots=True)
class Flag:
    """A doubtful figure, flagged rather than "fixed"."""

    row: str
    fiscal_year: int
    note: str


@dataclass(frozen=True, slots=True)
class CountTable:
    """連携自治体数の推移: counts of partner municipalities per fiscal year."""

    years: tuple[int, ...]
    rows: tuple[CountRow, ...]
    as_of: str  # "08-01": every figure is as of 8月1日 of its year
    notes: tuple[str, ...]
    flags: tuple[Flag, ...] = ()
    line: int = 0

    def row(self, row_id: str) -> CountRow:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)


@dataclass(frozen=True, slots=True)
class Correction:
    """A typo in the source, corrected in data and never in the source itself."""

    id: str
    wrong: str
    right: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Dataset:
    events: tuple[Event, ...]
    entities: tuple[Entity, ...]
    partners: PartnerTable
    counts: CountTable
    corrections: tuple[Correction, ...] = ()
    files: tuple[str, ...] = field(default=())
