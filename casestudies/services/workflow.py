"""Who may change what: the publishing workflow.

Editors write and submit for review; publishers decide what the public sees. That
covers a case study or a guide once it is published, scheduled or archived, and the organisations
and themes published case studies show. Every route that saves (the edit form, the
history form and revert, bulk actions, delete) asks this module, and always about what
is stored in the database, not the object in hand (a historical version being reverted
to may say "draft").
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from casestudies.models import CaseStudy, CaseStudyPartner, Guide, GuideEntry, Organisation, Theme
from casestudies.models.choices import Status
from casestudies.participation.models import CLOSED_STATUSES

PUBLISH_PERMISSION = "casestudies.publish_casestudy"
EDITOR_STATUSES = {Status.DRAFT, Status.REVIEW}
EDITORS_GROUP = "Editors"
PUBLISHERS_GROUP = "Publishers"


def can_publish(user):
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def stored_status(record):
    """The status in the database now of a case study or a guide, or None for one not yet saved."""
    if not record.pk:
        return None
    return (
        type(record)._default_manager.filter(pk=record.pk).values_list("status", flat=True).first()
    )


def can_edit(user, record):
    """Editors may change drafts, case studies in review and whatever the public cannot
    see; publishers may change anything their permissions allow."""
    return can_publish(user) or not publishers_only_reason(record)


def publishers_only_reason(record):
    """Why only publishers may change `record`, in a sentence for the editor who cannot,
    or "" when editors may."""

    if isinstance(record, GuideEntry):
        record = Guide(pk=record.guide_id)  # an entry is changed as part of its guide
    if isinstance(record, (CaseStudy, Guide)):
        current = stored_status(record)
        if current is None or current in EDITOR_STATUSES:
            return ""
        state = "archived" if current == Status.ARCHIVED else "published (or scheduled to be)"
        return (
            f"This {record._meta.verbose_name} is {state}, so only publishers can change it. "
            "Ask a publisher to make the change, or to return it to draft so that it can be edited."
        )
    if isinstance(record, Organisation) and is_public_organisation(record):
        return (
            "This organisation is on the public site (it is a partner in a published case study, or the "
            "successor of one), so only publishers can change it. Ask a publisher to make the change."
        )
    if getattr(record, "holds_personal_data", False):
        return submission_closed_reason(record)
    if isinstance(record, Theme) and is_public_theme(record):
        return (
            "This theme is shown on published case studies, so only publishers can change it. "
            "Ask a publisher to make the change."
        )
    return ""


def submission_closed_reason(submission):
    """A suggestion, correction or message that has been decided (accepted, declined or
    spam), as stored: only publishers may reopen or change it."""

    stored = (
        type(submission).objects.filter(pk=submission.pk).values_list("status", flat=True).first()
    )
    if stored not in CLOSED_STATUSES:
        return ""
    return (
        f"This {submission.KIND} has been decided ({stored.replace('-', ' ')}), so only publishers can reopen or "
        "change it. Ask a publisher if it needs another look."
    )


# Scheduled case studies count as published here: a publisher has already decided they
# go public, and a change made before their date would go public with them unseen.


def is_public_organisation(organisation):
    """A partner in a published case study, or the successor (however many steps on) of
    one: its name, logo and links are then on the public site."""

    if not organisation.pk:
        return False
    lineage = organisation.lineage_ids()  # read from the database, whatever the form in hand says
    return CaseStudyPartner.objects.filter(
        organisation_id__in=lineage, case_study__status=Status.PUBLISHED
    ).exists()


def is_public_theme(theme):

    return (
        bool(theme.pk)
        and CaseStudy.objects.filter(themes=theme.pk, status=Status.PUBLISHED).exists()
    )


def can_move(user, from_status, to_status):
    if from_status == to_status or can_publish(user):
        return True
    return (from_status is None or from_status in EDITOR_STATUSES) and to_status in EDITOR_STATUSES


def check_move(user, record, to_status):
    """Raise PermissionDenied, in words, if `user` may not give a case study or guide this status."""
    current = stored_status(record)
    if not can_move(user, current, to_status):
        raise PermissionDenied(
            f"Only publishers can publish, unpublish or archive a {record._meta.verbose_name}. "
            "Submit it for review and a publisher will take it from there."
        )


def move(record, to_status, user, reason):
    """Change status through the workflow and save, so history records who and why.

    Returns the problems that stop publication (and changes nothing) when there are any.
    """
    check_move(user, record, to_status)
    if to_status == Status.PUBLISHED:
        problems = record.publication_problems()
        if problems:
            return problems
        if record.published_at is None:
            record.published_at = timezone.now()
    record.status = to_status
    record.updated_by = user
    record._change_reason = reason
    record.save()
    return []
