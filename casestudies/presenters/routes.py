"""The site's routes, read from the URL configuration rather than listed by hand.

Views carry marks set where they are defined (`in_sitemap`, `open_to_other_sites`); the
sitemap, robots.txt, the links every template uses and the cross-origin policy read the
marks from the routes, so adding a page is one line in `urls.py` and nothing else.
"""

import functools

from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern


def in_sitemap(view):
    """Mark a page as worth indexing: the sitemap lists it, robots.txt lets crawlers in."""
    view.in_sitemap = True
    return view


def open_to_other_sites(view):
    """Mark open data: other sites may fetch it from their pages (Cross-Origin-Resource-Policy)."""
    view.open_to_other_sites = True
    return view


def _takes_no_arguments(pattern):
    if isinstance(pattern, RoutePattern):
        return not pattern.converters
    return pattern.regex.groups == 0


def _walk(patterns, namespace, prefix_free):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":  # the staff side is no public page
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(
                entry.url_patterns, inner, prefix_free and _takes_no_arguments(entry.pattern)
            )
        elif isinstance(entry, URLPattern) and entry.name and prefix_free:
            if _takes_no_arguments(entry.pattern):
                yield f"{namespace}{entry.name}", entry.callback


@functools.lru_cache(maxsize=4)
def _routes(urlconf):
    return tuple(_walk(get_resolver(urlconf).url_patterns, "", True))


def routes_without_arguments(urlconf=None):
    """(qualified name, view) for every public route that takes no arguments, in URL order."""
    return _routes(urlconf or get_resolver().urlconf_name)


def sitemap_pages():
    """The qualified names of the pages marked `in_sitemap`."""
    return [name for name, view in routes_without_arguments() if getattr(view, "in_sitemap", False)]


def filtered_pages():
    """Paths of sitemap pages that take filters in their query string: endless combinations,
    which crawlers are kept out of (the sitemap lists every page worth indexing)."""
    found = []
    for name, view in routes_without_arguments():
        query = getattr(view, "page_cache_query", None)
        if getattr(view, "in_sitemap", False) and query and set(query.parameters) - {"page"}:
            found.append(reverse(name))
    return found


def is_open_to_other_sites(request):
    """Whether the view answering this request is marked `open_to_other_sites`."""
    match = request.resolver_match
    if match is None:  # answered before URL resolution (the page cache, a refusal)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
    return getattr(match.func, "open_to_other_sites", False)
