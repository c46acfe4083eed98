"""Local authorities: which one a neighbourhood is in, and how many of each nation's most
deprived neighbourhoods each holds.

That second list is what a policy reader asks for first ("where are the most deprived
places, and does anyone work there?"), so it is computed from the shipped files rather than
quoted. The files do not name councils equally well in every nation, and what is derived is
said so:

* England: official. Each LSOA's 2024 district is in the IoD 2025 file (from the ONS
  lookup); 2011 LSOAs of the 2019 index carry their 2019 district.
* Wales: derived from the neighbourhood's name. ONS names every LSOA after its local
  authority ("Cardiff 032H"), so the name gives the council but not its code.
* Northern Ireland: derived from the Super Output Area code, whose two letters stand for one
  of the 26 district councils of 1973–2015 ("95GG…" is Belfast). Those districts were merged
  into 11 in 2015 along boundaries that do not follow them, and the files do not say which of
  the 11 an SOA is in, so the former district is given, and named as such.
* Scotland: not available. Data Zone names are those of intermediate zones, and no shipped
  file links a Data Zone to its council.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from casestudies.geography.catalogue import NATIONS, Index, get_index
from casestudies.geography.errors import UnknownCode
from casestudies.geography.tables import normalise_code

# The letters of an SOA code, for the 26 districts they were drawn within. Fixed since the
# districts were abolished in 2015.
NI_FORMER_DISTRICTS = {
    "AA": "Antrim",
    "BB": "Ards",
    "CC": "Armagh",
    "DD": "Ballymena",
    "EE": "Ballymoney",
    "FF": "Banbridge",
    "GG": "Belfast",
    "HH": "Carrickfergus",
    "II": "Castlereagh",
    "JJ": "Coleraine",
    "KK": "Cookstown",
    "LL": "Craigavon",
    "MM": "Derry",
    "NN": "Down",
    "OO": "Dungannon",
    "PP": "Fermanagh",
    "QQ": "Larne",
    "RR": "Limavady",
    "SS": "Lisburn",
    "TT": "Magherafelt",
    "UU": "Moyle",
    "VV": "Newry and Mourne",
    "WW": "Newtownabbey",
    "XX": "North Down",
    "YY": "Omagh",
    "ZZ": "Strabane",
}
LSOA_NAME = re.compile(r"(?P<authority>.+) \d{3}[A-Z]")

SOURCES = {
    "iod2025": "the 2024 local authority district given for each LSOA in the English Indices of Deprivation 2025 "
    "file (from the ONS lookup)",
    "iod2019": "the 2019 local authority district given for each 2011 LSOA in the English Indices of Deprivation "
    "2019 file (from the ONS lookup); some of these councils have since been merged",
    "wales": "derived from the neighbourhood’s name: ONS names each LSOA after the council it lies in "
    "(“Cardiff 032H”); the shipped files give no council codes for Wales",
    "northern-ireland": "derived from the Super Output Area code, whose letters stand for one of the 26 district "
    "councils of 1973–2015; the files do not say which of the 11 councils formed in 2015 an SOA "
    "is in",
    "scotland": "not available: the shipped Data Zone files do not say which council a Data Zone is in",
}


@dataclass(frozen=True)
class LocalAuthority:
    """A council as far as the shipped files identify it.

    `code` is the official GSS code where the files give one (England only), else None.
    `derived` is True when the name was worked out rather than read from a file; `source`
    says how, in words. Identify an authority by `key`: its code, or failing that its name.
    """

    code: str | None
    name: str
    nation: str
    kind: str
    derived: bool
    source: str

    @property
    def key(self) -> str:
        return self.code or self.name


@dataclass(frozen=True)
class AuthorityDeprivation:
    """One authority's share of its nation's most deprived neighbourhoods in one index.

    `share_of_nation_10` is the part of the nation's most deprived 10% that lies in this
    authority; `proportion_10` is the part of this authority's own neighbourhoods that are
    in the nation's most deprived 10% (as MHCLG publishes it). Likewise for 30%.
    """

    authority: LocalAuthority
    neighbourhoods: int
    most_deprived_10: int
    most_deprived_30: int
    share_of_nation_10: float
    share_of_nation_30: float
    proportion_10: float
    proportion_30: float


@dataclass(frozen=True)
class AuthorityTable:
    """Every authority of the index's nation, those with the most neighbourhoods in the most
    deprived 10% first (then the most in the 30%, then by name). When the files do not tell
    which council each neighbourhood is in (Scotland), `available` is False, `rows` is empty
    and `note` says why."""

    index: Index
    rows: tuple[AuthorityDeprivation, ...]
    neighbourhoods: int
    most_deprived_10: int
    most_deprived_30: int
    available: bool
    note: str


def welsh_council(neighbourhood_name):
    match = LSOA_NAME.fullmatch(neighbourhood_name)
    return match.group("authority") if match else None


class Authorities:
    """Works out authorities from the loaded tables and boundary names, once."""

    def __init__(self, tables, boundaries):
        self.tables = tables
        self.boundaries = boundaries
        self._authorities = {}
        self._welsh_2011 = None

    def _authority(self, code, name, nation, kind, derived, source):
        key = (nation, code or name, kind)
        if key not in self._authorities:
            self._authorities[key] = LocalAuthority(code, name, nation, kind, derived, source)
        return self._authorities[key]

    def _english(self, index_key, district):
        kind = (
            "local authority district (2024)"
            if index_key == "iod2025"
            else "local authority district (2019)"
        )
        name = self.tables.district_names[index_key][district]
        return self._authority(district, name, "england", kind, False, SOURCES[index_key])

    def _welsh(self, council):
        return self._authority(None, council, "wales", "principal council", True, SOURCES["wales"])

    def _northern_irish(self, code):
        return self._authority(
            None,
            NI_FORMER_DISTRICTS[code[2:4]],
            "northern-ireland",
            "former district council (1973–2015)",
            True,
            SOURCES["northern-ireland"],
        )

    def welsh_2011(self):
        """{2011 LSOA: council}, through the 2021 LSOAs each became (all in the same council)."""
        if self._welsh_2011 is None:
            councils = {}
            for old in self.tables.ranks["wimd2019"]:
                names = {
                    welsh_council(self.boundaries.neighbourhood(new).name)
                    for new in self.tables.children[old]
                }
                councils[old] = names.pop() if len(names) == 1 else None
            self._welsh_2011 = councils
        return self._welsh_2011

    def for_code(self, code) -> LocalAuthority | None:
        code, nation = normalise_code(code)
        if nation == "england":
            for index_key in ("iod2025", "iod2019"):
                district = self.tables.districts[index_key].get(code)
                if district:
                    return self._english(index_key, district)
        elif nation == "wales":
            if code in self.boundaries.position:
                council = welsh_council(self.boundaries.neighbourhood(code).name)
            elif code in self.tables.ranks["wimd2019"]:
                council = self.welsh_2011()[code]
            else:
                raise UnknownCode(f"No neighbourhood in Wales has the code {code}.")
            return self._welsh(council) if council else None
        elif nation == "scotland":
            if code in self.tables.ranks["simd2020"]:
                return None
        elif code in self.tables.ranks["nimdm2017"]:
            return self._northern_irish(code)
        raise UnknownCode(f"No neighbourhood in {NATIONS[nation].name} has the code {code}.")

    def table(self, index) -> AuthorityTable:
        index = get_index(index)
        deciles = self.tables.ranks[index.key]
        total_10 = sum(1 for _, decile in deciles.values() if decile == 1)
        total_30 = sum(1 for _, decile in deciles.values() if decile <= 3)
        if index.nation == "scotland":
            return AuthorityTable(
                index,
                (),
                len(deciles),
                total_10,
                total_30,
                False,
                f"Councils for Scotland are {SOURCES['scotland']}.",
            )
        if index.nation == "england":
            districts = self.tables.districts[index.key]
            authority_of = lambda code: self._english(index.key, districts[code])  # noqa: E731
        elif index.nation == "wales":
            councils = self.welsh_2011()
            authority_of = lambda code: self._welsh(councils[code]) if councils[code] else None  # noqa: E731
        else:
            authority_of = self._northern_irish
        counts = defaultdict(lambda: [0, 0, 0])
        for code, (_, decile) in deciles.items():
            authority = authority_of(code)
            if authority is None:
                continue
            tally = counts[authority]
            tally[0] += 1
            tally[1] += decile == 1
            tally[2] += decile <= 3
        rows = [
            AuthorityDeprivation(
                authority,
                areas,
                in_10,
                in_30,
                in_10 / total_10,
                in_30 / total_30,
                in_10 / areas,
                in_30 / areas,
            )
            for authority, (areas, in_10, in_30) in counts.items()
        ]
        rows.sort(
            key=lambda row: (-row.most_deprived_10, -row.most_deprived_30, row.authority.name)
        )
        some_authority = rows[0].authority
        note = f"Local authorities are {some_authority.source}."
        return AuthorityTable(index, tuple(rows), len(deciles), total_10, total_30, True, note)
