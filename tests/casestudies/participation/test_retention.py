"""Personal data is kept only as long as the privacy notice says: the purge, with time
moved forward, and run again (as cron would) changing nothing more."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from casestudies.participation import retention
from casestudies.participation.models import ContactMessage, Correction, QueueStatus, Suggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def received(make_case_study):
    case_study = make_case_study()
    return {
        "suggestion": Suggestion.objects.create(
            partnership_name="Allendale homes",
            place="Allendale",
            community_organisation="Allendale CLT",
            name="Test Sender",
            email="sender@example.org",
            organisation="CLT",
            role="Chair",
        ),
        "correction": Correction.objects.create(
            case_study=case_study,
            wrong_fact="12",
            should_say="14",
            name="Second Sender",
            email="second@example.org",
        ),
        "message": ContactMessage.objects.create(
            topic="other",
            message="Hello",
            name="Third Sender",
            email="third@example.org",
            phone="0191 496 0000",
        ),
        "spam": ContactMessage.objects.create(
            topic="other", message="Buy now", email="spam@example.org", status=QueueStatus.SPAM
        ),
    }


def purge_in(days):
    with time_machine.travel(timezone.now() + timedelta(days=days)):
        out = StringIO()
        call_command("purge_personal_data", stdout=out)
        return out.getvalue()


def test_nothing_is_purged_before_its_time(received, settings):
    assert "nothing was due" in purge_in(settings.SPAM_RETENTION_DAYS - 1)
    assert (
        ContactMessage.objects.count() == 2
        and Suggestion.objects.get().email == "sender@example.org"
    )


def test_spam_goes_after_its_own_shorter_period(received, settings):
    out = purge_in(settings.SPAM_RETENTION_DAYS + 1)
    assert "1 messages deleted" in out
    assert list(ContactMessage.objects.values_list("message", flat=True)) == ["Hello"]


def test_after_the_retention_period_details_go_and_the_partnership_stays(received, settings):
    out = purge_in(settings.PERSONAL_DATA_RETENTION_DAYS + 1)
    assert "1 suggested partnerships anonymised; 1 reported corrections anonymised" in out
    assert not ContactMessage.objects.exists()  # correspondence goes whole
    suggestion, correction = Suggestion.objects.get(), Correction.objects.get()
    for record in (suggestion, correction):
        assert (record.name, record.email, record.organisation, record.role) == ("", "", "", "")
        assert record.anonymised_at is not None
    assert suggestion.partnership_name == "Allendale homes" and correction.should_say == "14"


def test_running_it_again_changes_nothing_more(received, settings):
    purge_in(settings.PERSONAL_DATA_RETENTION_DAYS + 1)
    first = Suggestion.objects.get().anonymised_at
    assert "nothing was due" in purge_in(settings.PERSONAL_DATA_RETENTION_DAYS + 2)
    assert Suggestion.objects.get().anonymised_at == first


def test_the_period_is_configurable(received, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 10
    purge_in(11)
    assert Suggestion.objects.get().email == "" and Correction.objects.get().email == ""


def test_what_arrived_later_is_kept(received, settings):
    with time_machine.travel(
        timezone.now() + timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS - 5)
    ):
        ContactMessage.objects.create(
            topic="other", message="Newer", name="Fourth Sender", email="fourth@example.org"
        )
    purge_in(settings.PERSONAL_DATA_RETENTION_DAYS + 1)
    assert list(ContactMessage.objects.values_list("name", flat=True)) == ["Fourth Sender"]


def test_history_of_a_purged_submission_holds_no_personal_data(received, settings):
    suggestion = received["suggestion"]
    suggestion.status = QueueStatus.IN_PROGRESS
    suggestion.save()
    purge_in(settings.PERSONAL_DATA_RETENTION_DAYS + 1)
    for row in Suggestion.history.values():
        assert "sender@example.org" not in str(row) and "Test Sender" not in str(row)


def test_the_purge_reports_what_it_did(received, settings):
    done = retention.purge(
        timezone.now() + timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS + 1)
    )
    assert done.deleted == {"messages": 2} and done.anonymised == {
        "suggested partnerships": 1,
        "reported corrections": 1,
    }
