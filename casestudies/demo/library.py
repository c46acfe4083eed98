"""The demo library: real partnerships, written afresh from researched facts.

Every figure here comes from the sources listed with it. Where the sources do not
give a value it is left empty rather than guessed, and where they disagree or do
not confirm something, `verification_notes` says so.

Coordinates mark the centre of the village, town or neighbourhood named, not the
homes themselves.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def when(year, month, day):
    return datetime(year, month, day, 9, 0, tzinfo=LONDON)


ORGANISATIONS = [
    # Stocksfield
    {
        "slug": "stocksfield-community-association",
        "name": "Stocksfield Community Association",
        "kind": "other",
        "region": "north-east",
        "description": "A charity that has run the village community centre in Stocksfield, Northumberland, since 1958. It wholly owns SCATA, its trading arm.",
    },
    {
        "slug": "scata",
        "name": "SCATA (Stocksfield Community Association Trading Arm)",
        "kind": "community-land-trust",
        "region": "north-east",
        "website": "https://www.scatacommunity.co.uk/",
        "description": "A company limited by guarantee, registered on 1 May 2012 and wholly owned by Stocksfield Community Association. It works as the village's community land trust and holds the freehold of the homes it helped create.",
    },
    {
        "slug": "karbon-homes",
        "name": "Karbon Homes",
        "kind": "housing-association",
        "region": "north-east",
        "description": "A housing association working across the North East and Yorkshire. Isos Housing, SCATA's partner in Stocksfield, became part of it.",
    },
    {
        "slug": "isos-housing",
        "name": "Isos Housing",
        "kind": "housing-association",
        "region": "north-east",
        "successor": "karbon-homes",
        "description": "A North East housing association that co-funded the Stocksfield homes and manages them on a long lease. It later became part of Karbon Homes.",
    },
    {
        "slug": "homes-and-communities-agency",
        "name": "Homes and Communities Agency",
        "kind": "funder",
        "description": "The national housing and regeneration agency for England at the time of these schemes, which paid capital grant and empty-homes funding.",
    },
    {
        "slug": "nb-clark",
        "name": "NB Clark",
        "kind": "other",
        "region": "north-east",
        "description": "The building contractor on the Stocksfield homes, named in the scheme's Best Partnership award.",
    },
    {
        "slug": "stocksfield-cricket-club",
        "name": "Stocksfield Cricket Club",
        "kind": "other",
        "region": "north-east",
        "description": "The village cricket club, which received £100,000 from the sale connected with the Guessburn site.",
    },
    # Tees Valley
    {
        "slug": "north-ormesby-development-trust",
        "name": "North Ormesby Development Trust",
        "kind": "development-trust",
        "region": "north-east",
        "description": "A neighbourhood development trust in North Ormesby, Middlesbrough, which set up a community land trust to own homes in its streets.",
    },
    {
        "slug": "accent-housing",
        "name": "Accent Housing",
        "kind": "housing-association",
        "region": "north-east",
        "description": "A housing association that owns about 90 homes in North Ormesby's streets and sold six empty ones to the neighbourhood's development trust.",
    },
    {
        "slug": "thirteen-group",
        "name": "Thirteen Group",
        "kind": "housing-association",
        "region": "north-east",
        "description": "A Tees Valley housing association that refurbished empty homes in North Ormesby under lease and worked with Hartlepool NDC Trust on a chapel conversion.",
    },
    {
        "slug": "north-ormesby-big-local",
        "name": "North Ormesby Big Local",
        "kind": "funder",
        "region": "north-east",
        "description": "The neighbourhood's Big Local programme, whose grant paid for the trust's purchase of six empty houses.",
    },
    {
        "slug": "middlesbrough-community-land-trust",
        "name": "Middlesbrough Community Land Trust",
        "kind": "community-land-trust",
        "region": "north-east",
        "description": "A community land trust founded in June 2011 as a company limited by guarantee, bringing homes and empty buildings in Gresham back into use.",
    },
    {
        "slug": "endeavour-housing",
        "name": "Endeavour Housing",
        "kind": "housing-association",
        "region": "north-east",
        "description": "A housing association that supported Middlesbrough Community Land Trust as partner and critical friend.",
    },
    {
        "slug": "middlesbrough-council",
        "name": "Middlesbrough Council",
        "kind": "local-authority",
        "region": "north-east",
        "description": "The local authority for Middlesbrough, which transferred three council homes to Middlesbrough Community Land Trust.",
    },
    {
        "slug": "hartlepool-ndc-trust",
        "name": "Hartlepool NDC Trust",
        "kind": "development-trust",
        "region": "north-east",
        "description": "A community regeneration trust in Hartlepool that worked with Thirteen Group to turn a derelict chapel into affordable flats.",
    },
    {
        "slug": "east-cleveland-youth-housing-trust",
        "name": "East Cleveland Youth Housing Trust (Community Campus)",
        "kind": "other",
        "region": "north-east",
        "description": "A self-help housing charity in Redcar and Cleveland, known as Community Campus, that works with young people.",
    },
    {
        "slug": "coast-and-country-housing",
        "name": "Coast & Country Housing",
        "kind": "housing-association",
        "region": "north-east",
        "description": "A Redcar and Cleveland housing association that partnered with East Cleveland Youth Housing Trust.",
    },
    # Birmingham
    {
        "slug": "housing-21",
        "name": "Housing 21",
        "kind": "housing-association",
        "description": "A housing association for older people, trialling cohousing for people over 60 in Birmingham.",
    },
    {
        "slug": "birmingham-city-council",
        "name": "Birmingham City Council",
        "kind": "local-authority",
        "region": "west-midlands",
        "description": "The local authority for Birmingham, Housing 21's partner on cohousing for older people at Lozells and Saltley.",
    },
    {
        "slug": "uk-cohousing-network",
        "name": "UK Cohousing Network",
        "kind": "enabler",
        "description": "The national network for cohousing groups.",
    },
    {
        "slug": "sheffield-hallam-university-cresr",
        "name": "Sheffield Hallam University (CRESR)",
        "kind": "other",
        "region": "yorkshire",
        "description": "The university's Centre for Regional Economic and Social Research, which evaluated the Lozells cohousing scheme.",
    },
    # South West
    {
        "slug": "norton-sub-hamdon-community-land-trust",
        "name": "Norton-sub-Hamdon Community Land Trust",
        "kind": "community-land-trust",
        "region": "south-west",
        "website": "https://nortonclt.btck.co.uk/",
        "description": "A village community land trust in Somerset that owns ten homes and later bought the village shop and post office.",
    },
    {
        "slug": "yarlington-housing-group",
        "name": "Yarlington Housing Group",
        "kind": "housing-association",
        "region": "south-west",
        "description": "A housing association that has partnered with several community land trusts in Somerset and Dorset, including through the Wessex CLT Project.",
    },
    {
        "slug": "lyme-regis-community-land-trust",
        "name": "Lyme Regis Community Land Trust",
        "kind": "community-land-trust",
        "region": "south-west",
        "description": "The community land trust behind the affordable homes at Garman's Field in Lyme Regis, Dorset.",
    },
    {
        "slug": "wessex-clt-project",
        "name": "Wessex CLT Project",
        "kind": "enabler",
        "region": "south-west",
        "description": "A regional programme that supports village community land trusts and pairs them with housing association partners.",
    },
    {
        "slug": "aster-group",
        "name": "Aster Group",
        "kind": "housing-association",
        "description": "A housing association partner of the Wessex CLT Project.",
    },
    {
        "slug": "hastoe-housing-association",
        "name": "Hastoe Housing Association",
        "kind": "housing-association",
        "description": "A housing association partner of the Wessex CLT Project.",
    },
    {
        "slug": "teign-housing",
        "name": "Teign Housing",
        "kind": "housing-association",
        "region": "south-west",
        "description": "A housing association partner of the Wessex CLT Project.",
    },
    {
        "slug": "alliance-homes",
        "name": "Alliance Homes",
        "kind": "housing-association",
        "region": "south-west",
        "description": "A housing association partner of the Wessex CLT Project.",
    },
    # North West and Yorkshire
    {
        "slug": "keswick-community-housing-trust",
        "name": "Keswick Community Housing Trust",
        "kind": "community-land-trust",
        "region": "north-west",
        "description": "A community housing trust in the Cumbrian market town of Keswick, working with Impact Housing Association.",
    },
    {
        "slug": "impact-housing-association",
        "name": "Impact Housing Association",
        "kind": "housing-association",
        "region": "north-west",
        "description": "A Cumbrian housing association, partner to Keswick Community Housing Trust.",
    },
    {
        "slug": "chapeltown-cohousing",
        "name": "Chapeltown Cohousing (ChaCo)",
        "kind": "cohousing-group",
        "region": "yorkshire",
        "description": "A cohousing group in Chapeltown, Leeds, building homes around a shared common house.",
    },
    {
        "slug": "unity-homes-and-enterprise",
        "name": "Unity Homes and Enterprise",
        "kind": "housing-association",
        "region": "yorkshire",
        "description": "A Leeds housing association that built flats for people over 55 alongside Chapeltown Cohousing.",
    },
]

THEMES = [
    ("affordable-homes-in-villages", "Affordable homes in villages", "Homes for people priced out of the places they grew up in or work in."),
    ("empty-homes", "Empty homes brought back", "Refurbishing empty or derelict homes rather than building new ones."),
    ("reusing-buildings", "Reusing old buildings and sites", "Derelict buildings, brownfield plots and converted shops or chapels."),
    ("asset-transfer", "Asset transfer", "Homes or land passed to a community organisation."),
    ("community-owned-assets", "Community-owned assets", "What the community owns beyond homes: shops, post offices, land."),
    ("homes-for-local-people", "Homes for local people", "Lettings that give priority to people with a local connection."),
    ("neighbourhood-regeneration", "Neighbourhood regeneration", "Partnerships in places that have lost out, turning streets around."),
    ("older-people", "Older people", "Homes designed with and for people in later life."),
    ("young-people", "Young people", "Housing and skills for young people."),
    ("shared-living", "Shared spaces and mutual support", "Cohousing and common houses: neighbours who know and help each other."),
    ("self-build", "Self-build", "Plots and homes people build for themselves."),
]

SCATA_SOURCES = [
    {"title": "About us", "publisher": "SCATA", "url": "https://www.scatacommunity.co.uk/about-us"},
    {
        "title": "SCATA (Stocksfield Community Association Trading Arm), Northumberland",
        "publisher": "Community Led Homes",
        "url": "https://www.communityledhomes.org.uk/",
        "note": "Case study page on the Community Led Homes website.",
    },
    {
        "title": "Community-led partnership with housing association: SCATA and Karbon Homes, Northumberland",
        "publisher": "Community Led Homes",
        "url": "https://www.communityledhomes.org.uk/",
        "note": "Case study page on the Community Led Homes website.",
    },
    {
        "title": "Stocksfield community-owned homes win national housing award",
        "publisher": "NE Connected",
        "url": "https://neconnected.co.uk/",
    },
    {
        "title": "Northumberland housing model",
        "publisher": "The Journal",
        "url": "https://www.thejournal.co.uk/",
        "note": "Press report at the unveiling; gives six homes where other sources give seven.",
    },
]

CASE_STUDIES = [
    {
        "slug": "stocksfield-scata-isos-housing",
        "title": "SCATA and Isos Housing: community-owned rented homes in Stocksfield",
        "published_at": when(2026, 10, 5),
        "featured": True,
        "summary": (
            "The trading arm of Stocksfield's community association kept the freehold of two small brownfield "
            "sites in this Northumberland village, while Isos Housing (now part of Karbon Homes) co-funded seven "
            "affordable rented homes and manages them on a long lease. They were the first affordable homes built "
            "in the village for 25 to 30 years."
        ),
        "body": """
## How it started

Stocksfield is a commuter village in the Tyne Valley, 13 to 15 miles west of Newcastle. The idea of
homes that local people could afford first appeared in the Broomley & Stocksfield Parish Plan of 2009.
A steering group met for the first time on 21 March 2011, and a survey of housing need followed in 2012.

To hold land and sign contracts, Stocksfield Community Association, the charity that has run the village
community centre since 1958, set up a trading arm: SCATA, a company limited by guarantee registered on
1 May 2012. SCATA works as the village's community land trust.

## Two sites nobody wanted

The homes stand on two brownfield plots: Guessburn, where a former snooker club had fallen derelict, and
Branch End, the site of a disused public toilet. Together they hold seven homes, four flats and three
bungalows, finished in July 2015.

## Who does what

SCATA keeps the freehold, so the land stays in the village's hands for good. Isos Housing put money into
the build and manages the homes on a long lease, bringing the lettings and maintenance skills a volunteer
board could not provide. The Homes and Communities Agency paid a capital grant of £364,000 towards a total
cost of £930,000.

Rents are set at 80% of the market rate. A local lettings plan gives priority to people with a connection
to the parish, and homes are let through Northumberland Homefinder.

## What it left behind

Beyond the homes, £100,000 from the sale connected with the Guessburn site went to Stocksfield Cricket
Club. The scheme won the Best Partnership category of the National Housing Awards, shared with the
contractor NB Clark.
""",
        "key_messages": (
            "Small, awkward brownfield plots can carry a village's first affordable homes in a generation.\n"
            "The community keeps the land; the housing association brings money and management.\n"
            "A trading arm lets an established village charity take on property without risking its centre."
        ),
        "target_audience": "People with a connection to the parish, through a local lettings plan",
        "verification_notes": (
            "One press report at the unveiling speaks of six homes; the other sources give seven (four flats "
            "and three bungalows)."
        ),
        "place_name": "Stocksfield",
        "local_authority_name": "Northumberland",
        "local_authority_code": "E06000057",
        "region": "north-east",
        "latitude": "54.947000",
        "longitude": "-1.906000",
        "setting": "rural-village",
        "community_model": "clt",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "SCATA keeps the freehold; Isos Housing co-funded the build and manages the homes on a long lease.",
        "delivery": "new-build",
        "homes_built": 7,
        "homes_affordable_rent": 7,
        "stage": "live",
        "year_started": 2011,
        "year_completed": 2015,
        "capital_cost": 930000,
        "grant_funding": 364000,
        "revenue_funding": 5300,
        "funders": "Homes and Communities Agency capital grant (£364,000); Isos Housing",
        "themes": ["affordable-homes-in-villages", "reusing-buildings", "homes-for-local-people"],
        "partners": [
            ("scata", "community", "Holds the freehold of both sites"),
            ("isos-housing", "housing-association", "Co-funded the build; manages the homes on a long lease"),
            ("stocksfield-community-association", "community", "Owns SCATA; runs the village community centre"),
            ("homes-and-communities-agency", "funder", "Capital grant of £364,000"),
            ("nb-clark", "contractor", "Built the homes"),
        ],
        "sources": SCATA_SOURCES,
    },
    {
        "slug": "north-ormesby-empty-homes",
        "title": "North Ormesby: six empty terraced houses back in community hands",
        "published_at": when(2026, 10, 6),
        "featured": True,
        "summary": (
            "In North Ormesby, Middlesbrough, the neighbourhood's development trust set up a community land trust "
            "and bought six empty terraced houses from Accent Housing for about half their open-market value. "
            "Thirteen refurbished them with empty-homes money and leases them for five years, after which they "
            "return to the trust."
        ),
        "body": """
## Empty houses in a street of homes

Accent Housing owns about 90 homes in North Ormesby's streets. Six of its terraced houses stood empty.
Rather than sell them on the open market, Accent sold them to North Ormesby Development Trust, which
formed a community land trust to own them.

## The price and who paid

The trust paid about £13,000 a house against an open-market value of about £25,000. The money came as a
grant from North Ormesby Big Local, so the purchase left the trust with no debt.

## Lease and repair

Thirteen Group took the houses on a five-year lease and refurbished them using the Homes and Communities
Agency's Empty Homes "lease and repair" funding, about £24,500 a home. When the lease ends the houses go
back to the trust, repaired and lettable, as assets the neighbourhood owns.

## Why it matters

None of this adds to the national count of new homes. What it does is bring empty houses back into use in
a street that needed them, and leave ownership with the people who live there. It is one of a cluster of
community-led schemes in the Tees Valley, an area where such partnerships are otherwise rare.
""",
        "key_messages": (
            "Refurbishing empty homes can matter as much to a neighbourhood as building new ones.\n"
            "A housing association can sell below market value to a community trust as part of its wider role.\n"
            "A fixed-term lease lets a housing association fund repairs and hand back a finished asset."
        ),
        "verification_notes": "The prices and the refurbishment funding per home are given as approximate figures in the sources.",
        "place_name": "North Ormesby",
        "local_authority_name": "Middlesbrough",
        "local_authority_code": "E06000002",
        "region": "north-east",
        "latitude": "54.570500",
        "longitude": "-1.217500",
        "setting": "urban",
        "community_model": "clt",
        "partnership_arrangement": "lease-and-repair",
        "arrangement_detail": "The trust owns the houses; Thirteen leases them for five years to refurbish and let them, then hands them back.",
        "delivery": "refurbishment",
        "homes_refurbished": 6,
        "stage": "live",
        "funders": "North Ormesby Big Local grant (purchase); Homes and Communities Agency Empty Homes lease and repair funding (about £24,500 a home)",
        "themes": ["empty-homes", "neighbourhood-regeneration", "community-owned-assets"],
        "partners": [
            ("north-ormesby-development-trust", "community", "Formed a community land trust and bought the houses"),
            ("accent-housing", "housing-association", "Sold six empty terraced houses below open-market value"),
            ("thirteen-group", "manager", "Refurbished the houses and holds them on a five-year lease"),
            ("north-ormesby-big-local", "funder", "Grant that paid for the purchase"),
            ("homes-and-communities-agency", "funder", "Empty Homes lease and repair funding"),
        ],
        "sources": [
            {
                "title": "Accent Housing Foundation / North Ormesby Development Trust",
                "publisher": "Community Led Homes",
                "url": "https://www.communityledhomes.org.uk/",
                "note": "Case study page on the Community Led Homes website.",
            },
            {
                "title": "North Ormesby Development Trust working in partnership with a housing association",
                "publisher": "My Community",
                "url": "https://mycommunity.org.uk/",
                "note": "Case study page on the My Community website.",
            },
        ],
    },
    {
        "slug": "middlesbrough-clt-gresham",
        "title": "Middlesbrough Community Land Trust: council homes and empty shops in Gresham",
        "published_at": when(2026, 10, 7),
        "summary": (
            "Middlesbrough Community Land Trust took on three council homes at nil value in 2012 and had five "
            "homes in Gresham, with two shops being converted into four one-bedroom flats. Endeavour Housing "
            "stood beside it as partner and critical friend."
        ),
        "body": """
## A trust for a neighbourhood

Middlesbrough Community Land Trust was founded in June 2011 as a company limited by guarantee, to bring
homes in Gresham back into use under community ownership.

## Homes transferred, not bought

In 2012 three council homes passed to the trust at nil value. With those, the trust had five homes in all.
Two empty shops were being converted into four one-bedroom flats, and the trust had plans for fifteen more
refurbishments and new build of four flats and ten houses.

## A critical friend

Endeavour Housing acted as the trust's partner and critical friend: not taking over, but lending the
experience of a landlord to a young organisation. The trust's work was recognised with a TPAS award in 2013.
""",
        "key_messages": (
            "Transfers at nil value let a council put empty homes to use through a community trust.\n"
            "A housing association can help as a critical friend without owning the homes.\n"
            "Converting empty shops adds small homes without new land."
        ),
        "verification_notes": (
            "The further refurbishments and the new build of four flats and ten houses were plans when the "
            "sources were written; whether they were delivered is not confirmed."
        ),
        "place_name": "Gresham, Middlesbrough",
        "local_authority_name": "Middlesbrough",
        "local_authority_code": "E06000002",
        "region": "north-east",
        "latitude": "54.568500",
        "longitude": "-1.243000",
        "setting": "urban",
        "community_model": "clt",
        "partnership_arrangement": "asset-transfer",
        "arrangement_detail": "Council homes transferred to the trust at nil value; Endeavour Housing advises and supports.",
        "delivery": "refurbishment",
        "homes_refurbished": 5,
        "stage": "live",
        "year_started": 2011,
        "themes": ["asset-transfer", "empty-homes", "reusing-buildings", "neighbourhood-regeneration"],
        "partners": [
            ("middlesbrough-community-land-trust", "community", "Owns and lets the homes"),
            ("endeavour-housing", "housing-association", "Partner and critical friend"),
            ("middlesbrough-council", "local-authority", "Transferred three homes at nil value in 2012"),
        ],
        "sources": [
            {
                "title": "Middlesbrough CLT asset transfer",
                "publisher": "Self Help Housing",
                "url": "https://self-help-housing.org/",
            },
            {
                "title": "Urban CLTs: Middlesbrough CLT",
                "publisher": "National Community Land Trust Network",
                "url": "https://www.communitylandtrusts.org.uk/",
            },
        ],
    },
    {
        "slug": "norton-sub-hamdon-clt-yarlington",
        "title": "Norton-sub-Hamdon: ten village homes on a 125-year lease",
        "published_at": when(2026, 10, 8),
        "summary": (
            "Ten new homes in the Somerset village of Norton-sub-Hamdon, eight at affordable rent and two in "
            "shared ownership, leased by the community land trust to Yarlington Housing Group for 125 years. "
            "People moved in in October 2014, and the trust went on to buy the village shop and post office."
        ),
        "body": """
## The homes

Ten new homes were built for the village: eight let at affordable rent and two sold in shared ownership.
Their first residents moved in in October 2014.

## The lease

Norton-sub-Hamdon Community Land Trust owns the homes and leases them to Yarlington Housing Group for 125
years, for a ground rent of £2,080 a year. Yarlington lets and looks after the homes; the trust keeps the
long-term interest and a steady income.

## What came next

Housing was a beginning. With the homes done, the trust bought the village shop and post office, keeping
both open for the village.
""",
        "key_messages": (
            "A long lease gives the housing association security and the trust a lasting income.\n"
            "A mix of affordable rent and shared ownership can fit in a scheme of ten homes.\n"
            "A trust that starts with homes can go on to save other village services."
        ),
        "place_name": "Norton-sub-Hamdon",
        "local_authority_name": "Somerset",
        "region": "south-west",
        "latitude": "50.939500",
        "longitude": "-2.756000",
        "setting": "rural-village",
        "community_model": "clt",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "The trust leases the homes to Yarlington for 125 years at a ground rent of £2,080 a year.",
        "delivery": "new-build",
        "homes_built": 10,
        "homes_affordable_rent": 8,
        "homes_shared_ownership": 2,
        "stage": "live",
        "year_completed": 2014,
        "themes": ["affordable-homes-in-villages", "community-owned-assets"],
        "partners": [
            ("norton-sub-hamdon-community-land-trust", "community", "Owns the homes; later bought the village shop and post office"),
            ("yarlington-housing-group", "housing-association", "Holds a 125-year lease; lets and manages the homes"),
        ],
        "sources": [
            {
                "title": "Blog post on Norton-sub-Hamdon Community Land Trust",
                "publisher": "smaller.housing.org.uk",
                "url": "https://smaller.housing.org.uk/",
            },
            {
                "title": "Norton-sub-Hamdon CLT website",
                "publisher": "Norton-sub-Hamdon Community Land Trust",
                "url": "https://nortonclt.btck.co.uk/",
            },
        ],
    },
    {
        "slug": "lyme-regis-garmans-field",
        "title": "Lyme Regis: affordable rented homes at Garman's Field",
        "published_at": when(2026, 10, 9),
        "summary": (
            "Fifteen affordable rented homes at Garman's Field in Lyme Regis, Dorset, from a partnership between "
            "Lyme Regis Community Land Trust and Yarlington Housing Group."
        ),
        "body": """
## The scheme

Lyme Regis Community Land Trust worked with Yarlington Housing Group to provide fifteen homes at Garman's
Field, all let at affordable rent.

## A partner across the region

Yarlington has worked with several community land trusts in Somerset and Dorset, among them
Norton-sub-Hamdon, and is one of the housing association partners of the Wessex CLT Project.
""",
        "key_messages": "One housing association partner can carry lessons from village to village.",
        "verification_notes": (
            "The source gives the number and tenure of the homes but not whether they were newly built, how the "
            "partnership was arranged, or when the homes were finished."
        ),
        "place_name": "Lyme Regis",
        "local_authority_name": "Dorset",
        "region": "south-west",
        "latitude": "50.725300",
        "longitude": "-2.936600",
        "setting": "coastal",
        "community_model": "clt",
        "homes_affordable_rent": 15,
        "themes": [],
        "partners": [
            ("lyme-regis-community-land-trust", "community", ""),
            ("yarlington-housing-group", "housing-association", ""),
        ],
        "sources": [
            {
                "title": "Garman's Field, Lyme Regis",
                "publisher": "Placemaking Resource",
                "url": "https://www.placemakingresource.com/",
            },
        ],
    },
    {
        "slug": "keswick-community-housing-trust-impact",
        "title": "Keswick Community Housing Trust and Impact Housing Association",
        "published_at": when(2026, 10, 10),
        "summary": (
            "In the Lake District town of Keswick, a community housing trust and Impact Housing Association have "
            "worked together on eleven homes at The Hopes in 2013, four flats made by conversion, and twenty-two "
            "homes at Calvert Way that were under construction when last reported."
        ),
        "body": """
## One partnership, several schemes

Keswick Community Housing Trust has worked with Impact Housing Association on more than one scheme in
the town:

- **The Hopes**: eleven homes, in 2013.
- **Converted flats**: four flats made from an existing building.
- **Calvert Way**: twenty-two homes, under construction when the source was written.

## Growing step by step

Each scheme builds on the last: a trust that has delivered once is better placed to find the next site and
persuade funders, and a housing association partner that knows the trust can commit earlier.
""",
        "key_messages": (
            "A lasting partnership can deliver several schemes in one town.\n"
            "Conversions add homes alongside new build."
        ),
        "verification_notes": (
            "The source does not say how the eleven homes at The Hopes were delivered; they are counted here as "
            "new build. The twenty-two homes at Calvert Way were under construction at the source's date and are "
            "not counted in the totals."
        ),
        "place_name": "Keswick",
        "region": "north-west",
        "latitude": "54.601300",
        "longitude": "-3.134700",
        "setting": "market-town",
        "community_model": "clt",
        "delivery": "mixed",
        "homes_built": 11,
        "homes_refurbished": 4,
        "stage": "build",
        "themes": ["reusing-buildings"],
        "partners": [
            ("keswick-community-housing-trust", "community", ""),
            ("impact-housing-association", "housing-association", ""),
        ],
        "sources": [
            {
                "title": "Keswick Community Housing Trust",
                "publisher": "Community Housing Project Development",
                "url": "https://communityhousingprojectdevelopment.uk/",
            },
        ],
    },
    {
        "slug": "chapeltown-cohousing-unity-homes",
        "title": "Chapeltown Cohousing and Unity Homes and Enterprise, Leeds",
        "published_at": when(2026, 10, 12),
        "featured": True,
        "summary": (
            "A £9.3m development of 63 homes in Chapeltown, Leeds, shared between a cohousing group and a housing "
            "association: Unity Homes and Enterprise built 30 flats for people over 55, and Chapeltown Cohousing "
            "(ChaCo) 29 homes, a common house and three self-build plots."
        ),
        "body": """
## Two organisations, one site

Chapeltown Cohousing (ChaCo) and Unity Homes and Enterprise share a development of 63 homes costing
£9.3m. Unity built 30 flats for people over 55. ChaCo's part is 29 homes, a common house and three
self-build plots.

## Why cohousing

In cohousing, residents design and run their community together: private homes, with shared space such as
a common house where neighbours cook, meet and help each other. Sharing a site with a housing association
scheme for older people puts that neighbourliness next door to people who might otherwise live alone.
""",
        "key_messages": (
            "A cohousing group and a housing association can share one site, each building what it does best.\n"
            "A common house gives neighbours somewhere to meet."
        ),
        "verification_notes": (
            "The source's parts, 30 flats, 29 homes and 3 self-build plots, add up to 62, one fewer than the 63 "
            "homes it gives in all. Tenures and dates are not given."
        ),
        "place_name": "Chapeltown",
        "local_authority_name": "Leeds",
        "region": "yorkshire",
        "latitude": "53.819500",
        "longitude": "-1.530500",
        "setting": "urban",
        "community_model": "cohousing",
        "arrangement_detail": "Unity built 30 flats for people over 55; ChaCo's part is 29 homes, a common house and 3 self-build plots.",
        "delivery": "new-build",
        "homes_built": 63,
        "capital_cost": 9300000,
        "themes": ["shared-living", "older-people", "self-build"],
        "partners": [
            ("chapeltown-cohousing", "community", "29 homes, a common house and three self-build plots"),
            ("unity-homes-and-enterprise", "housing-association", "Built 30 flats for people over 55"),
        ],
        "sources": [
            {
                "title": "Chapeltown Cohousing",
                "publisher": "Vanbar Associates",
                "url": "https://www.vanbarassociates.com/",
            },
        ],
    },
    {
        "slug": "housing-21-lozells-cohousing",
        "title": "Housing 21: affordable rented cohousing for older people at Chain Walk, Lozells",
        "published_at": when(2026, 10, 13),
        "summary": (
            "Housing 21 and Birmingham City Council have created cohousing for people over 60 at Chain Walk in "
            "Lozells, about 25 homes. Sheffield Hallam University's CRESR evaluated it as affordable rented "
            "cohousing for minoritised older people."
        ),
        "body": """
## Cohousing in later life

At Chain Walk in Lozells, Birmingham, Housing 21 and Birmingham City Council have made about 25 homes for
people over 60, run on cohousing lines: residents shape how they live together and support one another.

## Evaluated

Researchers at Sheffield Hallam University's Centre for Regional Economic and Social Research (CRESR)
evaluated the scheme as affordable rented cohousing for minoritised older people, a group that cohousing,
often owner-occupied, has rarely reached.

## A pair of schemes

A second scheme of about the same size, at Washwood Heath Road in Saltley, follows the same approach.
""",
        "key_messages": (
            "Cohousing need not be for owner-occupiers only: it can be let at affordable rents.\n"
            "Older people from minoritised communities can be at the heart of a cohousing scheme."
        ),
        "verification_notes": (
            "The sources give about 25 homes. The UK Cohousing Network's part is named in one article but not "
            "confirmed elsewhere."
        ),
        "target_audience": "People over 60",
        "place_name": "Lozells (Chain Walk)",
        "local_authority_name": "Birmingham",
        "region": "west-midlands",
        "latitude": "52.497500",
        "longitude": "-1.903000",
        "setting": "urban",
        "community_model": "cohousing",
        "themes": ["older-people", "shared-living"],
        "partners": [
            ("housing-21", "housing-association", "Developed and lets the homes"),
            ("birmingham-city-council", "local-authority", "Partner on the scheme"),
            ("uk-cohousing-network", "enabler", "Named as supporting the trial in one account (unconfirmed)"),
        ],
        "sources": [
            {
                "title": "Housing 21 cohousing for older people in Birmingham",
                "publisher": "Building Construction Design",
                "url": "https://www.buildingconstructiondesign.co.uk/",
            },
            {
                "title": "Evaluation of affordable rented cohousing at Lozells",
                "publisher": "Housing LIN",
                "url": "https://www.housinglin.org.uk/",
                "note": "Reports the Sheffield Hallam University (CRESR) evaluation.",
            },
        ],
    },
    {
        "slug": "housing-21-saltley-cohousing",
        "title": "Housing 21: cohousing for older people on Washwood Heath Road, Saltley",
        "published_at": when(2026, 10, 14),
        "summary": (
            "The second of Housing 21's Birmingham cohousing schemes for people over 60, made with Birmingham City "
            "Council: about 25 homes on Washwood Heath Road in Saltley."
        ),
        "body": """
## The scheme

On Washwood Heath Road in Saltley, Housing 21 and Birmingham City Council have made about 25 homes for
people over 60 on cohousing lines, the partner scheme to Chain Walk in Lozells.

## Learning from the first

The two schemes together test whether cohousing for older people can work at affordable rents in
Birmingham's inner neighbourhoods.
""",
        "key_messages": "Two schemes in one city let a housing association test an approach and learn from both.",
        "verification_notes": (
            "The sources give about 25 homes. The UK Cohousing Network's part is named in one article but not "
            "confirmed elsewhere."
        ),
        "target_audience": "People over 60",
        "place_name": "Saltley (Washwood Heath Road)",
        "local_authority_name": "Birmingham",
        "region": "west-midlands",
        "latitude": "52.490000",
        "longitude": "-1.856000",
        "setting": "urban",
        "community_model": "cohousing",
        "themes": ["older-people", "shared-living"],
        "partners": [
            ("housing-21", "housing-association", "Developed and lets the homes"),
            ("birmingham-city-council", "local-authority", "Partner on the scheme"),
        ],
        "sources": [
            {
                "title": "Housing 21 cohousing for older people in Birmingham",
                "publisher": "Building Construction Design",
                "url": "https://www.buildingconstructiondesign.co.uk/",
            },
            {
                "title": "Housing 21 cohousing schemes in Birmingham",
                "publisher": "Housing LIN",
                "url": "https://www.housinglin.org.uk/",
            },
        ],
    },
    {
        "slug": "hartlepool-ndc-trust-chapel-conversion",
        "title": "Hartlepool NDC Trust and Thirteen: a derelict chapel made into flats",
        "published_at": when(2026, 10, 15),
        "summary": (
            "In Hartlepool, the NDC Trust worked with Thirteen Group to convert a derelict chapel into affordable "
            "flats: one of a cluster of community-led partnerships in the Tees Valley."
        ),
        "body": """
## From chapel to homes

A chapel in Hartlepool had fallen derelict. Hartlepool NDC Trust, a community regeneration trust, and
Thirteen Group, the Tees Valley housing association, converted it into affordable flats.

## Part of a Tees Valley pattern

Community-led partnerships with housing associations are uncommon in places that have lost out
economically. The Tees Valley is an exception, with schemes in Hartlepool, Middlesbrough and East
Cleveland.
""",
        "key_messages": "A derelict landmark can become homes and stop dragging a street down.",
        "verification_notes": "The number of flats is not given in the source found.",
        "place_name": "Hartlepool",
        "local_authority_name": "Hartlepool",
        "local_authority_code": "E06000001",
        "region": "north-east",
        "latitude": "54.686500",
        "longitude": "-1.212500",
        "setting": "urban",
        "community_model": "development-trust",
        "delivery": "conversion",
        "themes": ["reusing-buildings", "neighbourhood-regeneration"],
        "partners": [
            ("hartlepool-ndc-trust", "community", "Community partner"),
            ("thirteen-group", "housing-association", "Housing association partner"),
        ],
        "sources": [
            {"title": "Hartlepool NDC Trust chapel conversion", "publisher": "chtv.co.uk", "url": "https://www.chtv.co.uk/"},
        ],
    },
    {
        "slug": "east-cleveland-youth-housing-trust",
        "title": "East Cleveland Youth Housing Trust and Coast & Country Housing",
        "published_at": when(2026, 10, 16),
        "summary": (
            "East Cleveland Youth Housing Trust, known as Community Campus, worked with Coast & Country Housing in "
            "Redcar and Cleveland, backed by £250,000 of Temporary Social Housing Grant from the Homes and "
            "Communities Agency."
        ),
        "body": """
## Self-help housing with young people

East Cleveland Youth Housing Trust, which works as Community Campus, is a self-help housing charity: it
involves young people in making homes fit to live in.

## The partnership

Coast & Country Housing, the local housing association, was its partner. The Homes and Communities Agency
put £250,000 of Temporary Social Housing Grant into the work.
""",
        "key_messages": "Self-help housing can give young people homes and skills together.",
        "verification_notes": "The number of homes is not given in the source found.",
        "place_name": "East Cleveland",
        "local_authority_name": "Redcar and Cleveland",
        "local_authority_code": "E06000003",
        "region": "north-east",
        "latitude": "54.568000",
        "longitude": "-0.937000",
        "community_model": "self-help",
        "grant_funding": 250000,
        "funders": "Homes and Communities Agency Temporary Social Housing Grant (£250,000)",
        "themes": ["young-people", "neighbourhood-regeneration"],
        "partners": [
            ("east-cleveland-youth-housing-trust", "community", "Self-help housing charity working with young people"),
            ("coast-and-country-housing", "housing-association", "Housing association partner"),
            ("homes-and-communities-agency", "funder", "Temporary Social Housing Grant of £250,000"),
        ],
        "sources": [
            {
                "title": "East Cleveland Youth Housing Trust (Community Campus)",
                "publisher": "Self Help Housing",
                "url": "https://self-help-housing.org/",
            },
        ],
    },
    {
        "slug": "wessex-clt-project",
        "title": "The Wessex CLT Project: community land trusts with five housing association partners",
        "published_at": when(2026, 10, 19),
        "summary": (
            "A regional programme pairing community land trusts with housing associations: Aster, Hastoe, "
            "Yarlington, Teign and Alliance. Trusts hold the land and lease the homes to the housing association "
            "for 125 years, with the right to buy the lease out later."
        ),
        "body": """
## A model, repeated

The Wessex CLT Project supports community land trusts and matches each with a housing association
partner. Five housing associations take part: Aster, Hastoe, Yarlington, Teign and Alliance.

## How the lease works

The trust holds the land. The housing association builds or funds the homes and holds them on a 125-year
lease, letting and managing them. The trust can buy the lease out later, taking full control once it is
ready and able to.

## Why a programme helps

A single trust does this once; a programme does it many times. Standard agreements, and housing
associations that already know the model, spare each community from starting from nothing.
""",
        "key_messages": (
            "A regional programme lets each trust learn from the last.\n"
            "A buy-out right lets a trust take full control when it is ready."
        ),
        "place_name": "Wessex (south-west England)",
        "region": "south-west",
        "community_model": "clt",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "Trusts hold the land; housing associations hold a 125-year lease that the trust can buy out later.",
        "themes": ["affordable-homes-in-villages"],
        "partners": [
            ("wessex-clt-project", "enabler", "Supports the trusts and pairs them with partners"),
            ("aster-group", "housing-association", ""),
            ("hastoe-housing-association", "housing-association", ""),
            ("yarlington-housing-group", "housing-association", ""),
            ("teign-housing", "housing-association", ""),
            ("alliance-homes", "housing-association", ""),
        ],
        "sources": [
            {"title": "Wessex CLT Project", "publisher": "Community Led Homes", "url": "https://www.communityledhomes.org.uk/"},
        ],
    },
]


# Outcomes the researched facts support, and nothing more. The facts are not tied to
# one source each, so every outcome points the reader at the case study's sources.
FROM_SOURCES = "As reported in this case study's sources"
OUTCOMES = {
    "stocksfield-scata-isos-housing": [
        ("homes-built", 7, 2015, ""),
        ("years-since-affordable-homes", 25, 2015, "The first affordable homes in the village for 25 to 30 years."),
        ("community-owned-assets", 2, 2015, "The freeholds of the Guessburn and Branch End sites."),
        ("money-for-local-causes", 100000, None, "From the Guessburn sale, to Stocksfield Cricket Club."),
    ],
    "north-ormesby-empty-homes": [
        ("homes-refurbished", 6, None, ""),
        ("empty-homes-back-in-use", 6, None, "Six vacant terraced houses bought from Accent Housing."),
        ("community-owned-assets", 6, None, "The six houses, owned by the trust's community land trust."),
    ],
    "middlesbrough-clt-gresham": [
        ("community-owned-assets", 5, 2012, "Five homes, three of them council homes transferred at nil value."),
    ],
    "norton-sub-hamdon-clt-yarlington": [
        ("homes-built", 10, 2014, ""),
        ("community-owned-assets", 1, None, "The village shop and post office, bought after the homes."),
    ],
    "keswick-community-housing-trust-impact": [
        ("homes-built", 11, 2013, "At The Hopes."),
        ("homes-refurbished", 4, None, "Flats made by conversion."),
    ],
    "chapeltown-cohousing-unity-homes": [
        ("homes-built", 63, None, "63 homes in all, as the source gives."),
        ("shared-spaces", 1, None, "ChaCo's common house."),
    ],
}
