"""Cached public pages are fast and never stale."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from casestudies.choices import Status
from casestudies.models import CaseStudy


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed, so the cache hears of it."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def test_a_repeat_visit_is_served_without_touching_the_database(client, make_case_study, django_assert_num_queries):
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


def test_an_outcome_or_indicator_change_shows_on_insights_at_once(client, make_case_study, committed):
    from casestudies.models import Indicator, Outcome

    case_study = make_case_study(slug="measured")
    indicator = Indicator.objects.get(slug="homes-built")
    assert '<th scope="row">Homes built</th>' not in client.get("/insights/").content.decode()
    outcome = committed(lambda: Outcome.objects.create(case_study=case_study, indicator=indicator, value=14, method="count"))
    page = client.get("/insights/").content.decode()
    assert '<th scope="row">Homes built</th>' in page and "14 homes" in page

    def rename():
        indicator.name = "New homes finished"
        indicator.save()

    committed(rename)
    assert '<th scope="row">New homes finished</th>' in client.get("/insights/").content.decode()
    committed(outcome.delete)
    assert '<th scope="row">New homes finished</th>' not in client.get("/insights/").content.decode()


def test_a_scheduled_case_study_appears_when_due_without_any_save(client, make_case_study, committed):
    committed(lambda: make_case_study("Due very soon", published_at=timezone.now() + timedelta(seconds=1.5)))
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
