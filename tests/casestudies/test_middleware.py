"""Compression: public responses are gzipped for clients that accept it, streamed exports
stay streamed, and the admin is never compressed."""

import gzip
import json

import pytest
from django.core.cache import caches
from django.urls import reverse

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return gzip.decompress(content) if response.get("Content-Encoding") == "gzip" else content


@pytest.fixture
def library(make_case_study):
    return [make_case_study(f"Partnership number {n}") for n in range(3)]


def test_a_public_page_is_gzipped_for_a_client_that_accepts_it(client, library):
    response = client.get(reverse("casestudies:case_study_list"), **GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Partnership number 2" in body(response).decode()
    assert int(response["Content-Length"]) == len(response.content)


def test_a_client_that_does_not_accept_gzip_gets_the_page_plain(client, library):
    response = client.get(reverse("casestudies:case_study_list"))
    assert not response.has_header("Content-Encoding")
    assert "Partnership number 2" in response.content.decode()


@pytest.mark.parametrize("name", ["api_list", "openapi_json"])
def test_json_is_gzipped(client, library, name):
    response = client.get(reverse(f"casestudies:{name}"), **GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(body(response))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("export_csv", b"Partnership number 1"), ("export_geojson", b'"FeatureCollection"')],
)
def test_exports_are_gzipped_and_still_streamed(client, library, name, expected):
    plain = client.get(reverse(f"casestudies:{name}"))
    response = client.get(reverse(f"casestudies:{name}"), **GZIP)
    assert plain.streaming and response.streaming  # never gathered into memory first
    assert response["Content-Encoding"] == "gzip"
    assert not response.has_header("Content-Length")
    compressed, uncompressed = body(response), body(plain)
    assert compressed == uncompressed and expected in compressed


@pytest.mark.parametrize("path", ["login/", ""])
def test_the_admin_is_never_compressed(client, admin_user, settings, path):
    if path == "":
        client.force_login(admin_user)
    response = client.get(f"/{settings.ADMIN_PATH}/{path}", **GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"csrfmiddlewaretoken" in response.content or b"Site administration" in response.content


def test_a_cached_page_is_stored_once_and_compressed_for_each_client(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    url = reverse("casestudies:case_study_list")
    first = client.get(url, **GZIP)
    plain = client.get(url)  # from the cache, for a client without gzip
    again = client.get(url, **GZIP)
    caches["pages"].clear()
    assert first["Content-Encoding"] == again["Content-Encoding"] == "gzip"
    assert not plain.has_header("Content-Encoding")
    assert body(first) == plain.content == body(again)
