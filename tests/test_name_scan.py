"""Names found by looking substrings up are those a regex alternation (longest first) finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from renkei_bot.nlu.spelled import NameScan


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet="あいうa.*", min_size=1, max_size=5), min_size=1, max_size=30),
    st.text(alphabet="あいうa.*b", max_size=20),
)
def test_the_lookup_finds_what_the_regex_finds(names: list[str], text: str) -> None:
    assert NameScan(names, regex_up_to=0).spans(text) == NameScan(names).spans(text)


def test_the_longest_name_at_a_place_wins_and_names_do_not_overlap() -> None:
    scan = NameScan(["東北絆まつり", "東北", "まつりの会"], regex_up_to=0)
    assert scan.spans("東北絆まつりの会と東北") == [(0, 6), (9, 11)]
