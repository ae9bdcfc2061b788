"""Choosing among fuzzy candidates: accept a unique best with a margin, else keep it as a near miss.

Scores are fuzz.ratio values computed by renkei_bot.nlu.entities; `one_edit_away` asks rapidfuzz for
the edit distance of a word to a vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from renkei_bot.nlu.entity_keys import Hit

NEAR_FLOOR = 60.0  # below this a span is not even "close"
MARGIN = 8.0  # points the best must lead the next different entity by


def accept_cutoff(key_length: int) -> float:
    """One substituted character (two for keys of ten or more) is accepted: 第一生明 → 第一生命."""
    edits = 2 if key_length < 10 else 4
    return 100.0 * (1 - edits / (2 * key_length)) - 1e-6


def one_edit_away(word: str, words: Collection[str], *, shortest: int) -> str | None:
    """The one word of `words` (of at least `shortest` letters) that `word` becomes by adding,
    dropping or changing one letter; None when none or several do."""
    from rapidfuzz import process  # on the first long katakana word: a cold `ask` need not load rapidfuzz
    from rapidfuzz.distance import Levenshtein

    near = process.extract(word, words, scorer=Levenshtein.distance, score_cutoff=1, limit=2)
    found = [w for w, _, _ in near if len(w) >= shortest]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class Candidate:
    score: float
    key: str
    ids: tuple[str, ...]
    begin: int
    end: int


def decide(
    candidates: list[Candidate],
    consistent: Callable[[Candidate], bool],
    suggestible: Callable[[Candidate], bool],
) -> tuple[dict[Hit, float], list[tuple[Candidate, list[Candidate]]]]:
    """Greedy by score: accept a unique best with a margin, else record it as a near miss."""
    candidates.sort(key=lambda c: (-c.score, -len(c.key), c.begin))
    accepted: dict[Hit, float] = {}
    near: list[tuple[Candidate, list[Candidate]]] = []
    decided: list[tuple[int, int]] = []
    for cand in candidates:
        if any(b < cand.end and cand.begin < e for b, e in decided):
            continue
        # A rival competes for the same text; a shorter name inside the window (北海道 inside
        # 北海道町村会) is no rival, as in the longest-first exact scan.
        rivals = [
            o
            for o in candidates
            if o.begin < cand.end
            and cand.begin < o.end
            and not set(o.ids) & set(cand.ids)
            and not (cand.begin <= o.begin and o.end <= cand.end and o.end - o.begin < cand.end - cand.begin)
        ]
        lead = cand.score - max((o.score for o in rivals), default=0.0)
        if (
            cand.score >= accept_cutoff(len(cand.key))
            and lead >= MARGIN
            and len(cand.ids) == 1
            and consistent(cand)
        ):
            accepted[Hit(cand.begin, cand.end, cand.ids)] = cand.score
        elif suggestible(cand):
            near.append((cand, rivals))
        else:
            continue
        decided.append((cand.begin, cand.end))
    return accepted, near
