"""The stable address of a case study, its citation files, and what its page shows
under "Cite this case study"."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.citations import formats
from casestudies.citations.items import case_study_item, stable_url
from casestudies.citations.styles import STYLES, formatted
from casestudies.finder import selectors
from casestudies.models import CaseStudy

DOWNLOADS = {
    # kind: (label, content type, file extension, maker)
    "bib": ("BibTeX", "application/x-bibtex; charset=utf-8", "bib", formats.bibtex),
    "ris": ("RIS", "application/x-research-info-systems; charset=utf-8", "ris", formats.ris),
    "json": (
        "CSL-JSON",
        "application/vnd.citationstyles.csl+json; charset=utf-8",
        "json",
        formats.csl_json,
    ),
}


@require_safe
def stable_case_study(request, pk):
    """/cs/<id>/ leads to the case study's page at whatever its slug is now. Temporary,
    since the slug may change again; drafts are "not found" except to staff."""
    case_study = CaseStudy.objects.filter(pk=pk).only("slug", "status", "published_at").first()
    if case_study is None or not (case_study.is_public or selectors.is_staff_viewer(request.user)):
        raise Http404("No case study at this address.")
    return redirect(case_study.get_absolute_url())


@require_safe
@cache_public_page
def case_study_citation(request, slug, kind):
    if kind not in DOWNLOADS:
        raise Http404("Citations come as .bib, .ris or .json.")
    case_study = get_object_or_404(selectors.published_case_studies(), slug=slug)
    _, content_type, extension, make = DOWNLOADS[kind]
    response = HttpResponse(make(case_study_item(case_study)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{case_study.slug}.{extension}"'
    return response


def page_context(case_study):
    """What the case study's page offers for citing it."""
    item = case_study_item(case_study)
    return {
        "stable_url": stable_url(case_study),
        "version": item["version"],
        "styles": [(name, formatted(item, slug, html=True)) for slug, (name, _) in STYLES.items()],
        "downloads": [
            (label, f"{case_study.get_absolute_url()}citation.{kind}")
            for kind, (label, *_rest) in DOWNLOADS.items()
        ],
    }
