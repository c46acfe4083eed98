"""The demo library: real partnerships, written afresh from researched facts.

Every figure comes from the sources listed with it. Where the sources do not give a value
it is left empty rather than guessed; where they disagree or do not confirm something,
`verification_notes` says so in plain words.

How the figures are recorded:

- The homes fields describe the scheme as its sources do: for one still being planned or
  built they are the homes planned, and its stage says so. A partnership that ended before
  building anything records no homes delivered.
- Outcomes are what the scheme achieved, each resting on one of its own sources (the
  `source` key names it) and dated by the year the facts give, if any.
- The stage is the latest one the sources confirm.
- Coordinates mark the centre of the village, town or neighbourhood named, never the homes
  (`location_basis` "place-centre"). A programme across a county or several councils is
  placed at the centre of that whole area ("area-centre"), which says nothing about any one
  neighbourhood's deprivation.
- Local authority codes are those of today's councils (April 2023 onwards).
- Each source records what kind of source it is (`kind`, from SOURCE_KINDS), kept with the
  data for grading the strength of evidence; the Source model has no field for it yet.

A case study may list `former_slugs` if it is renamed; RETIRED_CASE_STUDIES lists slugs the
demo no longer holds. See loader.py for how both are treated.
"""

from casestudies.demo.library import (
    london_wales_scotland,
    midlands_yorkshire,
    north_east,
    north_west,
    south_west,
)
from casestudies.demo.library.organisations import ORGANISATIONS

SOURCE_KINDS = {
    "own-account": "The scheme's or its partners' own account",
    "official": "A funder, regulator, council, parliament or award body",
    "network": "A sector network's case study or learning material",
    "press": "Press, trade press, a blog or another published copy",
    "evaluation": "An independent evaluation or commissioned study",
    "research": "Peer-reviewed research",
}

THEMES = [
    (
        "affordable-homes-in-villages",
        "Affordable homes in villages",
        "Homes for people priced out of the places they grew up in or work in.",
    ),
    (
        "empty-homes",
        "Empty homes brought back",
        "Refurbishing empty or derelict homes rather than building new ones.",
    ),
    (
        "reusing-buildings",
        "Reusing old buildings and sites",
        "Derelict buildings, brownfield plots and converted shops or chapels.",
    ),
    ("asset-transfer", "Asset transfer", "Homes or land passed to a community organisation."),
    (
        "community-owned-assets",
        "Community-owned assets",
        "What the community owns beyond homes: shops, post offices, pubs, land.",
    ),
    (
        "homes-for-local-people",
        "Homes for local people",
        "Lettings that give priority to people with a local connection.",
    ),
    (
        "neighbourhood-regeneration",
        "Neighbourhood regeneration",
        "Partnerships in places that have lost out, turning streets around.",
    ),
    ("older-people", "Older people", "Homes designed with and for people in later life."),
    ("young-people", "Young people", "Housing and skills for young people."),
    (
        "shared-living",
        "Shared spaces and mutual support",
        "Cohousing and common houses: neighbours who know and help each other.",
    ),
    ("self-build", "Self-build", "Plots and homes people build or finish for themselves."),
    (
        "lessons-from-setbacks",
        "Lessons from setbacks",
        "Partnerships that ended or stalled, and what others can learn from them.",
    ),
    (
        "low-energy-homes",
        "Low-energy homes",
        "Passivhaus and other homes that cost little to heat.",
    ),
    (
        "second-homes",
        "Second homes and holiday lets",
        "Places where second homes and holiday lets price local people out.",
    ),
    (
        "work-and-skills",
        "Work and skills",
        "Training, apprenticeships and workspace alongside the homes.",
    ),
    (
        "loneliness-and-wellbeing",
        "Loneliness and wellbeing",
        "Schemes studied for what they do for loneliness and wellbeing.",
    ),
]

# Indicators the demo's facts need and the migration's starting set lacks. Created by the
# loader if missing; staff can refine them like any other.
INDICATORS = [
    {
        "slug": "applicants-per-home",
        "name": "Applicants for each home",
        "framework": "housing-outputs",
        "unit": "applicants",
        "aggregation": "average",
        "lower_is_better": False,
        "order": 20,
        "description": "How many households applied for each home when the homes were offered: a sign of "
        "the need the scheme meets. Where a source says “more than”, the figure is the lower bound.",
    },
    {
        "slug": "homes-local-connection",
        "name": "Homes kept for people with a local connection",
        "framework": "housing-outputs",
        "unit": "homes",
        "aggregation": "sum",
        "lower_is_better": False,
        "order": 21,
        "description": "Homes whose lettings or sales are limited to, or give priority to, people with a "
        "connection to the place: a local lettings plan, policy or covenant.",
    },
]

CASE_STUDIES = [
    *north_east.CASE_STUDIES,
    *north_west.CASE_STUDIES,
    *midlands_yorkshire.CASE_STUDIES,
    *south_west.CASE_STUDIES,
    *london_wales_scotland.CASE_STUDIES,
]

# Slugs of case studies the demo once held and no longer does, with the reason given in
# their history when `--update` archives them.
RETIRED_CASE_STUDIES = {}

__all__ = [
    "CASE_STUDIES",
    "INDICATORS",
    "ORGANISATIONS",
    "RETIRED_CASE_STUDIES",
    "SOURCE_KINDS",
    "THEMES",
]
