"""/compare/ and /map/."""

import re

import pytest

from casestudies.models import Indicator, Outcome
from casestudies.models.choices import Status
from config.settings import tiles_origin


@pytest.fixture
def three(make_case_study):
    made = [
        make_case_study(
            "First",
            slug="first",
            homes_built=7,
            community_model="clt",
            latitude="54.9",
            longitude="-1.9",
        ),
        make_case_study("Second", slug="second", homes_refurbished=6, community_model="clt"),
        make_case_study(
            "Third",
            slug="third",
            homes_built=63,
            community_model="cohousing",
            latitude="53.8",
            longitude="-1.5",
        ),
    ]
    Outcome.objects.create(
        case_study=made[0],
        indicator=Indicator.objects.get(slug="homes-built"),
        value=7,
        method="count",
    )
    make_case_study("Draft", slug="draft", status=Status.DRAFT, latitude="54.0", longitude="-2.0")
    return made


def test_compare_shows_basics_and_outcomes_side_by_side(client, three):
    page = client.get("/compare/?cs=first&cs=second&cs=third").content.decode()
    assert '<caption id="compare-caption">' in page
    assert page.count('<th scope="col">') == 3
    assert (
        '<th scope="row">Homes</th><td>7 new build</td><td>6 refurbished or converted</td><td>63 new build</td>'
        in page
    )
    assert '<th scope="row">Homes built</th><td>7 homes</td><td>–</td><td>–</td>' in page
    assert 'href="?cs=second&amp;cs=third">Remove<span class="visually-hidden"> First' in page


def test_compare_explains_what_it_cannot_show(client, three, make_case_study):
    response = client.get("/compare/?cs=first&cs=draft&cs=nonsense")
    assert response.status_code == 400
    page = response.content.decode()
    assert "We could not find “draft”, “nonsense”" in page
    assert "Choose two to 4 case studies" in page
    for i in range(3):
        make_case_study(f"Extra {i}", slug=f"extra-{i}")
    many = client.get(
        "/compare/?cs=first&cs=second&cs=third&cs=extra-0&cs=extra-1"
    ).content.decode()
    assert "You can compare up to 4 case studies at once" in many
    assert many.count('<th scope="col">') == 4


def test_finder_cards_offer_compare_checkboxes_without_javascript(client, three):
    page = client.get("/case-studies/").content.decode()
    assert '<form id="compare-form" action="/compare/" method="get"></form>' in page
    assert 'name="cs" value="first" form="compare-form"' in page


def test_map_lists_located_published_case_studies_and_keeps_filters(client, three):
    page = client.get("/map/?model=clt").content.decode()
    assert 'data-geojson="/case-studies.geojson?model=clt"' in page
    assert "1 case study with a location, of the 2 matching your filters" in page
    assert ">First</a>" in page and ">Second</a>" not in page and ">Draft</a>" not in page
    assert "/static/vendor/leaflet/leaflet.js" in page  # shipped with the site, no CDN


def test_without_javascript_the_map_is_the_list_alone(client, three):
    page = client.get("/map/").content.decode()
    # The map's box is hidden until the script draws it: no empty box without JavaScript.
    assert re.search(r'<div class="map map--large" data-map [^>]*\bhidden></div>', page)
    assert "The map needs JavaScript. The list has every case study on it." in page
    # The list carries each place, so it can follow the map's view when the map is drawn.
    assert re.search(
        r'<li class="map-list__item" data-lat="54.9\d*" data-lng="-1.9\d*"><a href="/case-studies/first/">First</a>',
        page,
    )


def test_the_map_clusters_with_the_shipped_plugin_on_the_tiles_in_settings(client, three, settings):
    settings.MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILES_ATTRIBUTION = "&copy; Example & Co"
    page = client.get("/map/").content.decode()
    assert 'data-tiles-url="https://tiles.example.org/{z}/{x}/{y}.png"' in page
    assert 'data-tiles-attribution="&amp;copy; Example &amp; Co"' in page
    assert "/static/vendor/leaflet.markercluster/leaflet.markercluster.js" in page
    licence = settings.BASE_DIR / "static" / "vendor" / "leaflet.markercluster" / "LICENSE"
    assert "Permission is hereby granted" in licence.read_text()  # MIT, shipped beside it


def test_the_csp_allows_the_default_tiles_and_nothing_else_from_elsewhere(client, three, settings):
    policy = client.get("/map/")["Content-Security-Policy"]
    images = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert images.split()[1:] == ["'self'", "data:", tiles_origin(settings.MAP_TILES_URL)]
