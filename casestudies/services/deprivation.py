"""The English Indices of Deprivation: importing the official file and reading deciles.

`import_imd` reads the official LSOA-level CSV ("File 7") of an edition, matching its
columns by their published headers, not their position, so the 2019 and 2025 editions
(with 2011 and 2021 areas) both work. Nothing is written unless the whole file is good.

A case study gets its decile from the neighbourhood (LSOA) its homes are in, or, when
only the local authority is known, from the authority's average score placed among
all neighbourhoods. Deciles staff set by hand are left alone.
"""

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction

from casestudies.models import DeprivationArea
from casestudies.models.choices import ImdEdition
from casestudies.services import lens

# Each column we need, and how its published header starts (compared in lower case,
# with runs of spaces folded).
COLUMNS = {
    "lsoa_code": "lsoa code",
    "lsoa_name": "lsoa name",
    "local_authority_code": "local authority district code",
    "local_authority_name": "local authority district name",
    "score": "index of multiple deprivation (imd) score",
    "rank": "index of multiple deprivation (imd) rank",
    "decile": "index of multiple deprivation (imd) decile",
}
# The census year of the areas each edition uses, as its LSOA headers say.
AREA_YEARS = {ImdEdition.IOD2019: "2011", ImdEdition.IOD2025: "2021"}
LSOA_CODE = re.compile(r"^E01\d{6}$")
LA_CODE = re.compile(r"^E0[6-9]\d{6}$")
BATCH = 2000
MAX_REPORTED_ERRORS = 10


class ImdImportError(Exception):
    """The file cannot be imported; the message says why, in words."""


@dataclass
class ImportSummary:
    areas: int = 0
    case_studies_updated: list = field(default_factory=list)


def _normalise(header):
    return re.sub(r"\s+", " ", header.replace("\ufeff", "")).strip().lower()


def match_columns(headers, edition):
    """{our name: position} for the columns we need, or an error naming what is missing."""
    normalised = [_normalise(header) for header in headers]
    positions, missing = {}, []
    for name, start in COLUMNS.items():
        found = [i for i, header in enumerate(normalised) if header.startswith(start)]
        if not found:
            missing.append(start)
        else:
            positions[name] = found[0]
    if missing:
        raise ImdImportError(
            "This does not look like the official Indices of Deprivation LSOA file: no column starting "
            + ", ".join(f"“{m}”" for m in missing)
            + ". Use the file of all ranks, deciles and scores (File 7) as published, with its header row."
        )
    area_header = normalised[positions["lsoa_code"]]
    year = re.search(r"\((\d{4})\)", area_header)
    expected = AREA_YEARS[edition]
    if year and year.group(1) != expected:
        other = next((e for e, y in AREA_YEARS.items() if y == year.group(1)), None)
        hint = f" Use --edition {other}." if other else ""
        raise ImdImportError(
            f"This file describes {year.group(1)} neighbourhoods, but the {edition} edition uses {expected} "
            f"neighbourhoods.{hint}"
        )
    return positions


def read_areas(text_stream, edition, progress=None):
    """Parse and check every row; return the areas, or raise naming the bad rows."""
    reader = csv.reader(text_stream)
    try:
        headers = next(reader)
    except StopIteration:
        raise ImdImportError("The file is empty.") from None
    positions = match_columns(headers, edition)
    areas, errors, seen = [], [], set()
    for line_number, row in enumerate(reader, start=2):
        if progress:
            progress.update(1)
        if not any(cell.strip() for cell in row):
            continue
        try:
            values = {name: row[index].strip() for name, index in positions.items()}
        except IndexError:
            errors.append(f"row {line_number}: it has {len(row)} columns, fewer than the header")
            continue
        problem = _check_row(values)
        if not problem and values["lsoa_code"] in seen:
            problem = f"{values['lsoa_code']} appears twice"
        if problem:
            errors.append(f"row {line_number}: {problem}")
            if len(errors) > MAX_REPORTED_ERRORS:
                break
            continue
        seen.add(values["lsoa_code"])
        areas.append(
            DeprivationArea(
                edition=edition,
                lsoa_code=values["lsoa_code"],
                lsoa_name=values["lsoa_name"][:200],
                local_authority_code=values["local_authority_code"],
                local_authority_name=values["local_authority_name"][:200],
                score=Decimal(values["score"]),
                rank=int(values["rank"]),
                decile=int(values["decile"]),
            )
        )
    if errors:
        shown = "; ".join(errors[:MAX_REPORTED_ERRORS])
        more = " (and more)" if len(errors) > MAX_REPORTED_ERRORS else ""
        raise ImdImportError(
            f"Nothing was imported: the file has rows that cannot be read. {shown}{more}."
        )
    if not areas:
        raise ImdImportError("Nothing was imported: the file has a header but no rows.")
    return areas


def _check_row(values):
    if not LSOA_CODE.match(values["lsoa_code"]):
        return f"“{values['lsoa_code']}” is not an English LSOA code (E01 and six digits)"
    if not LA_CODE.match(values["local_authority_code"]):
        return f"“{values['local_authority_code']}” is not an English local authority code"
    try:
        score = Decimal(values["score"])
        if not score.is_finite() or score < 0 or score >= 10000:
            raise InvalidOperation
    except InvalidOperation:
        return f"the score “{values['score']}” is not a number"
    if not values["rank"].isdigit() or int(values["rank"]) < 1:
        return f"the rank “{values['rank']}” is not a whole number from 1"
    if not values["decile"].isdigit() or not 1 <= int(values["decile"]) <= 10:
        return f"the decile “{values['decile']}” is not a whole number from 1 to 10"
    return None


def import_imd(path, edition, progress=None):
    """Replace an edition's areas with those in the file, then update case studies."""
    if edition not in ImdEdition.values:
        raise ImdImportError(
            f"Unknown edition “{edition}”: use one of {', '.join(ImdEdition.values)}."
        )
    try:
        with open(path, encoding="utf-8-sig", newline="") as source:
            areas = read_areas(source, edition, progress)
    except UnicodeDecodeError:
        raise ImdImportError(
            "The file is not text in UTF-8: export it again as CSV (UTF-8)."
        ) from None
    except OSError as error:
        raise ImdImportError(f"Cannot read the file: {error.strerror or error}.") from None
    except csv.Error as error:
        raise ImdImportError(f"The file is not valid CSV: {error}.") from None

    summary = ImportSummary(areas=len(areas))
    with transaction.atomic():
        DeprivationArea.objects.filter(edition=edition).delete()
        DeprivationArea.objects.bulk_create(areas, batch_size=BATCH)
        summary.case_studies_updated = refresh_case_study_deciles()
    return summary


def refresh_case_study_deciles():
    """Work every case study's deprivation out again; returns the slugs that changed."""
    return lens.refresh_all()


def count_rows(path):
    with open(path, "rb") as source:
        return max(
            0, sum(chunk.count(b"\n") for chunk in iter(lambda: source.read(1 << 20), b"")) - 1
        )
