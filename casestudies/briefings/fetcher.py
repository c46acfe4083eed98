"""What WeasyPrint may read while it lays a briefing out: the project's own static files
and stored media, by their public addresses, and inline data. Never the network: a
story's image or a stylesheet pointing elsewhere is simply left out."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage


class RefusedAddress(ValueError):
    """A briefing asked for something outside the project's static files and media."""


def _local_name(url, prefix):
    """The file name under a prefix such as /static/, or None: on SITE_URL or relative."""
    parts = urlsplit(url)
    site = urlsplit(settings.SITE_URL)
    if parts.scheme and (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(prefix):
        return None
    name = path.removeprefix(prefix)
    if not name or ".." in name.split("/") or name.startswith("/"):
        return None
    return name


def read_local(url):
    """(bytes, content type guess) of a static file or stored media file, or RefusedAddress."""
    name = _local_name(url, settings.STATIC_URL)
    if name is not None:
        found = finders.find(name)
        if found:
            with open(found, "rb") as local:
                return local.read()
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as stored:
                return stored.read()
    name = _local_name(url, settings.MEDIA_URL)
    if name is not None and default_storage.exists(name):
        with default_storage.open(name) as stored:
            return stored.read()
    raise RefusedAddress(f"Briefings read only the site's own files, not {url[:200]}")


def local_only_fetcher():
    """A WeasyPrint URL fetcher that reads data: addresses and local files only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)  # inline, nothing leaves the machine
            body = read_local(url)
            return URLFetcherResponse(url, body, {"Content-Type": _content_type(url)})

    return LocalOnlyFetcher(allowed_protocols={"data", "http", "https"})


_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
}


def _content_type(url):
    path = urlsplit(url).path.lower()
    return next(
        (kind for suffix, kind in _TYPES.items() if path.endswith(suffix)),
        "application/octet-stream",
    )
