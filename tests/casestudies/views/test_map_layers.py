"""The map's deprivation layer as served: compact, gzipped, cached and credited."""

import gzip
import json

import pytest

from casestudies.geography import MAP_LAYER_SIZE_LIMIT


@pytest.mark.parametrize("percent", [10, 30])
def test_the_layer_is_served_gzipped_small_and_cacheable(client, db, percent):
    url = f"/map/most-deprived-{percent}.geojson"
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    document = json.loads(gzip.decompress(body))
    assert len(gzip.decompress(body)) < MAP_LAYER_SIZE_LIMIT
    nations = {feature["properties"]["nation"] for feature in document["features"]}
    assert nations == {"england", "wales", "scotland", "northern-ireland"}
    assert "Open Government Licence" in json.dumps(document)

    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304

    plain = client.get(url)
    assert "Content-Encoding" not in plain and plain["ETag"] != response["ETag"]
    assert json.loads(b"".join(plain.streaming_content)) == document


def test_only_the_10_and_30_percent_layers_exist(client, db):
    assert client.get("/map/most-deprived-20.geojson").status_code == 404
    assert client.post("/map/most-deprived-10.geojson").status_code == 405


def test_the_map_page_offers_the_layer_and_shows_the_gap(client, make_case_study):
    make_case_study(imd_decile=2, imd_edition="iod2025", imd_basis="hand")
    page = client.get("/map/").content.decode()
    assert (
        'value="/map/most-deprived-10.geojson"' in page
        and 'value="/map/most-deprived-30.geojson"' in page
    )
    assert "Shade the most deprived neighbourhoods" in page
    assert "Partnerships in the most deprived neighbourhoods, against an even spread" in page
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0."
        in page
    )
