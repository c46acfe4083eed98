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
import os
import tempfile
import time
import uuid
from datetime import datetime, timezone as dt_timezone

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import set_response_etag
from django.utils.http import http_date

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
    from .choices import Status
    from .models import CaseStudy

    due = (
        CaseStudy.objects.filter(status=Status.PUBLISHED, published_at__gt=datetime.now(dt_timezone.utc))
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return due.timestamp() if due else None


def bump():
    """A new version: every cached page is out of date from now on."""
    version = {"token": uuid.uuid4().hex, "changed": time.time(), "next_due": _next_scheduled_publication()}
    _write_version(version)
    return version


def current_version():
    version = _read_version()
    if not version or (version.get("next_due") and time.time() >= version["next_due"]):
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


STORED_HEADERS = (
    "Content-Language",
    "Content-Disposition",
    "Link",
    "ETag",
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Max-Age",
)


def _key(request, version):
    return f"page:{release()}:{version['token']}:{request.get_full_path()}"


def _finish(response, version):
    if response.status_code == 200:
        response["Last-Modified"] = http_date(version["changed"])
        # Browsers may keep a copy but must check it is current (a cheap 304).
        response["Cache-Control"] = "no-cache"
    return response


def _from_store(stored):
    response = HttpResponse(stored["content"], status=stored["status"], content_type=stored["content_type"])
    for header, value in stored["headers"].items():
        response[header] = value
    return response


class PageCacheMiddleware:
    """Answer a request for a cached public page before sessions, authentication or URL
    resolving run: a cache hit should cost little more than a static file."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _cacheable(request):
            version = current_version()
            stored = cache.get(_key(request, version))
            if stored is not None:
                return _finish(_from_store(stored), version)
        return self.get_response(request)


def cache_public_page(view):
    """Serve a public view from the cache when the library has not changed since; on a
    miss, render it and keep it (PageCacheMiddleware answers later requests)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        version = current_version()
        key = _key(request, version)
        stored = cache.get(key)
        if stored is not None:
            response = _from_store(stored)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code == 200 and not response.cookies and not response.streaming:
                if not response.has_header("ETag"):
                    set_response_etag(response)  # once, here, not on every hit
                timeout = settings.PAGE_CACHE_SECONDS
                if version.get("next_due"):
                    timeout = max(1, min(timeout, int(version["next_due"] - time.time())))
                cache.set(
                    key,
                    {
                        "content": response.content,
                        "status": response.status_code,
                        "content_type": response["Content-Type"],
                        "headers": {header: response[header] for header in STORED_HEADERS if header in response},
                    },
                    timeout,
                )
        return _finish(response, version)

    return wrapped
