"""EventLines: the lines of a long answer are built as they are read, and equal the eager ones."""

from __future__ import annotations

from datetime import date

from renkei_bot import paths
from renkei_bot.answers.lines import EventLines, event_line, event_lines
from renkei_bot.answers.render import TEXT_LIMIT, to_blocks, to_text
from renkei_bot.engine import Engine
from renkei_bot.store import Store


def test_event_lines_equal_the_eager_lines_and_are_built_as_read() -> None:
    events = list(Store.load(paths.DATA_DIR, env={}).events)
    lazy = EventLines(events)
    assert len(lazy) == len(events) and lazy.built == 0
    assert lazy[0] == event_line(events[0]) and lazy[-1] == event_line(events[-1])
    assert lazy[1:4] == tuple(event_line(e) for e in events[1:4])
    assert lazy.built == 5
    assert lazy == event_lines(events) and list(lazy) == list(event_lines(events))


def test_a_long_count_renders_only_its_first_page() -> None:
    engine = Engine.load(paths.DATA_DIR, paths.INTENTS_DIR, env={})
    answer = engine.ask("区長会総会は何回記録されている？", today=date(2026, 11, 28))
    assert isinstance(answer.lines, EventLines) and len(answer.lines) > TEXT_LIMIT
    assert "ほか" in to_text(answer)
    to_blocks(answer)
    assert answer.lines.built <= TEXT_LIMIT
