"""Demo case studies in the North East: Northumberland and the Tees Valley."""

from casestudies.demo.library._common import outcome, source, when

CASE_STUDIES = [
    {
        "slug": "stocksfield-scata-isos-housing",
        "title": "SCATA and Isos Housing: community-owned rented homes in Stocksfield",
        "published_at": when(2026, 10, 5),
        "featured": True,
        "summary": (
            "The trading arm of Stocksfield's community association kept the freehold of two small brownfield "
            "sites in this Northumberland village, while Isos Housing (now part of Karbon Homes) shared the cost of "
            "seven affordable rented homes and runs them under a long lease. The village had waited 25 to 30 years "
            "for new affordable homes."
        ),
        "body": """
## How it started

Stocksfield is a Tyne Valley village from which many people commute to Newcastle, 13 to 15 miles east. The idea of
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
the building work and runs the homes under a long lease, bringing the lettings and maintenance skills a volunteer
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
            "A newspaper's report from the unveiling counts six homes; every other source counts seven (four "
            "flats and three bungalows)."
        ),
        "place_name": "Stocksfield",
        "local_authority_name": "Northumberland",
        "local_authority_code": "E06000057",
        "region": "north-east",
        "latitude": "54.9470",
        "longitude": "-1.9060",
        "location_basis": "place-centre",
        "setting": "rural-village",
        "community_model": "clt",
        "partnership_arrangement": "community-freehold-ha-lease",
        "arrangement_detail": "SCATA holds the freehold; Isos Housing paid part of the building cost and runs the homes under a long lease.",
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
        "illustration": {"building": "bungalows", "material": "sandstone"},
        "partners": [
            ("scata", "community", "Holds the freehold of both sites"),
            (
                "isos-housing",
                "housing-association",
                "Paid part of the building cost; runs the homes under a long lease",
            ),
            (
                "stocksfield-community-association",
                "community",
                "Owns SCATA; runs the village community centre",
            ),
            ("homes-and-communities-agency", "funder", "Capital grant of £364,000"),
            ("nb-clark", "contractor", "Built the homes"),
        ],
        "sources": [
            source(
                "scata",
                "About us",
                "SCATA",
                "https://www.scatacommunity.co.uk/about-us",
                "own-account",
                "SCATA's history, its ownership by the community association and the sites.",
            ),
            source(
                "clh-scata",
                "SCATA (Stocksfield Community Association Trading Arm), Northumberland",
                "Community Led Homes",
                "https://www.communityledhomes.org.uk/",
                "network",
                "Case study page: homes, tenure, lettings plan, costs, grant and dates.",
            ),
            source(
                "clh-partnership",
                "Community-led partnership with housing association: SCATA and Karbon Homes, Northumberland",
                "Community Led Homes",
                "https://www.communityledhomes.org.uk/",
                "network",
                "Case study page: the freehold and the long lease, and the first affordable homes in 25 to 30 years.",
            ),
            source(
                "ne-connected",
                "Stocksfield community-owned homes win national housing award",
                "NE Connected",
                "https://neconnected.co.uk/",
                "press",
                "The Best Partnership award.",
            ),
            source(
                "journal",
                "Northumberland housing model",
                "The Journal",
                "https://www.thejournal.co.uk/",
                "press",
                "Press report at the unveiling; gives six homes where other sources give seven.",
            ),
        ],
        "outcomes": [
            outcome("homes-built", 7, 2015, "clh-scata"),
            outcome(
                "homes-local-connection",
                7,
                2015,
                "clh-scata",
                "Let under a local lettings plan that puts people with a parish connection first.",
            ),
            outcome(
                "years-since-affordable-homes",
                25,
                2015,
                "clh-partnership",
                "None had been built in the village for 25 to 30 years before.",
            ),
            outcome(
                "community-owned-assets",
                2,
                2015,
                "scata",
                "The freeholds of the Guessburn and Branch End sites.",
            ),
            outcome(
                "money-for-local-causes",
                100000,
                None,
                "clh-scata",
                "From the Guessburn sale, to Stocksfield Cricket Club.",
            ),
        ],
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
## A neighbourhood with empty houses

North Ormesby is roughly a mile to the east of Middlesbrough's town centre: around 1,700 households, with high
levels of poverty and unemployment. In 2013 it became a Big Local area, with £1m to spend on what residents
chose. The housing associations that owned many of its terraced streets had large numbers of empty homes
and were selling some of them off.

## Buying instead of losing them

Accent Housing owns about 90 homes in North Ormesby's streets. Six of its terraced houses stood empty.
Rather than sell them on the open market, Accent offered them to North Ormesby Development Trust, which
set up a community land trust to hold them.

The trust paid about £13,000 for each house, when the open market would have given about £25,000. The money came as a
grant from North Ormesby Big Local, so the purchase left the trust with no debt.

## Lease and repair

Thirteen Group took the houses on a five-year lease and refurbished them using the Homes and Communities
Agency's Empty Homes "lease and repair" funding, about £24,500 a home. When the lease ends the houses go
back to the trust, repaired and lettable, as assets the neighbourhood owns. The refurbishment also gave
local people work and training, apprentices among them, though no figures have been published.

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
        "verification_notes": (
            "The prices and the refurbishment money per home are given as approximate figures in the sources.\n"
            "One source calls North Ormesby the second most deprived area in the country without saying which "
            "index, edition or measure it means, so that ranking is not confirmed here."
        ),
        "place_name": "North Ormesby",
        "local_authority_name": "Middlesbrough",
        "local_authority_code": "E06000002",
        "region": "north-east",
        "latitude": "54.5705",
        "longitude": "-1.2175",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "clt",
        "partnership_arrangement": "lease-and-repair",
        "arrangement_detail": "The trust owns the houses; Thirteen leases them for five years to refurbish and let them, then hands them back.",
        "delivery": "refurbishment",
        "homes_refurbished": 6,
        "stage": "live",
        "funders": "North Ormesby Big Local grant (purchase); Homes and Communities Agency Empty Homes lease and repair funding (about £24,500 a home)",
        "themes": [
            "empty-homes",
            "neighbourhood-regeneration",
            "community-owned-assets",
            "work-and-skills",
        ],
        "illustration": {"building": "terrace", "material": "red-brick"},
        "partners": [
            (
                "north-ormesby-development-trust",
                "community",
                "Formed a community land trust and bought the houses",
            ),
            (
                "accent-housing",
                "housing-association",
                "Sold six empty terraced houses below open-market value",
            ),
            (
                "thirteen-group",
                "manager",
                "Refurbished the houses and holds them on a five-year lease",
            ),
            ("north-ormesby-big-local", "funder", "Grant that paid for the purchase"),
            ("homes-and-communities-agency", "funder", "Empty Homes lease and repair funding"),
        ],
        "sources": [
            source(
                "clh",
                "Accent Housing Foundation / North Ormesby Development Trust",
                "Community Led Homes",
                "https://www.communityledhomes.org.uk/",
                "network",
                "Case study page: the sale, the prices, the lease and the refurbishment money.",
            ),
            source(
                "mycommunity",
                "North Ormesby Development Trust working in partnership with a housing association",
                "My Community",
                "https://mycommunity.org.uk/",
                "network",
                "Case study page on the My Community website.",
            ),
            source(
                "chtv",
                "North Ormesby case study",
                "chtv.co.uk",
                "https://chtv.co.uk/north-ormesby-case-study/",
                "network",
                "Buying surplus stock below market value, empty homes held by housing associations, work and "
                "training; the unconfirmed deprivation ranking.",
            ),
            source(
                "docslib",
                "Case study: North Ormesby Community Land Trust",
                "docslib.org",
                "https://docslib.org/download/1566193/1-case-study-north-ormesby-community-land-trust",
                "network",
                "A copy of a case study document: households, where North Ormesby is, and Big Local from 2013.",
            ),
        ],
        "outcomes": [
            outcome("homes-refurbished", 6, None, "clh"),
            outcome(
                "empty-homes-back-in-use",
                6,
                None,
                "clh",
                "Six vacant terraced houses bought from Accent Housing.",
            ),
            outcome(
                "community-owned-assets",
                6,
                None,
                "clh",
                "The six houses, owned by the trust's community land trust.",
            ),
        ],
    },
    {
        "slug": "middlesbrough-clt-gresham",
        "title": "Middlesbrough Community Land Trust: council homes and empty shops in Gresham",
        "published_at": when(2026, 10, 7),
        "summary": (
            "Middlesbrough Community Land Trust took on three council homes at nil value in 2012 and had five "
            "homes in Gresham, with two shops being converted into four one-bedroom flats. Endeavour Housing "
            "managed and repaired the homes and stood beside the trust as partner and critical friend."
        ),
        "body": """
## Empty homes and a long waiting list

In 2010 Middlesbrough had 2,041 empty homes while about 4,565 people waited on the housing list, by the
trust's own count. Middlesbrough Community Land Trust, a company limited by guarantee, dates from June
2011; its aim is to bring homes in Gresham back into use under community ownership.

## Homes transferred, not bought

In 2012 three council homes passed to the trust at nil value. With those, the trust had five homes in all.
Two empty shops were being converted into four one-bedroom flats, and the trust had plans for fifteen more
refurbishments and new build of four flats and ten houses.

## A critical friend

Endeavour Housing, part of North Star Housing Group, managed and repaired the trust's five homes and acted
as its partner and critical friend: not taking over, but lending the experience of a landlord to a young
organisation. The trust's work was recognised with a TPAS award in 2013.
""",
        "key_messages": (
            "Transfers at nil value let a council put empty homes to use through a community trust.\n"
            "A housing association can help as a critical friend without owning the homes.\n"
            "Converting empty shops adds small homes without new land."
        ),
        "verification_notes": (
            "The further refurbishments and the new build of four flats and ten houses were plans when the "
            "sources were written; whether they were delivered is not confirmed.\n"
            "Which council ward the homes are in is not confirmed: the point shown is the centre of Gresham."
        ),
        "place_name": "Gresham, Middlesbrough",
        "local_authority_name": "Middlesbrough",
        "local_authority_code": "E06000002",
        "region": "north-east",
        "latitude": "54.5690",
        "longitude": "-1.2450",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "clt",
        "partnership_arrangement": "asset-transfer",
        "arrangement_detail": "Council homes transferred to the trust at nil value; Endeavour Housing manages and repairs them.",
        "delivery": "refurbishment",
        "homes_refurbished": 5,
        "stage": "live",
        "year_started": 2011,
        "themes": [
            "asset-transfer",
            "empty-homes",
            "reusing-buildings",
            "neighbourhood-regeneration",
        ],
        "illustration": {"building": "corner-shop", "material": "red-brick"},
        "partners": [
            ("middlesbrough-community-land-trust", "community", "Owns and lets the homes"),
            (
                "endeavour-housing",
                "housing-association",
                "Partner and critical friend; manages and repairs the five homes",
            ),
            (
                "middlesbrough-council",
                "local-authority",
                "Transferred three homes at nil value in 2012",
            ),
        ],
        "sources": [
            source(
                "shh",
                "Middlesbrough CLT asset transfer",
                "Self Help Housing",
                "https://self-help-housing.org/",
                "network",
                "Founding, the transfer, the five homes, the shop conversion and the plans.",
            ),
            source(
                "cltn",
                "Urban CLTs: Middlesbrough CLT",
                "National Community Land Trust Network",
                "https://www.communitylandtrusts.org.uk/",
                "network",
                "Endeavour Housing's part and the TPAS award.",
            ),
            source(
                "own",
                "What we do",
                "Middlesbrough Community Land Trust",
                "http://www.middlesbroughclt.org.uk/what-we-do/",
                "own-account",
                "Empty homes and the housing list in Middlesbrough in 2010.",
            ),
            source(
                "slides",
                "Community-led housing and the role of housing associations (HACT learning event, May 2014)",
                "SlideServe",
                "https://cdn.slideserve.com/echevarriaj/community-led-housing-and-the-role-of-housing-associations-a-hact-learning-event-powerpoint-ppt-presentation",
                "network",
                "Endeavour's figures: five homes, with management and repairs by Endeavour.",
            ),
        ],
        "outcomes": [
            outcome(
                "community-owned-assets",
                5,
                None,
                "shh",
                "Five homes, three of which the council handed over at no cost in 2012.",
            ),
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
Cleveland, and an empty-homes project that spanned four councils.
""",
        "key_messages": "A derelict landmark can become homes and stop dragging a street down.",
        "verification_notes": (
            "The number of flats is not given in the source found, nor where in Hartlepool the chapel stands: "
            "the point shown is the centre of the town."
        ),
        "place_name": "Hartlepool",
        "local_authority_name": "Hartlepool",
        "local_authority_code": "E06000001",
        "region": "north-east",
        "latitude": "54.6865",
        "longitude": "-1.2125",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "development-trust",
        "delivery": "conversion",
        "themes": ["reusing-buildings", "neighbourhood-regeneration"],
        "illustration": {"building": "chapel", "material": "red-brick"},
        "partners": [
            ("hartlepool-ndc-trust", "community", "Community partner"),
            ("thirteen-group", "housing-association", "Housing association partner"),
        ],
        "sources": [
            source(
                "chtv",
                "Hartlepool NDC Trust chapel conversion",
                "chtv.co.uk",
                "https://www.chtv.co.uk/",
                "network",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "east-cleveland-youth-housing-trust",
        "title": "East Cleveland Youth Housing Trust and Coast & Country Housing",
        "published_at": when(2026, 10, 16),
        "summary": (
            "East Cleveland Youth Housing Trust, working with Community Campus, teamed up with Coast & Country "
            "Housing in Redcar and Cleveland, backed by £250,000 of Temporary Social Housing Grant from the Homes "
            "and Communities Agency, in a borough with about 800 empty private homes and 200 empty public ones."
        ),
        "body": """
## Self-help housing with young people

East Cleveland Youth Housing Trust is a self-help housing charity: it involves young people in making
homes fit to live in. The sources name it together with Community Campus.

## Empty homes in the borough

When the project was funded, Redcar and Cleveland had about 800 empty homes in private hands and about
200 in public ownership.

## The partnership

Coast & Country Housing, a local housing association with more than 10,000 homes, was the trust's
partner. The Homes and Communities Agency put £250,000 of Temporary Social Housing Grant into the work. The
trust also ran training placements in the Tees Valley Empty Homes Project, where Coast & Country was one of
the two housing associations.
""",
        "key_messages": (
            "Self-help housing can give young people homes and skills together.\n"
            "A large housing association can put a small local charity's know-how to work on empty homes."
        ),
        "verification_notes": (
            "The number of homes is not given in the sources found, nor where the homes are: the point shown "
            "is the centre of the East Cleveland area (Brotton, Skelton and Loftus), not a neighbourhood."
        ),
        "place_name": "East Cleveland",
        "local_authority_name": "Redcar and Cleveland",
        "local_authority_code": "E06000003",
        "region": "north-east",
        "latitude": "54.5627",
        "longitude": "-0.9573",
        "location_basis": "area-centre",
        "community_model": "self-help",
        "grant_funding": 250000,
        "funders": "Homes and Communities Agency Temporary Social Housing Grant (£250,000)",
        "themes": ["young-people", "empty-homes", "neighbourhood-regeneration"],
        "illustration": {"building": "terrace", "material": "sandstone", "backdrop": "hills"},
        "partners": [
            (
                "east-cleveland-youth-housing-trust",
                "community",
                "Self-help housing charity working with young people",
            ),
            ("coast-and-country-housing", "housing-association", "Housing association partner"),
            (
                "homes-and-communities-agency",
                "funder",
                "Temporary Social Housing Grant of £250,000",
            ),
        ],
        "sources": [
            source(
                "shh",
                "Project funded with Temporary Social Housing Grant",
                "Self Help Housing",
                "http://self-help-housing.org/case-studies/project-funded-with-temporary-social-housing-grant/",
                "network",
                "The grant, Coast & Country's size and the borough's empty homes.",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "tees-valley-empty-homes-project",
        "title": "The Tees Valley Empty Homes Project: two housing associations, three councils and three self-help groups",
        "published_at": when(2026, 11, 2),
        "summary": (
            "Vela Group and Coast & Country ran an empty-homes project with the councils of Hartlepool, Redcar and "
            "Cleveland and Stockton-on-Tees, using £2.9m from the Homes and Communities Agency to bring long-empty "
            "private houses back as homes for social rent. Three self-help groups gave local people training "
            "placements on the work."
        ),
        "body": """
## Empty houses, and people who need homes and work

Across the Tees Valley, houses in private hands had stood empty for years while people waited for homes
and young people looked for work. By late 2012 two housing associations and three councils had joined
forces to tackle both at once, refurbishing the houses as homes for affordable social rent.

## Who did what

- **Vela Group and Coast & Country**, the housing associations, ran the project with the councils of
  Hartlepool, Redcar and Cleveland and Stockton-on-Tees.
- **The Homes and Communities Agency** provided £2.9m.
- **Three self-help housing groups** ran training placements: Community Campus 87 in Stockton, East
  Cleveland Youth Housing Trust in Redcar and Cleveland, and Opening Doors in Hartlepool.

## Community Campus 87

The best documented of the three, Community Campus 87, was formed in Middlesbrough in 1987. It owned 64
properties when one account was written, the last 17 of them bought with a £1.2m grant from the Empty
Homes Community Grants Programme and £500,000 of its own match funding, and it also leases homes from the
council and housing associations. Later reports put its homes at about 70, with around 100 young people
housed in any week, and say that four in five of its apprentices were still in work two years on.

## What is not known

How many homes the project brought back, and when it finished, are not in the sources found.
""",
        "key_messages": (
            "Empty private houses can become social-rent homes when housing associations and councils work together.\n"
            "Refurbishment can train local people as well as house them.\n"
            "Small self-help groups bring the local trust and the trainees; housing associations bring scale."
        ),
        "verification_notes": (
            "The sources do not say how many homes the project brought back into use, or when it ended.\n"
            "The later figures for Community Campus 87 (about 70 properties, about 100 young people housed a "
            "week) are approximate. The point on the map is the centre of the four council areas together, "
            "not any one neighbourhood."
        ),
        "target_audience": "People on the councils' housing lists, and local people training in building work",
        "place_name": "Tees Valley (Hartlepool, Middlesbrough, Redcar and Cleveland, Stockton-on-Tees)",
        "local_authority_name": "",
        "region": "north-east",
        "latitude": "54.5728",
        "longitude": "-1.1833",
        "location_basis": "area-centre",
        "setting": "urban",
        "community_model": "self-help",
        "arrangement_detail": "The housing associations and councils ran the project and let the homes; self-help groups ran training placements.",
        "delivery": "refurbishment",
        "grant_funding": 2900000,
        "funders": "Homes and Communities Agency (£2.9m)",
        "themes": ["empty-homes", "young-people", "work-and-skills", "neighbourhood-regeneration"],
        "illustration": {"building": "terrace", "material": "yellow-brick", "backdrop": "industry"},
        "partners": [
            (
                "vela-group",
                "housing-association",
                "Ran the project with Coast & Country and the councils",
            ),
            (
                "coast-and-country-housing",
                "housing-association",
                "Ran the project with Vela Group and the councils",
            ),
            ("hartlepool-borough-council", "local-authority", ""),
            ("redcar-and-cleveland-borough-council", "local-authority", ""),
            ("stockton-on-tees-borough-council", "local-authority", ""),
            ("homes-and-communities-agency", "funder", "£2.9m for the project"),
            ("community-campus-87", "community", "Training placements in Stockton"),
            (
                "east-cleveland-youth-housing-trust",
                "community",
                "Training placements in Redcar and Cleveland",
            ),
            ("opening-doors", "community", "Training placements in Hartlepool"),
        ],
        "sources": [
            source(
                "bdaily",
                "Partnership helps regenerate empty homes and creates jobs",
                "Bdaily",
                "https://bdaily.co.uk/articles/2012/11/28/partnership-helps-regenerate-empty-homes-and-creates-jobs",
                "press",
                "The partners, the £2.9m and the training placements (November 2012).",
            ),
            source(
                "shh",
                "Community Campus 87",
                "Self Help Housing",
                "http://self-help-housing.org/case-studies/case-study-5/",
                "network",
                "Community Campus 87's history, properties and the Empty Homes Community Grants Programme grant.",
            ),
            source(
                "neconnected",
                "Community Campus 87",
                "NE Connected",
                "https://neconnected.co.uk/?p=289059",
                "press",
                "Later, approximate figures for its properties and the young people it houses.",
            ),
            source(
                "world-habitat",
                "Community-led housing and young people: solutions to youth homelessness",
                "World Habitat",
                "https://world-habitat.org/news/our-blog/community-led-housing-young-people-solutions-youth-homelessness/",
                "network",
                "Apprentices still in work two years on.",
            ),
        ],
        "outcomes": [],
    },
]
