"""Demo case studies in London, Wales and Scotland."""

from casestudies.demo.library._common import outcome, source, when

CASE_STUDIES = [
    {
        "slug": "owch-new-ground-high-barnet",
        "title": "New Ground: Older Women's Co-Housing with Hanover and Housing for Women, High Barnet",
        "published_at": when(2026, 11, 23),
        "featured": True,
        "summary": (
            "Older Women's Co-Housing looked for partners from 1998 until it found two housing associations for "
            "New Ground, 25 flats in High Barnet: Hanover developed and paid for the building and sold 17 flats to "
            "members, and Housing for Women owns the freehold and lets 8 at social rent. Residents moved in at the "
            "end of 2016."
        ),
        "body": """
## Turned down, then built

Older Women's Co-Housing (OWCH) formed in 1998, after a cohousing event run by the National Council for
Voluntary Organisations. At first every London borough it approached turned it down, and so did nine
housing associations. Building began around 2010, and the women moved into New Ground, on Union Street in
High Barnet, in December 2016.

## Who does what

- **Hanover** was the developer: it paid for the building and sold the owned flats to members.
- **Housing for Women** owns the freehold and lets the social-rent flats.
- **New Ground**, the residents' community, holds the head lease, and each flat has a lease of 250 years.

## The homes

There are 25 flats, eleven with one bedroom, eleven with two and three with three. Seventeen are owned by
the women who live in them and eight are let at social rent. The largest cost about £400,000. Each buyer put
down £2,000 to reserve a flat, then a 10% deposit. The housing association paid for the site and every cost before
building started, and has said it would not do so again.

## Recognised and studied

New Ground won a World Habitat Award; 26 women aged from 58 to 94 lived there at the time. In 2021 it was
among the five schemes looked at closely in "Those little connections", a study of loneliness in
community-led housing that the government commissioned.
""",
        "key_messages": (
            "Persistence matters: this group was turned down by every borough and nine housing associations before it found partners.\n"
            "Two housing associations can split the roles: one develops and sells, the other holds the freehold and lets at social rent.\n"
            "Owners and social tenants can share one cohousing community.\n"
            "A housing association that forward-funds a community's scheme takes a risk it may not take twice."
        ),
        "verification_notes": (
            "The sources disagree on when the women moved in: December 2016 in one, January 2017 in another, and "
            "one page says the scheme was completed in 2012, which the others contradict.\n"
            "Which housing association paid for the site and said it would not do so again is given only as “the "
            "housing association”. The loneliness study's findings for New Ground were not found, so no wellbeing "
            "outcome is recorded."
        ),
        "target_audience": "Older women",
        "place_name": "High Barnet",
        "local_authority_name": "Barnet",
        "local_authority_code": "E09000003",
        "region": "london",
        "latitude": "51.6545",
        "longitude": "-0.2005",
        "location_basis": "place-centre",
        "setting": "suburban",
        "community_model": "cohousing",
        "partnership_arrangement": "ha-develops-for-community",
        "arrangement_detail": "Hanover developed the building and sold 17 flats to members; Housing for Women owns the freehold and lets 8 at social rent; New Ground holds the head lease.",
        "delivery": "new-build",
        "homes_built": 25,
        "homes_social_rent": 8,
        "homes_market": 17,
        "stage": "live",
        "year_started": 1998,
        "year_completed": 2016,
        "funders": "Paid up front by the housing association: the site and every cost before building; then members' fees, deposits and purchases",
        "themes": ["older-people", "shared-living", "loneliness-and-wellbeing"],
        "illustration": {"building": "flats", "material": "render-white", "backdrop": "city"},
        "partners": [
            ("older-womens-cohousing", "community", "Formed the community; holds the head lease"),
            (
                "hanover-housing-association",
                "housing-association",
                "Developer: paid for the building and sold flats to members",
            ),
            (
                "housing-for-women",
                "housing-association",
                "Owns the freehold; landlord of the social-rent flats",
            ),
        ],
        "sources": [
            source(
                "metropolis",
                "New Ground cohousing community",
                "Metropolis",
                "https://use.metropolis.org/case-studies/new-ground-cohousing-community",
                "network",
                "Who does what, the leases, construction from 2010 and moving in in January 2017.",
            ),
            source(
                "social-life",
                "Older Women's Co-Housing",
                "Social Life (Community Dynamics)",
                "https://www.communitydynamics.social-life.co/post/older-women-s-co-housing",
                "network",
                "The flats and their tenures.",
            ),
            source(
                "ibtimes",
                "Modern utopia: inside London's women-only housing",
                "International Business Times",
                "https://www.ibtimes.co.uk/modern-utopia-inside-londons-women-only-housing-1610224",
                "press",
                "The price of the largest flats.",
            ),
            source(
                "right-to-build",
                "New Ground",
                "Right to Build Toolkit",
                "https://righttobuildtoolkit.org.uk/case-studies/new-ground/",
                "network",
                "The group's start in 1998, forward funding and members' payments.",
            ),
            source(
                "future-of-london",
                "Spotlight: older women's housing",
                "Future of London",
                "https://www.futureoflondon.org.uk/2017/08/22/spotlight-older-womens-housing/",
                "network",
                "Rejections by boroughs and housing associations, and moving in in December 2016.",
            ),
            source(
                "world-habitat",
                "New Ground cohousing community",
                "World Habitat",
                "https://world-habitat.org/awards/winners/new-ground-cohousing-community",
                "official",
                "The World Habitat Award and the residents' ages.",
            ),
            source(
                "lse",
                "Those little connections: community-led housing and loneliness",
                "LSE London blog",
                "https://blogs.lse.ac.uk/lselondon/those-little-connections-community-led-housing-and-loneliness/",
                "evaluation",
                "New Ground as one of the study's case studies.",
            ),
        ],
        "outcomes": [
            outcome(
                "homes-built",
                25,
                2016,
                "social-life",
                "Residents moved in in December 2016 (January 2017 in another source).",
            ),
            outcome("homes-social-rent", 8, 2016, "social-life", "Let by Housing for Women."),
        ],
    },
    {
        "slug": "solva-clt-ateb",
        "title": "Solva CLT and ateb: eighteen homes paid for by the second-homes premium",
        "published_at": when(2026, 11, 24),
        "summary": (
            "In the Pembrokeshire village of Solva, a community land trust set up in 2019 is working with the "
            "housing association ateb on 18 homes, designed together, on council land leased to ateb. In October "
            "2020 the county council's cabinet agreed to pay for the whole scheme, about £3m, from its premium on "
            "council tax for second homes."
        ),
        "body": """
## What the village wanted

When Solva's community was surveyed, 141 people replied and 86% supported the scheme. Of the 65 who
expected their housing needs to change, 56% thought they would need an affordable home.

## The partners

Solva Community Land Trust was set up in 2019. Its partners are the housing association ateb, the county
council, and PLANED, the organisation running Pembrokeshire's community land trust project with LEADER money.

## Paid for by second homes

About £3m comes from the premium Pembrokeshire charges on council tax for second homes. On 5 October 2020
the council's cabinet agreed to meet the whole cost with a grant to ateb, which needed the Welsh Government's
consent. The scheme has been called the first of its kind in Wales.

## The homes

ateb designed the 18 homes with the trust, and the two set the allocation policy together; lettings follow a
local lettings policy. ateb is to hold the council's playing field on a 50-year lease; the football pitch
is put back, and the scheme includes a community facility.

## Nearby

In the same county, Nolton and Roch Community Land Trust is also looking to build with ateb.
""",
        "key_messages": (
            "A council's premium on second homes can pay for homes for the people second homes push out.\n"
            "Designing the homes and the allocation policy together keeps the community in charge of who benefits.\n"
            "A survey of local need makes the case, in numbers, to the council and the funders."
        ),
        "verification_notes": (
            "When the homes will be or were finished is not given in the sources found, so the stage shown is the "
            "last they confirm. The grant needed the Welsh Government's consent; whether it was given is not "
            "stated. The cost of about £3m is approximate."
        ),
        "target_audience": "Local people, under a local lettings policy",
        "place_name": "Solva",
        "local_authority_name": "Pembrokeshire",
        "local_authority_code": "W06000009",
        "region": "wales",
        "latitude": "51.8741",
        "longitude": "-5.1970",
        "location_basis": "place-centre",
        "setting": "coastal",
        "community_model": "clt",
        "partnership_arrangement": "ha-develops-for-community",
        "arrangement_detail": "ateb designed the homes with the trust and holds a 50-year lease of the council's land; the two set the allocation policy together.",
        "delivery": "new-build",
        "homes_built": 18,
        "stage": "plan",
        "year_started": 2019,
        "grant_funding": 3000000,
        "funders": "Pembrokeshire County Council grant for the whole cost (about £3m), from its council-tax premium on second homes",
        "themes": ["second-homes", "homes-for-local-people", "affordable-homes-in-villages"],
        "illustration": {
            "building": "cottages",
            "material": "render-pastel",
            "backdrop": "harbour",
        },
        "partners": [
            (
                "solva-clt",
                "community",
                "Designed the homes and set the allocation policy with ateb",
            ),
            (
                "ateb",
                "housing-association",
                "Designed the homes with the trust; holds a 50-year lease of the land; receives the grant",
            ),
            (
                "pembrokeshire-county-council",
                "local-authority",
                "Owns the playing field; pays for the scheme from its second-homes premium",
            ),
            ("planed", "enabler", "Runs the Pembrokeshire community land trust project"),
        ],
        "sources": [
            source(
                "solva-council",
                "Solva Community Land Trust",
                "Solva Community Council",
                "https://solva.gov.wales/solvaclt/?et_blog",
                "official",
                "The trust's founding, the partners and the second-homes premium.",
            ),
            source(
                "telegraph-grant",
                "Solva Community Land Trust wins Pembrokeshire County Council second-home council tax grant",
                "Western Telegraph",
                "https://www.westerntelegraph.co.uk/news/18785260.solva-community-land-trust-wins-pembrokeshire-county-council-second-home-council-tax-grant/?ref=rss",
                "press",
                "The cabinet's decision of 5 October 2020, the 18 homes and the playing field.",
            ),
            source(
                "telegraph-lease",
                "Solva homes: the lease of the playing field",
                "Western Telegraph",
                "https://www.westerntelegraph.co.uk/news/19073628.headline/?ref=rss",
                "press",
                "The 50-year lease and the local lettings policy.",
            ),
            source(
                "survey",
                "CLT survey results",
                "Solva Community Council",
                "https://solva.gov.wales/clt-survey-results/",
                "official",
                "The community survey.",
            ),
            source(
                "whq",
                "Cwmpas: communities take control",
                "Welsh Housing Quarterly",
                "https://whq.org.uk/the-magazine/issue/130/cwmpas-communities-take-control",
                "press",
                "Nolton and Roch CLT and ateb.",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "staffin-community-trust-lochalsh-skye",
        "title": "Staffin Community Trust and Lochalsh & Skye Housing Association: homes and a health centre on Skye",
        "published_at": when(2026, 11, 25),
        "summary": (
            "In Staffin, on Skye's Trotternish peninsula, where 40 residents had left in four years, the community "
            "trust, Lochalsh & Skye Housing Association and the Communities Housing Trust built six affordable homes, "
            "two workspaces and a health centre owned by the community and let to NHS Highland. Families moved in in "
            "February 2022."
        ),
        "body": """
## A township losing people

Staffin lies on the Trotternish peninsula in the north of Skye. In four years, 40 of its residents left.

## One scheme, three landlords

The Communities Housing Trust managed the project with Staffin Community Trust. The six affordable homes
are held three ways: Lochalsh & Skye Housing Association lets homes at social rent, Staffin Community Trust
lets at a community rent, and the Communities Housing Trust sells homes at a discount. Building began in
August 2020, and in February 2022 about twelve adults and eight children moved in. The Scottish
Government's Rural & Islands Housing Fund paid part of the cost.

## More than homes

The scheme also made two workspaces to let and a health centre that the community owns and leases to NHS
Highland. The lease brings income back into the community.
""",
        "key_messages": (
            "Homes, work and health care together can help a remote place keep its people.\n"
            "A community-owned building let to a public body earns the community a steady income.\n"
            "Three landlords in one small scheme can offer social rent, community rent and discounted sale."
        ),
        "verification_notes": (
            "How many of the six homes are in each tenure is not given. The numbers of adults and children who "
            "moved in are approximate."
        ),
        "place_name": "Staffin, Isle of Skye",
        "local_authority_name": "Highland",
        "local_authority_code": "S12000017",
        "region": "scotland",
        "latitude": "57.6270",
        "longitude": "-6.2060",
        "location_basis": "place-centre",
        "setting": "coastal",
        "community_model": "development-trust",
        "arrangement_detail": "The housing association lets at social rent, the community trust at a community rent, and the Communities Housing Trust sells at a discount.",
        "delivery": "new-build",
        "homes_built": 6,
        "stage": "live",
        "year_started": 2020,
        "year_completed": 2022,
        "funders": "Scottish Government Rural & Islands Housing Fund (part of the cost)",
        "themes": ["community-owned-assets", "affordable-homes-in-villages", "work-and-skills"],
        "illustration": {
            "building": "health-centre",
            "material": "render-white",
            "backdrop": "mountains",
        },
        "partners": [
            (
                "staffin-community-trust",
                "community",
                "Lets homes at a community rent; owns the health centre and workspaces",
            ),
            (
                "lochalsh-and-skye-housing-association",
                "housing-association",
                "Lets homes at social rent",
            ),
            (
                "communities-housing-trust",
                "enabler",
                "Managed the project; sells homes at a discount",
            ),
            ("scottish-government", "funder", "Rural & Islands Housing Fund"),
        ],
        "sources": [
            source(
                "cht",
                "Staffin case study",
                "Communities Housing Trust",
                "https://www.chtrust.co.uk/case-studies-to-be-deleted.html",
                "own-account",
                "The whole scheme: homes, tenures, dates, funding, health centre and workspace.",
            ),
        ],
        "outcomes": [
            outcome("homes-built", 6, 2022, "cht", "People moved in in February 2022."),
            outcome(
                "community-owned-assets",
                3,
                2022,
                "cht",
                "The health centre leased to NHS Highland and two workspaces to let.",
            ),
        ],
    },
]
