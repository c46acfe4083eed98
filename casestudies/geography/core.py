"""`Geography`: the shipped data, loaded lazily, once, and all or nothing.

Nothing is read at import. The tables (about 0.2 s to read) are loaded by the first call
that needs a decile, the boundaries by the first that needs a point or a name; each is
loaded under a lock, so threads share one copy, and is kept only if every file of it is
good. A failed load raises a `DataFileError` naming the file and leaves nothing behind, so
the next call tries again from scratch.
"""

import threading
from pathlib import Path

from casestudies.geography import files, maplayer
from casestudies.geography.authorities import Authorities, AuthorityTable, LocalAuthority
from casestudies.geography.boundaries import (
    DEFAULT_TOLERANCE_M,
    Boundaries,
    Neighbourhood,
    NeighbourhoodMatch,
)
from casestudies.geography.cache import FileCache
from casestudies.geography.catalogue import get_nation
from casestudies.geography.errors import UnknownCode
from casestudies.geography.tables import DecileResult, Tables, normalise_code


class Geography:
    """The deprivation data of one data directory, with an optional cache directory.

    `cache_dir` is where derived files go (the app passes its DATA_DIR). Without it,
    nothing is written, and each process parses the boundary GeoJSON (seconds) instead of
    loading the cache file (a tenth of a second or so).
    """

    def __init__(self, data_dir=None, cache_dir=None):
        self.data_dir = Path(data_dir) if data_dir is not None else files.SHIPPED_DATA_DIR
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._lock = threading.RLock()
        self._tables = None
        self._boundaries = None
        self._authorities = None
        self._checksum = None
        self._layers = {}

    # Loading, lazily ----------------------------------------------------------------------

    def loaded(self) -> frozenset[str]:
        """Which parts are in memory: "tables", "boundaries"."""
        parts = {"tables": self._tables, "boundaries": self._boundaries}
        return frozenset(name for name, part in parts.items() if part is not None)

    def checksum(self) -> str:
        """SHA-256 over every data file read: what the cache is keyed by."""
        with self._lock:
            if self._checksum is None:
                self._checksum = files.checksum(self.data_dir)
            return self._checksum

    def _cache(self, cache_dir=None):
        root = Path(cache_dir) if cache_dir is not None else self.cache_dir
        return FileCache(root, self.checksum()) if root is not None else None

    @property
    def tables(self) -> Tables:
        if self._tables is None:
            with self._lock:
                if self._tables is None:
                    self._tables = Tables.load(self.data_dir)
        return self._tables

    @property
    def boundaries(self) -> Boundaries:
        if self._boundaries is None:
            with self._lock:
                if self._boundaries is None:
                    self._boundaries = Boundaries.load(self.data_dir, self._cache())
        return self._boundaries

    @property
    def authorities(self) -> Authorities:
        if self._authorities is None:
            tables, boundaries = self.tables, self.boundaries
            with self._lock:
                if self._authorities is None:
                    self._authorities = Authorities(tables, boundaries)
        return self._authorities

    def load(self):
        """Load everything now (at start-up, say) rather than on first use."""
        self.tables, self.boundaries  # noqa: B018
        return self

    # The API ------------------------------------------------------------------------------

    def find_neighbourhood(
        self, latitude, longitude, nation=None, tolerance_m=DEFAULT_TOLERANCE_M
    ) -> NeighbourhoodMatch:
        """The neighbourhood a point (WGS84 degrees) lies in; see `NeighbourhoodMatch`.

        Give `nation` ("england", "wales", "scotland", "northern-ireland") when it is known:
        it decides along the English–Scottish border and keeps a point from landing in the
        wrong nation. Bad coordinates are not an error: the match says why nothing was found.
        """
        if nation is not None:
            nation = get_nation(nation).key
        return self.boundaries.find(latitude, longitude, nation, tolerance_m)

    def neighbourhood(self, code) -> Neighbourhood:
        """The current neighbourhood with this code (to show staff the name of a typed code)."""
        code, nation = normalise_code(code)
        boundaries = self.boundaries
        if code in boundaries.position:
            return boundaries.neighbourhood(code)
        replaced_by = self.tables.children.get(code)
        if replaced_by:
            raise UnknownCode(
                f"{code} is a 2011 neighbourhood code, replaced in 2021 by {', '.join(replaced_by)}."
            )
        raise UnknownCode(f"No neighbourhood in {get_nation(nation).name} has the code {code}.")

    def decile_for(self, code, index=None) -> DecileResult:
        """The decile and rank of a neighbourhood code in an index (by default its nation's latest).

        Raises `UnknownCode` for a code that is not a neighbourhood's, `WrongNation` for one
        of another nation than the index's, `UnknownIndex` for an unknown index key.
        """
        return self.tables.decile_for(code, index)

    def local_authority_for(self, code) -> LocalAuthority | None:
        """The council a neighbourhood is in, as far as the files say (None in Scotland)."""
        return self.authorities.for_code(code)

    def deprivation_by_authority(self, index) -> AuthorityTable:
        """Each authority's count and share of the nation's most deprived 10% and 30% in an index."""
        return self.authorities.table(index)

    def map_layer(self, percent=30, cache_dir=None) -> maplayer.MapLayer:
        """The most deprived `percent` (10 or 30) of each nation's neighbourhoods as a GeoJSON
        file in the cache, built on first use (a few seconds) and reused after."""
        maplayer.check_percent(percent)
        cache = self._cache(cache_dir)
        if cache is None:
            raise ValueError("The map layer is kept in a cache directory: give cache_dir.")
        with self._lock:
            layer = self._layers.get((cache.folder, percent))
            if layer is None or not layer.path.is_file():
                if cache.path(maplayer.file_name(percent)).is_file():
                    layer = maplayer.described(cache, percent)
                else:
                    document, tolerance = maplayer.build(self.boundaries, self.tables, percent)
                    layer = maplayer.write(cache, percent, document, tolerance)
                self._layers[(cache.folder, percent)] = layer
            return layer
