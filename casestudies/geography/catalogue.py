"""What the shipped deprivation data holds: the nations, their indices, their boundary layers.

Each nation of the UK ranks its own neighbourhoods with its own index, built from different
indicators, at different dates, on different small areas. A decile therefore only means
something next to the name of the index it comes from, so every decile this package gives
carries its index, and every index carries its real name, its publisher and the attribution
the Open Government Licence asks for. Keys (`iod2025`…) are stable: store them with a decile
so that the value stays meaningful when a newer edition is published.
"""

from dataclasses import dataclass
from datetime import date

from casestudies.geography.errors import UnknownIndex

OGL_NAME = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

# Statements of attribution are legal wording, quoted as the publishers and the data's
# sources give them.
OGL_STATEMENT = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
ONS_STATEMENT = (
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0."
)
ONS_BOUNDARY_STATEMENT = (
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0. "
    "Contains OS data © Crown copyright and database right 2021."
)
SCOTTISH_BOUNDARY_STATEMENT = (
    "Copyright Scottish Government, contains Ordnance Survey data © Crown copyright and database right 2021. "
    "Licensed under the Open Government Licence v3.0."
)
NISRA_BOUNDARY_STATEMENT = (
    "Source: Northern Ireland Statistics and Research Agency (NISRA). "
    "Contains public sector information licensed under the Open Government Licence v3.0."
)

MHCLG = "Ministry of Housing, Communities and Local Government"

# The 2011-to-2021 LSOA lookup, needed wherever a 2011-based index meets 2021 boundaries.
LSOA_LOOKUP_FILE = "england-wales-lsoa11-lsoa21-lookup.csv"


@dataclass(frozen=True)
class BoundaryLayer:
    """One shipped file of neighbourhood boundaries, with who made it and how to credit it."""

    file: str
    nations: tuple[str, ...]
    title: str
    publisher: str
    attribution: str


@dataclass(frozen=True)
class Nation:
    """A nation and the small areas its index ranks.

    `code_prefix` is how a neighbourhood code says which nation it belongs to, so that a code
    typed by staff can be checked against the index asked for.
    """

    key: str
    name: str
    area_type: str
    area_type_plural: str
    code_prefix: str
    example_code: str
    boundary_file: str

    @property
    def boundaries(self) -> BoundaryLayer:
        return BOUNDARY_LAYERS[self.boundary_file]

    @property
    def indices(self) -> tuple["Index", ...]:
        return tuple(index for index in INDICES.values() if index.nation == self.key)

    @property
    def latest_index(self) -> "Index":
        """The nation's most recently published index: the one a new decile should come from."""
        return max(self.indices, key=lambda index: index.published)


@dataclass(frozen=True)
class Index:
    """One edition of one nation's index of multiple deprivation.

    `area_year` is the census year of the areas the index ranks. The boundaries shipped for
    England and Wales are of 2021 areas, so an index of 2011 areas (`iod2019`, `wimd2019`)
    reaches them through the ONS 2011-to-2021 lookup, which is why it also needs the ONS
    statement in its attribution.
    """

    key: str
    name: str
    short_name: str
    publisher: str
    nation: str
    published: date
    area_year: int
    file: str
    code_column: str
    url: str
    uses_ons_lookups: bool

    @property
    def needs_lsoa_lookup(self) -> bool:
        """An index of 2011 LSOAs, reached from the 2021 boundaries through the ONS lookup."""
        return self.area_year == 2011 and self.nation in ("england", "wales")

    @property
    def nation_name(self) -> str:
        return NATIONS[self.nation].name

    @property
    def attribution(self) -> str:
        """What to show wherever a decile of this index appears."""
        text = f"{self.name}, {self.publisher}. {OGL_STATEMENT}"
        if self.uses_ons_lookups:
            text += f" {ONS_STATEMENT}"
        return text

    def label(self, decile) -> str:
        """A decile with the name of its index, e.g. for a table cell or an image's alt text."""
        return f"{self.name}: decile {decile} (1 = most deprived 10% in {self.nation_name})"


BOUNDARY_LAYERS = {
    layer.file: layer
    for layer in (
        BoundaryLayer(
            file="england-wales-lsoa21-boundaries.geojson.gz",
            nations=("england", "wales"),
            title="Lower layer Super Output Areas (December 2021) Boundaries EW BSC (V4)",
            publisher="Office for National Statistics",
            attribution=ONS_BOUNDARY_STATEMENT,
        ),
        BoundaryLayer(
            file="scotland-dz11-boundaries.geojson.gz",
            nations=("scotland",),
            title="Data Zone Boundaries 2011",
            publisher="Scottish Government",
            attribution=SCOTTISH_BOUNDARY_STATEMENT,
        ),
        BoundaryLayer(
            file="northern-ireland-soa01-boundaries.geojson.gz",
            nations=("northern-ireland",),
            title="Super Output Area boundaries",
            publisher="Northern Ireland Statistics and Research Agency",
            attribution=NISRA_BOUNDARY_STATEMENT,
        ),
    )
}

NATIONS = {
    nation.key: nation
    for nation in (
        Nation(
            key="england",
            name="England",
            area_type="2021 Lower layer Super Output Area (LSOA)",
            area_type_plural="2021 LSOAs",
            code_prefix="E01",
            example_code="E01012068",
            boundary_file="england-wales-lsoa21-boundaries.geojson.gz",
        ),
        Nation(
            key="wales",
            name="Wales",
            area_type="2021 Lower layer Super Output Area (LSOA)",
            area_type_plural="2021 LSOAs",
            code_prefix="W01",
            example_code="W01002019",
            boundary_file="england-wales-lsoa21-boundaries.geojson.gz",
        ),
        Nation(
            key="scotland",
            name="Scotland",
            area_type="2011 Data Zone",
            area_type_plural="2011 Data Zones",
            code_prefix="S01",
            example_code="S01010260",
            boundary_file="scotland-dz11-boundaries.geojson.gz",
        ),
        Nation(
            key="northern-ireland",
            name="Northern Ireland",
            area_type="Super Output Area (SOA)",
            area_type_plural="Super Output Areas",
            code_prefix="95",
            example_code="95GG39S1",
            boundary_file="northern-ireland-soa01-boundaries.geojson.gz",
        ),
    )
}

INDICES = {
    index.key: index
    for index in (
        Index(
            key="iod2025",
            name="English Indices of Deprivation 2025",
            short_name="IoD 2025",
            publisher=MHCLG,
            nation="england",
            published=date(2025, 10, 30),
            area_year=2021,
            file="england-iod2025-lsoa21.csv",
            code_column="lsoa21_code",
            url="https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025",
            uses_ons_lookups=True,  # the local authority of each LSOA
        ),
        Index(
            key="iod2019",
            name="English Indices of Deprivation 2019",
            short_name="IoD 2019",
            publisher=MHCLG,
            nation="england",
            published=date(2019, 9, 26),
            area_year=2011,
            file="england-iod2019-lsoa11.csv",
            code_column="lsoa11_code",
            url="https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
            uses_ons_lookups=True,
        ),
        Index(
            key="wimd2019",
            name="Welsh Index of Multiple Deprivation 2019",
            short_name="WIMD 2019",
            publisher="Welsh Government",
            nation="wales",
            published=date(2019, 11, 27),
            area_year=2011,
            file="wales-wimd2019-lsoa11.csv",
            code_column="lsoa11_code",
            url="https://gov.wales/welsh-index-multiple-deprivation-full-index-update-ranks-2019",
            uses_ons_lookups=True,
        ),
        Index(
            key="simd2020",
            name="Scottish Index of Multiple Deprivation 2020v2",
            short_name="SIMD 2020v2",
            publisher="Scottish Government",
            nation="scotland",
            published=date(2020, 1, 28),
            area_year=2011,
            file="scotland-simd2020-dz11.csv",
            code_column="dz11_code",
            url="https://simd.scot",
            uses_ons_lookups=False,
        ),
        Index(
            key="nimdm2017",
            name="Northern Ireland Multiple Deprivation Measure 2017",
            short_name="NIMDM 2017",
            publisher="Northern Ireland Statistics and Research Agency (NISRA)",
            nation="northern-ireland",
            published=date(2017, 11, 23),
            area_year=2001,
            file="northern-ireland-nimdm2017-soa01.csv",
            code_column="soa01_code",
            url="https://www.nisra.gov.uk/statistics/deprivation/northern-ireland-multiple-deprivation-measure-2017-nimdm2017",
            uses_ons_lookups=False,
        ),
    )
}


def get_index(key) -> Index:
    """The index with this key, or a plain error listing the keys there are."""
    try:
        return INDICES[key]
    except (KeyError, TypeError):
        raise UnknownIndex(
            f"There is no index “{key}”. The indices are: {', '.join(INDICES)}."
        ) from None


def get_nation(key) -> Nation:
    """The nation with this key, or a plain error listing the keys there are."""
    try:
        return NATIONS[key]
    except (KeyError, TypeError):
        raise ValueError(
            f"There is no nation “{key}”. The nations are: {', '.join(NATIONS)}."
        ) from None


def latest_index(nation) -> Index:
    """The latest index of a nation, given by its key ("england", "wales"…)."""
    return get_nation(nation).latest_index


def attribution(indices=None, boundaries=True) -> tuple[str, ...]:
    """Every statement of attribution a page must show, without repeats.

    `indices` are the index keys whose figures the page shows (all of them by default);
    `boundaries` adds the boundary layers' statements, needed wherever a neighbourhood was
    found from coordinates or the map layer is drawn.
    """
    chosen = [get_index(key) for key in (INDICES if indices is None else indices)]
    statements = [index.attribution for index in chosen]
    if boundaries:
        nations = {index.nation for index in chosen} if indices is not None else set(NATIONS)
        statements += [
            layer.attribution for layer in BOUNDARY_LAYERS.values() if nations & set(layer.nations)
        ]
    return tuple(dict.fromkeys(statements))
