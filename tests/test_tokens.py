from __future__ import annotations

import threading
import time

from renkei_bot.nlu.tokens import (
    PersonName,
    Token,
    content_forms,
    person_name,
    reading,
    reading_form,
    tokenize,
    warm,
)


def test_tokenize_keeps_offsets_and_mode_c_units() -> None:
    text = "品川区との協定締結日を教えて"
    tokens = tokenize(text)
    assert [t.surface for t in tokens] == ["品川区", "と", "の", "協定", "締結日", "を", "教え", "て"]
    for token in tokens:
        assert text[token.begin : token.end] == token.surface
    assert tokens[0].pos == ("名詞", "固有名詞", "地名", "一般")
    assert tokens[1].pos == ("助詞", "格助詞")


def test_readings_are_hiragana() -> None:
    tokens = tokenize("第一生命と連携した")
    assert tokens[0] == Token(
        "第一生命", "第一生命", "だいいちせいめい", ("名詞", "固有名詞", "一般"), 0, 4, "第一生命"
    )
    assert reading("品川区") == "しながわく"
    assert reading("北海道 町村会") == "ほっかいどうちょうそんかい"


def test_content_forms_are_normalised_content_words() -> None:
    forms = content_forms(tokenize("東京で誰が講演したのですか？"))
    assert forms == ["東京", "誰", "講演", "為る"]
    forms = content_forms(tokenize("どこで開かれた？"))
    assert forms == ["どこ", "開く"]


def test_content_forms_skip_numerals_and_symbols() -> None:
    assert content_forms(tokenize("23区 ！")) == []


def test_normalised_form_rewrites_names_so_entities_must_use_surfaces() -> None:
    # The reason entity matching never uses normalised forms: 六 becomes 6 inside a festival's name.
    tokens = tokenize("東北六魂祭")
    assert "".join(t.surface for t in tokens) == "東北六魂祭"
    assert "".join(t.normalized for t in tokens) != "東北六魂祭"
    assert [t.normalized for t in tokens if t.surface == "六"] == ["6"]


def test_empty_and_odd_input() -> None:
    assert tokenize("") == []
    assert reading("") == ""
    tokens = tokenize("😀\x00<b>abc</b>")
    assert "".join(t.surface for t in tokens) == "😀\x00<b>abc</b>"


def test_eight_threads_share_the_dictionary_safely() -> None:
    warm()
    errors: list[BaseException] = []
    results: list[list[str]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def work(i: int) -> None:
        try:
            barrier.wait()
            for _ in range(200):
                got = [t.surface for t in tokenize(f"{i}年前の今日、品川区で何がありましたか")]
            with lock:
                results.append(got)
        except BaseException as exc:  # the point of the test is that nothing is raised
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == 8
    assert all("品川区" in r for r in results)


def test_tokenize_is_cheap() -> None:
    warm()
    text = "2016年4月26日に北海道町村会と協定を結んだのは？"
    tokenize(text)
    runs = 300
    start = time.perf_counter()
    for _ in range(runs):
        tokenize(text)
    per_call = (time.perf_counter() - start) / runs
    assert per_call < 0.002  # ~50 µs on a laptop; generous for a loaded CI machine


def test_reading_form_is_kana_only_or_none() -> None:
    assert reading_form("沼尾波子") == "ぬまおなみこ"
    assert reading_form("まち・ひと・しごと創生") == "まちひとしごとそうせい"  # the dots are not read
    assert reading_form("KITTE") is None  # Sudachi reads an unknown Latin word as itself
    assert reading_form("") is None


def test_person_name_splits_at_sudachis_surname() -> None:
    assert person_name("沼尾波子") == PersonName("沼尾", "ぬまお", "波子", "なみこ")
    assert person_name("神野 直彦") == PersonName("神野", "かみの", "直彦", "なおひこ")  # Sudachi's guess
    assert person_name("全国連携講演会") is None
