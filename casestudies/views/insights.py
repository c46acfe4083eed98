"""Insights: the library's figures as charts, for any filtered set."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.canonical import Choice, Query
from casestudies.finder import evidence as outcome_evidence
from casestudies.finder import gap, selectors
from casestudies.models import evidence
from casestudies.presenters.insights import charts_for
from casestudies.views.filtering import read_filters, title_with_filters

INSIGHTS_QUERY = Query(selectors.filter_form_fields, strength=Choice(evidence.BY_SLUG))


@require_safe
@cache_public_page(query=INSIGHTS_QUERY)
def insights(request):
    filterset, valid, context = read_filters(request)
    figures = selectors.insights(filterset)
    context.update(outcome_evidence.insights_context(request.GET, filterset, figures))
    context.update(
        {
            "figures": figures,
            "charts": charts_for(figures),
            "lens": gap.page_context(figures),
            "page_title": title_with_filters("Insights", context["active_filters"]),
        }
    )
    status = 200 if valid and not context["evidence_error"] else 400
    return render(request, "casestudies/insights.html", context, status=status)
