from django.conf import settings

from casestudies.presenters.links import paths


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "library_operator": settings.LIBRARY_OPERATOR,
        "data_licence_name": settings.DATA_LICENCE_NAME,
        "data_licence_url": settings.DATA_LICENCE_URL,
        "urls": paths(),
        "map_tiles": {"url": settings.MAP_TILES_URL, "attribution": settings.MAP_TILES_ATTRIBUTION},
    }
