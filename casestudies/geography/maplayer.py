"""The map layer: each nation's most deprived 10% or 30% of neighbourhoods, as compact GeoJSON.

A page shows the gap between where partnerships are and where deprivation is, so the layer
only needs the shapes of the most deprived areas, not every neighbourhood: adjacent
neighbourhoods are dissolved into one shape, the outlines simplified and the coordinates
rounded. The simplification is the finest that keeps the file under `SIZE_LIMIT`, tried
from fine to coarse, so a new edition of the data can never make the page heavy. A
neighbourhood too small to survive rounding is kept as a small box rather than dropped: a
deprived tower-block estate must not vanish from the map.

Each nation is shaded by its own latest index: the features say which, because the four
indices are not comparable and a map that pooled them would say what the data cannot.
"""

import gzip
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from casestudies.geography.catalogue import NATIONS, OGL_URL, attribution
from casestudies.geography.errors import GeographyError

PERCENTS = {10: 1, 30: 3}  # most deprived percent: the highest decile it holds
SIZE_LIMIT = 300_000  # bytes, uncompressed
TOLERANCES = (
    0.0005,
    0.001,
    0.0015,
    0.002,
    0.003,
    0.004,
    0.005,
    0.006,
    0.008,
    0.01,
    0.015,
    0.02,
    0.03,
)


@dataclass(frozen=True)
class MapLayer:
    """A built layer in the cache. Serve `gzip_path` with `Content-Encoding: gzip` to clients
    that accept it (most do), `path` to the rest; `key` changes whenever the data or the way
    the layer is made changes, so it makes a strong ETag."""

    percent: int
    path: Path
    gzip_path: Path
    size: int
    gzip_size: int
    key: str
    tolerance_degrees: float


def file_name(percent):
    return f"most-deprived-{percent}.geojson"


def check_percent(percent):
    if percent not in PERCENTS:
        raise ValueError(
            f"The map layer shows the most deprived {' or '.join(map(str, PERCENTS))}%, not {percent}%."
        )
    return percent


def _selected(boundaries, tables, nation, top_decile):
    """Positions of the nation's neighbourhoods in its latest index's most deprived deciles,
    and how many of them are in only because part of their ground is (merged 2011 areas)."""
    index = nation.latest_index
    nation_id = list(NATIONS).index(nation.key)
    chosen, partly = [], 0
    for at in np.flatnonzero(boundaries.nation_ids == nation_id):
        result = tables.decile_for(boundaries.codes[at], index.key)
        if result.decile <= top_decile:
            chosen.append(at)
            partly += result.decile_range[1] > top_decile
    return index, chosen, partly


def _dissolved(geometries):
    """One shape per group of adjacent neighbourhoods. The layers are coverages (neighbours
    share their edges exactly), for which GEOS's coverage union is several times faster than
    a general union; a general union is the fallback if the result is not valid."""
    union = shapely.coverage_union_all(geometries)
    if not shapely.is_valid(union):
        union = shapely.union_all(geometries)
    return shapely.get_parts(union)


def _merge_overlapping(shapes):
    """Shapes that simplification made touch or overlap, united; the rest left as they are.
    Uniting only those clusters is far faster than uniting everything, and the result is a
    valid MultiPolygon (overlapping parts would show as holes under the even-odd fill rule)."""
    left, right = shapely.STRtree(shapes).query(shapes, predicate="intersects")
    parent = list(range(len(shapes)))

    def root(at):
        while parent[at] != at:
            parent[at] = parent[parent[at]]
            at = parent[at]
        return at

    for a, b in zip(left.tolist(), right.tolist()):
        if a < b:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    clusters = {}
    for at in range(len(shapes)):
        clusters.setdefault(root(at), []).append(at)
    merged = [
        shapes[members[0]] if len(members) == 1 else shapely.union_all(shapes[members])
        for members in clusters.values()
    ]
    return shapely.multipolygons(shapely.get_parts(np.array(merged, dtype=object)))


def _simplified(parts, tolerance):
    grid = 0.0001 if tolerance < 0.002 else 0.001
    shapes = shapely.set_precision(shapely.simplify(parts, tolerance, preserve_topology=True), grid)
    lost = shapely.is_empty(shapes)
    if lost.any():
        # Too small for the grid: keep a box of whole grid cells around it.
        bounds = shapely.bounds(parts[lost])
        low = np.floor(bounds[:, :2] / grid) * grid
        high = np.maximum(np.ceil(bounds[:, 2:] / grid) * grid, low + grid)
        shapes[lost] = shapely.box(low[:, 0], low[:, 1], high[:, 0], high[:, 1])
    merged = shapely.orient_polygons(
        _merge_overlapping(shapely.get_parts(shapes)), exterior_cw=False
    )
    return merged, max(0, -int(math.floor(math.log10(grid))))


def _coordinates(geometry, digits):
    polygons = []
    for polygon in shapely.get_parts(geometry):
        rings = [polygon.exterior, *polygon.interiors]
        polygons.append(
            [np.round(shapely.get_coordinates(ring), digits).tolist() for ring in rings]
        )
    return polygons


def _document(groups, percent, tolerance):
    features = []
    for nation, index, chosen, partly, parts in groups:
        geometry, digits = _simplified(parts, tolerance)
        properties = {
            "nation": nation.key,
            "nation_name": nation.name,
            "index": index.key,
            "index_name": index.name,
            "most_deprived_percent": percent,
            "deciles": list(range(1, PERCENTS[percent] + 1)),
            "neighbourhoods": len(chosen),
        }
        if partly:
            properties["note"] = (
                f"{partly} of these {nation.area_type_plural} were merged in 2021 from 2011 areas in different "
                f"deciles and are shown because their most deprived part is in the {percent}%."
            )
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {"type": "MultiPolygon", "coordinates": _coordinates(geometry, digits)},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "name": f"Most deprived {percent}% of neighbourhoods in each nation, by its own latest index",
        "note": "Each nation ranks only its own neighbourhoods, with its own index; the shaded areas are not "
        "comparable between nations.",
        "attribution": list(attribution([group[1].key for group in groups])),
        "licence": OGL_URL,
        "simplified_degrees": tolerance,
        "features": features,
    }
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()


def build(boundaries, tables, percent):
    """The layer's GeoJSON bytes and the simplification it needed to fit: the finest of
    TOLERANCES that does, found by bisection (the size falls as the tolerance grows)."""
    top_decile = PERCENTS[check_percent(percent)]
    groups = []
    for nation in NATIONS.values():
        index, chosen, partly = _selected(boundaries, tables, nation, top_decile)
        groups.append((nation, index, chosen, partly, _dissolved(boundaries.geometries[chosen])))
    low, high, best = 0, len(TOLERANCES) - 1, None
    while low <= high:
        middle = (low + high) // 2
        document = _document(groups, percent, TOLERANCES[middle])
        if len(document) < SIZE_LIMIT:
            best, high = (document, TOLERANCES[middle]), middle - 1
        else:
            low = middle + 1
    if best is None:
        raise GeographyError(
            f"The most deprived {percent}% cannot be drawn in under {SIZE_LIMIT:,} bytes."
        )
    return best


def write(cache, percent, document, tolerance):
    name = file_name(percent)
    cache.write(
        name + ".gz", lambda handle: handle.write(gzip.compress(document, compresslevel=9, mtime=0))
    )
    cache.write(name, lambda handle: handle.write(document))
    return described(cache, percent, tolerance)


def described(cache, percent, tolerance=None):
    path = cache.path(file_name(percent))
    gzip_path = path.with_name(path.name + ".gz")
    if tolerance is None:
        tolerance = json.loads(path.read_bytes())["simplified_degrees"]
    return MapLayer(
        percent,
        path,
        gzip_path,
        path.stat().st_size,
        gzip_path.stat().st_size,
        f"{cache.key}-{percent}",
        tolerance,
    )
