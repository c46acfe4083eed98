"""The fixed vocabularies of the library.

Values are slugs because they appear in public URLs (`?region=north-east`) and in the
open-data exports, so they must stay stable even if a label is reworded.
"""

from django.db import models

from casestudies import geography


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class Region(models.TextChoices):
    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST_OF_ENGLAND = "east-of-england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


# ONS codes, for exports that need to join with official statistics.
REGION_CODES = {
    Region.NORTH_EAST: "E12000001",
    Region.NORTH_WEST: "E12000002",
    Region.YORKSHIRE: "E12000003",
    Region.EAST_MIDLANDS: "E12000004",
    Region.WEST_MIDLANDS: "E12000005",
    Region.EAST_OF_ENGLAND: "E12000006",
    Region.LONDON: "E12000007",
    Region.SOUTH_EAST: "E12000008",
    Region.SOUTH_WEST: "E12000009",
    Region.WALES: "W92000004",
    Region.SCOTLAND: "S92000003",
    Region.NORTHERN_IRELAND: "N92000002",
}


class Setting(models.TextChoices):
    RURAL_VILLAGE = "rural-village", "Rural village"
    MARKET_TOWN = "market-town", "Market town"
    SUBURBAN = "suburban", "Suburban"
    URBAN = "urban", "Urban"
    COASTAL = "coastal", "Coastal"


class CommunityModel(models.TextChoices):
    CLT = "clt", "Community land trust"
    COOPERATIVE = "cooperative", "Housing co-operative"
    COHOUSING = "cohousing", "Cohousing"
    SELF_HELP = "self-help", "Self-help housing"
    DEVELOPMENT_TRUST = "development-trust", "Development trust"
    TENANT_MANAGEMENT = "tenant-management", "Tenant management"
    OTHER = "other", "Other"


class Arrangement(models.TextChoices):
    COMMUNITY_FREEHOLD_HA_LEASE = (
        "community-freehold-ha-lease",
        "Community keeps the freehold, housing association leases and manages",
    )
    JOINT_VENTURE = "joint-venture", "Joint venture"
    HA_OWNS_COMMUNITY_MANAGES = (
        "ha-owns-community-manages",
        "Housing association owns, community manages",
    )
    ASSET_TRANSFER = "asset-transfer", "Homes or land transferred to the community"
    LEASE_AND_REPAIR = "lease-and-repair", "Lease and repair of empty homes"
    HA_DEVELOPS_FOR_COMMUNITY = (
        "ha-develops-for-community",
        "Housing association develops with and for the group",
    )
    SUPPORT_ONLY = "support-only", "Housing association advises and supports"
    OTHER = "other", "Other"


class Delivery(models.TextChoices):
    NEW_BUILD = "new-build", "New build"
    REFURBISHMENT = "refurbishment", "Refurbishment"
    CONVERSION = "conversion", "Conversion"
    MIXED = "mixed", "Mixed"


class Stage(models.TextChoices):
    """The community-led housing network's stages of a scheme, in order."""

    GROUP = "group", "Group"
    SITE = "site", "Site"
    PLAN = "plan", "Plan"
    BUILD = "build", "Build"
    LIVE = "live", "Live"


STAGE_DESCRIPTIONS = {
    Stage.GROUP: "A group has formed and is getting organised.",
    Stage.SITE: "The group is finding and securing a site or buildings.",
    Stage.PLAN: "Designs, planning permission and finance are being worked out.",
    Stage.BUILD: "Homes are being built or refurbished.",
    Stage.LIVE: "People live in the homes and the community runs or shares in them.",
}


class PartnershipStatus(models.TextChoices):
    """Whether the partnership itself goes on. Separate from the stage, which says how far
    the scheme got: a partnership can end at any stage, and the library keeps those as
    lessons rather than dropping them."""

    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"
    STALLED = "stalled", "Stalled"


PARTNERSHIP_STATUS_DESCRIPTIONS = {
    PartnershipStatus.ACTIVE: "The partners are still working together, or the scheme they made is running.",
    PartnershipStatus.ENDED: "The partnership came to an end before the scheme was finished as planned.",
    PartnershipStatus.STALLED: "The partnership has not ended, but the scheme is not moving.",
}


class LocationBasis(models.TextChoices):
    """What a case study's coordinates mark. Most mark the centre of the place named, so
    nobody's front door is pinpointed; a programme across several places marks the
    centre of the whole area, which says nothing about any one neighbourhood."""

    PLACE_CENTRE = "place-centre", "Centre of the place named, not the homes"
    SITE = "site", "The site itself"
    AREA_CENTRE = "area-centre", "Centre of the wider area the scheme covers, not one neighbourhood"


class Tenure(models.TextChoices):
    SOCIAL_RENT = "social-rent", "Social rent"
    AFFORDABLE_RENT = "affordable-rent", "Affordable rent"
    INCOME_LINKED_RENT = "income-linked-rent", "Rent linked to local incomes"
    SHARED_OWNERSHIP = "shared-ownership", "Shared ownership"
    DISCOUNTED_SALE = "discounted-sale", "Discounted sale"
    MARKET = "market", "Market"
    OTHER = "other", "Other tenure"


# Which CaseStudy field holds the number of homes in each tenure.
TENURE_FIELDS = {
    Tenure.SOCIAL_RENT: "homes_social_rent",
    Tenure.AFFORDABLE_RENT: "homes_affordable_rent",
    Tenure.INCOME_LINKED_RENT: "homes_income_linked_rent",
    Tenure.SHARED_OWNERSHIP: "homes_shared_ownership",
    Tenure.DISCOUNTED_SALE: "homes_discounted_sale",
    Tenure.MARKET: "homes_market",
    Tenure.OTHER: "homes_other_tenure",
}


class DeprivationBand(models.TextChoices):
    """Bands of a case study's decile in its own nation's index (1 = the nation's most
    deprived 10%). A band taken across nations combines each nation's own deciles."""

    MOST_DEPRIVED_30 = "most-deprived-30", "Most deprived 30% of its nation's neighbourhoods"
    MIDDLE_40 = "middle-40", "Middle 40%"
    LEAST_DEPRIVED_30 = "least-deprived-30", "Least deprived 30%"
    NOT_RECORDED = "not-recorded", "Not recorded"


DEPRIVATION_BAND_DECILES = {
    DeprivationBand.MOST_DEPRIVED_30: (1, 2, 3),
    DeprivationBand.MIDDLE_40: (4, 5, 6, 7),
    DeprivationBand.LEAST_DEPRIVED_30: (8, 9, 10),
    DeprivationBand.NOT_RECORDED: (),
}


class ImdEdition(models.TextChoices):
    """Editions of the English index that `import_imd` reads from the official file."""

    IOD2019 = "2019", "English Indices of Deprivation 2019"
    IOD2025 = "2025", "English Indices of Deprivation 2025"


# The index a case study's decile comes from, by the key `casestudies.geography` uses (its
# catalogue is the one list of indices). Each nation ranks only its own neighbourhoods, so a
# decile means nothing without it.
DeprivationIndex = models.TextChoices(
    "DeprivationIndex",
    [(key.upper(), (key, index.name)) for key, index in geography.INDICES.items()],
)


# The index key of each edition import_imd reads.
IMPORTED_EDITION_INDEX = {
    ImdEdition.IOD2019: DeprivationIndex.IOD2019,
    ImdEdition.IOD2025: DeprivationIndex.IOD2025,
}


class OrganisationKind(models.TextChoices):
    HOUSING_ASSOCIATION = "housing-association", "Housing association"
    COMMUNITY_LAND_TRUST = "community-land-trust", "Community land trust"
    HOUSING_COOPERATIVE = "housing-cooperative", "Housing co-operative"
    COHOUSING_GROUP = "cohousing-group", "Cohousing group"
    DEVELOPMENT_TRUST = "development-trust", "Development trust"
    LOCAL_AUTHORITY = "local-authority", "Local authority"
    FUNDER = "funder", "Funder"
    ENABLER = "enabler", "Enabler or network"
    OTHER = "other", "Other"


# Kinds that count as the "community" side of a partnership.
COMMUNITY_KINDS = {
    OrganisationKind.COMMUNITY_LAND_TRUST,
    OrganisationKind.HOUSING_COOPERATIVE,
    OrganisationKind.COHOUSING_GROUP,
    OrganisationKind.DEVELOPMENT_TRUST,
}


class PartnerRole(models.TextChoices):
    COMMUNITY = "community", "Community partner"
    HOUSING_ASSOCIATION = "housing-association", "Housing association partner"
    LANDOWNER = "landowner", "Landowner"
    DEVELOPER = "developer", "Developer"
    MANAGER = "manager", "Manager"
    FUNDER = "funder", "Funder"
    ENABLER = "enabler", "Enabler"
    LOCAL_AUTHORITY = "local-authority", "Local authority"
    CONTRACTOR = "contractor", "Contractor"


class ImdBasis(models.TextChoices):
    """Where a case study's deprivation decile came from."""

    COORDINATES = "coordinates", "Neighbourhood from coordinates"
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood code entered"
    LOCAL_AUTHORITY = "local-authority", "Local-authority average"
    HAND = "hand", "Entered by hand"


class Framework(models.TextChoices):
    """Groups of indicators. Community wellbeing follows the "Communities" outcome of
    Scotland's National Performance Framework."""

    HOUSING = "housing-outputs", "Housing outputs"
    COMMUNITIES = "communities", "Community wellbeing"
    SOCIAL_VALUE = "social-value", "Social value"


class Aggregation(models.TextChoices):
    SUM = "sum", "Added up across case studies"
    AVERAGE = "average", "Averaged across case studies"
