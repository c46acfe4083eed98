"""The releases' public pages: the list, one release with its changelog and citation,
its files at permanent addresses, and the DCAT-AP catalogue of the open data."""

import mimetypes

from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.citations import items, styles
from casestudies.presenters.routes import in_sitemap
from casestudies.releases import catalogue as catalogue_module
from casestudies.releases.models import DataRelease
from casestudies.releases.service import _storage

IMMUTABLE = "public, max-age=31536000, immutable"


@in_sitemap
@require_safe
@cache_public_page
def release_list(request):
    return render(
        request,
        "casestudies/releases/release_list.html",
        {"releases": list(DataRelease.objects.all())},
    )


@require_safe
@cache_public_page
def release_detail(request, version):
    release = get_object_or_404(DataRelease, version=version)
    item = items.release_item(release)
    return render(
        request,
        "casestudies/releases/release_detail.html",
        {
            "release": release,
            "files": [
                (name, facts, release.file_url(name)) for name, facts in release.files.items()
            ],
            "citations": [
                (name, styles.formatted(item, slug, html=True))
                for slug, (name, _) in styles.STYLES.items()
            ],
            "permanent_url": item["URL"],
        },
    )


@require_safe
def release_file(request, version, name):
    release = get_object_or_404(DataRelease, version=version)
    if name not in release.files:
        raise Http404("This release has no file of that name.")
    try:
        stored = _storage().open(f"{release.folder}/{name}", "rb")
    except FileNotFoundError:
        raise Http404("This file is missing from storage.") from None
    content_type = {"geojson": "application/geo+json"}.get(
        name.rpartition(".")[2]
    ) or mimetypes.guess_type(name)[0]
    response = FileResponse(stored, content_type=content_type or "application/octet-stream")
    response["Cache-Control"] = IMMUTABLE
    response["Link"] = f'<{settings.DATA_LICENCE_URL}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@cache_public_page
def catalogue(request):
    response = JsonResponse(
        catalogue_module.dcat_catalogue(), json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Content-Type"] = "application/ld+json"
    response["Access-Control-Allow-Origin"] = "*"
    return response
