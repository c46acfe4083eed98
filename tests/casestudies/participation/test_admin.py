"""The staff queue: triage, a draft case study from a suggestion in one action, a
correction beside its case study, declining with a polite reply, and a person's data."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from casestudies.models import CaseStudy
from casestudies.models.choices import Status
from casestudies.participation.models import ContactMessage, Correction, QueueStatus, Suggestion
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggestion(make_organisation):
    make_organisation("Karbon Homes", slug="karbon-homes")
    return Suggestion.objects.create(
        partnership_name="Allendale Community Homes",
        place="Allendale",
        local_authority="Northumberland",
        community_organisation="Allendale Community Land Trust",
        housing_association="karbon homes",
        delivery="new-build",
        homes=6,
        year_started=2015,
        year_completed=2019,
        what_happened="Six homes on parish land.",
        source_links="https://example.org/a\nhttps://example.org/b",
        name="Test Sender",
        email="sender@example.org",
        consent_to_contact=True,
        human_check="question",
    )


def test_a_suggestion_becomes_a_prefilled_draft_in_one_action(editor_client, editor, suggestion):
    url = reverse("admin:casestudies_suggestion_start_draft", args=[suggestion.pk])
    assert "Start the draft" in editor_client.get(url).content.decode()
    response = editor_client.post(url, follow=True)
    draft = CaseStudy.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:casestudies_casestudy_change", args=[draft.pk]
    )
    assert (draft.title, draft.status, draft.place_name, draft.local_authority_name) == (
        "Allendale Community Homes",
        Status.DRAFT,
        "Allendale",
        "Northumberland",
    )
    assert (draft.homes_built, draft.year_started, draft.year_completed, draft.delivery) == (
        6,
        2015,
        2019,
        "new-build",
    )
    assert [p.organisation.name for p in draft.partners.all()] == ["Karbon Homes"]
    assert [s.url for s in draft.sources.all()] == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    page = response.content.decode()
    assert (
        "“Allendale Community Land Trust” is not among the organisations yet: add it as a partner."
        in page
    )
    suggestion.refresh_from_db()
    assert (
        suggestion.draft == draft
        and suggestion.status == QueueStatus.ACCEPTED
        and suggestion.handled_by == editor
    )
    # Linked back, and nothing of the sender's own copied into what could be published.
    assert draft.suggestion == suggestion
    assert "Test Sender" not in draft.search_text and "parish land" not in draft.search_text
    assert (
        draft.history.latest().history_change_reason == f"Started from suggestion {suggestion.pk}"
    )
    # Nothing public until a publisher says so.
    assert editor_client.logout() is None
    assert editor_client.get(draft.get_absolute_url()).status_code == 404


def test_a_second_start_makes_no_second_draft(publisher_client, suggestion):
    url = reverse("admin:casestudies_suggestion_start_draft", args=[suggestion.pk])
    publisher_client.post(url)
    publisher_client.post(url)
    assert CaseStudy.objects.count() == 1


def test_a_correction_opens_its_case_study_beside_it(editor_client, make_case_study):
    case_study = make_case_study("Stocksfield homes")
    correction = Correction.objects.create(
        case_study=case_study, wrong_fact="12 homes", should_say="14 homes"
    )
    page = editor_client.get(correction.admin_url()).content.decode()
    edit = reverse("admin:casestudies_casestudy_change", args=[case_study.pk])
    assert (
        f'<a href="{edit}" target="_blank" rel="noopener">Open “Stocksfield homes” to edit, beside this report</a>'
        in page
    )
    assert "14 homes" in page


def test_declining_sends_the_polite_reply_after_commit(
    publisher_client, suggestion, django_capture_on_commit_callbacks
):
    url = reverse("admin:casestudies_suggestion_decline", args=[suggestion.pk])
    page = publisher_client.get(url).content.decode()
    assert "Thank you for taking the time to write to us." in page
    with django_capture_on_commit_callbacks(execute=True):
        publisher_client.post(url, {"reply": "Thank you. We could not find a published source."})
    suggestion.refresh_from_db()
    assert suggestion.status == QueueStatus.DECLINED and suggestion.reply_sent_at is not None
    assert [(m.to, m.body.strip()) for m in mail.outbox] == [
        (["sender@example.org"], "Thank you. We could not find a published source.")
    ]


def test_declining_without_a_reply_or_consent_sends_nothing(
    publisher_client, suggestion, django_capture_on_commit_callbacks
):
    suggestion.consent_to_contact = False
    suggestion.save()
    url = reverse("admin:casestudies_suggestion_decline", args=[suggestion.pk])
    assert "did not agree to be contacted" in publisher_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publisher_client.post(url, {"reply": "A reply"})
    suggestion.refresh_from_db()
    assert (
        suggestion.status == QueueStatus.DECLINED
        and suggestion.reply_sent_at is None
        and mail.outbox == []
    )


def test_staff_set_status_and_who_handles_it_but_never_rewrite_what_was_sent(
    editor_client, editor, suggestion
):
    url = suggestion.admin_url()
    data = form_data(
        editor_client.get(url).content.decode(),
        "suggestion_form",
        status="in-progress",
        staff_notes="Looking for the parish newsletter.",
    )
    data["partnership_name"] = "Rewritten by staff"  # not a field of the form: ignored
    assert editor_client.post(url, data).status_code == 302
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.handled_by, suggestion.partnership_name) == (
        "in-progress",
        editor,
        "Allendale Community Homes",
    )


def test_an_editor_cannot_reopen_what_was_decided(editor_client, suggestion):
    suggestion.status = QueueStatus.SPAM
    suggestion.save()
    page = editor_client.get(suggestion.admin_url()).content.decode()
    assert "has been decided (spam), so only publishers can reopen or change it" in page
    assert 'name="status"' not in page
    editor_client.post(reverse("admin:casestudies_suggestion_start_draft", args=[suggestion.pk]))
    editor_client.post(
        reverse("admin:casestudies_suggestion_decline", args=[suggestion.pk]), {"reply": ""}
    )
    suggestion.refresh_from_db()
    assert suggestion.status == QueueStatus.SPAM and not CaseStudy.objects.exists()


def test_bulk_actions_mark_in_progress_and_spam(editor_client, editor, suggestion):
    changelist = reverse("admin:casestudies_suggestion_changelist")
    editor_client.post(
        changelist, {"action": "mark_in_progress", "_selected_action": [suggestion.pk]}
    )
    suggestion.refresh_from_db()
    assert suggestion.status == QueueStatus.IN_PROGRESS and suggestion.handled_by == editor
    editor_client.post(changelist, {"action": "mark_spam", "_selected_action": [suggestion.pk]})
    suggestion.refresh_from_db()
    assert suggestion.status == QueueStatus.SPAM


def test_the_queue_lists_by_status_and_nobody_adds_by_hand(editor_client, suggestion):
    page = editor_client.get(
        reverse("admin:casestudies_suggestion_changelist") + "?status__exact=new"
    ).content.decode()
    assert "Allendale Community Homes" in page
    assert editor_client.get(reverse("admin:casestudies_suggestion_add")).status_code == 403


def test_a_publisher_exports_then_erases_one_persons_data(
    publisher_client, suggestion, make_case_study
):
    ContactMessage.objects.create(
        topic="other",
        message="Please ring me.",
        name="Test Sender",
        email="SENDER@example.org",
        phone="0191 496 0000",
    )
    Correction.objects.create(
        case_study=make_case_study(),
        wrong_fact="a",
        should_say="b",
        email="other@example.org",
        name="Someone else",
    )
    url = reverse("admin:casestudies_suggestion_personal_data")
    exported = publisher_client.post(
        url, {"email": "sender@example.org", "export": "Export as JSON"}
    )
    found = json.loads(exported.content)
    assert exported["Content-Disposition"] == 'attachment; filename="personal-data.json"'
    assert [row["name"] for rows in found.values() for row in rows] == [
        "Test Sender",
        "Test Sender",
    ]
    assert (
        found["messages"][0]["phone"] == "0191 496 0000"
        and "staff_notes" not in found["suggested partnerships"][0]
    )

    publisher_client.post(url, {"email": "sender@example.org", "erase": "Erase"})
    assert not ContactMessage.objects.exists()
    suggestion.refresh_from_db()
    assert (suggestion.name, suggestion.email, suggestion.consent_to_contact) == ("", "", False)
    assert (
        suggestion.partnership_name == "Allendale Community Homes"
        and suggestion.anonymised_at is not None
    )
    assert Correction.objects.get().email == "other@example.org"  # nobody else's touched
    assert (
        "Nothing is kept under that email address."
        in publisher_client.post(
            url, {"email": "sender@example.org", "show": "Show"}
        ).content.decode()
    )


def test_only_publishers_handle_a_persons_data(editor_client):
    assert (
        editor_client.get(reverse("admin:casestudies_suggestion_personal_data")).status_code == 403
    )
