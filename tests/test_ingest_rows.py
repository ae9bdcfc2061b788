"""The hard rows of the chronology, each read from the real document."""

from __future__ import annotations

from datetime import date

from renkei_bot.ingest import Ingested
from renkei_bot.records import Event


def at(ingested: Ingested, line: int) -> list[Event]:
    return [e for e in ingested.events if line in e.lines]


def one(ingested: Ingested, line: int) -> Event:
    (event,) = at(ingested, line)
    return event


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_year_headers_carry_over_to_the_following_rows(ingested: Ingested) -> None:
    assert one(ingested, 7).date.start == d("2014-09-10")
    assert one(ingested, 11).date.start == d("2014-12-16")  # still 平成26年
    assert one(ingested, 12).date.start == d("2015-01-16")  # 平成27年 1月16日
    assert one(ingested, 14).date.start == d("2015-03-03")
    assert one(ingested, 14).fiscal_year == 2014 and one(ingested, 16).fiscal_year == 2015


def test_a_header_inside_a_row_with_html(ingested: Ingested) -> None:
    event = one(ingested, 41)  # <p>平成28年</p> <p>1月15日</p>
    assert event.date.start == d("2016-01-15")
    assert event.date.text == "平成28年 1月15日"
    assert one(ingested, 42).date.start == d("2016-04-15")


def test_gannen_is_year_one(ingested: Ingested) -> None:
    event = one(ingested, 121)  # 令和元年 5月14日～ 6月20日
    assert (event.date.start, event.date.end) == (d("2019-05-14"), d("2019-06-20"))
    assert one(ingested, 122).date.start == d("2019-05-15")


def test_ranges_within_and_across_months_and_into_a_new_year(ingested: Ingested) -> None:
    within = one(ingested, 38)  # 11月18～23日
    assert (within.date.start, within.date.end) == (d("2015-11-18"), d("2015-11-23"))
    short_end = one(ingested, 134)  # 10月14日～ 18日
    assert (short_end.date.start, short_end.date.end) == (d("2019-10-14"), d("2019-10-18"))
    across = one(ingested, 72)  # 8月21日～ 9月29日
    assert (across.date.start, across.date.end) == (d("2017-08-21"), d("2017-09-29"))
    new_year = one(ingested, 110)  # <p>平成31年 1月8日～ 2月14日</p>
    assert (new_year.date.start, new_year.date.end) == (d("2019-01-08"), d("2019-02-14"))
    assert new_year.fiscal_year == 2018


def test_lists_of_days(ingested: Ingested) -> None:
    assert one(ingested, 17).date.days == (d("2015-05-30"), d("2015-05-31"))  # 5月30、31日
    assert one(ingested, 90).date.days == (d("2018-06-02"), d("2018-06-03"))  # 6月2日、3日
    kitte = one(ingested, 137)  # 10月26日、 27日
    assert kitte.date.days == (d("2019-10-26"), d("2019-10-27"))
    assert (kitte.date.start, kitte.date.end) == (d("2019-10-26"), d("2019-10-27"))


def test_a_row_with_two_numbered_dates_is_two_events(ingested: Ingested) -> None:
    first, second = at(ingested, 101)
    assert (first.id, first.date.start, first.date.end) == ("ev-20181007-1", d("2018-10-07"), None)
    assert (second.id, second.date.start, second.date.end) == (
        "ev-20181006-1",
        d("2018-10-06"),
        d("2018-10-14"),
    )
    assert first.title.endswith("「Nipponのシルクと光」") and second.title.endswith(
        "「北海道 MEGA グルメフェス」"
    )
    assert first.venue == "大井競馬場 L-WING1階" and second.venue == "大井競馬場 ウマイルスクエア"
    assert any("ファッションショー" in x for x in first.details)
    assert not any("ファッションショー" in x for x in second.details)
    assert any("ホタテ釣り" in x for x in second.details)
    assert "tokyo-keiba" in first.refs and "snow-brand-megmilk" in second.refs


def test_a_month_only_date(ingested: Ingested) -> None:
    event = one(ingested, 155)  # 令和3年 1月
    assert (event.date.precision, event.date.start, event.id) == ("month", d("2021-01-01"), "ev-202101-1")
    assert event.fiscal_year == 2020


def test_dates_mentioned_inside_a_row_get_their_full_year(ingested: Ingested) -> None:
    assert [(m.date, m.text) for m in one(ingested, 15).mentions] == [
        (d("2015-05-20"), "各区意見を創生本部に提出する旨確認→5/20提出")
    ]
    assert [m.date for m in one(ingested, 34).mentions] == [d("2015-10-16")]
    assert one(ingested, 34).mentions[0].text == "10/16 区長会総会で結果報告"
    committee = one(ingested, 51)  # a 平成28年10月 row: its 3/23 falls in 2017
    assert [m.date for m in committee.mentions] == [d("2016-10-31"), d("2016-12-13"), d("2017-03-23")]
    assert committee.mentions[2].text == "第3回 東京開催(3/23)"
    assert [m.date for m in one(ingested, 52).mentions] == [d("2016-11-20")]
    assert [m.date for m in one(ingested, 54).mentions] == [d("2016-11-27")]


def test_era_dates_in_details_are_taken_as_written(ingested: Ingested) -> None:
    event = one(ingested, 72)  # 平成29年8月21日（月） … 平成29年8月24日（木）・25日（金）
    assert [m.date for m in event.mentions] == [
        d("2017-08-21"),
        d("2017-08-24"),
        d("2017-08-25"),
        d("2017-08-25"),
    ]
    assert [m.date for m in one(ingested, 153).mentions] == [d("2020-12-21")]  # 令和2年12月21日


def test_two_rows_on_the_same_date(ingested: Ingested) -> None:
    assert [e.id for e in at(ingested, 43) + at(ingested, 45)] == ["ev-20160426-1", "ev-20160426-2"]
    same = one(ingested, 23)  # 同日
    assert (same.date.text, same.date.start, same.id) == ("同日", d("2015-06-30"), "ev-20150630-2")
    assert one(ingested, 25).date.start == d("2015-07-09")


def test_the_undated_row_keeps_an_unknown_date_between_its_neighbours(ingested: Ingested) -> None:
    event = one(ingested, 58)
    assert event.id == "ev-undated-1"
    assert (event.date.precision, event.date.start, event.date.text) == ("unknown", None, "")
    assert (event.date.after, event.date.before) == (d("2017-01-19"), d("2017-01-27"))
    assert event.fiscal_year is None and event.mentions == ()
    assert event.title == "第2回全国連携シンポジウムの開催" and event.ordinal == 2


def test_html_leftovers_are_stripped(ingested: Ingested) -> None:
    for event in ingested.events:
        for text in (event.title, *event.details, event.venue or "", event.date.text):
            assert "<" not in text and ">" not in text and "style=" not in text, (event.id, text)


def test_bullets_and_numbered_sub_items_are_kept_as_details(ingested: Ingested) -> None:
    assert one(ingested, 8).details == (
        "特別区全国連携プロジェクトの実施を決定",
        "全国の市町村に向けてプロジェクトをお知らせ",
        "連携・交流についてのアンケートも実施",  # 連携・交流 is not split
    )
    steps = one(ingested, 55).details
    assert steps[0] == "①第1回委員会の概要" and steps[-1] == "⑦その他" and len(steps) == 7
    lecture = one(ingested, 77).details
    assert (
        "(1)リレー講義" in lecture
        and "(2)特別区全国連携プロジェクトについて 菅野 秀昭 特別区全国連携プロジェクト連絡会座長 (新宿区総合政策部企画政策課長)"
        in lecture
    )


def test_typos_are_corrected_in_the_data_and_the_genuine_kyoto_city_is_kept(ingested: Ingested) -> None:
    signing = one(ingested, 43)
    assert signing.title == "北海道町村会、京都府市長会・京都府町村会との連携協定締結式の実施"
    assert signing.corrections == ("fix-kyoto-shichokai", "fix-kyoto-chosonkai")
    assert {"hokkaido-chosonkai", "kyoto-fu-shichokai", "kyoto-fu-chosonkai"} <= set(signing.refs)
    assert one(ingested, 55).title == "第2回東京23区・京都府市長会・京都府町村会連携協力推進委員会の開催"
    assert "③京都市(立藤 聡 秘書広報課長)" in one(ingested, 58).details
    assert "kyoto-shi" in one(ingested, 58).refs and one(ingested, 58).corrections == ()
    assert (
        one(ingested, 70).title
        == "全国連携プロジェクトホームページにおいて、「京都府市町村魅力発信コーナー」運用開始"
    )
    assert "③魅力再発見丼フェスティバル" in one(ingested, 73).details
    assert any("群馬県嬬恋村" in x for x in one(ingested, 95).details)
    assert one(ingested, 56).venue == "浅草「まるごとにっぽん」(台東区浅草2-6-7)"
    written = "\n".join(t for e in ingested.events for t in (e.title, *e.details))
    for typo in ("京都市市長会", "京都市町村", "嬭恋村", "まるごとにつぼん", "井フェスティバル"):
        assert typo not in written
    assert "井出 政次" in written  # a genuine 井 is untouched


def test_categories_series_and_references(ingested: Ingested) -> None:
    meeting = one(ingested, 42)  # discusses agreement drafts, stays a 区長会総会
    assert (meeting.category, meeting.series) == ("区長会総会", "series-kuchokai-sokai")
    assert one(ingested, 7).category == "訪問・意見交換" and one(ingested, 7).series is None
    exhibition = one(ingested, 168)  # 全国連携展示（東北絆まつり）
    assert (exhibition.category, exhibition.series, exhibition.ordinal) == (
        "全国連携展示",
        "series-exhibition",
        2,
    )
    assert one(ingested, 79).category == "国の方針" and one(ingested, 79).series == "series-sosei"
    assert one(ingested, 98).category == "連携協定" and "dai-ichi-life" in one(ingested, 98).refs
    assert one(ingested, 45).venue == "東京区政会館20階" and "kusei-kaikan" in one(ingested, 45).refs
    assert "minato" in one(ingested, 52).refs  # 港区立南桜公園
    assert "hokkaido" in one(ingested, 97).refs or "hokkaido-chosonkai" in one(ingested, 97).refs
    assert "kita" not in {r for e in ingested.events for r in e.refs}  # 北区 is never named
    people = set(one(ingested, 45).refs)
    assert {"person-osugi-satoru", "person-nishikawa-taichiro", "person-meguro-yoshikazu"} <= people
    assert set(one(ingested, 63).refs) >= {
        "series-kyoto-committee",
        "kyoto-fu-shichokai",
        "kyoto-fu-chosonkai",
    }
