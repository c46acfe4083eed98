"""Loading: lazy, once per process, from a cache keyed by the data, the same as from the GeoJSON."""

import threading

import numpy as np
import shapely

import casestudies.geography as geography
from casestudies.geography import Geography
from casestudies.geography import tables as tables_module
from casestudies.geography.boundaries import CACHE_FILE
from casestudies.geography.cache import FOLDER, FileCache


def test_nothing_is_loaded_until_it_is_needed(tmp_path):
    geo = Geography(cache_dir=tmp_path)
    assert geo.loaded() == frozenset()
    geo.decile_for("E01012068")
    assert geo.loaded() == {"tables"}
    assert not (tmp_path / FOLDER).exists()


def test_the_tables_are_loaded_once_even_by_threads_at_once(monkeypatch):
    calls = []
    real_load = tables_module.Tables.load

    def counted(data_dir):
        calls.append(data_dir)
        return real_load(data_dir)

    monkeypatch.setattr(tables_module.Tables, "load", staticmethod(counted))
    geo = Geography()
    threads = [threading.Thread(target=geo.decile_for, args=("E01012068",)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert geo.tables is geo.tables


def test_the_cache_file_gives_exactly_the_geometries_of_the_geojson(geo, geography_cache):
    cache_file = next((geography_cache / FOLDER).glob(f"*/{CACHE_FILE}"))
    assert cache_file.parent.name.startswith(geo.checksum()[:20])
    from_cache = Geography(cache_dir=geography_cache).boundaries
    assert from_cache is not geo.boundaries
    assert from_cache.codes == geo.boundaries.codes and from_cache.names == geo.boundaries.names
    assert shapely.equals_exact(from_cache.geometries, geo.boundaries.geometries, tolerance=0).all()


def test_a_damaged_cache_file_is_made_again(geo, tmp_path):
    folder = FileCache(tmp_path, geo.checksum()).folder
    folder.mkdir(parents=True)
    (folder / CACHE_FILE).write_bytes(b"not a cache file")
    rebuilt = Geography(cache_dir=tmp_path)
    assert rebuilt.find_neighbourhood(54.5742, -1.2350).code == "E01012068"
    loaded = np.load(folder / CACHE_FILE)
    assert len(loaded["geometry_offsets"]) == len(geo.boundaries.codes) + 1


def test_writing_to_the_cache_removes_folders_of_outdated_data_or_code(geo, tmp_path):
    stale = tmp_path / FOLDER / "0123456789abcdef0123-v0"
    stale.mkdir(parents=True)
    (stale / CACHE_FILE).write_bytes(b"old")
    cache = FileCache(tmp_path, geo.checksum())
    written = cache.write("note.txt", lambda handle: handle.write(b"new"))
    assert written.read_bytes() == b"new" and written.parent == cache.folder
    assert not stale.exists()
    assert [path.name for path in cache.folder.iterdir()] == ["note.txt"]  # no temporary file left


def test_the_module_functions_use_the_configured_instance(geo, monkeypatch):
    monkeypatch.setattr(geography, "_default", geo)
    assert geography.default() is geo
    assert geography.find_neighbourhood(54.5742, -1.2350).code == "E01012068"
    assert geography.decile_for("E01012068").decile == 1
    assert geography.local_authority_for("E01012068").name == "Middlesbrough"
    assert geography.deprivation_by_authority("iod2025").available
    assert geography.neighbourhood("E01012068").name == "Middlesbrough 001A"
    configured = geography.configure(cache_dir="/nonexistent/cache")
    assert geography.default() is configured and configured is not geo
