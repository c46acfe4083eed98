"""A malformed data file is refused with a message naming it, and nothing is loaded half-way."""

import gzip
import json
import shutil

import pytest

from casestudies.geography import SHIPPED_DATA_DIR, DataFileError, Geography
from casestudies.geography.cache import FOLDER


def rewrite(folder, name, change):
    text = (SHIPPED_DATA_DIR / name).read_text(encoding="utf-8")
    (folder / name).unlink()
    (folder / name).write_text(change(text), encoding="utf-8")


@pytest.mark.parametrize(
    "name, change, message",
    [
        (
            "england-iod2025-lsoa21.csv",
            lambda t: t.replace("imd_decile", "decile", 1),
            "england-iod2025-lsoa21.csv has no column “imd_decile” \\(its columns are: lsoa21_code, imd_score, imd_rank, "
            "decile, lad24_code\\)",
        ),
        (
            "england-iod2025-lad24.csv",
            lambda t: t.replace("lad24_name,", "", 1).replace(",Hartlepool,", ",", 1),
            "england-iod2025-lad24.csv has no column “lad24_name”",
        ),
        (
            "england-wales-lsoa11-lsoa21-lookup.csv",
            lambda t: t.replace("change_code", "chgind", 1),
            "england-wales-lsoa11-lsoa21-lookup.csv has no column “change_code”",
        ),
        (
            "scotland-simd2020-dz11.csv",
            lambda t: t.replace("S01006506,4691,7", "S01006506,4691,11", 1),
            "scotland-simd2020-dz11.csv, row 2: “11” is not a valid value for column “imd_decile”",
        ),
        (
            "wales-wimd2019-lsoa11.csv",
            lambda t: t.replace("W01000001,", "E01000001,", 1),
            "wales-wimd2019-lsoa11.csv, row 2: “E01000001” is not a valid value for column “lsoa11_code”",
        ),
        (
            "northern-ireland-nimdm2017-soa01.csv",
            lambda t: t.replace("95AA01S2,749,9\n", "95AA01S1,749,9\n", 1),
            "northern-ireland-nimdm2017-soa01.csv lists 95AA01S1 more than once",
        ),
        (
            "england-iod2019-lsoa11.csv",
            lambda t: t.split("\n", 1)[0] + "\n",
            "england-iod2019-lsoa11.csv has a header but no rows",
        ),
    ],
)
def test_a_bad_table_is_named_and_nothing_is_kept(data_copy, name, change, message):
    rewrite(data_copy, name, change)
    geo = Geography(data_dir=data_copy)
    with pytest.raises(DataFileError, match=message):
        geo.decile_for("E01012068")
    assert geo.loaded() == frozenset()
    # Put right, the same instance loads at the next call.
    (data_copy / name).unlink()
    (data_copy / name).symlink_to(SHIPPED_DATA_DIR / name)
    assert geo.decile_for("E01012068").decile == 1


def test_a_missing_file_is_named(data_copy):
    (data_copy / "england-iod2019-lad19.csv").unlink()
    with pytest.raises(DataFileError, match="The data file england-iod2019-lad19.csv is missing"):
        Geography(data_dir=data_copy).decile_for("S01010260")


def test_a_boundary_file_with_a_renamed_property_is_named_and_no_cache_is_written(
    data_copy, tmp_path
):
    name = "northern-ireland-soa01-boundaries.geojson.gz"
    with gzip.open(SHIPPED_DATA_DIR / name, "rt", encoding="utf-8") as handle:
        document = json.load(handle)
    document["features"][3]["properties"] = {"SOA_CODE": "95AA02S1", "name": "Antrim Centre"}
    (data_copy / name).unlink()
    with gzip.open(data_copy / name, "wt", encoding="utf-8") as handle:
        json.dump(document, handle)
    cache = tmp_path / "cache"
    geo = Geography(data_dir=data_copy, cache_dir=cache)
    with pytest.raises(
        DataFileError, match=f"{name}, feature 4: each feature needs properties “code” and “name”"
    ):
        geo.find_neighbourhood(54.6, -5.9)
    assert geo.loaded() == frozenset()
    assert not (cache / FOLDER).exists()  # no cache file of a half-read layer


def test_a_file_that_is_not_gzipped_geojson_is_named(data_copy):
    name = "scotland-dz11-boundaries.geojson.gz"
    (data_copy / name).unlink()
    shutil.copy(SHIPPED_DATA_DIR / "scotland-simd2020-dz11.csv", data_copy / name)
    with pytest.raises(DataFileError, match=f"{name} is not a gzipped GeoJSON file"):
        Geography(data_dir=data_copy).find_neighbourhood(55.86, -4.25)
