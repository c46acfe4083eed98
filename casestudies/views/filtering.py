"""Reading the finder's filters from a request: shared by every page built on them."""

from urllib.parse import urlencode

from django.core.paginator import InvalidPage
from django.http import Http404
from django.template.loader import render_to_string

from casestudies.canonical import Query
from casestudies.finder import selectors
from casestudies.finder.filters import range_params
from casestudies.finder.per_version import PerVersion
from casestudies.presenters.links import path_to

MAX_TITLE_FILTERS = 3
PANEL_TEMPLATE = "casestudies/includes/filter_panel.html"
_panels = PerVersion(limit=2000)  # about 30 KB a panel


# The parameters each cached page takes (casestudies.canonical): the finder's come from
# its FilterSet, so every page built on the filters knows the same ones.
FILTERS_QUERY = Query(selectors.filter_form_fields)


def query_pairs(params):
    """The query's (name, value) pairs without the page number, in order."""
    return [(name, value) for name, values in params.lists() if name != "page" for value in values]


def whole_query(params):
    """Every (name, value) pair of the query, page included, in order: the key a page kept
    per query is found under."""
    return tuple((name, value) for name, values in params.lists() for value in values)


def query_without(pairs, name, value=None):
    """The query string with one value (or a whole parameter) removed, and no page."""
    return "?" + urlencode(
        [pair for pair in pairs if pair[0] != name or (value is not None and pair[1] != value)]
    )


def read_filters(request, facets=True):
    """Everything a page built on the finder's filters shows about them."""
    filterset = selectors.filter_case_studies(request.GET)
    valid = filterset.is_valid()
    active = selectors.active_filters(filterset)
    typed = ("q", *range_params())  # removed whole: one value each, typed not ticked
    pairs = query_pairs(request.GET)
    for item in active:
        whole = item.name in typed
        item.remove_url = query_without(pairs, item.name, None if whole else item.value)
    errors = filterset.form.errors
    # The active filters as a query string (no page), for links between the finder,
    # the insights, the map and the downloads.
    query = f"?{urlencode(pairs)}" if pairs else ""
    return (
        filterset,
        valid,
        {
            "filterset": filterset,
            "form": filterset.form,
            "facets": selectors.facets(filterset) if facets else [],
            "active_filters": active,
            "has_filters": bool(active),
            # Every field present (empty when fine), and the typed values: templates then
            # never look up a missing key, which costs far more than finding one.
            "errors": {name: errors.get(name, []) for name in (*filterset.form.fields, "__all__")},
            "values": {name: filterset.form.data.get(name, "") for name in typed},
            "error_list": [
                (
                    name,
                    filterset.form.fields[name].label if name in filterset.form.fields else "",
                    message,
                )
                for name, messages in errors.items()
                for message in messages
            ],
            "query": filterset.form.cleaned_data.get("q", "")
            if hasattr(filterset.form, "cleaned_data")
            else "",
            "pairs": pairs,
            "links": {
                "finder": path_to("casestudies:case_study_list") + query,
                "insights": path_to("casestudies:insights") + query,
                "map": path_to("casestudies:map") + query,
                "csv": path_to("casestudies:export_csv") + query,
                "json": path_to("casestudies:api_list") + query,
                "geojson": path_to("casestudies:export_geojson") + query,
                "briefing": path_to("casestudies:finder_briefing") + query,
                "feed": path_to("casestudies:feed") + query,
                "alert": path_to("casestudies:alert_signup") + query,
                "embed": path_to("casestudies:embed_builder") + query,
            },
        },
    )


def filter_panel(filterset, context, clear_url):
    """The filter panel's HTML, with each option's count. Without errors it depends only on
    the filters chosen and the library, so one set of filters' panel is made once per
    library version, for every page and order of its results."""
    key = (clear_url, tuple(context["pairs"]))
    kept = {} if context["error_list"] else _panels.current()
    if key not in kept:
        kept[key] = render_to_string(
            PANEL_TEMPLATE,
            {**context, "facets": selectors.facets(filterset), "clear_url": clear_url},
        )
    return kept[key]


def title_with_filters(base, active):
    bits = [item.label for item in active[:MAX_TITLE_FILTERS]]
    if len(active) > MAX_TITLE_FILTERS:
        bits.append(f"and {len(active) - MAX_TITLE_FILTERS} more")
    return base + (f": {', '.join(bits)}" if bits else "")


def page_or_404(paginator, request, what):
    """(page, status): a page number that is not a whole number gives the first page and
    400; one beyond the results, "not found". Anything else (the database away) is left
    to the error handling every page has."""
    try:
        return paginator.page(int(request.GET.get("page", "1") or 1)), 200
    except (ValueError, TypeError, OverflowError):
        return paginator.page(1), 400
    except InvalidPage:
        raise Http404(f"There is no such page of {what}.") from None
