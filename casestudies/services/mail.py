"""Sending email without ever losing the save that caused it.

Only the standard library and Django: settings.py imports this module to read EMAIL_URL,
so it must not import models.
"""

import logging
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
}


def email_settings_from_url(url):
    """Django's EMAIL_* settings from one address, such as smtp://user:pass@host:587."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with one of {', '.join(s + '://' for s in _BACKENDS)}, not {url!r}."
        )
    found = {"EMAIL_BACKEND": _BACKENDS[scheme]}
    if scheme in ("smtp", "smtps"):
        if not parts.hostname:
            raise ImproperlyConfigured(
                "EMAIL_URL needs a host, for example smtp://user:password@smtp.example.org:587."
            )
        found.update(
            EMAIL_HOST=parts.hostname,
            EMAIL_PORT=parts.port or (465 if scheme == "smtps" else 587),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=scheme == "smtps",
            EMAIL_USE_TLS=scheme == "smtp" and parts.port != 25,
        )
    return found


def send_safely(message):
    """Send one EmailMessage; a failure is logged and reported as False, never raised.

    Callers send after their transaction commits (transaction.on_commit), so a mail server
    that is down can neither lose nor undo what was saved.
    """
    try:
        message.send(fail_silently=False)
    except Exception:  # any transport error: the save it follows must stand
        logger.exception(
            "Email to %s could not be sent: %r", ", ".join(message.to), message.subject
        )
        return False
    return True
