"""Every finder facet, declared once.

Each entry says what a facet is called in the query string, how it is labelled, which
field or relation of a case study it reads, its vocabulary and how a value matches.
The FilterSet (`filters`), the facet index (`facet_index`), the facet panel and the
active-filter tags (`selectors`) and the insights' breakdowns are all made from this
table, in its order. Values inside one facet combine with "any" (OR); facets combine
with "all" (AND).
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from casestudies import geography
from casestudies.models import CaseStudy, Organisation, Theme
from casestudies.models.choices import (
    DEPRIVATION_BAND_DECILES,
    TENURE_FIELDS,
    CommunityModel,
    Delivery,
    DeprivationBand,
    PartnershipStatus,
    Region,
    Setting,
    Stage,
    Tenure,
)

# How a facet's values match a case study.
SINGLE = "single"  # the field holds one value of the vocabulary
COLUMNS = "columns"  # each value has a column of its own, matched when above zero
BUCKET = "bucket"  # each value stands for a set of the field's values; () for none recorded
RELATION = "relation"  # many-to-many: rows of another model, chosen by slug
RANGE = "range"  # a number from and to, each end a parameter of its own

# How the panel lists a facet's options.
ALL_OPTIONS = "all"  # every option of the vocabulary, in its order
IN_USE = "in-use"  # the options the public library uses, or that are ticked
MOST_USED = "most-used"  # the options with most case studies here, or that are ticked


@dataclass(frozen=True)
class Breakdown:
    """A facet broken down on /insights/: case studies and homes for each option."""

    title: str = ""  # its chart's title; blank when the page draws it another way
    what: str = ""  # the thing counted, in the chart's summary ("region")
    not_recorded: bool = False  # a last row for case studies without a value


@dataclass(frozen=True)
class Bound:
    """One end of a range facet."""

    param: str
    lookup: str  # "gte" or "lte"
    label: str
    example: int


@dataclass(frozen=True, eq=False)
class Facet:
    param: str
    label: str
    field: str  # a CaseStudy field, or a relation path for RELATION
    vocabulary: object = None  # a choices class, or a callable giving a queryset
    match: str = SINGLE
    what: str = ""  # the kind of thing, in "We don't recognise the …"
    columns: dict = None  # COLUMNS: value -> column
    buckets: dict = None  # BUCKET: value -> the field's values
    public: str = ""  # RELATION: the facet index's set of the pks the public may know of
    panel: str = ALL_OPTIONS
    plural: str = ""  # MOST_USED: the options in the plural, in the panel's note
    note: str = ""
    breakdown: Breakdown = None
    bounds: tuple = ()  # RANGE: the Bound of each end

    @cached_property
    def choices(self):
        """(value, label) pairs as strings, worked out once: a form field normalises its
        choices afresh every time they are read."""
        return tuple((str(value), str(label)) for value, label in self.vocabulary.choices)

    def queryset(self):
        return self.vocabulary()

    def condition(self, values):
        """The Q of the case studies any of these values matches (rows, for RELATION)."""
        if self.match == SINGLE:
            return Q(**{f"{self.field}__in": list(values)})
        condition = Q()
        for value in values:
            if self.match == COLUMNS:
                condition |= Q(**{f"{self.columns[value]}__gt": 0})
            elif self.match == BUCKET:
                within = self.buckets[value]
                condition |= (
                    Q(**{f"{self.field}__in": within})
                    if within
                    else Q(**{f"{self.field}__isnull": True})
                )
        if self.match == RELATION:
            condition = Q(pk__in=self.members([row.pk for row in values]))
        return condition

    def members(self, pks):
        """The case study pks these rows are linked to, as a subquery of the link table
        alone (which has an index on each side)."""
        first, _, rest = self.field.partition("__")
        relation = CaseStudy._meta.get_field(first)
        if relation.many_to_many:
            links, back = relation.remote_field.through, relation.m2m_column_name()
            rest = relation.m2m_reverse_name()
        else:
            links, back, rest = relation.related_model, relation.field.attname, f"{rest}_id"
        return links.objects.filter(**{f"{rest}__in": pks}).values(back)

    def keys_for(self, value):
        """The index's option keys for a stored value of the field (SINGLE and BUCKET)."""
        if self.match == SINGLE:
            return (value,) if value else ()
        return tuple(
            str(band)
            for band, within in self.buckets.items()
            if ((value in within) if within else value is None)
        )


DEPRIVATION_NOTE = (
    "Each case study is placed by its own nation's latest index ("
    + ", ".join(nation.latest_index.name for nation in geography.NATIONS.values())
    + "). Across nations, the counts combine each nation's own deciles, which are not comparable with each other."
)

FACETS = (
    Facet(
        "region",
        "Region",
        "region",
        Region,
        what="region",
        breakdown=Breakdown("Case studies by region", "region"),
    ),
    Facet(
        "model",
        "Community model",
        "community_model",
        CommunityModel,
        what="community model",
        breakdown=Breakdown("Case studies by community model", "community model"),
    ),
    Facet(
        "delivery",
        "New build or refurbishment",
        "delivery",
        Delivery,
        what="kind of delivery",
        # Drawn as homes built and refurbished (insights._delivery), with this table.
        breakdown=Breakdown(not_recorded=True),
    ),
    Facet("tenure", "Tenure", "", Tenure, COLUMNS, what="tenure", columns=TENURE_FIELDS),
    Facet("stage", "Stage", "stage", Stage, what="stage"),
    Facet(
        "status",
        "Partnership",
        "partnership_status",
        PartnershipStatus,
        what="partnership status",
    ),
    Facet("setting", "Setting", "setting", Setting, what="setting"),
    Facet(
        "deprivation",
        "Deprivation of the neighbourhood",
        "imd_decile",
        DeprivationBand,
        BUCKET,
        what="deprivation band",
        buckets=DEPRIVATION_BAND_DECILES,
        note=DEPRIVATION_NOTE,
    ),
    Facet(
        "theme",
        "Theme",
        "themes",
        lambda: Theme.objects.order_by("name"),
        RELATION,
        what="theme",
        public="public_themes",
        panel=IN_USE,
    ),
    Facet(
        "partner",
        "Partner organisation",
        "partners__organisation",
        lambda: Organisation.objects.select_related("successor"),
        RELATION,
        what="partner organisation",
        public="public_organisations",
        panel=MOST_USED,
        plural="partners",
    ),
    Facet(
        "completed",
        "Year completed",
        "year_completed",
        match=RANGE,
        bounds=(
            Bound("completed_from", "gte", "Completed from", 2015),
            Bound("completed_to", "lte", "Completed up to", 2020),
        ),
    ),
)


# Read FACETS at call time, never copied at import, so a test can add an entry.


def of(*matches):
    return [facet for facet in FACETS if facet.match in matches]


def checkbox_facets():
    """The facets shown as groups of checkboxes, in the panel's order."""
    return [facet for facet in FACETS if facet.match != RANGE]


def by_param(param):
    return next(facet for facet in FACETS if facet.param == param)


SORT_CHOICES = [
    ("relevance", "Best match"),
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("title", "Title A to Z"),
    ("most-homes", "Most homes"),
]

SORT_ORDERING = {
    # Ties in relevance fall back to the newest-first order.
    "relevance": ["-search_rank", "-published_at", "title", "pk"],
    "newest": ["-published_at", "title", "pk"],
    "oldest": ["published_at", "title", "pk"],
    "title": ["title", "pk"],
    # Unknown counts last on every database, matching casestudy_most_homes_idx.
    "most-homes": [Coalesce(F("homes_total"), Value(-1)).desc(), "title", "pk"],
}
