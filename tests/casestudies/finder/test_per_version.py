"""Values kept once per library version: gone with any change, with a version that cannot
be read, and after MAX_AGE."""

import pytest

from casestudies import caching
from casestudies.finder import per_version
from casestudies.finder.per_version import PerVersion


@pytest.fixture
def kept(db):
    caching.bump()
    return PerVersion(limit=3)


def test_values_stay_for_one_version_and_go_with_the_next(kept):
    kept.current()["card"] = "first"
    assert kept.current() == {"card": "first"}
    caching.bump()
    assert kept.current() == {}


def test_a_change_saved_in_this_process_ends_them_before_the_version_is_renewed(
    kept, make_case_study
):
    kept.current()["card"] = "first"
    make_case_study("Quay Street")
    assert kept.current() == {}


def test_nothing_is_kept_while_the_version_cannot_be_read(kept, monkeypatch):
    monkeypatch.setattr(caching, "_read_version", lambda: 1 / 0)
    kept.current()["card"] = "first"
    assert kept.current() == {}


def test_values_are_dropped_when_too_many_or_too_old(kept, monkeypatch):
    values = kept.current()
    values.update(a=1, b=2, c=3, d=4)
    assert kept.current() == {}
    kept.current()["card"] = "first"
    now = per_version.time.monotonic()
    monkeypatch.setattr(per_version.time, "monotonic", lambda: now + per_version.MAX_AGE + 1)
    assert kept.current() == {}
