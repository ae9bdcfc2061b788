"""A row's category, series and ordinal, from its title.

The categories are fixed Japanese strings (listed in data/README.md). The first rule whose
pattern occurs in the title wins, so a 区長会総会 row stays 区長会総会 even when it discusses an
agreement.
"""

from __future__ import annotations

import re

CATEGORIES: tuple[str, ...] = (
    "区長会総会",
    "特別区制度懇談会",
    "推進委員会",
    "参画",
    "全国連携展示",
    "全国連携講演会",
    "シンポジウム",
    "魅力発信イベント",
    "東北六魂祭/東北絆まつり",
    "国の方針",
    "連携協定",
    "広報",
    "助成金",
    "訪問・意見交換",
    "連携事業",
    "その他",
)

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), category)
    for pattern, category in (
        (r"区長会総会", "区長会総会"),
        (r"^特別区制度懇談会(?:\s|$)", "特別区制度懇談会"),
        (r"推進委員会", "推進委員会"),
        (r"参画|への出席|との連携・協力", "参画"),
        (r"全国連携展示", "全国連携展示"),
        (r"全国連携講演会", "全国連携講演会"),
        (r"シンポジウム", "シンポジウム"),
        (r"魅力発信イベント", "魅力発信イベント"),
        (r"六魂祭|絆まつり", "東北六魂祭/東北絆まつり"),
        (r"まち・ひと・しごと創生", "国の方針"),
        (r"連携協定|協定締結|協定式|締結式", "連携協定"),
        (r"ニュース|ホームページ|Twitter|パンフレット|公表", "広報"),
        (r"助成金", "助成金"),
        (r"訪問|意見交換|来館|説明|打診|推進協議会", "訪問・意見交換"),
        (r"連携|事業|フェア|イベント|物産展|マルシェ|サミット|ウィーク", "連携事業"),
    )
)

# The category a series belongs to; a series found in a title of another category is not its
# series (特別区制度懇談会委員と…の意見交換会 is an exchange, not a meeting of the 懇談会).
SERIES_CATEGORY: dict[str, str] = {
    "series-kuchokai-sokai": "区長会総会",
    "series-seido-kondankai": "特別区制度懇談会",
    "series-kyoto-committee": "推進委員会",
    "series-exhibition": "全国連携展示",
    "series-lecture": "全国連携講演会",
    "series-symposium": "シンポジウム",
    "series-miryoku": "魅力発信イベント",
    "series-rokkonsai": "東北六魂祭/東北絆まつり",
    "series-kizuna": "東北六魂祭/東北絆まつり",
    "series-sosei": "国の方針",
    "series-news": "広報",
}

_ORDINAL = re.compile(r"第(\d{1,3})回")


def category_of(title: str) -> str:
    for pattern, category in _RULES:
        if pattern.search(title):
            return category
    return "その他"


def series_fits(series: str | None, category: str) -> str | None:
    if series is None:
        return None
    wanted = SERIES_CATEGORY.get(series)
    return series if wanted in (None, category) else None


def ordinal_of(title: str) -> int | None:
    m = _ORDINAL.search(title)
    return int(m[1]) if m else None
