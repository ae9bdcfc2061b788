"""Cell text → plain, normalised text.

NFKC would turn ①②③ into 1 2 3 and lose the sub-item numbering, so circled numbers are
protected around `normalize`. Block tags (<p>, <ul>, <li>, <div>) become line breaks, so a
content cell falls apart into its paragraphs and lists.
"""

from __future__ import annotations

import html
import re

from renkei_bot.normalize import normalize

CIRCLED = "".join(chr(code) for code in range(0x2460, 0x2474))  # ①..⑳
_PROTECT = str.maketrans({c: chr(0xE000 + i) for i, c in enumerate(CIRCLED)})
_RESTORE = str.maketrans({chr(0xE000 + i): c for i, c in enumerate(CIRCLED)})
_BLOCK_TAG = re.compile(r"</?(?:p|ul|ol|li|div|br)\b[^<>]{0,500}>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,500}>")


def clean(text: str) -> str:
    """Normalised text (NFKC, one space between words) with ①② kept."""
    protected = text.translate(_PROTECT)
    return normalize(protected).translate(_RESTORE)


def paragraphs(cell: str) -> list[str]:
    """A cell's text without HTML, one string per block (paragraph or list), each cleaned."""
    text = _BLOCK_TAG.sub("\n", cell)
    text = html.unescape(_TAG.sub(" ", text))
    return [part for part in (clean(piece) for piece in text.split("\n")) if part]


def flat(cell: str) -> str:
    """A cell's text without HTML on one line."""
    return " ".join(paragraphs(cell))
