from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from renkei_bot.errors import DataError
from renkei_bot.nlu.entities import DEFAULT_STOPLIST, EntityIndex, Resolution
from renkei_bot.nlu.entity_keys import fold
from renkei_bot.normalize import normalize
from renkei_bot.records import Entity

DATA = Path(__file__).resolve().parents[1] / "data"

ENTITIES = (
    Entity("shinagawa", "品川区", "ward", aliases=("品川",), reading="しながわく"),
    Entity("shinagawa-aquarium", "しながわ水族館", "venue", reading="しながわすいぞくかん"),
    Entity("hokkaido-chosonkai", "北海道町村会", "partner", reading="ほっかいどうちょうそんかい"),
    Entity("hokkaido", "北海道", "prefecture", reading="ほっかいどう"),
    Entity(
        "dai-ichi-life", "第一生命保険株式会社", "company", aliases=("第一生命",), reading="だいいちせいめい"
    ),
    Entity("kyoto-fu-shichokai", "京都府市長会", "partner", aliases=("京都市市長会",)),
    Entity("kyoto-fu-chosonkai", "京都府町村会", "partner", aliases=("京都市町村会",)),
    Entity("chiba-shichokai", "千葉県市長会", "partner"),
    Entity("gunma-shichokai", "群馬県市長会", "partner"),
    Entity("gunma-chosonkai", "群馬県町村会", "partner"),
    Entity("kyoto", "京都府", "prefecture", aliases=("京都",)),
    Entity("rokkon", "東北六魂祭", "series", aliases=("六魂祭",)),
    Entity("series-lecture", "全国連携講演会", "series"),
    Entity("series-exhibition", "全国連携展示", "series"),
    Entity("series-symposium", "全国連携シンポジウム", "series"),
    Entity("minato", "港区", "ward", reading="みなとく"),
    Entity("kita", "北区", "ward", reading="きたく"),
    Entity("odagiri", "小田切 徳美", "person"),
    Entity("jinno", "神野 直彦", "person", aliases=("神野先生",)),
    Entity("sompo", "損害保険ジャパン日本興亜株式会社", "company", aliases=("損保ジャパン日本興亜",)),
    Entity("kawaba", "川場村", "municipality", reading="かわばむら", parent="gunma"),
    Entity("kitte", "KITTE", "venue"),
)


@pytest.fixture(scope="module")
def index() -> EntityIndex:
    return EntityIndex(ENTITIES)


def find(index: EntityIndex, question: str) -> Resolution:
    text = normalize(question)
    result = index.find(text)
    for item in (*result.matches, *result.ties, *result.near_misses):
        assert text[item.begin : item.end] == item.surface
    return result


def ids(result: Resolution) -> list[str]:
    return [m.entity_id for m in result.matches]


def test_exact_longest_first_and_offsets(index: EntityIndex) -> None:
    result = find(index, "ねえ、北海道町村会と連携協定を結んだのはいつ？")
    assert ids(result) == ["hokkaido-chosonkai"]
    (match,) = result.matches
    assert (match.surface, match.begin, match.end, match.method, match.score) == (
        "北海道町村会",
        3,
        9,
        "exact",
        100,
    )
    assert ids(find(index, "北海道で何があった？")) == ["hokkaido"]


def test_offsets_map_back_over_spaces(index: EntityIndex) -> None:
    result = find(index, "北海道 町村会と 神野 直彦 先生")
    assert [(m.entity_id, m.surface) for m in result.matches] == [
        ("hokkaido-chosonkai", "北海道 町村会"),
        ("jinno", "神野 直彦"),
    ]


def test_typo_alias_from_the_source(index: EntityIndex) -> None:
    result = find(index, "京都市市長会・京都市町村会との協定")
    assert ids(result) == ["kyoto-fu-shichokai", "kyoto-fu-chosonkai"]
    assert result.matches[0].name == "京都府市長会"


def test_company_and_person_variants(index: EntityIndex) -> None:
    assert ids(find(index, "第一生命保険との包括連携協定")) == ["dai-ichi-life"]
    assert ids(find(index, "第一生命保険(株)")) == ["dai-ichi-life"]
    assert ids(find(index, "小田切徳美氏が講演した")) == ["odagiri"]
    assert ids(find(index, "神野先生の講演")) == ["jinno"]


@pytest.mark.parametrize(
    ("question", "entity_id"),
    [
        ("だいいちせいめいとの協定はいつ？", "dai-ichi-life"),
        ("ほっかいどうちょうそんかいと協定", "hokkaido-chosonkai"),
        ("かわばむらのこと", "kawaba"),
        ("ダイイチセイメイ", "dai-ichi-life"),
    ],
)
def test_readings(index: EntityIndex, question: str, entity_id: str) -> None:
    result = find(index, question)
    assert ids(result) == [entity_id]
    assert result.matches[0].method == "reading"


def test_reading_with_a_typo(index: EntityIndex) -> None:
    (match,) = find(index, "ほっかいどちょうそんかい").matches
    assert (match.entity_id, match.method) == ("hokkaido-chosonkai", "reading")
    assert match.score < 100


@pytest.mark.parametrize("question", ["品川で何があった？", "しながわのイベント", "シナガワ"])
def test_tie_between_ward_and_aquarium(index: EntityIndex, question: str) -> None:
    result = find(index, question)
    assert result.matches == ()
    (tie,) = result.ties
    assert tie.candidates == ("shinagawa", "shinagawa-aquarium")
    assert tie.names == ("品川区", "しながわ水族館")
    assert tie.types == ("ward", "venue")


def test_full_names_do_not_tie(index: EntityIndex) -> None:
    assert ids(find(index, "品川区で")) == ["shinagawa"]
    assert ids(find(index, "しながわ水族館で")) == ["shinagawa-aquarium"]
    assert ids(find(index, "しながわすいぞくかん")) == ["shinagawa-aquarium"]


def test_shared_alias_is_a_tie() -> None:
    index = EntityIndex(
        [
            Entity("park-a", "港区立南桜公園", "venue", aliases=("南桜公園",)),
            Entity("park-b", "南桜公園広場", "venue", aliases=("南桜公園",)),
        ]
    )
    (tie,) = find(index, "南桜公園でやった").ties
    assert tie.candidates == ("park-a", "park-b")


@pytest.mark.parametrize(
    ("question", "entity_id", "surface"),
    [
        ("北海道町村界と連携協定を結んだのはいつ？", "hokkaido-chosonkai", "北海道町村界"),
        ("北海道の町村会", "hokkaido-chosonkai", "北海道の町村会"),
        ("第一生明との包括連携協定", "dai-ichi-life", "第一生明"),
        ("小田切徳見が講演", "odagiri", "小田切徳見"),
        ("全国連係講演会のテーマ", "series-lecture", "全国連係講演会"),
        ("損保ジャパン日本興和との協定", "sompo", "損保ジャパン日本興和"),
    ],
)
def test_fuzzy_typos_accepted(index: EntityIndex, question: str, entity_id: str, surface: str) -> None:
    result = find(index, question)
    assert [(m.entity_id, m.surface, m.method) for m in result.matches] == [(entity_id, surface, "fuzzy")]
    assert 0 < result.matches[0].score < 100


def test_near_miss_is_not_a_match(index: EntityIndex) -> None:
    result = find(index, "大阪府市長会との連携協定はいつ結ばれた？")
    assert "kyoto-fu-shichokai" not in ids(result)
    (near,) = result.near_misses
    assert near.surface == "大阪府市長会"
    assert near.suggestions[0] == "京都府市長会"
    assert 60 <= near.score < 85


def test_two_equally_close_names_are_not_a_guess(index: EntityIndex) -> None:
    result = find(index, "群馬県市村会との協定")
    assert result.matches == ()
    (near,) = result.near_misses
    assert set(near.suggestions) == {"群馬県市長会", "群馬県町村会"}


@pytest.mark.parametrize(
    "question", ["講演会はいつ？", "展示", "イベント", "シンポジウムは何回？", "連携協定はいつ？", "まつり"]
)
def test_stop_list_words_resolve_to_nothing(index: EntityIndex, question: str) -> None:
    assert find(index, question) == Resolution()


def test_short_keys_do_not_match_inside_longer_words(index: EntityIndex) -> None:
    assert ids(find(index, "東京都の港区立南桜公園")) == ["minato"]  # 京都 is not inside 東京都
    assert ids(find(index, "KITTEN")) == []
    assert ids(find(index, "kitteで")) == ["kitte"]


def test_suggest(index: EntityIndex) -> None:
    assert index.suggest("大阪府市長会")[0] == "京都府市長会"
    assert index.suggest("北海道町村界", limit=1) == ("北海道町村会",)
    assert index.suggest("天気予報") == ()
    assert index.suggest("") == ()


def test_lookup_by_id_and_type(index: EntityIndex) -> None:
    assert index.get("kawaba").name == "川場村"
    assert [e.id for e in index.by_type("ward")] == ["shinagawa", "minato", "kita"]
    assert index.by_type("nothing") == ()
    with pytest.raises(KeyError, match="no-such-id"):
        index.get("no-such-id")
    with pytest.raises(DataError, match="'kita'"):
        EntityIndex([*ENTITIES, Entity("kita", "北区", "ward")])


def test_find_still_resolves_among_four_hundred_entities() -> None:
    # Speed is measured by benchmarks/ (make bench), never by a timed test; this checks the answer.
    many = [
        Entity(f"{e.id}-{n}", f"{e.name}{n}" if n else e.name, e.type, tuple(f"{a}{n}" for a in e.aliases))
        for n in range(20)
        for e in ENTITIES
    ]
    index = EntityIndex(many)
    found = index.find(normalize("北海道町村界と第一生命との連携協定を結んだのはいつですか？"))
    # Which near miss comes first depends on their scores (第一生命 is close to the copies' 第一生命1…),
    # not on how many of the names fit under a cap.
    assert "北海道町村会" in [m.suggestions[0] for m in found.near_misses]


def _crowd(names: list[str], copies: int) -> list[Entity]:
    """Each name again `copies` times with a three-katakana suffix, as benchmarks/synth.py grows a corpus."""
    kana = "アイウエオカキクケコサシスセソタチツテト"
    return [
        Entity(f"x{k}-{i}", f"{name}{kana[k % 20]}{kana[k // 20 % 20]}{kana[k // 400 % 20]}", "company")
        for k in range(1, copies + 1)
        for i, name in enumerate(names)
    ]


def test_a_typo_is_found_however_many_names_share_its_bigrams() -> None:
    # 600 names share every bigram of 第一生命: how common a bigram is must not decide the match.
    crowd = _crowd(["第一生命"], 600)
    index = EntityIndex([*ENTITIES, *crowd])
    assert ids(find(index, "第一生明と包括連携協定を結んだのはいつ？")) == ["dai-ichi-life"]


def test_a_typo_is_found_among_many_names_with_the_questions_other_words() -> None:
    # 200 names like 講演会アイウ share the question's 講演 twice: they must not crowd out 北海道町村会.
    crowd = _crowd(["講演会"], 200)
    index = EntityIndex([*ENTITIES, *crowd])
    assert "hokkaido-chosonkai" in ids(find(index, "北海道町村界の方が講演した講演会はいつ？"))


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=50, max_size=400),
        st.text(alphabet="北海道町村会品川しながわ第一生命講演会 展示\x00\x1f😀<@U123>&amp;", max_size=300),
        st.integers(1, 3).map(lambda n: "北海道町村界😀\x07" * 1200 * n),
    )
)
def test_find_never_raises_and_stays_bounded(text: str) -> None:
    index = EntityIndex(ENTITIES)
    start = time.perf_counter()
    result = index.find(text)
    assert time.perf_counter() - start < 2.0
    for item in (*result.matches, *result.ties, *result.near_misses):
        assert 0 <= item.begin < item.end <= len(text)
        assert text[item.begin : item.end] == item.surface
    index.suggest(text)


# --- the real dictionary ----------------------------------------------------------------------------
def real_entities() -> tuple[Entity, ...]:
    path = DATA / "entities.yaml"
    if not path.exists():
        pytest.skip("data/entities.yaml is not written yet")
    if all((DATA / name).exists() for name in ("events.yaml", "partners.yaml", "counts.yaml")):
        from renkei_bot.loader import load_dataset

        return load_dataset(DATA, use_cache=False).entities
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]
    return tuple(
        Entity(
            str(item["id"]),
            str(item["name"]),
            str(item["type"]),
            tuple(str(a) for a in item.get("aliases") or ()),
            item.get("reading"),
            item.get("parent"),
            item.get("note"),
        )
        for item in items
    )


def test_no_real_alias_is_a_stop_list_word() -> None:
    stop = {fold(w) for w in DEFAULT_STOPLIST}
    bad = [(e.id, a) for e in real_entities() for a in (e.name, *e.aliases) if fold(a) in stop]
    assert bad == [], "generic words must not be names or aliases in data/entities.yaml"


def test_every_real_name_and_reading_resolves_to_its_entity() -> None:
    entities = real_entities()
    index = EntityIndex(entities)
    for entity in entities:
        for spelling in (entity.name, *entity.aliases, *([entity.reading] if entity.reading else [])):
            result = index.find(normalize(spelling))
            found = {m.entity_id for m in result.matches} | {c for t in result.ties for c in t.candidates}
            assert entity.id in found, (entity.id, spelling, result)


def test_real_dictionary_examples() -> None:
    index = EntityIndex(real_entities())

    def names(question: str) -> list[str]:
        return [m.name for m in index.find(normalize(question)).matches]

    (tie,) = index.find("品川で何があった？").ties
    assert {"品川区", "しながわ水族館"} <= set(tie.names)
    assert names("京都市市長会との協定") == ["京都府市長会"]
    assert names("ちばけんちょうそんかいの構成自治体数") == ["千葉県町村会"]
    assert names("だいいちせいめいとの協定") == ["第一生命保険株式会社"]
    assert names("いちばん最初の協定") == []  # ちば (千葉) is not inside いちばん
    assert names("第一生明との協定") == ["第一生命保険株式会社"]
    assert index.find("講演会はいつ？") == Resolution()
    (near,) = index.find("大阪府市長会との連携協定はいつ結ばれた？").near_misses
    assert near.suggestions[0] == "京都府市長会"
