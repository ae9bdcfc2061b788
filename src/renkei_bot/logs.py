"""One log format for the whole process (ours, bolt's, uvicorn's): RENKEI_LOG_LEVEL and RENKEI_LOG_FORMAT.

text: `2026-11-28T09:00:00+0900 INFO renkei_bot.daily: …`, one line per record. json: one object a line
(time, level, logger, message, exc), for log collectors. Control characters in a message or a
traceback are escaped, so one record is always one line and nothing logged can forge another line.
Message text (what users wrote) is never logged at INFO; see docs/operations.md.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from typing import TextIO

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")
_JSON_UNSAFE = re.compile(r"[\x7f\u0085\u2028\u2029]")  # json.dumps escapes the rest itself
_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def one_line(text: str) -> str:
    """Escape control characters: a newline becomes \\n, so a record never spans lines."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__(_TEXT_FORMAT, _DATE_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        return one_line(super().format(record))


class JsonFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__(datefmt=_DATE_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, str] = {
            "time": self.formatTime(record, self.datefmt),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        text = json.dumps(entry, ensure_ascii=False)
        return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def configure(level: str = "info", fmt: str = "text", *, stream: TextIO | None = None) -> None:
    """Route every logger through one handler on the root logger (stderr by default)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):  # uvicorn's own handlers, if any
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
