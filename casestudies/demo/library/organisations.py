"""The organisations the demo case studies name.

A website is given only where the researched facts cite the organisation's own site, and
a successor only where the facts record one.
"""


def _organisation(slug, name, kind, description, region="", website="", successor=None):
    data = {
        "slug": slug,
        "name": name,
        "kind": kind,
        "region": region,
        "website": website,
        "description": description,
    }
    if successor:
        data["successor"] = successor
    return data


HA = "housing-association"
CLT = "community-land-trust"
COOP = "housing-cooperative"
COHOUSING = "cohousing-group"
TRUST = "development-trust"
COUNCIL = "local-authority"
FUNDER = "funder"
ENABLER = "enabler"
OTHER = "other"

ORGANISATIONS = [
    # North East ---------------------------------------------------------------------
    _organisation(
        "stocksfield-community-association",
        "Stocksfield Community Association",
        OTHER,
        "A charity that has run the village community centre in Stocksfield, Northumberland, since 1958. "
        "It wholly owns SCATA, its trading arm.",
        region="north-east",
    ),
    _organisation(
        "scata",
        "SCATA (Stocksfield Community Association Trading Arm)",
        CLT,
        "A company limited by guarantee, registered on 1 May 2012 and wholly owned by Stocksfield Community "
        "Association. It works as the village's community land trust and holds the freehold of the homes it "
        "helped create.",
        region="north-east",
        website="https://www.scatacommunity.co.uk/",
    ),
    _organisation(
        "karbon-homes",
        "Karbon Homes",
        HA,
        "A housing association working across the North East and Yorkshire. Isos Housing, SCATA's partner in "
        "Stocksfield, became part of it.",
        region="north-east",
    ),
    _organisation(
        "isos-housing",
        "Isos Housing",
        HA,
        "A North East housing association that helped pay for the Stocksfield homes and runs them under a long "
        "lease. It later became part of Karbon Homes.",
        region="north-east",
        successor="karbon-homes",
    ),
    _organisation(
        "homes-and-communities-agency",
        "Homes and Communities Agency",
        FUNDER,
        "The national housing and regeneration agency for England at the time of these schemes. It paid "
        "capital grant and empty-homes money, and ran the tender for the Cashes Green site.",
    ),
    _organisation(
        "nb-clark",
        "NB Clark",
        OTHER,
        "The building contractor on the Stocksfield homes, named in the scheme's Best Partnership award.",
        region="north-east",
    ),
    _organisation(
        "stocksfield-cricket-club",
        "Stocksfield Cricket Club",
        OTHER,
        "The village cricket club, which received £100,000 from the sale connected with the Guessburn site.",
        region="north-east",
    ),
    _organisation(
        "north-ormesby-development-trust",
        "North Ormesby Development Trust",
        TRUST,
        "A neighbourhood development trust in North Ormesby, Middlesbrough, which set up a community land "
        "trust to own homes in its streets.",
        region="north-east",
    ),
    _organisation(
        "accent-housing",
        "Accent Housing",
        HA,
        "A housing association that owns about 90 homes in North Ormesby's streets and sold six empty ones to "
        "the neighbourhood's development trust.",
        region="north-east",
    ),
    _organisation(
        "thirteen-group",
        "Thirteen Group",
        HA,
        "A Tees Valley housing association. It refurbished empty homes in North Ormesby under a lease and "
        "worked with Hartlepool NDC Trust on a chapel conversion.",
        region="north-east",
    ),
    _organisation(
        "north-ormesby-big-local",
        "North Ormesby Big Local",
        FUNDER,
        "The neighbourhood's Big Local programme, whose grant paid for the trust's purchase of six empty houses.",
        region="north-east",
    ),
    _organisation(
        "middlesbrough-community-land-trust",
        "Middlesbrough Community Land Trust",
        CLT,
        "A community land trust set up in June 2011 (a company limited by guarantee) to bring homes and "
        "empty buildings in Gresham back into use.",
        region="north-east",
        website="http://www.middlesbroughclt.org.uk/",
    ),
    _organisation(
        "endeavour-housing",
        "Endeavour Housing",
        HA,
        "A Tees Valley housing association, part of North Star Housing Group, which managed and repaired "
        "Middlesbrough Community Land Trust's homes and acted as its critical friend.",
        region="north-east",
    ),
    _organisation(
        "middlesbrough-council",
        "Middlesbrough Council",
        COUNCIL,
        "The local authority for Middlesbrough, which transferred three council homes to Middlesbrough "
        "Community Land Trust.",
        region="north-east",
    ),
    _organisation(
        "hartlepool-ndc-trust",
        "Hartlepool NDC Trust",
        TRUST,
        "A community regeneration trust in Hartlepool that worked with Thirteen Group to turn a derelict "
        "chapel into affordable flats.",
        region="north-east",
    ),
    _organisation(
        "east-cleveland-youth-housing-trust",
        "East Cleveland Youth Housing Trust (Community Campus)",
        OTHER,
        "A self-help housing charity in Redcar and Cleveland, working with young people. The sources name it "
        "alongside Community Campus.",
        region="north-east",
    ),
    _organisation(
        "coast-and-country-housing",
        "Coast & Country Housing",
        HA,
        "A Redcar and Cleveland housing association with more than 10,000 homes, which worked with the area's "
        "self-help housing groups on empty homes.",
        region="north-east",
    ),
    _organisation(
        "vela-group",
        "Vela Group",
        HA,
        "A housing group, one of the two housing associations that ran the Tees Valley Empty Homes Project.",
        region="north-east",
    ),
    _organisation(
        "community-campus-87",
        "Community Campus 87",
        OTHER,
        "A self-help housing charity formed in Middlesbrough in 1987 and working from Stockton. It owns and "
        "leases homes for young people and trains them in building work.",
        region="north-east",
    ),
    _organisation(
        "opening-doors",
        "Opening Doors",
        OTHER,
        "A Hartlepool group that ran training placements on the Tees Valley Empty Homes Project.",
        region="north-east",
    ),
    _organisation(
        "hartlepool-borough-council",
        "Hartlepool Borough Council",
        COUNCIL,
        "The local authority for Hartlepool.",
        region="north-east",
    ),
    _organisation(
        "redcar-and-cleveland-borough-council",
        "Redcar and Cleveland Borough Council",
        COUNCIL,
        "The local authority for Redcar and Cleveland.",
        region="north-east",
    ),
    _organisation(
        "stockton-on-tees-borough-council",
        "Stockton-on-Tees Borough Council",
        COUNCIL,
        "The local authority for Stockton-on-Tees.",
        region="north-east",
    ),
    # North West ---------------------------------------------------------------------
    _organisation(
        "keswick-community-housing-trust",
        "Keswick Community Housing Trust",
        CLT,
        "A community housing trust formed in December 2010 in the Cumbrian market town of Keswick, working "
        "with Impact Housing Association. It won the King's Award for Voluntary Service in 2024.",
        region="north-west",
    ),
    _organisation(
        "impact-housing-association",
        "Impact Housing Association",
        HA,
        "A Cumbrian housing association, partner to Keswick Community Housing Trust.",
        region="north-west",
    ),
    _organisation(
        "allerdale-borough-council",
        "Allerdale Borough Council",
        COUNCIL,
        "The district council for Keswick until April 2023, when Cumberland Council took over. It let Keswick "
        "Community Housing Trust have a disused toilet block for a token price.",
        region="north-west",
    ),
    _organisation(
        "lyvennet-community-trust",
        "Lyvennet Community Trust",
        CLT,
        "A community land trust in Crosby Ravensworth, Cumbria: a company since August 2009 and a charity since "
        "December 2010. It was the first community land trust registered as a provider of social housing.",
        region="north-west",
    ),
    _organisation(
        "eden-housing-association",
        "Eden Housing Association",
        HA,
        "A Cumbrian housing association that advised Lyvennet Community Trust and was to manage its homes.",
        region="north-west",
    ),
    _organisation(
        "charity-bank",
        "Charity Bank",
        FUNDER,
        "A lender to charities and social enterprises, which lent Lyvennet Community Trust more than £1m.",
    ),
    _organisation(
        "charities-aid-foundation",
        "Charities Aid Foundation",
        FUNDER,
        "A charity that lent Lyvennet Community Trust £300,000.",
    ),
    _organisation(
        "granby-4-streets-clt",
        "Granby 4 Streets Community Land Trust",
        CLT,
        "A not-for-profit community land trust set up in 2011 by residents of four streets of terraced houses in "
        "Liverpool 8, when the area faced demolition.",
        region="north-west",
        website="https://www.granby4streetsclt.co.uk/",
    ),
    _organisation(
        "plus-dane-group",
        "Plus Dane Group",
        HA,
        "A housing association working in Liverpool, one of the partners in bringing the Granby streets back to life.",
        region="north-west",
    ),
    _organisation(
        "liverpool-mutual-homes",
        "Liverpool Mutual Homes",
        HA,
        "A Liverpool housing association, one of the partners at the handover of the Granby houses.",
        region="north-west",
    ),
    _organisation(
        "steve-biko-housing-association",
        "Steve Biko Housing Association",
        HA,
        "A Liverpool housing association that helped Granby 4 Streets CLT choose tenants by housing need.",
        region="north-west",
    ),
    _organisation(
        "northern-alliance-housing-coop",
        "Northern Alliance Housing Co-op",
        COOP,
        "A housing co-operative named among the partners at the handover of the Granby houses.",
        region="north-west",
    ),
    _organisation(
        "steinbeck-studio",
        "Steinbeck Studio",
        FUNDER,
        "A social investor named among the partners at the handover of the Granby houses.",
    ),
    _organisation(
        "liverpool-city-council",
        "Liverpool City Council",
        COUNCIL,
        "The local authority for Liverpool, owner of the empty houses in Granby and the terrace on Oakfield "
        "Road in Anfield.",
        region="north-west",
    ),
    _organisation(
        "homebaked-clt",
        "Homebaked Community Land Trust",
        CLT,
        "A community land trust set up in 2014 in Anfield, Liverpool, which grew out of an arts project and "
        "runs a community bakery.",
        region="north-west",
        website="https://homebaked.org.uk/",
    ),
    _organisation(
        "your-housing-group",
        "Your Housing Group",
        HA,
        "A housing association that was Homebaked CLT's development partner until it withdrew in 2024.",
        region="north-west",
    ),
    _organisation(
        "power-to-change",
        "Power to Change",
        FUNDER,
        "An independent trust that funds community businesses in England.",
        website="https://www.powertochange.org.uk/",
    ),
    _organisation(
        "homes-england",
        "Homes England",
        FUNDER,
        "The government's housing agency for England, which funded Chapeltown Cohousing's scheme and, through "
        "its Community Housing Fund, feasibility work at Homebaked.",
    ),
    _organisation(
        "homes-for-change",
        "Homes for Change",
        COOP,
        "A tenants' housing co-operative in Hulme, Manchester, which manages 75 flats around a shared courtyard.",
        region="north-west",
    ),
    _organisation(
        "work-for-change",
        "Work for Change",
        OTHER,
        "A co-operative of 18 members, formed in 1993, that runs the workspace sharing the Homes for Change "
        "courtyard.",
        region="north-west",
    ),
    _organisation(
        "guinness-trust",
        "The Guinness Trust",
        HA,
        "The housing association that developed the Homes for Change building in Hulme for two co-operatives. "
        "It is now thought to be known as The Guinness Partnership, which the sources here do not confirm.",
    ),
    _organisation(
        "european-regional-development-fund",
        "European Regional Development Fund",
        FUNDER,
        "The European Union fund that paid for the Work for Change workspace in Hulme.",
    ),
    # Yorkshire and the Midlands ------------------------------------------------------
    _organisation(
        "chapeltown-cohousing",
        "Chapeltown Cohousing (ChaCo)",
        COHOUSING,
        "A cohousing group in Chapeltown, Leeds, building homes around a shared common house.",
        region="yorkshire",
    ),
    _organisation(
        "unity-homes-and-enterprise",
        "Unity Homes and Enterprise",
        HA,
        "A Leeds housing association that built flats for people over 55 alongside Chapeltown Cohousing.",
        region="yorkshire",
    ),
    _organisation(
        "housing-21",
        "Housing 21",
        HA,
        "A housing association for older people. Its first cohousing scheme is in Lozells, Birmingham.",
        website="https://www.housing21.org.uk/",
    ),
    _organisation(
        "birmingham-city-council",
        "Birmingham City Council",
        COUNCIL,
        "The local authority for Birmingham, Housing 21's partner on cohousing for older people at Lozells and "
        "Saltley.",
        region="west-midlands",
    ),
    _organisation(
        "legacy-west-midlands",
        "Legacy West Midlands",
        OTHER,
        "A Birmingham charity that introduced Housing 21 to local residents in Lozells.",
        region="west-midlands",
    ),
    _organisation(
        "deeley-construction",
        "Deeley Construction",
        OTHER,
        "The building contractor on Rupali Court, Housing 21's cohousing scheme in Lozells.",
        region="west-midlands",
    ),
    _organisation(
        "uk-cohousing-network",
        "UK Cohousing Network",
        ENABLER,
        "The national network for cohousing groups.",
    ),
    _organisation(
        "sheffield-hallam-university-cresr",
        "Sheffield Hallam University (CRESR)",
        OTHER,
        "The university's Centre for Regional Economic and Social Research, which evaluated the Lozells "
        "cohousing scheme.",
        region="yorkshire",
    ),
    _organisation(
        "saffron-lane-neighbourhood-council",
        "Saffron Lane Neighbourhood Council",
        OTHER,
        "A community organisation on the Saffron Lane estate in Leicester, which owns the land of the Saffron "
        "Heath homes and leases it to emh group.",
        region="east-midlands",
    ),
    _organisation(
        "emh-group",
        "emh group",
        HA,
        "An East Midlands housing association that developed and lets the Passivhaus homes at Saffron Heath.",
        region="east-midlands",
    ),
    _organisation(
        "leicester-city-council",
        "Leicester City Council",
        COUNCIL,
        "The local authority for Leicester, which let the Neighbourhood Council have the Saffron Heath site for £1.",
        region="east-midlands",
    ),
    _organisation(
        "westleigh",
        "Westleigh",
        OTHER,
        "The builders of the Saffron Heath homes in Leicester.",
        region="east-midlands",
    ),
    # London -------------------------------------------------------------------------
    _organisation(
        "older-womens-cohousing",
        "Older Women's Co-Housing (OWCH)",
        COHOUSING,
        "A group of older women who formed in 1998 and now live together at New Ground, their cohousing "
        "community in High Barnet.",
        region="london",
    ),
    _organisation(
        "hanover-housing-association",
        "Hanover Housing Association",
        HA,
        "A housing association for older people, which developed New Ground and sold its owned flats to members.",
    ),
    _organisation(
        "housing-for-women",
        "Housing for Women",
        HA,
        "A housing association for women, which owns the freehold of New Ground and is landlord of its "
        "social-rent flats.",
        region="london",
    ),
    # South West ---------------------------------------------------------------------
    _organisation(
        "norton-sub-hamdon-community-land-trust",
        "Norton-sub-Hamdon Community Land Trust",
        CLT,
        "A village community land trust in Somerset that owns ten homes and went on to buy the village shop "
        "and post office.",
        region="south-west",
        website="https://nortonclt.btck.co.uk/",
    ),
    _organisation(
        "yarlington-housing-group",
        "Yarlington Housing Group",
        HA,
        "A housing association that has partnered with several community land trusts in Somerset and Dorset, "
        "including through the Wessex CLT Project.",
        region="south-west",
    ),
    _organisation(
        "lyme-regis-community-land-trust",
        "Lyme Regis Community Land Trust",
        CLT,
        "The community land trust behind the affordable homes at Garman's Field in Lyme Regis, Dorset. It owns "
        "the site for good and takes part in choosing tenants.",
        region="south-west",
    ),
    _organisation(
        "west-dorset-district-council",
        "West Dorset District Council",
        COUNCIL,
        "The district council for Lyme Regis and Bridport until April 2019, when Dorset Council replaced it.",
        region="south-west",
    ),
    _organisation(
        "cg-fry-and-son",
        "CG Fry & Son",
        OTHER,
        "The building contractor on the Garman's Field homes in Lyme Regis.",
        region="south-west",
    ),
    _organisation(
        "wessex-clt-project",
        "Wessex CLT Project",
        ENABLER,
        "A regional programme that supports village community land trusts and pairs them with housing "
        "association partners.",
        region="south-west",
    ),
    _organisation(
        "aster-group",
        "Aster Group",
        HA,
        "A housing association partner of the Wessex CLT Project.",
    ),
    _organisation(
        "hastoe-housing-association",
        "Hastoe Housing Association",
        HA,
        "A housing association partner of the Wessex CLT Project, which built and manages the Symene and "
        "Marshwood community land trusts' homes in West Dorset.",
    ),
    _organisation(
        "teign-housing",
        "Teign Housing",
        HA,
        "A housing association partner of the Wessex CLT Project.",
        region="south-west",
    ),
    _organisation(
        "alliance-homes",
        "Alliance Homes",
        HA,
        "A housing association partner of the Wessex CLT Project.",
        region="south-west",
    ),
    _organisation(
        "symene-clt",
        "Symene Community Land Trust",
        CLT,
        "A community land trust in Symondsbury, on the edge of Bridport in West Dorset.",
        region="south-west",
    ),
    _organisation(
        "bristol-clt",
        "Bristol Community Land Trust",
        CLT,
        "A city-wide community land trust set up in 2011 with the council's help, whose homes go to members "
        "eligible for social housing.",
        region="south-west",
        website="https://www.bristolclt.co.uk/",
    ),
    _organisation(
        "united-communities",
        "United Communities",
        HA,
        "A Bristol housing association that partnered with Bristol Community Land Trust. It is now called "
        "Brighter Places.",
        region="south-west",
        successor="brighter-places",
    ),
    _organisation(
        "brighter-places",
        "Brighter Places",
        HA,
        "A Bristol housing association, formerly United Communities, which manages and develops homes with the "
        "city's community-led groups.",
        region="south-west",
    ),
    _organisation(
        "bristol-city-council",
        "Bristol City Council",
        COUNCIL,
        "The local authority for Bristol, which sold or discounted land for community-led homes and helped set "
        "up Bristol Community Land Trust.",
        region="south-west",
    ),
    _organisation(
        "ecomotive",
        "Ecomotive",
        OTHER,
        "A Bristol organisation that supports residents finishing their own homes.",
        region="south-west",
    ),
    _organisation(
        "ambition-lawrence-weston",
        "Ambition Lawrence Weston",
        TRUST,
        "A residents' development trust on the Lawrence Weston estate in north-west Bristol, formed after the "
        "local college closed.",
        region="south-west",
    ),
    _organisation(
        "e-g-carter",
        "E G Carter",
        OTHER,
        "The contractor named for the Astry Close homes in Lawrence Weston.",
        region="south-west",
    ),
    _organisation(
        "cashes-green-clt",
        "Cashes Green Community Land Trust",
        CLT,
        "A community land trust for the two Cashes Green wards of Stroud, open to anyone there for £1, which "
        "owns the freehold of most of the former hospital site.",
        region="south-west",
    ),
    _organisation(
        "gloucestershire-land-for-people",
        "Gloucestershire Land for People",
        CLT,
        "A county community land trust, which began in 2005 as Stroud & District CLT and worked with Cashes Green "
        "CLT.",
        region="south-west",
    ),
    _organisation(
        "greensquare",
        "GreenSquare",
        HA,
        "A housing group that, through Hab Oakus, developed the Cashes Green homes and paid for the setting up "
        "of the community land trust there.",
        region="south-west",
    ),
    _organisation(
        "hab-oakus",
        "Hab Oakus",
        OTHER,
        "The developer at Cashes Green: a joint venture between GreenSquare and Hab, the company of Kevin "
        "McCloud.",
        region="south-west",
    ),
    _organisation(
        "seend-community-land-and-asset-trust",
        "Seend Community Land and Asset Trust",
        CLT,
        "A community land trust in the Wiltshire parish of Seend.",
        region="south-west",
    ),
    _organisation(
        "white-horse-housing-association",
        "White Horse Housing Association",
        HA,
        "A Melksham-based housing association chosen by Seend's trust to develop and manage its homes.",
        region="south-west",
    ),
    _organisation(
        "cornwall-clt",
        "Cornwall Community Land Trust",
        CLT,
        "A county-wide community land trust that helps village trusts across Cornwall get homes built.",
        region="south-west",
        website="https://cornwallclt.org/",
    ),
    _organisation(
        "cornwall-rural-housing-association",
        "Cornwall Rural Housing Association",
        HA,
        "A housing association formed in 1985, which hosted the first county-wide community land trust project "
        "in Cornwall.",
        region="south-west",
        website="http://www.crha.org.uk/",
    ),
    _organisation(
        "coastline-housing",
        "Coastline Housing",
        HA,
        "A Cornish housing association, which took on and then handed back the lease of a scheme at Nancledra.",
        region="south-west",
    ),
    _organisation(
        "tudor-trust",
        "Tudor Trust",
        FUNDER,
        "An independent grant-making trust, which helped fund the Cornwall community land trust project and "
        "supported Lyvennet Community Trust.",
    ),
    _organisation(
        "cornwall-county-council",
        "Cornwall County Council",
        COUNCIL,
        "The county council for Cornwall when the county-wide community land trust project began.",
        region="south-west",
    ),
    _organisation(
        "defra",
        "Department for Environment, Food and Rural Affairs (Defra)",
        FUNDER,
        "The government department that helped fund the Cornwall community land trust project.",
    ),
    # Wales and Scotland ---------------------------------------------------------------
    _organisation(
        "solva-clt",
        "Solva Community Land Trust",
        CLT,
        "A community land trust set up in 2019 in the Pembrokeshire village of Solva.",
        region="wales",
    ),
    _organisation(
        "ateb",
        "ateb",
        HA,
        "A Pembrokeshire housing association (the Ateb Group), partner to Solva Community Land Trust.",
        region="wales",
    ),
    _organisation(
        "pembrokeshire-county-council",
        "Pembrokeshire County Council",
        COUNCIL,
        "The local authority for Pembrokeshire, which funds affordable homes from its premium on council tax "
        "for second homes.",
        region="wales",
    ),
    _organisation(
        "planed",
        "PLANED",
        ENABLER,
        "A Pembrokeshire organisation that runs the county's community land trust project, funded through the "
        "LEADER programme.",
        region="wales",
    ),
    _organisation(
        "staffin-community-trust",
        "Staffin Community Trust",
        TRUST,
        "A community trust in Staffin, on the Trotternish peninsula of Skye.",
        region="scotland",
    ),
    _organisation(
        "lochalsh-and-skye-housing-association",
        "Lochalsh & Skye Housing Association",
        HA,
        "A housing association on Skye and in Lochalsh, which lets social-rent homes in Staffin.",
        region="scotland",
    ),
    _organisation(
        "communities-housing-trust",
        "Communities Housing Trust",
        ENABLER,
        "A Highland charity that project-manages affordable homes for rural and island communities.",
        region="scotland",
        website="https://www.chtrust.co.uk/",
    ),
    _organisation(
        "nhs-highland",
        "NHS Highland",
        OTHER,
        "The health board for the Highlands, which leases Staffin's community-owned health centre.",
        region="scotland",
    ),
    _organisation(
        "scottish-government",
        "Scottish Government",
        FUNDER,
        "Its Rural & Islands Housing Fund helped pay for the Staffin homes.",
        region="scotland",
    ),
]
