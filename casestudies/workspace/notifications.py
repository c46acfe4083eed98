"""Email after a workflow step: publishers hear of submissions; the editor hears when
their case study is published or returned, with the comment.

Sent through casestudies.services.mail.send_safely once the save has committed, so a mail server
that is down neither loses nor undoes the save.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from casestudies.services import mail, workflow
from casestudies.workspace import reviews


def after_action(name, case_study, by, comment=""):
    if name == "submit":
        recipients = publisher_addresses(exclude=by)
        subject = f"Waiting for review: {case_study.title}"
        lines = [f"{_name(by)} has submitted “{case_study.title}” for review."]
    elif name in ("publish", "return"):
        editor = editor_of(case_study)
        recipients = [editor.email] if editor and editor.email and editor != by else []
        if name == "publish":
            subject = f"Published: {case_study.title}"
            lines = [
                f"{_name(by)} has published “{case_study.title}”.",
                f"It is live at {_absolute(case_study.get_absolute_url())}",
            ]
        else:
            subject = f"Returned to you: {case_study.title}"
            lines = [f"{_name(by)} has returned “{case_study.title}” to you as a draft."]
    else:
        return
    if comment:
        lines += ["", "Their comment:", comment]
    lines += [
        "",
        f"Open it: {_absolute(reverse('admin:casestudies_casestudy_change', args=[case_study.pk]))}",
    ]
    if recipients:
        message = EmailMessage(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients)
        transaction.on_commit(lambda: mail.send_safely(message))


def publisher_addresses(exclude=None):
    users = (
        get_user_model()
        .objects.with_perm(
            workflow.PUBLISH_PERMISSION, backend="django.contrib.auth.backends.ModelBackend"
        )
        .exclude(email="")
    )
    if exclude is not None and exclude.pk:
        users = users.exclude(pk=exclude.pk)
    return sorted(set(users.values_list("email", flat=True)))


def editor_of(case_study):
    """Whoever submitted it for review most recently, or else whoever created it."""
    submitted = reviews.latest_submitter(case_study)
    return submitted or case_study.created_by


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "Someone"


def _absolute(path):
    return f"{settings.SITE_URL.rstrip('/')}{path}"
