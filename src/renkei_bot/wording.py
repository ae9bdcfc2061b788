"""Every fixed Japanese sentence the bot shows its users, in one place.

Functions take data and return text; nothing here decides what to answer.
"""

from __future__ import annotations

from collections.abc import Sequence

DOCUMENT = "「特別区全国連携プロジェクト これまでの経過」"

APOLOGY = "すみません、処理中にエラーが起きました。時間をおいてもう一度お試しください。"
EMPTY_QUESTION = "質問が空でした。たとえば「北海道町村会との協定はいつ？」のように聞いてください。"
TOO_LONG = "質問が長すぎるため、先頭の{limit}文字だけを読みました。"
NOT_FOUND = "その件について、記録には見当たりません。"
NOT_FOUND_PERIOD = "{period}の記録はありません。記録があるのは{first}から{last}までです。"
UNKNOWN_NAME = "「{name}」は記録にない名前です。"
NO_ANNIVERSARY = "{day}にあたる出来事は記録にありません。"
CHART_FAILED = "グラフを作れませんでした。表で代わりにお見せします。"


def default_title(found: bool) -> str:
    return "特別区全国連携プロジェクト" if found else "記録が見つかりません"


def more_count(rest: int) -> str:
    return f"…ほか {rest} 件"


def more_button(rest: int) -> str:
    return f"もっと見る（残り {rest} 件）"


def did_you_mean(names: Sequence[str]) -> str:
    return "もしかして: " + "、".join(names)


def which_one(names: Sequence[str]) -> str:
    return "どれのことですか？ 候補: " + "、".join(names)


def suggestions_heading() -> str:
    return "こんな質問ができます:"


def sources_line(sources: Sequence[str]) -> str:
    return "出典: " + DOCUMENT + " " + "、".join(sources)


def too_long(limit: int) -> str:
    return TOO_LONG.format(limit=limit)
