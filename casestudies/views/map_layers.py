"""The map's deprivation layer: each nation's most deprived 10% or 30% of neighbourhoods,
served from the file `casestudies.geography` builds once and keeps in the data directory.

The file never changes for a given version of the data, so it is sent gzipped (to the
clients that accept that, nearly all), with a strong ETag from its key and a long cache
lifetime; a new edition of the data gives a new key.
"""

import logging

from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from casestudies import geography
from casestudies.geography.maplayer import PERCENTS

logger = logging.getLogger(__name__)

MAX_AGE = 24 * 60 * 60


def layer_percents():
    return tuple(PERCENTS)


@require_safe
def deprivation_layer(request, percent):
    if percent not in PERCENTS:
        raise Http404("The map shows the most deprived 10% or 30% of neighbourhoods.")
    try:
        layer = geography.map_layer(percent)
    except (geography.GeographyError, OSError):
        logger.exception("The %s%% map layer could not be built", percent)
        response = HttpResponse(
            "The deprivation layer is not available just now.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "60"
        return response
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
    response = FileResponse(
        open(layer.gzip_path if gzipped else layer.path, "rb"), content_type="application/geo+json"
    )
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["ETag"] = f'"{layer.key}{"-gz" if gzipped else ""}"'
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
