"""The finder, its map and the comparison of chosen case studies."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from casestudies.briefings import render as briefing_render
from casestudies.caching import cache_public_page
from casestudies.canonical import Query, Slugs, Whole
from casestudies.finder import gap, selectors, suggestions
from casestudies.finder.filters import SORT_CHOICES
from casestudies.finder.per_version import PerVersion
from casestudies.presenters.cards import cards_for
from casestudies.presenters.comparison import comparison_rows
from casestudies.presenters.links import path_to
from casestudies.presenters.routes import in_sitemap
from casestudies.views import map_layers
from casestudies.views.filtering import (
    FILTERS_QUERY,
    filter_panel,
    read_filters,
    title_with_filters,
    whole_query,
)

SLUG_PATTERN = re.compile(r"[-a-zA-Z0-9_]{1,200}")


COMPARE_MOST = 4


FINDER_QUERY = Query(selectors.filter_form_fields, page=Whole())


COMPARE_QUERY = Query(cs=Slugs(ordered=True, most=COMPARE_MOST))


FINDER_TEMPLATE = "casestudies/case_study_list.html"
FINDER_PAGE_TEMPLATE = "casestudies/includes/finder_page.html"
# Each query's page, rendered once per library version: the page around it is all that
# a request then renders. Mistakes are not kept: they are answered afresh each time.
_finder_pages = PerVersion(limit=1000)  # about 60 KB a page, filter panel included


@in_sitemap
@require_safe
@cache_public_page(query=FINDER_QUERY)
def case_study_list(request):
    key = whole_query(request.GET)
    kept = _finder_pages.current()
    page = kept.get(key)
    if page is None:
        context, status = _finder_context(request)
        shown = context["page_obj"]  # None for a page beyond the results
        page = {
            "page_title": context["page_title"],
            "error_list": context["error_list"],
            "noindex": bool(context["has_filters"] or (shown and shown.number > 1)),
            "article_html": render_to_string(FINDER_PAGE_TEMPLATE, context, request),
            "status": status,
        }
        if status == 200:
            kept[key] = page
    return render(request, FINDER_TEMPLATE, page, status=page["status"])


def _finder_context(request):
    """(context, status) of the finder's page for this request's query."""
    filterset, valid, context = read_filters(request, facets=False)
    context["filter_panel"] = filter_panel(
        filterset, context, path_to("casestudies:case_study_list")
    )
    status = 200 if valid else 400
    active = context["active_filters"]

    paginator = Paginator(selectors.finder_results(filterset), settings.CASE_STUDIES_PER_PAGE)
    page_error = ""
    raw_page = request.GET.get("page", "1") or "1"
    try:
        number = int(raw_page)
        if number < 1:
            raise ValueError
    except (TypeError, ValueError):
        number = 1
        page_error = "That page number was not a whole number, so here is the first page."
        status = 400
    page = None
    if number > paginator.num_pages:
        page_error = (
            f"There is no page {number:,}: these results fill {paginator.num_pages} "
            f"page{'s' if paginator.num_pages != 1 else ''}."
        )
        status = 404
    else:
        page = paginator.page(number)

    suggestion = None
    if paginator.count == 0 and active:
        suggestion = selectors.broaden_suggestion(filterset, active)
        if suggestion:
            suggestion.url = "?" + urlencode(
                [pair for pair in context["pairs"] if pair[0] not in suggestion.values]
            )

    spelling = None
    if context["query"] and paginator.count < suggestions.FEW_RESULTS:
        spelling = spelling_suggestion(context["pairs"], context["query"], paginator.count)

    page_title = title_with_filters("Case studies", active)
    if page and paginator.num_pages > 1:
        page_title += f" (page {page.number} of {paginator.num_pages})"

    context.update(
        {
            "paginator": paginator,
            "page_obj": page,
            "cards": cards_for(page.object_list, context["query"]) if page else [],
            "page_links": list(
                paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            )
            if page and paginator.num_pages > 1
            else [],
            "ellipsis": Paginator.ELLIPSIS,
            "page_error": page_error,
            "last_page_url": "?" + urlencode([*context["pairs"], ("page", paginator.num_pages)]),
            "suggestion": suggestion,
            "spelling": spelling,
            "compare_most": COMPARE_MOST,
            "sort_choice": filterset.sort_choice,
            "sort_choices": [
                choice for choice in SORT_CHOICES if choice[0] != "relevance" or filterset.searching
            ],
            "page_title": page_title,
            "briefing_most": briefing_render.MOST_CASE_STUDIES,
        }
    )
    return context, status


def spelling_suggestion(pairs, query, found):
    """“Did you mean …?”: the search with its misspelt words corrected, when that finds
    more than the search as typed (with the same filters)."""
    corrected = suggestions.corrected_query(query)
    if corrected is None:
        return None
    pairs = [(name, value) for name, value in pairs if name != "q"] + [("q", corrected)]
    params = QueryDict(mutable=True)
    for name, value in pairs:
        params.appendlist(name, value)
    count = selectors.finder_results(selectors.filter_case_studies(params)).count()
    if count <= found:
        return None
    return {"query": corrected, "url": "?" + urlencode(pairs), "count": count}


MAP_LIST_LIMIT = 200


@require_safe
@cache_public_page(query=FILTERS_QUERY)
def map_view(request):
    filterset, valid, context = read_filters(request, facets=False)
    mapped = filterset.qs.filter(latitude__isnull=False, longitude__isnull=False)
    context.update(
        {
            "mapped_count": mapped.count(),
            "total_count": filterset.qs.count(),
            "mapped": list(
                mapped.only("slug", "title", "place_name", "region", "latitude", "longitude")[
                    :MAP_LIST_LIMIT
                ]
            ),
            "list_limit": MAP_LIST_LIMIT,
            "lens": gap.page_context(selectors.insights(filterset)),
            "layer_percents": map_layers.layer_percents(),
            "page_title": title_with_filters("Map", context["active_filters"]),
        }
    )
    return render(request, "casestudies/map.html", context, status=200 if valid else 400)


@require_safe
@cache_public_page(query=COMPARE_QUERY)
def compare(request):
    wanted = []
    for slug in request.GET.getlist("cs"):
        if slug not in wanted:
            wanted.append(slug)
    messages = []
    if len(wanted) > COMPARE_MOST:
        messages.append(
            f"You can compare up to {COMPARE_MOST} case studies at once, so the first {COMPARE_MOST} are shown."
        )
        wanted = wanted[:COMPARE_MOST]
    valid_slugs = [slug for slug in wanted if SLUG_PATTERN.fullmatch(slug or "")]
    found = {
        case_study.slug: case_study
        for case_study in selectors.published_case_studies()
        .filter(slug__in=valid_slugs)
        .with_partners()
        .with_outcomes()
    }
    missing = [slug for slug in wanted if slug not in found]
    if missing:
        messages.append(
            "We could not find "
            + ", ".join(f"“{slug[:60]}”" for slug in missing)
            + ": it may have been renamed or is not public."
        )
    chosen = [found[slug] for slug in wanted if slug in found]
    for case_study in chosen:
        params = request.GET.copy()
        params.setlist("cs", [c.slug for c in chosen if c.slug != case_study.slug])
        case_study.remove_url = f"?{params.urlencode()}"
    rows = comparison_rows(chosen)
    return render(
        request,
        "casestudies/compare.html",
        {
            "chosen": chosen,
            "rows": rows,
            # The same rows, one card per case study, for screens too narrow for a table.
            "stacked": [
                (case_study, [(label, values[column]) for label, values in rows])
                for column, case_study in enumerate(chosen)
            ],
            "messages_list": messages,
            "most": COMPARE_MOST,
        },
        status=200 if not missing else 400,
    )
