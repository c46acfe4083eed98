"""What the start page shows one member of staff: the work waiting, in lists that link to it.

Selectors only: nothing here writes.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from casestudies.models import CaseStudy, CaseStudyImage, Outcome
from casestudies.models.choices import Status
from casestudies.services import verification, workflow
from casestudies.workspace import reviews

RECENT_DAYS = 30
LIST_LENGTH = 10


@dataclass
class Dashboard:
    waiting_for_review: list = field(default_factory=list)
    scheduled: list = field(default_factory=list)
    own_drafts: list = field(default_factory=list)
    recently_published: list = field(default_factory=list)
    needs_attention: list = field(default_factory=list)
    recent_comments: list = field(default_factory=list)
    counts: list = field(default_factory=list)
    is_publisher: bool = False


@dataclass
class Attention:
    case_study: CaseStudy
    problems: list


def for_user(user):
    now = timezone.now()
    in_review = list(
        CaseStudy.objects.filter(status=Status.REVIEW).order_by("updated_at")[:LIST_LENGTH]
    )
    submissions = reviews.submissions(in_review)
    for case_study in in_review:
        case_study.submission = submissions.get(case_study.pk)
    return Dashboard(
        waiting_for_review=in_review,
        scheduled=list(
            CaseStudy.objects.filter(status=Status.PUBLISHED, published_at__gt=now).order_by(
                "published_at"
            )[:LIST_LENGTH]
        ),
        own_drafts=list(
            CaseStudy.objects.filter(status=Status.DRAFT)
            .filter(Q(created_by=user) | Q(updated_by=user))
            .order_by("-updated_at")[:LIST_LENGTH]
        ),
        recently_published=list(
            CaseStudy.objects.published(now)
            .filter(published_at__gte=now - timedelta(days=RECENT_DAYS))
            .order_by("-published_at")[:LIST_LENGTH]
        ),
        needs_attention=needs_attention(now),
        recent_comments=reviews.recent(LIST_LENGTH),
        counts=counts(now),
        is_publisher=workflow.can_publish(user),
    )


def needs_attention(now=None):
    """Published case studies missing what a reader expects, each with what it lacks."""
    now = now or timezone.now()
    unchecked = set(verification.needs_verification(now).values_list("pk", flat=True))
    found = (
        CaseStudy.objects.published(now)
        .annotate(
            has_cover=Exists(
                CaseStudyImage.objects.filter(case_study=OuterRef("pk"), is_cover=True)
            ),
            unsourced_outcomes=Count(
                "outcomes", filter=Q(outcomes__source__isnull=True), distinct=True
            ),
        )
        .filter(
            Q(has_cover=False)
            | Q(latitude__isnull=True)
            | Q(lsoa_code="")
            | Q(pk__in=Outcome.objects.filter(source__isnull=True).values("case_study"))
            | Q(pk__in=unchecked)
        )
        .order_by("title")
    )
    listed = []
    for case_study in found:
        problems = []
        if not case_study.has_cover:
            problems.append("no cover image")
        if case_study.latitude is None:
            problems.append("no coordinates")
        if not case_study.lsoa_code:
            problems.append("no neighbourhood code")
        if case_study.unsourced_outcomes:
            count = case_study.unsourced_outcomes
            problems.append(f"{count} outcome{'s' if count != 1 else ''} without a source")
        if case_study.pk in unchecked:
            problems.append(
                f"not checked against its sources for {verification.max_age().days} days"
            )
        listed.append(Attention(case_study, problems))
    return listed


def counts(now=None):
    """(label, number, changelist filter) for each state a case study can be in."""
    now = now or timezone.now()
    totals = CaseStudy.objects.aggregate(
        draft=Count("pk", filter=Q(status=Status.DRAFT)),
        review=Count("pk", filter=Q(status=Status.REVIEW)),
        scheduled=Count("pk", filter=Q(status=Status.PUBLISHED, published_at__gt=now)),
        live=Count("pk", filter=Q(status=Status.PUBLISHED, published_at__lte=now)),
        archived=Count("pk", filter=Q(status=Status.ARCHIVED)),
    )
    return [
        ("Drafts", totals["draft"], f"status__exact={Status.DRAFT}"),
        ("Waiting for review", totals["review"], f"status__exact={Status.REVIEW}"),
        ("Scheduled", totals["scheduled"], f"status__exact={Status.PUBLISHED}"),
        ("Live on the site", totals["live"], f"status__exact={Status.PUBLISHED}"),
        ("Archived", totals["archived"], f"status__exact={Status.ARCHIVED}"),
    ]
