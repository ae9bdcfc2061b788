from __future__ import annotations

import pytest

from renkei_bot.normalize import RANGE_MARK, compact, normalize, strip_html, to_hiragana


@pytest.mark.parametrize("tilde", ["〜", "～", "~", "∼", "〰"])
def test_every_tilde_becomes_the_one_range_mark(tilde: str) -> None:
    assert normalize(f"8月21日{tilde}9月29日") == f"8月21日{RANGE_MARK}9月29日"


@pytest.mark.parametrize("dash", ["‐", "‑", "‒", "–", "—", "―", "−"])
def test_dash_variants_are_unified_but_the_long_vowel_mark_is_kept(dash: str) -> None:
    assert normalize(f"2016{dash}04") == "2016-04"
    assert normalize("コーディネーター") == "コーディネーター"


def test_nfkc_full_width_and_spaces() -> None:
    assert normalize("ＫＩＴＴＥ　２０１９年　　１０月") == "KITTE 2019年 10月"
    assert compact("首都大学東京 大学院") == "首都大学東京大学院"


def test_control_characters_are_removed() -> None:
    assert normalize("北海道\x00\x1b\u200b町村会\ufeff") == "北海道町村会"


def test_html_is_stripped() -> None:
    assert strip_html("<p>区長会総会</p> <ul style='x'>・確認").split() == ["区長会総会", "・確認"]


def test_katakana_to_hiragana() -> None:
    assert to_hiragana("ダイイチセイメイ") == "だいいちせいめい"
