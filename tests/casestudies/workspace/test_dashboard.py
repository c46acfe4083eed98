"""The start page: for the person signed in, what is waiting, scheduled, theirs, new and incomplete."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from casestudies.models import CaseStudyImage, Indicator, Outcome
from casestudies.models.choices import Status
from casestudies.workspace import dashboard
from tests.forms import form_data


def section(page, heading_id):
    start = page.index(f'id="{heading_id}"')
    end = page.find("</section>", start)
    return page[start:end]


def test_waiting_for_review_says_who_submitted_it_and_when(
    editor_client, publisher, make_case_study
):
    draft = make_case_study(status=Status.DRAFT, title="Ready for a look")
    url = reverse("admin:casestudies_casestudy_change", args=[draft.pk])
    data = form_data(editor_client.get(url).content.decode(), "casestudy_form", _workflow="submit")
    assert editor_client.post(url, data).status_code == 302

    editor_client.force_login(publisher)
    listed = section(editor_client.get(reverse("admin:index")).content.decode(), "review-heading")
    assert f'href="{url}">Ready for a look</a>' in listed
    assert "editor-account" in listed
    assert timezone.localtime().strftime("%-d %b %Y") in listed


def test_lists_link_to_the_work(publisher_client, publisher, make_case_study):
    soon = timezone.now() + timedelta(days=3)
    make_case_study(title="Going live soon", published_at=soon)
    mine = make_case_study(title="My own draft", status=Status.DRAFT, created_by=publisher)
    make_case_study(title="Someone else's draft", status=Status.DRAFT)
    fresh = make_case_study(title="Just published")
    make_case_study(title="Published long ago", published_at=timezone.now() - timedelta(days=400))

    page = publisher_client.get(reverse("admin:index")).content.decode()
    assert "Going live soon" in section(page, "scheduled-heading")
    assert timezone.localtime(soon).strftime("%-d %b %Y, %H:%M") in section(
        page, "scheduled-heading"
    )
    drafts = section(page, "drafts-heading")
    assert reverse("admin:casestudies_casestudy_change", args=[mine.pk]) in drafts
    assert "Someone else's draft" not in drafts
    recent = section(page, "published-heading")
    assert "Just published" in recent and fresh.get_absolute_url() in recent
    assert "Published long ago" not in recent and "Going live soon" not in recent


def test_needs_attention_names_what_is_missing(db, make_case_study):
    indicator = Indicator.objects.order_by("pk").first()
    lacking = make_case_study(title="Lacking", latitude=None, longitude=None)
    Outcome.objects.create(
        case_study=lacking, indicator=indicator, value=3, method="Survey", source=None
    )
    complete = make_case_study(
        title="Complete", latitude=54.9, longitude=-1.6, lsoa_code="E01000001"
    )
    CaseStudyImage.objects.bulk_create(
        [CaseStudyImage(case_study=complete, is_cover=True, alt_text="A street")]
    )
    make_case_study(title="A draft", status=Status.DRAFT)

    found = {item.case_study.title: item.problems for item in dashboard.needs_attention()}
    assert found == {
        "Lacking": [
            "no cover image",
            "no coordinates",
            "no neighbourhood code",
            "1 outcome without a source",
        ]
    }


def test_counts_each_state(db, make_case_study):
    make_case_study(status=Status.DRAFT)
    make_case_study(status=Status.DRAFT)
    make_case_study(status=Status.REVIEW)
    make_case_study(published_at=timezone.now() + timedelta(days=1))
    make_case_study()
    make_case_study(status=Status.ARCHIVED)
    assert [(label, number) for label, number, _ in dashboard.counts()] == [
        ("Drafts", 2),
        ("Waiting for review", 1),
        ("Scheduled", 1),
        ("Live on the site", 1),
        ("Archived", 1),
    ]


def test_needs_attention_names_what_has_not_been_checked_for_a_year(db, make_case_study):
    old = make_case_study(
        title="Long unchecked",
        latitude=54.9,
        longitude=-1.6,
        lsoa_code="E01000001",
        published_at=timezone.now() - timedelta(days=400),
    )
    CaseStudyImage.objects.bulk_create(
        [CaseStudyImage(case_study=old, is_cover=True, alt_text="A street")]
    )
    found = {item.case_study.title: item.problems for item in dashboard.needs_attention()}
    assert found == {"Long unchecked": ["not checked against its sources for 365 days"]}
