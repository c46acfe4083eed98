"""The left-behind lens: a case study's neighbourhood and its deprivation, derived on save.

One rule, used by every save and by `refresh_deprivation`:

1. A decile staff entered by hand (or set with no basis) is theirs: nothing here changes it.
2. A neighbourhood code staff entered (one not found from the coordinates) is used as given.
3. Otherwise the coordinates give the neighbourhood (point in polygon on the shipped
   boundaries), unless they mark the centre of a whole area, which says nothing about one
   neighbourhood.
4. Failing a neighbourhood, an English local authority code gives the decile its average
   score would have among the nation's neighbourhoods.

The decile is always from the neighbourhood's own nation's latest index, recorded by its key
(`iod2025`…), because the four nations' indices are not comparable. A newer edition imported
with `import_imd` takes the place of the shipped one for England. The local authority is
filled in from the neighbourhood only when staff left it blank.
"""

import bisect
import logging
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from django.db import connection, transaction

from casestudies import caching, geography
from casestudies.geography import files as geography_files
from casestudies.models import CaseStudy
from casestudies.models.case_studies import LENS_DERIVED_FIELDS, LENS_INPUT_FIELDS, PLACE_CHECKS
from casestudies.models.choices import IMPORTED_EDITION_INDEX, ImdBasis, LocationBasis, Region
from casestudies.models.deprivation import editions_present, look_up_decile

logger = logging.getLogger(__name__)

# What the derived values are worked out from, and what they are, as the model declares.
INPUT_FIELDS = LENS_INPUT_FIELDS
DERIVED_FIELDS = LENS_DERIVED_FIELDS

DERIVED_ORDER = tuple(sorted(DERIVED_FIELDS))

REGION_NATIONS = {
    Region.WALES: "wales",
    Region.SCOTLAND: "scotland",
    Region.NORTHERN_IRELAND: "northern-ireland",
}

PLACE_CENTRE_NOTE = (
    "Found from the centre of the place named, not the homes themselves, so approximate."
)
AREA_CENTRE_NOTE = (
    "No neighbourhood decile: the coordinates mark the centre of the whole area the scheme covers, "
    "which says nothing about any one neighbourhood."
)


@dataclass(frozen=True)
class Derived:
    lsoa_code: str = ""
    neighbourhood_name: str = ""
    local_authority_code: str = ""
    local_authority_name: str = ""
    imd_decile: int | None = None
    imd_edition: str = ""
    imd_basis: str = ""
    imd_approximate: bool = False
    deprivation_note: str = ""


def nation_of_region(region):
    """The nation of a region, or None when no region is given."""
    if not region:
        return None
    return REGION_NATIONS.get(region, "england")


def _has_coordinates(case_study):
    return case_study.latitude is not None and case_study.longitude is not None


def _entered_code(case_study):
    """The neighbourhood code staff gave, if any (a code found from coordinates is not theirs)."""
    if case_study.imd_basis == ImdBasis.COORDINATES:
        return ""
    return (case_study.lsoa_code or "").strip().upper()


def place_problems(case_study):
    """{field: message} for place details that cannot be right, in plain words."""
    problems = {}
    nation = nation_of_region(case_study.region)
    code = _entered_code(case_study)
    if code and case_study.imd_basis != ImdBasis.HAND and not _imported(code, ""):
        try:
            code_nation = geography.decile_for(code).index.nation
        except geography.GeographyError as error:
            problems["lsoa_code"] = str(error)
        else:
            if nation and code_nation != nation:
                problems["lsoa_code"] = (
                    f"{code} is a neighbourhood in {geography.get_nation(code_nation).name}, but the region is "
                    f"{case_study.get_region_display()}: check the code or the region."
                )
    if (
        not code
        and _has_coordinates(case_study)
        and case_study.location_basis != LocationBasis.AREA_CENTRE
        and case_study.imd_basis != ImdBasis.HAND
    ):
        match = geography.find_neighbourhood(case_study.latitude, case_study.longitude, nation)
        if not match.found:
            problems["latitude"] = (
                f"No neighbourhood was found at these coordinates: {match.reason} "
                "Check the latitude and longitude (and the region), or give the neighbourhood code."
            )
    return problems


PLACE_CHECKS.append(place_problems)


def derive(case_study) -> Derived:
    """The neighbourhood, local authority and decile a case study's place details give."""
    current = {name: getattr(case_study, name) for name in Derived.__dataclass_fields__}
    current["lsoa_code"] = current["lsoa_code"] or ""
    if case_study.imd_basis == ImdBasis.HAND or (
        not case_study.imd_basis and case_study.imd_decile is not None
    ):
        # A decile given with no basis was set directly, not derived: it is staff's.
        return Derived(
            **{
                **current,
                "imd_basis": ImdBasis.HAND,
                "imd_approximate": False,
                "deprivation_note": "Entered by hand by staff.",
            }
        )
    nation = nation_of_region(case_study.region)
    keep_authority = {
        "local_authority_code": current["local_authority_code"] or "",
        "local_authority_name": current["local_authority_name"] or "",
    }
    code = _entered_code(case_study)
    notes, approximate, basis, name = [], False, "", ""
    if code:
        basis = ImdBasis.NEIGHBOURHOOD
        try:
            name = geography.neighbourhood(code).name
        except geography.GeographyError:
            name = ""  # Northern Ireland's codes without a current boundary, or an unknown code
    elif _has_coordinates(case_study) and case_study.location_basis == LocationBasis.AREA_CENTRE:
        notes.append(AREA_CENTRE_NOTE)
    elif _has_coordinates(case_study):
        match = geography.find_neighbourhood(case_study.latitude, case_study.longitude, nation)
        if match.found:
            code, name, basis = match.code, match.name, ImdBasis.COORDINATES
            if match.method == geography.Method.NEAREST:
                notes.append(
                    f"The point lies in no neighbourhood; the nearest, {round(match.distance_m)} m away, "
                    "is given."
                )
                approximate = True
            elif match.approximate:
                notes.append(
                    match.reason or "The point lies where two nations' boundaries overlap."
                )
                approximate = True
            if case_study.location_basis == LocationBasis.PLACE_CENTRE:
                notes.append(PLACE_CENTRE_NOTE)
                approximate = True
        else:
            notes.append(f"No neighbourhood found at the coordinates: {match.reason}")
    if code:
        decile = _neighbourhood_decile(code)
        authority = _authority(code, keep_authority)
        if decile is None:
            notes.append(f"No decile is known for {code}.")
            return Derived(
                code, name, **authority, imd_basis=basis, deprivation_note=" ".join(notes)[:500]
            )
        value, index_key, decile_note, decile_approximate = decile
        if decile_note:
            notes.append(decile_note)
        return Derived(
            code,
            name,
            **authority,
            imd_decile=value,
            imd_edition=index_key,
            imd_basis=basis,
            imd_approximate=approximate or decile_approximate,
            deprivation_note=" ".join(notes)[:500],
        )
    covers_area = (
        _has_coordinates(case_study) and case_study.location_basis == LocationBasis.AREA_CENTRE
    )
    average = None if covers_area else _authority_average(keep_authority["local_authority_code"])
    if average:
        value, index_key = average
        notes.append("The local authority's average, not the neighbourhood's own decile.")
        return Derived(
            "",
            "",
            **keep_authority,
            imd_decile=value,
            imd_edition=index_key,
            imd_basis=ImdBasis.LOCAL_AUTHORITY,
            imd_approximate=True,
            deprivation_note=" ".join(notes),
        )
    return Derived("", "", **keep_authority, deprivation_note=" ".join(notes)[:500])


def apply_derived(case_study):
    """Set the derived values on the case study (not saved); returns the names that changed."""
    found = derive(case_study)
    derived = {name: getattr(found, name) for name in DERIVED_ORDER}
    changed = {name for name, value in derived.items() if getattr(case_study, name) != value}
    for name in changed:
        setattr(case_study, name, derived[name])
    return changed


def _authority(code, keep):
    """The case study's local authority: as staff gave it, or else from the neighbourhood."""
    if keep["local_authority_name"] or keep["local_authority_code"]:
        return keep
    try:
        authority = geography.local_authority_for(code)
    except geography.GeographyError:
        authority = None
    if authority is None:
        return keep
    return {
        "local_authority_code": authority.code or "",
        "local_authority_name": authority.name[:200],
    }


def _imported(lsoa_code, authority_code):
    """(decile, index key, basis) from an edition imported with import_imd, if one is newer
    than (or the same as) the shipped English index, else None."""
    editions = _imported_editions()
    found = look_up_decile(lsoa_code, authority_code, editions) if editions else None
    if found:
        decile, edition, basis = found
        return decile, IMPORTED_EDITION_INDEX[edition], basis
    return None


_editions_for_refresh = None  # set while refresh_all runs, so it asks the database once


def _imported_editions():
    """Editions imported with import_imd at least as new as the shipped English index."""
    if _editions_for_refresh is not None:
        return _editions_for_refresh
    shipped = geography.latest_index("england").published.year
    return [edition for edition in editions_present() if int(edition) >= shipped]


def _neighbourhood_decile(code):
    """(decile, index key, note, approximate) in the code's nation's latest index, or None."""
    if code.startswith("E"):
        found = _imported(code, "")
        if found:
            return found[0], found[1], "", False
    try:
        result = geography.decile_for(code)
    except geography.GeographyError as error:
        logger.info("No decile for %s: %s", code, error)
        return None
    return result.decile, result.index.key, result.note, result.approximate or result.ambiguous


def _authority_average(authority_code):
    """(decile, index key) for an English council: where its average score would sit among
    the nation's neighbourhoods in the latest index. None elsewhere (the other nations'
    files give no scores by council)."""
    if not authority_code or not authority_code.startswith("E"):
        return None
    found = _imported("", authority_code)
    if found:
        return found[0], found[1]
    index = geography.latest_index("england")
    scores, averages = _english_scores(index.key)
    average = averages.get(authority_code)
    if average is None:
        return None
    more_deprived = len(scores) - bisect.bisect_right(scores, average)
    return min(10, more_deprived * 10 // len(scores) + 1), index.key


@lru_cache(maxsize=2)
def _english_scores(index_key):
    """The index's neighbourhood scores, sorted, and each district's average score."""
    index = geography.get_index(index_key)
    lad_file, lad_column, _ = geography_files.LAD_FILES[index_key]
    data_dir = geography.default().data_dir
    (scores,) = geography_files.read_csv(data_dir, index.file, {"imd_score": _floats})
    codes, averages = geography_files.read_csv(
        data_dir,
        lad_file,
        {lad_column: geography_files.district_code, "imd_average_score": _floats},
    )
    return sorted(scores), dict(zip(codes, averages))


def _floats(values):
    try:
        return [float(value) for value in values]
    except ValueError:
        raise geography_files.BadValue(
            next(i for i, value in enumerate(values) if not _is_float(value))
        ) from None


def _is_float(value):
    try:
        float(value)
    except ValueError:
        return False
    return True


def neighbourhood_summary(case_study):
    """What staff see of the lens on a case study, in a sentence or two."""
    if case_study.imd_basis == ImdBasis.HAND:
        found = (
            f"Decile {case_study.imd_decile} entered by hand."
            if case_study.imd_decile
            else "Entered by hand."
        )
    elif case_study.lsoa_code:
        how = (
            "from the coordinates" if case_study.imd_basis == ImdBasis.COORDINATES else "as entered"
        )
        name = f" {case_study.neighbourhood_name}" if case_study.neighbourhood_name else ""
        found = f"{case_study.lsoa_code}{name} ({how})."
        if case_study.imd_decile:
            found += f" {decile_label(case_study)}."
    elif case_study.imd_decile:
        found = f"No neighbourhood. {decile_label(case_study)}."
    else:
        found = "No neighbourhood found yet: give coordinates or a neighbourhood code."
    return " ".join(filter(None, [found, case_study.deprivation_note]))


def decile_label(case_study):
    """ "Decile 3 of 10 in the English Indices of Deprivation 2025 (1 = most deprived 10% in England)"."""
    if not case_study.imd_decile or case_study.imd_edition not in geography.INDICES:
        return ""
    index = geography.get_index(case_study.imd_edition)
    return (
        f"Decile {case_study.imd_decile} of 10 in the {index.name} "
        f"(1 = the most deprived 10% of neighbourhoods in {index.nation_name})"
    )


REFRESH_BATCH = 1000


def refresh_all(progress=None):
    """Derive every case study's neighbourhood and decile again (after a new edition of the
    data, say), writing only those that changed, in one transaction. Returns their slugs.

    Rows are read as plain values and written with one prepared UPDATE run over a batch
    (executemany): at 10,000 case studies, model instances and bulk_update's CASE
    expressions would cost more than the lookups themselves."""
    global _editions_for_refresh

    names = sorted(INPUT_FIELDS | DERIVED_FIELDS)
    meta = CaseStudy._meta
    quote = connection.ops.quote_name
    columns = ", ".join(f"{quote(meta.get_field(name).column)} = %s" for name in DERIVED_ORDER)
    update = f"UPDATE {quote(meta.db_table)} SET {columns} WHERE {quote(meta.pk.column)} = %s"
    changed, pending = [], []

    def write():
        with connection.cursor() as cursor:
            cursor.executemany(update, pending)
        pending.clear()

    with transaction.atomic():
        _editions_for_refresh = _imported_editions()
        try:
            rows = CaseStudy.objects.order_by("pk").values_list("pk", "slug", *names)
            for pk, slug, *values in rows.iterator(chunk_size=2000):
                place = SimpleNamespace(**dict(zip(names, values)))
                if apply_derived(place):
                    changed.append(slug)
                    pending.append([getattr(place, name) for name in DERIVED_ORDER] + [pk])
                    if len(pending) >= REFRESH_BATCH:
                        write()
                if progress is not None:
                    progress.update(1)
            if pending:
                write()
        finally:
            _editions_for_refresh = None
        if changed:
            caching.note_change()
            transaction.on_commit(caching.bump)
    return changed
