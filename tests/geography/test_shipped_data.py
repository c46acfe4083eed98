"""The project's copy of the deprivation data is whole and is what the manifest says it is."""

import csv
import gzip
import hashlib
import json

import pytest

from casestudies.geography import BOUNDARY_LAYERS, INDICES, OGL_STATEMENT, SHIPPED_DATA_DIR
from casestudies.geography.catalogue import ONS_STATEMENT
from casestudies.geography.files import DATA_FILES

MANIFEST = json.loads((SHIPPED_DATA_DIR / "manifest.json").read_text(encoding="utf-8"))
EXPECTED = MANIFEST["files"]


def count_rows(path):
    if path.name.endswith(".geojson.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return len(json.load(handle)["features"])
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_matches_the_manifest(name):
    path = SHIPPED_DATA_DIR / name
    data = path.read_bytes()
    assert len(data) == EXPECTED[name]["bytes"]
    assert hashlib.sha256(data).hexdigest() == EXPECTED[name]["sha256"], (
        f"{name} is not the file the manifest lists"
    )
    assert count_rows(path) == EXPECTED[name]["rows"]


def test_the_folder_holds_the_listed_files_and_nothing_derived():
    present = {path.name for path in SHIPPED_DATA_DIR.iterdir()}
    assert present == set(EXPECTED) | {"manifest.json", "README.md"}


def test_every_file_the_package_reads_is_listed():
    assert set(DATA_FILES) <= set(EXPECTED)


def test_the_manifest_pins_the_upstream_commits_the_readme_names():
    readme = (SHIPPED_DATA_DIR / "README.md").read_text(encoding="utf-8")
    for source in MANIFEST["sources"].values():
        assert source["repository"] in readme
        assert source["commit"] in readme


def test_the_readme_quotes_every_attribution_statement_the_pages_show():
    readme = " ".join((SHIPPED_DATA_DIR / "README.md").read_text(encoding="utf-8").split())
    statements = [OGL_STATEMENT, ONS_STATEMENT] + [
        layer.attribution for layer in BOUNDARY_LAYERS.values()
    ]
    for statement in statements:
        assert f"> {statement}" in readme, statement
    for index in INDICES.values():
        assert index.name in readme and index.publisher in readme
