"""The collector paused while long-lived objects are made, resumed once at the outermost pause."""

from __future__ import annotations

import gc

import pytest

from renkei_bot import collector


def test_a_pause_resumes_the_collector_and_freezes_what_it_made() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one paused
        kept = [[n] for n in range(100)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)


def test_a_pause_resumes_the_collector_after_an_error() -> None:
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("x")
    assert gc.isenabled()
