"""Finding the neighbourhood a point lies in, on the shipped boundary layers.

All 43,538 neighbourhoods of the UK go into one STRtree (shapely's packed R-tree), so a
point is tested against the handful of polygons whose boxes hold it rather than against all
of them, which keeps a lookup to tens of microseconds. The test is "intersects", not
"within", so that a point lying exactly on an edge still belongs somewhere.

The boundaries are generalised and follow the coast at high water, so some points on land a
person would call home fall just outside every polygon (beaches, piers, harbours, estuaries):
those take the nearest neighbourhood within a tolerance, flagged as approximate. Along the
English–Scottish border the two nations' layers, made separately, overlap in thin slivers
and leave thin gaps: there the nation the caller knows decides, and without it the rule is
stated in the result.

Parsing the GeoJSON takes seconds, so the first load writes the geometries as flat arrays
to the caller's cache directory, from which later processes load them in a fraction of that.
"""

import json
import logging
import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import shapely
from shapely import GeometryType
from shapely.errors import GEOSException

from casestudies.geography import files
from casestudies.geography.catalogue import BOUNDARY_LAYERS, NATIONS
from casestudies.geography.errors import DataFileError, UnknownCode

logger = logging.getLogger(__name__)

DEFAULT_TOLERANCE_M = 500
METRES_PER_DEGREE = 111_195.0  # of latitude, on a sphere of the Earth's mean radius
NATION_KEYS = tuple(NATIONS)
CACHE_FILE = "boundaries.npz"
COORDINATE_SCALE = 100_000  # the shipped coordinates have five decimal places
SEARCH_M = 5000  # how far to look for the nearest neighbourhood, to say how far off a point is
ORIGIN = shapely.Point(0, 0)


class Method(StrEnum):
    INSIDE = "inside"
    NEAREST = "nearest"
    NONE = "none"


@dataclass(frozen=True)
class Neighbourhood:
    code: str
    name: str
    nation: str

    @property
    def nation_name(self) -> str:
        return NATIONS[self.nation].name

    @property
    def area_type(self) -> str:
        return NATIONS[self.nation].area_type


@dataclass(frozen=True)
class NeighbourhoodMatch:
    """Where a point lies, and how that was decided.

    `method` is "inside" (the point is within the neighbourhood's boundary, or on it),
    "nearest" (in no neighbourhood, but within the tolerance of this one: approximate), or
    "none" (nothing found; `reason` says why in words fit to show staff). `approximate` is
    also True inside the English–Scottish overlap when no nation was given. `also_matched`
    lists other neighbourhoods the point touches: on a shared edge, or across the border.
    `distance_m` is 0 inside, the distance to the neighbourhood when nearest, and for
    "none" the distance to the nearest neighbourhood when the point is within the UK's
    extent (None otherwise).
    """

    method: Method
    code: str | None = None
    name: str | None = None
    nation: str | None = None
    distance_m: float | None = None
    approximate: bool = False
    reason: str = ""
    also_matched: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.method != Method.NONE

    @property
    def neighbourhood(self) -> Neighbourhood | None:
        return Neighbourhood(self.code, self.name, self.nation) if self.found else None


def _as_degrees(value, what):
    """A finite float, or the words saying why not."""
    if value is None or value == "":
        return None, f"No {what} was given."
    if isinstance(value, bool):
        return None, f"{value!r} is not a {what}."
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None, f"“{value}” is not a {what}: it should be a number of degrees."
    if not math.isfinite(number):
        return None, f"“{value}” is not a {what}: it should be a number of degrees."
    return number, None


def _metres_from(lon, lat, geometries):
    """Distances in metres from a point to geometries near it (an equirectangular projection
    centred on the point: within a few kilometres its error is far below the boundaries')."""
    x_scale = math.cos(math.radians(lat)) * METRES_PER_DEGREE
    origin = np.array([lon, lat])
    scale = np.array([x_scale, METRES_PER_DEGREE])
    local = shapely.transform(geometries, lambda xy: (xy - origin) * scale)
    return shapely.distance(ORIGIN, local)


def _describe_distance(metres):
    if metres < 1000:
        return f"{max(10, math.ceil(metres / 10) * 10)} m"  # rounded up: never "500 m" for 504 m
    kilometres = metres / 1000
    return f"{kilometres:.1f} km" if kilometres < 10 else f"{kilometres:.0f} km"


class Boundaries:
    """Every neighbourhood's code, name, nation and polygon, with the spatial index over them."""

    def __init__(self, codes, names, geometries):
        self.codes = codes
        self.names = names
        self.geometries = geometries
        self.nation_ids = np.array(
            [NATION_KEYS.index(files.nation_of_code(code)) for code in codes], dtype=np.int8
        )
        self.position = {code: at for at, code in enumerate(codes)}
        self.tree = shapely.STRtree(geometries)
        self.extent = shapely.total_bounds(geometries)

    # Loading ------------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir, cache=None):
        """From the cache file when there is a good one, otherwise from the GeoJSON (then
        written to the cache, if there is one, for the next process)."""
        with files.bulk_load():
            return cls._load(data_dir, cache)

    @classmethod
    def _load(cls, data_dir, cache):
        if cache is not None and cache.path(CACHE_FILE).is_file():
            try:
                with np.load(cache.path(CACHE_FILE), allow_pickle=False) as arrays:
                    return cls._from_arrays(arrays)
            except Exception as error:  # a truncated or foreign file: make it again
                logger.warning(
                    "The geography cache %s could not be read (%s); rebuilding it.",
                    cache.path(CACHE_FILE),
                    error,
                )
        arrays, geometries = cls._read_geojson(data_dir)
        labels = json.loads(bytes(arrays["labels"]).decode())
        boundaries = cls(labels["codes"], labels["names"], geometries)
        if cache is not None:
            try:
                cache.write(CACHE_FILE, lambda handle: np.savez(handle, **arrays))
            except OSError as error:
                logger.warning(
                    "Could not write the geography cache in %s (%s); every process will read "
                    "the GeoJSON.",
                    cache.folder,
                    error,
                )
        return boundaries

    @staticmethod
    def _read_geojson(data_dir):
        """The three layers, checked, as flat arrays (coordinates, offsets, codes and names:
        what the cache file holds) and as geometries."""
        codes, names, coordinates = [], [], []
        ring_offsets, polygon_offsets, geometry_offsets = [0], [0], [0]
        for name, layer in BOUNDARY_LAYERS.items():
            patterns = [files.CODE_PATTERNS[nation] for nation in layer.nations]
            for number, feature in enumerate(
                files.read_feature_collection(data_dir, name), start=1
            ):
                try:
                    properties = feature["properties"]
                    code, label = properties["code"], properties["name"]
                    geometry = feature["geometry"]
                    kind = geometry["type"]
                    polygons = geometry["coordinates"]
                except (KeyError, TypeError):
                    raise DataFileError(
                        f"{name}, feature {number}: each feature needs properties “code” and “name” and a geometry."
                    ) from None
                if not isinstance(code, str) or not any(p.fullmatch(code) for p in patterns):
                    raise DataFileError(
                        f"{name}, feature {number}: “{code}” is not a neighbourhood code of "
                        f"{' or '.join(NATIONS[n].name for n in layer.nations)}."
                    )
                if not isinstance(label, str) or not label.strip():
                    raise DataFileError(f"{name}, feature {number} ({code}) has no name.")
                if kind == "Polygon":
                    polygons = [polygons]
                elif kind != "MultiPolygon":
                    raise DataFileError(
                        f"{name}, {code}: a {kind} where a Polygon or MultiPolygon should be."
                    )
                for polygon in polygons:
                    for ring in polygon:
                        coordinates.extend(ring)
                        ring_offsets.append(len(coordinates))
                    polygon_offsets.append(len(ring_offsets) - 1)
                geometry_offsets.append(len(polygon_offsets) - 1)
                codes.append(code)
                names.append(label.strip())
        if len(set(codes)) != len(codes):
            seen = set()
            repeated = next(code for code in codes if code in seen or seen.add(code))
            raise DataFileError(f"The boundary files list {repeated} more than once.")
        try:
            coordinates = np.asarray(coordinates, dtype=np.float64)
        except (ValueError, TypeError):
            raise DataFileError(
                "A boundary file has coordinates that are not pairs of numbers."
            ) from None
        if coordinates.ndim != 2 or coordinates.shape[1] != 2:
            raise DataFileError("A boundary file has coordinates that are not pairs of numbers.")
        arrays = {
            "coordinates": coordinates,
            "ring_offsets": np.asarray(ring_offsets, dtype=np.int64),
            "polygon_offsets": np.asarray(polygon_offsets, dtype=np.int64),
            "geometry_offsets": np.asarray(geometry_offsets, dtype=np.int64),
            "labels": np.frombuffer(
                json.dumps({"codes": codes, "names": names}).encode(), dtype=np.uint8
            ),
        }
        geometries = Boundaries._geometries(arrays)
        valid = shapely.is_valid(geometries)
        if not valid.all():
            at = int(np.flatnonzero(~valid)[0])
            raise DataFileError(
                f"The boundary of {codes[at]} is not a valid polygon "
                f"({shapely.is_valid_reason(geometries[at])})."
            )
        # Five decimal places fit exactly in integers, which halves the cache file.
        scaled = np.rint(coordinates * COORDINATE_SCALE)
        if np.array_equal(scaled / COORDINATE_SCALE, coordinates) and np.abs(scaled).max() < 2**31:
            arrays["coordinates"] = scaled.astype(np.int32)
        return arrays, geometries

    @staticmethod
    def _geometries(arrays):
        coordinates = arrays["coordinates"]
        if coordinates.dtype == np.int32:
            coordinates = coordinates / COORDINATE_SCALE
        try:
            return shapely.from_ragged_array(
                GeometryType.MULTIPOLYGON,
                coordinates,
                (arrays["ring_offsets"], arrays["polygon_offsets"], arrays["geometry_offsets"]),
            )
        except (GEOSException, ValueError) as error:
            raise DataFileError(
                f"A boundary file holds a ring that is not closed or too short ({error})."
            ) from None

    @classmethod
    def _from_arrays(cls, arrays):
        labels = json.loads(bytes(arrays["labels"]).decode())
        geometries = cls._geometries(arrays)
        if len(geometries) != len(labels["codes"]) or len(labels["codes"]) != len(labels["names"]):
            raise ValueError("the cache's geometries and codes do not match")
        return cls(labels["codes"], labels["names"], geometries)

    # Looking up ---------------------------------------------------------------------------

    def neighbourhood(self, code) -> Neighbourhood:
        at = self.position.get(code)
        if at is None:
            raise UnknownCode(f"No neighbourhood has the code {code}.")
        return Neighbourhood(code, self.names[at], NATION_KEYS[self.nation_ids[at]])

    def find(
        self, latitude, longitude, nation=None, tolerance_m=DEFAULT_TOLERANCE_M
    ) -> NeighbourhoodMatch:
        nation_id = None if nation is None else NATION_KEYS.index(nation)
        lat, problem = _as_degrees(latitude, "latitude")
        lon, problem_lon = _as_degrees(longitude, "longitude")
        if problem or problem_lon:
            return NeighbourhoodMatch(
                Method.NONE, reason=" ".join(p for p in (problem, problem_lon) if p)
            )
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return NeighbourhoodMatch(
                Method.NONE,
                reason=(
                    f"({latitude}, {longitude}) is not a place on Earth: latitude runs from -90 to 90 and "
                    f"longitude from -180 to 180.{self._swapped_hint(lat, lon)}"
                ),
            )
        if not self._near_extent(lon, lat, tolerance_m):
            return NeighbourhoodMatch(
                Method.NONE,
                reason=(
                    f"The point ({lat:g}, {lon:g}) is outside the United Kingdom.{self._swapped_hint(lat, lon)}"
                ),
            )

        point = shapely.Point(lon, lat)
        hits = self.tree.query(point, predicate="intersects")
        if len(hits):
            in_nation = hits if nation_id is None else hits[self.nation_ids[hits] == nation_id]
            if len(in_nation):
                return self._inside(lon, lat, in_nation, hits)
        nearest = self._nearest(lon, lat, tolerance_m, nation_id)
        if nearest is not None:
            at, metres, nations_near = nearest
            distance = _describe_distance(metres)
            if len(hits):
                reason = (
                    f"The point lies in {self._names(hits[:1])}, just across the border from "
                    f"{NATIONS[nation].name}; the nearest neighbourhood in {NATIONS[nation].name}, "
                    f"{distance} away, is used because that is the nation given."
                )
            elif len(nations_near) > 1:
                decided = "the nation given decides" if nation else "give the nation to decide"
                both = " and ".join(NATIONS[NATION_KEYS[n]].name for n in sorted(nations_near))
                reason = (
                    f"The point lies in no neighbourhood, close to both {both}: in a thin gap the two "
                    f"nations' boundary layers leave along the border, or on the coast. The nearest "
                    f"neighbourhood, {distance} away, is used ({decided})."
                )
            else:
                reason = (
                    f"The point lies in no neighbourhood: the boundaries follow the coast at high water and "
                    f"are generalised, so beaches, piers, harbours and rivers can fall outside them. The "
                    f"nearest neighbourhood, {distance} away, is used; check that it is right."
                )
            return self._match(at, Method.NEAREST, metres, approximate=True, reason=reason)
        if len(hits):  # inside a neighbourhood, but of another nation than the one given
            at = int(hits[0])
            found = NATION_KEYS[self.nation_ids[at]]
            return NeighbourhoodMatch(
                Method.NONE,
                reason=(
                    f"The point lies in {NATIONS[found].name} ({self.names[at]}, {self.codes[at]}), not in "
                    f"{NATIONS[nation].name}. Check the coordinates and the nation."
                ),
            )
        return self._nothing_near(lon, lat, tolerance_m, nation_id)

    def _match(self, at, method, metres, approximate=False, reason="", also=()):
        return NeighbourhoodMatch(
            method,
            self.codes[at],
            self.names[at],
            NATION_KEYS[self.nation_ids[at]],
            float(metres),
            approximate,
            reason,
            tuple(self.codes[other] for other in also),
        )

    def _inside(self, lon, lat, candidates, hits):
        """The match among the neighbourhoods a point touches (`candidates`, of the nation given
        if any; `hits` also holds those of other nations)."""
        candidates = sorted((int(at) for at in candidates), key=lambda at: self.codes[at])
        others = [int(at) for at in hits if int(at) not in candidates]
        if len(candidates) == 1:
            at = candidates[0]
            reason = ""
            if others:
                reason = (
                    f"The point is also inside {self._names(others)} across the border, where the two "
                    f"nations' boundary layers overlap; the nation given decides."
                )
            return self._match(at, Method.INSIDE, 0, reason=reason, also=others)
        nations = sorted({NATIONS[NATION_KEYS[self.nation_ids[at]]].name for at in candidates})
        across = len(nations) > 1
        # The point goes where it lies deepest; on a shared edge (no depth anywhere), to the first by code.
        depth = _metres_from(lon, lat, shapely.boundary(self.geometries[candidates]))
        order = sorted(range(len(candidates)), key=lambda i: (-depth[i], self.codes[candidates[i]]))
        at, rest = candidates[order[0]], [candidates[i] for i in order[1:]]
        decide = "; give the nation to decide" if across else ""
        if across and depth.min() > 0:
            reason = (
                f"The point lies where the {' and '.join(nations)} boundary layers overlap along the border, "
                f"inside both {self._names([at])} and {self._names(rest)}. {self.codes[at]} is used because "
                f"the point lies deeper inside it{decide}."
            )
        elif depth[order[0]] > 0:
            reason = f"The point lies inside {self._names([at])}, on the edge of {self._names(rest)}{decide}."
        else:
            reason = (
                f"The point lies on the boundary between {self._names(candidates)}; {self.codes[at]} is used, "
                f"the first by code{decide}."
            )
        return self._match(
            at, Method.INSIDE, 0, approximate=across, also=rest + others, reason=reason
        )

    def _nearest(self, lon, lat, tolerance_m, nation_id):
        """The closest neighbourhood within the tolerance (in the given nation, if any): its
        position, its distance, and the nations of every neighbourhood within the tolerance."""
        candidates = self._within(lon, lat, tolerance_m)
        if not len(candidates):
            return None
        metres = _metres_from(lon, lat, self.geometries[candidates])
        within = metres <= tolerance_m
        nations_near = set(self.nation_ids[candidates[within]].tolist())
        if nation_id is not None:
            within &= self.nation_ids[candidates] == nation_id
        if not within.any():
            return None
        best = min(np.flatnonzero(within), key=lambda i: (metres[i], self.codes[candidates[i]]))
        return int(candidates[best]), float(metres[best]), nations_near

    def _nothing_near(self, lon, lat, tolerance_m, nation_id):
        where = "the United Kingdom" if nation_id is None else NATIONS[NATION_KEYS[nation_id]].name
        reason = (
            f"No neighbourhood of {where} lies within {tolerance_m:g} m of the point: it is at sea, in a large "
            f"loch or lake, or outside {where}"
        )
        # How far the nearest one is tells a point just off the coast (check the coordinates)
        # from one out at sea. Beyond a few kilometres the figure adds nothing, and searching
        # further would cost more than the lookup itself.
        near = self._within(lon, lat, SEARCH_M)
        if nation_id is not None:
            near = near[self.nation_ids[near] == nation_id]
        metres = _metres_from(lon, lat, self.geometries[near]) if len(near) else np.array([np.inf])
        nearest = int(np.argmin(metres))
        if metres[nearest] > SEARCH_M:
            return NeighbourhoodMatch(
                Method.NONE, reason=f"{reason} (no neighbourhood is within {SEARCH_M // 1000} km)."
            )
        return NeighbourhoodMatch(
            Method.NONE,
            distance_m=float(metres[nearest]),
            reason=(
                f"{reason} (the nearest neighbourhood, {self.codes[near[nearest]]}, is about "
                f"{_describe_distance(metres[nearest])} away)."
            ),
        )

    def _within(self, lon, lat, metres):
        """Neighbourhoods whose bounding boxes come within about `metres` of the point."""
        d_lat = metres / METRES_PER_DEGREE
        d_lon = d_lat / max(math.cos(math.radians(lat)), 0.01)
        return self.tree.query(shapely.box(lon - d_lon, lat - d_lat, lon + d_lon, lat + d_lat))

    def _names(self, positions):
        return " and ".join(f"{self.names[at]} ({self.codes[at]})" for at in positions)

    def _near_extent(self, lon, lat, tolerance_m):
        margin = tolerance_m / METRES_PER_DEGREE * 2  # generous in longitude at UK latitudes
        west, south, east, north = self.extent
        return west - margin <= lon <= east + margin and south - margin <= lat <= north + margin

    def _swapped_hint(self, lat, lon):
        if self._near_extent(lat, lon, 0):
            return " Latitude and longitude may be the wrong way round."
        return ""
