"""Values worked out once per library version in this process.

Some things every public request would otherwise build alike: a case study's records for
its page, each finder card. They are kept under the facet index's key (release, library
version, changes saved in this process), so that any change makes them all unreachable
at once, exactly as it does the index. While the version cannot be read, nothing is kept,
and nothing is kept longer than MAX_AGE: should a new version fail to be stored, what is
kept here is no more out of date than a cached page would be.
"""

import threading
import time

from casestudies.caching import UNAVAILABLE
from casestudies.finder import facet_index

MAX_AGE = 600  # seconds, the page cache's default lifetime


class PerVersion:
    def __init__(self, limit):
        self.limit = limit  # entries kept before starting afresh, to bound the memory used
        self._key = None
        self._values = {}
        self._started = 0.0
        self._lock = threading.Lock()

    def current(self):
        """The values kept for the library as it is now: a dict to read and add to."""
        key = facet_index.current().key
        if key[1] == UNAVAILABLE["token"]:
            return {}
        now = time.monotonic()
        with self._lock:
            if self._key != key or len(self._values) > self.limit or now - self._started > MAX_AGE:
                self._key, self._values, self._started = key, {}, now
            return self._values
