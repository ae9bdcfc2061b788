"""Which fuzzy keys a text shares enough bigrams with, without walking the keys that only extend another.

A key is tried when the text's bigrams (counted once per position) hit at least its `bar` of the key's
distinct bigrams; keys are taken in the order they are first met in the text (by the first of the
text's bigrams that they hold, then by index), and when more than `cap` qualify, the `cap` that the
text covers best (the share of the key's bigram positions present anywhere in the text), ties in that
order. What a key shares depends on the key and the text alone, never on how many other keys exist.

Many keys are another key followed by more characters (北海道 → 北海道町村会; a name and its thousand
suffixed copies in the growth benchmark). Such a key's bigrams are its base's plus those of its tail
(from the junction on). When the text holds none of the tail's bigrams, the key shares exactly what its
base shares: the same count, the same first bigram, the same covered positions. So keys are indexed
by their own bigrams only when they extend no other key (roots); an extension is indexed by its tail's
bigrams alone (to see that the text touches it, and then it is counted on its own), and otherwise
stands in its base's group, taken in bulk: by bar to count how many qualify, by length and index to
take the best covered. A text naming a name costs what the name has in common with it, not the number
of its extensions.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

NEVER = 1 << 30  # the bar of a key never tried inside a text
_FEW = 24  # keys met up to this many times are counted one by one (Counter's setup costs more)
# Up to this many keys, every key is indexed by all its bigrams and counted in C (the real data's few
# hundred keys): the groups pay off only when extensions come by the thousand. Both ways choose the
# same keys in the same order (tests/test_key_grams.py checks each against a plain count).
FLAT_KEYS = 20_000


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _order(key: str, where: Mapping[str, int]) -> int:
    """The rank (in `where`) of the first of the text's bigrams that the key holds."""
    return min(where[g] for g in bigrams(key) if g in where)


class GramIndex:
    def __init__(self, keys: list[str], bars: Sequence[int], *, flat: bool | None = None) -> None:
        self.keys = keys if isinstance(keys, list) else list(keys)  # the caller's list, not a copy
        self._bar = array("i", bars)
        n = len(self.keys)
        self._flat: dict[str, array[int]] | None = None
        if flat if flat is not None else n <= FLAT_KEYS:
            everything: dict[str, list[int]] = {}
            for i, key in enumerate(self.keys):
                for gram in bigrams(key):
                    everything.setdefault(gram, []).append(i)
            self._flat = {gram: array("i", ids) for gram, ids in everything.items()}
            return
        position = {key: i for i, key in enumerate(self.keys)}
        base = array("i", [-1]) * n
        for i, key in enumerate(self.keys):
            for cut in range(len(key) - 1, 1, -1):  # the longest proper prefix that is a key
                j = position.get(key[:cut])
                if j is not None:
                    base[i] = j
                    break
        self._base = base
        postings: dict[str, list[int]] = {}  # bigram → the roots holding it
        extra: dict[str, list[int]] = {}  # bigram → the extensions holding it where their base does not
        again: dict[str, list[int]] = {}  # bigram → the extensions whose tail repeats it from their base
        groups: dict[int, list[int]] = {}  # base → its extensions
        for i, key in enumerate(self.keys):
            j = base[i]
            if j < 0:
                for gram in bigrams(key):
                    postings.setdefault(gram, []).append(i)
            else:
                own = bigrams(self.keys[j])
                for gram in bigrams(key[len(self.keys[j]) - 1 :]):
                    (again if gram in own else extra).setdefault(gram, []).append(i)
                groups.setdefault(j, []).append(i)
        self._postings = {gram: array("i", ids) for gram, ids in postings.items()}
        self._extra = {gram: array("i", ids) for gram, ids in extra.items()}
        self._again = {gram: array("i", ids) for gram, ids in again.items()}
        # Each group twice: by bar (how many qualify at a count, by bisection) and by (length, index)
        # (the best covered first: an extension covers what its base covers, over more positions).
        self._by_bar = {
            j: (array("i", (self._bar[i] for i in ids)), array("i", ids))
            for j, ids in ((j, sorted(ids, key=lambda i: (self._bar[i], i))) for j, ids in groups.items())
        }
        self._by_length: dict[int, array[int]] = {}  # made when first needed (more than `cap` qualify)
        # The extensions that have extensions of their own (北海道 → 北海道町村会 → its copies).
        self._subs = {j: array("i", (i for i in ids if i in groups)) for j, ids in groups.items()}
        # The lowest bar in a base's group and the groups below it: a base whose count is lower has no
        # untouched extension to offer, however deep (most of a question's bigrams reach no group).
        lowest: dict[int, int] = {}

        def lowest_of(j: int) -> int:
            found = lowest.get(j)
            if found is None:
                found = min([self._by_bar[j][0][0], *(lowest_of(i) for i in self._subs[j])])
                lowest[j] = found
            return found

        for j in sorted(groups, key=lambda j: -len(self.keys[j])):  # the deepest first: no deep recursion
            lowest_of(j)
        self._lowest = lowest

    def _where(self, text: str, free: bytearray) -> dict[str, list[int]]:
        """The text's free bigrams (both characters free) with their positions, in order of first position."""
        where: dict[str, list[int]] = {}
        if free.find(0, 0, len(text)) == -1:  # every character free (the fuzzy pass): no test per position
            for p in range(len(text) - 1):
                where.setdefault(text[p : p + 2], []).append(p)
            return where
        for p in range(len(text) - 1):
            if free[p] and free[p + 1]:
                where.setdefault(text[p : p + 2], []).append(p)
        return where

    def by_length(self, base: int) -> array[int]:
        """A base's extensions by (length, index): the best covered first."""
        found = self._by_length.get(base)
        if found is None:
            ids = self._by_bar[base][1]
            found = self._by_length[base] = array("i", sorted(ids, key=lambda i: (len(self.keys[i]), i)))
        return found

    def _counted(self, where: Mapping[str, list[int]]) -> dict[int, int]:
        """Every key's count, in the order first met (the flat index)."""
        assert self._flat is not None
        postings = self._flat
        met: list[int] = []  # every key of every bigram, once per position: counted in one go, in C
        for gram, positions in where.items():
            ids = postings.get(gram)
            if ids is not None:
                met.extend(ids * len(positions) if len(positions) > 1 else ids)
        if len(met) > _FEW:
            return Counter(met)
        counts: dict[int, int] = {}  # a few: counted here (a Counter's setup costs more), in the same order
        get = counts.get
        for i in met:
            counts[i] = get(i, 0) + 1
        return counts

    def chosen(self, text: str, free: bytearray, *, cap: int) -> tuple[dict[str, list[int]], list[int]]:
        """The text's free bigrams with their positions, and the keys to try, in the order to try them."""
        where = self._where(text, free)
        if self._flat is not None:
            bars = self._bar
            eligible = [i for i, count in self._counted(where).items() if count >= bars[i]]
            if len(eligible) > cap:
                present = bigrams(text)
                keys = self.keys

                def coverage(i: int) -> float:
                    key = keys[i]
                    return sum(key[j : j + 2] in present for j in range(len(key) - 1)) / max(len(key) - 1, 1)

                eligible = heapq.nlargest(cap, eligible, key=coverage)
            return where, eligible
        state = _State(self, text, where)
        bar = self._bar
        roots = [(k, i) for k, (i, c) in enumerate(state.counts.items()) if c >= bar[i]]
        touched = [i for i in state.touched_list() if state.count(i) >= bar[i]]
        bases = [(j, c, n) for j, c in state.bases() if (n := state.in_group(j, c))]
        total = len(roots) + len(touched) + sum(n for _, _, n in bases)
        if total <= cap:
            if not touched and not bases:  # the roots alone, in the order the counter met them
                return where, [i for _, i in roots]
            found = [(state.inserted(k), i) for k, i in roots]
            found += [(state.rank(i), i) for i in touched]
            for j, c, _ in bases:
                rank = state.rank(j)  # an untouched extension is first met where its base is
                found += [(rank, i) for i in state.group_members(j, c)]
            found.sort()
            return where, [i for _, i in found]
        covered = state.covered
        loose = [(-covered(i), state.inserted(k), i) for k, i in roots]
        loose += [(-covered(i), state.rank(i), i) for i in touched]
        runs: list[Iterable[tuple[float, int, int]]] = [sorted(loose)]
        runs += [state.group_by_coverage(j, c) for j, c, _ in bases]
        best = itertools.islice(heapq.merge(*runs), cap)
        return where, [i for _, _, i in best]

    def sharing(self, text: str, *, minimum: int) -> list[int]:
        """The keys sharing at least `minimum` bigrams with `text`, in the order they are first met."""
        if self._flat is not None:
            counts = self._counted(self._where(text, bytearray(b"\x01" * len(text))))
            return [i for i, count in counts.items() if count >= minimum]
        state = _State(self, text, self._where(text, bytearray(b"\x01" * len(text))))
        met: dict[int, list[int]] = {}  # rank of the first bigram met → the keys, in bulk
        for k, (i, c) in enumerate(state.counts.items()):
            if c >= minimum:
                met.setdefault(state.inserted(k), []).append(i)
        for i in state.touched_list():
            if state.count(i) >= minimum:
                met.setdefault(state.rank(i), []).append(i)
        for j, c in state.bases(minimum=minimum):
            if c >= minimum:  # an untouched extension is first met where its base is
                ids = sorted(self._by_bar[j][1])
                bucket = met.setdefault(state.rank(j), [])
                bucket.extend(
                    ids if j not in state.touched_in else (i for i in ids if i not in state.touched)
                )
        out: list[int] = []
        for rank in sorted(met):
            out += sorted(met[rank])
        return out


class _State:
    """One text against the index: the roots' counts and the extensions' own (in C), the extensions
    the text touches (counted and ranked on their own), the bases whose untouched extensions share
    what they share."""

    def __init__(self, index: GramIndex, text: str, where: dict[str, list[int]]) -> None:
        self.index = index
        self.where = where
        self.present = bigrams(text)  # every bigram of the text, free or not (coverage counts them)
        # every root (and extension) of every bigram, once per position, in order: counted in one go,
        # in C, in the order first met (as counting bigram by bigram would)
        met: list[int] = []
        met_extra: list[int] = []
        roots: set[int] = set()
        bounds: list[int] = []  # how many roots were met after each bigram of `where`, in order
        postings, more = index._postings, index._extra
        for gram, positions in where.items():
            ids = postings.get(gram)
            if ids is not None:
                met.extend(ids * len(positions) if len(positions) > 1 else ids)
                roots.update(ids)
            ids = more.get(gram)
            if ids is not None:
                met_extra.extend(ids * len(positions) if len(positions) > 1 else ids)
            bounds.append(len(roots))
        # roots: how many free positions hold one of their bigrams; extensions: the same, of the
        # bigrams their base lacks
        counts: Counter[int] = Counter(met)
        extra: Counter[int] = Counter(met_extra)
        self.counts, self.extra, self.bounds = counts, extra, bounds
        # Touched: an extension whose tail holds a bigram of the text (its own, or one it repeats from
        # its base). An untouched one counts, is first met and covers what its base does.
        touched: set[int] = set()
        again = index._again
        for gram in self.present:
            ids = more.get(gram)
            if ids is not None:
                touched.update(ids)
            ids = again.get(gram)
            if ids is not None:
                touched.update(ids)
        self.touched = touched
        self._touched_in: dict[int, list[int]] | None = None
        self._ranks: dict[str, int] | None = None
        self._counted: dict[int, int] = {}

    @property
    def touched_in(self) -> dict[int, list[int]]:
        """Base → its touched extensions."""
        if self._touched_in is None:
            self._touched_in = {}
            for i in self.touched:
                self._touched_in.setdefault(self.index._base[i], []).append(i)
        return self._touched_in

    def count(self, i: int) -> int:
        """How many of the text's free bigram positions hold one of key i's bigrams."""
        base = self.index._base[i]
        if base < 0:
            return self.counts.get(i, 0)
        known = self._counted.get(i)
        if known is None:
            known = self._counted[i] = self.count(base) + self.extra.get(i, 0)
        return known

    def inserted(self, k: int) -> int:
        """The rank of the bigram at which the k-th root met was met."""
        return bisect.bisect_right(self.bounds, k)

    def rank(self, i: int) -> int:
        if self._ranks is None:
            self._ranks = {gram: r for r, gram in enumerate(self.where)}
        return _order(self.index.keys[i], self._ranks)

    def numerator(self, i: int) -> int:
        """How many of key i's bigram positions hold a bigram that is anywhere in the text."""
        key, present = self.index.keys[i], self.present
        return sum(key[j : j + 2] in present for j in range(len(key) - 1))

    def covered(self, i: int) -> float:
        return self.numerator(i) / max(len(self.index.keys[i]) - 1, 1)

    def touched_list(self) -> list[int]:
        return sorted(self.touched) if self.touched else []

    def bases(self, *, minimum: int | None = None) -> list[tuple[int, int]]:
        """(base, its count) for every key with a group of untouched extensions and a count above 0
        (at least `minimum`, when given: else the lowest bar below it), the extensions that are bases
        themselves included (they share what their base shares)."""
        lowest, subs = self.index._lowest, self.index._subs

        def wanted(j: int, count: int) -> bool:
            return count >= (minimum if minimum is not None else lowest[j])

        stack = [i for i, c in self.counts.items() if i in lowest and wanted(i, c)]
        stack += [i for i in self.touched if i in lowest and wanted(i, self.count(i))]
        out: list[tuple[int, int]] = []
        while stack:
            j = stack.pop()
            count = self.count(j)
            out.append((j, count))
            stack.extend(i for i in subs[j] if i not in self.touched and wanted(i, count))
        return out

    def in_group(self, base: int, count: int) -> int:
        """How many untouched extensions of `base` clear their bar at its count."""
        upto = bisect.bisect_right(self.index._by_bar[base][0], count)
        if not self.touched:
            return upto
        bar = self.index._bar
        return upto - sum(bar[i] <= count for i in self.touched_in.get(base, ()))

    def group_members(self, base: int, count: int) -> Iterable[int]:
        bars, ids = self.index._by_bar[base]
        return (i for i in ids[: bisect.bisect_right(bars, count)] if i not in self.touched)

    def group_by_coverage(self, base: int, count: int) -> Iterator[tuple[float, int, int]]:
        """The group's qualifying extensions as (−coverage, rank, index), best first: each covers its
        base's positions and no more, over its own length."""
        index, touched = self.index, self.touched
        numerator, rank = self.numerator(base), self.rank(base)
        for i in index.by_length(base):
            if index._bar[i] <= count and i not in touched:
                yield -(numerator / max(len(index.keys[i]) - 1, 1)), rank, i
