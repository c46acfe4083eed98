"""One loaded Geography for the whole run: the first load parses the GeoJSON and writes the
cache file (several seconds), which the tests of loading then compare against."""

import csv

import pytest

from casestudies.geography import SHIPPED_DATA_DIR, Geography


@pytest.fixture(scope="session")
def geography_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("geography-cache")


@pytest.fixture(scope="session")
def geo(geography_cache):
    return Geography(cache_dir=geography_cache).load()


@pytest.fixture(scope="session")
def shipped_rows():
    """The shipped CSVs read plainly with the csv module, to check the package against."""

    def read(name):
        with open(SHIPPED_DATA_DIR / name, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    return read


@pytest.fixture
def data_copy(tmp_path):
    """A data directory of links to the shipped files; a test replaces the one it changes."""
    folder = tmp_path / "data"
    folder.mkdir()
    for source in SHIPPED_DATA_DIR.iterdir():
        (folder / source.name).symlink_to(source)
    return folder
