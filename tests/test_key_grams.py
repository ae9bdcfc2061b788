"""The grouped bigram index chooses exactly the keys that counting every key's bigrams would choose."""

from __future__ import annotations

import heapq
import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from renkei_bot.nlu.key_grams import NEVER, GramIndex


def _reference(
    keys: list[str], bars: list[int], text: str, free: bytearray, cap: int
) -> tuple[dict[str, list[int]], list[int]]:
    """Every key counted (what the entity recogniser did before the index grouped extensions)."""
    where: dict[str, list[int]] = {}
    for p in range(len(text) - 1):
        if free[p] and free[p + 1]:
            where.setdefault(text[p : p + 2], []).append(p)
    postings: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        for gram in {key[i : i + 2] for i in range(len(key) - 1)}:
            postings.setdefault(gram, []).append(index)
    counts: Counter[int] = Counter()
    for gram, positions in where.items():
        for _ in positions:
            counts.update(postings.get(gram, ()))
    eligible = [i for i, count in counts.items() if count >= bars[i]]
    if len(eligible) > cap:
        present = {text[p : p + 2] for p in range(len(text) - 1)}

        def coverage(i: int) -> float:
            key = keys[i]
            return sum(key[j : j + 2] in present for j in range(len(key) - 1)) / max(len(key) - 1, 1)

        eligible = heapq.nlargest(cap, eligible, key=coverage)
    return where, eligible


def _sharing(keys: list[str], text: str, minimum: int) -> list[int]:
    free = bytearray(b"\x01" * len(text))
    return _reference(keys, [minimum] * len(keys), text, free, cap=len(keys) + 1)[1]


def _bars(keys: list[str], rng: random.Random) -> list[int]:
    out = []
    for key in keys:
        grams = {key[i : i + 2] for i in range(len(key) - 1)}
        out.append(NEVER if rng.random() < 0.1 else ((len(grams) + 1) // 2 if grams else len(key)))
    return out


def _check(keys: list[str], text: str, free: bytearray, cap: int, seed: int) -> None:
    bars = _bars(keys, random.Random(seed))
    for flat in (False, True):
        index = GramIndex(keys, bars, flat=flat)
        assert index.chosen(text, free, cap=cap) == _reference(keys, bars, text, free, cap)
        assert index.sharing(text, minimum=1) == _sharing(keys, text, 1)


def test_copies_by_the_hundred_are_chosen_as_one_by_one() -> None:
    rng = random.Random(7)
    names = [
        "北海道",
        "北海道町村会",
        "千葉県市長会",
        "特別区全国連携プロジェクト",
        "全国連携展示",
        "ねぎサミット",
    ]
    tokens = ["".join(rng.choice("ヰヱヲヂヅヴ") for _ in range(5)) for _ in range(150)]
    keys = list(dict.fromkeys([*names, *(n + t for t in tokens for n in names), "連携", "プロ"]))
    texts = [
        "北海道町村会との協定はいつ？",
        "千葉県市長会の構成自治体はいくつ？",
        "特別区全国連携プロジェクトって何？",
        "北海道町村快と千葉県市長会",
        "全国連携展示ヰヱの会場",
        "特別区全国連携プロジェクトヰヰヰヰヱ",
        "ねぎさみっと",
    ]
    for n, text in enumerate(texts):
        for cap in (1, 5, 40, 10_000):
            _check(keys, text, bytearray(b"\x01" * len(text)), cap, seed=n)
            free = bytearray(rng.choice((0, 1, 1, 1)) for _ in text)
            _check(keys, text, free, cap, seed=n + 100)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcde", min_size=1, max_size=7), min_size=1, max_size=40, unique=True),
    st.text(alphabet="abcdef", max_size=16),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=0, max_value=1000),
)
def test_any_keys_and_text(keys: list[str], text: str, cap: int, seed: int) -> None:
    rng = random.Random(seed)
    free = bytearray(rng.choice((0, 1, 1)) for _ in text)
    _check(keys, text, free, cap, seed)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="abc", min_size=1, max_size=5), min_size=1, max_size=30, unique=True),
    st.text(alphabet="abcd", max_size=10),
    st.integers(min_value=1, max_value=6),
    st.integers(min_value=0, max_value=1000),
)
def test_dense_keys_with_ties(keys: list[str], text: str, cap: int, seed: int) -> None:
    _check(keys, text, bytearray(b"\x01" * len(text)), cap, seed)


def test_a_tie_in_coverage_falls_to_the_order_met_then_the_index() -> None:
    keys = ["cd", "cdy", "zcd", "ab", "abx", "xab"]
    for text in ("cd", "abcd", "cdab", "xcd"):
        for cap in (1, 2, 3):
            _check(keys, text, bytearray(b"\x01" * len(text)), cap, seed=3)
