"""Every public page, worked out from the URL configuration and the sitemap, so that a page
added later is checked without anyone listing it.

- Pages without parameters: every named route that answers a visitor with HTML.
- Pages with a slug: every address the sitemap gives (case studies, organisations, guides),
  and each other slug route (a correction form, say) for the first record that fits it.
- The branded "page not found".
"""

from django.contrib.sitemaps import Sitemap
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from casestudies.presenters.routes import routes_without_arguments
from casestudies.views.sitemaps import SITEMAPS

NOT_FOUND = "/no-such-page/"


def _slug_routes(resolver=None, namespace=""):
    """The qualified names of the public routes whose one parameter is a slug."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from _slug_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if set(pattern.pattern.regex.groupindex) == {"slug"}:
                yield namespace + pattern.name


def _sitemap_paths():
    for section in SITEMAPS.values():
        sitemap: Sitemap = section()
        for item in sitemap.items():
            yield (
                sitemap.location(item) if hasattr(sitemap, "location") else item.get_absolute_url()
            )


def _slugs():
    """A slug of each kind the library has, from the sitemap's own records."""
    for section in SITEMAPS.values():
        items = list(section().items())
        if items and hasattr(items[0], "slug"):
            yield items[0].slug


def _is_html_page(client, path):
    response = client.get(path)
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def public_pages():
    """Every public page's path, in a stable order, with the 404 page last."""
    client = Client()
    paths = set(_sitemap_paths())  # listed for visitors: pages by definition
    # Health checks and the like answer something other than HTML, and drop out below.
    candidates = {reverse(name) for name, _ in routes_without_arguments()}
    slugs = list(_slugs())
    for name in _slug_routes():
        for slug in slugs:
            path = reverse(name, kwargs={"slug": slug})
            if _is_html_page(client, path):
                paths.add(path)
                break
    paths.update(path for path in candidates - paths if _is_html_page(client, path))
    return [*sorted(paths), NOT_FOUND]
