"""A small map for a briefing, drawn here as SVG from the shipped neighbourhood
boundaries (casestudies.geography): the neighbourhoods around the place, the one it is
in shaded, and a dot on the coordinates. No tiles are fetched."""

import math
import threading

import shapely
from django.conf import settings

from casestudies import geography

# Half the side of the square drawn, in metres: enough to show the shape of a village
# or a few streets of a town.
HALF_SIDE_M = 2500
SIZE = 240  # points
METRES_PER_DEGREE = 111_320
# Presentation attributes rather than CSS: the drawing is read by the PDF renderer only.
SEA_FILL, LAND_FILL, HOME_FILL, EDGE, PLACE_FILL = (
    "#dbe9f4",
    "#f4f1ea",
    "#f3d9a4",
    "#9a9184",
    "#b3261e",
)

_geography = None
_lock = threading.Lock()


def _boundaries():
    """The boundaries, loaded once per process (through the geography cache in DATA_DIR)."""
    global _geography
    with _lock:
        if _geography is None:
            _geography = geography.Geography(cache_dir=settings.DATA_DIR)
    return _geography.boundaries


def _rings(geometry):
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.is_empty:
            continue
        yield polygon.exterior.coords
        for interior in polygon.interiors:
            yield interior.coords


def map_svg(latitude, longitude):
    """The map as an SVG string, or "" when there are no coordinates or nothing to draw."""
    if latitude is None or longitude is None:
        return ""
    lat, lon = float(latitude), float(longitude)
    boundaries = _boundaries()
    d_lat = HALF_SIDE_M / METRES_PER_DEGREE
    d_lon = d_lat / max(math.cos(math.radians(lat)), 0.01)
    frame = shapely.box(lon - d_lon, lat - d_lat, lon + d_lon, lat + d_lat)
    point = shapely.Point(lon, lat)

    def x(value):
        return (value - (lon - d_lon)) / (2 * d_lon) * SIZE

    def y(value):
        return ((lat + d_lat) - value) / (2 * d_lat) * SIZE

    # One path for the neighbourhoods around and one for the place's own: the renderer
    # pays per element far more than per point.
    land, home = [], []
    for position in boundaries.tree.query(frame):
        # Simplified to about a point on the drawing: finer detail cannot be seen.
        shape = shapely.simplify(
            shapely.intersection(boundaries.geometries[position], frame), 2 * d_lat / SIZE
        )
        if shape.is_empty or shape.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        commands = [
            "M" + " L".join(f"{x(px):.1f},{y(py):.1f}" for px, py in ring) + "Z"
            for ring in _rings(shape)
        ]
        (home if boundaries.geometries[position].contains(point) else land).extend(commands)
    paths = [
        f'<path d="{" ".join(commands)}" fill="{fill}" stroke="{EDGE}" stroke-width="0.6" fill-rule="evenodd"/>'
        for commands, fill in ((land, LAND_FILL), (home, HOME_FILL))
        if commands
    ]
    if not paths:
        return ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" '
        f'height="{SIZE}" role="img" aria-label="Map of the neighbourhoods around the place">'
        f'<rect width="{SIZE}" height="{SIZE}" fill="{SEA_FILL}"/>{"".join(paths)}'
        f'<circle cx="{SIZE / 2:.1f}" cy="{SIZE / 2:.1f}" r="5" fill="{PLACE_FILL}" stroke="#ffffff" stroke-width="1.5"/></svg>'
    )
