"""Post a chart to Slack: the PNG with its alt text, and the text table beside it as the fallback.

Imported lazily by the Slack app when `/renkei chart` is asked for, because it pulls in matplotlib
the first time a chart is drawn.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from renkei_bot import charts, wording
from renkei_bot.answers.render import escape_mrkdwn

logger = logging.getLogger(__name__)


def table_text(store: charts.ChartRecords, kind: str) -> str:
    if kind == "counts":
        return charts.counts_table_text(store.counts)
    if kind == "events":
        return charts.events_table_text(store.events)
    raise ValueError(f"unknown chart {kind!r}: choose one of {', '.join(charts.CHART_KINDS)}")


def _code_block(text: str) -> str:
    # a code block keeps the columns of the table aligned in Slack's monospace font
    return f"```\n{escape_mrkdwn(text)}\n```"


def post_chart(
    client: WebClient,
    *,
    store: charts.ChartRecords,
    kind: str,
    channel: str,
    thread_ts: str | None,
) -> None:
    """Upload the chart of `kind` to `channel` (into the thread when `thread_ts` is given).

    The upload carries alt text and, as its comment, the table the chart is drawn from. If the chart
    cannot be drawn or uploaded, the table is posted as a message with wording.CHART_FAILED.
    """
    table = table_text(store, kind)  # raises ValueError for an unknown kind, before any drawing
    try:
        chart = charts.build_chart(store, kind)
        client.files_upload_v2(
            channel=channel,
            thread_ts=thread_ts,
            file=chart.png,
            filename=chart.filename,
            title=chart.title,
            alt_txt=chart.alt_text,
            initial_comment=_code_block(chart.table_text),
        )
    except Exception:  # any failure to draw or upload: the table still answers the question
        logger.exception(
            "chart %r could not be drawn or uploaded to %s; posting the table instead", kind, channel
        )
        client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            text=f"{wording.CHART_FAILED}\n{_code_block(table)}",
        )
