"""Demo case studies in the North West: Cumbria, Liverpool and Manchester."""

from casestudies.demo.library._common import outcome, source, when

CASE_STUDIES = [
    {
        "slug": "keswick-community-housing-trust-impact",
        "title": "Keswick Community Housing Trust and Impact Housing Association: homes in a town of second homes",
        "published_at": when(2026, 10, 10),
        "summary": (
            "In Keswick, where nearly a third of properties are second homes, a community housing trust formed in "
            "2010, working with Impact Housing Association, has built up homes on four sites, from The Hopes in 2013 "
            "to Southey Court in 2021. It counts 40 homes, and more than four households apply for each."
        ),
        "body": """
## A town losing its homes

Keswick, in the northern Lake District, has a population of 4,821, and nearly a third of its properties
are second homes. Keswick Community Housing Trust was formed on 17 December 2010 to provide homes local
people can afford, with Impact Housing Association as its housing association partner.

## The first scheme: The Hopes

The trust bought eleven building plots from the diocese at £10,000 each. The Homes and Communities Agency
gave a grant of £230,000, and the trust had £18,000 of revenue money to get started. Of the eleven homes,
one was sold on the open market and five were sold in shared ownership, with buyers taking half the
equity. The Hopes opened in December 2013.

## Four sites

- **The Hopes**: eleven homes, opened in 2013.
- **A disused toilet block**, which Allerdale Borough Council let the trust have for a token price, became
  four one-bedroom flats.
- **Calvert Way**: twenty-two homes, under construction when one account was written.
- **Southey Court**: three three-bedroom houses and a two-bedroom house, on land set aside in 2013. Work
  began in October 2019 and the homes were ready in July 2021, after nearly ten years of delays.

The trust names its four sites as The Hopes, Banks Court, Calvert Way and Southey Court.

## The town invests

A community share issue in 2012 raised £60,000. By its tenth anniversary the trust had net assets of
nearly £6m, and in 2024 it won the King's Award for Voluntary Service.

## What it can and cannot do

Demand far outstrips supply: the homes are oversubscribed by more than four to one. The trust's chair has
said that the most it can claim is to have slowed the drain of homes into second homes and holiday lets.
""",
        "key_messages": (
            "A lasting partnership can deliver several schemes in one town, each easier than the last.\n"
            "Community shares let a town put its own money into homes for its people.\n"
            "Small sites and old buildings, a toilet block included, can add homes where land is scarce.\n"
            "Where second homes take a third of the stock, even forty homes only slow the loss."
        ),
        "verification_notes": (
            "The trust counts 40 homes on its four sites, but the figures the sources give for each scheme (11 "
            "at The Hopes, 4 converted flats, 22 at Calvert Way and 4 at Southey Court) add up to 41. The "
            "difference may be the home at The Hopes sold on the open market; no source says so.\n"
            "The 22 homes at Calvert Way were under construction when one source was written; a later source "
            "lists Calvert Way among the trust's four sites. The tenure of the homes beyond The Hopes is not "
            "given, and which site holds the converted flats is not stated."
        ),
        "place_name": "Keswick",
        "local_authority_name": "Cumberland",
        "local_authority_code": "E06000063",
        "region": "north-west",
        "latitude": "54.6013",
        "longitude": "-3.1347",
        "location_basis": "place-centre",
        "setting": "market-town",
        "community_model": "clt",
        "delivery": "mixed",
        "homes_built": 37,
        "homes_refurbished": 4,
        "homes_shared_ownership": 5,
        "homes_market": 1,
        "stage": "live",
        "year_started": 2010,
        "year_completed": 2021,
        "grant_funding": 230000,
        "revenue_funding": 18000,
        "funders": "Homes and Communities Agency grant of £230,000 and £18,000 of start-up revenue (both for The Hopes); community shares (£60,000 in 2012)",
        "themes": ["second-homes", "reusing-buildings", "community-owned-assets"],
        "illustration": {"building": "cottages", "material": "slate", "backdrop": "fells"},
        "partners": [
            ("keswick-community-housing-trust", "community", "Owns the homes on four sites"),
            ("impact-housing-association", "housing-association", "Housing association partner"),
            (
                "allerdale-borough-council",
                "local-authority",
                "Let the trust have a disused toilet block for a token price",
            ),
            ("homes-and-communities-agency", "funder", "Grant of £230,000 for The Hopes"),
        ],
        "sources": [
            source(
                "chpd",
                "Case studies",
                "Community Housing Project Development",
                "http://communityhousingprojectdevelopment.uk/index.php/case-studies",
                "network",
                "The Hopes (opened December 2013), the converted flats, Calvert Way and the town's population.",
            ),
            source(
                "clh",
                "Keswick Community Housing Trust",
                "Community Led Homes",
                "https://www.communityledhomes.org.uk/keswick-community-housing-trust",
                "network",
                "The first scheme: plots, grant, sales and start-up revenue.",
            ),
            source(
                "reminder-anniversary",
                "Keswick Community Housing Trust at ten",
                "Keswick Reminder",
                "https://keswickreminder.co.uk/?p=5200",
                "press",
                "The 40 homes on four sites, net assets, oversubscription and the chair's view.",
            ),
            source(
                "reminder-award",
                "Keswick Community Housing Trust wins King's Award",
                "Keswick Reminder",
                "https://keswickreminder.co.uk/2024/11/14/keswick-community-housing-trust-wins-kings-award",
                "press",
                "The 2012 share issue, the toilet block and the 2024 award.",
            ),
            source(
                "reminder-southey",
                "New affordable homes in Keswick ready after nearly 10 years of delays",
                "Keswick Reminder",
                "https://keswickreminder.co.uk/2021/07/15/new-affordable-homes-in-keswick-ready-after-nearly-10-years-of-delays",
                "press",
                "Southey Court.",
            ),
            source(
                "coming-home",
                "How did a group of self-confessed amateurs build 37 homes in Keswick?",
                "The Archbishop of Canterbury (Coming Home church blogs)",
                "https://www.archbishopofcanterbury.org/priorities/coming-home/church-blogs/how-did-group-self-confessed-amateurs-build-37-homes-keswick",
                "press",
                "Second homes in Keswick.",
            ),
        ],
        "outcomes": [
            outcome("homes-built", 11, 2013, "chpd", "At The Hopes, opened in December 2013."),
            outcome(
                "homes-built",
                22,
                None,
                "chpd",
                "At Calvert Way: under construction when this source was written; the trust later lists it among its four sites.",
            ),
            outcome(
                "homes-built",
                4,
                2021,
                "reminder-southey",
                "At Southey Court: three three-bedroom houses and a two-bedroom house.",
            ),
            outcome(
                "homes-refurbished",
                4,
                None,
                "reminder-award",
                "Four one-bedroom flats made from a disused toilet block.",
            ),
            outcome(
                "community-owned-assets",
                40,
                None,
                "reminder-anniversary",
                "Homes on the trust's four sites, as reported around its tenth anniversary.",
            ),
            outcome(
                "applicants-per-home",
                4,
                None,
                "reminder-anniversary",
                "Oversubscribed by more than four to one.",
            ),
        ],
    },
    {
        "slug": "lyvennet-community-trust-eden-housing",
        "title": "Lyvennet Community Trust and Eden Housing Association: homes and a pub in Crosby Ravensworth",
        "published_at": when(2026, 11, 3),
        "summary": (
            "In the Cumbrian village of Crosby Ravensworth, Lyvennet Community Trust built twelve affordable homes "
            "on a former stoneworks site, with self-build plots for local people, advised by Eden Housing "
            "Association. It went on to buy and reopen the village pub, and became the first community land trust "
            "to register as a provider of social housing."
        ),
        "body": """
## A survey that started it

A housing need survey late in 2008 found that the area needed 23 affordable homes.
The people behind it formed Lyvennet Community Trust, a company from August 2009 and a charity from
December 2010.

## Stoneworks Garth

The homes are on the site of the former Cumbria Stoneworks, now called Stoneworks Garth: twelve affordable
homes, ten to rent and two in shared ownership. Alongside them are plots for self-builders, with
covenants that keep them for people with a local connection.

## The housing association's part

Eden Housing Association advised the trust as a professional partner, and the plan was for it to manage
the homes.
The trust later went further than most: it became the first community land trust to register as a
provider of social housing.

## Paying for it

The Homes and Communities Agency gave £660,000, and Charity Bank lent more than £1m. The Community Land
Trust Fund, the Tudor Trust, the Esmée Fairbairn Foundation, Venturesome and Eden District Council all
helped, and one account also records £300,000 lent by the Charities Aid Foundation.

## More than housing

When the village pub, the Butchers Arms, closed in 2010, the trust raised £300,000 through a community
share issue to buy it. Volunteers gave more than 4,000 hours to a £75,000 refurbishment, and the pub
reopened in 2011. The trust's work has also brought nursery places and an anaerobic digester.
""",
        "key_messages": (
            "A housing need survey gives a village the evidence to act.\n"
            "A trust that starts with homes can go on to save the places where a village meets, such as its pub.\n"
            "With a housing association's advice, a community land trust can grow into a landlord in its own right."
        ),
        "verification_notes": (
            "The sources disagree on the number of self-build plots: one gives eight, another seven. They are not "
            "counted among the homes here.\n"
            "The homes had an official opening one October, but the source found does not say in which year, so "
            "no year of completion is recorded."
        ),
        "place_name": "Crosby Ravensworth",
        "local_authority_name": "Westmorland and Furness",
        "local_authority_code": "E06000064",
        "region": "north-west",
        "latitude": "54.5265",
        "longitude": "-2.5845",
        "location_basis": "place-centre",
        "setting": "rural-village",
        "community_model": "clt",
        "partnership_arrangement": "support-only",
        "arrangement_detail": "Eden Housing Association advised the trust, and the plan was for it to manage the homes.",
        "delivery": "new-build",
        "homes_built": 12,
        "homes_affordable_rent": 10,
        "homes_shared_ownership": 2,
        "stage": "live",
        "year_started": 2008,
        "grant_funding": 660000,
        "funders": (
            "Homes and Communities Agency (£660,000); Charity Bank (more than £1m of private finance); £300,000 "
            "lent by the Charities Aid Foundation; the Community Land Trust Fund, Tudor Trust, Esmée Fairbairn "
            "Foundation, Venturesome and Eden District Council"
        ),
        "themes": [
            "affordable-homes-in-villages",
            "community-owned-assets",
            "self-build",
            "reusing-buildings",
            "homes-for-local-people",
        ],
        "illustration": {"building": "pub", "material": "limestone-grey", "backdrop": "fells"},
        "partners": [
            (
                "lyvennet-community-trust",
                "community",
                "Built and owns the homes; bought the village pub",
            ),
            (
                "eden-housing-association",
                "housing-association",
                "Advised the trust; due to manage the homes",
            ),
            ("homes-and-communities-agency", "funder", "Grant of £660,000"),
            ("charity-bank", "funder", "More than £1m of private finance"),
            ("charities-aid-foundation", "funder", "A £300,000 loan"),
            ("tudor-trust", "funder", "Support for the trust"),
        ],
        "sources": [
            source(
                "press-release",
                "“Community building its own housing”: press release, 26 January 2010",
                "Lyvennet Community Trust",
                "https://lctnews.wordpress.com/2011/02/02/%E2%80%9Ccommunity-building-its-own-housing%E2%80%9D-press-release-26th-january-2010/",
                "own-account",
                "The housing need survey, the trust's founding and Eden Housing Association's part.",
            ),
            source(
                "rory-rates",
                "Rory rates Crosby Ravensworth's affordable housing",
                "Rory Stewart",
                "https://www.rorystewart.co.uk/rory-rates-crosby-ravensworths-affordable-housing/",
                "press",
                "The twelve homes, their tenure and the self-build plots.",
            ),
            source(
                "coop-news",
                "Housing case study 1: Lyvennet Community Trust",
                "Co-operative News",
                "https://www.thenews.coop/85034/sector/housing/housing-case-study-1-lyvennet-community-trust/",
                "press",
                "Funding, registration as a provider, the pub and eight self-build plots.",
            ),
            source(
                "docslib",
                "Crosby Ravensworth, Cumbria",
                "docslib.org",
                "https://docslib.org/doc/21047/crosby-ravensworth-cumbria",
                "network",
                "A copy of a case study: seven self-build plots, the loan, the nursery and the digester.",
            ),
            source(
                "rory-event",
                "Rory chairs community affordable housing event",
                "Rory Stewart",
                "http://www.rorystewart.co.uk/rory-chairs-community-affordable-housing-event/",
                "press",
                "The official opening in October (year not given).",
            ),
        ],
        "outcomes": [
            outcome(
                "homes-built",
                12,
                None,
                "rory-rates",
                "Officially opened one October; the year is not given.",
            ),
            outcome(
                "community-owned-assets",
                1,
                2011,
                "coop-news",
                "The Butchers Arms, the village pub, bought with a £300,000 community share issue and reopened in 2011.",
            ),
        ],
    },
    {
        "slug": "granby-four-streets-clt",
        "title": "Granby Four Streets: residents save Liverpool terraces from demolition",
        "published_at": when(2026, 11, 4),
        "featured": True,
        "summary": (
            "In Liverpool 8, residents of four streets of mostly empty terraces formed a community land trust in "
            "2011. With the council and housing associations including Plus Dane, Liverpool Mutual Homes and Steve "
            "Biko, they refurbished eleven houses, selling five and keeping six as affordable rented homes, and "
            "made two more into a winter garden."
        ),
        "body": """
## Streets marked for demolition

Granby's four streets (Cairns Street, Beaconsfield Street, Ducie Street and Jermyn Street) once held
about 200 terraced houses. By 2010 more than half of them stood empty, and the area faced demolition.

## Residents take over

In 2011 residents set up Granby 4 Streets Community Land Trust, a not-for-profit organisation. Under
Liverpool's "Homes for a Pound" approach it bought ten empty houses from the city council.

## The partners

At the handover of the keys to ten houses, the trust stood with Liverpool City Council, two housing
associations (Liverpool Mutual Homes and Plus Dane Group), Northern Alliance Housing Co-op and Steinbeck
Studio, a social investor. Five of the houses were to be sold, and five let at affordable rents to the
trust's members. In April 2015, with the trust's first five houses on site and due for May, Plus Dane had
27 properties on Beaconsfield Street under refurbishment.

## What had been done by 2019

- Eleven two-bedroom terraced houses refurbished, not rebuilt: five sold and six kept as affordable rented
  homes.
- Two neighbouring houses joined to make the Granby Winter Garden, for community and arts use.
- Steve Biko Housing Association helped the trust give priority to tenants in housing need, and people
  who had moved away were invited to return.

## Beyond the houses

The project brought the architects Assemble the Turner Prize in 2015, and Granby Workshop, a
community interest company that grew out of it, employs five people.
""",
        "key_messages": (
            "Streets written off for demolition can be saved by the people who live in them.\n"
            "Refurbishing terraces keeps a neighbourhood's character and its residents.\n"
            "Several housing associations can each play a part: refurbishing nearby homes, helping choose tenants.\n"
            "A shared space such as a winter garden gives a revived street somewhere to meet."
        ),
        "verification_notes": (
            "The trust's page gives six affordable rented homes but says that five have tenants, so one seems not "
            "to have been let when it was written.\n"
            "How the houses are held between the trust and the housing associations, the total cost and the rents "
            "are not given in the sources found. The five houses sold are recorded as “other tenure” because the "
            "sources do not say on what terms they were sold."
        ),
        "place_name": "Granby, Toxteth (Liverpool 8)",
        "local_authority_name": "Liverpool",
        "local_authority_code": "E08000012",
        "region": "north-west",
        "latitude": "53.3946",
        "longitude": "-2.9580",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "clt",
        "partnership_arrangement": "asset-transfer",
        "arrangement_detail": "The council sold the trust empty houses under Homes for a Pound; housing associations refurbished nearby homes and helped choose tenants.",
        "delivery": "refurbishment",
        "homes_refurbished": 11,
        "homes_affordable_rent": 6,
        "homes_other_tenure": 5,
        "stage": "live",
        "year_started": 2011,
        "themes": [
            "empty-homes",
            "neighbourhood-regeneration",
            "asset-transfer",
            "work-and-skills",
        ],
        "illustration": {
            "building": "terrace",
            "material": "red-brick",
            "feature": "winter-garden",
        },
        "partners": [
            (
                "granby-4-streets-clt",
                "community",
                "Bought and refurbished the houses; runs the Winter Garden",
            ),
            (
                "plus-dane-group",
                "housing-association",
                "Refurbished 27 properties on Beaconsfield Street",
            ),
            (
                "liverpool-mutual-homes",
                "housing-association",
                "Partner at the handover of the trust's first ten houses",
            ),
            (
                "steve-biko-housing-association",
                "housing-association",
                "Helped give priority to tenants in housing need",
            ),
            (
                "liverpool-city-council",
                "local-authority",
                "Sold the trust empty houses under Homes for a Pound",
            ),
            ("northern-alliance-housing-coop", "enabler", "Partner at the handover"),
            ("steinbeck-studio", "funder", "Social investor"),
        ],
        "sources": [
            source(
                "newsletter",
                "The latest Granby 4 Streets newsletter",
                "Granby 4 Streets CLT (copy on abcdocz)",
                "https://deploy.abcdocz.com/doc/1701066/the-latest-granby-4-streets-newsletter-here",
                "own-account",
                "The trust's founding, Plus Dane's 27 properties and the first five houses (April 2015).",
            ),
            source(
                "cooperative-city",
                "Granby Four Streets CLT",
                "Co-operative City",
                "https://cooperativecity.org/2017/10/25/granby-four-streets-clt/",
                "press",
                "The trust's founding by residents in 2011.",
            ),
            source(
                "clh",
                "Granby Four Streets",
                "Community Led Homes",
                "https://www.communityledhomes.org.uk/success-stories/granby-four-streets",
                "network",
                "Empty homes by 2010, the threat of demolition and Homes for a Pound.",
            ),
            source(
                "liverpool-express",
                "Key to a new future for Granby 4 Streets",
                "Liverpool Express (Liverpool City Council)",
                "https://liverpoolexpress.co.uk/key-new-future-granby-4-streets/",
                "official",
                "The partners at the handover and the plan for sale and rent.",
            ),
            source(
                "housing-project",
                "Housing project",
                "Granby 4 Streets CLT",
                "https://www.granby4streetsclt.co.uk/housingproject/",
                "own-account",
                "What had been done by 2019: the houses, the Winter Garden, lettings, the Turner Prize and Granby Workshop.",
            ),
        ],
        "outcomes": [
            outcome(
                "homes-refurbished",
                11,
                2019,
                "housing-project",
                "Two-bedroom terraced houses: five sold, six kept for affordable rent.",
            ),
            outcome(
                "shared-spaces",
                1,
                2019,
                "housing-project",
                "The Granby Winter Garden, made from two neighbouring houses for community and arts use.",
            ),
        ],
    },
    {
        "slug": "homebaked-clt-your-housing-anfield",
        "title": "Homebaked and Your Housing Group: the Anfield homes that were not built",
        "published_at": when(2026, 11, 5),
        "featured": True,
        "summary": (
            "Beside Liverpool FC's ground in Anfield, Homebaked Community Land Trust planned to turn a council-owned "
            "terrace into eight affordable rented homes, business units and a bigger bakery, with Your Housing Group "
            "as development partner. Planning permission came in 2019, but the housing association withdrew in 2024 "
            "and the council decided to sell the houses on the open market."
        ),
        "body": """
## A bakery and a street

Homebaked grew out of 2Up2Down, an arts project that began in 2010, and became a community land trust
in 2014. The council bought the street's bakery and agreed to pass it to the trust
for £1 once the flat above, which sleeps up to eight people, had been renovated. Power to Change gave the
trust £154,000. Since December 2017 that flat has been let at social rent to young people aged 18 to 35.

## The plan for Oakfield Terrace

Nearby, on Oakfield Road, the council owned a terrace of nine properties. The trust's plan, designed by the architects
URBED, was to refurbish them as eight homes, three business units and an extension to the bakery; it won
planning permission in 2019. A feasibility study that year, paid for by Power to Change and Homes
England's Community Housing Fund, had looked at eight affordable rented homes and up to two business units.
The council's cabinet approved the scheme in April 2023, and in May 2023 the trust was seeking registration
as a provider of social housing in its own right.

## What happened

Your Housing Group, the development partner, withdrew in 2024. On 10 December 2024 the council chose to
put the nine properties up for sale on the open market; a local report of the decision spoke of too much uncertainty.
The trust answered with an open letter. The homes have not been built.

## Why it is in the library

Most case studies show what worked. This one shows how a scheme with years of community work, planning
permission and council approval can still fall through when a partner leaves, which is as useful to a
group starting out as any success.
""",
        "key_messages": (
            "Planning permission and council approval do not make a scheme safe: it can still fail at the last step.\n"
            "Relying on a single housing association partner is a risk: when it withdrew, the scheme stopped.\n"
            "Becoming a registered provider itself, as Homebaked sought to in 2023, is one way to depend less on a single partner.\n"
            "Recording what did not work helps other groups as much as recording what did."
        ),
        "verification_notes": (
            "The planning consent and the 2019 feasibility study describe the scheme differently: three business "
            "units in one, up to two in the other. One headline speaks of nine new homes where the scheme itself "
            "makes eight homes from nine properties.\n"
            "Why Your Housing Group withdrew is not given in the sources found. The flat above the bakery, let "
            "since 2017, is not counted here: the sources do not link it to Your Housing Group."
        ),
        "target_audience": "Young people aged 18 to 35, in the flat above the bakery; affordable rented homes planned for the terrace",
        "place_name": "Anfield",
        "local_authority_name": "Liverpool",
        "local_authority_code": "E08000012",
        "region": "north-west",
        "latitude": "53.4315",
        "longitude": "-2.9600",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "clt",
        "partnership_arrangement": "ha-develops-for-community",
        "arrangement_detail": "Your Housing Group was to develop the refurbished terrace with the trust; it withdrew in 2024.",
        "delivery": "refurbishment",
        "homes_refurbished": 0,
        "stage": "plan",
        "partnership_status": "ended",
        "year_started": 2014,
        "funders": (
            "Power to Change (£154,000 to the trust); Power to Change and Homes England's Community Housing Fund "
            "(the 2019 feasibility study)"
        ),
        "themes": ["lessons-from-setbacks", "neighbourhood-regeneration", "reusing-buildings"],
        "illustration": {"building": "bakery", "material": "red-brick"},
        "partners": [
            ("homebaked-clt", "community", "Planned the scheme; runs the bakery"),
            (
                "your-housing-group",
                "housing-association",
                "Development partner until it withdrew in 2024",
            ),
            (
                "liverpool-city-council",
                "local-authority",
                "Owns the terrace; decided in December 2024 to sell it on the open market",
            ),
            ("power-to-change", "funder", "£154,000 to the trust, and the 2019 feasibility study"),
            (
                "homes-england",
                "funder",
                "Community Housing Fund money for the 2019 feasibility study",
            ),
        ],
        "sources": [
            source(
                "clh",
                "Homebaked Community Land Trust, Liverpool",
                "Community Led Homes",
                "https://www.communityledhomes.org.uk/homebaked-community-land-trust-liverpool",
                "network",
                "The trust's origins, the bakery, the £1 transfer and Power to Change's grant.",
            ),
            source(
                "lraction",
                "Homebaked and Oakfield Terrace",
                "lraction.uk",
                "https://lraction.uk/?p=143",
                "press",
                "The flat let from December 2017, and cabinet approval in April 2023.",
            ),
            source(
                "newstart",
                "Homebaked CLT gets green light for 9 new homes in Liverpool",
                "New Start",
                "https://newstartmag.co.uk/articles/homebaked-clt-gets-green-light-for-9-new-homes-in-liverpool/",
                "press",
                "The scheme and its 2019 planning permission; the headline's nine homes are eight in the scheme it describes.",
            ),
            source(
                "power-to-change",
                "Homebaked Community Land Trust gets go-ahead to bring terrace back to life",
                "Power to Change",
                "https://www.powertochange.org.uk/news/anfield-everton-residents-put-buzz-back-oakfield-road-homebaked-community-land-trust-gets-go-ahead-bring-terrace-back-life/",
                "official",
                "The 2019 feasibility study and who paid for it.",
            ),
            source(
                "herald",
                "“Too much uncertainty” as Anfield community homes plan is shelved",
                "Liverpool Herald",
                "https://liverpoolherald.com/2024/12/10/too-much-uncertainty-as-anfield-community-homes-plan-is-shelved",
                "press",
                "Your Housing Group's withdrawal and the council's decision of 10 December 2024.",
            ),
            source(
                "open-letter",
                "An open letter from Homebaked CLT",
                "Homebaked CLT",
                "https://homebaked.org.uk/blog/an-open-letter-from-homebaked-clt",
                "own-account",
                "The trust's response to the council's decision.",
            ),
            source(
                "update-2023",
                "Oakfield Terrace: an update from Tom at Homebaked CLT, May 2023",
                "Homebaked CLT",
                "https://homebaked.org.uk/blog/oakfield-terrace-an-update-from-tom-at-homebaked-clt-may-2023",
                "own-account",
                "The application to become a registered provider.",
            ),
        ],
        "outcomes": [],
    },
    {
        "slug": "homes-for-change-guinness-trust-hulme",
        "title": "Homes for Change and the Guinness Trust: a co-operative block in Hulme",
        "published_at": when(2026, 11, 6),
        "summary": (
            "Where part of Hulme's 1960s estate in Manchester came down, the Guinness Trust built a six-storey "
            "courtyard block for two co-operatives: Homes for Change, which manages 75 flats, and Work for "
            "Change, which runs workspace. The first 50 homes, with a café, shop, small theatre and garden, were "
            "finished in 1996."
        ),
        "body": """
## A building for two co-operatives

On Old Birley Street in Hulme, the Guinness Trust developed a scheme for two tenants' co-operatives, Homes
for Change and Work for Change. In place of part of Hulme's 1960s estate it put up a six-storey block
arranged round a courtyard.

The first phase was finished in September 1996: 50 homes and 32 studios, with a café, a shop, a small
theatre and a garden. A second phase followed, and the Homes for Change co-operative now manages 75 flats
of one to four bedrooms.

## Work beside homes

The workspace was built with the Guinness Trust using money from the European Regional Development Fund,
and shares the courtyard with the flats. Work for Change, which became a co-operative in 1993, has 18
members.

## Living there

Around 2000, very few tenants moved on: four or five of the 50 in a year. The building itself, though,
had persistent defects. A later account gives the rent of a two-bedroom flat as about £300 a month
with some bills included, far under what the market charges.

## Who owns it

Around 2000 the co-operative was in talks to buy the entire building from the Guinness Trust.
Whether the sale went through is not confirmed.
""",
        "key_messages": (
            "A housing association can build for co-operatives that then run their own homes.\n"
            "Homes, workspace and shared rooms in one building make a neighbourhood, not just housing.\n"
            "Low turnover is one sign that people want to stay; building defects can still cloud the picture."
        ),
        "verification_notes": (
            "Around 2000 the co-operative was negotiating a purchase of the building; whether it went through is "
            "not confirmed. That the Guinness Trust is now called The Guinness Partnership is not confirmed "
            "by the sources here.\n"
            "The 32 studios of the first phase are taken to be workspace and are not counted as homes; the sources "
            "do not say. When the second phase was finished is not given."
        ),
        "place_name": "Hulme",
        "local_authority_name": "Manchester",
        "local_authority_code": "E08000003",
        "region": "north-west",
        "latitude": "53.4665",
        "longitude": "-2.2490",
        "location_basis": "place-centre",
        "setting": "urban",
        "community_model": "cooperative",
        "partnership_arrangement": "ha-owns-community-manages",
        "arrangement_detail": "The Guinness Trust developed the block; the Homes for Change co-operative manages the flats.",
        "delivery": "new-build",
        "homes_built": 75,
        "stage": "live",
        "funders": "European Regional Development Fund (the workspace)",
        "themes": ["shared-living", "work-and-skills", "neighbourhood-regeneration"],
        "illustration": {"building": "courtyard", "material": "yellow-brick"},
        "partners": [
            ("homes-for-change", "community", "Manages the 75 flats"),
            ("work-for-change", "community", "Runs the workspace"),
            (
                "guinness-trust",
                "housing-association",
                "Developed the scheme for the two co-operatives",
            ),
            ("european-regional-development-fund", "funder", "Paid for the workspace"),
        ],
        "sources": [
            source(
                "building",
                "Defective vision",
                "Building",
                "https://www.building.co.uk/focus/defective-vision/1002854.article",
                "press",
                "About 2000: the scheme, the first phase, turnover, defects and the co-operative's negotiations.",
            ),
            source(
                "meteor",
                "Work for Change says co-ops are about sharing wealth rather than grabbing it",
                "The Meteor",
                "https://themeteor.org/work-for-change-says-co-ops-are-about-sharing-wealth-rather-than-grabbing-it/",
                "press",
                "The workspace, its funding, the 75 flats and Work for Change's members.",
            ),
            source(
                "mill",
                "The price of living in communal paradise",
                "Manchester Mill",
                "https://manchestermill.co.uk/p/the-price-of-living-in-communal-paradise",
                "press",
                "The flats and a rent.",
            ),
        ],
        "outcomes": [
            outcome(
                "homes-built", 50, 1996, "building", "The first phase, finished in September 1996."
            ),
            outcome(
                "shared-spaces",
                2,
                1996,
                "building",
                "A small theatre and a garden, alongside a café and a shop.",
            ),
        ],
    },
]
