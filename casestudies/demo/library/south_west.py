"""Demo case studies in the South West: Somerset, Dorset, Bristol, Gloucestershire,
Wiltshire and Cornwall."""

from casestudies.demo.library._common import outcome, source, when

LABM = source(
    "labm",
    "Open house celebrations for West Dorset community land trust projects",
    "LABM",
    "https://labmonline.co.uk/news/open-house-celebrations-west-dorset-community-land-trust-projects",
    "press",
    "West Dorset's community land trusts and their homes, Hastoe's part, and the Garman's Field contractor.",
)
BRISTOL_CLT_NEWSLETTER = source(
    "newsletter",
    "Summer newsletter 2021",
    "Bristol Community Land Trust",
    "https://www.bristolclt.co.uk/2021-summer-newsletter",
    "own-account",
    "Brighter Places, formerly United Communities; the Fishponds Road scheme at five years old; Lockleaze.",
)
HORFIELD_LOCKLEAZE_VOICE = source(
    "voice",
    "Could community-led housing be coming to Lockleaze?",
    "Horfield and Lockleaze Voice",
    "https://www.horfieldandlockleazevoice.co.uk/could-community-led-housing-be-coming-to-lockleaze",
    "press",
    "The Lockleaze scheme's homes, budget and ownership, and the 2018 plan for Lawrence Weston.",
)
CORNWALL_CLT_NEWS = source(
    "cornwall-clt",
    "Another successful year",
    "Cornwall Community Land Trust",
    "https://cornwallclt.org/news/another-successful-year/",
    "own-account",
    "Coastline Housing handing back the lease of the Nancledra scheme.",
)

CASE_STUDIES = [
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
        "local_authority_code": "E06000066",
        "region": "south-west",
        "latitude": "50.9395",
        "longitude": "-2.7560",
        "location_basis": "place-centre",
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
        "illustration": {"building": "cottages", "material": "limestone-gold"},
        "partners": [
            (
                "norton-sub-hamdon-community-land-trust",
                "community",
                "Owns the homes; went on to buy the village shop and post office",
            ),
            (
                "yarlington-housing-group",
                "housing-association",
                "Holds a 125-year lease; lets and manages the homes",
            ),
        ],
        "sources": [
            source(
                "blog",
                "Blog post on Norton-sub-Hamdon Community Land Trust",
                "smaller.housing.org.uk",
                "https://smaller.housing.org.uk/",
                "network",
                "The homes, their tenure, the lease and the ground rent.",
            ),
            source(
                "trust",
                "Norton-sub-Hamdon CLT website",
                "Norton-sub-Hamdon Community Land Trust",
                "https://nortonclt.btck.co.uk/",
                "own-account",
                "The village shop and post office.",
            ),
        ],
        "outcomes": [
            outcome("homes-built", 10, 2014, "blog", "First residents moved in in October 2014."),
            outcome(
                "community-owned-assets",
                1,
                None,
                "trust",
                "The village shop and post office, bought after the homes.",
            ),
        ],
    },
    {
        "slug": "lyme-regis-garmans-field",
        "title": "Lyme Regis: homes at Garman's Field kept for people who live in the town",
        "published_at": when(2026, 10, 9),
        "summary": (
            "Fifteen affordable rented homes at Garman's Field in Lyme Regis, Dorset, from Lyme Regis Community Land "
            "Trust and Yarlington Housing Group, on land sold for a nominal sum. They go to people who have lived in "
            "the town for five of the last ten years, at rents capped at 80% of the market's, in a town where the "
            "average house cost £350,000."
        ),
        "body": """
## A town short of affordable homes

When a local paper counted them, only 23 affordable homes had been built in Lyme Regis since 2000, against
a predicted need of more than 100 for 2008 to 2011 alone. By 2017 the average house in the town cost £350,000.

## Garman's Field

Its owner, David Garman OBE, let the land go for a nominal price. After
a three-year struggle the scheme won planning permission. CG Fry & Son built fifteen homes: four with
three bedrooms, six with two and five with one. The project cost £2m, all of it public money; West Dorset
District Council gave Yarlington £147,920 from developers' Section 106 contributions.

## Who does what

The community land trust owns the site for good and has a say in who gets the homes. Yarlington Housing
Group is the housing association partner.

## Kept for local people

To be offered a home you must have lived in Lyme Regis for five of the last ten years. Rents are no more
than 80% of the market rate: in 2017 about £800 a month for a three-bedroom home.

## A partner across the region

Yarlington has worked with several community land trusts in Somerset and Dorset, among them
Norton-sub-Hamdon, and is one of the housing association partners of the Wessex CLT Project.
""",
        "key_messages": (
            "A local-connection rule keeps homes for the people a town is losing.\n"
            "A landowner's gift of land at a nominal price can make a scheme possible.\n"
            "The trust's ownership of the site in perpetuity gives the town a lasting say over the homes.\n"
            "One housing association partner can carry lessons from village to village."
        ),
        "verification_notes": "When the homes were finished is not given in the sources found, so no stage or year is recorded.",
        "target_audience": "People who have lived in Lyme Regis for five of the last ten years",
        "place_name": "Lyme Regis",
        "local_authority_name": "Dorset",
        "local_authority_code": "E06000059",
        "region": "south-west",
        "latitude": "50.7253",
        "longitude": "-2.9366",
        "location_basis": "place-centre",
        "setting": "coastal",
        "community_model": "clt",
        "arrangement_detail": "The trust holds the site for ever and has a say in lettings; Yarlington is the housing association partner.",
        "delivery": "new-build",
        "homes_built": 15,
        "homes_affordable_rent": 15,
        "capital_cost": 2000000,
        "funders": "All public money, including £147,920 of Section 106 contributions from West Dorset District Council to Yarlington",
        "themes": ["homes-for-local-people", "community-owned-assets"],
        "illustration": {"building": "townhouses", "material": "render-pastel"},
        "partners": [
            (
                "lyme-regis-community-land-trust",
                "community",
                "Holds the site for ever; has a say in lettings",
            ),
            (
                "yarlington-housing-group",
                "housing-association",
                "Housing association partner; received £147,920 of Section 106 money",
            ),
            (
                "west-dorset-district-council",
                "local-authority",
                "Gave Yarlington £147,920 of Section 106 money",
            ),
            ("cg-fry-and-son", "contractor", "Built the homes"),
        ],
        "sources": [
            source(
                "placemaking",
                "Garman's Field, Lyme Regis",
                "Placemaking Resource",
                "https://www.placemakingresource.com/",
                "press",
                "The fifteen affordable rented homes and the partners.",
            ),
            source(
                "telegraph",
                "The Daily Telegraph, 2 October 2017",
                "The Daily Telegraph (on PressReader)",
                "http://www.pressreader.com/uk/the-daily-telegraph/20171002/281835758902035",
                "press",
                "The homes, cost, land, lettings rule, rents and house prices.",
            ),
            source(
                "bridport-consent",
                "After three-year battle, affordable housing scheme gets green light",
                "Bridport News",
                "http://www.bridportnews.co.uk/news/lymenews/14605689.After_three_year_battle_affordable_housing_scheme_gets_green_light/",
                "press",
                "Planning permission, the Section 106 money and the trust's ownership of the site.",
            ),
            source(
                "bridport-need",
                "Lifeline for Lyme Regis residents who want their own home",
                "Bridport News",
                "http://www.bridportnews.co.uk/news/lymenews/10249986.Lifeline_for_Lyme_Regis_residents_who_want_their_own_home/",
                "press",
                "Affordable homes built since 2000 against the need.",
            ),
            LABM,
        ],
        "outcomes": [
            outcome(
                "homes-local-connection",
                15,
                2017,
                "telegraph",
                "Let to people who have lived in Lyme Regis for five of the last ten years.",
            ),
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
        "verification_notes": (
            "The source found does not say which counties the programme covers or how many homes it has helped to "
            "build. The point on the map is the centre of South West England, not a neighbourhood."
        ),
        "place_name": "South West England",
        "region": "south-west",
        "latitude": "51.0015",
        "longitude": "-3.1302",
        "location_basis": "area-centre",
        "community_model": "clt",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "Trusts hold the land; housing associations hold a 125-year lease that the trust can buy out later.",
        "themes": ["affordable-homes-in-villages"],
        "illustration": {"building": "villages", "material": "limestone-gold", "backdrop": "hills"},
        "partners": [
            ("wessex-clt-project", "enabler", "Supports the trusts and pairs them with partners"),
            ("aster-group", "housing-association", ""),
            ("hastoe-housing-association", "housing-association", ""),
            ("yarlington-housing-group", "housing-association", ""),
            ("teign-housing", "housing-association", ""),
            ("alliance-homes", "housing-association", ""),
        ],
        "sources": [
            source(
                "clh",
                "Wessex CLT Project",
                "Community Led Homes",
                "https://www.communityledhomes.org.uk/",
                "network",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "symene-clt-hastoe-symondsbury",
        "title": "Symene and Hastoe: ten homes for local families at Symondsbury",
        "published_at": when(2026, 11, 10),
        "summary": (
            "On the edge of Bridport in West Dorset, Symene Community Land Trust worked with Hastoe Housing "
            "Association on ten two- and three-bedroom homes for local families, on land that local "
            "landowners gave. Hastoe did the building, which had begun by May 2014, and manages them; they are fully occupied."
        ),
        "body": """
## Land given for homes

Local landowners gave the land. On it Hastoe Housing Association built ten homes with two or three
bedrooms for local families, for Symene Community Land Trust; building had begun by May 2014.

## Managed by the housing association

Hastoe manages the homes, as it does those of the nearby Marshwood Community Land Trust, which it also
developed. Both trusts' homes are fully occupied. One resident has described the security of a lifetime
tenancy as life-changing.

## A district of trusts

At the time West Dorset had ten active community land trusts between them holding 62 homes.
""",
        "key_messages": (
            "Land given by local landowners can make village homes affordable.\n"
            "One housing association can build and manage for several small trusts nearby.\n"
            "A secure tenancy can matter as much to a family as the home itself."
        ),
        "verification_notes": (
            "How the homes are split between tenures, who holds the freehold and on what lease, what they cost and "
            "when they were finished are not given in the sources found."
        ),
        "target_audience": "Local families",
        "place_name": "Symondsbury",
        "local_authority_name": "Dorset",
        "local_authority_code": "E06000059",
        "region": "south-west",
        "latitude": "50.7364",
        "longitude": "-2.7876",
        "location_basis": "place-centre",
        "setting": "rural-village",
        "community_model": "clt",
        "partnership_arrangement": "ha-develops-for-community",
        "arrangement_detail": "Hastoe built the homes for the trust and manages them; who holds the freehold is not recorded.",
        "delivery": "new-build",
        "homes_built": 10,
        "stage": "live",
        "year_started": 2014,
        "themes": ["affordable-homes-in-villages", "homes-for-local-people"],
        "illustration": {"building": "semis", "material": "render-cream", "backdrop": "hills"},
        "partners": [
            ("symene-clt", "community", "The community land trust for the homes"),
            (
                "hastoe-housing-association",
                "housing-association",
                "Built the homes and manages them",
            ),
        ],
        "sources": [
            source(
                "roskayes",
                "Symene Community Land Trust homes started",
                "Roskayes",
                "http://roskayes.org.uk/2014/05/26/symene-community-land-trust-homes-started/",
                "press",
                "The ten homes, the gift of land and the start of building by May 2014.",
            ),
            LABM,
        ],
        "outcomes": [
            outcome(
                "homes-built",
                10,
                None,
                "labm",
                "Fully occupied; the count of ten comes from the 2014 report of the start of building.",
            ),
        ],
    },
    {
        "slug": "bristol-clt-fishponds-road",
        "title": "Bristol CLT at 325 Fishponds Road: shared ownership and rented homes on a former school site",
        "published_at": when(2026, 11, 11),
        "summary": (
            "On the site of a former school in Eastville that Bristol City Council sold for £1, Bristol Community "
            "Land Trust made homes for twelve households: seven shared owners, who bought between a quarter and "
            "three-quarters of their homes, and one-bedroom studios let at affordable rents. Brighter Places, "
            "formerly United Communities, manages the scheme for the trust."
        ),
        "body": """
## A city-wide trust

Bristol Community Land Trust was set up in 2011, with capacity funding from the city council. About 250
people came to its launch and 150 joined. Everyone who moves into its homes is eligible for social
housing.

## The site

The council sold the former school at 325 Fishponds Road, in Eastville, for £1. In 2012 the plan was for
twelve homes: six three-bedroom houses and six one-bedroom flats. With a local housing association as its
partner, the trust won the council's tender.

## How people pay

Shared owners take between a quarter and three-quarters of the equity. Their lease runs for 99 years,
they pay rent on the part they do not own, and they must stay at least five years before selling. The trust keeps the freehold. One-bedroom studios are let at
affordable rents to members on housing waiting lists.

The money came from loans repaid out of the rents, a grant from the Homes and Communities Agency, the land
at no cost, work residents did themselves to finish their homes, and equity from seven of the twelve
households.

## Managed by a housing association

Brighter Places, the housing association formerly called United Communities, manages the scheme for the
trust. By 2021 the scheme was five years old and had seven shared-ownership homes.

## Studied for loneliness

In November 2021 the government published "Those little connections", a study of loneliness in
community-led housing by the London School of Economics and the universities of Bristol, Lancaster and
Northumbria. It surveyed online 221 people who belong to community-led housing groups in England and Wales,
and looked closely at five schemes; 325 Fishponds Road was one of them.
""",
        "key_messages": (
            "Shared ownership with a community land trust keeping the freehold keeps homes affordable after the first sale.\n"
            "Residents' own work finishing their homes can stand in for part of the cost.\n"
            "A housing association can manage homes for a trust that owns them."
        ),
        "verification_notes": (
            "The sources say only that the trust won the site “in partnership with a local housing association”; "
            "that this was United Communities, now Brighter Places, is not confirmed.\n"
            "Whether the former school was converted or rebuilt is not given, so the homes are not counted as new "
            "build or refurbishment, and the number of rented studios is not given. The year finished, 2016, is "
            "worked out from the trust's description of the scheme as five years old in 2021.\n"
            "The loneliness study's findings for the scheme were not found, so no wellbeing outcome is recorded."
        ),
        "target_audience": "Members of the trust who are eligible for social housing; studios for members on housing waiting lists",
        "place_name": "Eastville (325 Fishponds Road)",
        "local_authority_name": "Bristol",
        "local_authority_code": "E06000023",
        "region": "south-west",
        "latitude": "51.4715",
        "longitude": "-2.5630",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "clt",
        "arrangement_detail": "The trust keeps the freehold and Brighter Places manages the scheme; shared owners hold 99-year leases.",
        "homes_shared_ownership": 7,
        "stage": "live",
        "year_started": 2012,
        "year_completed": 2016,
        "funders": "Homes and Communities Agency grant; the site from the council for £1; loans repaid from rents; residents' equity and self-finish work",
        "themes": ["loneliness-and-wellbeing", "self-build", "reusing-buildings"],
        "illustration": {"building": "school", "material": "limestone-grey"},
        "partners": [
            ("bristol-clt", "community", "Keeps the freehold"),
            ("brighter-places", "housing-association", "Manages the scheme for the trust"),
            ("bristol-city-council", "local-authority", "Sold the site for £1"),
            ("homes-and-communities-agency", "funder", "Grant"),
        ],
        "sources": [
            source(
                "bristol-post",
                "Bristol Post, 18 October 2012 (copy on the Diggers350 list)",
                "Bristol Post",
                "https://mailman.gn.apc.org/pipermail/diggers350/2012-October/004518.html",
                "press",
                "The £1 sale and the plan for twelve homes.",
            ),
            source(
                "soa",
                "Bristol CLT",
                "soa.ie",
                "https://soa.ie/bristol-clt/",
                "press",
                "The tender won with a local housing association, the shared-ownership terms and the freehold.",
            ),
            source(
                "sambuz",
                "Bristol CLT presentation",
                "Bristol Community Land Trust (copy on Sambuz)",
                "https://www.sambuz.com/doc/bristol-clt-ppt-presentation-426987",
                "own-account",
                "How the scheme was paid for.",
            ),
            source(
                "clh-london",
                "Bristol CLT",
                "Community Led Housing London",
                "https://www.communityledhousing.london/bristol-clt/",
                "network",
                "The homes, lettings to members and Brighter Places' management.",
            ),
            BRISTOL_CLT_NEWSLETTER,
            source(
                "right-to-build",
                "Bristol CLT",
                "Right to Build Toolkit",
                "http://righttobuildtoolkit.org.uk/case-studies/bristol-clt/",
                "network",
                "The launch, the members and eligibility for social housing.",
            ),
            source(
                "councils-coop",
                "Community-led housing in Bristol",
                "Co-operative Councils Innovation Network",
                "https://councils.coop/case-study/bristol_clh",
                "official",
                "The council's help in setting the trust up in 2011.",
            ),
            source(
                "lse",
                "Those little connections: community-led housing and loneliness",
                "LSE London blog",
                "https://blogs.lse.ac.uk/lselondon/those-little-connections-community-led-housing-and-loneliness/",
                "evaluation",
                "The government-commissioned study and its case studies.",
            ),
            source(
                "mdpi",
                "Community-led housing and loneliness",
                "Sustainability (MDPI)",
                "https://www.mdpi.com/2071-1050/13/20/11323/htm",
                "research",
                "The study's design: survey and case studies.",
            ),
            source(
                "yd",
                "Government publishes report on community-led housing and loneliness",
                "YD Consultants",
                "https://www.ydconsultants.co.uk/2021/12/02/government-publishes-report-on-community-led-housing-and-loneliness/",
                "press",
                "Publication of the report in November 2021.",
            ),
        ],
        "outcomes": [
            outcome(
                "community-owned-assets",
                1,
                None,
                "soa",
                "The freehold of the Fishponds Road site, which the trust keeps.",
            ),
        ],
    },
    {
        "slug": "bristol-clt-shaldon-road-lockleaze",
        "title": "Bristol CLT and United Communities at Shaldon Road, Lockleaze: 49 homes residents help finish",
        "published_at": when(2026, 11, 12),
        "summary": (
            "At Shaldon Road in Lockleaze, north Bristol, Bristol Community Land Trust and United Communities (now "
            "Brighter Places) planned 49 homes for shared ownership, affordable rent and rent-to-buy on a £7.1m "
            "budget, with residents finishing their own homes with Ecomotive. Families began moving in during "
            "February 2022."
        ),
        "body": """
## The scheme

On Shaldon Road and Merry Hill in Lockleaze, Bristol Community Land Trust and United Communities planned 49
homes in three tenures: shared ownership, affordable rent and rent-to-buy. The budget was £7.1m, including
a £1.2m grant, with loans for the rest.

## Who does what

Brighter Places, as United Communities is now called, leads the development. Residents finish their own
homes, with help from Ecomotive. A 2018 account said that half of the homes would be owned by United
Communities and the trust together.

## Moving in

Families began moving in during February 2022.

## Nearby

In the same part of the city, the Lockleaze Neighbourhood Trust is working on 19 homes at Constable Road
with one of two housing associations, Brighter Places or Abri; the sources do not say which.
""",
        "key_messages": (
            "A community land trust can take on a scheme of dozens of homes with a housing association leading the build.\n"
            "Finishing their own homes gives residents a stake and a skill.\n"
            "Several tenures in one scheme let people on different incomes live side by side."
        ),
        "verification_notes": (
            "A 2018 account says United Communities and the trust will both own half of the homes; whether that "
            "means a split between them or joint ownership is not confirmed.\n"
            "How many homes are in each tenure is not given, nor when the last were finished."
        ),
        "place_name": "Lockleaze (Shaldon Road)",
        "local_authority_name": "Bristol",
        "local_authority_code": "E06000023",
        "region": "south-west",
        "latitude": "51.4925",
        "longitude": "-2.5640",
        "location_basis": "place-centre",
        "setting": "suburban",
        "community_model": "clt",
        "partnership_arrangement": "ha-develops-for-community",
        "arrangement_detail": "Brighter Places leads the development; residents finish their own homes with Ecomotive.",
        "delivery": "new-build",
        "homes_built": 49,
        "stage": "live",
        "capital_cost": 7100000,
        "grant_funding": 1200000,
        "funders": "A £1.2m grant; loans for the rest",
        "themes": ["self-build"],
        "illustration": {"building": "townhouses", "material": "timber"},
        "partners": [
            ("bristol-clt", "community", "Community land trust for the scheme"),
            (
                "united-communities",
                "housing-association",
                "Leads the development (now as Brighter Places)",
            ),
            ("ecomotive", "enabler", "Helps residents finish their own homes"),
        ],
        "sources": [
            HORFIELD_LOCKLEAZE_VOICE,
            BRISTOL_CLT_NEWSLETTER,
            source(
                "cable",
                "Small developments, big ideas: how Bristol's community-led housing groups have done things differently",
                "The Bristol Cable",
                "https://thebristolcable.org/2023/02/small-developments-big-ideas-how-bristols-community-led-housing-groups-done-things-differently/",
                "press",
                "The first families moving in, February 2022.",
            ),
            source(
                "barefoot",
                "The long road to real homes",
                "Barefoot Architects",
                "https://barefootarchitects.co.uk/barefootblog/long-road-to-real-homes",
                "own-account",
                "Constable Road and the two partnering housing associations.",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "ambition-lawrence-weston-astry-close",
        "title": "Ambition Lawrence Weston and Brighter Places: homes at Astry Close",
        "published_at": when(2026, 11, 13),
        "summary": (
            "On the Lawrence Weston estate in north-west Bristol, home to about 7,000 people, the residents' "
            "development trust Ambition Lawrence Weston spent about eight years bringing forward affordable homes "
            "at Astry Close with Brighter Places Housing Association. Planning permission for 36 homes came in "
            "March 2022; the trust is to own the land and keep a stake through ground rents."
        ),
        "body": """
## A trust formed when the college closed

Lawrence Weston is an estate of about 7,000 people on the north-western edge of Bristol. When its college
closed, residents formed Ambition Lawrence Weston. By 2015 the trust had a £1m grant from the Big Lottery
and a neighbourhood development plan.

## From 40 homes to 36

Early plans were for about 40 two- and three-bedroom homes in shared ownership and at intermediate rents,
with rents linked to average local wages. The trust raised almost £5m towards them, £1m of it from the
council, and had 260 members. In 2018 the aim was 40 homes by 2021, for social rent, shared ownership and
sale, on land offered at a discount in return for social value.

In March 2022, after about eight years' work, the council's planning committee approved 36 affordable homes
at Astry Close. Barefoot, the architects, list their clients as Ambition Lawrence Weston and Brighter
Places Housing Association, and E G Carter is named as contractor.

## Land, not homes

The land is to belong to the neighbourhood groups and the homes to the housing association; ground rents
keep the community's stake.
""",
        "key_messages": (
            "A residents' trust on an estate can bring forward its own housing, but it takes years.\n"
            "Owning the land and collecting ground rents keeps a lasting stake without owning the homes.\n"
            "Plans change on the way: forty homes became thirty-six by the time permission came."
        ),
        "verification_notes": (
            "The sources disagree on the number of homes: earlier plans spoke of about 40, while 36 have planning "
            "permission; 36 is recorded here. They also disagree on when the college closed, 2011 or 2012.\n"
            "When the homes were or will be finished, and how the 36 are split between tenures, are not given. "
            "One account names Brighter Places and Abri as partner associations for Astry Close and "
            "a scheme in Lockleaze without saying which is which; the architects name Brighter Places as their "
            "client at Astry Close."
        ),
        "place_name": "Lawrence Weston (Astry Close)",
        "local_authority_name": "Bristol",
        "local_authority_code": "E06000023",
        "region": "south-west",
        "latitude": "51.5035",
        "longitude": "-2.6580",
        "location_basis": "place-centre",
        "setting": "suburban",
        "community_model": "development-trust",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "The trust is to hold the land, not the homes, and collect ground rents.",
        "delivery": "new-build",
        "homes_built": 36,
        "stage": "plan",
        "funders": "Almost £5m raised for the earlier plan, £1m of it from Bristol City Council; a £1m Big Lottery grant to the trust",
        "themes": ["neighbourhood-regeneration"],
        "illustration": {
            "building": "townhouses",
            "material": "yellow-brick",
            "backdrop": "estate",
        },
        "partners": [
            (
                "ambition-lawrence-weston",
                "community",
                "Brought the scheme forward; to own the land",
            ),
            (
                "brighter-places",
                "housing-association",
                "Client with the trust for Astry Close, as the architects name it",
            ),
            (
                "bristol-city-council",
                "local-authority",
                "£1m towards the earlier plan; granted planning permission in 2022",
            ),
            ("e-g-carter", "contractor", "Named as contractor"),
        ],
        "sources": [
            source(
                "2md",
                "Lawrence Weston",
                "2MD",
                "https://2md.co.uk/category/lawrence-weston/",
                "press",
                "The estate's population.",
            ),
            source(
                "merchant-venturers",
                "Ambition Lawrence Weston",
                "Society of Merchant Venturers",
                "https://www.merchantventurers.com/news/ambition-lawrence-weston/",
                "press",
                "The trust's origins (college closure in 2012), its grant and its plan.",
            ),
            source(
                "bristol247",
                "Ambition Lawrence Weston",
                "Bristol24/7",
                "https://www.bristol247.com/spark/community/ambition-lawrence-weston-bristol/",
                "press",
                "The college closure in 2011.",
            ),
            source(
                "barefoot-consent",
                "Astry Close community-led housing: planning permission granted",
                "Barefoot Architects",
                "https://barefootarchitects.co.uk/barefootblog/2022/3/28/astry-close-community-led-housing-planning-permission-granted",
                "own-account",
                "The 36 homes, the clients and the approval in March 2022.",
            ),
            source(
                "barefoot-road",
                "The long road to real homes",
                "Barefoot Architects",
                "https://barefootarchitects.co.uk/barefootblog/long-road-to-real-homes",
                "own-account",
                "Land and ground rents, the partnering associations and the contractor.",
            ),
            source(
                "good-work",
                "Lawrence Weston",
                "This is Good Work",
                "https://thisisgoodwork.org/lawrence-weston/",
                "press",
                "The earlier plan for about 40 homes, the money raised and the members.",
            ),
            HORFIELD_LOCKLEAZE_VOICE,
        ],
        "outcomes": [],
    },
    {
        "slug": "cashes-green-clt-greensquare-stroud",
        "title": "Cashes Green: a community land trust and GreenSquare on a former hospital site in Stroud",
        "published_at": when(2026, 11, 16),
        "summary": (
            "The Homes and Communities Agency's tender for the empty Cashes Green hospital site in Stroud required a "
            "local community land trust. Hab Oakus (GreenSquare with Kevin McCloud's Hab) sought "
            "permission in 2011 for 78 homes; the trust owns the freehold except the homes for sale, and GreenSquare "
            "holds a 125-year lease on the affordable ones."
        ),
        "body": """
## A site empty for years

The former Cashes Green hospital, an 11-acre site on the edge of Stroud, had stood empty since the early
1990s. In January 2009 it was named in Parliament as a pioneer site for community land trusts.

## A tender that asked for a community land trust

When the Homes and Communities Agency sought a developer, it required a local community land trust to be
part of the scheme. The developer chosen was Hab Oakus, which the GreenSquare housing group set up jointly
with Hab, Kevin McCloud's company. GreenSquare paid for the trust to be set up. Gloucestershire Land for
People, which began in 2005 as Stroud & District CLT, worked alongside it.

## The plans

In 2011 Hab Oakus applied for planning permission for 78 homes: 20 at affordable rent, 19 in shared
ownership and 39 for sale on the open market.

## Who holds what

- **Cashes Green Community Land Trust** holds the freehold of everything but the homes for sale.
- **GreenSquare** has the affordable homes on a "collapsible" lease of 125 years.
- **The parish council** leases the allotments, also for 125 years.

The residents run the estate together through a management board. Anyone in the two Cashes Green wards can join the trust for £1.
""",
        "key_messages": (
            "A public agency's tender can require a community land trust to be part of a scheme.\n"
            "Mixing homes for sale with affordable ones can pay for the scheme while the trust keeps the land.\n"
            "A housing association can fund a new trust's start-up as part of the partnership."
        ),
        "verification_notes": (
            "The sources stop at the 2011 planning application: whether and when the homes were finished is not "
            "given, so the stage shown is the last they confirm. GreenSquare's later history was not checked."
        ),
        "place_name": "Cashes Green, Stroud",
        "local_authority_name": "Stroud",
        "local_authority_code": "E07000082",
        "region": "south-west",
        "latitude": "51.7473",
        "longitude": "-2.2470",
        "location_basis": "place-centre",
        "setting": "suburban",
        "community_model": "clt",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "The trust holds the freehold except the homes for sale; GreenSquare has the affordable homes on a collapsible 125-year lease.",
        "delivery": "new-build",
        "homes_built": 78,
        "homes_affordable_rent": 20,
        "homes_shared_ownership": 19,
        "homes_market": 39,
        "stage": "plan",
        "funders": "GreenSquare (the trust's set-up costs)",
        "themes": ["reusing-buildings", "community-owned-assets"],
        "illustration": {
            "building": "terrace",
            "material": "limestone-gold",
            "backdrop": "hills",
            "feature": "allotments",
        },
        "partners": [
            ("cashes-green-clt", "community", "Owns the freehold, except the homes for sale"),
            (
                "greensquare",
                "housing-association",
                "Holds a 125-year lease on the affordable homes; paid to set up the trust",
            ),
            ("hab-oakus", "developer", "Developer chosen through the agency's tender"),
            (
                "gloucestershire-land-for-people",
                "enabler",
                "County community land trust working with the Cashes Green trust",
            ),
            (
                "homes-and-communities-agency",
                "enabler",
                "Its developer tender required a local community land trust",
            ),
        ],
        "sources": [
            source(
                "ruscombe-2007",
                "Cashes Green hospital site: what is happening?",
                "Ruscombe Green (blog)",
                "http://ruscombegreen.blogspot.com/2007/11/cashes-green-hospital-site-what-is.html",
                "press",
                "The site and how long it had been empty.",
            ),
            source(
                "ruscombe-2006",
                "Pioneering proposal for Cashes Green",
                "Ruscombe Green (blog)",
                "http://ruscombegreen.blogspot.com/2006/05/pioneering-proposal-for-cashes-green.html",
                "press",
                "The 11-acre site.",
            ),
            source(
                "ruscombe-2011",
                "Plans submitted for national first",
                "Ruscombe Green (blog)",
                "http://ruscombegreen.blogspot.com/2011/05/plans-submitted-for-national-first.html",
                "press",
                "The 2011 application for 78 homes and the developer.",
            ),
            source(
                "greensquare",
                "Strength in partnerships (David Ashmore of GreenSquare)",
                "GreenSquare (copy on PDFSlide)",
                "https://pdfslide.us/business/strength-in-partnerships-david-ashmore-of-greensquare.html",
                "own-account",
                "The tender, the freehold, the leases, the estate management board and membership.",
            ),
            source(
                "glp-report",
                "Annual report 2010/11",
                "Gloucestershire Land for People",
                "",
                "own-account",
                "GreenSquare's funding of the trust's set-up.",
            ),
            source(
                "sourcewatch",
                "Gloucestershire Land For People",
                "SourceWatch",
                "https://sourcewatch.org/index.php?title=Gloucestershire_Land_For_People",
                "press",
                "Formed in 2005 as Stroud & District CLT.",
            ),
            source(
                "hansard",
                "Community Land Trusts, House of Commons, 20 January 2009",
                "Hansard",
                "https://hansard.parliament.uk/Commons/2009-01-20/debates/09012038000016/CommunityLandTrusts",
                "official",
                "Cashes Green named as a pioneer site.",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "seend-clat-white-horse-housing",
        "title": "Seend and White Horse Housing: ten Passivhaus homes in a Wiltshire village",
        "published_at": when(2026, 11, 17),
        "summary": (
            "Seend Community Land and Asset Trust, in a Wiltshire parish of about 1,100 people, picked White Horse "
            "Housing Association to develop, and then manage, ten affordable homes built to the Passivhaus standard. The "
            "work grew out of the neighbourhood plan in 2015/16, and the homes were due to be finished in November "
            "2023."
        ),
        "body": """
## A parish plan

About 1,100 people, in 450 households, live in the Wiltshire parish of Seend. The idea of affordable homes grew out
of work on its neighbourhood plan, begun in 2015/16.

## Choosing a partner

The parish's community land and asset trust chose White Horse Housing Association, based in nearby
Melksham, to develop its affordable homes and manage them. Wiltshire Council has start-up grants of as much as
£10,000 for community land trusts.

## The homes

There are ten affordable homes, built to the Passivhaus standard so they need very little heating. They
were due to be finished in November 2023, and the county's community-led housing website now lists the
scheme among its completed developments.
""",
        "key_messages": (
            "A neighbourhood plan can be where a village's own homes begin.\n"
            "A small local housing association can be the right partner for a small village scheme.\n"
            "Village homes can be built to the highest energy standard."
        ),
        "verification_notes": (
            "The homes were due to be finished in November 2023 and are listed as a completed development, but the "
            "date they were finished is not confirmed. How the ten homes are split between tenures, and whether the "
            "trust had one of the council's start-up grants, are not given."
        ),
        "place_name": "Seend",
        "local_authority_name": "Wiltshire",
        "local_authority_code": "E06000054",
        "region": "south-west",
        "latitude": "51.3500",
        "longitude": "-2.0860",
        "location_basis": "place-centre",
        "setting": "rural-village",
        "community_model": "clt",
        "partnership_arrangement": "ha-develops-for-community",
        "arrangement_detail": "White Horse Housing Association develops and manages the homes for the trust.",
        "delivery": "new-build",
        "homes_built": 10,
        "stage": "live",
        "year_started": 2015,
        "themes": ["affordable-homes-in-villages", "low-energy-homes"],
        "illustration": {"building": "passivhaus", "material": "timber", "backdrop": "hills"},
        "partners": [
            (
                "seend-community-land-and-asset-trust",
                "community",
                "Chose the partner; the trust for the homes",
            ),
            (
                "white-horse-housing-association",
                "housing-association",
                "Develops and manages the homes",
            ),
        ],
        "sources": [
            source(
                "wiltshire-clh",
                "Seend community-led passive home development",
                "Wiltshire Community Led Housing",
                "https://wiltshirecommunityledhousing.org.uk/project/seend-community-led-passive-home-development",
                "network",
                "The parish and the scheme, listed as a completed development.",
            ),
            source(
                "melksham-news",
                "Community-led affordable housing partnership launched in Seend",
                "Melksham News",
                "https://melkshamnews.com/community-led-affordable-housing-partnership-launched-in-seend/",
                "press",
                "The choice of White Horse Housing Association and the council's start-up grants.",
            ),
            source(
                "nhf",
                "Local rural communities show how to deliver affordable homes",
                "National Housing Federation",
                "https://prod.housing.org.uk/news-and-blogs/blogs/belinda-eastland/local-rural-communities-show-how-to-deliver-affordable-homes/",
                "network",
                "The ten Passivhaus homes, the start in 2015/16 and the due date.",
            ),
        ],
        "outcomes": [
            outcome(
                "homes-built",
                10,
                None,
                "wiltshire-clh",
                "Listed as a completed development; the date is not confirmed.",
            ),
        ],
    },
    {
        "slug": "cornwall-clt-cornwall-rural-housing",
        "title": "Cornwall Community Land Trust and Cornwall Rural Housing Association: a county-wide umbrella",
        "published_at": when(2026, 11, 18),
        "summary": (
            "Cornwall Community Land Trust grew out of the first county-wide community land trust project, hosted by "
            "Cornwall Rural Housing Association from 2006 to 2008. Working as an umbrella for communities across the "
            "county, it counted more than 200 affordable homes within ten years, and later more than 260."
        ),
        "body": """
## Where it started

Cornwall Rural Housing Association, founded in 1985, was host to the county's first community land trust
project for the whole of Cornwall, from April 2006 to April 2008. The Tudor Trust, Cornwall County Council, the housing association
itself and Defra paid for it. Cornwall Community Land Trust grew out of that project.

## An umbrella for villages

The county trust works as an umbrella rather than as one scheme. In the same county, St Minver Community
Land Trust built affordable self-build homes in two phases; a housing association partner, not named in the
source, opened the way to grant from the Homes and Communities Agency and a bridging loan.

## How many homes

In 2017 the trust reckoned it had made more than 200 homes possible in less than ten years. A later report gives more
than 260.

## Not every partnership holds

At Nancledra, a housing association handed back the lease of a nine-home scheme: that story is told
separately in the library.
""",
        "key_messages": (
            "A housing association can host the start of a county-wide movement, not just a single scheme.\n"
            "An umbrella trust spares each village from learning everything afresh.\n"
            "Self-build can be part of a community land trust's affordable homes."
        ),
        "verification_notes": (
            "The home counts (more than 200 by 2017, more than 260 later) are the trust's own, without a list of "
            "schemes, so they are not counted in this record's homes. The housing association that partnered St "
            "Minver is not named in the source found. The point on the map is the centre of Cornwall, not a "
            "neighbourhood."
        ),
        "place_name": "Cornwall",
        "local_authority_name": "Cornwall",
        "local_authority_code": "E06000052",
        "region": "south-west",
        "latitude": "50.4067",
        "longitude": "-4.8249",
        "location_basis": "area-centre",
        "community_model": "clt",
        "partnership_arrangement": "support-only",
        "arrangement_detail": "Cornwall Rural Housing Association hosted the county-wide project from which the trust grew.",
        "year_started": 2006,
        "funders": "Tudor Trust, Cornwall County Council, Cornwall Rural Housing Association and Defra (the 2006–2008 project)",
        "themes": ["affordable-homes-in-villages", "self-build"],
        "illustration": {"building": "villages", "material": "granite", "backdrop": "sea"},
        "partners": [
            (
                "cornwall-clt",
                "community",
                "County-wide community land trust working with village trusts",
            ),
            (
                "cornwall-rural-housing-association",
                "housing-association",
                "Hosted the county-wide project, 2006 to 2008, and helped pay for it",
            ),
            ("tudor-trust", "funder", "Helped pay for the 2006–2008 project"),
            ("cornwall-county-council", "local-authority", "Helped pay for the 2006–2008 project"),
            ("defra", "funder", "Helped pay for the 2006–2008 project"),
        ],
        "sources": [
            source(
                "crha",
                "Cornwall CLT project",
                "Cornwall Rural Housing Association",
                "http://www.crha.org.uk/cclt/ccltproject.html",
                "own-account",
                "The 2006–2008 project, its funders, and the county trust that grew from it.",
            ),
            source(
                "right-to-build",
                "St Minver",
                "Right to Build",
                "https://righttobuild.org.uk/resources/case_studies/st_minver",
                "network",
                "St Minver's two phases of self-build and the unnamed housing association partner.",
            ),
            source(
                "cornish-stuff",
                "With 200 affordable homes already changing the lives of locals, Cornwall's Community Land Trust want help to do more",
                "Cornish Stuff",
                "http://cornishstuff.com/2017/06/27/with-200-affordable-homes-already-changing-the-lives-of-locals-cornwalls-community-land-trust-want-help-to-do-more/",
                "press",
                "More than 200 homes within ten years (2017).",
            ),
            source(
                "falmouth-packet",
                "Ruan Minor: affordable homes for young people",
                "Falmouth Packet",
                "https://www.falmouthpacket.co.uk/news/23734867.ruan-minor-cornwall-affordable-homes-young-people/",
                "press",
                "More than 260 homes.",
            ),
            CORNWALL_CLT_NEWS,
        ],
        "outcomes": [
            outcome(
                "homes-built",
                200,
                2017,
                "cornish-stuff",
                "More than 200 in less than ten years, as the trust counts them; a later report gives more than 260.",
            ),
        ],
    },
    {
        "slug": "nancledra-cornwall-clt-coastline",
        "title": "Nancledra: a housing association hands back the lease of nine homes",
        "published_at": when(2026, 11, 19),
        "summary": (
            "A nine-home scheme in the Cornish village of Nancledra was offered to Coastline Housing in 2019, on a "
            "lease from Cornwall Community Land Trust. Coastline then handed the lease back to the trust, citing "
            "the rising cost of construction."
        ),
        "body": """
## The scheme

Cornwall Community Land Trust offered the lease of a nine-home scheme at Nancledra to Coastline Housing, a
Cornish housing association, in 2019.

## What happened

Coastline Housing later handed the lease back to the trust, citing construction inflation: the rising cost
of building.

## Why it is in the library

Rising building costs can undo a partnership after the land and the lease have been agreed. Groups and
housing associations planning a scheme can ask early what happens if costs climb.
""",
        "key_messages": (
            "Construction inflation can end a partnership even after the land and lease are agreed.\n"
            "A lease handed back leaves the community land trust to find another way to build.\n"
            "Agree early what happens if costs rise."
        ),
        "verification_notes": (
            "The source found does not say how far the scheme had got when the lease was handed back, what will "
            "happen to it next, or which tenures were planned. The terms of the lease are not given either."
        ),
        "place_name": "Nancledra",
        "local_authority_name": "Cornwall",
        "local_authority_code": "E06000052",
        "region": "south-west",
        "latitude": "50.1660",
        "longitude": "-5.5170",
        "location_basis": "place-centre",
        "setting": "rural-village",
        "community_model": "clt",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "Cornwall CLT offered the lease of the homes to Coastline Housing in 2019; Coastline handed it back.",
        "partnership_status": "ended",
        "themes": ["lessons-from-setbacks", "affordable-homes-in-villages"],
        "illustration": {"building": "cottages", "material": "granite", "feature": "unfinished"},
        "partners": [
            ("cornwall-clt", "community", "Holds the land; offered the lease to Coastline Housing"),
            (
                "coastline-housing",
                "housing-association",
                "Was offered the lease in 2019; handed it back, citing rising construction costs",
            ),
        ],
        "sources": [CORNWALL_CLT_NEWS],
        "outcomes": [],
    },
]
