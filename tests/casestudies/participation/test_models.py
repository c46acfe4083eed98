"""The submission models: what they say about themselves, and what their history keeps."""

import pytest

from casestudies.participation.models import (
    CLOSED_STATUSES,
    SUBMISSION_MODELS,
    ContactMessage,
    Correction,
    QueueStatus,
    Suggestion,
)
from casestudies.services import workflow

pytestmark = pytest.mark.django_db


def make(model, **values):
    defaults = {
        Suggestion: {
            "partnership_name": "Allendale homes",
            "place": "Allendale",
            "community_organisation": "Allendale CLT",
        },
        Correction: {"wrong_fact": "12 homes", "should_say": "14 homes"},
        ContactMessage: {"topic": "other", "message": "Hello"},
    }[model]
    return model.objects.create(
        name="Test Sender", email="sender@example.org", **{**defaults, **values}
    )


@pytest.mark.parametrize("model", SUBMISSION_MODELS)
def test_its_name_never_carries_the_senders_details(model):
    submission = make(model)
    assert str(submission) == f"{model.KIND.capitalize()} {submission.pk}"


@pytest.mark.parametrize("model", SUBMISSION_MODELS)
def test_history_keeps_the_queue_but_never_the_senders_details_or_words(model):
    submission = make(model)
    submission.status = QueueStatus.IN_PROGRESS
    submission.save()
    historical_fields = {field.name for field in submission.history.model._meta.fields}
    assert {"status", "handled_by"} <= historical_fields
    for name in (*model.PERSONAL_FIELDS, *model.FREE_TEXT_FIELDS, "staff_notes"):
        assert name not in historical_fields
    assert [record.status for record in submission.history.order_by("history_date")] == [
        "new",
        "in-progress",
    ]


@pytest.mark.parametrize("model", SUBMISSION_MODELS)
def test_every_model_declares_its_personal_fields_as_real_fields(model):
    names = {field.name for field in model._meta.fields}
    assert (
        model.holds_personal_data
        and set(model.PERSONAL_FIELDS) <= names
        and set(model.FREE_TEXT_FIELDS) <= names
    )
    assert {"name", "email"} <= set(model.PERSONAL_FIELDS)


def test_only_publishers_may_change_what_has_been_decided(editor, publisher):
    for status in QueueStatus:
        submission = make(Suggestion, status=status)
        assert workflow.can_edit(publisher, submission)
        assert workflow.can_edit(editor, submission) is (status not in CLOSED_STATUSES)
    closed = make(Correction, status=QueueStatus.DECLINED)
    assert (
        "has been decided (declined), so only publishers can reopen"
        in workflow.publishers_only_reason(closed)
    )


def test_the_stored_status_decides_not_the_one_in_hand(editor):
    submission = make(Suggestion, status=QueueStatus.SPAM)
    submission.status = QueueStatus.NEW  # as a posted form might say
    assert not workflow.can_edit(editor, submission)


def test_source_links_are_read_one_a_line():
    suggestion = make(Suggestion, source_links="https://example.org/a\n\n https://example.org/b ")
    assert suggestion.source_link_list() == ["https://example.org/a", "https://example.org/b"]
