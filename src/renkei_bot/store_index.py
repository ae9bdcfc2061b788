"""Index structures behind the Store: intervals over day numbers, and a character n-gram text index.

Both answer with positions (ints) into the Store's chronological event list, ascending.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from itertools import accumulate


class IntervalIndex:
    """Which intervals [first, last] (day ordinals) overlap a query interval, in O(log n + k).

    Intervals are bucketed by length in powers of two. Within a bucket whose intervals last at most
    D days, an interval overlapping [lo, hi] starts in [lo - D, hi]: one bisect per bucket, and each
    candidate examined is at least half as long as D, so few fail the final check.
    """

    def __init__(self, intervals: Sequence[tuple[int, int, int]]) -> None:
        """intervals: (first, last, position) with first <= last."""
        grouped: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for first, last, position in intervals:
            grouped[(last - first).bit_length()].append((first, last, position))
        # Arrays, not lists of ints: the same bisects, and a cached index reads back as a few memory
        # copies instead of an int object per interval (a third of a million at ×1000).
        self._buckets: list[tuple[int, array[int], array[int], array[int]]] = []
        for bits, items in sorted(grouped.items()):
            items.sort()
            self._buckets.append(
                (
                    (1 << bits) - 1,  # the longest length (last - first) in this bucket
                    array("i", [first for first, _, _ in items]),
                    array("i", [last for _, last, _ in items]),
                    array("i", [position for _, _, position in items]),
                )
            )

    def overlapping(self, lo: int, hi: int) -> list[int]:
        found: list[int] = []
        for longest, firsts, lasts, positions in self._buckets:
            for i in range(bisect_left(firsts, lo - longest), bisect_right(firsts, hi)):
                if lasts[i] >= lo:
                    found.append(positions[i])
        found.sort()
        return found

    def within(self, lo: int, hi: int) -> list[int]:
        """Intervals lying entirely inside [lo, hi]."""
        found: list[int] = []
        for _, firsts, lasts, positions in self._buckets:
            for i in range(bisect_left(firsts, lo), bisect_right(firsts, hi)):
                if lasts[i] <= hi:
                    found.append(positions[i])
        found.sort()
        return found


class TextIndex:
    """Substring search over many short texts: an inverted index of character bigrams.

    A phrase's bigrams are looked up, the rarest posting lists are intersected, and the survivors are
    verified with a real substring test, so the index only prunes and never decides. Identical texts
    are indexed once (a corpus of repeated rows costs what its distinct rows cost).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        distinct: dict[str, list[int]] = {}
        for position, text in enumerate(texts):
            distinct.setdefault(text, []).append(position)
        self._texts = list(distinct)
        # per distinct text n: its positions, ascending, are _positions[_starts[n] : _starts[n + 1]]
        # (two arrays, not a list per text: a cached index reads back as memory copies)
        self._positions = array("i", [p for positions in distinct.values() for p in positions])
        self._starts = array("i", [0, *accumulate(len(positions) for positions in distinct.values())])
        postings: dict[str, list[int]] = defaultdict(list)
        for number, text in enumerate(self._texts):
            for gram in set(map(operator.add, text, text[1:])):
                postings[gram].append(number)
        # Arrays, not lists: the same lookups, and a cached index reads back as memory copies.
        self._postings = {gram: array("i", posting) for gram, posting in postings.items()}

    def find(self, phrase: str) -> list[int]:
        """Positions whose text contains phrase, ascending. An empty phrase finds nothing."""
        if not phrase:
            return []
        texts = self._texts
        if len(phrase) == 1:  # no bigram to look up; a scan of the distinct texts is fast in C
            candidates: Sequence[int] = range(len(texts))
        else:
            lists: list[array[int]] = []
            for gram in set(map(operator.add, phrase, phrase[1:])):
                posting = self._postings.get(gram)
                if posting is None:
                    return []
                lists.append(posting)
            lists.sort(key=len)
            candidates = lists[0]
            for other in lists[1:4]:  # a few rarest lists prune enough; verification does the rest
                if len(candidates) <= 8:
                    break
                candidates = [n for n in candidates if _contains(other, n)]
        positions, starts = self._positions, self._starts
        found = [p for n in candidates if phrase in texts[n] for p in positions[starts[n] : starts[n + 1]]]
        found.sort()
        return found


def _contains(sorted_list: Sequence[int], value: int) -> bool:
    i = bisect_left(sorted_list, value)
    return i < len(sorted_list) and sorted_list[i] == value
