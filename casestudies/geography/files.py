"""Reading the shipped data files, strictly.

The files are checked as they are read (the columns by name, every value, every code's
nation) so that a file replaced by a different one, or edited by hand, stops with a message
naming the file, the row and the column, instead of giving wrong deciles quietly.
"""

import contextlib
import csv
import gc
import gzip
import hashlib
import json
import re
from pathlib import Path

from casestudies.geography.catalogue import BOUNDARY_LAYERS, INDICES, LSOA_LOOKUP_FILE
from casestudies.geography.errors import DataFileError

SHIPPED_DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "deprivation"

# The English indices' district summaries: (file, code column, name column). The code
# column is also the one naming each LSOA's district in the index's own file.
LAD_FILES = {
    "iod2025": ("england-iod2025-lad24.csv", "lad24_code", "lad24_name"),
    "iod2019": ("england-iod2019-lad19.csv", "lad19_code", "lad19_name"),
}

# Every file the package reads; the cache key is the checksum of exactly these.
DATA_FILES = tuple(
    sorted(
        {index.file for index in INDICES.values()}
        | {lad[0] for lad in LAD_FILES.values()}
        | {LSOA_LOOKUP_FILE}
        | set(BOUNDARY_LAYERS)
    )
)

CODE_PATTERNS = {
    "england": re.compile(r"E01\d{6}"),
    "wales": re.compile(r"W01\d{6}"),
    "scotland": re.compile(r"S01\d{6}"),
    "northern-ireland": re.compile(r"95[A-Z]{2}\d{2}[SWC]\d"),
}
DISTRICT_CODE = re.compile(r"E0[6-9]\d{6}")


def nation_of_code(code):
    """The nation key a neighbourhood code belongs to, or None if it is not one."""
    for nation, pattern in CODE_PATTERNS.items():
        if pattern.fullmatch(code):
            return nation
    return None


@contextlib.contextmanager
def bulk_load():
    """Pause the cyclic garbage collector while many small objects are made: the data hold
    no cycles, and collections that each scan every object would otherwise double the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _path(data_dir, name):
    path = Path(data_dir) / name
    if not path.is_file():
        raise DataFileError(f"The data file {name} is missing from {data_dir}.")
    return path


def read_csv(data_dir, name, columns):
    """The columns of a CSV as lists, in the order of `columns` ({column: converter}).

    Columns are found by their names, so their order in the file does not matter, but each
    must be there. A converter takes a whole column (converting column by column is several
    times faster than row by row) and raises `BadValue` with the position of a bad value;
    the message then names the file, the row (counting the header as row 1) and the column.
    """
    path = _path(data_dir, name)
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            records = [record for record in reader if record]
    except UnicodeDecodeError:
        raise DataFileError(f"{name} is not a UTF-8 text file.") from None
    except csv.Error as error:
        raise DataFileError(f"{name} is not a readable CSV file ({error}).") from None
    if not header:
        raise DataFileError(f"{name} is empty: it should start with a header row.")
    header = [column.strip().lstrip("\ufeff") for column in header]
    missing = [column for column in columns if column not in header]
    if missing:
        raise DataFileError(
            f"{name} has no column {', '.join(f'“{column}”' for column in missing)} "
            f"(its columns are: {', '.join(header)}). Restore the shipped file."
        )
    if not records:
        raise DataFileError(f"{name} has a header but no rows.")
    short = next(
        (line for line, record in enumerate(records, start=2) if len(record) != len(header)), None
    )
    if short is not None:
        raise DataFileError(
            f"{name}, row {short}: the row has {len(records[short - 2])} values, the header "
            f"{len(header)}."
        )
    table = list(zip(*records))
    result = []
    for column, convert in columns.items():
        values = table[header.index(column)]
        try:
            result.append(convert(values))
        except BadValue as bad:
            raise DataFileError(
                f"{name}, row {bad.position + 2}: “{values[bad.position]}” is not a valid value for column “{column}”."
            ) from None
    return result


def read_feature_collection(data_dir, name):
    """The features of a gzipped GeoJSON FeatureCollection, checked for the shape we rely on."""
    path = _path(data_dir, name)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as error:
        raise DataFileError(f"{name} is not a gzipped GeoJSON file ({error}).") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise DataFileError(f"{name} is not a GeoJSON FeatureCollection.")
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise DataFileError(f"{name} holds no features.")
    return features


# Converters for read_csv: each takes a column and returns it converted, or raises BadValue.
class BadValue(ValueError):
    def __init__(self, position):
        super().__init__(position)
        self.position = position


def _matching(pattern):
    # One match over the whole column, joined by newlines (which no pattern admits), is
    # several times faster than one per value; the slow search runs only to name a bad one.
    whole = re.compile(f"(?:{pattern.pattern})(?:\n(?:{pattern.pattern}))*")

    def convert(values):
        joined = "\n".join(values)
        if joined.count("\n") != len(values) - 1 or not whole.fullmatch(joined):
            raise BadValue(
                next(at for at, value in enumerate(values) if not pattern.fullmatch(value))
            )
        return list(values)

    return convert


def _integers(low, high):
    def convert(values):
        try:
            numbers = list(map(int, values))
        except ValueError:
            bad = next(
                at for at, value in enumerate(values) if not value.strip().lstrip("-").isdigit()
            )
            raise BadValue(bad) from None
        if numbers and (min(numbers) < low or max(numbers) > high):
            raise BadValue(
                next(at for at, number in enumerate(numbers) if not low <= number <= high)
            )
        return numbers

    return convert


def code_of(nation):
    return _matching(CODE_PATTERNS[nation])


district_code = _matching(DISTRICT_CODE)
lsoa_code = _matching(re.compile(r"[EW]01\d{6}"))
change_code = _matching(re.compile(r"[USMX]"))
text = _matching(re.compile(r"\S(?:.*\S)?"))
positive_int = _integers(1, 10**9)
decile = _integers(1, 10)


def checksum(data_dir):
    """SHA-256 of every data file the package reads, with their names: the cache key."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode() + b"\0")
        with open(_path(data_dir, name), "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()
