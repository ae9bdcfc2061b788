"""Typos of the source, corrected in the data (never in the source) from data/corrections.yaml."""

from __future__ import annotations

import re
from collections.abc import Sequence

from renkei_bot.records import Correction


class Corrector:
    """Replaces every `wrong` by its `right` in one pass, longest `wrong` first.

    One pass matters: 京都市町村会 must become 京都府町村会, not 京都府町村 + 会 via the shorter 京都市町村.
    """

    def __init__(self, corrections: Sequence[Correction]) -> None:
        self._by_wrong = {c.wrong: c for c in corrections}
        ordered = sorted(self._by_wrong, key=lambda w: (-len(w), w))
        self._pattern = re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None

    def apply(self, text: str) -> tuple[str, tuple[str, ...]]:
        """The corrected text and the ids of the corrections applied, in order of first use."""
        if self._pattern is None:
            return text, ()
        used: list[str] = []

        def replace(m: re.Match[str]) -> str:
            correction = self._by_wrong[m[0]]
            if correction.id not in used:
                used.append(correction.id)
            return correction.right

        return self._pattern.sub(replace, text), tuple(used)
