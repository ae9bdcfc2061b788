"""A content cell → title, details and venue.

The cell is HTML-ish text from a PDF. Its first piece is the title; ・ items, (1)(2) and ①②
sub-items, ※ notes and later paragraphs are the details, one string each, markers kept except
the bullet ・. A ・ only starts an item after a space or a block boundary: 連携・交流 stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from renkei_bot.ingest.clean import CIRCLED, paragraphs

_ITEM = re.compile(rf"(?:(?<=\s)|^)(?=・)|(?:(?<=[\s:])|^)(?=\(\d{{1,2}}\))|(?=[{CIRCLED}])|\s+(?=※)")
_MEETINGS = ("区長会総会", "特別区制度懇談会")
# A head such as 「…推進方針」を公表 特別区全国連携プロジェクトの展開に関する… is a title then a sentence.
_TITLE_END = re.compile(r"(?:開催|公表|実施|開始|発行|説明|訪問|打診|意見交換|\(事務局対応\))\s")
_BLOCK = re.compile(r"^\((\d{1,2})\)\s*")
_VENUE = re.compile(r"^会場\s*:\s*(.+)$")
_PARENS = re.compile(r"^\((.+)\)$")


@dataclass(frozen=True, slots=True)
class Content:
    title: str
    details: tuple[str, ...]


def chunks(cell: str) -> list[str]:
    """The cell's pieces in order: paragraphs split at item markers, bullets dropped."""
    out: list[str] = []
    for para in paragraphs(cell):
        for piece in _ITEM.split(para):
            piece = piece.strip().removeprefix("・").strip().rstrip("、,").strip()
            if piece:
                out.append(piece)
    return out


def _split_head(head: str) -> list[str]:
    for meeting in _MEETINGS:
        if head.startswith(meeting + " "):
            return [meeting, head[len(meeting) + 1 :].strip()]
    if m := _TITLE_END.search(head):
        rest = head[m.end() :].strip()
        if rest:
            return [head[: m.end()].strip(), rest]
    return [head]


def content(pieces: list[str]) -> Content:
    """Title and details of already corrected pieces."""
    if not pieces:
        raise ValueError("the content cell is empty")
    head = _split_head(pieces[0])
    return Content(title=head[0], details=tuple(head[1:] + pieces[1:]))


def numbered_blocks(pieces: list[str], count: int) -> list[list[str]]:
    """For a row with dates (1)…(count): the pieces of each block, shared pieces first.

    Block k is the head piece "(k)…" and what follows it up to "(k+1)"; its title is the shared
    title followed by the block head without its number.
    """
    starts: list[int] = []
    for k in range(1, count + 1):
        found = [i for i, p in enumerate(pieces) if (m := _BLOCK.match(p)) and int(m[1]) == k]
        if not found:
            raise ValueError(f"the content has no block ({k}) for the date ({k})")
        starts.append(found[0])
    if starts != sorted(starts) or starts[0] == 0:
        raise ValueError("the numbered blocks are out of order or there is no shared title")
    shared = pieces[: starts[0]]
    blocks: list[list[str]] = []
    for k, begin in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(pieces)
        head = _BLOCK.sub("", pieces[begin])
        blocks.append([f"{shared[0]}{head}", *shared[1:], *pieces[begin + 1 : end]])
    return blocks


def venue_of(details: tuple[str, ...]) -> str | None:
    """The venue the row states: a 会場: item."""
    for detail in details:
        if m := _VENUE.match(detail):
            return m[1].strip()
    return None


def parenthesised(text: str) -> str | None:
    """The inside of a piece that is wholly in parentheses, such as (東京区政会館20階)."""
    m = _PARENS.match(text)
    return m[1].strip() if m else None
