"""The deprivation tables: ranks and deciles by neighbourhood code, for every index.

England and Wales changed their small areas at the 2021 census. The boundaries shipped are
of 2021 LSOAs, but the 2019 English and Welsh indices rank 2011 LSOAs, so a 2021 code reaches
them through the ONS lookup. Most 2021 LSOAs have one 2011 parent (unchanged, or split from
it) and take its decile exactly. A few were merged from several 2011 LSOAs, or redrawn, and
their parents' deciles can differ: then `decile_for` gives the most deprived of them, the
whole range, and says so, because choosing one silently would misreport the area.
"""

from collections import defaultdict
from dataclasses import dataclass

from casestudies.geography import files
from casestudies.geography.catalogue import INDICES, LSOA_LOOKUP_FILE, NATIONS, Index, get_index
from casestudies.geography.errors import DataFileError, UnknownCode, WrongNation

CHANGES = {
    "U": "unchanged since 2011",
    "S": "split from a 2011 neighbourhood",
    "M": "merged from 2011 neighbourhoods",
    "X": "redrawn from parts of 2011 neighbourhoods",
}


@dataclass(frozen=True)
class DecileResult:
    """A neighbourhood's place in one index.

    `decile` is always set: the decile itself, or, when the neighbourhood was merged from
    2011 areas in different deciles, the most deprived of them (`ambiguous` is then True and
    `deciles` holds them all). `rank` is None when several 2011 areas stand behind the code,
    since a merged area has no rank of its own; `ranks` holds theirs. `approximate` is True
    whenever the 2011 areas are not the same ground as the 2021 one (merged or redrawn).
    """

    index: Index
    code: str
    decile: int
    rank: int | None
    deciles: tuple[int, ...]
    ranks: tuple[int, ...]
    source_codes: tuple[str, ...]
    change: str | None
    approximate: bool
    ambiguous: bool
    note: str

    @property
    def decile_range(self) -> tuple[int, int]:
        return min(self.deciles), max(self.deciles)

    @property
    def label(self) -> str:
        low, high = self.decile_range
        deciles = f"decile {low}" if low == high else f"decile {low} to {high}"
        return f"{self.index.name}: {deciles}"


def normalise_code(code):
    """A neighbourhood code in upper case without spaces, with its nation, or a plain error."""
    cleaned = str(code or "").strip().upper()
    nation = files.nation_of_code(cleaned)
    if nation is None:
        examples = ", ".join(n.example_code for n in NATIONS.values())
        hint = ""
        if files.DISTRICT_CODE.fullmatch(cleaned):
            hint = " It looks like a local authority code; a neighbourhood code is smaller-scale."
        raise UnknownCode(
            f"“{code}” is not a neighbourhood code. Codes look like {examples} "
            f"(an LSOA in England or Wales, a Data Zone in Scotland, a Super Output Area in Northern Ireland).{hint}"
        )
    return cleaned, nation


class Tables:
    """Every index's ranks and deciles, the 2011–2021 lookup and the English districts.

    Built whole by `load` or not at all, so that a bad file never leaves some indices loaded
    and others missing.
    """

    def __init__(self, ranks, districts, district_names, parents, children):
        self.ranks = ranks  # {index key: {code: (rank, decile)}}
        self.districts = districts  # {index key: {code: district code}} for the English indices
        self.district_names = district_names  # {index key: {district code: name}}
        self.parents = parents  # {2021 LSOA: ((2011 LSOA, change code), …)}
        self.children = children  # {2011 LSOA: (2021 LSOA, …)}

    @classmethod
    def load(cls, data_dir):
        with files.bulk_load():
            return cls._load(data_dir)

    @classmethod
    def _load(cls, data_dir):
        ranks, districts, district_names = {}, {}, {}
        for index in INDICES.values():
            columns = {
                index.code_column: files.code_of(index.nation),
                "imd_rank": files.positive_int,
                "imd_decile": files.decile,
            }
            lad_file, lad_column, name_column = files.LAD_FILES.get(index.key, (None, None, None))
            if lad_file:
                columns[lad_column] = files.district_code
            codes, index_ranks, index_deciles, *lads = files.read_csv(data_dir, index.file, columns)
            table = dict(zip(codes, zip(index_ranks, index_deciles)))
            _check_unique(index.file, codes, table)
            if set(index_deciles) != set(range(1, 11)):
                raise DataFileError(f"{index.file} does not hold all ten deciles.")
            ranks[index.key] = table
            if lad_file:
                districts[index.key] = dict(zip(codes, lads[0]))
                names = dict(
                    zip(
                        *files.read_csv(
                            data_dir,
                            lad_file,
                            {lad_column: files.district_code, name_column: files.text},
                        )
                    )
                )
                unknown = set(lads[0]) - set(names)
                if unknown:
                    raise DataFileError(
                        f"{index.file} names local authorities that {lad_file} does not have: "
                        f"{', '.join(sorted(unknown)[:5])}."
                    )
                district_names[index.key] = names

        parents, children = defaultdict(list), defaultdict(list)
        columns = files.read_csv(
            data_dir,
            LSOA_LOOKUP_FILE,
            {
                "lsoa11_code": files.lsoa_code,
                "lsoa21_code": files.lsoa_code,
                "change_code": files.change_code,
            },
        )
        for old, new, change in zip(*columns):
            parents[new].append((old, change))
            children[old].append(new)
        for old in children:
            table = ranks["iod2019" if old.startswith("E") else "wimd2019"]
            if old not in table:
                raise DataFileError(
                    f"{LSOA_LOOKUP_FILE} maps {old}, which is not in the 2019 index of its nation."
                )
        for key in ("iod2019", "wimd2019"):
            unmapped = [old for old in ranks[key] if old not in children]
            if unmapped:
                raise DataFileError(
                    f"{LSOA_LOOKUP_FILE} does not map {unmapped[0]} ({INDICES[key].file}) "
                    "to a 2021 neighbourhood."
                )
        return cls(
            ranks,
            districts,
            district_names,
            {new: tuple(sorted(values)) for new, values in parents.items()},
            {old: tuple(sorted(values)) for old, values in children.items()},
        )

    def decile_for(self, code, index=None) -> DecileResult:
        code, nation = normalise_code(code)
        index = get_index(index) if index is not None else NATIONS[nation].latest_index
        if index.nation != nation:
            home = NATIONS[nation]
            raise WrongNation(
                f"{code} is a {home.area_type} in {home.name}; the index asked for, the {index.name}, ranks "
                f"neighbourhoods in {index.nation_name} only. {home.name}’s latest index is the "
                f"{home.latest_index.name} ({home.latest_index.key})."
            )
        table = self.ranks[index.key]
        if index.needs_lsoa_lookup and code in self.parents:
            return self._through_lookup(index, code, table)
        if code in table:
            rank, decile = table[code]
            return DecileResult(
                index, code, decile, rank, (decile,), (rank,), (code,), None, False, False, ""
            )
        raise UnknownCode(self._not_found(index, code))

    def _through_lookup(self, index, code, table):
        sources = self.parents[code]
        old_codes = tuple(old for old, _ in sources)
        change = sources[0][1]
        ranked = sorted((table[old][0], table[old][1], old) for old in old_codes)
        ranks = tuple(rank for rank, _, _ in ranked)
        deciles = tuple(sorted({decile for _, decile, _ in ranked}))
        decile = deciles[0]
        ambiguous = len(deciles) > 1
        approximate = change in ("M", "X")
        if len(old_codes) == 1:
            rank = ranks[0]
            if change == "U":
                note = ""
            elif change == "S":
                note = f"{code} was split in 2021 from {old_codes[0]}, whose decile it takes."
            else:
                note = (
                    f"{code} was redrawn in 2021 from part of {old_codes[0]}, whose decile it takes; "
                    "the 2011 area is not the same ground, so this is approximate."
                )
        else:
            rank = None
            parts = ", ".join(
                f"{old} (decile {decile})" for _, decile, old in sorted(ranked, key=lambda r: r[2])
            )
            how = "merged" if change == "M" else "redrawn"
            if ambiguous:
                note = (
                    f"{code} was {how} in 2021 from {parts}, so its {index.short_name} decile is "
                    f"{deciles[0]} to {deciles[-1]}; the most deprived, {decile}, is given."
                )
            else:
                note = f"{code} was {how} in 2021 from {parts}, all in decile {decile}."
        return DecileResult(
            index,
            code,
            decile,
            rank,
            deciles,
            ranks,
            old_codes,
            change,
            approximate,
            ambiguous,
            note,
        )

    def _not_found(self, index, code):
        nation = NATIONS[index.nation]
        if index.area_year == 2021 and code in self.children:
            return (
                f"{code} is a 2011 neighbourhood code, replaced in 2021 by {', '.join(self.children[code])}; "
                f"the {index.name} uses 2021 codes."
            )
        return f"No {nation.area_type} in {nation.name} has the code {code} in the {index.name}."


def _check_unique(name, codes, table):
    if len(table) != len(codes):
        seen = set()
        for code in codes:
            if code in seen:
                raise DataFileError(f"{name} lists {code} more than once.")
            seen.add(code)
