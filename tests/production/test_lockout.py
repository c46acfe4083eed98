"""Brute-force protection on the staff sign-in (django-axes)."""

import pytest
from django.urls import reverse


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "curator", password="the right password 123", is_staff=True
    )


def sign_in(client, password, address="203.0.113.7", username="curator"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_that_username_from_that_address(client, staff):
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with an error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    # Locked even with the right password, from that address.
    assert sign_in(client, "the right password 123").status_code == 429


def test_an_attacker_cannot_lock_staff_out_from_elsewhere(client, staff):
    for _ in range(6):
        sign_in(client, "wrong", address="198.51.100.66")
    response = sign_in(client, "the right password 123", address="203.0.113.7")
    assert response.status_code == 302  # the member of staff, at their own address, gets in


def test_other_usernames_from_the_same_address_are_not_locked(client, staff, django_user_model):
    django_user_model.objects.create_user(
        "editor2", password="another right password", is_staff=True
    )
    for _ in range(6):
        sign_in(client, "wrong")
    assert sign_in(client, "another right password", username="editor2").status_code == 302


def test_lockout_ends_after_the_cool_off(client, staff, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(5):
        sign_in(client, "wrong")
    assert sign_in(client, "the right password 123").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(hours=1, minutes=1)
    )
    assert sign_in(client, "the right password 123").status_code == 302


def test_behind_a_proxy_the_client_address_comes_from_the_right(client, staff, settings):
    settings.TRUSTED_PROXIES = 1
    # The attacker forges an X-Forwarded-For entry; the proxy appends the real address.
    for _ in range(6):
        client.post(
            reverse("admin:login"),
            {"username": "curator", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.66",
        )
    ok = client.post(
        reverse("admin:login"),
        {"username": "curator", "password": "the right password 123", "next": "/admin/"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert ok.status_code == 302
