"""One facet index per machine, not one per process.

After a change each process would otherwise rebuild the whole index from the database
on its next request (seconds, at 100,000 case studies). Instead the first process to
need the index for a library version builds it and saves it as a file in DATA_DIR,
named after the release and that version's token; every other process on the machine
loads the file, which takes a fraction of the time. A lock on the folder means only one
process builds while the others wait for its file.

A file is only ever read for the version it is named after, so a new version (any staff
change, or a scheduled publication falling due) can never be answered from an old file.
"""

import array
import copy
import fcntl
import logging
import os
import pickle
import tempfile
from collections.abc import Mapping
from contextlib import contextmanager

import numpy as np
from django.conf import settings
from pyroaring import BitMap

logger = logging.getLogger(__name__)
FOLDER = "facet-index"


def _folder():
    return settings.DATA_DIR / FOLDER


def path_for(release, token):
    return _folder() / f"{release}-{token}.pickle"


@contextmanager
def _building_lock():
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# What an index is built from, one entry per case study: millions of small objects, slow
# to unpickle and not needed once its spaces are built, so left out of the file and
# rebuilt only if a process asks for them.
BUILD_INPUTS = ("keys_of", "years_of", "figures_of")


class _PartnersFromColumns(Mapping):
    """partners_of (case study pk -> organisation pks), read from the newest space's
    partner columns instead of kept as a dictionary of sets."""

    def __init__(self):
        self.index = None

    def _columns(self):
        newest = self.index.spaces["newest"]
        return newest, self.index.partner_columns(newest)

    def __getitem__(self, pk):
        newest, columns = self._columns()
        position = newest.position_of(pk)
        if position is None:
            raise KeyError(pk)
        codes = columns.codes[columns.start[position] : columns.start[position + 1]]
        return set(columns.organisation[codes].tolist())

    def __iter__(self):
        return iter(self.index.spaces["newest"].pks)

    def __len__(self):
        return len(self.index.spaces["newest"].pks)


class _RebuiltOnDemand(Mapping):
    """A build input left out of the file: built afresh the first time it is asked for."""

    def __init__(self, name):
        self.name, self.index, self.build, self.built = name, None, None, None

    def _built(self):
        if self.built is None:
            self.built = getattr(self.build(self.index.key), self.name)
        return self.built

    def __getitem__(self, key):
        return self._built()[key]

    def __iter__(self):
        return iter(self._built())

    def __len__(self):
        return len(self._built())


class _PartnerBitmaps(Mapping):
    """A space's bitmap per partner, made from its partner columns the first time each is
    asked for: thousands of small bitmaps are slow to unpickle, and a request uses few."""

    def __init__(self, columns):
        self.columns = columns
        self.code_of = {pk: code for code, pk in enumerate(columns.organisation.tolist())}
        self.made = {}

    def __getitem__(self, organisation_id):
        found = self.made.get(organisation_id)
        if found is None:
            code = self.code_of[organisation_id]
            flat = np.flatnonzero(self.columns.codes == code)
            positions = np.searchsorted(self.columns.start, flat, side="right") - 1
            found = self.made[organisation_id] = BitMap(
                array.array("I", positions.astype(np.uint32).tobytes())
            )
        return found

    def __contains__(self, organisation_id):
        return organisation_id in self.code_of

    def __iter__(self):
        return iter(self.code_of)

    def __len__(self):
        return len(self.code_of)


def _space_for_sharing(space):
    shared = copy.copy(space)
    shared.pks = array.array("q", space.pks)  # a list of ints is slow to unpickle
    if space.partner_columns is not None:
        shared.options = {facet: bitmaps for facet, bitmaps in space.options.items()}
        shared.options.pop("partner", None)
    return shared


def _for_sharing(index):
    shared = copy.copy(index)
    shared.spaces = {sort: _space_for_sharing(space) for sort, space in index.spaces.items()}
    shared.partners_of = _PartnersFromColumns()
    for name in BUILD_INPUTS:
        setattr(shared, name, _RebuiltOnDemand(name))
    return shared


def _bind(index, build):
    for space in index.spaces.values():
        space.pks = space.pks.tolist()
        if "partner" not in space.options and space.partner_columns is not None:
            space.options["partner"] = _PartnerBitmaps(space.partner_columns)
    index.partners_of.index = index
    for name in BUILD_INPUTS:
        getattr(index, name).index = index
        getattr(index, name).build = build
    return index


def _load(path, build):
    try:
        with open(path, "rb") as stored:
            return _bind(pickle.load(stored), build)
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged file: build afresh rather than fail the page
        logger.warning("Could not read the shared facet index %s: %s", path.name, error)
        return None


def _save(path, index):
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-")
    with os.fdopen(handle, "wb") as out:
        pickle.dump(_for_sharing(index), out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)  # atomic: readers see no file or a whole one
    for other in path.parent.glob("*.pickle"):
        if other != path:
            other.unlink(missing_ok=True)  # older versions are never read again


def load_or_build(key, build, warm):
    """The index for this key (release, library version token, ...): from the machine's
    file if there is one, otherwise made with `warm(build(key))` (by one process at a
    time) and saved."""
    path = path_for(key[0], key[1])
    index = _load(path, build)
    if index is None:
        try:
            with _building_lock():
                index = _load(path, build)  # built by another process while this one waited
                if index is None:
                    index = warm(build(key))
                    _save(path, index)
        except OSError as error:  # a read-only or full disk: this process keeps its own
            logger.warning("Could not share the facet index: %s", error)
            index = index or warm(build(key))
    index.key = key
    return index
