"""Verification: a curator confirming a case study's facts against its sources.

Each confirmation is a record of its own (when, who, and a note), so the list of them
is the history, and "last verified" is never confused with "last edited". A published
case study not verified for VERIFICATION_MAX_AGE_DAYS (since its last verification, or
since publication if it has none) needs checking again: its page says when it was
last checked, and the workspace lists it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from casestudies.models import CaseStudy, Verification
from casestudies.services import workflow


def max_age():
    return timedelta(days=settings.VERIFICATION_MAX_AGE_DAYS)


def record_verification(case_study, user, note=""):
    """Record that `user` confirmed the case study's facts against its sources, if the
    workflow lets them change it (the page shows the date, so it is a public change)."""

    if not workflow.can_edit(user, case_study):
        raise PermissionDenied(workflow.publishers_only_reason(case_study))
    return Verification.objects.create(case_study=case_study, verified_by=user, note=note[:300])


def last_verified(case_study):
    return case_study.verifications.select_related("verified_by").first()


def _checked_since(queryset):
    return queryset.annotate(last_verified_at=Max("verifications__verified_at")).annotate(
        last_checked_at=Coalesce("last_verified_at", "published_at")
    )


def needs_verification(now=None):
    """Published case studies not checked against their sources within the allowed age,
    longest unchecked first, each with `last_verified_at` (None if never)."""

    now = now or timezone.now()
    return (
        _checked_since(CaseStudy.objects.published(at=now))
        .filter(last_checked_at__lt=now - max_age())
        .order_by("last_checked_at", "title")
    )


def page_notice(case_study, verified, now=None):
    """What a case study's page says about checking, given its last verification (or
    None): {"verified": Verification or None, "stale": bool}; stale pages say "Last
    checked: …"."""
    now = now or timezone.now()
    since = verified.verified_at if verified else case_study.published_at
    return {"verified": verified, "stale": bool(since and since < now - max_age())}
