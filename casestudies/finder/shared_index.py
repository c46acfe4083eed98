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
import dataclasses
import fcntl
import logging
import os
import pickle
import tempfile
from contextlib import contextmanager

import numpy as np
from django.conf import settings

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


# Parts of the index that only an uncommon request reads (a sort order not built yet, or
# the insights in one): kept pickled inside the file, so that loading it costs only what
# every request needs. At 10,000 case studies they are over half the loading time.
DEFERRED = ("keys_of", "ranges_of", "figures_of")


class Packed:
    """A part of a shared index still in its pickled form, until `unpack` is called."""

    def __init__(self, value):
        self.pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def unpack(self):
        return pickle.loads(self.pickled)


class Members:
    """A relation's members_of (case study pk -> its rows' pks) in a shared index: each
    case study's rows are one slice of a numpy array, found by its pk. At 100,000 case
    studies a dict of sets takes half a second to unpickle; these two arrays, a
    millisecond. Read as the dict is, with get()."""

    def __init__(self, members_of):
        counts = np.zeros(max(members_of, default=-1) + 2, dtype=np.int64)
        for pk, members in members_of.items():
            counts[pk + 1] = len(members)
        self.start = np.cumsum(counts)
        self.values = np.fromiter(
            (member for pk in sorted(members_of) for member in sorted(members_of[pk])),
            dtype=np.int64,
            count=int(self.start[-1]),
        )

    def get(self, pk, default=()):
        if 0 <= pk < len(self.start) - 1:
            begin, end = self.start[pk], self.start[pk + 1]
            if end > begin:
                return self.values[begin:end].tolist()
        return default


def _space_for_sharing(space):
    shared = copy.copy(space)
    shared.pks = array.array("q", space.pks)  # a list of ints is slow to unpickle
    return shared


def _for_sharing(index):
    shared = copy.copy(index)
    shared.spaces = {sort: _space_for_sharing(space) for sort, space in index.spaces.items()}
    for name in DEFERRED:
        setattr(shared, name, Packed(getattr(index, name)))
    shared.relations = {
        param: dataclasses.replace(relation, members_of=Members(relation.members_of))
        for param, relation in index.relations.items()
    }
    return shared


def _bind(index):
    for space in index.spaces.values():
        space.pks = space.pks.tolist()
    return index


def _load(path, build):
    try:
        with open(path, "rb") as stored:
            return _bind(pickle.load(stored))
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
                    try:
                        _save(path, index)
                    except (pickle.PicklingError, TypeError, AttributeError) as error:
                        # An index that cannot be saved is still this process's to use.
                        logger.warning("Could not save the shared facet index: %s", error)
        except OSError as error:  # a read-only or full disk: this process keeps its own
            logger.warning("Could not share the facet index: %s", error)
            index = index or warm(build(key))
    index.key = key
    return index
