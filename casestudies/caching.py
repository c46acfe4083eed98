"""Caching public pages without ever showing a stale one.

Every cached page is filed under the library's current *version*: a random token that
is replaced whenever staff change anything the public can see (signals call `bump` once
the change is committed). A new token makes every old entry unreachable at once, in
every process: the token lives in Redis when REDIS_URL is set, otherwise in a small
file in DATA_DIR that all processes on this machine read.

Scheduled publication needs no save to go public, so the version also records when
the next scheduled case study falls due; once that moment passes, the version is
renewed and pages are rendered afresh.
"""

import functools
import hashlib
import json
import logging
import os
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import set_response_etag
from django.utils.http import http_date

from casestudies.canonical import NO_PARAMETERS
from casestudies.models import CaseStudy
from casestudies.models.choices import Status

logger = logging.getLogger(__name__)
# Pages are kept apart from everything else in the cache (sign-in lockouts, the library
# version): see CACHES in config/settings.py.
PAGE_CACHE = "pages"

VERSION_KEY = "library-version"
VERSION_FILE = "library-version.json"


def _version_path():
    return settings.DATA_DIR / VERSION_FILE


_file_version = (None, None)  # (stat signature, parsed version) of the version file


def _read_version():
    global _file_version
    if settings.REDIS_URL:
        return cache.get(VERSION_KEY)
    path = _version_path()
    try:
        status = os.stat(path)
    except OSError:
        return None
    signature = (status.st_ino, status.st_mtime_ns, status.st_size)
    if _file_version[0] == signature:
        return _file_version[1]  # unchanged since this process last read it
    try:
        with open(path) as stored:
            version = json.load(stored)
    except (OSError, ValueError):
        return None
    _file_version = (signature, version)
    return version


def _write_version(version):
    if settings.REDIS_URL:
        cache.set(VERSION_KEY, version, timeout=None)
        return
    path = _version_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".version-")
    with os.fdopen(handle, "w") as out:
        json.dump(version, out)
    os.replace(temporary, path)  # atomic: readers see the old version or the new one


def _next_scheduled_publication():

    due = (
        CaseStudy.objects.filter(status=Status.PUBLISHED, published_at__gt=datetime.now(UTC))
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return due.timestamp() if due else None


# While the version cannot be read or written, pages are not cached and the facet index
# is built once for this stand-in, until the store answers again.
UNAVAILABLE = {"token": "unavailable", "changed": 0, "next_due": None, "unavailable": True}
_bump_missed = False


_local_changes = 0


def note_change():
    """Called on every save in this process: what this process derived from the library (the
    facet index) is stale here at once; other processes hear through the shared library
    version once the change is committed."""
    global _local_changes
    _local_changes += 1


def local_changes():
    return _local_changes


# What must be ready for a new version before it is published, each called with its token:
# the finder adds the shared facet index here when it is loaded, so that the servers' first
# requests after a change find it built (caching itself imports nothing above the models).
BEFORE_NEW_VERSION = []


def bump():
    """A new version: every cached page is out of date from now on. If it cannot be
    stored, this process tries again on its next request."""
    global _bump_missed
    version = {
        "token": uuid.uuid4().hex,
        "changed": time.time(),
        "next_due": _next_scheduled_publication(),
    }
    for prepare in BEFORE_NEW_VERSION:
        try:
            prepare(version["token"])
        except Exception as error:  # the version is renewed all the same
            _warn("Preparing the next library version", error)
    try:
        _write_version(version)
    except Exception as error:  # a cache or disk that refuses: never an error page
        _bump_missed = True
        _warn("Writing the library version", error)
        return UNAVAILABLE
    _bump_missed = False
    return version


def stored_version():
    """The version as stored, or None: never renews it (so what runs inside `bump` may ask)."""
    try:
        return _read_version() or None
    except Exception:
        return None


def current_version():
    try:
        version = _read_version()
    except Exception as error:
        _warn("Reading the library version", error)
        return UNAVAILABLE
    if (
        _bump_missed
        or not version
        or (version.get("next_due") and time.time() >= version["next_due"])
    ):
        version = bump()
    return version


@functools.lru_cache(maxsize=1)
def release():
    """A fingerprint of the code and templates: a new release never serves a page that
    the one before it rendered. The same code gives the same fingerprint on every
    machine, so servers of one release share their cache."""
    digest = hashlib.sha256()
    root = settings.BASE_DIR
    for folder in ("casestudies", "config"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".html") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        # Staff (anyone with a session) always get fresh pages, with their banners.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cache_public_page(view=None, *, query=NO_PARAMETERS):
    """Mark a public view as one whose answers PageCacheMiddleware may keep, for requests
    whose parameters `query` knows (see casestudies.canonical)."""

    def mark(view):
        @functools.wraps(view)
        def cached_view(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        cached_view.page_cache_query = query
        return cached_view

    return mark(view) if view is not None else mark


@functools.lru_cache(maxsize=2048)
def _query_for(path):
    """The parameters of the cached view at this path, or None: looked up once per path."""
    try:
        return getattr(resolve(path).func, "page_cache_query", None)
    except Resolver404:
        return None


@receiver(setting_changed)
def _urls_changed(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _query_for.cache_clear()


@dataclass
class Plan:
    key: str
    version: dict


def _plan(request):
    """Where a cacheable request's page is kept, or None for a request that is not one."""
    if not _cacheable(request):
        return None
    # The host is checked before anything is answered: a disallowed one gets 400 even
    # for a page that is cached (DisallowedHost, raised here, is Django's 400).
    host = request.get_host()
    query = _query_for(request.path_info)
    if query is None:
        return None
    canonical = query.canonical_for(request.META.get("QUERY_STRING", ""), lambda: request.GET)
    if canonical is None:
        return None
    version = current_version()
    if version.get("unavailable"):
        return None
    # Keyed, as Django's own cache is, on the whole address (scheme and host too), and
    # hashed so that its length is bounded whatever the request.
    address = f"{request.scheme}://{host}{request.path}?{canonical}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return Plan(key=f"page:{release()}:{version['token']}:{digest}", version=version)


# What is never kept with a page: cookies belong to one visitor.
NEVER_STORED = {"set-cookie"}


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    # The key knows only that the visitor has no session: an answer that varies on
    # anything else (but the cookies, which is what a session is) cannot be shared.
    varies = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return varies <= {"cookie"}


def _finish(response, version):
    if response.status_code == 200:
        response["Last-Modified"] = http_date(version["changed"])
        # Browsers may keep a copy but must check it is current (a cheap 304).
        if "Cache-Control" not in response:
            response["Cache-Control"] = "no-cache"
    return response


def _from_store(stored):
    response = HttpResponse(stored["content"], status=stored["status"])
    for header, value in stored["headers"]:
        response[header] = value
    return response


_warned = {}


def _warn(what, error):
    """Log a cache failure, at most once a minute for each kind: an outage must not
    flood the log as well."""
    now = time.monotonic()
    if now - _warned.get(what, -60) >= 60:
        _warned[what] = now
        logger.warning(
            "%s failed (%s: %s); pages are served without it meanwhile.",
            what,
            type(error).__name__,
            error,
        )


def _read(key):
    try:
        return caches[PAGE_CACHE].get(key)
    except Exception as error:  # whatever the backend raises, the page is served uncached
        _warn("Reading the page cache", error)
        return None


def _write(key, response, version):
    timeout = settings.PAGE_CACHE_SECONDS
    if version.get("next_due"):
        timeout = max(1, min(timeout, int(version["next_due"] - time.time())))
    stored = {
        "content": response.content,
        "status": response.status_code,
        "headers": [
            (name, value) for name, value in response.items() if name.lower() not in NEVER_STORED
        ],
    }
    try:
        caches[PAGE_CACHE].set(key, stored, timeout)
    except Exception as error:  # a full or unreachable cache (Redis "OOM", say) keeps nothing
        _warn("Writing to the page cache", error)


class PageCacheMiddleware:
    """Answer a request for a cached public page before sessions and authentication run:
    a cache hit should cost little more than a static file.

    A page is kept as it leaves the middleware below this one, with every header they
    added (X-Frame-Options, Vary and the rest), so a hit carries exactly what a miss
    does; the middleware above runs on both."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        plan = _plan(request)
        if plan is None:
            return self.get_response(request)
        stored = _read(plan.key)
        if stored is not None:
            return _finish(_from_store(stored), plan.version)
        response = self.get_response(request)
        if _storable(response):
            if not response.has_header("ETag"):
                set_response_etag(response)  # once, here, not on every hit
            _write(plan.key, response, plan.version)
        return _finish(response, plan.version)
