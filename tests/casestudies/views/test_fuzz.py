"""No input breaks the public site: hostile query strings on every public URL get 200,
400 or 404, never a server error, and never have their markup echoed back unescaped.
Runs on SQLite and, in CI, on PostgreSQL (which refuses NUL bytes outright)."""

import re
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casestudies.models import Guide, Indicator, Outcome

PARAMETERS = [
    "q",
    "region",
    "model",
    "delivery",
    "tenure",
    "stage",
    "setting",
    "partner",
    "theme",
    "deprivation",
    "completed_from",
    "completed_to",
    "sort",
    "page",
    "page_size",
    "cs",
    "kind",
    "p",
]
NASTY = [
    "'; DROP TABLE casestudies_casestudy; --",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\x00",
    "a\x00b",
    "%00",
    "1e309",
    "9" * 40,
    "-1",
    "0",
    "-0",
    "2019-02-30",
    "0000-00-00",
    "NaN",
    "inf",
    "∞",
    "../../etc/passwd",
    "north-east",
    "clt",
    "karbon-homes",
    "older-people",
    "most-deprived-30",
    "title",
    "most-homes",
    "relevance",
    " ",
    "",
    "🏠" * 50,
    "x" * 5000,
    "\u202eevil",
    "${7*7}",
    "{{7*7}}",
    "%",
    "_",
    "\\",
    "&",
    "a:*&b",
]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=120),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str),
)
KEYS = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=20))
QUERIES = st.lists(st.tuples(KEYS, VALUES), max_size=10)
URLS = [
    "/",
    "/case-studies/",
    "/insights/",
    "/map/",
    "/compare/",
    "/organisations/",
    "/organisations/karbon-homes/",
    "/case-studies/fuzz-target/",
    "/case-studies.csv",
    "/case-studies.geojson",
    "/api/case-studies/",
    "/api/case-studies/fuzz-target/",
    "/feeds/case-studies/",
    "/sitemap.xml",
    "/sitemap-case-studies.xml",
    "/open-data/",
    "/guides/",
    "/guides/fuzz-guide/",
    "/embed/",
    "/embed/case-studies/",
    "/alerts/new/",
]
TAG = re.compile(r"<[a-zA-Z/!]")


@pytest.fixture
def library(make_case_study, make_organisation, make_theme):
    karbon = make_organisation("Karbon Homes", slug="karbon-homes")
    isos = make_organisation("Isos Housing", slug="isos-housing", successor=karbon)
    older = make_theme("Older people")
    target = make_case_study(
        "Fuzz target",
        slug="fuzz-target",
        community_model="clt",
        homes_built=7,
        imd_decile=2,
        imd_edition="2019",
        latitude="54.9",
        longitude="-1.9",
        partners=[(isos, "housing-association")],
        themes=[older],
    )
    Outcome.objects.create(
        case_study=target,
        indicator=Indicator.objects.get(slug="homes-built"),
        value=7,
        method="count",
    )
    for i in range(25):
        make_case_study(f"Filler {i}", region="south-west", community_model="cohousing")
    guide = Guide.objects.create(
        title="Fuzz guide", slug="fuzz-guide", introduction="Why.", status="published"
    )
    guide.entries.create(case_study=target, note="Note.")


@given(url=st.sampled_from(URLS), query=QUERIES)
@settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_query_string_breaks_a_public_page(client, library, url, query):
    client.raise_request_exception = False
    response = client.get(f"{url}?{urlencode(query)}")
    assert response.status_code in (200, 400, 404), (url, query, response.status_code)
    if response["Content-Type"].startswith("text/html"):
        body = response.content.decode()
        for _, value in query:
            if TAG.search(value):
                assert value not in body, (url, value)


@given(
    query=st.lists(
        st.tuples(st.sampled_from(PARAMETERS), st.sampled_from(NASTY)), min_size=1, max_size=30
    )
)
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_repeated_and_known_keys_with_nasty_values_on_the_finder(client, library, query):
    client.raise_request_exception = False
    for url in ("/case-studies/", "/insights/", "/api/case-studies/"):
        assert client.get(f"{url}?{urlencode(query)}").status_code in (200, 400, 404)
