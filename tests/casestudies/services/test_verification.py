"""Verification: confirming a case study against its sources, with who and when, apart
from the last edit; "Last checked" on pages unchecked for too long, and the list of
those that need checking."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from casestudies.models import CaseStudy, Verification
from casestudies.services.verification import needs_verification, record_verification

pytestmark = pytest.mark.django_db


def test_the_workspace_action_records_who_verified_and_when_apart_from_the_last_edit(
    publisher_client, publisher, make_case_study
):
    case_study = make_case_study("Checked", slug="checked")
    edited = case_study.updated_at
    response = publisher_client.post(
        "/admin/casestudies/casestudy/",
        {"action": "mark_verified", "_selected_action": [case_study.pk], "index": "0"},
        follow=True,
    )
    assert "1 case study marked as verified against its sources today." in response.content.decode()
    record = Verification.objects.get()
    assert record.verified_by == publisher and timezone.now() - record.verified_at < timedelta(
        minutes=1
    )
    case_study.refresh_from_db()
    assert case_study.updated_at == edited  # verifying is not editing
    form = publisher_client.get(
        f"/admin/casestudies/casestudy/{case_study.pk}/change/"
    ).content.decode()
    assert "by publisher-account" in form
    page = publisher_client.get("/case-studies/checked/").content.decode()
    assert (
        f"Facts checked against the sources on {timezone.localtime(record.verified_at):%-d %B %Y}."
        in page
    )


def test_an_editor_cannot_verify_a_published_case_study(editor_client, editor, make_case_study):
    case_study = make_case_study("Public", slug="public")
    editor_client.post(
        "/admin/casestudies/casestudy/",
        {"action": "mark_verified", "_selected_action": [case_study.pk], "index": "0"},
    )
    assert not Verification.objects.exists()
    with pytest.raises(PermissionDenied):
        record_verification(case_study, editor)


def test_a_page_unchecked_for_a_year_says_when_it_was_last_checked(
    client, make_case_study, publisher
):
    long_ago = timezone.now() - timedelta(days=400)
    make_case_study("Never checked", slug="never", published_at=long_ago)
    stale = make_case_study("Checked long ago", slug="stale", published_at=long_ago)
    Verification.objects.create(
        case_study=stale, verified_by=publisher, verified_at=long_ago + timedelta(days=10)
    )
    fresh = make_case_study("Checked lately", slug="fresh", published_at=long_ago)
    Verification.objects.create(
        case_study=fresh, verified_by=publisher, verified_at=timezone.now() - timedelta(days=30)
    )
    make_case_study("New", slug="new")

    assert (
        f"Last checked: not since it was first published on {timezone.localtime(long_ago):%-d %B %Y}."
        in client.get("/case-studies/never/").content.decode()
    )
    checked = timezone.localtime(long_ago + timedelta(days=10))
    assert (
        f"Last checked: {checked:%-d %B %Y}." in client.get("/case-studies/stale/").content.decode()
    )
    for slug in ("fresh", "new"):
        assert "Last checked:" not in client.get(f"/case-studies/{slug}/").content.decode()
    assert [cs.slug for cs in needs_verification()] == ["never", "stale"]
    assert needs_verification().get(slug="never").last_verified_at is None


def test_the_age_is_configurable(client, make_case_study, settings):
    make_case_study("Month old", slug="month-old", published_at=timezone.now() - timedelta(days=40))
    assert not needs_verification().exists()
    settings.VERIFICATION_MAX_AGE_DAYS = 30
    assert [cs.slug for cs in needs_verification()] == ["month-old"]
    assert "Last checked:" in client.get("/case-studies/month-old/").content.decode()


def test_the_workspace_lists_case_studies_that_need_checking(publisher_client, make_case_study):
    make_case_study("Overdue", slug="overdue", published_at=timezone.now() - timedelta(days=400))
    make_case_study("Recent", slug="recent")
    page = publisher_client.get("/admin/casestudies/casestudy/?verification=due").content.decode()
    assert "Overdue" in page and "Recent" not in page
    assert (
        "Needs checking against its sources"
        in publisher_client.get("/admin/casestudies/casestudy/").content.decode()
    )


def test_unconfirmed_facts_stay_marked(client, make_case_study):
    make_case_study(
        "Doubtful",
        slug="doubtful",
        verification_notes="The number of homes differs between sources.",
    )
    page = client.get("/case-studies/doubtful/").content.decode()
    assert "Not confirmed" in page and "The number of homes differs between sources." in page
    assert CaseStudy.objects.get(slug="doubtful").verifications.count() == 0
