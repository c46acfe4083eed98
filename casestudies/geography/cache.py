"""A file cache for what is derived from the shipped data, keyed by the data's checksum.

Derived files (the fast boundary file, the map layers) live under a directory the caller
chooses, in a folder named after the checksum of the shipped data and the version of the
code that derives them. New data or new code therefore means a new folder, never a stale
file, and nothing derived is ever kept in the repository. Files are written under a
temporary name and renamed into place, so a process that reads one while another writes
sees either nothing or the whole file.
"""

import logging
import os
import shutil
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

FOLDER = "geography-cache"
# Raise when what is derived, or how, changes: every cached file is then made afresh.
FORMAT_VERSION = "1"


class FileCache:
    def __init__(self, root, data_checksum):
        self.root = Path(root) / FOLDER
        self.key = f"{data_checksum[:20]}-v{FORMAT_VERSION}"
        self.folder = self.root / self.key

    def path(self, name) -> Path:
        return self.folder / name

    def write(self, name, write_to):
        """Write a file through `write_to(binary handle)`, atomically; returns its path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=self.folder, prefix=f".{name}.", delete=False)
        try:
            with handle:
                write_to(handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, self.folder / name)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
        self._remove_stale()
        return self.folder / name

    def _remove_stale(self):
        """Folders of earlier data or code are of no further use to anyone."""
        for folder in self.root.iterdir():
            if folder.is_dir() and folder.name != self.key and not folder.name.startswith("."):
                shutil.rmtree(folder, ignore_errors=True)
                logger.info("Removed the outdated geography cache %s", folder)
