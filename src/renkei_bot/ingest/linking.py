"""Entity references: exact matching of normalised aliases, leftmost-longest, without overlaps.

Matching is on `compact` text (NFKC, no spaces), so 大杉 覚 and 大杉覚 are the same name. Scanning
leftmost-longest keeps a short alias from matching inside a longer name that starts earlier: 北海道
is read before anything inside it, 港区立南桜公園 yields the ward 港区. Names built from other names
(series and documents such as 東京23区・京都府市長会・京都府町村会連携協力推進委員会) also
refer to the names inside them, found the same way within the match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from renkei_bot.normalize import compact
from renkei_bot.records import Entity

COMPOSITE_TYPES = frozenset({"series", "document"})


class Linker:
    def __init__(self, entities: Sequence[Entity]) -> None:
        self._by_key: dict[str, str] = {}
        self._types = {e.id: e.type for e in entities}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                key = compact(name)
                if not key:
                    continue
                other = self._by_key.setdefault(key, entity.id)
                if other != entity.id:
                    raise ValueError(f"the alias {name!r} names both {other!r} and {entity.id!r}")
        self._lengths = sorted({len(k) for k in self._by_key}, reverse=True)

    def _scan(self, text: str, *, skip_whole: bool = False) -> list[tuple[int, int, str]]:
        hits: list[tuple[int, int, str]] = []
        i = 0
        while i < len(text):
            for length in self._lengths:
                if skip_whole and length >= len(text):
                    continue
                key = text[i : i + length]
                if len(key) == length and key in self._by_key:
                    hits.append((i, i + length, self._by_key[key]))
                    i += length
                    break
            else:
                i += 1
        return hits

    def matches(self, text: str) -> list[str]:
        """Entity ids in order of appearance (with repeats), parts of composite names after them."""
        key = compact(text)
        out: list[str] = []
        for start, end, entity_id in self._scan(key):
            out.append(entity_id)
            if self._types[entity_id] in COMPOSITE_TYPES:
                out.extend(e for _, _, e in self._scan(key[start:end], skip_whole=True))
        return out

    def refs(self, texts: Iterable[str]) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for text in texts:
            for entity_id in self.matches(text):
                seen.setdefault(entity_id, None)
        return tuple(seen)

    def first(self, text: str, entity_type: str) -> str | None:
        """The leftmost entity of a type in the text, looking inside composite names too."""
        for entity_id in self.matches(text):
            if self._types[entity_id] == entity_type:
                return entity_id
        return None

    def starts_with(self, text: str, entity_type: str) -> bool:
        key = compact(text)
        hits = self._scan(key)
        return bool(hits) and hits[0][0] == 0 and self._types[hits[0][2]] == entity_type
