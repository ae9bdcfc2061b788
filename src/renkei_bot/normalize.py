"""Text normalisation, applied to questions and records alike.

NFKC, then an explicit table. neologdn and jaconv.normalize are not used on purpose: they delete
or rewrite the range tilde (〜 ～ ~), which carries meaning in 8月21日～9月29日.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

RANGE_MARK = "～"

# Applied after NFKC (which has already turned ～ into ~ and full-width forms into half-width).
_TABLE = str.maketrans(
    {
        # every tilde and wave dash is a range mark
        "~": RANGE_MARK,
        "〜": RANGE_MARK,
        "∼": RANGE_MARK,
        "～": RANGE_MARK,
        "〰": RANGE_MARK,
        # dash variants: one hyphen-minus; the long vowel mark ー is left alone (it is part of words)
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "ｰ": "ー",
        # quotes
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
    }
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"[ \t\u3000]+")
_TAG = re.compile(r"<[^<>]{0,500}>")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogates (argv, or a JSON "\\ud800" from a client) → U+FFFD: nothing can encode them."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def normalize(text: str) -> str:
    """NFKC + the table above + control characters removed + runs of spaces folded."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_TABLE)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.strip()


def strip_html(text: str) -> str:
    """Remove HTML tags and decode entities (the source document's PDF leftovers)."""
    import html  # here: nothing on the way to an answer calls this (html and its entities: about 2 ms)

    return html.unescape(_TAG.sub(" ", text))


@lru_cache(maxsize=16_384)  # answers compact the records' details and names, the same for every question
def compact(text: str) -> str:
    """Normalised, with every space removed: a key for matching names (首都大学東京 大学院 → 首都大学東京大学院)."""
    return normalize(text).replace(" ", "")


_KATA_TO_HIRA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}


_KANJI = re.compile(r"[一-龯々]")


def has_kanji(text: str) -> bool:
    return _KANJI.search(text) is not None


def to_hiragana(text: str) -> str:
    """Katakana → hiragana, for comparing readings (Sudachi gives readings in katakana)."""
    return text.translate(_KATA_TO_HIRA)


_SLACK_TOKEN = re.compile(r"<([!@#][^<>]*|(?:https?|mailto):[^<>]*)>")
_EMOJI_CODE = re.compile(r":[a-z0-9_+\-]{2,40}:")
# a broadcast typed as text at the start or after a space: nothing to read (an address like x@y stays)
_TYPED_MENTION = re.compile(r"(?:^|(?<=\s))[@＠](?:here|channel|everyone|all)\b", re.IGNORECASE)


def _slack_token(match: re.Match[str]) -> str:
    target, _, label = match.group(1).partition("|")
    if target.startswith(("!", "@")):
        return " "  # <!channel>, <!here>, <@U123>: nothing to read, nobody to ping
    return label or ("" if target.startswith("#") else target)


def strip_markup(text: str) -> str:
    """A question as words: Slack tokens, HTML tags and :emoji: codes removed, links to their labels."""
    if "<" in text:  # a token or a tag needs one: most questions have neither
        text = _SLACK_TOKEN.sub(_slack_token, text)
        text = _TAG.sub(" ", text)
    if "@" in text or "＠" in text:  # 「@here 過去に…」 typed as plain text (a console, a pasted message)
        text = _TYPED_MENTION.sub(" ", text)
    return _EMOJI_CODE.sub(" ", text) if ":" in text else text
