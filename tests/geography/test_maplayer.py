"""The map layer: valid, small, each nation by its own index, cached outside the repository."""

import gzip
import json

import geojson
import pytest
import shapely

from casestudies.geography import MAP_LAYER_SIZE_LIMIT, SHIPPED_DATA_DIR, Geography
from casestudies.geography import maplayer as maplayer_module


@pytest.fixture(scope="module")
def layers(geo):
    return {percent: geo.map_layer(percent) for percent in (10, 30)}


@pytest.mark.parametrize("percent", [10, 30])
def test_the_layer_is_valid_rfc_7946_geojson_within_the_size_limit(layers, percent):
    layer = layers[percent]
    raw = layer.path.read_bytes()
    assert layer.size == len(raw) < MAP_LAYER_SIZE_LIMIT == 300_000
    assert gzip.decompress(layer.gzip_path.read_bytes()) == raw and layer.gzip_size < layer.size / 2
    document = geojson.loads(raw.decode())
    assert document.is_valid, document.errors()
    for feature in document["features"]:
        geometry = shapely.from_geojson(json.dumps(feature["geometry"]))
        assert geometry.geom_type == "MultiPolygon" and shapely.is_valid(geometry)
        for polygon in shapely.get_parts(geometry):
            assert polygon.exterior.is_ccw and not any(ring.is_ccw for ring in polygon.interiors)
        west, south, east, north = geometry.bounds
        assert -8.7 < west and east < 1.8 and 49.8 < south and north < 61
        text = json.dumps(feature["geometry"]["coordinates"])
        assert (
            max(
                len(number.split(".")[-1])
                for number in text.replace("[", "").replace("]", "").split(", ")
            )
            <= 4
        )


@pytest.mark.parametrize("percent, deciles", [(10, [1]), (30, [1, 2, 3])])
def test_one_feature_per_nation_shaded_by_its_own_latest_index(layers, percent, deciles):
    document = json.loads(layers[percent].path.read_bytes())
    summary = [
        (f["properties"]["nation"], f["properties"]["index"], f["properties"]["deciles"])
        for f in document["features"]
    ]
    assert summary == [
        ("england", "iod2025", deciles),
        ("wales", "wimd2019", deciles),
        ("scotland", "simd2020", deciles),
        ("northern-ireland", "nimdm2017", deciles),
    ]
    neighbourhoods = {
        f["properties"]["nation"]: f["properties"]["neighbourhoods"] for f in document["features"]
    }
    if percent == 10:
        assert neighbourhoods == {
            "england": 3375,
            "wales": 191,
            "scotland": 698,
            "northern-ireland": 89,
        }
    assert "not comparable between nations" in document["note"]
    assert any("Welsh Government" in statement for statement in document["attribution"])
    assert any("Contains OS data" in statement for statement in document["attribution"])
    welsh = document["features"][1]["properties"]
    assert "merged in 2021 from 2011 areas in different deciles" in welsh["note"]


@pytest.mark.parametrize("percent", [10, 30])
def test_the_most_deprived_places_are_shaded_and_the_least_are_not(layers, percent):
    document = json.loads(layers[percent].path.read_bytes())
    shapes = {
        f["properties"]["nation"]: shapely.from_geojson(json.dumps(f["geometry"]))
        for f in document["features"]
    }
    assert shapes["england"].intersects(
        shapely.Point(-1.2350, 54.5742).buffer(0.003)
    )  # Middlesbrough, decile 1
    assert shapes["northern-ireland"].intersects(
        shapely.Point(-7.3197, 54.9976).buffer(0.003)
    )  # Derry, decile 1
    assert not shapes["england"].intersects(
        shapely.Point(-1.9160, 54.9470)
    )  # Stocksfield, decile 9


def test_the_layer_is_built_once_and_then_read_from_the_cache(
    geo, geography_cache, layers, monkeypatch
):
    def must_not_build(*args):
        raise AssertionError("rebuilt")

    monkeypatch.setattr(maplayer_module, "build", must_not_build)
    assert geo.map_layer(30) == layers[30]
    another_process = Geography(cache_dir=geography_cache)
    assert another_process.map_layer(10) == layers[10]
    assert layers[10].path.is_relative_to(geography_cache)
    assert not any(path.suffix == ".geojson" for path in SHIPPED_DATA_DIR.iterdir())


def test_the_cache_key_follows_the_data(geo, layers, data_copy):
    assert layers[30].key.startswith(geo.checksum()[:20])
    name = "scotland-simd2020-dz11.csv"
    (data_copy / name).unlink()
    (data_copy / name).write_bytes((SHIPPED_DATA_DIR / name).read_bytes() + b"\n")
    assert Geography(data_dir=data_copy).checksum() != geo.checksum()


def test_a_map_layer_needs_a_cache_directory_and_a_known_percent(geo):
    with pytest.raises(ValueError, match="give cache_dir"):
        Geography().map_layer(30)
    with pytest.raises(ValueError, match="most deprived 10 or 30%, not 20%"):
        geo.map_layer(20)
