"""Charts: PNG size, no missing glyphs, text tables, the files_upload_v2 flow, the CLI, lazy matplotlib."""

from __future__ import annotations

import io
import json
import logging
import struct
import subprocess
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from slack_sdk import WebClient

from fakeslack import FakeSlack
from renkei_bot import charts, cli, wording
from renkei_bot.chart_data import count_series, event_counts, fiscal_year_label, year_label
from renkei_bot.paths import DATA_DIR
from renkei_bot.records import CountRow, CountTable, DateSpan, Event, Flag
from renkei_bot.slack.chart_upload import post_chart

YEARS = (2015, 2016, 2017, 2018, 2019, 2020, 2021)


def _row(row_id: str, label: str, values: Sequence[int | None], change: int) -> CountRow:
    return CountRow(row_id, label, tuple(zip(YEARS, values, strict=True)), change, 190)


# the figures of 連携自治体数の推移 as the source states them
TABLE = CountTable(
    years=YEARS,
    rows=(
        _row("ward-exchange", "各区交流自治体", (574, 641, 675, 694, 700, 732, 832), 258),
        _row("hp-members", "全国連携 HP 会員登録自治体", (149, 197, 237, 261, 266, 269, 269), 120),
        _row("agreement", "広域連携協定 締結自治体", (None, 210, 236, 321, 372, 372, 372), 372),
        _row("total", "合計", (660, 878, 926, 984, 1004, 1035, 1096), 436),
    ),
    as_of="08-01",
    notes=("各年8月1日現在。", "合計は、各区分の合算値から重複している自治体を除いた実数"),
)


def _event(
    n: int, day: date | None, category: str, *, after: date | None = None, before: date | None = None
) -> Event:
    span = DateSpan(day, "day" if day else "unknown", "", after=after, before=before)
    return Event(f"ev-{n}", span, None, f"出来事{n}", category)


EVENTS = (
    _event(1, date(2014, 9, 16), "区長会総会"),
    _event(2, date(2016, 4, 26), "連携協定"),
    _event(3, date(2016, 5, 1), "連携協定"),
    _event(4, date(2016, 11, 2), "イベント・ＰＲ"),
    _event(5, None, "意見交換", after=date(2017, 1, 19), before=date(2017, 1, 27)),
    _event(6, None, "意見交換", after=date(2017, 12, 1), before=date(2018, 1, 5)),
)


@dataclass(frozen=True)
class Records:
    """Records handed over the way renkei_bot.store.Store hands them (charts.ChartRecords)."""

    counts: CountTable
    events: Sequence[Event]


RECORDS = Records(TABLE, EVENTS)


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def render_quietly(
    render: object, *args: object, caplog: pytest.LogCaptureFixture
) -> tuple[bytes, list[str]]:
    """Render and return every warning and matplotlib log line that was raised on the way."""
    with (
        warnings.catch_warnings(record=True) as caught,
        caplog.at_level(logging.WARNING, logger="matplotlib"),
    ):
        warnings.simplefilter("always")
        png = render(*args)  # type: ignore[operator]
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    return png, messages


# --- the pictures ---------------------------------------------------------------------------
def test_counts_png_has_the_expected_size() -> None:
    assert png_size(charts.render_counts(TABLE)) == (1200, 720)
    assert png_size(charts.render_counts(TABLE, size=(800, 480), dpi=80)) == (800, 480)


def test_events_png_has_the_expected_size() -> None:
    assert png_size(charts.render_events(EVENTS)) == (1200, 720)


@pytest.mark.parametrize(
    ("render", "records"), [(charts.render_counts, TABLE), (charts.render_events, EVENTS)]
)
def test_no_glyph_is_missing(render: object, records: object, caplog: pytest.LogCaptureFixture) -> None:
    _, messages = render_quietly(render, records, caplog=caplog)
    bad = [m for m in messages if "missing from" in m or "Glyph" in m or "findfont" in m]
    assert not bad


def test_the_glyph_check_would_catch_a_font_without_japanese(caplog: pytest.LogCaptureFixture) -> None:
    # the same capture, around a figure drawn in DejaVu Sans, which has no kanji: the warning shows
    from matplotlib.figure import Figure

    def draw() -> bytes:
        fig = Figure(figsize=(2, 1))
        fig.text(0.1, 0.5, "連携", family="DejaVu Sans")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return buf.getvalue()

    _, messages = render_quietly(draw, caplog=caplog)
    assert any("missing from" in m for m in messages)


def test_the_japanese_font_comes_from_the_package() -> None:
    charts.render_counts(TABLE)
    from matplotlib import font_manager

    found = font_manager.findfont(font_manager.FontProperties(family=charts.FONT), fallback_to_default=False)
    assert Path(found).name == "ipaexg.ttf"
    assert "matplotlib_fontja" in found


def test_the_same_records_give_the_same_bytes() -> None:
    assert charts.render_counts(TABLE) == charts.render_counts(TABLE)


# --- what the charts say -----------------------------------------------------------------------
def test_labels_carry_both_calendars() -> None:
    assert fiscal_year_label(2015) == "2015年度\n平成27年度"
    assert fiscal_year_label(2019) == "2019年度\n令和元年度"
    assert year_label(2014) == "2014年\n平成26年"


def test_the_total_is_a_line_of_its_own_not_a_series() -> None:
    data = count_series(TABLE)
    assert [r.id for r in data.series] == ["ward-exchange", "hp-members", "agreement"]
    assert data.total is not None and data.total.value(2021) == 1096
    assert data.as_of == (8, 1)


def test_counts_table_text() -> None:
    text = charts.counts_table_text(TABLE)
    assert "2015年度（平成27年度）" in text and "2019年度（令和元年度）" in text
    assert "各年8月1日現在" in text
    assert wording.CHART_TOTAL_LABEL in text and "重複" in text
    line_2015 = next(line for line in text.splitlines() if line.startswith("2015年度"))
    assert line_2015.split()[1:] == ["574", "149", "—", "660"]
    assert "1,096" in text


def test_a_flagged_figure_is_marked() -> None:
    flagged = CountTable(
        TABLE.years, TABLE.rows, TABLE.as_of, TABLE.notes, (Flag("agreement", 2019, "要確認"),)
    )
    text = charts.counts_table_text(flagged)
    assert "372＊" in text and "要確認" in text
    assert png_size(charts.render_counts(flagged)) == (1200, 720)


def test_alt_texts_describe_the_charts() -> None:
    alt = charts.counts_alt_text(TABLE)
    assert alt.startswith(wording.CHART_COUNTS_TITLE)
    assert "660→878" in alt and "1,096" in alt and len(alt) <= 1000
    events_alt = charts.events_alt_text(EVENTS)
    assert "2016年3件" in events_alt and "連携協定2件" in events_alt
    assert "2015年0件" in events_alt  # a year with nothing is shown, not skipped


def test_events_are_counted_by_calendar_year() -> None:
    data = event_counts(EVENTS)
    assert data.years == (2014, 2015, 2016, 2017)
    assert data.count(2016, "連携協定") == 2
    assert data.count(2017, "意見交換") == 1  # undated, but both its neighbours are in 2017
    assert data.undated == 1  # bounded by 2017 and 2018: the year is not known
    assert data.categories[0] == "連携協定"
    text = charts.events_table_text(EVENTS)
    assert "年の分からない出来事1件" in text


def test_small_categories_are_merged_into_other() -> None:
    many = [_event(i, date(2016, 1, 1 + i), f"分類{i % 5}") for i in range(20)] + [
        _event(99, date(2016, 2, 1), "分類0")
    ]
    data = event_counts(many, max_categories=3)
    assert data.categories == ("分類0", "分類1", wording.CHART_OTHER)
    assert data.merged == ("分類2", "分類3", "分類4")
    assert data.count(2016, wording.CHART_OTHER) == 12
    assert sum(data.counts.values()) == len(many)


def test_an_unknown_kind_names_the_choices() -> None:
    with pytest.raises(ValueError, match="counts, events"):
        charts.build_chart(RECORDS, "pie")


# --- Slack: files_upload_v2 against the fake Web API --------------------------------------------
def _upload_flow(slack: FakeSlack) -> list[str]:
    return [c.method for c in slack.calls() if c.method != "auth.test"]


@pytest.mark.parametrize("thread_ts", [None, "1700000000.000100"])
def test_post_chart_uploads_with_alt_text_and_the_table(thread_ts: str | None) -> None:
    with FakeSlack() as slack:
        client = WebClient(token="xoxb-test", base_url=slack.url)
        post_chart(client, store=RECORDS, kind="counts", channel="C123", thread_ts=thread_ts)
        assert _upload_flow(slack) == ["files.getUploadURLExternal", "upload", "files.completeUploadExternal"]
        (get_url,) = slack.calls("files.getUploadURLExternal")
        assert get_url.body["filename"] == "renkei-counts.png"
        assert get_url.body["alt_txt"] == charts.counts_alt_text(TABLE)
        (uploaded,) = slack.uploads().values()
        assert png_size(uploaded) == (1200, 720)
        assert int(get_url.body["length"]) == len(uploaded)
        (complete,) = slack.calls("files.completeUploadExternal")
        assert complete.body["channel_id"] == "C123"
        assert complete.body.get("thread_ts") == thread_ts
        files = json.loads(complete.body["files"])
        assert files[0]["title"] == wording.CHART_COUNTS_TITLE
        assert "2021年度（令和3年度）" in complete.body["initial_comment"]
        assert complete.body["initial_comment"].startswith("```")


def test_post_chart_events() -> None:
    with FakeSlack() as slack:
        client = WebClient(token="xoxb-test", base_url=slack.url)
        post_chart(client, store=RECORDS, kind="events", channel="C9", thread_ts=None)
        (complete,) = slack.calls("files.completeUploadExternal")
        assert json.loads(complete.body["files"])[0]["title"] == wording.CHART_EVENTS_TITLE


def test_a_failed_upload_posts_the_table_instead() -> None:
    with FakeSlack() as slack:
        slack.fail("files.getUploadURLExternal", status=200, retry_after=None, error="missing_scope")
        client = WebClient(token="xoxb-test", base_url=slack.url)
        post_chart(client, store=RECORDS, kind="counts", channel="C123", thread_ts="1700000000.000200")
        assert not slack.calls("files.completeUploadExternal")
        (message,) = slack.messages("C123")
        assert message["text"].startswith(wording.CHART_FAILED)
        assert "2015年度（平成27年度）" in message["text"]
        (post,) = slack.calls("chat.postMessage")
        assert post.body["thread_ts"] == "1700000000.000200"


# --- the CLI -----------------------------------------------------------------------------------
def test_cli_writes_the_png(tmp_path: Path) -> None:
    out = tmp_path / "charts" / "counts.png"
    out.parent.mkdir()
    assert cli.main(["chart", "counts", "-o", str(out), "--data", str(DATA_DIR)]) == 0
    assert png_size(out.read_bytes()) == (1200, 720)
    assert [p.name for p in out.parent.iterdir()] == ["counts.png"]  # no temporary file left behind


def test_cli_into_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "counts.png"
    assert cli.main(["chart", "counts", "-o", str(out), "--data", str(DATA_DIR)]) == 2
    assert f"the folder {out.parent} does not exist" in capsys.readouterr().err
    assert not out.parent.exists()  # no silent mkdir


def test_cli_without_output_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["chart", "events", "--data", str(DATA_DIR)]) == 0
    assert wording.CHART_EVENTS_TITLE in capsys.readouterr().out


# --- matplotlib stays out of ask and serve --------------------------------------------------------
def test_matplotlib_is_not_imported_until_a_chart_is_drawn() -> None:
    code = (
        "import importlib, sys\n"
        "import renkei_bot.cli, renkei_bot.engine, renkei_bot.charts, renkei_bot.commands.chart\n"
        "renkei_bot.cli.build_parser()\n"
        "for name in ('renkei_bot.slack.app', 'renkei_bot.slack.chart_upload'):\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError as exc:\n"
        "        if exc.name != name:\n"
        "            raise\n"
        "assert 'matplotlib' not in sys.modules, sorted(m for m in sys.modules if 'matplotlib' in m)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
