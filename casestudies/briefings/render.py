"""Laying a briefing out as a PDF with WeasyPrint.

WeasyPrint needs the Pango text layout library from the operating system. Where it is
missing the import fails, and `BriefingsUnavailable` says so in words instead.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from casestudies import geography
from casestudies.briefings.fetcher import local_only_fetcher
from casestudies.briefings.maps import map_svg
from casestudies.finder.selectors import outcomes_by_framework
from casestudies.models import CaseStudy
from casestudies.presenters.links import absolute_url

logger = logging.getLogger(__name__)

MOST_CASE_STUDIES = 50


class BriefingsUnavailable(Exception):
    """This server cannot make PDFs (its operating system lacks what WeasyPrint needs)."""


def _weasyprint():
    try:
        import weasyprint
    except (OSError, ImportError) as error:  # Pango missing: OSError from cffi's dlopen
        logger.warning("PDF briefings are unavailable: %s", error)
        raise BriefingsUnavailable(
            "PDF briefings cannot be made on this server: it lacks the Pango text layout library "
            "that WeasyPrint needs. Everything in a briefing is on the web pages themselves."
        ) from None
    return weasyprint


@dataclass
class Briefing:
    """What a briefing is about: a title, a line under it, an optional argument (a
    guide's) and its case studies in order (each with a note, for a guide)."""

    title: str
    subtitle: str
    address: str
    case_studies: list
    notes: dict = None
    guide: object = None


def case_studies_in_order(pks):
    """The case studies with everything a briefing page shows, in the order given."""
    found = (
        CaseStudy.objects.filter(pk__in=pks)
        .with_partners()
        .with_outcomes()
        .prefetch_related("sources")
        .in_bulk()
    )
    return [found[pk] for pk in pks if pk in found]


def _page(case_study, note):
    return {
        "case_study": case_study,
        "note": note,
        "partners": list(case_study.partners.all()),
        "sources": list(case_study.sources.all()),
        "outcome_groups": outcomes_by_framework(case_study.outcomes.all()),
        "map": map_svg(case_study.latitude, case_study.longitude),
        "address": absolute_url(case_study.get_absolute_url()),
    }


def _boundary_attribution():
    return tuple(dict.fromkeys(layer.attribution for layer in geography.BOUNDARY_LAYERS.values()))


def render_pdf(briefing):
    """The briefing as PDF bytes."""
    weasyprint = _weasyprint()
    pages = [
        _page(case_study, (briefing.notes or {}).get(case_study.pk, ""))
        for case_study in briefing.case_studies
    ]
    html = render_to_string(
        "casestudies/briefings/briefing.html",
        {
            "briefing": briefing,
            "pages": pages,
            "made_on": timezone.localdate(),
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "licence_name": settings.DATA_LICENCE_NAME,
            "licence_url": settings.DATA_LICENCE_URL,
            "map_attribution": _boundary_attribution()
            if any(page["map"] for page in pages)
            else (),
        },
    )
    document = weasyprint.HTML(
        string=html, base_url=settings.SITE_URL + "/", url_fetcher=local_only_fetcher()
    )
    return document.write_pdf()
