"""One log format (text or json), one record a line: control characters can never forge a line."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from renkei_bot import logs


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_text_is_one_line_per_record_even_with_newlines(restore_root: None) -> None:
    out = io.StringIO()
    logs.configure("info", "text", stream=out)
    logging.getLogger("renkei_bot.test").info("evil\n2026-01-01 INFO forged\u2028line")
    logging.getLogger("renkei_bot.test").debug("not at info")
    (line,) = out.getvalue().splitlines()
    assert " INFO renkei_bot.test: evil\\n2026-01-01 INFO forged\\u2028line" in line


def test_json_is_one_object_a_line_with_the_traceback_inside(restore_root: None) -> None:
    out = io.StringIO()
    logs.configure("warning", "json", stream=out)
    log = logging.getLogger("uvicorn.error")  # other libraries' loggers come out the same way
    log.info("hidden at warning")
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("failed\u2028here")
    (line,) = out.getvalue().split("\n")[:-1]
    record = json.loads(line)
    assert record["level"] == "ERROR" and record["logger"] == "uvicorn.error"
    assert record["message"] == "failed\u2028here" and "ValueError: boom" in record["exc"]
    assert "\u2028" not in line


def test_one_line_escapes_control_characters() -> None:
    assert logs.one_line("a\r\nb\x1b[31m\x85") == "a\\r\\nb\\x1b[31m\\x85"
