import logging

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage

from casestudies.services.mail import email_settings_from_url, send_safely


def test_smtp_url_gives_host_port_credentials_and_starttls():
    found = email_settings_from_url("smtp://curator%40example.org:p%2Fss@smtp.example.org:587")
    assert found["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == ("smtp.example.org", 587)
    assert (found["EMAIL_HOST_USER"], found["EMAIL_HOST_PASSWORD"]) == (
        "curator@example.org",
        "p/ss",
    )
    assert found["EMAIL_USE_TLS"] and not found["EMAIL_USE_SSL"]


def test_smtps_url_uses_tls_on_465():
    found = email_settings_from_url("smtps://mail.example.org")
    assert found["EMAIL_PORT"] == 465 and found["EMAIL_USE_SSL"] and not found["EMAIL_USE_TLS"]


@pytest.mark.parametrize("url", ["http://example.org", "smtp://", "nonsense"])
def test_unknown_or_incomplete_email_url_is_refused_with_a_plain_message(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings_from_url(url)


def test_send_safely_sends_through_the_configured_backend():
    assert send_safely(EmailMessage("Hello", "Body", to=["a@example.org"]))
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_a_failed_send_is_logged_and_not_raised(settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    with caplog.at_level(logging.ERROR, logger="casestudies.services.mail"):
        assert send_safely(EmailMessage("Hello", "Body", to=["a@example.org"])) is False
    assert "could not be sent" in caplog.text and "a@example.org" in caplog.text
