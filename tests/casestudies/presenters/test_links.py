"""Absolute addresses are built from SITE_URL, never from the request's Host header."""

import re

import pytest

from casestudies.presenters.links import absolute_url

SITE = "https://partnershipsinplace.example"
# Django accepts any port on an allowed host: the header a poisoning request would send.
FORGED_HOST = "127.0.0.1:1337"


@pytest.fixture
def site(settings, make_case_study, make_organisation):
    settings.SITE_URL = SITE
    partner = make_organisation("Karbon Homes", slug="karbon-homes")
    make_case_study(
        "Stocksfield",
        slug="stocksfield",
        partners=[(partner, "housing-association")],
        latitude=54.94,
        longitude=-1.91,
    )
    make_case_study("Lyme Regis", slug="lyme-regis")


ADDRESSES = [
    "/case-studies/stocksfield/",  # canonical link, og:url, JSON-LD
    "/organisations/karbon-homes/",
    "/api/case-studies/?page_size=1",  # its links, and the next page's
    "/api/case-studies/stocksfield/",
    "/case-studies.csv",
    "/case-studies.geojson",
    "/feeds/case-studies/",
    "/sitemap.xml",
    "/sitemap-case-studies.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_absolute_links_ignore_the_host_header(client, site, address):
    response = client.get(address, HTTP_HOST=FORGED_HOST)
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    links = re.findall(r"https?://[^\s\"'<>,]+", body)
    ours = [link for link in links if "partnershipsinplace" in link or "127.0.0.1" in link]
    assert ours, body[:500]
    assert all(link.startswith(SITE + "/") for link in ours), ours
    assert FORGED_HOST not in body


def test_addresses_that_are_already_absolute_stay_as_they_are(settings):
    settings.SITE_URL = SITE
    assert absolute_url("/case-studies/") == SITE + "/case-studies/"
    cdn = "https://media.example.net/renditions/a.webp"
    assert absolute_url(cdn) == cdn
