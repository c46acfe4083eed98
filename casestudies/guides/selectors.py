"""Reading guides: only published guides, and in them only published case studies."""

from django.db.models import Prefetch

from casestudies.guides.models import Guide, GuideEntry
from casestudies.models import CaseStudy


def published_guides():
    return Guide.objects.published()


def visible_entries(guide, staff=False):
    """The guide's case studies in order, each with its note: the published ones only
    (staff previewing also see the rest, marked as not public)."""
    entries = guide.entries.select_related("case_study").order_by("order", "pk")
    if not staff:
        entries = entries.filter(case_study__in=CaseStudy.objects.published().values("pk"))
    return list(entries)


def guides_including(case_study):
    """The published guides a case study appears in, for "Part of the guide …"."""
    return list(
        published_guides().filter(entries__case_study=case_study).only("title", "slug").distinct()
    )


def guide_list():
    """Published guides, newest first, each with how many published case studies it holds."""
    published = CaseStudy.objects.published().values("pk")
    return list(
        published_guides().prefetch_related(
            Prefetch(
                "entries",
                queryset=GuideEntry.objects.filter(case_study__in=published),
                to_attr="public_entries",
            )
        )
    )
