"""The asker's self-introduction before the question (「埼玉県町村会の事務局の者です。」「企画課の佐藤と
申します。」) and their own body said as 「うちの…」「弊会」.

Staff of partner towns open with who they are, then ask. An introduction is a whole sentence before
the question that ends in a word of one (facet asker.intro: 「…の者です。」「…を担当しております。」), in
the asker's own surname (「企画部の田中です。」), or, first, names a body and says です (「山形市です。」).
It names things the question does not ask about (its body, its prefecture, 町村会 as a kind), so it is
left out of the question, except the asker's association when its agreement or members are asked
(「北海道町村会の者です。協定はいつでしたか？」). A pronoun of the asker's own body in the question (facet
asker.own) is the body the introduction names: 「うちの締結式」 reads as 「埼玉県町村会の締結式」.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from renkei_bot.nlu import tokens as tok
from renkei_bot.nlu.entities import Match
from renkei_bot.nlu.facets import FacetHit

INTRO = "asker.intro"
CLOSING = "asker.closing"
REASON = "asker.reason"
# what a closing sentence may hold beside its courtesy: no name, and no facet of these (it asks nothing)
_ASKING = ("wh", "ask.", "subject.", "aspect.", "count.", "total.", "extreme.", "change.", "row.", "kind.")
OWN = "asker.own"
# the kinds of name an asker belongs to, the most particular first
_BODIES = ("partner", "municipality", "ward", "organization", "prefecture")
_ASSOCIATION = "partner"
_PARTNER_FACTS = frozenset({"subject.agreement", "subject.member"})  # what a partner's row holds
_WHICH_BODY = "subject.partner"  # 「どの団体」 with a question word: which partners, not the asker's
_HOW_MANY = "count.how_many"
_KIND = "kind."  # 市長会, 町村会: a kind of partner
_TABLE_ROW = "row."  # a row of the yearly table asked about
_PERSON = "person"
_PERSON_NAME = "人名"
_NAME_PARTS = frozenset({"名詞", "接尾辞"})  # 長崎 + 県
_PLACE_NAME = "地名"  # 名詞,固有名詞,地名
_SILENT = frozenset({"空白"})
_COPULA = frozenset({"助動詞", "動詞"})  # です, で + ござい + ます
_FULL_STOPS = ("。", "！", "!")
_OF = "の"
MIN_QUESTION = 2  # the fewest characters left after the introduction that can still ask something
TAIL_WORDS = 1  # the word before a sentence's last word read with it (の + 者, と + 申す): one more may be a
# word of introduction itself (事務局 + の + 者), whose hit would hide the last


def may_introduce(text: str) -> bool:
    """Whether a whole sentence comes before the question (a cheap test before the tokens are read)."""
    return any(mark in text[:-1] for mark in _FULL_STOPS)


def without_intro(
    text: str,
    tokens: Sequence[tok.Token],
    facets: Sequence[FacetHit],
    matches: Sequence[Match],
    *,
    facets_of: Callable[[Sequence[tok.Token]], Sequence[FacetHit]],
    surnames: frozenset[str] = frozenset(),
) -> str | None:
    """`text` without the whole sentences that introduce the asker, with 「うちの…」 written as the body
    they name; None when there is no introduction or it must stay (it alone names the subject).
    `facets_of`: the facets of a sentence's tokens. `surnames`: those of the records' people (an asker
    who is one of them, 「川場村の戸部です。」, is part of what they ask: 「…パネルで一緒だったのは」)."""
    persons = [(m.begin, m.end) for m in matches if m.type == _PERSON]
    persons += [(t.begin, t.end) for t in tokens if t.surface in surnames]

    def introduces(begin: int, end: int) -> bool:
        words = [t for t in tokens if begin <= t.begin and t.end <= end]
        # the words the sentence ends in (「…企画課の田中と申します。」「…を担当しております。」)
        last = max((i for i, t in enumerate(words) if not tok.is_ending(t)), default=None)
        if last is None:
            return False
        tail = words[max(0, last - TAIL_WORDS) :]
        said = [h for h in facets_of(tail) if h.name == INTRO]
        if any(tok.only_endings_after(tail, h.end) for h in said) or _signed(words, persons):
            return True
        # 「京都府の町村会です。」「山形市です。」: a body named and です, the first sentence
        named = [m for m in matches if begin <= m.begin and m.end <= end and m.type in _BODIES]
        return begin == 0 and bool(named) and _only_named(words, named)

    ends = tok.sentence_ends(tokens)
    intro_end = max((e for b, e in zip([0, *ends], ends, strict=False) if introduces(b, e)), default=None)
    if intro_end is None or len(text[intro_end:].strip()) < MIN_QUESTION:
        return None
    if any(h.name == "wh" and h.end <= intro_end for h in facets):
        return None  # a question before the last one is no introduction
    body = _body([m for m in matches if m.end <= intro_end])
    own = [h for h in facets if h.name == OWN and h.begin >= intro_end]
    rest = text[intro_end:]
    intro = [t for t in tokens if t.end <= intro_end]
    written = _written(text, body, facets) if body is not None else _unknown_body(text, intro, facets)
    if written is not None and own:
        return _named(rest, [(h.begin - intro_end, h.end - intro_end) for h in own], written)
    # the association an asker belongs to is what they ask about when they ask of its agreement or its
    # members (「北海道町村会の者です。特別区長会と協定を結んでから何年？」「広島県町村会です。…千葉県
    # 町村会の何日あと？」), unless it asks which (どの団体) or of the yearly table's rows; their ward,
    # town or prefecture is where they work
    asked = {h.name for h in facets if h.begin >= intro_end}
    # …not when it asks which (どの団体) or how many of a kind (「「市長会」という名前の団体はいくつ？」)
    of_partners = _WHICH_BODY in asked or any(name.startswith(_KIND) for name in asked)
    over_partners = of_partners and bool(asked & {"wh", _HOW_MANY})
    its_own = bool(asked & _PARTNER_FACTS) and not over_partners
    # 「長野県町村会の者です。」: an association too, one the records may not know
    association = written is not None and (body is None or body.type == _ASSOCIATION or written != body.name)
    if not association or not its_own or any(name.startswith(_TABLE_ROW) for name in asked):
        return rest.lstrip()
    return None


def without_closing(
    text: str,
    tokens: Sequence[tok.Token],
    matches: Sequence[Match],
    *,
    facets_of: Callable[[Sequence[tok.Token]], Sequence[FacetHit]],
) -> str | None:
    """`text` without the sentences after its question that only close it (「…で合ってますか？報告書に
    載せるので念のため確認お願いします。」「…教えてください。初めて行くので」): a courtesy or a reason
    (facets asker.closing, asker.reason) naming nothing and asking nothing. None when there are none."""
    asked = tok.question_end(tokens)
    if asked is None:  # 「…教えてください。初めて行くので」: a reason added after a request
        ends = tok.sentence_ends(tokens)
        asked = ends[-1] if ends else None
    if asked is None:
        return None
    after = [t for t in tokens if t.begin >= asked]
    said = facets_of(after)
    if not any(h.name in (CLOSING, REASON) for h in said) or any(h.name.startswith(_ASKING) for h in said):
        return None
    if any(m.end > asked for m in matches) or len(text[:asked].strip()) < MIN_QUESTION:
        return None
    return text[:asked]


def _only_named(words: Sequence[tok.Token], named: Sequence[Match]) -> bool:
    """Nouns and の, then only です (or でございます): a sentence that says who is asking."""
    spans = [(m.begin, m.end) for m in named]
    body = [t for t in words if not tok.is_ending(t) or t.surface == _OF]
    if not body or not all(tok.is_noun_like(t) or t.surface == _OF for t in body):
        return False
    after = [t for t in words if t.begin >= body[-1].end and t.pos[0] != "補助記号"]
    last = body[-1]  # the sentence's last noun is (the end of) a body's name
    return (
        bool(after)
        and after[0].pos[0] == "助動詞"
        and any(b <= last.begin and last.end <= e for b, e in spans)
    )


def _signed(words: Sequence[tok.Token], persons: Sequence[tuple[int, int]]) -> bool:
    """Whether a sentence ends in the asker's own name: 「企画部の田中です。」「…の佐藤でございます。」 (a
    surname or given name Sudachi knows, not a person of the records)."""
    words = [t for t in words if t.pos[0] not in _SILENT]
    name = next((i for i, t in enumerate(words) if _PERSON_NAME in t.pos[2:3]), None)
    if name is None or any(b <= words[name].begin < e for b, e in persons):
        return False
    after = [t for t in words[name + 1 :] if t.pos[0] != "補助記号"]
    return bool(after) and after[0].pos[0] == "助動詞" and all(t.pos[0] in _COPULA for t in after)


def _body(matches: Sequence[Match]) -> Match | None:
    """The body the introduction names: the most particular kind, the last said."""
    for kind in _BODIES:
        found = [m for m in matches if m.type == kind]
        if found:
            return found[-1]
    return None


def _written(text: str, body: Match, facets: Sequence[FacetHit]) -> str:
    """The body as the introduction writes it: 「長野県町村会でございます。」 names 長野県 and a kind of
    partner right after it, which together are a body the records may not know (so 「当会」 is
    長野県町村会, not 長野県)."""
    kind = next((h for h in facets if h.name.startswith(_KIND) and h.begin == body.end), None)
    return text[body.begin : kind.end] if kind is not None and body.type != _ASSOCIATION else body.name


def _unknown_body(text: str, intro: Sequence[tok.Token], facets: Sequence[FacetHit]) -> str | None:
    """「長崎県町村会の者です。」 where no name is known: a place name and a kind of partner written
    together (長崎 + 県 + 町村会), the body as written; None without one."""
    kind = next((h for h in reversed(facets) if h.name.startswith(_KIND) and h.end <= intro[-1].end), None)
    if kind is None:
        return None
    before = [t for t in intro if t.end <= kind.begin]
    begin = kind.begin
    named = False
    for t in reversed(before):  # the nouns written right before the kind, back to a particle
        if t.end != begin or t.pos[0] not in _NAME_PARTS:
            break
        begin, named = t.begin, named or _PLACE_NAME in t.pos[2:3]
    return text[begin : kind.end] if named else None


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
