"""Organisation pages and the list: search and kind without JavaScript, who they are, where
their partnerships are, and who they were; nothing unpublished on either."""

import json
import re

import pytest

from casestudies.models.choices import Status


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def lineage(make_case_study, make_organisation):
    """Fell Housing became part of Dale Housing, which became part of Northern Homes; a
    fourth predecessor has only a draft, so the public never hears of it."""
    northern = make_organisation(
        "Northern Homes",
        slug="northern-homes",
        website="https://www.northernhomes.example.org/",
        region="north-east",
    )
    dale = make_organisation("Dale Housing", slug="dale-housing", successor=northern)
    fell = make_organisation(
        "Fell Housing", slug="fell-housing", successor=dale, succeeded_on="2019-04-01"
    )
    secret = make_organisation("Quiet Housing", slug="quiet-housing", successor=northern)
    clt = make_organisation("Fell CLT", slug="fell-clt", kind="community-land-trust")
    make_case_study(
        "Fell cottages",
        place_name="Keld",
        latitude="54.40",
        longitude="-2.17",
        partners=[(fell, "housing-association"), (clt, "community")],
    )
    make_case_study(
        "Dale terraces",
        place_name="Reeth",
        region="yorkshire",
        latitude="54.39",
        longitude="-1.94",
        partners=[(dale, "housing-association")],
    )
    make_case_study(
        "Quiet draft",
        place_name="Muker",
        status=Status.DRAFT,
        partners=[(secret, "housing-association")],
    )
    return northern


def test_the_list_is_searched_by_name_without_javascript(client, lineage):
    page = text_of(client.get("/organisations/?q=fell"))
    assert '<form class="org-search" method="get" action="/organisations/" role="search"' in page
    assert '<input type="search" id="org-q" name="q" value="fell"' in page
    assert re.search(r'id="org-count">2 organisations <span[^>]*>whose name contains “fell”', page)
    assert ">Fell CLT</a>" in page and "Fell Housing (now part of Dale Housing)</a>" in page
    assert ">Northern Homes</a>" not in page


def test_the_list_is_filtered_by_kind_and_search_together(client, lineage):
    page = text_of(client.get("/organisations/?q=fell&kind=community-land-trust"))
    assert re.search(
        r'id="org-count">1 organisation <span[^>]*>of the kind community land trust whose name contains “fell”',
        page,
    )
    assert '<option value="community-land-trust" selected>Community land trust (1)</option>' in page
    assert ">Fell CLT</a>" in page and "Fell Housing" not in page.split('id="org-count"')[1]


def test_a_search_that_finds_nothing_says_so(client, lineage):
    page = text_of(client.get("/organisations/?q=zzz"))
    assert 'id="org-count">0 organisations' in page
    assert "No organisation in the library matches." in page
    assert 'href="/organisations/">Show every organisation</a>' in page


def test_a_search_too_long_is_explained_and_ignored(client, lineage):
    response = client.get("/organisations/?q=" + "a" * 101)
    assert response.status_code == 400
    page = text_of(response)
    assert "Searches can be up to 100 characters long, so every name is shown." in page
    assert 'id="org-count">4 organisations</h2>' in page


def test_organisations_only_in_drafts_are_not_found(client, lineage):
    page = text_of(client.get("/organisations/?q=quiet"))
    assert 'id="org-count">0 organisations' in page and "Quiet Housing" not in page
    assert "Quiet Housing" not in text_of(client.get("/organisations/"))


def test_the_page_says_who_they_are_and_who_they_were(client, lineage):
    page = text_of(client.get("/organisations/northern-homes/"))
    assert '<span class="organisation__monogram" aria-hidden="true">N</span>' in page  # no logo
    assert "<dt>Kind</dt><dd>Housing association</dd>" in page
    assert "<dt>Based in</dt><dd>North East</dd>" in page
    assert re.search(
        r'<a href="https://www.northernhomes.example.org/" rel="noopener">northernhomes.example.org/<span',
        page,
    )
    # Every step of the lineage, as the successor's own record gives it; never the one
    # known only from a draft.
    formerly = re.search(r"<p class=\"organisation__formerly\"[^>]*>(.*?)</p>", page).group(1)
    assert re.sub(r"<[^>]+>", "", formerly) == (
        "Formerly Dale Housing and Fell Housing (through Dale Housing), until April 2019. "
        "Their partnerships are listed here."
    )
    assert "Quiet" not in page


def test_the_page_lists_where_their_partnerships_are_and_maps_them(client, lineage):
    page = text_of(client.get("/organisations/northern-homes/"))
    places = re.search(r'<ul class="place-list">(.*?)</ul>', page).group(1)
    assert (
        re.sub(r"<[^>]+>", "", places).strip() == "Keld, North EastReeth, Yorkshire and the Humber"
    )
    assert "Muker" not in page  # the draft's place
    # Without JavaScript the map's box is hidden: the list stands in for it.
    match = re.search(
        r'<div class="map map--small" data-map data-geojson="([^"]+)"[^>]*hidden>', page
    )
    assert match
    url = match.group(1).replace("&amp;", "&")
    assert (
        url
        == "/case-studies.geojson?partner=northern-homes&partner=dale-housing&partner=fell-housing"
    )
    features = json.loads(b"".join(client.get(url).streaming_content))["features"]
    assert sorted(f["properties"]["title"] for f in features) == ["Dale terraces", "Fell cottages"]
    assert "/static/js/map.js" in page


def test_a_page_with_no_located_partnership_has_no_map(client, make_case_study, make_organisation):
    homes = make_organisation("Placeless Homes", slug="placeless-homes")
    make_case_study("Somewhere", place_name="Somewhere", partners=[(homes, "housing-association")])
    page = text_of(client.get("/organisations/placeless-homes/"))
    assert "Somewhere" in re.search(r'<ul class="place-list">(.*?)</ul>', page).group(1)
    assert "data-map" not in page and "leaflet" not in page
    assert '<dt>Website</dt><dd><span class="muted">Not recorded</span>' in page


def test_a_page_is_read_once_per_library_version_and_changes_show_at_once(
    client, lineage, settings, make_case_study
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0  # the page itself is made afresh every time

    def visit():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/organisations/northern-homes/")
        return text_of(response), len(queries)

    first, _ = visit()
    with CaptureQueriesContext(connection) as queries:
        again_response = client.get("/organisations/northern-homes/")
    again = text_of(again_response)
    assert again == first
    assert not queries  # the organisation, its partnerships and places from memory
    rendered = [template.name for template in again_response.templates]
    assert "casestudies/includes/organisation_article.html" not in rendered  # and rendered
    lineage.name = "Northern Homes Group"
    lineage.save()
    assert '<h1 id="organisation-title">Northern Homes Group</h1>' in visit()[0]
    make_case_study(
        "Swale almshouses", place_name="Gunnerside", partners=[(lineage, "housing-association")]
    )
    renamed, _ = visit()
    assert "Swale almshouses" in renamed and "Gunnerside" in renamed


def test_staff_see_predecessors_known_only_from_drafts_however_often_the_public_looked(
    publisher_client, lineage, settings
):
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 0
    public = Client()
    public.get("/organisations/northern-homes/")  # kept for the public
    staff_page = text_of(publisher_client.get("/organisations/northern-homes/"))
    assert "Quiet Housing" in staff_page
    assert "Quiet Housing" not in text_of(public.get("/organisations/northern-homes/"))
