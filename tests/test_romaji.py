"""Hepburn romaji of kana readings, and the fold that lets Latin spellings meet them."""

from __future__ import annotations

import pytest

from renkei_bot.nlu.entity_keys import fold_with_offsets
from renkei_bot.nlu.romaji import fold_romaji, latin_spans, romaji_key, romanize


@pytest.mark.parametrize(
    ("kana", "romaji"),
    [
        ("ぬまお", "numao"),
        ("じんの", "jinno"),
        ("きょうと", "kyouto"),
        ("きって", "kitte"),
        ("まっちゃ", "matcha"),
        ("しんじゅく", "shinjuku"),
        ("ぴっぷちょう", "pippuchou"),
        ("うまいるすくえあ", "umairusukuea"),
        ("みやしたぱーく", "miyashitapaku"),
    ],
)
def test_romanize_is_hepburn(kana: str, romaji: str) -> None:
    assert romanize(kana) == romaji


def test_romanize_refuses_what_is_not_hiragana() -> None:
    assert romanize("品川") is None
    assert romanize("ABC") is None


@pytest.mark.parametrize(
    ("written", "kana"),
    [
        ("Kyoto", "きょうと"),
        ("KYOUTO", "きょうと"),
        ("Tookyoo", "とうきょう"),
        ("Ohta", "おおた"),
        ("Ota", "おおた"),
        ("Shimbashi", "しんばし"),  # traditional Hepburn m before b
        ("Kusiro", "くしろ"),  # Kunrei si
        ("Tukuba", "つくば"),
        ("Huzi", "ふじ"),
        ("maccha", "まっちゃ"),
        ("shin'ichi", "しんいち"),
        ("Chuo", "ちゅうおう"),
        ("Oura", "おおうら"),
        ("Ooura", "おおうら"),
        ("Tōkyō", "とうきょう"),  # macrons
        ("ŌSUGI", "おおすぎ"),
    ],
)
def test_latin_spellings_fold_to_the_readings_key(written: str, kana: str) -> None:
    assert fold_romaji(written) == romaji_key(kana)


@pytest.mark.parametrize(
    ("written", "kana"),
    [("Nagara", "なら"), ("Jino", "じんの"), ("Kanno", "かみの"), ("Oya", "おおた")],
)
def test_different_names_keep_different_keys(written: str, kana: str) -> None:
    assert fold_romaji(written) != romaji_key(kana)


def test_latin_spans_join_words_across_spaces_and_hyphens_only() -> None:
    text = "kyoto yamashiro の Numao-san と KITTE"
    folded, offsets = fold_with_offsets(text, limit=100)
    spans = {folded[b:e]: shortest for b, e, shortest in latin_spans(folded, offsets)}
    assert {"kyotoyamashiro", "kyoto", "yamashiro", "numao-san", "numao", "san", "kitte"} == set(spans)
    assert spans["numao-san"] == 3
    first = latin_spans(folded, offsets)[0]
    assert folded[first[0] : first[1]] == "kyotoyamashiro"  # longest first
