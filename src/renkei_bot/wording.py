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


# --- charts (renkei_bot.charts) -----------------------------------------------------------
CHART_COUNTS_TITLE = "連携自治体数の推移"
CHART_EVENTS_TITLE = "年ごとの出来事の数（分類別）"
CHART_COUNTS_AXIS = "自治体数"
CHART_EVENTS_AXIS = "件数"
CHART_TOTAL_LABEL = "合計（重複を除く）"
CHART_NO_VALUE = "—"


def chart_as_of(month: int, day: int) -> str:
    return f"各年{month}月{day}日現在"


def chart_counts_note(month: int, day: int) -> str:
    return (
        f"※{chart_as_of(month, day)}の数です。合計は各区分の合算値から重複している自治体を除いた実数のため、"
        "各区分の和にはなりません。"
    )


CHART_OTHER = "その他"


def chart_events_note(undated: int, merged: Sequence[str] = ()) -> str:
    note = "※暦年（1月～12月）ごとに数えています。"
    if undated:
        note += f"年の分からない出来事{undated}件は含みません。"
    if merged:
        note += f"「{CHART_OTHER}」は{'、'.join(merged)}です。"
    return note


def chart_flag_note(label: str, fiscal_year_text: str, note: str) -> str:
    return f"＊{label}の{fiscal_year_text}: {note}"


def chart_counts_alt(as_of: str, first: str, last: str, parts: Sequence[str]) -> str:
    return f"{CHART_COUNTS_TITLE}（{as_of}）のグラフ。{first}から{last}まで。" + "。".join(parts) + "。"


def chart_events_alt(
    first: str, last: str, total: int, years: Sequence[str], categories: Sequence[str]
) -> str:
    return (
        f"{CHART_EVENTS_TITLE}の積み上げ棒グラフ。{first}から{last}までの{total}件。"
        f"年ごと: {'、'.join(years)}。分類ごと: {'、'.join(categories)}。"
    )


# --- anniversaries (renkei_bot.answers.anniversaries, renkei_bot.daily) -----------------------
def anniversary_title(month: int, day: int) -> str:
    return f"N年前の今日 — {month}月{day}日"


def anniversary_summary(month: int, day: int, count: int) -> str:
    return f"{month}月{day}日は、記録にある出来事{count}件の記念日です。"


def round_anniversary(years: int) -> str:
    return f"🎉 {years}周年"


def anniversary_line(years: int, label: str, when: str, title: str, *, round_: bool) -> str:
    """「10年前の今日（2016年（平成28年）4月26日）…」; `label` is 今日, 今月 or 4月28日."""
    head = f"{round_anniversary(years)} " if round_ else ""
    return f"{head}{years}年前の{label}（{when}）{title}"


def no_anniversary(month: int, day: int) -> str:
    return NO_ANNIVERSARY.format(day=f"{month}月{day}日")


def upcoming_title(month: int, day: int) -> str:
    return f"もうすぐの記念日 — {month}月{day}日"


def upcoming_summary(today_month: int, today_day: int, days_ahead: int, month: int, day: int) -> str:
    return (
        f"{today_month}月{today_day}日にあたる出来事は記録にありません。"
        f"近いところでは、{days_ahead}日後の{month}月{day}日が次の記念日です。"
    )


def upcoming_note(days_ahead: int, month: int, day: int) -> str:
    return f"次の記念日は{days_ahead}日後の{month}月{day}日です。"


def month_anniversary_title(month: int) -> str:
    return f"N年前の今月 — {month}月"


def month_anniversary_summary(month: int, count: int) -> str:
    return f"{month}月は、記録にある出来事{count}件の記念月です。"


NO_MONTH_ANNIVERSARY = "{month}月にあたる出来事は記録にありません。"


def no_month_anniversary(month: int) -> str:
    return NO_MONTH_ANNIVERSARY.format(month=month)


def daily_dry_run_header(channel: str, day: str) -> str:
    return f"（試し表示: {channel} に {day} の投稿として送る内容です。実際には投稿していません）"


def daily_nothing_to_post(day: str, empty_mode: str) -> str:
    if empty_mode == "upcoming":
        return f"{day} から7日以内に記念日にあたる出来事がないため、投稿しません（RENKEI_DAILY_EMPTY=upcoming）。"
    return f"{day}は記念日にあたる出来事がないため、投稿しません（RENKEI_DAILY_EMPTY=skip）。"


# --- Slack (renkei_bot.slack) ----------------------------------------------------------------
BAD_DAY = "「{text}」は日付として読めませんでした。04-26 か 2026-04-26 の形で書いてください。"


def bad_day(text: str) -> str:
    return BAD_DAY.format(text=text)


BAD_BUTTON = "このボタンは使えませんでした。もう一度質問してください。"
NO_CHANNEL = "ここにはグラフを投稿できませんでした。チャンネルの中で /renkei chart を使ってください。"


# --- the question-answering engine -------------------------------------------------------------
HELP_TITLE = "renkei-bot の使い方"
HELP_COMMANDS = (
    "Slack では @renkei-bot にメンションするか DM で質問できます。"
    "/renkei help・summary <年|年度|期間>・partner <名前>・partners・today [MM-DD] も使えます。"
)


def greeting(first_year: int, last_year: int) -> str:
    return f"こんにちは！特別区全国連携プロジェクトの経過（{first_year}年〜{last_year}年）について、記録をもとにお答えします。"


NOT_UNDERSTOOD = "すみません、その質問には記録からお答えできません。"
WHICH_PARTNER = "どの団体のことか分かりませんでした。団体名を入れて聞いてください。"
ASK_PARTNERS = "連携協定を結んだ団体の一覧は？"
NO_PARTNER_IN_PERIOD = "その期間に広域連携協定を結んだ団体は記録にありません。"
SUMMARY_NEEDS_PERIOD = "まとめる期間が分かりませんでした。年・年度・期間を入れてください。"
SUMMARY_EXAMPLE = "2018年度をまとめて"
ALSO = "関連: "


def help_intro(unknown: str | None = None) -> str:
    intro = "特別区全国連携プロジェクトの経過（記録）について、次のようなことに答えます。"
    if unknown:
        return f"「{unknown}」というコマンドはありません。{intro}"
    return intro


def partner_signed(name: str, day: str) -> str:
    return f"{name}（{day}締結）"


def not_a_partner(name: str, count: int, same_place: Sequence[str] = ()) -> str:
    """「山梨県市長会」: not among the partners; the partners of the same place, when there are."""
    said = f"「{name}」は広域連携協定の締結団体（{count}団体）の記録にありません。"
    if same_place:
        said += f"同じ県で協定を結んでいるのは{'、'.join(same_place)}です。"
    return said


def agreement_term_not_recorded(noun: str = "") -> str:
    return (
        f"記録には協定の期間（{noun or 'いつまで有効か'}）は書かれていません。記録にあるのは締結した日です。"
    )


def agreed_on(name: str, day: str) -> str:
    return f"{name}との連携協定は{day}に締結されました。"


def title_agreement(name: str) -> str:
    return f"{name}との連携協定"


def munis(n: int) -> str:
    """A number of municipalities with its counter: 144自治体 (the tables' figures are all such)."""
    return f"{n:,}自治体"


def members_of(name: str, members: int) -> str:
    return f"{name}の構成自治体数は{munis(members)}です。"


def title_members(name: str) -> str:
    return f"{name}の構成自治体数"


def most_members(names: list[str], members: int) -> str:
    return f"構成自治体数がいちばん多いのは{'、'.join(names)}（{munis(members)}）です。"


def fewest_members(names: list[str], members: int) -> str:
    return f"構成自治体数がいちばん少ないのは{'、'.join(names)}（{munis(members)}）です。"


def partner_members(name: str, members: int) -> str:
    return f"{name}{munis(members)}"


def members_with_total(figures: str, total: int) -> str:
    """「群馬は市長会23・町村会21で計44？」: each partner's members, then their total."""
    return f"構成自治体数は{figures}で、合計{munis(total)}です。"


def partner_regions(count: int, names: Sequence[str], partners: int) -> str:
    """「協定先は何県？」: the regions the partners are in."""
    return f"協定先は{count}地域（{'、'.join(names)}）の{partners}団体です。"


def partner_total(count: int, total: int, regions: int) -> str:
    return f"広域連携協定の締結団体は{regions}地域の{count}団体、構成自治体数の合計は{munis(total)}です。"


def partners_edge(order: str, names: list[str], day: str) -> str:
    which = "最後" if order == "last" else "最初"
    return f"{which}に広域連携協定を結んだのは{'、'.join(names)}です（{day}）。"


def partners_listed(count: int, members: int) -> str:
    return f"広域連携協定の締結団体は{count}団体です（構成自治体数 計{munis(members)}）。"


def premise_differs(asked: str, recorded: str) -> str:
    return f"ご質問の「{asked}」とは異なり、記録では{recorded}です。"


def premise_differs_ago(said: str, asked: str, recorded: str, years_ago: Sequence[int]) -> str:
    ago = "・".join(f"{n}年前" for n in years_ago if n > 0)
    counted = f"（{ago}）" if ago else ""
    return f"ご質問の「{said}」（{asked}）とは異なり、記録では{recorded}{counted}です。"


def label_of(parts: list[str]) -> str:
    return "・".join(parts) if parts else "記録"


def undated(title: str, after: object, before: object) -> str:
    from renkei_bot.dates import format_date  # local: wording stays free of import cycles

    bounds = ""
    if after is not None and before is not None:
        bounds = f"記録では {format_date(after)} と {format_date(before)} の行の間に置かれています。"  # type: ignore[arg-type]
    return f"「{title}」は、記録に日付の記載がありません。{bounds}"


def happened_on(title: str, day: str) -> str:
    return f"「{title}」は{day}です。"


def title_when() -> str:
    return "いつ？"


def other_items(items: str, title: str, day: str) -> str:
    """「ほかに…は？」 of a record of several items: the others."""
    return f"ほかに「{items}」があります（{day}「{title}」）。"


def detail_of(title: str, day: str) -> str:
    return f"{day}「{title}」の記録です。"


def person_post(name: str, said: str, count: int) -> str:
    return f"記録では「{said}」です（{name}さんは{count}件の記録に登場します）。"


def person_post_in(name: str, said: str, day: str, title: str, count: int) -> str:
    return f"記録では「{said}」です（{day}「{title}」。{name}さんは{count}件の記録に登場します）。"


def person_in(person: str, title: str, day: str) -> str:
    """After a refuted claim about a person: the record they are in."""
    return f"{person}さんの記録は{day}「{title}」です。"


def name_not_recorded(post: str) -> str:
    """「…課長のお名前は？」 of a post the records write without anyone's name."""
    return f"記録には「{post}」とだけあり、その方の名前は書かれていません。"


def affiliation_not_recorded(name: str, kind: str, said: str) -> str:
    """「…先生はどこの大学の先生？」 when no record names a 大学 for them."""
    return f"記録には{name}さんの{kind}は書かれていません。記録では「{said}」です。"


def person_recorded(name: str, count: int) -> str:
    return f"{name}さんは{count}件の記録に登場します。所属・肩書は記録のとおりです。"


CEREMONIES = "広域連携協定の締結式"


def ceremonies(count: int, partners: int) -> str:
    """「締結式は何回？」: the ceremonies, some of which several partners signed at."""
    return f"{CEREMONIES}は{count}回です（{partners}団体と締結）。"


def counted(what: str, count: int) -> str:
    return f"{what}の記録は{count}回です。"


def title_count(what: str) -> str:
    return f"{what}の回数"


def edge_event(order: str, title: str, day: str) -> str:
    which = "いちばん新しい" if order == "last" else "最初の"
    return f"{which}記録は{day}「{title}」です。"


def title_edge(order: str) -> str:
    return "いちばん新しい記録" if order == "last" else "最初の記録"


def listed(label: str, count: int) -> str:
    return f"{label}の記録は{count}件です。" if label != label_of([]) else f"記録は{count}件です。"


def flagged(note: str) -> str:
    return f"⚠ {note}"


def no_count_year(first: str, last: str) -> str:
    return f"連携自治体数の推移は{first}から{last}までしか記録がありません。"


def as_of(month_day: str) -> str:
    month, day = (int(x) for x in month_day.split("-"))
    return f"連携自治体数は各年{month}月{day}日現在の数です。"


def total_meaning(note: str) -> str:
    return f"合計は各区分を足した数ではありません。{note}"


def nth_rise(label: str, place: int, most: bool, fiscal_years: str, rise: int) -> str:
    """「合計が2番目に大きく増えたのは」: the 年度 at that place of the rises."""
    which = "大きく" if most else "小さく"
    return f"{label}が{place}番目に{which}増えたのは{fiscal_years}（前年度から{rise:+,}自治体）です。"


def largest_rise(label: str, fiscal_year: str, rise: int) -> str:
    return f"{label}がいちばん増えたのは{fiscal_year}（前年度から{rise:+,}自治体）です。"


def change_between(label: str, first: str, last: str, change: int) -> str:
    return f"{label}は{first}から{last}までに{change:+,}自治体です。"


def change_stated(label: str, change: int) -> str:
    return f"{label}は 27年度から3年度までに{change:+,}自治体です。"


def change_rate(percent: float) -> str:
    """「何％増えた？」: the change as a share of the earlier figure, to one decimal."""
    return f"{percent:+.1f}%です。"


def change_two(label: str, first: str, last: str, before: int, after: int) -> str:
    """「2年度から3年度で変わった？」「28年度から29年度で何増えた」: both figures and the difference."""
    if before == after:
        return f"{label}は{first}も{last}も{munis(before)}で、増減はありません（±0）。"
    return f"{label}は{first}の{munis(before)}から{last}の{munis(after)}へ、{after - before:+,}自治体です。"


def cell_against(fiscal_year: str, label: str, value: int, said: str) -> str:
    """「H28年度の合計って900超えてた？」: the cell, and how it stands against the figure."""
    return f"{fiscal_year}の{label}は{munis(value)}です（{said}）。"


def row_grown_most(first: str, last: str, parts: str, *, most: bool) -> str:
    """「いちばん伸びた区分は」: the row (rows) whose figure changed most between two years."""
    return f"{first}から{last}にかけていちばん{'増えた' if most else '増えなかった'}のは{parts}です。"


def rows_apart(fiscal_year: str, apart: int, parts: str) -> str:
    """Two rows of the yearly table in one year: their difference first, then both figures."""
    return f"{fiscal_year}の差は{munis(apart)}です（{parts}）。"


def extreme_year(label: str, fiscal_years: str, value: int, *, most: bool) -> str:
    """「HP会員登録自治体がいちばん多かった年度は」: the year(s) of the row's largest (smallest) figure."""
    return f"{label}がいちばん{'多' if most else '少な'}かったのは{fiscal_years}です（{munis(value)}）。"


def rows_sum(fiscal_year: str, total: int, parts: str) -> str:
    """Two rows of the yearly table added: the sum first, then the parts (overlaps not removed)."""
    return f"{fiscal_year}は、あわせて{munis(total)}です（{parts}。重複は除いていません）。"


def count_cell(fiscal_year: str, label: str, value: str) -> str:
    return f"{fiscal_year}の{label}は{value}です。"


def count_rows(table: str) -> str:
    return f"{table}は次のとおりです。"


# ---------------------------------------------------------------- table questions (answers/partner_facts.py,
# answers/count_facts.py): the asked figure, name or はい/いいえ first.
PARTNERS = "広域連携協定の締結団体"


def bound_text(value: int, *, at_least: bool, strict: bool) -> str:
    """「20以上の」「20を超える」: a threshold written before the noun it limits."""
    if at_least:
        return f"{value:,}を超える" if strict else f"{value:,}以上"
    return f"{value:,}未満" if strict else f"{value:,}以下"


def bound_reached(value: int, *, at_least: bool, strict: bool) -> str:
    if at_least:
        return f"{value:,}を超えた" if strict else f"{value:,}以上になった"
    return f"{value:,}を下回った" if strict else f"{value:,}以下になった"


def bound_not_reached(value: int, *, at_least: bool, strict: bool) -> str:
    if at_least:
        return f"{value:,}を超えていません" if strict else f"{value:,}に届いていません"
    return f"{value:,}を下回っていません" if strict else f"{value:,}以下になっていません"


def partner_set(*, period: str = "", kind: str = "", bounds: Sequence[str] = (), same_day: str = "") -> str:
    """「2018年に協定を結んだ市長会」「構成自治体数が20以上の団体」: what a filtered set of partners is."""
    if same_day:
        return f"{same_day}と同じ日に協定を結んだ団体"
    head = f"{period}に協定を結んだ" if period else ""
    limit = "".join(bounds)
    limit = f"構成自治体数が{limit}{'' if limit.endswith('超える') else 'の'}" if bounds else ""
    return f"{head}{limit}{kind or ('団体' if head or limit else PARTNERS)}"


def kinds_except(kinds: str) -> str:
    return f"{kinds}以外の団体"


def named_members(names_members: Sequence[tuple[str, int]]) -> str:
    return "、".join(f"{name}（{munis(members)}）" for name, members in names_members)


def set_sum(label: str, total: int, count: int) -> str:
    return f"{label}の構成自治体数の合計は{munis(total)}です（{count}団体）。"


def kinds_counted(counts: Sequence[tuple[str, int]]) -> str:
    """「市長会と町村会はそれぞれ何団体？」: each kind with its number of partners."""
    return "、".join(f"{kind}は{n}団体" for kind, n in counts) + "です。"


def set_count(label: str, count: int, names: str) -> str:
    return f"{label}は{count}団体です：{names}。"


def set_names(label: str, names: str) -> str:
    return f"{label}は{names}です。"


def set_empty(label: str) -> str:
    return f"{label}は記録にありません。"


def agreed_days(facts: str, *, same: bool) -> str:
    """「Aの協定はBと同じ日？」: each side's signing day."""
    return f"協定の締結は{facts}で、{'同じ日です' if same else '別の日です'}。"


def same_day_names(name: str, day: str, names: str) -> str:
    return f"{name}と同じ日（{day}）に協定を結んだのは{names}です。"


def years_since_signing(years: int, year: str, names: str) -> str:
    """「今年で協定締結から10周年になる団体は」: those who signed that many years before."""
    return f"{year}に協定締結から{years}周年になるのは{names}です。"


def signed_next(named: str, names: str, day: str) -> str:
    """「AとBの次に協定を結んだのは」: the partners that signed next, and when."""
    return f"{named}の次に協定を結んだのは{names}です（{day}）。"


def signed_none_after(named: str) -> str:
    return f"{named}の後に協定を結んだ団体はありません（{named}が最後です）。"


def ranked_nth(place: int, most: bool, names: str, after: str) -> str:
    """「北海道町村会の次に多いのは」「2番目に少ないのは」: the partner(s) at that place."""
    which = "多い" if most else "少ない"
    if after:
        return f"{after}の次に構成自治体数が{which}のは{names}です。"
    return f"構成自治体数が{place}番目に{which}のは{names}です。"


def ranked_members(label: str, most: bool, names: str, n: int) -> str:
    which = "多い" if most else "少ない"
    if n > 1:
        return f"{label}で構成自治体数が{which}順の上位{n}団体は{names}です。"
    return f"{label}で構成自治体数がいちばん{which}のは{names}です。"


def adds_up(figure: int, what: str, count: int, names: str) -> str:
    return f"{munis(figure)}は、{what}{count}団体（{names}）の構成自治体数の合計です。"


def group_all() -> str:
    return "広域連携協定の締結団体すべての"


def group_kind(kind: str) -> str:
    return f"{kind}の"


def group_year(year: str) -> str:
    return f"{year}に協定を結んだ"


def group_day(day: str) -> str:
    return f"{day}に協定を結んだ"


def group_as_of(day: str, fiscal_year: str, row: str) -> str:
    return f"{day}までに協定を結んでいた（推移表の{fiscal_year}「{row}」の数）"


def no_group_adds_up(figure: int) -> str:
    return f"構成自治体数を足して{figure:,}になる区切り（団体の種類・締結した年や日・推移表の年度）は見当たりません。"


def mean_members(label: str, mean: str, total: int, count: int) -> str:
    return f"{label}の構成自治体数の平均は{mean}です（{total:,}÷{count}団体）。"


def every_year_rising(label: str, first: str, last: str) -> str:
    return f"{label}は{first}から{last}まで毎年度増えています。"


def not_every_year_rising(label: str, years: str) -> str:
    return f"{label}は{years}に前年度から増えていません。"


def equal_members(groups: Sequence[str]) -> str:
    return f"構成自治体数が同じ団体は{'、'.join(groups)}です。"


NO_EQUAL_MEMBERS = "構成自治体数が同じ団体はありません。"


def busiest_year(years: str, count: int, names: str, most: bool) -> str:
    """「協定を一番多く結んだ年度は」: the 年度 and how many signed in it."""
    which = "いちばん多い" if most else "いちばん少ない"
    return f"協定を結んだ団体が{which}のは{years}の{count}団体です（{names}）。"


def members_tied(names: str, members: int) -> str:
    """「AとB、どっちが多い？」 of two with the same count."""
    return f"{names}の構成自治体数はどちらも{munis(members)}で、同じです。"


def same_members_as(name: str, members: int, names: str) -> str:
    return f"{name}と構成自治体数が同じ（{munis(members)}）なのは{names}です。"


def no_same_members_as(name: str, members: int) -> str:
    return f"{name}と構成自治体数が同じ（{munis(members)}）団体はほかにありません。"


def members_apart(first: str, first_members: int, second: str, second_members: int, apart: int) -> str:
    """「AとBの構成自治体数の差は？」: the difference first, then both counts."""
    return (
        f"構成自治体数の差は{munis(apart)}です（{first} {munis(first_members)}、"
        f"{second} {munis(second_members)}）。"
    )


def members_stated(name: str, members: int, stated: int) -> str:
    if members == stated:
        return f"{name}の構成自治体数は{munis(members)}です。"
    return f"{name}の構成自治体数は{munis(members)}です（{stated}ではありません）。"


def figure_stated(fact: str, figure: int, stated: int) -> str:
    return fact if figure == stated else f"{fact.rstrip('。')}（{stated:,}ではありません）。"


def first_reaching(label: str, reached: str, fiscal_year: str, value: int) -> str:
    return f"{label}が初めて{reached}のは{fiscal_year}です（{munis(value)}）。"


def rose_by(label: str, rise: int, bound: str, years: str) -> str:
    """「前の年度より100増えたのは？」: the years of that rise (`bound`: 以上, を超えて; none: exactly),
    each with its two figures."""
    return f"{label}が前年度より{munis(rise)}{bound}増えたのは{years}です。"


def never_rose_by(label: str, rise: int, bound: str, most: str) -> str:
    exactly = "" if bound else "ちょうど"
    return f"{label}が前年度より{exactly}{munis(rise)}{bound}増えた年度はありません（いちばん増えたのは{most}）。"


def bound_said(*, at_least: bool, strict: bool) -> str:
    """How a bound on a rise is said after its figure: 以上, を超えて, 以下, 未満."""
    if at_least:
        return "を超えて" if strict else "以上"
    return "未満" if strict else "以下"


def first_equal(label: str, value: int, fiscal_year: str) -> str:
    return f"{label}が{munis(value)}になったのは{fiscal_year}です。"


def never_reaching(label: str, last: str, not_reached: str) -> str:
    return f"{label}は{last}まで{not_reached}。"


def first_recorded(label: str, fiscal_year: str, value: int) -> str:
    return f"{label}の数が最初に記録されたのは{fiscal_year}です（{munis(value)}）。"


def unchanged(label: str, years: str, value: str) -> str:
    return f"{label}が前年度から増えなかったのは{years}です（{value}）。"


def partners_added(first: str, last: str, names: str) -> str:
    """「30年度から元年度で増えた分はどこの団体？」: the partners that signed in between."""
    if not names:
        return f"{first}の後、{last}までに協定を結んだ団体はありません。"
    return f"{first}の後、{last}までに協定を結んだのは{names}です。"


def none_unchanged(labels: Sequence[str], every_row: bool) -> str:
    """No year without a rise: in every row of the table, or in the rows asked (named)."""
    which = "どの区分も" if every_row else f"{'・'.join(labels)}は"
    return f"{which}毎年度増えています（前年度と同じ年度はありません）。"


def constant(label: str, first: str, last: str, value: int) -> str:
    return f"{label}は{first}から{last}まで{munis(value)}のままです。"


def not_constant(label: str, first: str, last: str, values: str) -> str:
    return f"{label}は{first}から{last}までに変わっています（{values}）。"


def smallest_rise(label: str, fiscal_year: str, rise: int) -> str:
    return f"{label}の増え方がいちばん小さかったのは{fiscal_year}（前年度から{rise:+,}）です。"


def change_from_previous(label: str, fiscal_year: str, change: int, before: int, after: int) -> str:
    return f"{label}は{fiscal_year}に前年度から{change:+,}です（{before:,}→{after:,}）。"


def overlap_meaning(note: str, fiscal_year: str, parts: int, total: int) -> str:
    return (
        f"合計は各区分を足した数ではありません。{note.rstrip('。')}です"
        f"（{fiscal_year}なら区分の和{parts:,}に対し合計{total:,}、重複{parts - total:,}）。"
    )


def overlap(fiscal_year: str, parts: int, total: int) -> str:
    return (
        f"{parts - total:,}です：{fiscal_year}の3区分を足すと{parts:,}、合計は{total:,}で、"
        f"差の{parts - total:,}は複数の区分に重複して数えられた自治体です。"
    )


def overlap_line(fiscal_year: str, parts: int, total: int) -> str:
    return f"{fiscal_year}: 区分の和 {parts:,} − 合計 {total:,} = 重複 {parts - total:,}"


def as_of_meaning(month: int, day: int, fiscal_year: str, year: int) -> str:
    return (
        f"各年度の数は、その年の{month}月{day}日時点の数という意味です"
        f"（たとえば{fiscal_year}の数は{year}年{month}月{day}日現在）。"
    )


def cell_none(fiscal_year: str, label: str) -> str:
    return f"{fiscal_year}の{label}は表では「—」で、まだありません。"


def summary_of(period: str, count: int, breakdown: str, partners: list[str]) -> str:
    text = f"{period}の記録は{count}件です（{breakdown}）。"
    if partners:
        text += f"この期間に{'、'.join(partners)}と広域連携協定を結びました。"
    return text


def title_summary(period: str) -> str:
    return f"{period}のまとめ"


def no_records_in(period: str, first: str, last: str) -> str:
    return f"{period}の記録はありません。記録があるのは{first}から{last}までです。"


def nothing_on(day: str) -> str:
    return f"{day}の記録はありません。"


SEASON = "毎年この時期（前後1週間）"


def every_year_month(month: int) -> str:
    return f"毎年{month}月"


def count_flag_note(
    *, fiscal_year: str, stated: int, as_of: str, expected: int, late: Sequence[tuple[str, int, str]]
) -> str:
    """A doubtful figure of 連携自治体数の推移, flagged by ingest (data/counts.yaml `flags`)."""
    signed_later = "・".join(f"{name}（{members}）" for name, members, _ in late)
    when = "、".join(sorted({day for _, _, day in late}))
    return (
        f"{fiscal_year}の{stated}は{as_of}現在とされていますが、{signed_later}の協定締結は{when}です。"
        f"{as_of}現在なら{expected}のはずです。数値は原文のままです。"
    )


def chat_banner(today: str) -> str:
    return (
        f"renkei-bot（今日 = {today}）。特別区全国連携プロジェクトの経過について質問してください。"
        "終わるときは exit か Ctrl-D。"
    )


def ingest_summary(
    *, events: int, rows: int, partners: int, total: int, count_rows: int, flags: int, out: str
) -> str:
    """The one line `renkei-bot ingest` prints when it has written the data files."""
    return (
        f"{rows} 行から出来事 {events} 件、協定締結団体 {partners} 団体（合計 {total} 自治体）、"
        f"推移表 {count_rows} 行（要確認 {flags} 件）を {out} に書きました。"
    )


CHART_COUNTS = "連携自治体数の推移（各年8月1日現在）"
CHART_EVENTS = "年ごとの出来事の数（種類別）"


def ambiguous(surface: str) -> str:
    return f"「{surface}」にあてはまる名前が複数あります。"


def _quoted(value: str) -> str:
    value = value.strip()
    if "「" in value or "『" in value:
        return value
    return f"「{value}」"


_WEEKDAYS = "月火水木金土日"


def weekday_of(weekday: int, day: str) -> str:
    return f"{_WEEKDAYS[weekday]}曜日です（{day}）。"


def quoted_title(title: str) -> str:
    return f"「{title}」"


def came_first(first: str, first_day: str, second: str, second_day: str) -> str:
    if first_day == second_day:
        return f"同じ日です（{first}・{second}とも{first_day}）。"
    return f"{first}が先です（{first_day}。{second}は{second_day}）。"


def same_or_not(first: str, first_day: str, second: str, second_day: str, *, same: bool, month: bool) -> str:
    """「AとBは同じ日？」: same or not, then both days."""
    unit = "月" if month else "日"
    if same and first_day == second_day:
        return f"同じ{unit}です（{first}・{second}とも{first_day}）。"
    if same:
        return f"同じ{unit}です（{first}は{first_day}、{second}は{second_day}）。"
    return f"別の{unit}です（{first}は{first_day}、{second}は{second_day}）。"


def came_last(last: str, last_day: str, other: str, other_day: str) -> str:
    if last_day == other_day:
        return f"同じ日です（{last}・{other}とも{last_day}）。"
    return f"{last}が後です（{last_day}。{other}は{other_day}）。"


def _years_months(months: int) -> str:
    """19 → 1年7か月, 12 → 1年, 5 → 5か月."""
    years, rest = divmod(abs(months), 12)
    return (f"{years}年" if years else "") + (f"{rest}か月" if rest or not years else "")


def _days_apart(days: int, months: int, *, in_months: bool = False) -> str:
    """「588日後（1年7か月後）」「153日後（5か月後）」: the days, with the whole years and months when
    there is at least one month; asked in years or months (`in_months`), those first (「5か月後（153日後）」)."""
    which = "後" if days > 0 else "前"
    if in_months and months:
        return f"{_years_months(months)}{which}（{abs(days)}日{which}）"
    about = f"（{_years_months(months)}{which}）" if months else ""
    return f"{abs(days)}日{which}{about}"


def days_between(
    first: str,
    first_day: str,
    second: str,
    second_day: str,
    days: int,
    months: int = 0,
    *,
    directed: bool = True,
    in_months: bool = False,
) -> str:
    """「AはBの何日後？」: the difference first, then both days; 「AとBは何日はなれてる？」 (not
    `directed`): the days between them, neither after nor before; 「何年」「何か月」 (`in_months`): the
    years and months first."""
    if days == 0:
        return f"同じ日です（{first}・{second}とも{first_day}）。"
    if not directed:
        apart = (
            f"{_years_months(months)}（{abs(days)}日）"
            if in_months and months
            else f"{abs(days)}日" + (f"（{_years_months(months)}）" if months else "")
        )
        return f"{apart}はなれています（{first}は{first_day}、{second}は{second_day}）。"
    return f"{_days_apart(days, months, in_months=in_months)}です（{first}は{first_day}、{second}は{second_day}）。"


def years_from_to(from_day: str, to_day: str, days: int, months: int) -> str:
    """「AからBまで何年？」: the years and months first, then the days and the two days."""
    return f"{_years_months(months)}です（{abs(days)}日。{from_day} → {to_day}）。"


def months_from_to(from_day: str, to_month: str, months: int) -> str:
    """「AからBまで何年？」 when one of them is dated only by its month: about so many years and months."""
    span = _years_months(months)
    return f"約{span}です（{from_day} → {to_month}。日付が月までの記録があるため、月の単位で数えています）。"


def none_that_day(day: str, said: str) -> str:
    """「…した日、講演会もありました？」 when no record of that day is one."""
    return f"{day}の記録に「{said}」はありません。"


def days_held(days: int, span: str, title: str) -> str:
    """「何日間やってた？」: the days a record ran, counting its first and last."""
    return f"{days}日間です（{span}「{title}」）。"


def days_from_to(from_day: str, to_day: str, days: int, months: int, *, in_months: bool = False) -> str:
    """「AからBまで何日？」: the difference first, then the two days in the order asked (the records
    follow, each on its line); 「何年後」 (`in_months`): the years and months first."""
    if days == 0:
        return f"同じ日です（どちらも{from_day}）。"
    return f"{_days_apart(days, months, in_months=in_months)}です（{from_day} → {to_day}）。"


def among(names: str) -> str:
    return f"{names}のうち"


def names_of(counted: str) -> str:
    """「28団体」 → 「28団体の名前」: what the records do not list."""
    return f"{counted}の名前"


def members_not_listed(partner: str, members: int) -> str:
    return f"記録には{partner}の構成自治体数（{members}自治体）はありますが、どの自治体かは書かれていません。"


def attribute_not_recorded(noun: str) -> str:
    return f"記録には「{noun}」は書かれていません。関係する記録は次のとおりです。"


def times(count: int) -> str:
    return f"{count}回です。"


def involved(names: str, title: str, day: str) -> str:
    return f"{names}です（{day}「{title}」）。"


def names_counted(names: str, count: int, counter: str) -> str:
    """「荒川区、江東区、品川区の3区」: the names, then how many of them."""
    return f"{names}の{count}{counter}"


def involved_in(names: str, title: str, day: str) -> str:
    return f"{names}（{day}「{title}」）"


def involved_across(names: str, records: int) -> str:
    """「やましろ地域と組んでる区は？」: the places several records about a partner name."""
    return f"{names}です（{records}件の記録に出てきます）。"


def involved_each(each: Sequence[str]) -> str:
    """「令和元年度の展示はどこの県？」: each record with its places, in one sentence."""
    return f"{'、'.join(each)}の{len(each)}件です。"


def item_answer(item: str, label: str, value: str, title: str, day: str) -> str:
    return f"{_quoted(item.lstrip('・ '))}の{label}は{_quoted(value)}です（{day}「{title}」）。"


def aspect_answer(label: str, value: str, title: str, day: str) -> str:
    return f"{label}は{_quoted(value)}です（{day}「{title}」）。"


def unknown_name(name: str) -> str:
    return f"「{name}」は記録に見当たりません。"


def edition_differs(claimed: str, recorded: str, title: str, day: str) -> str:
    return f"いいえ、{recorded}です（{day}「{title}」）。ご質問の「{claimed}」ではありません。"


def no_edition(series: str, edition: str, count: int) -> str:
    return f"{series}の{edition}は記録にありません（記録にあるのは{count}件です）。"


def mentioned_on(text: str, day: str, title: str) -> str:
    return f"{day}です（「{title}」の記録の中に「{text}」とあります）。"


def partners_with_members(names: list[str], members: int) -> str:
    return f"構成自治体数が{munis(members)}の団体は{'、'.join(names)}です。"


def companies_too(count: int) -> str:
    return f"このほか企業との包括連携協定が{count}件あります。"


COMPANY_AGREEMENTS = "企業との包括連携協定"


def companies_signed(count: int) -> str:
    return f"企業との包括連携協定の締結は{count}件（{count}社）です。"


def partners_of_kind(kind: str, names: list[str]) -> str:
    return f"広域連携協定を結んだ{kind}は{len(names)}団体です（{'、'.join(names)}）。"


COVERAGE_TITLE = "記録の範囲"


def coverage(first: str, last: str, count: int) -> str:
    return f"記録は{first}から{last}までの、{count}件の出来事です。"


def said_in(text: str, title: str) -> str:
    return f"別の記録「{title}」に: {text}"


def members_sum(total: int, parts: str) -> str:
    return f"構成自治体数はあわせて{munis(total)}です（{parts}）。"


def unknown_topic(word: str) -> str:
    return f"「{word}」について書かれた記録はありません。"


CONTACT_NOT_RECORDED = "記録には電話番号・メールアドレス・URL などの連絡先は書かれていません。"
NO_PRIVATE = (
    "記録には人の年齢・誕生日・出身・任期などは書かれていません。"
    "記録にあるのは、その日の出来事に出てくる名前と肩書きです。"
)
NO_PROCEDURE = (
    "記録はプロジェクトの経過の記録で、申し込み方・手続き・期限などは書かれていません。"
    "記録にある出来事や数ならお答えできます。"
)
NO_OPINION = "記録は出来事と数の記録で、意見やおすすめは書かれていません。記録にある事実ならお答えできます。"


MONEY_NOT_RECORDED = (
    "記録には金額（予算・費用・支援額など）は書かれていません。関係する記録は次のとおりです。"
)


def figure_not_recorded(counter: str) -> str:
    return f"記録には、その「{counter}」の数は書かれていません。関係する記録は次のとおりです。"


def address_is(address: str, title: str, day: str) -> str:
    return f"住所は{address}です（{day}「{title}」の会場）。"


def address_not_recorded(venue: str) -> str:
    where = f"会場名「{venue}」" if venue else "会場名"
    return f"記録には住所は書かれていません（書かれているのは{where}です）。"


def recorded_day(day: str) -> str:
    """A day claimed that does not hold: the recorded one, before the rest of the answer."""
    return f"記録では{day}です。"


def figure_in_line(figure: str, line: str, title: str, day: str) -> str:
    """「限定メニューの数は」: the figure the line gives in brackets, then the line."""
    return f"{figure}です（{day}「{title}」の記録に「{line}」とあります）。"


def counted_list(count: int, counter: str, items: str, line: str, day: str) -> str:
    """「参加した地域はいくつ？」: how many the line lists, then the line."""
    return f"{count}{counter}です（{items}）。記録では{day}「{line}」とあります。"


def counted_by_parts(total: int, counter: str, parts: str, line: str, day: str) -> str:
    """「何市町村？」 of 「北海道十勝地域(16町・2村)」: the sum first, then the line that says it."""
    return f"{total}{counter}です（{parts}）。記録では{day}「{line}」とあります。"


def venue_not_recorded(title: str) -> str:
    return f"記録には「{title}」の会場は書かれていません。"


def aspect_not_recorded(title: str, label: str) -> str:
    return f"記録には「{title}」の{label}は書かれていません。"


def people_not_recorded(title: str) -> str:
    return f"記録には「{title}」について、誰が担当したかは書かれていません。"


def closest_records(facts: str, count: int) -> str:
    return f"いちばん近い記録は{facts}です。" if count == 1 else f"近い記録は{facts}の{count}件です。"


def words_not_used(words: list[str]) -> str:
    return f"（「{'」「'.join(words)}」は記録に見当たらないため、ほかのことばで探しました）"


NOT_STATED = "そのことは記録に書かれていません。関係する記録は次のとおりです。"


def role_not_recorded(name: str, role: str) -> str:
    return f"記録には{name}の{role}が誰かは書かれていません。"


def role_recorded(name: str, role: str, said: str) -> str:
    return f"記録では「{said}」です（{name}の{role}について、当時の記録です）。"


def containing(count: int) -> str:
    return f"ご質問のことばを含む記録は{count}件です。"


# --- relative to today or to another record (answers/relative.py) ---------------------------------
HEAD_ITEMS = 3  # records named in an answer's first line; more are counted (「ほか2件」)


def fact_on(text: str, day: str) -> str:
    return f"{day}「{text}」"


def joined(parts: list[str], total: int) -> str:
    rest = total - len(parts)
    return "、".join(parts) + (f"ほか{rest}件" if rest > 0 else "")


def runs_until(end: str, title: str, span: str) -> str:
    return f"{end}までです（{span}「{title}」）。"


def running_on(day: str, facts: str) -> str:
    return f"{day}に開催中だったのは{facts}です。"


def nothing_running(day: str) -> str:
    return f"{day}に開催中の記録はありません。"


def nothing_after(day: str) -> str:
    return f"{day}より後の記録はありません。"


def records_end(last: str) -> str:
    return f"記録は{last}までです。"


def records_end_with(last: str, title: str, day: str) -> str:
    return f"記録は{last}までで、最後は{day}「{title}」です。"


def next_one(after: bool, facts: str) -> str:
    return f"{'次' if after else '前回'}は{facts}です。"


def same_venue_or_not(first: str, first_venue: str, second: str, second_venue: str, *, same: bool) -> str:
    """「AとBって同じ会場？」: both venues, said as one place or two."""
    verdict = "同じ会場です" if same else "別の会場です"
    return f"{verdict}（{first}は{first_venue}、{second}は{second_venue}）。"


def nothing_else_on(label: str, title: str) -> str:
    return f"{label}の記録は「{title}」だけです。"


def undated_right_after(title: str) -> str:
    """An undated row written right after the day's rows: maybe the same day, not recorded as such."""
    return (
        f"ただし、そのすぐ後の行に日付の記載がない「{title}」があります（同じ日かどうかは記録にありません）。"
    )


def same_time(label: str, title: str, facts: str, *, month: bool) -> str:
    return f"{label}には、ほかに{facts}があります（「{title}」と同じ{'月' if month else '日'}）。"


def signed_in_period(facts: str, count: int) -> str:
    return f"協定を結んだのは{facts}です。" if count == 1 else f"協定を結んだのは{facts}の{count}件です。"


def these_records(facts: str, count: int) -> str:
    return f"{facts}です。" if count == 1 else f"{facts}の{count}件です。"


def detail_line(line: str, title: str, day: str) -> str:
    return f"{_quoted(line)}です（{day}「{title}」）。"


# --- yes / no (answers/premise.py) ---------------------------------------------------------------
def yes_or_no(holds: bool, summary: str) -> str:
    return f"{'はい' if holds else 'いいえ'}、{summary}"


def same_in_editions(labels: list[str], value: str) -> str:
    """「1回目と2回目で同じ人？」: the same in each edition."""
    return f"はい、{'も'.join(labels)}も{value}です。"


def each_edition(pairs: list[tuple[str, str]]) -> str:
    """「第1弾〜第3弾って、それぞれどこで？」: each edition's own."""
    return "、".join(f"{label}は「{value}」" for label, value in pairs) + "です。"


def differ_in_editions(pairs: list[tuple[str, str]]) -> str:
    return "いいえ、" + "、".join(f"{label}は{value}" for label, value in pairs) + "です。"


def claim_holds(stated: str, title: str, day: str, fact: str) -> str:
    return f"はい、{day}「{title}」の記録に「{stated}」があります。{fact}"


def each_on(first: str, first_day: str, second: str, second_day: str) -> str:
    """「AとBをそれぞれ」: each with its day."""
    return f"{first}は{first_day}、{second}は{second_day}です。"


def mentioned_in(day: str, title: str, detail: str) -> str:
    """An edition of a series that only another row mentions (東北絆まつり 2020 山形の延期)."""
    return f"ほかの記録に: {day}「{title}」 {detail}"


def named_otherwise(noun: str, name: str, title: str, day: str, fact: str) -> str:
    """「AってBの友好都市？」 where the record gives the noun to another: いいえ and whom."""
    return f"いいえ、{day}「{title}」の記録では、{noun}は{name}です。{fact}"


def role_of_another(line: str, title: str, day: str) -> str:
    """「コーディネーターは大杉先生？」 where the record gives that role to someone else."""
    return f"いいえ、{day}「{title}」の記録では「{line}」です。"


def claim_differs(stated: str, title: str, day: str, fact: str) -> str:
    return f"いいえ、{day}「{title}」の記録に「{stated}」はありません。{fact}"


def item_venue(item: str, venue: str) -> str:
    return f"記録では「{item}」の会場は「{venue}」です。"


def claim_on_another_line(stated: str, title: str, day: str, fact: str) -> str:
    """「「漱石山房記念館」の事例は豊島区？」: the record names 豊島区, but not where it says 漱石山房."""
    return f"いいえ、{day}「{title}」の記録では「{stated}」ではありません。{fact}"


def claim_not_theirs(stated: str, person: str, title: str, day: str, fact: str) -> str:
    """「大杉先生って荒川区長？」: the record names the place, but not on that person's line."""
    return f"いいえ、{day}「{title}」の記録で、{person}さんの行に「{stated}」はありません。{fact}"


def elapsed(years: int, months: int, day: str, title: str, today: str, *, anniversary: bool = False) -> str:
    """「何年たった？」: the whole years first, then the months, from the record to today; 「何周年？」
    in 周年."""
    span = f"{years}年" + (f"{months}か月" if months else "")
    lead = f"{years}年です" if not months else f"{years}年（{span}）です"
    if anniversary and years:
        lead = f"{years}周年です" if not months else f"{years}周年（{span}）です"
    if not years:
        lead = f"{months}か月です"
    return f"{lead}。{day}「{title}」から{today}まで。"


def edition_is(edition: str, title: str, day: str) -> str:
    return f"{edition}です（{day}「{title}」）。"


def edition_upto(edition: str, title: str, day: str) -> str:
    return f"{edition}までです（{day}「{title}」）。"


def aspect_value(label: str, value: str) -> str:
    """A second fact asked in the same question: 「会場は…です。」"""
    return f"{label}は{value}です。"


TYPO_TITLE = "資料の表記の誤り"


def typo_fixed(wrong: str, right: str, lines: str) -> str:
    where = f"（{lines}）" if lines else ""
    return f"資料{where}の「{wrong}」は「{right}」の誤りです（資料はそのまま、記録では直しています）。"


def manner(holds: bool, day: str, title: str, said: str) -> str:
    """「予定どおり開催されましたか」: はい/いいえ, and the record's words that decide it."""
    verdict = "はい" if holds else "いいえ"
    if said and said != title:
        return f"{verdict}、{day}「{title}」の記録に「{said}」とあります。"
    if said:
        return f"{verdict}、{day}「{title}」です。"
    if holds:
        return f"{verdict}、{day}「{title}」の記録に、それと違うことは書かれていません。"
    return f"{verdict}、{day}「{title}」の記録に、そうした記載はありません。"


def venue_was(venue: str) -> str:
    return f"会場は{venue}です。"


def record_says(line: str) -> str:
    return f"記録には{_quoted(line)}とあります。"


# --- conversation: what a follow-up took from the previous answer -------------------------------
def carried_about(parts: Sequence[str]) -> str:
    return "・".join(parts) + "について："


def carried_subject(periods: Sequence[str], edition: str | None, names: Sequence[str]) -> str:
    """「2019年度（令和元年度）の第1回全国連携講演会」: what a follow-up took from the last answer."""
    subject = (edition or "") + "・".join(names)
    return "の".join(p for p in ("・".join(periods), subject) if p)


def carried_question(question: str) -> str:
    return f"（前の質問「{question}」と同じく）"


def carried_expand(question: str) -> str:
    return f"（前の質問「{question}」をくわしく）"


# --- the log of what went unanswered (renkei-bot report) ---------------------------------------
REPORT_KINDS = {"declined": "見つからない", "apology": "エラー", "feedback_down": "👎", "feedback_up": "👍"}


def report_heading(since: str, groups: int) -> str:
    return f"{since}以降、答えられなかった質問 {groups} 件（多い順）"


def report_empty(since: str) -> str:
    return f"{since}以降、答えられなかった質問はありません。"


def report_line(count: int, question: str, kinds: Sequence[tuple[str, int]], intents: Sequence[str]) -> str:
    breakdown = "、".join(f"{REPORT_KINDS.get(k, k)} {n}" for k, n in kinds if n)
    intent = f" [{', '.join(intents)}]" if intents else ""
    return f"{count:>4}  {question}（{breakdown}）{intent}"


def report_detail(label: str, values: Sequence[str]) -> str:
    return f"      {label}: " + " / ".join(values)


# --- feedback on answers (Slack) -----------------------------------------------------------------
FEEDBACK_UP = "👍"
FEEDBACK_DOWN = "👎"
FEEDBACK_UP_LABEL = "役に立った"
FEEDBACK_DOWN_LABEL = "役に立たなかった"
FEEDBACK_TITLE = "よくなかった点"
FEEDBACK_SUBMIT = "送る"
FEEDBACK_CLOSE = "閉じる"
FEEDBACK_INTRO = "よろしければ理由を教えてください（どちらも任意です）。記録の見直しに使います。"
FEEDBACK_CHOICE_LABEL = "いちばん近いもの"
FEEDBACK_TEXT_LABEL = "ほかに気づいたこと"
FEEDBACK_CHOICES = {
    "wrong": "答えが間違っている",
    "missing": "記録にあるはずなのに見つからない",
    "misread": "質問の意味を取り違えている",
}


def not_held_yet(category: str, names: Sequence[str], total: int, *, regions: bool) -> str:
    """「全国連携展示をまだやっていない協定先は？」「…一度も行われていない地域は？」: the partners (or their
    regions) no record of the category credits, of how many."""
    unit, whole = ("地域", f"協定先の{total}地域") if regions else ("団体", f"協定先{total}団体")
    if not names:
        return f"{whole}のどれにも「{category}」の記録があります。"
    kind = "地域" if regions else "協定先"
    return (
        f"「{category}」の記録がまだない{kind}は{'、'.join(names)}です（{whole}のうち{len(names)}{unit}）。"
    )


def labelled_too(label: str, fiscal: str) -> str:
    """「H30」: a year said as the records label a 年度, so both."""
    return f"{label}・{fiscal}"


def no_category_of(partner: str, category: str) -> str:
    """「山梨県町村会の全国連携展示はいつ？」 when none was held with it."""
    return f"{partner}の「{category}」の記録はありません。{category}の記録は次のとおりです。"


def count_not_by_ward(ward: str) -> str:
    """「練馬区の交流自治体数は？」: the yearly table is of the 23 wards together."""
    return (
        f"連携自治体数の推移は特別区全体の数で、{ward}だけの数は記録にありません。全体の数は次のとおりです。"
    )


def kinds_signed(place: str, signed: Sequence[str], unsigned: Sequence[str]) -> str:
    """「広島県は市長会と町村会の両方と協定を結んでいますか？」"""
    if not signed:
        return f"{place}の{'・'.join(unsigned)}とは協定を結んでいません。"
    said = f"{place}で協定を結んでいるのは{'・'.join(signed)}"
    if not unsigned:
        return f"{said}です（両方）。"
    return f"{said}だけで、{'・'.join(unsigned)}とは結んでいません。"


def no_agreement_of(names: Sequence[str]) -> str:
    """「木古内町と協定を締結した日は？」: no agreement names that town."""
    return (
        f"{'・'.join(names)}との協定締結の記録はありません。"
        "広域連携協定は町村会・市長会と結んでいます。関係する記録は次のとおりです。"
    )


def share_of_total(name: str, members: int, total: int, count: int, *, over: bool) -> str:
    """「北海道町村会の構成自治体数って、全体の半分を超えてる？」"""
    side = "超えています" if over else "超えていません"
    percent = round(100 * members / total)
    return f"{name}の構成自治体数は{munis(members)}で、{count}団体の合計{munis(total)}の半分を{side}（約{percent}％）。"


def percent_of_total(names: str, members: int, total: int, count: int) -> str:
    """「北海道町村会は全体の何％？」: to one decimal, and in tenths (約4割)."""
    percent = 100 * members / total
    return (
        f"{names}の構成自治体数{munis(members)}は、{count}団体の合計{munis(total)}の"
        f"{percent:.1f}％（約{round(percent / 10)}割）です。"
    )


def time_not_recorded(title: str, day: str) -> str:
    """「シンポジウムは何時から？」 of a record that gives its day but no hour."""
    return f"記録には「{title}」の日付（{day}）はありますが、時刻は書かれていません。"


def before_or_after(name: str, before: bool, same: bool) -> str:
    """「広島は千葉より前ですか、後ですか？」: the way of the one named first, then the days."""
    if same:
        return ""
    return f"{name}のほうが{'前' if before else '後'}です。"


def nth_item(n: int, line: str, title: str, day: str) -> str:
    """「議題の2番目は？」: the line numbered n of a record."""
    return f"{n}番目は「{line}」です（{day}「{title}」）。"
