"""An alert's whole life, with time moved forward: sign up, confirm, a new matching case
study is published, one digest, no repeat, unsubscribe."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from casestudies.alerts.models import AlertDelivery, AlertSubscription
from casestudies.models.choices import Status


@pytest.fixture
def clock(monkeypatch):
    """Move time forward: every timezone.now() in the app reads this clock."""
    real_now = timezone.now
    state = {"offset": timedelta(0)}

    def now():
        return real_now() + state["offset"]

    monkeypatch.setattr(timezone, "now", now)

    def forward(**delta):
        state["offset"] += timedelta(**delta)

    return forward


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def link_in(message, path):
    found = re.search(rf"https?://[^\s]+{path}[^\s]+/", message.body)
    assert found, message.body
    return found.group(0).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_sign_up_confirm_digest_no_repeat_unsubscribe(client, make_case_study, clock, on_commit):
    make_case_study(
        "Old Cumbrian scheme", region="north-west"
    )  # there before the alert: never sent
    response = on_commit(
        lambda: client.post(
            "/alerts/new/?region=north-west",
            {"email": "officer@council.example", "frequency": "weekly"},
        )
    )
    assert "Check your email." in response.content.decode()
    (confirmation,) = mail.outbox
    assert confirmation.to == ["officer@council.example"]
    assert "North West" in confirmation.body
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    confirm = link_in(confirmation, "/alerts/confirm/")
    assert "Alert confirmed" in client.get(confirm).content.decode()
    assert client.get(confirm).status_code == 404  # a confirmation link works once

    clock(days=1)
    make_case_study("New Cumbrian scheme", region="north-west")
    make_case_study("New London scheme", region="london")
    mail.outbox.clear()
    on_commit(lambda: call_command("send_alerts", verbosity=0))
    assert mail.outbox == []  # weekly: not due yet

    clock(days=7)
    on_commit(lambda: call_command("send_alerts", verbosity=0))
    (digest,) = mail.outbox
    assert "New Cumbrian scheme" in digest.body
    assert "Old Cumbrian scheme" not in digest.body and "New London scheme" not in digest.body
    unsubscribe = digest.extra_headers["List-Unsubscribe"].strip("<>")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in digest.body

    clock(days=8)
    mail.outbox.clear()
    on_commit(lambda: call_command("send_alerts", verbosity=0))
    on_commit(lambda: call_command("send_alerts", verbosity=0))
    assert mail.outbox == []  # nothing new: no repeat
    assert AlertDelivery.objects.count() == 1

    path = "/" + unsubscribe.split("://", 1)[1].split("/", 1)[1]
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    assert client.post(tampered, {"List-Unsubscribe": "One-Click"}).status_code == 404
    assert AlertSubscription.objects.count() == 1  # a tampered link does nothing
    assert "Stop this alert?" in client.get(path).content.decode()
    assert AlertSubscription.objects.count() == 1  # looking at the page changes nothing
    assert "Unsubscribed" in client.post(path, {"List-Unsubscribe": "One-Click"}).content.decode()
    assert not AlertSubscription.objects.exists() and not AlertDelivery.objects.exists()


def test_a_case_study_published_then_edited_is_still_sent_once(
    client, make_case_study, clock, on_commit
):
    subscription = AlertSubscription.objects.create(
        email="a@b.example", query="region=wales", confirm_token="", confirmed_at=timezone.now()
    )
    clock(days=1)
    scheme = make_case_study("Welsh scheme", region="wales")
    clock(days=7)
    on_commit(lambda: call_command("send_alerts", verbosity=0))
    scheme.summary = "Changed."
    scheme.save()
    clock(days=7)
    on_commit(lambda: call_command("send_alerts", verbosity=0))
    assert len(mail.outbox) == 1
    assert list(subscription.deliveries.values_list("case_study__title", flat=True)) == [
        "Welsh scheme"
    ]


def test_drafts_are_never_sent(client, make_case_study, clock, on_commit):
    AlertSubscription.objects.create(
        email="a@b.example", query="", confirm_token="", confirmed_at=timezone.now()
    )
    clock(days=1)
    make_case_study("Secret draft", status=Status.DRAFT)
    clock(days=7)
    on_commit(lambda: call_command("send_alerts", verbosity=0))
    assert mail.outbox == []


def test_unconfirmed_sign_ups_are_purged_after_the_retention_period(
    client, db, clock, settings, on_commit
):
    on_commit(
        lambda: client.post("/alerts/new/", {"email": "forgot@example.org", "frequency": "weekly"})
    )
    confirm = link_in(mail.outbox[0], "/alerts/confirm/")
    clock(days=settings.ALERT_PENDING_DAYS - 1)
    call_command("purge_alerts", verbosity=0)
    assert AlertSubscription.objects.count() == 1
    clock(days=2)
    assert client.get(confirm).status_code == 404  # expired
    call_command("purge_alerts", verbosity=0)
    assert not AlertSubscription.objects.exists()
