"""The demo guide, written from the project's researched facts, loaded with the demo
library: matched by slug, created when missing, restored with `update`, and saved only
when something differs (so a second run changes nothing)."""

from casestudies.guides.models import Guide, GuideEntry
from casestudies.models import CaseStudy
from casestudies.models.choices import Status

GUIDES = [
    {
        "slug": "housing-associations-and-clts-examples-to-copy",
        "title": "Housing associations and community land trusts: examples to copy",
        "summary": (
            "Nine partnerships in which a community land trust and a housing association shared the work of "
            "building or keeping homes for local people, chosen for the deal each struck and what others can take from it."
        ),
        "introduction": (
            "A community land trust brings land, local knowledge and the trust of its neighbours; a housing "
            "association brings finance, the skills to build and the duty to manage homes well for decades. "
            "Put together, they get homes built in places where neither would have managed alone.\n\n"
            "The examples below are picked because the arrangement between the two is clear and could be "
            "copied: who owns the land, who holds the lease, who lets the homes and to whom. Most are in "
            "villages and small towns where second homes and high prices push local people out; one is on a "
            "hospital site in a town. Each note says what to look at."
        ),
        "key_lessons": "\n".join(
            [
                "Settle who owns the freehold first: a trust that keeps the land keeps the homes local for good.",
                "A long lease (often 125 years) lets the housing association borrow and build while the land stays with the community.",
                "Write the local connection into the lettings plan from the start, so the homes go to the people the survey counted.",
                "Small sites that nobody else wants, such as a disused toilet block or a derelict club, can carry a first scheme.",
                "A first scheme builds the trust's standing: several went on to save a pub or a shop, or to build again.",
            ]
        ),
        "call_to_action": (
            "Thinking of a partnership of your own? Read the full case studies, then talk to your regional "
            "community-led housing hub about finding a partner."
        ),
        "call_to_action_url": "https://www.communityledhomes.org.uk/",
        "entries": [
            (
                "stocksfield-scata-isos-housing",
                "The plainest version of the deal: the village trust kept the freehold of two small brownfield sites and "
                "the housing association paid towards the build and manages the seven rented homes on a long lease.",
            ),
            (
                "norton-sub-hamdon-clt-yarlington",
                "Ten homes for rent and shared ownership on a 125-year lease, with a ground rent paid to the trust, "
                "which later used its standing to take on the village shop and post office.",
            ),
            (
                "lyme-regis-garmans-field",
                "Land sold for a nominal sum, the trust owning the site for ever and taking part in allocations: "
                "homes kept for people who have lived in the town for years.",
            ),
            (
                "keswick-community-housing-trust-impact",
                "A trust in a town where nearly a third of properties are second homes, building scheme after "
                "scheme with its housing association partner on sites from diocesan plots to an old toilet block.",
            ),
            (
                "lyvennet-community-trust-eden-housing",
                "The housing association advised and was to manage the homes; the trust went on to become a "
                "registered provider itself and to save the village pub.",
            ),
            (
                "cashes-green-clt-greensquare-stroud",
                "A larger, mixed scheme: the trust owns the freehold of all but the homes for sale, and the housing "
                "association holds a lease on the affordable homes that can be handed back.",
            ),
            (
                "symene-clt-hastoe-symondsbury",
                "Land given by local landowners and a rural housing association that builds and manages: "
                "a pattern repeated across West Dorset's many small trusts.",
            ),
            (
                "seend-clat-white-horse-housing",
                "A village trust choosing a local housing association to develop and manage ten Passivhaus homes, "
                "growing out of its neighbourhood plan.",
            ),
            (
                "wessex-clt-project",
                "One programme, five housing association partners and many trusts, with the option for each "
                "trust to buy out the lease later: the model at the scale of a region.",
            ),
        ],
    }
]
GUIDE_FIELDS = (
    "title",
    "summary",
    "introduction",
    "key_lessons",
    "call_to_action",
    "call_to_action_url",
)


def sync_demo_guides(upsert, save, update, report):
    """Load the demo guides with the demo loader's own `upsert` and `save`."""
    for data in GUIDES:
        values = {name: data[name] for name in GUIDE_FIELDS}
        values["status"] = Status.PUBLISHED
        guide = upsert(Guide, data, values, report, update)
        case_studies = CaseStudy.objects.in_bulk(
            [slug for slug, _ in data["entries"]], field_name="slug"
        )
        for order, (slug, note) in enumerate(data["entries"]):
            if slug not in case_studies:
                continue  # a case study staff have since removed
            entry = GuideEntry.objects.filter(guide=guide, case_study=case_studies[slug]).first()
            if entry is None:
                save(GuideEntry(guide=guide, case_study=case_studies[slug], note=note, order=order))
            elif update and (entry.note, entry.order) != (note, order):
                entry.note, entry.order = note, order
                save(entry)
