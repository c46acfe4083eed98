"""Full-text search: words match as word starts (stemmed), the index follows every edit,
and the finder ranks results exactly as the SQL used by the exports does."""

import random

import pytest
from django.db import connection
from django.http import QueryDict

from casestudies.finder import search, selectors
from casestudies.models import CaseStudy


def found(query):
    filterset = selectors.filter_case_studies(QueryDict(f"q={query}"))
    return sorted(filterset.qs.values_list("title", flat=True))


def test_words_match_from_their_start_and_by_stem(make_case_study):
    make_case_study("Stocksfield homes", summary="Renovation of a terrace.")
    make_case_study("Middleton almshouses", summary="New homes for older people.")
    assert found("stocks") == ["Stocksfield homes"]
    assert found("renovating") == ["Stocksfield homes"]
    assert found("ton") == []  # not the end of Middleton
    assert found("home older") == ["Middleton almshouses"]


def test_the_index_follows_edits_and_deletions(make_case_study):
    case_study = make_case_study("Quarry cottages", summary="Stone terraces.")
    assert found("quarry") == ["Quarry cottages"]
    case_study.title = "Mill cottages"
    case_study.save()
    assert found("quarry") == []
    assert found("mill") == ["Mill cottages"]
    CaseStudy.objects.filter(pk=case_study.pk).update(
        summary="Timber frames."
    )  # no signals: SQL only
    assert found("timber") == ["Mill cottages"]
    assert found("stone") == []
    case_study.delete()
    assert found("mill") == []


def finder_titles(query):
    results = selectors.finder_results(selectors.filter_case_studies(QueryDict(f"q={query}")))
    titles = dict(CaseStudy.objects.values_list("pk", "title"))
    return [titles[pk] for pk in results[0:100]]


def test_a_repeated_search_never_outlives_a_change(make_case_study):
    """The finder keeps recent searches' results with the facet index: any save must
    leave them behind."""
    first = make_case_study("Quarry cottages", summary="Stone terraces.")
    assert finder_titles("quarry") == ["Quarry cottages"]
    assert finder_titles("quarry") == ["Quarry cottages"]  # asked again, as kept
    make_case_study("Quarry barns", summary="Farm buildings.")
    assert sorted(finder_titles("quarry")) == ["Quarry barns", "Quarry cottages"]
    first.title = "Mill cottages"
    first.save()
    assert finder_titles("quarry") == ["Quarry barns"]
    assert finder_titles("mill") == ["Mill cottages"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index and its triggers")
def test_a_rebuilt_table_gets_its_triggers_and_index_back(make_case_study):
    """A migration that rebuilds the case study table drops its triggers; the next
    migrate puts them back and indexes whatever changed in between."""
    case_study = make_case_study("Harbour flats", summary="Flats by the water.")
    with connection.cursor() as cursor:
        for name in search.FTS_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    CaseStudy.objects.filter(pk=case_study.pk).update(title="Quayside flats")
    assert found("quayside") == []  # not indexed while the triggers were gone
    search.ensure_sqlite_index(connection)
    assert found("quayside") == ["Quayside flats"]
    assert found("harbour") == []
    CaseStudy.objects.filter(pk=case_study.pk).update(title="Dockside flats")
    assert found("dockside") == ["Dockside flats"]


@pytest.fixture
def searchable_library(make_case_study, make_organisation):
    rng = random.Random(11)
    words = ["green", "garden", "terrace", "chapel", "mill", "harbour", "orchard"]
    partners = [make_organisation(f"Searchable partner {i}") for i in range(3)]
    for i in range(30):
        make_case_study(
            f"{rng.choice(words).title()} {rng.choice(words)} scheme {i}",
            summary=f"A {rng.choice(words)} and {rng.choice(words)} project.",
            body=f"Built around the {rng.choice(words)}.",
            region=rng.choice(["north-east", "london", "wales"]),
            community_model=rng.choice(["clt", "cohousing"]),
            partners=[(rng.choice(partners), "community")],
        )


@pytest.mark.parametrize(
    "params",
    [
        "q=green",
        "q=green&region=london",
        "q=garden+terrace",
        "q=mill&sort=title",
        "q=orchard&model=clt&sort=oldest",
        "q=chapel&sort=most-homes",
    ],
)
def test_the_finder_lists_search_results_in_the_order_the_exports_use(searchable_library, params):
    filterset = selectors.filter_case_studies(QueryDict(params))
    results = selectors.finder_results(filterset)
    expected = list(filterset.qs.values_list("pk", flat=True))
    assert len(results) == len(expected) > 0
    assert list(results[0 : len(results)]) == expected
    for start in range(0, len(expected), 4):  # pages that straddle the relevance tiers
        assert list(results[start : start + 4]) == expected[start : start + 4]


def test_relevance_puts_title_matches_before_summary_matches_before_the_rest(make_case_study):
    make_case_study("Plain scheme", summary="Nothing here.", body="An orchard at the back.")
    make_case_study("Orchard view", summary="Nothing here.")
    make_case_study("Another scheme", summary="With an orchard.")
    filterset = selectors.filter_case_studies(QueryDict("q=orchard"))
    titles = dict(CaseStudy.objects.values_list("pk", "title"))
    results = selectors.finder_results(filterset)
    assert [titles[pk] for pk in results[0:3]] == ["Orchard view", "Another scheme", "Plain scheme"]
