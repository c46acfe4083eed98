"""Briefing downloads: a guide, a case study, or the finder's current results."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from casestudies.briefings.render import (
    MOST_CASE_STUDIES,
    Briefing,
    BriefingsUnavailable,
    case_studies_in_order,
    render_pdf,
)
from casestudies.caching import cache_public_page
from casestudies.finder import selectors
from casestudies.guides.selectors import visible_entries
from casestudies.guides.views import guide_for
from casestudies.models import CaseStudy
from casestudies.presenters.links import absolute_url
from casestudies.views.filtering import FILTERS_QUERY, read_filters


def _pdf(request, briefing, file_name):
    try:
        content = render_pdf(briefing)
    except BriefingsUnavailable as unavailable:
        return _refusal(request, str(unavailable), status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{file_name}.pdf"'
    return response


def _refusal(request, message, status, back=None):
    return render(
        request,
        "casestudies/briefings/refused.html",
        {"message": message, "back": back},
        status=status,
    )


@require_safe
@cache_public_page
def guide_briefing(request, slug):
    guide, staff = guide_for(request, slug)
    entries = visible_entries(guide, staff=staff)[:MOST_CASE_STUDIES]
    briefing = Briefing(
        title=guide.title,
        subtitle=guide.summary,
        address=absolute_url(guide.get_absolute_url()),
        case_studies=case_studies_in_order([entry.case_study_id for entry in entries]),
        notes={entry.case_study_id: entry.note for entry in entries},
        guide=guide,
    )
    return _pdf(request, briefing, guide.slug)


@require_safe
@cache_public_page
def case_study_briefing(request, slug):
    case_study = CaseStudy.objects.filter(slug=slug).first()
    if case_study is None or not (case_study.is_public or selectors.is_staff_viewer(request.user)):
        raise Http404("No case study at this address.")
    briefing = Briefing(
        title=case_study.title,
        subtitle=case_study.summary,
        address=absolute_url(case_study.get_absolute_url()),
        case_studies=case_studies_in_order([case_study.pk]),
    )
    return _pdf(request, briefing, case_study.slug)


@require_safe
@cache_public_page(query=FILTERS_QUERY)
def finder_briefing(request):
    filterset, valid, context = read_filters(request, facets=False)
    finder = context["links"]["finder"]
    if not valid:
        problems = " ".join(message for _, _, message in context["error_list"])
        return _refusal(
            request,
            f"Some of these filters could not be used, so no briefing was made. {problems}",
            400,
            finder,
        )
    results = selectors.finder_results(filterset)
    total = results.count()
    if total == 0:
        return _refusal(
            request,
            "No case studies match these filters, so there is nothing to put in a briefing.",
            404,
            finder,
        )
    if total > MOST_CASE_STUDIES:
        return _refusal(
            request,
            f"These filters match {total:,} case studies, and a briefing holds at most {MOST_CASE_STUDIES}. "
            "Narrow the filters (a region, a community model or a search) and try again.",
            400,
            finder,
        )
    labels = [item.label for item in context["active_filters"]]
    briefing = Briefing(
        title="Case studies: " + ", ".join(labels) if labels else "Case studies from the library",
        subtitle=f"{total} partnership{'s' if total != 1 else ''} between housing associations and community-led housing groups.",
        address=absolute_url(finder),
        case_studies=case_studies_in_order(results[0:MOST_CASE_STUDIES]),
    )
    return _pdf(request, briefing, "case-studies")
