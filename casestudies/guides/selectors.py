"""Reading guides: only published guides, and in them only published case studies."""

import threading

from django.db.models import Prefetch

from casestudies.finder import facet_index
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


_memberships = {"key": None, "of": {}}
_lock = threading.Lock()


def _guides_of_case_studies():
    """{case study pk: guides it is in, as ordered} for every guide, read once per library
    version rather than once per case study page: guides are few and change rarely."""
    key = facet_index.current().key
    with _lock:
        if _memberships["key"] != key:
            of = {}
            for entry in (
                GuideEntry.objects.select_related("guide")
                .only(
                    "case_study_id",
                    "guide__title",
                    "guide__slug",
                    "guide__status",
                    "guide__published_at",
                )
                .order_by("-guide__published_at", "guide__title")
            ):
                guides = of.setdefault(entry.case_study_id, [])
                if entry.guide not in guides:
                    guides.append(entry.guide)
            _memberships.update(key=key, of=of)
        return _memberships["of"]


def guides_including(case_study):
    """The published guides a case study appears in, for "Part of the guide …"."""
    return [guide for guide in _guides_of_case_studies().get(case_study.pk, []) if guide.is_public]


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
