"""The whole demo library as the public sees it: the finder, insights, map, case study
pages and the open data."""

import csv
import io
import json
import re
from html import unescape

import pytest
from django.core.management import call_command

from casestudies.demo import library
from casestudies.models import CaseStudy
from casestudies.presenters.exports import FIELD_NAMES


@pytest.fixture
def demo(db):
    call_command("load_demo_data", no_images=True, verbosity=0)
    return list(CaseStudy.objects.order_by("slug"))


def text(response):
    assert response.status_code == 200
    return unescape(re.sub(r"\s+", " ", response.content.decode()))


def test_the_finder_lists_the_whole_demo_library(demo, client):
    first = text(client.get("/case-studies/"))
    assert f"{len(demo)} case studies" in first
    pages = first + text(client.get("/case-studies/?page=2"))
    missing = [case_study.title for case_study in demo if case_study.title not in pages]
    assert missing == []


def test_insights_add_up_the_whole_demo_library(demo, client):
    page = text(client.get("/insights/"))
    assert f"{len(demo)} case studies" in page
    homes = sum(case_study.homes_total or 0 for case_study in demo)
    assert (
        f'<span class="figures__number">{homes}</span> <span class="figures__label">homes' in page
    )
    for label in (
        "Homes kept for people with a local connection",
        "Applicants for each home",
        "Assets in community ownership",
    ):
        assert label in page


def test_the_map_holds_every_demo_case_study(demo, client):
    page = text(client.get("/map/"))
    assert f"{len(demo)} case studies with a location" in page
    assert [case_study.title for case_study in demo if case_study.title not in page] == []
    features = json.loads(b"".join(client.get("/case-studies.geojson").streaming_content))[
        "features"
    ]
    assert len(features) == len(demo)
    by_slug = {feature["properties"]["slug"]: feature["properties"] for feature in features}
    assert by_slug["tees-valley-empty-homes-project"]["location_basis"] == "area-centre"
    assert by_slug["homebaked-clt-your-housing-anfield"]["partnership_status"] == "ended"


def test_every_demo_case_study_page_shows_its_place_partnership_and_sources(demo, client):
    for case_study in demo:
        page = text(client.get(case_study.get_absolute_url()))
        assert case_study.get_location_basis_display() in page, case_study.slug
        assert f"<dt>Partnership</dt><dd>{case_study.get_partnership_status_display()}" in page, (
            case_study.slug
        )
        for source in case_study.sources.all():
            assert source.title in page, (case_study.slug, source.title)
        if case_study.verification_notes:
            assert "Not confirmed" in page, case_study.slug


def test_an_ended_partnership_says_so_at_the_top_and_in_the_basics(demo, client):
    page = text(client.get("/case-studies/homebaked-clt-your-housing-anfield/"))
    top = page[page.index('id="case-study-title"') : page.index('class="lead"')]
    assert "Partnership ended." in top
    assert "<dt>Partnership</dt><dd>Ended" in page
    assert "No homes delivered" in page
    active = text(client.get("/case-studies/stocksfield-scata-isos-housing/"))
    own = active[: active.index('class="similar')]  # similar partnerships below may have ended
    assert "Partnership ended" not in own and 'class="partnership-status"' not in own


def test_the_coordinates_say_what_they_mark(demo, client):
    page = text(client.get("/case-studies/stocksfield-scata-isos-housing/"))
    assert "54.947, -1.906" in page
    assert "Centre of the place named, not the homes" in page
    cornwall = text(client.get("/case-studies/cornwall-clt-cornwall-rural-housing/"))
    assert "Centre of the wider area the scheme covers, not one neighbourhood" in cornwall


def test_homes_not_yet_finished_are_labelled_so(demo, client):
    assert "18 homes (planned)" in text(client.get("/case-studies/solva-clt-ateb/"))
    assert "25 homes (being built)" in text(
        client.get("/case-studies/housing-21-lozells-cohousing/")
    )
    assert "41 homes" in text(client.get("/case-studies/keswick-community-housing-trust-impact/"))
    fishponds = text(client.get("/case-studies/bristol-clt-fishponds-road/"))
    assert "At least 7 homes (counted by tenure; the total is not recorded)" in fishponds


def test_each_outcome_names_the_source_it_rests_on(demo, client):
    page = text(client.get("/case-studies/keswick-community-housing-trust-impact/"))
    assert "Applicants for each home" in page
    assert re.search(
        r"4 applicants.*?Oversubscribed by more than four to one.*?Source: <a [^>]*>Keswick Community Housing Trust at ten</a>",
        page,
    )
    assert "As reported in this case study's sources" not in page


def test_the_exports_carry_the_new_fields_at_the_end(demo, client):
    assert FIELD_NAMES[-5:-1] == [
        "partnership_status",
        "location_basis",
        "neighbourhood_name",
        "imd_approximate",
    ]  # then partner_identifiers
    body = b"".join(client.get("/case-studies.csv").streaming_content).decode("utf-8-sig")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(body))}
    assert len(rows) == len(library.CASE_STUDIES)
    assert rows["homebaked-clt-your-housing-anfield"]["partnership_status"] == "ended"
    assert rows["stocksfield-scata-isos-housing"]["location_basis"] == "place-centre"
    record = json.loads(client.get("/api/case-studies/nancledra-cornwall-clt-coastline/").content)[
        "result"
    ]
    assert record["partnership_status"] == "ended" and record["location_basis"] == "place-centre"
    assert record["outcomes"] == []
    keswick = json.loads(
        client.get("/api/case-studies/keswick-community-housing-trust-impact/").content
    )["result"]
    assert all(outcome["source_url"].startswith("http") for outcome in keswick["outcomes"])
    open_data = text(client.get("/open-data/"))
    assert (
        "<code>partnership_status</code>" in open_data
        and "<code>location_basis</code>" in open_data
    )


def test_the_finder_filters_by_partnership_status_with_counts(demo, client):
    from casestudies.models import CaseStudy

    ended = CaseStudy.objects.filter(partnership_status="ended").count()
    stalled = CaseStudy.objects.filter(partnership_status="stalled").count()
    page = text(client.get("/case-studies/"))
    facet = page.split('id="facet-status"')[1].split("</fieldset>")[0]
    assert "Partnership" in facet and re.search(rf"Ended <span[^>]*>\({ended}\b", facet), facet[
        :800
    ]
    assert stalled == 0 or re.search(rf"Stalled <span[^>]*>\({stalled}\b", facet)
    filtered = text(client.get("/case-studies/?status=ended"))
    assert f"{ended} case stud" in filtered
    assert "Partnership ended" in filtered  # on the cards
    assert "Homebaked" in filtered and "Stocksfield" not in filtered
    refused = client.get("/case-studies/?status=forgotten")
    assert refused.status_code == 400 and "partnership status" in refused.content.decode()


def test_area_centre_pages_say_why_they_have_no_decile(demo, client):
    page = text(client.get("/case-studies/tees-valley-empty-homes-project/"))
    deprivation = page.split("data-deprivation>")[1].split("</dd>")[0]
    assert (
        "Not recorded" in deprivation and "says nothing about any one neighbourhood" in deprivation
    )
