"""Embeds: a filtered list or map of case studies made to sit in an <iframe> on a hub's or
a council's own site, and a page that gives the snippet to copy.

Only the embed page may be framed. Its Content-Security-Policy is replaced for that view
alone (django-csp's `csp_replace`) and written on the response itself, so that the page
cache keeps it with the page: the policy middleware sits above the cache and would
otherwise give a cached copy the site's own "frame-ancestors 'none'". The rest of the site
keeps refusing to be framed (X-Frame-Options DENY as well).
"""

import functools
from dataclasses import asdict
from urllib.parse import urlencode

from csp.decorators import csp_replace, csp_update
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.canonical import Choice, Query
from casestudies.finder import selectors
from casestudies.presenters.cards import cards_for
from casestudies.presenters.links import absolute_url, path_to
from casestudies.views.filtering import read_filters, title_with_filters

VIEWS = ("list", "map")
EMBED_QUERY = Query(selectors.filter_form_fields, view=Choice(VIEWS))
LISTED = 20
HEADER = "Content-Security-Policy"


def policy_kept_with_page(view):
    """Write the view's own policy (set by a django-csp decorator inside) on the response,
    the way the middleware would, so that a cached copy carries it too."""

    @functools.wraps(view)
    def with_policy(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        parts = CSPMiddleware(lambda request: response).get_policy_parts(request, response)
        response[HEADER] = build_policy(**asdict(parts))
        return response

    return with_policy


def _embed_params(request):
    """Which view (list or map) is wanted, and the finder's filters as (name, value) pairs."""
    wanted = request.GET.get("view", "list")
    names = set(selectors.filter_form_fields())
    pairs = [
        (name, value) for name, values in request.GET.lists() if name in names for value in values
    ]
    return (wanted if wanted in VIEWS else "list"), pairs


def loadable_by_other_sites(view):
    """Chromium refuses a document whose Cross-Origin-Resource-Policy is same-origin (the
    site's default) in another site's frame."""

    @functools.wraps(view)
    def with_header(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    return with_header


@require_safe
@cache_public_page(query=EMBED_QUERY)
@loadable_by_other_sites
@policy_kept_with_page
@xframe_options_exempt
@csp_replace({"frame-ancestors": settings.EMBED_FRAME_ANCESTORS})
def embed(request):
    filterset, valid, context = read_filters(request, facets=False)
    view, _ = _embed_params(request)
    results = selectors.finder_results(filterset)
    context.update(
        {
            "view": view,
            "total": results.count(),
            "cards": cards_for(results[0:LISTED], comparable=False),
            "listed": LISTED,
            "finder_url": absolute_url(context["links"]["finder"]),
            "page_title": title_with_filters("Case studies", context["active_filters"]),
        }
    )
    return render(request, "casestudies/embed.html", context, status=200 if valid else 400)


@require_safe
@cache_public_page(query=EMBED_QUERY)
@policy_kept_with_page
@csp_update({"frame-src": ["'self'"]})  # the preview of the embed, on this page only
def embed_builder(request):
    filterset, valid, context = read_filters(request, facets=False)
    view, pairs = _embed_params(request)
    path = path_to("casestudies:embed") + "?" + urlencode([*pairs, ("view", view)])
    source = absolute_url(path)
    title = title_with_filters(f"{settings.SITE_NAME}: case studies", context["active_filters"])
    context.update(
        {
            "view": view,
            "embed_url": path,  # the preview, framed by this very site
            "snippet": f'<iframe src="{source}" title="{title}" width="100%" height="640" loading="lazy"></iframe>',
            "other_view_url": "?"
            + urlencode([*pairs, ("view", "map" if view == "list" else "list")]),
            "page_title": "Embed " + title[len(settings.SITE_NAME) + 2 :],
        }
    )
    return render(request, "casestudies/embed_builder.html", context, status=200 if valid else 400)
