"""Sign-up refusals: bad email, floods, bad filters. Each stores nothing."""

from django.core import mail

from casestudies.alerts.models import AlertSubscription


def test_a_bad_email_is_refused_and_nothing_stored(client, db):
    response = client.post(
        "/alerts/new/?region=wales", {"email": "not an address", "frequency": "weekly"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not AlertSubscription.objects.exists() and mail.outbox == []


def test_twenty_sign_ups_a_minute_from_one_address_are_refused(
    client, db, django_capture_on_commit_callbacks
):
    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(20):
            response = client.post(
                "/alerts/new/", {"email": f"person{number}@example.org", "frequency": "weekly"}
            )
            statuses.append(response.status_code)
    assert statuses.count(429) >= 15
    refused = client.post("/alerts/new/", {"email": "late@example.org", "frequency": "weekly"})
    assert (
        "Too many alert sign-ups have come from you in the last minute" in refused.content.decode()
    )
    assert AlertSubscription.objects.count() == statuses.count(200) == len(mail.outbox)
    assert not AlertSubscription.objects.filter(email="late@example.org").exists()


def test_filters_that_cannot_be_used_get_no_alert(client, db):
    response = client.post(
        "/alerts/new/?completed_from=soon", {"email": "a@example.org", "frequency": "weekly"}
    )
    assert response.status_code == 400
    assert "could not be used" in response.content.decode()
    assert not AlertSubscription.objects.exists()


def test_the_same_filters_in_another_order_are_one_subscription(client, db):
    client.post(
        "/alerts/new/?region=wales&model=clt", {"email": "a@example.org", "frequency": "weekly"}
    )
    client.post(
        "/alerts/new/?model=clt&region=wales", {"email": "A@example.org", "frequency": "weekly"}
    )
    assert AlertSubscription.objects.count() == 1


def test_the_finder_offers_a_feed_and_an_alert_for_its_filters(client, make_case_study):
    make_case_study(region="wales")
    page = client.get("/case-studies/?region=wales").content.decode()
    assert 'href="/alerts/new/?region=wales"' in page
    assert 'href="/feeds/case-studies/?region=wales"' in page
