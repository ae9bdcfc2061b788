"""What is left of a question once its names and dates are taken: content words, proper nouns,
the order words (最初/最後), and the spans they came from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from renkei_bot.nlu import tokens as tok

Order = Literal["first", "last"]

_FIRST = (
    "最初",
    "初めて",
    "はじめて",
    "初回",
    "一番古い",
    "最も古い",
    "一番初め",
    "始まり",
    "いちばん古い",
    "いちばん初め",
)
_LAST = (
    "最後",
    "最新",
    "一番最近",
    "最近",
    "直近",
    "一番新しい",
    "最も新しい",
    "いちばん新しい",
    "いちばん最近",
)

_STOP_TERMS = frozenset(
    [
        "いつ",
        "何",
        "なに",
        "何回",
        "回数",
        "何度",
        "何件",
        "何日",
        "何年",
        "何月",
        "どこ",
        "誰",
        "どなた",
        "どれ",
        "どの",
        "どう",
        "どんな",
        "教える",
        "知る",
        "ある",
        "いる",
        "する",
        "なる",
        "れる",
        "られる",
        "為る",
        "居る",
        "有る",
        "成る",
        "こと",
        "もの",
        "の",
        "ため",
        "とき",
        "時",
        "頃",
        "ころ",
        "日",
        "年",
        "月",
        "年度",
        "ください",
        "下さい",
        "です",
        "ます",
        "開催",
        "開く",
        "行う",
        "やる",
        "イベント",
        "内容",
        "テーマ",
        "会場",
        "場所",
        "名前",
        "名称",
        "開催地",
        "一番",
        "最初",
        "最後",
        "最近",
        "最新",
        "直近",
        "初めて",
        "今日",
        "本日",
        "今月",
        "今年",
        "これまで",
        "今",
        "全部",
        "全て",
        "合計",
        "一覧",
        "様子",
        "について",
        "関する",
        "特別区全国連携プロジェクト",
        "記録",
        "経過",
        "経過表",
        "資料",
        "平成",
        "令和",
        "昭和",
        "西暦",
        "和暦",
        "関わり",
        "関係",
        "活動",
        "様子",
        "詳細",
        "情報",
        "経緯",
        "歴史",
        "もの",
        "経過資料",
        "載る",
        "載っ",
        "一通り",
        "通り",
        "主",
        "ざっくり",
        "上",
        "中",
        "出来事",
        "行事",
        "ですよね",
        "本当",
    ]
)


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for begin, end in spans:
        for i in range(max(0, begin), min(len(chars), end)):
            chars[i] = " "
    return "".join(chars)


def order_of(text: str) -> Order | None:
    first = min((text.find(w) for w in _FIRST if w in text), default=-1)
    last = min((text.find(w) for w in _LAST if w in text), default=-1)
    if first < 0 and last < 0:
        return None
    if first < 0:
        return "last"
    if last < 0:
        return "first"
    return "first" if first < last else "last"


def inside(begin: int, end: int, covered: list[tuple[int, int]]) -> bool:
    return any(b <= begin and end <= e for b, e in covered)


def related_terms(tokens: list[tok.Token], synonyms: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The records' words for the question's verbs (決める → 決定; intents/_synonyms.yaml). They help
    rank records but never narrow a list or a count."""
    found = [word for token in tokens for word in synonyms.get(token.normalized, ())]
    return tuple(dict.fromkeys(found))


def content_terms(tokens: list[tok.Token], covered: list[tuple[int, int]]) -> tuple[str, ...]:
    """Content words left once entities and dates are taken out, plus adjacent noun pairs as phrases."""
    terms: list[str] = []
    previous: tok.Token | None = None
    for token in tokens:
        content = token.pos[0] in ("名詞", "接尾辞") or (token.surface.isascii() and token.surface.isalnum())
        keep = (
            content
            and token.normalized not in _STOP_TERMS
            and token.surface not in _STOP_TERMS
            and not inside(token.begin, token.end, covered)
            and not token.surface.isdigit()
        )
        if keep:
            if len(token.surface) >= 2:
                terms.append(token.surface)
            if previous is not None and previous.end == token.begin:
                terms.append(previous.surface + token.surface)
            previous = token
        else:
            previous = None
    seen: dict[str, None] = dict.fromkeys(t for t in terms if t)
    return tuple(seen)


_COMMON_LATIN = frozenset(
    {"ok", "okay", "thanks", "thank", "please", "hello", "help", "bot", "slack", "renkei"}
)


def proper_names(
    tokens: list[tok.Token], covered: list[tuple[int, int]], people: Sequence[tuple[int, int]] = ()
) -> tuple[str, ...]:
    """Proper nouns (and Latin words) the entity dictionary did not take: 三菱UFJ銀行, 長野県町村会 …

    A name right next to a person the dictionary found (神野 + 真彦, a mistyped given name) is the
    rest of that person's name, not another name."""
    out: list[str] = []
    for token in tokens:
        if any(token.begin == end or token.end == begin for begin, end in people):
            continue
        word = token.surface
        latin = word.isascii() and word.isalpha() and (len(word) >= 4 or not word.islower())
        proper = token.pos[:2] == ("名詞", "固有名詞") or (latin and word.lower() not in _COMMON_LATIN)
        if proper and len(token.surface) >= 2 and not inside(token.begin, token.end, covered):
            out.append(token.surface)
    return tuple(dict.fromkeys(out))
