"""Reading typed fields out of parsed YAML, collecting every problem instead of stopping at the first.

A problem reads `data/events.yaml: event 'x': date '2016-13-01' is not YYYY-MM-DD`: the file, the
record, the field and what is wrong with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from renkei_bot.errors import DataError

MAX_REPORTED = 20

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclass
class Problems:
    """Every problem found while loading; the first MAX_REPORTED are kept for the message."""

    messages: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.messages) < MAX_REPORTED:
            self.messages.append(message)

    def raise_if_any(self) -> None:
        if not self.count:
            return
        if self.count == 1:
            raise DataError(self.messages[0])
        lines = [f"{self.count} problems in the data files:", *(f"- {m}" for m in self.messages)]
        if self.count > len(self.messages):
            lines.append(f"… and {self.count - len(self.messages)} more (fix these first, then run again)")
        raise DataError("\n".join(lines))


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_day(value: object) -> date | None:
    """'2016-04-26' (or a date YAML already parsed from an unquoted 2016-04-26) → date; else None."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def not_a_day(value: object) -> str:
    """Why `value` is not a day: written YYYY-MM-DD but not on the calendar (2021-02-30), or not YYYY-MM-DD."""
    if isinstance(value, str) and _DAY.fullmatch(value):
        return "is not a date on the calendar; fix the month or the day"
    return "is not YYYY-MM-DD"


def parse_month(value: object) -> date | None:
    """'2021-01' → date(2021, 1, 1); else None."""
    if isinstance(value, str) and _MONTH.fullmatch(value):
        year, month = int(value[:4]), int(value[5:])
        if 1 <= month <= 12:
            return date(year, month, 1)
    return None


class Reader:
    """Typed access to one record's fields; a wrong field adds a problem and reads as None."""

    def __init__(
        self, problems: Problems, where: str, data: Mapping[object, object], *, prefix: str = ""
    ) -> None:
        self.problems = problems
        self.where = where
        self.data = data
        self.prefix = prefix  # "date." when reading the fields of an event's date
        self.start_count = problems.count

    @property
    def ok(self) -> bool:
        """No problem was found in this record since the reader was made."""
        return self.problems.count == self.start_count

    def record_id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None

    def fail(self, message: str) -> None:
        self.problems.add(f"{self.where}: {message}")

    def only(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                self.fail(
                    f"unknown field '{self.prefix}{key}'; the fields here are {', '.join(allowed)} "
                    "(fix the spelling or remove it)"
                )

    def _get(self, key: str, required: bool) -> object:
        value = self.data.get(key)
        if value is None and required:
            self.fail(f"field '{self.prefix}{key}' is missing; add it")
        return value

    def text(self, key: str, *, required: bool = True, nonempty: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(f"{self.prefix}{key} {_show(value)} is not a string; quote it")
            return None
        if nonempty and not value.strip():
            self.fail(f"{self.prefix}{key} is empty; write it or remove the field")
            return None
        return value

    def ident(self, key: str, *, required: bool = True) -> str | None:
        value = self.text(key, required=required)
        if value is not None and not _ID.fullmatch(value):
            self.fail(f"{self.prefix}{key} {value!r} is not an id: use ASCII letters, digits and - _ . only")
            return None
        return value

    def integer(self, key: str, *, required: bool = True, minimum: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not is_int(value):
            self.fail(f"{self.prefix}{key} {_show(value)} is not a whole number")
            return None
        assert isinstance(value, int)
        if minimum is not None and value < minimum:
            self.fail(f"{self.prefix}{key} {value} is less than {minimum}")
            return None
        return value

    def flag(self, key: str) -> bool:
        """An optional true/false (missing → False)."""
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(f"{self.prefix}{key} {_show(value)} is not true or false")
            return False
        return value

    def day(self, key: str, *, label: str | None = None, required: bool = True) -> date | None:
        value = self._get(key, required)
        if value is None:
            return None
        parsed = parse_day(value)
        if parsed is None:
            self.fail(f"{label or self.prefix + key} {_show(value)} {not_a_day(value)}")
        return parsed

    def sequence(self, key: str) -> list[object]:
        """An optional list (missing or null → [])."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"{self.prefix}{key} is not a list; write it as [a, b] or as '- ' items")
            return []
        return value

    def strings(self, key: str, *, ids: bool = False) -> tuple[str, ...]:
        out: list[str] = []
        for i, item in enumerate(self.sequence(key)):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{self.prefix}{key}[{i}] {_show(item)} is not a non-empty string")
            elif ids and not _ID.fullmatch(item):
                self.fail(
                    f"{self.prefix}{key}[{i}] {item!r} is not an id: use ASCII letters, digits and - _ . only"
                )
            else:
                out.append(item)
        return tuple(out)

    def mapping(self, key: str) -> Mapping[object, object] | None:
        value = self._get(key, True)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(f"{self.prefix}{key} is not a mapping of fields")
            return None
        return value


def _show(value: object) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, date):
        return f"'{value.isoformat()}'"
    return repr(value)
