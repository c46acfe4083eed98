"""Demo case studies in Yorkshire and the Midlands: Leeds, Birmingham and Leicester."""

from casestudies.demo.library._common import outcome, source, when

HOUSING_21_BCD = source(
    "bcd",
    "Housing 21 cohousing for older people in Birmingham",
    "Building Construction Design",
    "https://www.buildingconstructiondesign.co.uk/",
    "press",
    "The two schemes, about 25 homes each, and the partners.",
)
HOUSING_21_NEWS = source(
    "housing-21",
    "Birmingham's cohousing scheme with a double meaning",
    "Housing 21",
    "https://www.housing21.org.uk/about-us/our-news/birmingham-s-cohousing-scheme-with-a-double-meaning/",
    "own-account",
    "14 March 2024: Rupali Court, its builder, its flats and shared rooms, and that it is the first cohousing Housing 21 has built.",
)

CASE_STUDIES = [
    {
        "slug": "chapeltown-cohousing-unity-homes",
        "title": "Chapeltown Cohousing and Unity Homes and Enterprise, Leeds",
        "published_at": when(2026, 10, 12),
        "featured": True,
        "summary": (
            "A £9.3m development of 63 homes at Leopold Park in Chapeltown, Leeds, on a former council site, shared "
            "between a cohousing group and a housing association: Unity Homes and Enterprise's 30 flats for people "
            "over 55, and Chapeltown Cohousing's own homes around a common house, with room for self-builders."
        ),
        "body": """
## Two organisations, one site

Chapeltown Cohousing (ChaCo) and Unity Homes and Enterprise share a development of 63 homes at Leopold
Park, on land the council used to own. Unity built 30 flats for people over 55. ChaCo's part is 29 homes,
a common house and plots for self-builders.

## Paying for it

The whole scheme costs £9.3m. Homes England gave a grant of £1.4m and a further £1.34m through the
Housing Infrastructure Fund. Private loans and ChaCo members' own savings make up the difference. The homes were due
to be finished by March 2021.

## Why cohousing

In cohousing, residents design and run their community together: private homes, with shared space such as
a common house where neighbours cook, meet and help each other. Sharing a site with a housing association
scheme for older people puts that neighbourliness next door to people who might otherwise live alone.
""",
        "key_messages": (
            "A cohousing group and a housing association can share one site, each building what it does best.\n"
            "Members' savings, grant and private loans can be combined in one scheme.\n"
            "A common house gives neighbours somewhere to meet."
        ),
        "verification_notes": (
            "The sources disagree on the self-build plots: one gives three, a later one space for four.\n"
            "The parts one source gives (30 flats, 29 homes and 3 self-build plots) add up to 62, one fewer than "
            "the 63 homes it gives in all.\n"
            "The homes were due to be finished by March 2021; the sources found do not confirm that they were, so "
            "the stage shown is building. Tenures are not given."
        ),
        "place_name": "Chapeltown",
        "local_authority_name": "Leeds",
        "local_authority_code": "E08000035",
        "region": "yorkshire",
        "latitude": "53.8190",
        "longitude": "-1.5330",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "cohousing",
        "arrangement_detail": "Unity built 30 flats for people over 55; ChaCo's part is 29 homes, a common house and self-build plots.",
        "delivery": "new-build",
        "homes_built": 63,
        "stage": "build",
        "capital_cost": 9300000,
        "grant_funding": 1400000,
        "funders": "Homes England grant (£1.4m) and Housing Infrastructure Fund (£1.34m); private finance; members' savings",
        "themes": ["shared-living", "older-people", "self-build"],
        "illustration": {"building": "cohousing", "material": "timber"},
        "partners": [
            ("chapeltown-cohousing", "community", "29 homes, a common house and self-build plots"),
            (
                "unity-homes-and-enterprise",
                "housing-association",
                "Built 30 flats for people over 55",
            ),
            (
                "homes-england",
                "funder",
                "£1.4m grant and £1.34m from the Housing Infrastructure Fund",
            ),
        ],
        "sources": [
            source(
                "vanbar",
                "Chapeltown Cohousing",
                "Vanbar Associates",
                "https://www.vanbarassociates.com/",
                "press",
                "The 63 homes, the cost and each partner's part (three self-build plots).",
            ),
            source(
                "businessdesk",
                "Work begins on £9.3m community-led housing development",
                "TheBusinessDesk.com",
                "https://www.thebusinessdesk.com/yorkshire/news/2041466-work-begins-on-9.3m-community-led-housing-development",
                "press",
                "Leopold Park, the former council site, the funding, the due date and space for four self-build homes.",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "housing-21-lozells-cohousing",
        "title": "Housing 21: Rupali Court, affordable rented cohousing for older people in Lozells",
        "published_at": when(2026, 10, 13),
        "summary": (
            "Rupali Court, on Chain Walk near Six Ways in Lozells, Birmingham, is Housing 21's first cohousing "
            "scheme, made with Birmingham City Council: 25 one- and two-bedroom flats for people over 60, with a "
            "shared lounge and kitchen, a multi-faith room and an allotment. Building began in March 2024."
        ),
        "body": """
## Cohousing in later life

Housing 21 and Birmingham City Council are making cohousing for people over 60: homes of their own, in a
community whose residents shape how they live together and support one another. Housing 21 says it is
building its cohousing in some of the West Midlands' most deprived areas.

## Rupali Court

The first scheme is Rupali Court, on Chain Walk near Six Ways in Lozells. Deeley Construction began work in
March 2024 on 25 one- and two-bedroom flats, with a lounge and kitchen for everyone, a multi-faith room and
an allotment. Legacy West Midlands put Housing 21 in touch with people living nearby.

## Studied from the start

Researchers at Sheffield Hallam University's Centre for Regional Economic and Social Research (CRESR)
followed the scheme for a year, asking whether affordable rented cohousing can reach older people from
minoritised communities, whom cohousing, usually owner-occupied, has rarely reached.

## A pair of schemes

A second scheme of about the same size is planned on Washwood Heath Road in Saltley.
""",
        "key_messages": (
            "Cohousing need not be for owner-occupiers only: it can be let at affordable rents.\n"
            "Older people from minoritised communities can be at the heart of a cohousing scheme.\n"
            "A local charity can open the door between a housing association and the neighbourhood."
        ),
        "verification_notes": (
            "The UK Cohousing Network's part is named in one article but not confirmed elsewhere.\n"
            "The summary of the university's study found gives no figures, so no outcomes are recorded yet."
        ),
        "target_audience": "People over 60",
        "place_name": "Lozells (Chain Walk, Six Ways)",
        "local_authority_name": "Birmingham",
        "local_authority_code": "E08000025",
        "region": "west-midlands",
        "latitude": "52.4990",
        "longitude": "-1.9050",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "cohousing",
        "delivery": "new-build",
        "homes_built": 25,
        "stage": "build",
        "year_started": 2024,
        "themes": ["older-people", "shared-living"],
        "illustration": {"building": "flats", "material": "terracotta"},
        "partners": [
            ("housing-21", "housing-association", "Developing the scheme"),
            ("birmingham-city-council", "local-authority", "Partner on the scheme"),
            ("legacy-west-midlands", "enabler", "Put Housing 21 in touch with local residents"),
            ("deeley-construction", "contractor", "Building the flats from March 2024"),
            (
                "uk-cohousing-network",
                "enabler",
                "Named as supporting the trial in one account (unconfirmed)",
            ),
        ],
        "sources": [
            HOUSING_21_BCD,
            HOUSING_21_NEWS,
            source(
                "housing-lin",
                "Housing 21: a more inclusive model of cohousing?",
                "Housing LIN",
                "https://www.housinglin.org.uk/Topics/type/Housing-21-a-more-inclusive-model-of-cohousing/",
                "evaluation",
                "Summary of the one-year CRESR study of the Lozells scheme.",
            ),
            source(
                "new-midlands",
                "Tackling housing inequality",
                "The New Midlands",
                "https://www.thenewmidlands.org.uk/tackling-housing-inequality/",
                "press",
                "Housing 21 on building cohousing in deprived areas of the West Midlands.",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "housing-21-saltley-cohousing",
        "title": "Housing 21: cohousing for older people on Washwood Heath Road, Saltley",
        "published_at": when(2026, 10, 14),
        "summary": (
            "The second of Housing 21's Birmingham cohousing schemes for people over 60, with Birmingham City "
            "Council: about 25 homes on Washwood Heath Road in Saltley, following Rupali Court in Lozells."
        ),
        "body": """
## The scheme

Housing 21 and Birmingham City Council's second cohousing scheme for people over 60 is on Washwood Heath
Road in Saltley: about 25 homes, the partner scheme to Rupali Court in Lozells.

## Learning from the first

Rupali Court, begun in 2024, is Housing 21's first cohousing scheme, and Sheffield Hallam University has
studied it. Saltley can learn from it before its own residents move in: two schemes in one city let
a housing association test an approach and improve it.
""",
        "key_messages": "Two schemes in one city let a housing association test an approach and learn from both.",
        "verification_notes": (
            "The sources give about 25 homes and do not say how far the scheme has got. Housing 21 called Rupali "
            "Court, begun in March 2024, its first cohousing project, so the Saltley homes had not been built by "
            "then.\n"
            "The UK Cohousing Network's part in Housing 21's cohousing is named in one article but not confirmed "
            "elsewhere."
        ),
        "target_audience": "People over 60",
        "place_name": "Saltley (Washwood Heath Road)",
        "local_authority_name": "Birmingham",
        "local_authority_code": "E08000025",
        "region": "west-midlands",
        "latitude": "52.4880",
        "longitude": "-1.8610",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "cohousing",
        "themes": ["older-people", "shared-living"],
        "illustration": {"building": "flats", "material": "red-brick", "backdrop": "city"},
        "partners": [
            ("housing-21", "housing-association", "Developing the scheme"),
            ("birmingham-city-council", "local-authority", "Partner on the scheme"),
        ],
        "sources": [
            HOUSING_21_BCD,
            source(
                "housing-lin",
                "Housing 21 cohousing schemes in Birmingham",
                "Housing LIN",
                "https://www.housinglin.org.uk/",
                "evaluation",
            ),
            HOUSING_21_NEWS,
        ],
        "outcomes": [],
    },
    {
        "slug": "saffron-heath-emh-leicester",
        "title": "Saffron Heath: Passivhaus homes on a Leicester estate's derelict land",
        "published_at": when(2026, 11, 9),
        "featured": True,
        "summary": (
            "On the Saffron Lane estate in Leicester, the Neighbourhood Council bought a derelict former allotment "
            "site from the city council for £1 in 2013 and leased it to emh group, which built 68 Passivhaus homes "
            "and lets them at about 80% of market rent. They opened in June 2017, at a cost of £9m."
        ),
        "body": """
## The "Mud Dumps"

In 1997 more than 4,000 residents of the Saffron Lane estate took part in a "Planning for Real" exercise.
It picked out a derelict former allotment site known locally as the Mud Dumps. Designs for homes there were
finished in 2011, and more than nine in ten of the people consulted liked them.

## Why a housing association

Between 2008 and 2014 the Neighbourhood Council's income almost halved, from £498,000 to £253,000. The Homes and
Communities Agency offered £2m of backing, but only if a registered social landlord took part. In 2013 the
city council let the Neighbourhood Council have the site for £1, and the Neighbourhood Council leased it to
emh group, which developed the homes and lets them. Building began in 2015.

## The homes

There are 68 new Passivhaus homes, let at about 80% of market rent: among them four one-bedroom flats and
two-, three- and four-bedroom houses. The architects were rg+p and the builders Westleigh, who spent 70
weeks on site; the scheme cost £9m and opened on 19 June 2017. Heating can cost as little as £13 a year.
It has been called the biggest scheme of social homes built to Passivhaus standard in the UK, or even in Europe.

## Around the homes

A permaculture farm and allotments sit beside the homes, with Saffron Acres, where people train in making
jam. A further £1.6m phase of housing was planned.
""",
        "key_messages": (
            "A residents' organisation can hold the land while a housing association builds and lets the homes.\n"
            "Some funders will back a community scheme only with a registered landlord on board: a partnership "
            "can unlock that money.\n"
            "Homes built to Passivhaus standard can cut tenants' heating bills to almost nothing.\n"
            "Land a neighbourhood picked out decades earlier can still become homes."
        ),
        "verification_notes": (
            "The sources give the site's size as 12, 13, 13.3 or 22 acres, so no size is given here.\n"
            "The breakdown of homes by size in one source (4 one-bedroom flats and 23 two-bedroom, 20 "
            "three-bedroom and 3 four-bedroom houses) adds up to 50, not the 68 homes it gives in all; the rest "
            "are not described.\n"
            "The length of the lease to emh group is not given. Sources call the scheme the largest of its kind "
            "in the UK or in Europe; neither claim has been checked. The resource centre places the estate in the "
            "most deprived 1% without saying which edition of the index it used."
        ),
        "place_name": "Saffron Lane estate",
        "local_authority_name": "Leicester",
        "local_authority_code": "E06000016",
        "region": "east-midlands",
        "latitude": "52.6005",
        "longitude": "-1.1345",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "other",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "The Neighbourhood Council owns the site and leases it to emh group, which developed the homes and lets them.",
        "delivery": "new-build",
        "homes_built": 68,
        "homes_affordable_rent": 68,
        "stage": "live",
        "year_started": 2013,
        "year_completed": 2017,
        "capital_cost": 9000000,
        "funders": "Homes and Communities Agency (£2m of backing offered, on condition that a registered social landlord took part)",
        "themes": [
            "low-energy-homes",
            "reusing-buildings",
            "neighbourhood-regeneration",
            "work-and-skills",
        ],
        "illustration": {"building": "passivhaus", "material": "render-white"},
        "partners": [
            (
                "saffron-lane-neighbourhood-council",
                "community",
                "Bought the site for £1 and leases it to emh group",
            ),
            ("emh-group", "housing-association", "Developed the homes and lets them"),
            ("leicester-city-council", "local-authority", "Sold the site for £1 in 2013"),
            (
                "homes-and-communities-agency",
                "funder",
                "Offered £2m of backing, on condition a registered social landlord took part",
            ),
            ("westleigh", "contractor", "Built the homes in 70 weeks on site"),
        ],
        "sources": [
            source(
                "fifth-estate",
                "First residents move into Europe's largest Passivhaus affordable housing estate",
                "The Fifth Estate",
                "https://thefifthestate.com.au/innovation/residential-2/first-residents-move-into-europes-largest-passivhaus-affordable-housing-estate/",
                "press",
                "The 68 homes, their sizes, the rent and a 13.3-acre housing area.",
            ),
            source(
                "climate-emergency",
                "Leicester: emh homes",
                "Climate Emergency UK",
                "https://climateemergency.org.uk/blog/leicester-emh-homes/",
                "press",
                "The £1 sale, the lease, emh's part, cost, architects, builders, opening and heating costs.",
            ),
            source(
                "world-habitat",
                "Derelict land in inner-city Leicester developed into the biggest Passivhaus social housing project in Europe",
                "World Habitat",
                "https://world-habitat.org/news/press-releases/derelict-land-in-inner-city-leicester-developed-into-the-biggest-passivhaus-social-housing-project-in-europe-transforms-the-lives-of-its-residents/",
                "official",
                "22 acres transferred; the farm, allotments, Saffron Acres and the planned further phase.",
            ),
            source(
                "locality-case",
                "Saffron Lane eco homes",
                "Locality",
                "http://locality.org.uk/projects/communityled-housing/case-studies/saffron-lane-eco-homes/",
                "network",
                "A 13-acre plot.",
            ),
            source(
                "locality-blog",
                "Community-led housing top of the agenda",
                "Locality",
                "http://locality.org.uk/blog/communityled-housing-top-agenda/?replytocom=380924",
                "network",
                "12 acres.",
            ),
            source(
                "resource-centre",
                "Saffron Heath",
                "Saffron Resource Centre",
                "http://srcentre.org.uk/saffron-heath/",
                "own-account",
                "Planning for Real in 1997, the designs and consultation, and the estate's deprivation.",
            ),
            source(
                "documents-pub",
                "Urban context: Saffron eco housing (Neil Hodgkin)",
                "documents.pub",
                "https://documents.pub/amp/document/urban-context-saffron-eco-housing-neil-hodgkin.html",
                "press",
                "A copy of a presentation: the Neighbourhood Council's income, the agency's condition and the start of building.",
            ),
        ],
        "outcomes": [
            outcome(
                "homes-built",
                68,
                2017,
                "fifth-estate",
                "Passivhaus homes for affordable rent, opened on 19 June 2017.",
            ),
        ],
    },
]
