"""Questions over the two tables through the real engine: the asked figure, names or はい/いいえ lead
the first line, and the table's lines are cited. Figures come from the store, not from the test."""

from __future__ import annotations

import pytest

from conftest import TODAY
from renkei_bot.answers.render import to_text
from renkei_bot.engine import Engine
from renkei_bot.records import Partner

TABLE = "広域連携協定締結団体一覧"


def first_line(engine: Engine, question: str) -> tuple[bool, str, str]:
    answer = engine.ask(question, today=TODAY)
    text = to_text(answer)
    return answer.found, text.splitlines()[0], text


def partners(engine: Engine) -> tuple[Partner, ...]:
    return engine.store.partners.partners


def test_sums_over_the_whole_table_a_kind_and_a_period(engine: Engine) -> None:
    ps = partners(engine)
    cases = {
        "13団体の構成自治体数、ぜんぶ足すといくつ？": sum(p.members for p in ps),
        "市長会だけの構成自治体数を合計すると？": sum(p.members for p in ps if p.name.endswith("市長会")),
        "町村会の構成自治体数を合算すると？": sum(p.members for p in ps if p.name.endswith("町村会")),
        "平成28年に協定を締結した団体の構成自治体数を合計すると？": sum(
            p.members for p in ps if p.agreed.year == 2016
        ),
        "2018年に協定結んだとこ、全部で何自治体分？": sum(p.members for p in ps if p.agreed.year == 2018),
    }
    for question, total in cases.items():
        found, head, text = first_line(engine, question)
        assert found and f"{total}自治体です" in head, (question, text)
        assert f"{TABLE}（L" in text


def test_a_threshold_counts_and_names_the_partners(engine: Engine) -> None:
    big = [p for p in partners(engine) if p.members >= 20]
    found, head, _ = first_line(engine, "構成自治体数が20以上の団体っていくつある？")
    assert found and f"{len(big)}団体" in head and all(p.name in head for p in big)
    small = [p for p in partners(engine) if p.members < 10]
    found, head, _ = first_line(engine, "構成自治体数が10未満の団体は？")
    assert found and all(p.name in head for p in small)
    over = [p for p in partners(engine) if p.members > 23]  # 超える leaves 23 itself out
    found, head, _ = first_line(engine, "構成自治体数が23を超える団体はいくつ？")
    assert found and f"{len(over)}団体" in head


def test_max_min_and_top_n_by_any_wording(engine: Engine) -> None:
    ps = sorted(partners(engine), key=lambda p: -p.members)
    for question in ("いちばんメンバーが少ない協定先どこ", "構成自治体数が最少の団体は？"):
        found, head, text = first_line(engine, question)
        assert found and ps[-1].name in head and ps[0].name not in head, (question, text)
    found, head, _ = first_line(engine, "構成自治体数のtop3")
    assert found and all(p.name in head for p in ps[:3]) and ps[3].name not in head
    mayors = [p for p in ps if p.name.endswith("市長会")]
    found, head, _ = first_line(engine, "市長会で構成自治体が最も少ないところは？")
    assert found and mayors[-1].name in head


def test_equal_counts_and_the_same_day(engine: Engine) -> None:
    ps = partners(engine)
    found, head, _ = first_line(engine, "構成自治体数がまったく同じ団体ってある？")
    assert found and head.startswith("はい")
    pairs = [p for p in ps if sum(q.members == p.members for q in ps) > 1]
    assert pairs and all(p.name in head for p in pairs)
    gunma = next(p for p in ps if p.name == "群馬県市長会")
    same_day = [p for p in ps if p.agreed == gunma.agreed and p != gunma]
    found, head, _ = first_line(engine, "群馬県市長会と同じ日に協定を結んだ団体は？")
    assert found and all(p.name in head for p in same_day)
    found, head, _ = first_line(engine, "奈良県町村会と同じ日に協定を結んだ団体はある？")
    assert found and head.startswith("いいえ")


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("北海道町村会の構成自治体数って144で合ってる？", True),
        ("広島県町村会の構成自治体は12ですよね", False),
        ("千葉県市長会って37自治体で合ってる？", True),
        ("広域連携協定の構成自治体数の合計は400ですよね？", False),
        ("構成自治体数が200以上の団体ってある？", False),
        ("北海道町村会と協定を結んだのは令和3年でしたよね？", False),
        ("北海道町村会と協定を結んだのは2016年4月26日でしたよね？", True),
        ("平成27年度の時点で広域連携協定を結んだ自治体はあった？", False),
        ("令和2年度のHP会員登録自治体は269で合ってる？", True),
        ("令和2年度の合計は1000ですよね？", False),
        ("元年度から3年度まで広域連携協定締結自治体はずっと同じ？", True),
    ],
)
def test_yes_no_on_a_stated_figure_or_date_leads_with_the_answer(
    engine: Engine, question: str, yes: bool
) -> None:
    found, head, text = first_line(engine, question)
    assert found, text
    assert head.startswith("はい" if yes else "いいえ"), text


def test_a_wrong_figure_is_corrected_with_the_recorded_one(engine: Engine) -> None:
    hiroshima = next(p for p in partners(engine) if p.name == "広島県町村会")
    _, head, _ = first_line(engine, "広島県町村会の構成自治体は12ですよね")
    assert f"{hiroshima.members}自治体です" in head


def test_yearly_count_comparisons(engine: Engine) -> None:
    counts = engine.store.counts
    total, wards = counts.row("total"), counts.row("ward-exchange")
    first_over = next(y for y, v in total.values if v is not None and v > 1000)
    found, head, _ = first_line(engine, "連携自治体数の合計が初めて1,000を超えたのは何年度？")
    assert found and f"{first_over}年度" in head
    found, head, _ = first_line(engine, "各区交流自治体が初めて800以上になったのはいつ？")
    assert found and f"{next(y for y, v in wards.values if v and v >= 800)}年度" in head
    rises = [(b - a, y) for (_, a), (y, b) in zip(total.values, total.values[1:], strict=False) if a and b]
    found, head, _ = first_line(engine, "合計がいちばん増えたのはどの年度？")
    assert found and f"{max(rises)[1]}年度" in head and f"+{max(rises)[0]}" in head
    found, head, _ = first_line(engine, "合計が一番伸びなかった年度は？")
    assert found and f"{min(rises)[1]}年度" in head
    found, head, _ = first_line(engine, "各区交流自治体 R2→R3 何増えた")
    assert found and f"{(wards.value(2021) or 0) - (wards.value(2020) or 0):+}" in head
    found, head, _ = first_line(engine, "27→3年度で全体でどれだけ増えた？")
    assert found and f"{total.change:+}" in head
    found, head, _ = first_line(engine, "令和3年度は前年度から合計がどれだけ増えた？")
    assert found and f"{(total.value(2021) or 0) - (total.value(2020) or 0):+}" in head


def test_years_with_no_increase_and_the_overlap(engine: Engine) -> None:
    counts = engine.store.counts
    found, head, _ = first_line(
        engine, "全国連携HP会員登録自治体数が前年度から増えなかった年度ってありますか？"
    )
    assert found and head.startswith("はい") and "2021年度" in head
    parts = sum(r.value(2021) or 0 for r in counts.rows if r.id != "total")
    overlap = parts - (counts.row("total").value(2021) or 0)
    found, head, _ = first_line(engine, "3年度について3つの区分を単純に足した数と合計の差は？")
    assert found and head.startswith(f"{overlap}です")
    found, head, _ = first_line(engine, "合計が各区分を足した数と合わないのはなぜ？")
    assert found and "重複" in head


def test_the_as_of_footnote_is_explained(engine: Engine) -> None:
    found, head, text = first_line(engine, "推移表の※各年8月1日現在ってどういう意味")
    assert found and "8月1日時点" in head
    assert "連携自治体数の推移（L" in text


@pytest.mark.parametrize(
    "question",
    [
        "2030年度の連携自治体数の合計は？",
        "平成20年度の各区交流自治体数は？",
        "2020年に協定を結んだ団体の構成自治体数の合計は？",
        "大阪府市長会の構成自治体数は？",
    ],
)
def test_outside_the_tables_is_not_found(engine: Engine, question: str) -> None:
    found, _, text = first_line(engine, question)
    assert not found, text


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("北海道町村会との協定はいつ？", "agreement_date"),
        ("中間まとめがHPで公表されたのはいつですか", "when"),
        ("連携協定を結んだ団体の一覧は？", "partners_list"),
    ],
)
def test_questions_about_one_record_are_not_taken_by_the_table_layer(
    engine: Engine, question: str, intent: str
) -> None:
    answer = engine.ask(question, today=TODAY)
    assert answer.found and answer.intent == intent
    assert not answer.summary.startswith(("はい", "いいえ"))


def test_which_partners_a_stated_figure_adds_up_to(engine: Engine) -> None:
    ps = partners(engine)
    counts = engine.store.counts
    agreed_by_2018 = [p for p in ps if p.agreed.isoformat() <= f"2018-{counts.as_of}"]
    figure = sum(p.members for p in agreed_by_2018)
    assert figure == counts.row("agreement").value(2018)  # the yearly row counts exactly these
    found, head, _ = first_line(engine, f"{figure}ってどの団体の構成自治体数の合計？")
    assert found and head.startswith(f"{figure}自治体は") and all(p.name in head for p in agreed_by_2018)
    mayors = sum(p.members for p in ps if p.name.endswith("市長会"))
    found, head, _ = first_line(engine, f"構成自治体数の合計が{mayors}になるのはどの団体？")
    assert found and "市長会" in head
    found, _, text = first_line(engine, "構成自治体数の合計が100になるのはどの団体？")
    assert not found, text


def test_a_kind_asked_when_lists_each_signing_day(engine: Engine) -> None:
    mayors = [p for p in partners(engine) if p.name.endswith("市長会")]
    found, head, _ = first_line(engine, "市長会と協定を結んだのはいつ？")
    assert found and all(p.name in head for p in mayors)
    assert all(f"{p.agreed.year}年" in head for p in mayors)


def test_a_stated_member_count_names_the_partners_with_it_not_a_sum(engine: Engine) -> None:
    with_23 = [p for p in partners(engine) if p.members == 23]
    found, head, _ = first_line(engine, "構成自治体数が23の団体ってどこ？")
    assert found and with_23 and all(p.name in head for p in with_23)
    found, head, _ = first_line(engine, "13団体の構成自治体数、ぜんぶ足すといくつ？")
    assert found and str(engine.store.partners.total) in head


def test_mean_every_year_and_the_total_first(engine: Engine) -> None:
    ps = partners(engine)
    found, head, _ = first_line(engine, "構成自治体数の平均は？")
    assert found and f"{sum(p.members for p in ps) / len(ps):.1f}" in head
    found, head, _ = first_line(engine, "合計は毎年増えてる？")
    assert found and head.startswith("はい")
    found, head, _ = first_line(engine, "HP会員登録自治体は毎年増えていますか")
    assert found and head.startswith("いいえ")
    total = engine.store.counts.row("total")
    found, head, _ = first_line(engine, "令和3年度の連携自治体数はいくつ？")
    assert found and f"{total.value(2021):,}" in head


def test_count_questions_whatever_their_intent(engine: Engine) -> None:
    agreement = engine.store.counts.row("agreement")
    year = next(y for y, v in agreement.values if v is not None and v > 300)
    found, head, _ = first_line(engine, "広域連携協定締結自治体がはじめて300を超えた年度")
    assert found and f"{year}年度" in head
    found, head, _ = first_line(engine, "各年8月1日現在とはどういう意味？")
    assert found and "8月1日時点" in head


def test_whether_any_partner_signed_in_a_year(engine: Engine) -> None:
    signed_2018 = [p for p in partners(engine) if p.agreed.year == 2018]
    found, head, _ = first_line(engine, "2018年に協定を結んだ団体はある？")
    assert found and head.startswith("はい") and all(p.name in head for p in signed_2018)
    found, head, _ = first_line(engine, "令和3年に協定を結んだ団体はある？")
    assert found and head.startswith("いいえ")


def test_the_year_a_row_reached_a_stated_figure_and_english_extremes(engine: Engine) -> None:
    hp = engine.store.counts.row("hp-member")
    value = hp.value(2020) or 0
    first = next(y for y, v in hp.values if v == value)
    found, head, _ = first_line(engine, f"HP会員登録自治体が{value}になったのはいつ？")
    assert found and f"{first}年度" in head
    top = max(partners(engine), key=lambda p: p.members)
    found, head, _ = first_line(engine, "構成自治体数のmaxは？")
    assert found and top.name in head


def test_a_kind_alone_is_counted(engine: Engine) -> None:
    towns = [p for p in partners(engine) if p.name.endswith("町村会")]
    found, head, _ = first_line(engine, "町村会はいくつ？")
    assert found and f"{len(towns)}団体" in head
