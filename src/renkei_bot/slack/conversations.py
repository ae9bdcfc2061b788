"""Which conversation a Slack message belongs to, and how a follow-up's later pages are answered."""

from __future__ import annotations

from dataclasses import replace

from renkei_bot.answers.model import Answer
from renkei_bot.engine import Engine
from renkei_bot.slack import paging
from renkei_bot.slack.commands import ASK, answer_for
from renkei_bot.turn import Turn

THREAD_TTL = 7 * 86_400.0  # a thread keeps its context (and the bot answers plain replies) this long


def thread_key(channel: str, thread_ts: str) -> str:
    return f"thread:{channel}:{thread_ts}"


def dm_key(channel: str) -> str:
    return f"dm:{channel}"


def page_context(previous: Turn | None) -> str | None:
    """The Turn a follow-up was answered from, without what only a later follow-up needs (its records
    and all but one date), so the next page of the answer is made the same way."""
    if previous is None:
        return None
    return Turn.to_json(replace(previous, records=(), dates=previous.dates[:1]))


def answer_page(engine: Engine, ref: paging.PageRef) -> Answer:
    """The answer a 「もっと見る」 button pages through: a follow-up is answered from its context again."""
    if ref.context is not None and ref.command.kind == ASK:
        exchange = engine.converse(ref.command.arg, today=ref.today, previous=Turn.from_json(ref.context))
        return exchange.answer
    return answer_for(engine, ref.command, today=ref.today)
