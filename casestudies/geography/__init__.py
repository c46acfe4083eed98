"""UK neighbourhoods and their deprivation, from the data shipped in `casestudies/data/deprivation/`.

A leaf package: it imports nothing from the rest of the app (only the standard library,
numpy and shapely), so every layer above can use it and it can be tested on its own.

    from casestudies import geography

    geography.configure(cache_dir=settings.DATA_DIR)   # once, at start-up
    match = geography.find_neighbourhood(54.5742, -1.2350)
    match.code, match.name, match.method              # "E01012068", "Middlesbrough 001A", "inside"
    result = geography.decile_for(match.code)         # the nation's latest index: iod2025
    result.decile, result.index.name                  # 1, "English Indices of Deprivation 2025"
    geography.local_authority_for(match.code).name    # "Middlesbrough"
    geography.deprivation_by_authority("iod2025").rows[0]
    geography.map_layer(30).gzip_path                 # cached GeoJSON for the map

The functions here use one process-wide `Geography`, loaded on first use; tests and tools
that need another data or cache directory make their own.
"""

import threading

from casestudies.geography.authorities import AuthorityDeprivation, AuthorityTable, LocalAuthority
from casestudies.geography.boundaries import (
    DEFAULT_TOLERANCE_M,
    Method,
    Neighbourhood,
    NeighbourhoodMatch,
)
from casestudies.geography.catalogue import (
    BOUNDARY_LAYERS,
    INDICES,
    NATIONS,
    OGL_NAME,
    OGL_STATEMENT,
    OGL_URL,
    BoundaryLayer,
    Index,
    Nation,
    attribution,
    get_index,
    get_nation,
    latest_index,
)
from casestudies.geography.core import Geography
from casestudies.geography.errors import (
    DataFileError,
    GeographyError,
    UnknownCode,
    UnknownIndex,
    WrongNation,
)
from casestudies.geography.files import SHIPPED_DATA_DIR
from casestudies.geography.maplayer import SIZE_LIMIT as MAP_LAYER_SIZE_LIMIT
from casestudies.geography.maplayer import MapLayer
from casestudies.geography.tables import DecileResult

__all__ = [
    "AuthorityDeprivation",
    "AuthorityTable",
    "BOUNDARY_LAYERS",
    "BoundaryLayer",
    "DEFAULT_TOLERANCE_M",
    "DataFileError",
    "DecileResult",
    "Geography",
    "GeographyError",
    "INDICES",
    "Index",
    "LocalAuthority",
    "MAP_LAYER_SIZE_LIMIT",
    "MapLayer",
    "Method",
    "NATIONS",
    "Nation",
    "Neighbourhood",
    "NeighbourhoodMatch",
    "OGL_NAME",
    "OGL_STATEMENT",
    "OGL_URL",
    "SHIPPED_DATA_DIR",
    "UnknownCode",
    "UnknownIndex",
    "WrongNation",
    "attribution",
    "configure",
    "decile_for",
    "default",
    "deprivation_by_authority",
    "find_neighbourhood",
    "get_index",
    "get_nation",
    "latest_index",
    "local_authority_for",
    "map_layer",
    "neighbourhood",
]

_default = None
_default_lock = threading.Lock()


def configure(cache_dir=None, data_dir=None) -> Geography:
    """Set the directory for derived files (and, rarely, another data directory) for the
    process-wide instance. Call it once at start-up, before the first lookup."""
    global _default
    with _default_lock:
        _default = Geography(data_dir=data_dir, cache_dir=cache_dir)
        return _default


def default() -> Geography:
    """The process-wide instance (the shipped data, no cache unless `configure` gave one)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Geography()
    return _default


def find_neighbourhood(
    latitude, longitude, nation=None, tolerance_m=DEFAULT_TOLERANCE_M
) -> NeighbourhoodMatch:
    return default().find_neighbourhood(latitude, longitude, nation, tolerance_m)


def neighbourhood(code) -> Neighbourhood:
    return default().neighbourhood(code)


def decile_for(code, index=None) -> DecileResult:
    return default().decile_for(code, index)


def local_authority_for(code) -> LocalAuthority | None:
    return default().local_authority_for(code)


def deprivation_by_authority(index) -> AuthorityTable:
    return default().deprivation_by_authority(index)


def map_layer(percent=30, cache_dir=None) -> MapLayer:
    return default().map_layer(percent, cache_dir)


for _function in (
    find_neighbourhood,
    neighbourhood,
    decile_for,
    local_authority_for,
    deprivation_by_authority,
    map_layer,
):
    _function.__doc__ = getattr(Geography, _function.__name__).__doc__
