"""The charts as PNG bytes: 連携自治体数の推移 (counts) and events per year by category (events).

matplotlib is imported inside the functions, so `ask` and `serve` start without it. The Japanese
font is IPAex Gothic from the matplotlib-fontja package: no system font is needed.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from renkei_bot import wording
from renkei_bot.chart_data import (
    count_series,
    counts_alt_text,
    counts_table_text,
    event_counts,
    events_alt_text,
    events_table_text,
    fiscal_year_label,
    flagged,
    number,
    wrap,
    year_label,
)
from renkei_bot.dates import fiscal_era_text
from renkei_bot.records import CountTable, Event

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CHART_KINDS",
    "Chart",
    "ChartRecords",
    "build_chart",
    "counts_alt_text",
    "counts_table_text",
    "events_alt_text",
    "events_table_text",
    "render_counts",
    "render_events",
]

CHART_KINDS: tuple[str, ...] = ("counts", "events")
SIZE = (1200, 720)  # pixels
DPI = 100
FONT = "IPAexGothic"
_SERIES_COLORS = ("#4C78A8", "#72B7B2", "#F58518", "#B279A2", "#9D755D")
_EVENT_COLORS = (
    "#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#EECA3B",
    "#B279A2", "#FF9DA6", "#9D755D", "#BAB0AC", "#2F4B7C", "#A05195",
)  # fmt: skip
_TOTAL_COLOR = "#222222"
_RC: dict[Any, Any] = {
    "font.family": [FONT],
    "font.size": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.unicode_minus": False,
}
# matplotlib is not thread-safe, and the Slack app may be asked for two charts at once
_LOCK = threading.Lock()


class ChartRecords(Protocol):
    """What a chart is drawn from: renkei_bot.store.Store satisfies it."""

    @property
    def counts(self) -> CountTable: ...

    @property
    def events(self) -> Sequence[Event]: ...


@dataclass(frozen=True, slots=True)
class Chart:
    kind: str
    png: bytes
    title: str
    alt_text: str
    table_text: str  # the fallback, and what is posted beside the picture

    @property
    def filename(self) -> str:
        return f"renkei-{self.kind}.png"


def build_chart(store: ChartRecords, kind: str) -> Chart:
    """The chart of `kind` ("counts" or "events") from the store's records."""
    if kind == "counts":
        table = store.counts
        return Chart(
            kind,
            render_counts(table),
            wording.CHART_COUNTS_TITLE,
            counts_alt_text(table),
            counts_table_text(table),
        )
    if kind == "events":
        events = store.events
        return Chart(
            kind,
            render_events(events),
            wording.CHART_EVENTS_TITLE,
            events_alt_text(events),
            events_table_text(events),
        )
    raise ValueError(f"unknown chart {kind!r}: choose one of {', '.join(CHART_KINDS)}")


def _figure(size: tuple[int, int], dpi: int) -> Figure:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib_fontja  # noqa: F401  (registers IPAex Gothic with matplotlib's font manager)
    from matplotlib.figure import Figure

    return Figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi)


def _png(fig: Figure, dpi: int) -> bytes:
    buf = io.BytesIO()
    # no bbox_inches="tight": the picture keeps the size asked for; no Software key: same bytes each time
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


_TOP = 0.89  # the axes end here: the title is above
_NOTE_SIZE = 10.5  # points


def _notes(fig: Figure, notes: Sequence[str], size: tuple[int, int]) -> float:
    """Draw the notes at the foot of the figure, wrapped to its width; return where the axes may start."""
    # a full-width character is about one em wide: the notes take up to 84% of the width
    per_line = int(size[0] * 0.84 / (_NOTE_SIZE * fig.dpi / 72)) * 2
    lines = [line for note in notes for line in wrap(note, per_line)]
    fig.text(0.07, 0.025, "\n".join(lines), fontsize=_NOTE_SIZE, color="#444444", va="bottom")
    line_height = _NOTE_SIZE * 1.25 * fig.dpi / 72 / size[1]
    return 0.025 + len(lines) * line_height + 80 / size[1]  # 80 px for the two-line year labels


def render_counts(table: CountTable, *, size: tuple[int, int] = SIZE, dpi: int = DPI) -> bytes:
    """連携自治体数の推移: the category rows as grouped bars and the deduplicated total as a line."""
    data = count_series(table)
    with _LOCK:
        fig = _figure(size, dpi)
        import matplotlib

        with matplotlib.rc_context(_RC):
            notes = [wording.chart_counts_note(*data.as_of)]
            by_id = {r.id: r.label for r in table.rows}
            notes += [
                wording.chart_flag_note(by_id.get(f.row, f.row), fiscal_era_text(f.fiscal_year), f.note)
                for f in table.flags
            ]
            bottom = _notes(fig, notes, size)
            ax = fig.add_axes((0.07, bottom, 0.9, _TOP - bottom))
            xs = list(range(len(data.years)))
            n = max(len(data.series), 1)
            width = 0.8 / n
            for i, row in enumerate(data.series):
                offsets = [x - 0.4 + width * (i + 0.5) for x in xs]
                values = [row.value(fy) for fy in data.years]
                bars = ax.bar(
                    [o for o, v in zip(offsets, values, strict=True) if v is not None],
                    [v for v in values if v is not None],
                    width * 0.92,
                    label=row.label,
                    color=_SERIES_COLORS[i % len(_SERIES_COLORS)],
                )
                labels = [
                    number(v) + ("＊" if flagged(table, row.id, fy) else "")
                    for fy, v in zip(data.years, values, strict=True)
                    if v is not None
                ]
                ax.bar_label(bars, labels=labels, padding=2, fontsize=9, color="#333333")
                for offset, v in zip(offsets, values, strict=True):
                    if v is None:  # the source's — : no figure that year, which is not zero
                        ax.annotate(
                            wording.CHART_NO_VALUE, (offset, 0), xytext=(0, 3), textcoords="offset points",
                            ha="center", fontsize=9, color="#333333",
                        )  # fmt: skip
            top = max(
                (v for r in (*data.series, data.total) if r for _, v in r.values if v is not None), default=1
            )
            if data.total is not None:
                points = [(x, data.total.value(fy)) for x, fy in zip(xs, data.years, strict=True)]
                known = [(x, v) for x, v in points if v is not None]
                ax.plot(
                    [x for x, _ in known], [v for _, v in known], color=_TOTAL_COLOR, marker="o",
                    linewidth=2.5, markersize=7, label=wording.CHART_TOTAL_LABEL, zorder=3,
                )  # fmt: skip
                for x, v in known:
                    ax.annotate(
                        number(v), (x, v), xytext=(0, 9), textcoords="offset points", ha="center",
                        fontsize=12, color=_TOTAL_COLOR,
                    )  # fmt: skip
            ax.set_ylim(0, top * 1.18)
            ax.set_xticks(xs, [fiscal_year_label(fy) for fy in data.years])
            ax.set_ylabel(wording.CHART_COUNTS_AXIS)
            ax.yaxis.grid(True, color="#dddddd")
            ax.set_axisbelow(True)
            ax.legend(loc="upper left", frameon=False, fontsize=11)
            fig.suptitle(
                f"{wording.CHART_COUNTS_TITLE}（{wording.chart_as_of(*data.as_of)}）", fontsize=18, y=0.965
            )
            return _png(fig, dpi)


def render_events(events: Sequence[Event], *, size: tuple[int, int] = SIZE, dpi: int = DPI) -> bytes:
    """Events per calendar year, one stacked bar per year, one colour per category."""
    data = event_counts(events)
    with _LOCK:
        fig = _figure(size, dpi)
        import matplotlib
        from matplotlib.ticker import MaxNLocator

        with matplotlib.rc_context(_RC):
            note = wording.chart_events_note(data.undated, data.merged)
            bottom = _notes(fig, [note], size)
            ax = fig.add_axes((0.07, bottom, 0.66, _TOP - bottom))
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            xs = list(range(len(data.years)))
            bottoms = [0] * len(xs)
            for i, category in enumerate(data.categories):
                heights = [data.count(year, category) for year in data.years]
                ax.bar(
                    xs, heights, 0.7, bottom=bottoms, label=category, color=_EVENT_COLORS[i % len(_EVENT_COLORS)],
                    edgecolor="white", linewidth=0.6,
                )  # fmt: skip
                bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
            for x, total in zip(xs, bottoms, strict=True):
                ax.annotate(
                    str(total), (x, total), xytext=(0, 4), textcoords="offset points", ha="center",
                    fontsize=12,
                )  # fmt: skip
            ax.set_ylim(0, max(bottoms, default=1) * 1.12 + 1)
            ax.set_xticks(xs, [year_label(y) for y in data.years])
            ax.set_ylabel(wording.CHART_EVENTS_AXIS)
            ax.yaxis.grid(True, color="#dddddd")
            ax.set_axisbelow(True)
            handles, labels = ax.get_legend_handles_labels()
            # the biggest category is at the bottom of each bar, so list it last, as it is stacked
            fig.legend(
                handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(0.75, _TOP), frameon=False
            )
            fig.suptitle(wording.CHART_EVENTS_TITLE, fontsize=18, y=0.965)
            return _png(fig, dpi)
