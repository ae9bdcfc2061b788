"""The engine end to end over the real records: facts come from the records, never from the test."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TODAY
from renkei_bot.answers.render import to_blocks, to_text
from renkei_bot.dates import format_date
from renkei_bot.engine import YOUNG_THRESHOLD, Engine


def ask(engine: Engine, question: str, today: date = TODAY) -> tuple[bool, str, str]:
    answer = engine.ask(question, today=today)
    return answer.found, answer.intent, to_text(answer)


def test_every_partner_agreement_date_and_member_count_come_from_the_table(engine: Engine) -> None:
    for partner in engine.store.partners.partners:
        found, intent, text = ask(engine, f"{partner.name}と協定を結んだのはいつ？")
        assert found and intent == "agreement_date", text
        assert format_date(partner.agreed) in text
        found, intent, text = ask(engine, f"{partner.name}の構成自治体数は？")
        assert found and intent == "member_count"
        assert str(partner.members) in text


def test_the_source_typo_is_an_alias_of_the_right_partner(engine: Engine) -> None:
    kyoto = next(p for p in engine.store.partners.partners if p.name == "京都府市長会")
    found, _, text = ask(engine, "京都市市長会との協定はいつ？")
    assert found and "京都府市長会" in text and format_date(kyoto.agreed) in text


def test_hiragana_names_are_read(engine: Engine) -> None:
    hokkaido = next(p for p in engine.store.partners.partners if p.name == "北海道町村会")
    found, _, text = ask(engine, "ほっかいどうちょうそんかいの構成自治体数はいくつ？")
    assert found and str(hokkaido.members) in text


def test_a_tie_asks_which_one_instead_of_guessing(engine: Engine) -> None:
    answer = engine.ask("しながわ", today=TODAY)
    assert not answer.found
    assert len(answer.candidates) >= 2
    assert "どれ" in to_text(answer)


def test_a_generic_word_alone_is_no_entity(engine: Engine) -> None:
    query = engine.understand("講演会はいつ？", today=TODAY)
    assert query.entities == ()


def test_a_period_outside_the_records_is_not_found(engine: Engine) -> None:
    for question in (
        "2023年に開催された全国連携展示は？",
        "2010年には何があった？",
        "2030年の東北絆まつりは？",
    ):
        found, _, text = ask(engine, question)
        assert not found, question
        assert "記録" in text


def test_an_unknown_association_is_not_found_with_did_you_mean(engine: Engine) -> None:
    answer = engine.ask("大阪府市長会との連携協定はいつ結ばれた？", today=TODAY)
    assert not answer.found
    assert "大阪府市長会" in answer.summary
    assert answer.suggestions or answer.did_you_mean


def test_a_false_premise_gets_the_recorded_fact(engine: Engine) -> None:
    partner = next(p for p in engine.store.partners.partners if p.name == "北海道町村会")
    found, _, text = ask(engine, "北海道町村会と協定を結んだのは令和3年でしたよね？")
    assert found
    assert format_date(partner.agreed) in text
    assert "異なり" in text


def test_the_undated_row_keeps_its_date_unknown(engine: Engine) -> None:
    undated = [e for e in engine.store.events if e.date.start is None]
    assert undated
    found, _, text = ask(engine, "第2回全国連携シンポジウムはいつ開催された？")
    assert found
    assert "日付の記載がありません" in text
    assert "2017年（平成29年）1月" in text  # the bounds, from the neighbouring rows


def test_counting_a_series_lists_what_was_counted(engine: Engine) -> None:
    series = next(e for e in engine.store.entities if e.name == "全国連携展示")
    expected = len(engine.store.in_series(series.id))
    answer = engine.ask("全国連携展示は何回開かれた？", today=TODAY)
    assert f"{expected}回" in answer.summary
    assert len(answer.lines) == expected


def test_anniversaries_use_today(engine: Engine) -> None:
    first = engine.store.events[0]
    assert first.date.start is not None
    today = first.date.start.replace(year=2026)
    found, intent, text = ask(engine, "今日は何の日？", today=today)
    assert found and intent == "anniversary"
    assert first.title[:10] in text


def test_lists_are_capped_with_a_count_of_the_rest(engine: Engine) -> None:
    answer = engine.ask("2018年には何があった？", today=TODAY)
    assert len(answer.lines) > 10
    assert f"ほか {len(answer.lines) - 10} 件" in to_text(answer)


def test_every_answer_cites_its_records(engine: Engine) -> None:
    for question in ("ロゴマークはいつ決定された？", "大井競馬場で何をした？", "2016年10月には何があった？"):
        answer = engine.ask(question, today=TODAY)
        assert answer.found and answer.sources, question
        assert "L" in to_text(answer)


BAD_INPUTS = [
    "",
    "   ",
    "あ" * 10_000,
    "😀🎉" * 50,
    "\x00\x01\x02\x1b[31m北海道\x7f",
    "<script>alert(1)</script><p>協定</p>",
    "<!channel> <!here> <@U123> 北海道町村会との協定はいつ？",
    "}}}{{{ ::: --- ～～～ 〜〜 ~~",
    "2016年13月45日",
    "平成99年度",
]


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_bad_input_gets_a_clear_answer(engine: Engine, text: str) -> None:
    answer = engine.ask(text, today=TODAY)
    assert answer.intent != "error"
    assert to_text(answer)
    assert to_blocks(answer, more_value="x")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(max_size=300) | st.text(alphabet="北海道町村会協定いつ年度月日令和平成元～<>!@#&", max_size=60)
)
def test_any_string_gets_an_answer_object(engine: Engine, text: str) -> None:
    answer = engine.ask(text, today=TODAY)
    assert isinstance(answer.found, bool)
    assert answer.intent != "error"
    assert isinstance(to_text(answer), str)
    blocks = to_blocks(answer, more_value="x")
    assert all("<!" not in str(b) for b in blocks)


def test_a_name_in_two_parts_is_one_partner(engine: Engine) -> None:
    chiba = {p.name: p for p in engine.store.partners.partners if p.name.startswith("千葉県")}
    found, _, text = ask(engine, "千葉県とは町村会と市長会の両方と協定を結んでいますか？それぞれいつ？")
    assert found
    for partner in chiba.values():
        assert format_date(partner.agreed) in text


def test_a_post_is_answered_only_as_recorded(engine: Engine) -> None:
    found, _, text = ask(engine, "北海道町村会の会長は誰？")
    assert found and "会長" in text and "北海道町村会" in text
    found, _, text = ask(engine, "群馬県町村会の会長って誰？")
    assert not found and "書かれていません" in text


def test_things_the_records_never_mention_are_not_found(engine: Engine) -> None:
    for question in (
        "渋谷でおすすめのラーメン屋を教えて",
        "全国ねぎサミット2017の会場はどこ？",
        "第3回全国連携シンポジウムのテーマは？",
        "東京23区全国連携ニュース第5号はいつ？",
        "三菱UFJ銀行との包括連携協定はいつ？",
        "特別区長会の年間予算はいくら？",
    ):
        found, _, _ = ask(engine, question)
        assert not found, question


def test_the_coverage_of_the_records(engine: Engine) -> None:
    answer = engine.ask("この記録はいつからいつまでの範囲？", today=TODAY)
    assert answer.intent == "coverage" and answer.found
    assert format_date(engine.store.first_date) in answer.summary
    assert format_date(engine.store.last_date) in answer.summary


def test_a_loaded_engine_collects_young_objects_less_often(engine: Engine) -> None:
    assert gc.isenabled()
    assert gc.get_threshold()[0] >= YOUNG_THRESHOLD
