"""Lists read from the URL configuration: a page added with its mark appears everywhere it
should, with no second list to edit."""

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path

from casestudies.caching import cache_public_page
from casestudies.canonical import Query, Whole
from casestudies.presenters import links, routes
from casestudies.presenters.routes import in_sitemap, open_to_other_sites


@in_sitemap
def listed_page(request):
    return HttpResponse("listed")


@in_sitemap
@cache_public_page(query=Query(colour=Whole(), page=Whole()))
def filtered_page(request):
    return HttpResponse("filtered")


@open_to_other_sites
def open_feed(request, slug):
    return HttpResponse("open")


def unmarked_page(request):
    return HttpResponse("plain")


urlpatterns = [
    path("", include("config.urls")),
    path("extra/listed/", listed_page, name="extra_listed"),
    path("extra/filtered/", filtered_page, name="extra_filtered"),
    path("extra/open/<slug:slug>.json", open_feed, name="extra_open"),
    path("extra/plain/", unmarked_page, name="extra_plain"),
]


def test_the_sitemaps_pages_are_the_marked_routes_in_url_order():
    names = routes.sitemap_pages()
    assert names[0] == "casestudies:home"
    assert {"casestudies:case_study_list", "casestudies:about", "casestudies:guide_list"} <= set(
        names
    )
    assert (
        "casestudies:insights" not in names
    )  # unmarked: a view of the finder, not a page of its own


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_marked_page_is_in_the_sitemap_and_a_filtered_one_kept_from_crawlers(client):
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "/extra/listed/</loc>" in sitemap
    assert "/extra/plain/" not in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /extra/filtered/?" in robots
    assert "Disallow: /case-studies/?" in robots
    assert "Disallow: /extra/listed/" not in robots


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_only_views_marked_open_may_be_fetched_by_other_sites(client):
    assert client.get("/extra/open/anything.json")["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert client.get("/extra/plain/")["Cross-Origin-Resource-Policy"] == "same-origin"
    assert client.get("/case-studies.csv")["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert client.get("/api/case-studies/")["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert client.get("/no-such-page/")["Cross-Origin-Resource-Policy"] == "same-origin"


@override_settings(ROOT_URLCONF=__name__)
def test_templates_links_include_every_page_without_arguments():
    paths = links._paths("/" + __name__)  # a prefix of its own: nothing cached from other tests
    assert paths["extra_listed"] == "/extra/listed/"
    assert paths["home"] == "/"
    assert "extra_open" not in paths  # takes an argument
