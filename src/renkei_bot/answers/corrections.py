"""「『京都市市長会』って京都府市長会のまちがい？」: the typos of the source, from data/corrections.yaml.

The source is never edited; each correction names the wrong form, the right one and why, and the rows
it was applied to carry its id."""

from __future__ import annotations

from renkei_bot import wording
from renkei_bot.answers.context import Context
from renkei_bot.answers.lines import cite, event_lines
from renkei_bot.answers.model import Answer


def answer(ctx: Context) -> Answer | None:
    """A question asking whether a form the source writes is a mistake (ask.typo), or stating one."""
    wanted = set(ctx.query.typos)
    fixes = [c for c in ctx.store.dataset.corrections if c.id in wanted]
    if not fixes:
        return None
    rows = [e for e in ctx.store.events if wanted & set(e.corrections)]
    lines = "、".join(f"L{line}" for e in rows[:5] for line in e.lines[:1])
    summary = "".join(wording.typo_fixed(c.wrong, c.right, lines) for c in fixes)
    if ctx.query.confirm or ctx.query.has("ask.typo", "compare.different"):
        # 「誤記ですか」 はい; 「京都府市長会とは別の団体？」 いいえ: one body, written wrong
        summary = wording.yes_or_no(not ctx.query.has("compare.different"), summary)
    return ctx.found(
        summary,
        title=wording.TYPO_TITLE,
        lines=event_lines(rows),
        sources=tuple(cite(e) for e in rows[:5]),
    )
