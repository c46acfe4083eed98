"""Insights: the library's figures as charts, for any filtered set."""

from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.canonical import Choice, Query
from casestudies.finder import evidence as outcome_evidence
from casestudies.finder import gap, selectors
from casestudies.finder.per_version import PerVersion
from casestudies.models import evidence
from casestudies.presenters.insights import charts_for
from casestudies.views.filtering import filter_panel, read_filters, title_with_filters, whole_query

INSIGHTS_QUERY = Query(selectors.filter_form_fields, strength=Choice(evidence.BY_SLUG))
# The figures, charts and lens for one query, worked out and rendered once per library
# version.
_figures = PerVersion(limit=500)
RESULTS_TEMPLATE = "casestudies/includes/insights_results.html"


@require_safe
@cache_public_page(query=INSIGHTS_QUERY)
def insights(request):
    filterset, valid, context = read_filters(request, facets=False)
    context["filter_panel"] = filter_panel(filterset, context, request.path)
    context.update(_figures_for(request, filterset, valid, context))
    context["page_title"] = title_with_filters("Insights", context["active_filters"])
    status = 200 if valid and not context["evidence_error"] else 400
    return render(request, "casestudies/insights.html", context, status=status)


def _figures_for(request, filterset, valid, context):
    params = request.GET
    key = whole_query(params)
    kept = _figures.current() if valid else {}
    if key not in kept:
        figures = selectors.insights(filterset)
        found = outcome_evidence.insights_context(params, filterset, figures)
        found.update(
            {"figures": figures, "charts": charts_for(figures), "lens": gap.page_context(figures)}
        )
        found["results_html"] = render_to_string(RESULTS_TEMPLATE, {**context, **found}, request)
        if found["evidence_error"]:
            return found  # never kept: a mistake is answered afresh each time
        kept[key] = found
    return kept[key]
