"""Cached public pages are fast and never stale."""

import time
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from casestudies.models import CaseStudy
from casestudies.models.choices import Status


def clear_caches():
    from django.conf import settings

    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def page_cache(settings):
    from casestudies import caching

    settings.PAGE_CACHE_SECONDS = 600
    clear_caches()
    caching._warned.clear()  # each test hears of failures afresh
    yield
    clear_caches()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed, so the cache hears of it."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def test_a_repeat_visit_is_served_without_touching_the_database(
    client, make_case_study, django_assert_num_queries
):
    make_case_study("Cached scheme")
    first = client.get("/case-studies/")
    with django_assert_num_queries(0):
        second = client.get("/case-studies/")
    assert second.content == first.content
    assert "Cached scheme" in second.content.decode()


def test_publishing_shows_at_once(client, make_case_study, committed):
    draft = make_case_study("Soon to be public", status=Status.DRAFT, slug="soon")
    assert "Soon to be public" not in client.get("/case-studies/").content.decode()
    assert client.get("/case-studies/soon/").status_code == 404

    def publish():
        draft.status = Status.PUBLISHED
        draft.save()

    committed(publish)
    assert "Soon to be public" in client.get("/case-studies/").content.decode()
    assert client.get("/case-studies/soon/").status_code == 200


def test_edits_and_unpublishing_show_at_once(client, make_case_study, committed):
    case_study = make_case_study("Old title", slug="changing")
    assert "Old title" in client.get("/case-studies/changing/").content.decode()

    def rename():
        case_study.title = "New title"
        case_study.save()

    committed(rename)
    assert "New title" in client.get("/case-studies/changing/").content.decode()

    def unpublish():
        case_study.status = Status.DRAFT
        case_study.save()

    committed(unpublish)
    assert client.get("/case-studies/changing/").status_code == 404
    assert "New title" not in client.get("/case-studies/").content.decode()


def test_a_partner_change_shows_at_once(client, make_case_study, make_organisation, committed):
    case_study = make_case_study(slug="partnered")
    client.get("/case-studies/partnered/")
    newcomer = make_organisation("Late Partner Homes")
    committed(lambda: case_study.partners.create(organisation=newcomer, role="funder"))
    assert "Late Partner Homes" in client.get("/case-studies/partnered/").content.decode()


def test_an_outcome_or_indicator_change_shows_on_insights_at_once(
    client, make_case_study, committed
):
    from casestudies.models import Indicator, Outcome

    case_study = make_case_study(slug="measured")
    indicator = Indicator.objects.get(slug="homes-built")
    assert '<th scope="row">Homes built</th>' not in client.get("/insights/").content.decode()
    outcome = committed(
        lambda: Outcome.objects.create(
            case_study=case_study, indicator=indicator, value=14, method="count"
        )
    )
    page = client.get("/insights/").content.decode()
    assert '<th scope="row">Homes built</th>' in page and "14 homes" in page

    def rename():
        indicator.name = "New homes finished"
        indicator.save()

    committed(rename)
    assert '<th scope="row">New homes finished</th>' in client.get("/insights/").content.decode()
    committed(outcome.delete)
    assert (
        '<th scope="row">New homes finished</th>' not in client.get("/insights/").content.decode()
    )


def test_a_scheduled_case_study_appears_when_due_without_any_save(
    client, make_case_study, committed
):
    committed(
        lambda: make_case_study(
            "Due very soon", published_at=timezone.now() + timedelta(seconds=1.5)
        )
    )
    assert "Due very soon" not in client.get("/case-studies/").content.decode()
    time.sleep(1.6)
    assert "Due very soon" in client.get("/case-studies/").content.decode()


def test_staff_are_never_served_cached_pages(client, make_case_study, publisher):
    make_case_study("Staff view", slug="staff-view")
    assert "Last-Modified" in client.get("/case-studies/staff-view/")  # cached for the public
    client.force_login(publisher)
    CaseStudy.objects.update(title="Changed without telling the cache")
    response = client.get("/case-studies/staff-view/")
    assert "Changed without telling the cache" in response.content.decode()
    assert "Last-Modified" not in response


def test_conditional_requests_get_304(client, make_case_study):
    make_case_study()
    first = client.get("/case-studies/")
    assert first["Cache-Control"] == "no-cache"
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/case-studies/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/case-studies/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_error_answers_are_not_cached(client, make_case_study):
    assert client.get("/case-studies/later/").status_code == 404
    # Not committed: the cache is not told, so only not caching the 404 lets this through.
    make_case_study(slug="later")
    assert client.get("/case-studies/later/").status_code == 200


# What is kept, and under which key ------------------------------------------------------


def kept():
    """Every key the caches hold in this process (the tests' caches are in memory)."""
    from django.conf import settings

    return {key for alias in settings.CACHES for key in caches[alias]._cache}


def test_query_strings_nobody_links_to_add_nothing_to_the_cache(client, make_case_study):
    """Any query string used to make its own entry: one client could fill the cache."""
    make_case_study("Flood-proof", year_completed=2015)
    assert client.get("/case-studies/").status_code == 200
    before = kept()
    answered_but_not_kept = [
        *[f"/case-studies/?utm_campaign={number}" for number in range(30)],  # unknown parameters
        *[
            f"/case-studies/?q=homes+{number}" for number in range(10)
        ],  # searches: any words are valid
        "/case-studies/?page=01",  # the same page, written another way
        "/case-studies/?region=north-east&region=north-east",
        "/case-studies/?completed_from=02015",
        "/case-studies/?sort=title&sort=",
        "/insights/?page=2",  # insights take no page
        "/api/case-studies/?page_size=1000",  # as many as the most, 100
        "/organisations/?kind=",
    ]
    for url in answered_but_not_kept:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.get("Last-Modified") is None, url
    assert kept() == before


def test_the_same_filters_in_another_order_share_one_page(client, make_case_study):
    make_case_study("Ordered", region="north-east", community_model="clt")
    first = client.get("/case-studies/?region=north-east&region=yorkshire&model=clt")
    assert "Ordered" in first.content.decode()
    count = len(kept())
    again = client.get("/case-studies/?model=clt&region=yorkshire&region=north-east")
    assert again.content == first.content
    assert len(kept()) == count


def test_the_finder_form_as_sent_shares_the_page_of_its_filters(client, make_case_study):
    """The form sends its blank fields too; the FilterSet reads them as no filter."""
    make_case_study("Formed", region="north-east")
    linked = client.get("/case-studies/?region=north-east&sort=newest")
    count = len(kept())
    sent = client.get(
        "/case-studies/?q=&region=north-east&completed_from=&completed_to=&sort=newest"
    )
    assert sent.content == linked.content and len(kept()) == count
    # A blank among values that combine is an error, never the page without it.
    assert client.get("/case-studies/?region=").status_code == 400


def test_cache_keys_are_short_whatever_the_request(client, make_case_study):
    from casestudies.models.choices import CommunityModel, Region

    make_case_study()
    everything = [("region", region) for region in Region.values] + [
        ("model", model) for model in CommunityModel.values
    ]
    response = client.get(
        "/case-studies/?" + "&".join(f"{name}={value}" for name, value in everything)
    )
    assert response.status_code == 200 and response.get("Last-Modified")
    assert kept() and all(len(key) < 120 for key in kept())


def test_the_finders_cached_parameters_are_its_filters_plus_the_page(db):
    from casestudies.finder.filters import CaseStudyFilter
    from casestudies.views.filtering import FILTERS_QUERY
    from casestudies.views.finder import FINDER_QUERY

    assert list(FINDER_QUERY.parameters) == [*CaseStudyFilter.base_filters, "page"]
    assert list(FILTERS_QUERY.parameters) == list(CaseStudyFilter.base_filters)


@pytest.mark.parametrize("version_in_cache", [False, True])
def test_a_cache_that_fails_never_turns_a_page_into_an_error(
    client, make_case_study, caplog, settings, version_in_cache
):
    """A Redis that is away, or full under noeviction, refuses reads and writes: of pages,
    and (when the library version is kept there too) of the version."""
    from unittest import mock

    from django.core.cache.backends.locmem import LocMemCache

    if version_in_cache:
        settings.REDIS_URL = "redis://cache.internal:6379/0"  # the version is read from the cache
    make_case_study("Still served")
    refuse = mock.Mock(
        side_effect=ConnectionError("OOM command not allowed when used memory > 'maxmemory'")
    )
    with (
        mock.patch.object(LocMemCache, "get", refuse),
        mock.patch.object(LocMemCache, "set", refuse),
    ):
        for _ in range(2):
            response = client.get("/case-studies/")
            assert response.status_code == 200
            assert "Still served" in response.content.decode()
    assert (
        "library version" if version_in_cache else "page cache"
    ) + " failed (ConnectionError" in caplog.text


def test_a_disallowed_host_gets_400_even_for_a_cached_page(client, make_case_study):
    make_case_study()
    assert client.get("/case-studies/").status_code == 200  # now cached
    assert client.get("/case-studies/", HTTP_HOST="attacker.example").status_code == 400


def test_pages_are_kept_by_scheme_and_host_as_well_as_address(client, make_case_study):
    make_case_study()
    client.get("/case-studies/")
    count = len(kept())
    client.get("/case-studies/", HTTP_HOST="localhost")
    client.get("/case-studies/", secure=True)
    assert len(kept()) == count + 2


def cached_views():
    """(name, view) of every cached address in the URLconf."""
    from django.urls import URLResolver, get_resolver

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns,
                    f"{pattern.namespace}:" if pattern.namespace else namespace,
                )
            elif getattr(pattern.callback, "page_cache_query", None) is not None:
                yield namespace + pattern.name

    return set(walk(get_resolver().url_patterns))


def _a_release():
    from casestudies.models import DataRelease

    empty = {"added": [], "removed": [], "changed": [], "fields_added": [], "fields_removed": []}
    release = DataRelease(
        version="2026-01-01",
        created_at=timezone.now(),
        case_study_count=2,
        folder="releases/2026-01-01",
        files={},
        changelog=empty,
    )
    release.save()
    return release


def test_a_cached_answer_carries_every_header_the_first_one_did(
    client, make_case_study, make_organisation
):
    """Security headers, Vary, X-Robots-Tag and the rest: whatever the middleware below the
    page cache adds is kept with the page."""
    from django.urls import reverse

    partner = make_organisation("Header Homes", slug="header-homes")
    make_case_study("Headers", slug="headers", partners=[(partner, "housing-association")])
    second = make_case_study("Second", slug="second")
    from casestudies.models import Guide

    guide = Guide.objects.create(
        title="Header guide", slug="header-guide", introduction="Why.", status=Status.PUBLISHED
    )
    guide.entries.create(case_study=second, note="Note.")
    addresses = {
        "casestudies:home": reverse("casestudies:home"),
        "casestudies:about": reverse("casestudies:about"),
        "casestudies:accessibility": reverse("casestudies:accessibility"),
        "casestudies:case_study_list": reverse("casestudies:case_study_list")
        + "?region=north-east",
        "casestudies:case_study_detail": reverse("casestudies:case_study_detail", args=["headers"]),
        "casestudies:insights": reverse("casestudies:insights"),
        "casestudies:map": reverse("casestudies:map"),
        "casestudies:compare": reverse("casestudies:compare") + "?cs=headers&cs=second",
        "casestudies:open_data": reverse("casestudies:open_data"),
        "casestudies:api_list": reverse("casestudies:api_list"),
        "casestudies:api_detail": reverse("casestudies:api_detail", args=["headers"]),
        "casestudies:organisation_list": reverse("casestudies:organisation_list"),
        "casestudies:organisation_detail": reverse(
            "casestudies:organisation_detail", args=["header-homes"]
        ),
        "casestudies:feed": reverse("casestudies:feed"),
        "sitemap": reverse("sitemap"),
        "sitemap-section": reverse("sitemap-section", args=["case-studies"]),
        "casestudies:case_study_citation": reverse(
            "casestudies:case_study_citation", args=["headers", "bib"]
        ),
        "casestudies:evidence_grading": reverse("casestudies:evidence_grading"),
        "casestudies:inclusion_criteria": reverse("casestudies:inclusion_criteria"),
        "casestudies:release_list": reverse("casestudies:release_list"),
        "casestudies:release_detail": reverse(
            "casestudies:release_detail", args=[_a_release().version]
        ),
        "casestudies:data_catalogue": reverse("casestudies:data_catalogue"),
        "casestudies:openapi_json": reverse("casestudies:openapi_json"),
        "casestudies:api_docs": reverse("casestudies:api_docs"),
        "casestudies:guide_list": reverse("casestudies:guide_list"),
        "casestudies:guide_detail": reverse("casestudies:guide_detail", args=["header-guide"]),
        "casestudies:guide_briefing": reverse("casestudies:guide_briefing", args=["header-guide"]),
        "casestudies:case_study_briefing": reverse(
            "casestudies:case_study_briefing", args=["headers"]
        ),
        "casestudies:finder_briefing": reverse("casestudies:finder_briefing")
        + "?region=north-east",
        "casestudies:embed": reverse("casestudies:embed") + "?region=north-east&view=map",
        "casestudies:embed_builder": reverse("casestudies:embed_builder") + "?region=north-east",
    }
    assert set(addresses) == cached_views()  # a newly cached address needs a line here
    for _name, url in addresses.items():
        count = len(kept())
        miss = client.get(url)
        assert miss.status_code == 200, url
        assert len(kept()) == count + 1, url  # kept, so the next answer comes from the cache
        hit = client.get(url)
        assert dict(hit.headers) == dict(miss.headers), url
        assert hit.content == miss.content, url
    case_study = client.get(addresses["casestudies:case_study_detail"])
    assert case_study["X-Frame-Options"] == "DENY" and "Cookie" in case_study["Vary"]
    assert client.get(addresses["sitemap"])["X-Robots-Tag"] == "noindex, noodp, noarchive"
