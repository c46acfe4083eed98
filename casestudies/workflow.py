"""Who may move a case study between draft, review, published and archived.

Editors write and submit for review; publishers decide what the public sees. Every
route that changes status (the edit form, bulk actions, history revert) asks this
module, and always against the status stored in the database, not the one on the
object in hand (a historical version being reverted to may say "draft").
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .choices import Status

PUBLISH_PERMISSION = "casestudies.publish_casestudy"
EDITOR_STATUSES = {Status.DRAFT, Status.REVIEW}
EDITORS_GROUP = "Editors"
PUBLISHERS_GROUP = "Publishers"


def can_publish(user):
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def stored_status(case_study):
    """The status in the database now, or None for a case study not yet saved."""
    if not case_study.pk:
        return None
    from .models import CaseStudy

    return CaseStudy.objects.filter(pk=case_study.pk).values_list("status", flat=True).first()


def can_edit(user, case_study):
    """Editors may change drafts and case studies in review, never what is public or archived."""
    if can_publish(user):
        return True
    current = stored_status(case_study)
    return current is None or current in EDITOR_STATUSES


def can_move(user, from_status, to_status):
    if from_status == to_status or can_publish(user):
        return True
    return (from_status is None or from_status in EDITOR_STATUSES) and to_status in EDITOR_STATUSES


def check_move(user, case_study, to_status):
    """Raise PermissionDenied, in words, if `user` may not give `case_study` this status."""
    current = stored_status(case_study)
    if not can_move(user, current, to_status):
        raise PermissionDenied(
            "Only publishers can publish, unpublish or archive a case study. "
            "Submit it for review and a publisher will take it from there."
        )


def move(case_study, to_status, user, reason):
    """Change status through the workflow and save, so history records who and why.

    Returns the problems that stop publication (and changes nothing) when there are any.
    """
    check_move(user, case_study, to_status)
    if to_status == Status.PUBLISHED:
        problems = case_study.publication_problems()
        if problems:
            return problems
        if case_study.published_at is None:
            case_study.published_at = timezone.now()
    case_study.status = to_status
    case_study.updated_by = user
    case_study._change_reason = reason
    case_study.save()
    return []
