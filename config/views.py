"""Site-wide views: health, error pages, and media served from this machine.

Error pages are rendered without the request context, so they never touch the
database: they must work when it is the thing that failed.
"""

import sys
import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

RETRY_AFTER_SECONDS = 30
MEDIA_FOLDERS = ("case-studies/", "logos/", "renditions/")


def _timed(check):
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # any failure is a failed check; say only what kind
        return {
            "ok": False,
            "error": type(error).__name__,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _check_database():
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        connection.close_if_unusable_or_obsolete()
        raise


def _check_cache():
    value = str(time.time())
    cache.set("healthz", value, 30)
    if cache.get("healthz") != value:
        raise RuntimeError("cache did not return what was stored")


def _check_storage():
    default_storage.exists("healthz-probe")


@require_safe
@never_cache
def healthz(request):
    """Database, cache and media storage, as JSON: 200 when all answer, 503 when not.
    Reports only which check failed and the kind of error, never connection details."""
    checks = {
        "database": _timed(_check_database),
        "cache": _timed(_check_cache),
        "storage": _timed(_check_storage),
    }
    healthy = all(check["ok"] for check in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
    if not healthy:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def database_unavailable_response():
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def page_not_found(request, exception=None):
    return HttpResponse(render_to_string("404.html", {"path": request.path}), status=404)


def server_error(request):
    """An unexpected error. If the database could not be reached, say the site is
    briefly unavailable (503, Retry-After) instead: it recovers by itself."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        return database_unavailable_response()
    return HttpResponse(render_to_string("500.html"), status=500)


def media(request, path):
    """Uploaded images, when they are stored on this machine. Their names are random
    and never reused, so browsers may keep them for a year."""
    if not settings.SERVE_MEDIA or not path.startswith(MEDIA_FOLDERS):
        raise Http404("No such file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
