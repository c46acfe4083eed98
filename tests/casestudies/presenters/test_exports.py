"""Open data: CSV, JSON and GeoJSON parse with standard tools and respect filters and publication."""

import csv
import io
import json
import re

import geojson
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from PIL import Image

from casestudies.finder import selectors
from casestudies.models import CaseStudyImage, Indicator, Outcome
from casestudies.models.choices import Status
from casestudies.presenters.exports import FIELD_NAMES


@pytest.fixture
def library(make_case_study, make_organisation):
    karbon = make_organisation("Karbon Homes", slug="karbon-homes")
    isos = make_organisation("Isos Housing", slug="isos-housing", successor=karbon)
    stocksfield = make_case_study(
        "Stocksfield",
        slug="stocksfield",
        region="north-east",
        community_model="clt",
        homes_built=7,
        homes_affordable_rent=7,
        latitude="54.947",
        longitude="-1.906",
        place_name="Stocksfield",
        partners=[(isos, "housing-association")],
        summary='=HYPERLINK("http://evil")',
    )
    Outcome.objects.create(
        case_study=stocksfield,
        indicator=Indicator.objects.get(slug="homes-built"),
        value=7,
        year=2015,
        source=stocksfield.sources.first(),
    )
    make_case_study(
        "Leeds",
        slug="leeds",
        region="yorkshire",
        community_model="cohousing",
        latitude="53.82",
        longitude="-1.53",
    )
    make_case_study("No location", slug="nowhere", region="north-east", community_model="clt")
    make_case_study(
        "Draft",
        slug="draft",
        status=Status.DRAFT,
        region="north-east",
        latitude="54.9",
        longitude="-1.9",
    )
    return stocksfield


def read_csv(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_every_documented_field_and_only_published(client, library):
    response = client.get("/case-studies.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="partnerships-in-place-case-studies.csv"' in response["Content-Disposition"]
    assert 'rel="license"' in response["Link"]
    rows = read_csv(response)
    assert list(rows[0]) == FIELD_NAMES
    assert sorted(row["slug"] for row in rows) == ["leeds", "nowhere", "stocksfield"]
    stocksfield = next(row for row in rows if row["slug"] == "stocksfield")
    assert stocksfield["url"] == "http://testserver/case-studies/stocksfield/"
    assert (
        stocksfield["partners"]
        == "Isos Housing (now part of Karbon Homes) (housing association partner)"
    )
    assert stocksfield["region_code"] == "E12000001"
    assert stocksfield["homes_affordable_rent"] == "7" and stocksfield["longitude"] == "-1.906"
    assert stocksfield["summary"].startswith("'=HYPERLINK")  # not run as a formula by a spreadsheet


def test_csv_respects_the_finders_filters(client, library):
    rows = read_csv(client.get("/case-studies.csv?region=north-east&model=clt"))
    assert sorted(row["slug"] for row in rows) == ["nowhere", "stocksfield"]
    bad = client.get("/case-studies.csv?region=atlantis")
    assert bad.status_code == 400 and "region" in bad.content.decode()


def test_json_api_pages_with_facts_partners_outcomes_and_links(client, library, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "green").save(out, "JPEG")
    CaseStudyImage(
        case_study=library,
        image=SimpleUploadedFile("a.jpg", out.getvalue()),
        alt_text="Homes",
        is_cover=True,
    ).save()

    response = client.get("/api/case-studies/?page_size=2&sort=title")
    assert response["Access-Control-Allow-Origin"] == "*"
    body = json.loads(response.content)
    assert body["count"] == 3 and body["pages"] == 2
    assert body["licence"]["name"] == "CC BY 4.0"
    assert [r["slug"] for r in body["results"]] == ["leeds", "nowhere"]
    assert body["next"] == "http://testserver/api/case-studies/?page_size=2&sort=title&page=2"
    second = json.loads(client.get("/api/case-studies/?page_size=2&sort=title&page=2").content)
    record = second["results"][0]
    assert record["slug"] == "stocksfield" and second["previous"].endswith("page=1")
    assert record["partners"][0]["successor"] == {"name": "Karbon Homes", "slug": "karbon-homes"}
    assert record["outcomes"] == [
        {
            "indicator": {
                "slug": "homes-built",
                "name": "Homes built",
                "framework": "housing-outputs",
                "unit": "homes",
            },
            "value": 7.0,
            "year": 2015,
            "baseline": None,
            "baseline_year": None,
            "method": "",
            "note": "",
            "source_url": "https://example.org/",
            "evidence_strength": "self-reported",
        }
    ]
    assert record["images"][0]["alt"] == "Homes"
    assert record["images"][0]["url"].startswith("http://testserver/media/renditions/")
    assert record["links"]["api"] == "http://testserver/api/case-studies/stocksfield/"
    assert record["latitude"] == 54.947


def test_json_api_refuses_bad_input_in_json(client, library):
    bad = client.get("/api/case-studies/?region=atlantis")
    assert bad.status_code == 400 and "region" in json.loads(bad.content)["errors"]
    assert client.get("/api/case-studies/?page=99").status_code == 404
    assert client.get("/api/case-studies/?page=abc").status_code == 400
    assert (
        json.loads(client.get("/api/case-studies/?page_size=100000").content)["pages"] == 1
    )  # capped at 100


def test_json_api_detail_and_cors_preflight(client, library):
    detail = json.loads(client.get("/api/case-studies/stocksfield/").content)
    assert detail["result"]["title"] == "Stocksfield"
    assert client.get("/api/case-studies/draft/").status_code == 404
    preflight = client.options("/api/case-studies/")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in preflight
    assert client.post("/api/case-studies/").status_code in (403, 405)


def test_geojson_is_valid_with_longitude_first_and_only_located_published(client, library):
    response = client.get("/case-studies.geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = geojson.loads(b"".join(response.streaming_content).decode())
    assert collection.is_valid, collection.errors()
    by_slug = {feature["properties"]["slug"]: feature for feature in collection["features"]}
    assert sorted(by_slug) == ["leeds", "stocksfield"]
    assert by_slug["stocksfield"]["geometry"]["coordinates"] == [-1.906, 54.947]
    filtered = geojson.loads(
        b"".join(client.get("/case-studies.geojson?model=cohousing").streaming_content).decode()
    )
    assert [f["properties"]["slug"] for f in filtered["features"]] == ["leeds"]


def test_a_geojson_decile_names_the_index_it_comes_from(client, library):
    collection = geojson.loads(
        b"".join(client.get("/case-studies.geojson").streaming_content).decode()
    )
    stocksfield = next(
        f["properties"] for f in collection["features"] if f["properties"]["slug"] == "stocksfield"
    )
    assert stocksfield["imd_decile"] is not None  # found from its coordinates on save
    assert (
        stocksfield["imd_edition"] == "iod2025"
    )  # England's own latest index: deciles of nations differ


def test_open_data_page_documents_every_field(client, db):
    page = client.get("/open-data/").content.decode()
    for name in FIELD_NAMES:
        assert f"<code>{name}</code>" in page
    assert "CC BY 4.0" in page


def test_csv_lines_equal_the_records_built_from_prefetched_objects(
    client, library, make_case_study, make_organisation, make_theme
):
    """The CSV reads partners, themes and sources in bulk as plain rows; every line must
    equal the record built from the objects themselves (as the JSON is)."""
    from casestudies.presenters import exports

    successor = make_organisation("Later Homes", slug="later-homes")
    renamed = make_organisation("Early Homes", slug="early-homes", successor=successor)
    make_case_study(
        "Many parts",
        partners=[(renamed, "housing-association"), (successor, "manager")],
        sources=3,
        themes=[make_theme("Rural"), make_theme("Almshouses")],
    )
    rows = read_csv(client.get("/case-studies.csv"))
    queryset = exports._api_queryset(selectors.filter_case_studies(QueryDict()).qs)

    def from_objects(case_study):
        return exports.Related(
            [
                (p.organisation.display_name, p.get_role_display(), p.organisation.slug)
                for p in case_study.partners.all()
            ],
            [theme.slug for theme in case_study.themes.all()],
            [source.url for source in case_study.sources.all()],
        )

    expected = {cs.slug: exports.flat_record(cs, from_objects(cs)) for cs in queryset}
    assert len(rows) == len(expected) > 2
    for row in rows:
        record = expected[row["slug"]]
        for name in ("partners", "partner_slugs", "themes", "sources", "title", "homes_total"):
            assert row[name] == ("" if record[name] is None else str(record[name])), (
                row["slug"],
                name,
            )
    many = next(row for row in rows if row["title"] == "Many parts")
    assert (
        many["partners"]
        == "Early Homes (now part of Later Homes) (housing association partner); Later Homes (manager)"
    )
    assert many["themes"] == "almshouses rural"


@pytest.fixture
def mixed_library(make_case_study, make_organisation, make_theme):
    """Case studies that each miss one of several filters, and three that meet them all.
    Every one has coordinates, so the map and the GeoJSON may hold any of them."""
    trust = make_organisation("North Trust", slug="north-trust")
    other = make_organisation("Valley Homes", slug="valley-homes")
    rural = make_theme("Rural")
    matching = {
        "summary": "A meadow scheme.",
        "region": "north-east",
        "community_model": "clt",
        "homes_built": 6,
        "homes_social_rent": 4,
        "year_completed": 2016,
        "partnership_status": "active",
        "partners": [(trust, "community")],
        "themes": [rural],
        "latitude": "54.9",
        "longitude": "-1.9",
    }
    misses = {
        "region": {"region": "london"},
        "model": {"community_model": "cohousing"},
        "tenure": {"homes_social_rent": None},
        "year": {"year_completed": 2005},
        "status": {"partnership_status": "ended"},
        "partner": {"partners": [(other, "community")]},
        "theme": {"themes": []},
        "search": {"summary": "A scheme by the sea."},
        "draft": {"status": Status.DRAFT},
    }
    for name, change in misses.items():
        make_case_study(
            f"Scheme that misses {name}",
            slug=f"misses-{name}",
            **{**matching, **change},
        )
    for slug in ("meadow-one", "meadow-two", "meadow-three"):
        make_case_study(slug.replace("-", " ").capitalize(), slug=slug, **matching)


COMBINATION = (
    "region=north-east&region=yorkshire&model=clt&tenure=social-rent&completed_from=2010"
    "&status=active&partner=north-trust&theme=rural&q=meadow&sort=title"
)


def test_one_filter_combination_gives_the_same_case_studies_everywhere(client, mixed_library):
    """The finder, the map, the CSV, the GeoJSON and the JSON API all read the same
    FilterSet, so a link with filters means the same partnerships on each."""
    expected = ["meadow-one", "meadow-three", "meadow-two"]  # by title, as sorted
    finder = client.get(f"/case-studies/?{COMBINATION}").content.decode()
    listed = re.findall(r'<h3 class="card__title"><a href="/case-studies/([-\w]+)/"', finder)
    assert listed == expected
    map_page = client.get(f"/map/?{COMBINATION}").content.decode()
    assert sorted(re.findall(r'<a href="/case-studies/([-\w]+)/">', map_page)) == sorted(expected)
    rows = csv.DictReader(
        io.StringIO(
            b"".join(client.get(f"/case-studies.csv?{COMBINATION}").streaming_content).decode(
                "utf-8-sig"
            )
        )
    )
    assert [row["slug"] for row in rows] == expected
    features = json.loads(
        b"".join(client.get(f"/case-studies.geojson?{COMBINATION}").streaming_content)
    )["features"]
    assert [feature["properties"]["slug"] for feature in features] == expected
    api = json.loads(client.get(f"/api/case-studies/?{COMBINATION}").content)
    assert [record["slug"] for record in api["results"]] == expected
