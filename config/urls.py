from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from casestudies.caching import cache_public_page
from casestudies.canonical import Query, Whole
from casestudies.views import sitemaps
from config import views

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(f"{settings.ADMIN_PATH}/", admin.site.urls),
    path(
        "sitemap.xml",
        cache_public_page(sitemaps.index),
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(sitemap_views.sitemap, query=Query(p=Whole())),
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap-section",
    ),
    re_path(r"^media/(?P<path>.+)$", views.media, name="media"),
    path("", include("casestudies.urls")),
]
