"""What happens to a submission: it is saved, its sender and the staff inbox are told,
and staff move it through the queue (a draft case study, a decline, spam).

The emails never carry what the sender wrote: a form that mails its own text to any
address given would be a way to send spam through the site."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from casestudies.models import CaseStudy, CaseStudyPartner, Organisation, Source
from casestudies.models.choices import Delivery, PartnerRole, Status
from casestudies.participation.models import QueueStatus
from casestudies.presenters.links import absolute_url
from casestudies.services import workflow
from casestudies.services.mail import send_safely

EMAIL_TEMPLATES = "casestudies/participation/email/"


def _send_on_commit(subject, template, to, context):
    body = render_to_string(
        EMAIL_TEMPLATES + template, {"site_name": settings.SITE_NAME, **context}
    )
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
    )
    transaction.on_commit(lambda: send_safely(message))


@transaction.atomic
def receive(form):
    """Save a valid public form's submission and, once it is stored, tell its sender and
    the staff inbox. A failed send is logged; the submission stays."""
    submission = form.save()
    kind = submission.KIND
    if submission.email:
        _send_on_commit(
            f"We have received your {kind}",
            "acknowledgement.txt",
            submission.email,
            {
                "kind": kind,
                "retention_days": settings.PERSONAL_DATA_RETENTION_DAYS,
                "privacy_url": absolute_url(reverse("casestudies:privacy")),
            },
        )
    _send_on_commit(
        f"New {kind} for the library",
        "staff_notice.txt",
        settings.CONTACT_EMAIL,
        {"kind": kind, "admin_url": absolute_url(submission.admin_url())},
    )
    return submission


def _claim(submission, user, status):
    submission.status = status
    if submission.handled_by_id is None:
        submission.handled_by = user
    submission._change_reason = f"Marked {QueueStatus(status).label.lower()}"
    submission.save()


def check_can_change(user, submission):
    if not workflow.can_edit(user, submission):
        raise PermissionDenied(workflow.publishers_only_reason(submission))


def set_status(submission, user, status):
    check_can_change(user, submission)
    _claim(submission, user, status)


def _unique_slug(title):
    base = slugify(title)[:180] or "suggested-partnership"
    slug, number = base, 2
    while CaseStudy.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _existing_organisation(name):
    return Organisation.objects.filter(name__iexact=name.strip()).first() if name.strip() else None


@transaction.atomic
def start_draft(suggestion, user):
    """A draft case study pre-filled with the suggestion's facts, linked both ways, and
    the suggestion accepted. The sender's own words and details stay on the suggestion,
    for staff to read beside the draft: the public never sees them."""
    check_can_change(user, suggestion)
    if not user.has_perm("casestudies.add_casestudy"):
        raise PermissionDenied("Only staff who may add case studies can start a draft.")
    if suggestion.draft_id:
        return suggestion.draft, []
    homes = {}
    if suggestion.homes and suggestion.delivery == Delivery.NEW_BUILD:
        homes["homes_built"] = suggestion.homes
    elif suggestion.homes and suggestion.delivery in (Delivery.REFURBISHMENT, Delivery.CONVERSION):
        homes["homes_refurbished"] = suggestion.homes
    draft = CaseStudy(
        title=suggestion.partnership_name[:200],
        slug=_unique_slug(suggestion.partnership_name),
        status=Status.DRAFT,
        place_name=suggestion.place,
        local_authority_name=suggestion.local_authority,
        delivery=suggestion.delivery,
        year_started=suggestion.year_started,
        year_completed=suggestion.year_completed,
        created_by=user,
        updated_by=user,
        **homes,
    )
    draft._change_reason = f"Started from suggestion {suggestion.pk}"
    draft.save()
    still_to_do = []
    partners = [
        (suggestion.community_organisation, PartnerRole.COMMUNITY),
        (suggestion.housing_association, PartnerRole.HOUSING_ASSOCIATION),
    ]
    for order, (name, role) in enumerate(partners):
        organisation = _existing_organisation(name)
        if organisation:
            CaseStudyPartner.objects.create(
                case_study=draft, organisation=organisation, role=role, order=order
            )
        elif name.strip():
            still_to_do.append(
                f"“{name.strip()}” is not among the organisations yet: add it as a partner."
            )
    for order, link in enumerate(suggestion.source_link_list()):
        Source.objects.create(
            case_study=draft,
            title=f"Suggested source {order + 1} (check it and give its title)",
            url=link[:500],
            order=order,
        )
    if suggestion.homes and "homes_built" not in homes and "homes_refurbished" not in homes:
        still_to_do.append(
            f"The suggestion gives {suggestion.homes} homes: say whether built or refurbished."
        )
    suggestion.draft = draft
    _claim(suggestion, user, QueueStatus.ACCEPTED)
    return draft, still_to_do


POLITE_REPLY = (
    "Thank you for taking the time to write to us. We have looked at what you sent and decided not to take it "
    "further for now. This is no reflection on the work you told us about: the library can only include what its "
    "published sources let us check.\n\nWith best wishes,\nThe {site_name} team"
)


@transaction.atomic
def decline(submission, user, reply=""):
    """Decline, and send the sender a polite reply if one is given and they may be contacted.
    Returns whether a reply was sent (queued for after the commit)."""
    check_can_change(user, submission)
    replying = bool(reply.strip() and submission.email and submission.consent_to_contact)
    if replying:
        _send_on_commit(
            f"About your {submission.KIND}", "reply.txt", submission.email, {"reply": reply.strip()}
        )
        submission.reply_sent_at = timezone.now()
    _claim(submission, user, QueueStatus.DECLINED)
    return replying
