"""The pieces of ingest on small inputs, and the hand-curated entities.yaml / corrections.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from renkei_bot.errors import DataError
from renkei_bot.ingest.datecell import DateCellError, parse_date_cell
from renkei_bot.ingest.details import chunks, content
from renkei_bot.ingest.fixes import Corrector
from renkei_bot.ingest.linking import Linker
from renkei_bot.ingest.mentions import find_mentions
from renkei_bot.loader.refdata import load_corrections, load_entities
from renkei_bot.normalize import compact
from renkei_bot.records import Correction, Entity

DATA = Path(__file__).resolve().parents[1] / "data"
ENTITIES = load_entities(DATA / "entities.yaml")
CORRECTIONS = load_corrections(DATA / "corrections.yaml")


def test_a_date_cell_across_the_new_year_ends_in_the_next_year() -> None:
    year, (part,) = parse_date_cell("12月28日～1月5日", 2020)
    assert (year, part.start, part.end) == (2020, date(2020, 12, 28), date(2021, 1, 5))


def test_a_header_sets_the_year_and_a_cell_without_any_year_is_refused() -> None:
    assert parse_date_cell("<p>令和元年 5月14日</p>", 2018)[0] == 2019
    with pytest.raises(DateCellError, match="no year"):
        parse_date_cell("9月16日", None)
    with pytest.raises(DateCellError, match="no date"):
        parse_date_cell("平成28年", None)


def test_numbered_dates_must_count_from_one() -> None:
    with pytest.raises(DateCellError, match=r"\(1\), \(2\)"):
        parse_date_cell("(2) 10月7日 (3) 10月8日", 2018)


def test_mentions_before_april_in_a_row_from_april_on_are_in_the_next_year() -> None:
    row = date(2016, 10, 31)
    found = find_mentions(["第3回 東京開催(3/23)", "(10/16 報告)", "8/COURT", "平成29年8月21日(月)"], row)
    assert [(m.date, m.text) for m in found] == [
        (date(2017, 3, 23), "第3回 東京開催(3/23)"),
        (date(2016, 10, 16), "10/16 報告"),
        (date(2017, 8, 21), "平成29年8月21日(月)"),
    ]
    assert find_mentions(["→5/20提出"], date(2015, 3, 16))[0].date == date(2015, 5, 20)


def test_corrections_apply_longest_first_in_one_pass() -> None:
    corrector = Corrector(CORRECTIONS)
    assert corrector.apply("京都市長会・京都市町村会") == (
        "京都府市長会・京都府町村会",
        ("fix-kyoto-shichokai-short", "fix-kyoto-chosonkai"),
    )
    assert corrector.apply("「京都市町村魅力発信コーナー」")[0] == "「京都府市町村魅力発信コーナー」"
    assert corrector.apply("③京都市(立藤 聡 秘書広報課長) 井出 政次") == (
        "③京都市(立藤 聡 秘書広報課長) 井出 政次",
        (),
    )


def test_linking_is_leftmost_longest_and_ignores_spaces() -> None:
    linker = Linker(
        [
            Entity(id="hokkaido", name="北海道", type="prefecture"),
            Entity(id="kita", name="北区", type="ward"),
            Entity(id="chosonkai", name="北海道町村会", type="partner"),
            Entity(id="osugi", name="大杉覚", type="person"),
        ]
    )
    assert linker.refs(["北海道町村会、北区と北海道", "大杉 覚 氏"]) == (
        "chosonkai",
        "kita",
        "hokkaido",
        "osugi",
    )
    assert linker.refs(["東北区"]) == ("kita",)  # an alias matches wherever it is written …
    assert linker.refs(["北海区"]) == ()  # … and only there
    with pytest.raises(ValueError, match="both"):
        Linker([Entity(id="a", name="同名", type="ward"), Entity(id="b", name="同 名", type="ward")])


def test_content_splits_title_items_and_notes() -> None:
    pieces = chunks("穂積 志 秋田市長が西川会長を訪問 ※「東北六魂祭 感謝状」")
    assert content(pieces).title == "穂積 志 秋田市長が西川会長を訪問"
    assert content(pieces).details == ("※「東北六魂祭 感謝状」",)
    body = content(chunks('<p>区長会総会</p> <ul style="x"> ・助成金の報告 ・①案A ②案B'))
    assert (body.title, body.details) == ("区長会総会", ("助成金の報告", "①案A", "②案B"))


def test_every_entity_is_well_formed() -> None:
    ids = {e.id for e in ENTITIES}
    for entity in ENTITIES:
        assert entity.id.isascii() and entity.id == entity.id.lower() and " " not in entity.id
        if entity.reading:
            assert all("ぁ" <= c <= "ゖ" or c == "ー" for c in entity.reading), entity.id
        assert entity.parent is None or entity.parent in ids
    by_type = {t: [e for e in ENTITIES if e.type == t] for t in {e.type for e in ENTITIES}}
    assert len(by_type["partner"]) == 13 and len(by_type["ward"]) == 23
    assert all(e.reading for e in by_type["partner"] + by_type["ward"])
    Linker(ENTITIES)  # no alias names two entities


def resolve(name: str) -> str | None:
    keys = {compact(n): e.id for e in ENTITIES for n in (e.name, *e.aliases)}
    return keys.get(compact(name))


@pytest.mark.parametrize(
    ("alias", "entity"),
    [
        ("京都市市長会", "kyoto-fu-shichokai"),
        ("京都市町村会", "kyoto-fu-chosonkai"),
        ("京都市市町村", "kyoto-fu-shichoson"),
        ("嬭恋村", "tsumagoi"),
        ("まるごとにつぼん", "marugoto-nippon"),
        ("第一生命", "dai-ichi-life"),
        ("損保ジャパン", "sompo-japan"),
        ("三井住友海上", "mitsui-sumitomo-kaijo"),
        ("六魂祭", "series-rokkonsai"),
        ("ねぎサミット", "series-negi-summit"),
        ("区政会館", "kusei-kaikan"),
        ("MIYASHITA PARK", "miyashita-park"),
        ("ミヤシタパーク", "miyashita-park"),
        ("品川", "shinagawa"),
        ("神野 直彦", "person-jinno-naohiko"),
        ("京都市", "kyoto-shi"),
    ],
)
def test_short_forms_and_typos_are_aliases_of_the_right_entity(alias: str, entity: str) -> None:
    assert resolve(alias) == entity


def test_the_donburi_typo_is_an_alias_and_generic_words_are_not() -> None:
    assert resolve("井フェスティバル") == resolve("丼フェスティバル") == "donburi-festival"
    for word in ("講演会", "イベント", "展示", "協定", "まつり", "サミット", "中央", "港", "北"):
        assert resolve(word) is None, word


def test_every_correction_is_known_to_the_entities_or_a_phrase() -> None:
    assert {c.id for c in CORRECTIONS} >= {"fix-kyoto-shichokai", "fix-tsumagoi", "fix-donburi-festival"}
    assert all(isinstance(c, Correction) and c.wrong != c.right for c in CORRECTIONS)


def test_an_unknown_field_in_entities_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_text("entities:\n- {id: x, name: X, type: ward, note: a, b}\n", encoding="utf-8")
    with pytest.raises(DataError, match="entity 'x': unknown field 'b'"):
        load_entities(path)
