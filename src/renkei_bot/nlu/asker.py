"""The asker's self-introduction before the question (「埼玉県町村会の事務局の者です。」「企画課の佐藤と
申します。」) and their own body said as 「うちの…」「弊会」.

Staff of partner towns open with who they are, then ask. The introduction names things the question
does not ask about (its body, its prefecture, 町村会 as a kind), so it is left out of the question,
unless it is all that names the question's subject (「北海道町村会の者です。協定はいつでしたか？」). A
pronoun of the asker's own body in the question (facet asker.own) is the body the introduction names:
「うちの締結式」 reads as 「埼玉県町村会の締結式」.
"""

from __future__ import annotations

from collections.abc import Sequence

from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu.entities import Match
from renkei_bot.nlu.facets import FacetHit

INTRO = "asker.intro"
OWN = "asker.own"
# the kinds of name an asker belongs to, the most particular first
_BODIES = ("partner", "municipality", "ward", "organization", "prefecture")
_WHERE = "prefecture"
_OF = "の"
MIN_QUESTION = 2  # the fewest characters left after the introduction that can still ask something


def without_intro(
    text: str, tokens: Sequence[tok.Token], facets: Sequence[FacetHit], matches: Sequence[Match]
) -> str | None:
    """`text` without the whole sentences that introduce the asker, with 「うちの…」 written as the body
    they name; None when there is no introduction or it must stay (it alone names the subject)."""
    ends = tok.sentence_ends(tokens)
    said = [h for h in facets if h.name == INTRO]
    intro_end = max((e for e in ends if any(h.end <= e for h in said)), default=None)
    if intro_end is None or len(text[intro_end:].strip()) < MIN_QUESTION:
        return None
    if any(h.name == "wh" and h.end <= intro_end for h in facets):
        return None  # a question before the last one is no introduction
    body = _body([m for m in matches if m.end <= intro_end])
    own = [h for h in facets if h.name == OWN and h.begin >= intro_end]
    rest = text[intro_end:]
    if body is not None and own:
        return _named(rest, [(h.begin - intro_end, h.end - intro_end) for h in own], body.name)
    # the asker's prefecture is where they are; their association (town, ward) may be what they ask
    # about (「北海道町村会の者です。特別区長会と協定を結んでから何年？」), unless the question names its own
    if (
        body is None
        or body.type == _WHERE
        or any(m.begin >= intro_end and m.type == body.type for m in matches)
    ):
        return rest.lstrip()
    return None


def _body(matches: Sequence[Match]) -> Match | None:
    """The body the introduction names: the most particular kind, the last said."""
    for kind in _BODIES:
        found = [m for m in matches if m.type == kind]
        if found:
            return found[-1]
    return None


def _named(text: str, spans: Sequence[tuple[int, int]], name: str) -> str:
    """`text` with each span (うちの, 弊会) written as `name`; 「うちの町村会」 as the name alone, when the
    name ends in the words after の."""
    for begin, end in sorted(spans, reverse=True):
        if text[begin:end].endswith(_OF):
            after = end
        elif text.startswith(_OF, end):
            after = end + len(_OF)
        else:
            text = text[:begin] + name + text[end:]
            continue
        tail = next((k for k in range(len(name), 0, -1) if text.startswith(name[-k:], after)), 0)
        text = text[:begin] + name + (text[after + tail :] if tail else _OF + text[after:])
    return text
