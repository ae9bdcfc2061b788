"""Numbers written in ASCII digits or kanji: 2016, 二〇一六, 二千十六, 二十八, 十, 元 (in an era year)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

KANJI_DIGITS = "〇零一二三四五六七八九"
KANJI_UNITS = "十百千"
_DIGIT = {ch: (0 if ch in "〇零" else KANJI_DIGITS.index(ch) - 1) for ch in KANJI_DIGITS}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_NUMERALS = frozenset((*_DIGIT, *_UNIT))  # every kanji numeral: one set test in C for a whole text

# A regex fragment for one number: up to 4 ASCII digits, or a short run of kanji numerals.
NUMBER = f"(?:[0-9]{{1,4}}|[{KANJI_DIGITS}{KANJI_UNITS}]{{1,7}})"


def to_int(text: str) -> int | None:
    """2016 → 2016, 二〇一六 → 2016, 二千十六 → 2016, 二十八 → 28, 元 → 1. None when it is not a number."""
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    if text == "元":
        return 1
    if not any(ch in _UNIT for ch in text):
        # positional: 二〇一六
        value = 0
        for ch in text:
            digit = _DIGIT.get(ch)
            if digit is None:
                return None
            value = value * 10 + digit
        return value
    total = 0
    current: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in _DIGIT:
            if current is not None:  # two digits in a row inside a 十/百/千 number: 二三十
                return None
            current = _DIGIT[ch]
        elif ch in _UNIT:
            unit = _UNIT[ch]
            if unit >= last_unit:  # 十百, 十十: not a number
                return None
            total += (1 if current is None else current) * unit
            current = None
            last_unit = unit
        else:
            return None
    return total + (current or 0)


def figures_as_digits(text: str, words: Sequence[str]) -> str:
    """「二十以上の協定先」 → 「20以上の協定先」: kanji numerals right before one of `words` (a counter or
    以上) are a figure; elsewhere they are part of a word (十勝, 一番) and stay."""
    if not words or _NUMERALS.isdisjoint(text):
        return text
    pattern = _figure_pattern(tuple(words))

    def digits(match: re.Match[str]) -> str:
        value = to_int(match.group(1))
        return match.group(0) if value is None else str(value)

    return pattern.sub(digits, text)


@functools.cache
def _figure_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    after = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    # the whole run of numerals (百四十四, not 四十四), a space allowed before the word; an ordinal
    # (第一回) is a name's edition, read where editions are, not a figure
    return re.compile(
        f"(?<![第{KANJI_DIGITS}{KANJI_UNITS}])([{KANJI_DIGITS}{KANJI_UNITS}]{{1,7}})(?=\\s?(?:{after}))"
    )
