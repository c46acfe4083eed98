"""Reading the published library.

`filter_case_studies` is the one entry point for filtered lists: the finder, the
exports, the map and the insights all call it, so filtering is defined once (in
`filters.CaseStudyFilter`) and only published case studies can ever come out.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from casestudies.finder import facet_index
from casestudies.finder import facets as facet_table
from casestudies.finder.facet_index import intersect
from casestudies.finder.filters import SLUG, SORT_ORDERING, filterset_class
from casestudies.finder.gap import gap_rows
from casestudies.finder.search import apply_search, match_tiers, search_terms
from casestudies.models import CaseStudy, Indicator
from casestudies.models.choices import (
    DEPRIVATION_BAND_DECILES,
    DeprivationBand,
    Framework,
    Region,
)

PARTNER_FACET_SIZE = 15


def published_case_studies():
    return CaseStudy.objects.published()


def filter_case_studies(params):
    """A bound CaseStudyFilter over the published library for these query parameters."""
    return filterset_class()(params, queryset=published_case_studies())


def filter_form_fields():
    """The finder's form fields, by parameter name, in the order the form declares them."""
    made = filterset_class()
    form_class = (
        made.__dict__.get("_form_class") or made(queryset=CaseStudy.objects.none()).get_form_class()
    )
    return form_class.base_fields


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list
    note: str = ""

    @property
    def selected_count(self):
        return sum(1 for option in self.options if option.selected)


@dataclass
class ActiveFilter:
    name: str
    value: str
    label: str


def _selected_values(filterset, name):
    """The values ticked for a facet, as submitted; only slug-shaped ones, since they
    are looked up (PostgreSQL refuses NUL bytes, for one)."""
    data = filterset.form.data
    values = data.getlist(name) if hasattr(data, "getlist") else []
    return {value for value in values if isinstance(value, str) and SLUG.fullmatch(value)}


def _choice_facet(filterset, facet, counts):
    selected = _selected_values(filterset, facet.param)
    options = [
        FacetOption(value, label, counts.get(value, 0), value in selected)
        for value, label in facet.choices
    ]
    return Facet(facet.param, str(filterset.form.fields[facet.param].label), options, facet.note)


@dataclass
class FinderState:
    """The facet index, the space of the requested order, and the bitmap of each active
    filter: everything the finder needs to count and page without grouped queries."""

    index: object
    space: object
    bitmaps: dict
    matched: list = (
        None  # pks a search matched, in relevance order (ranked in SQL, no full-text index)
    )
    ranking: list = None  # or: bitmaps of a search's relevance tiers, best first

    @property
    def results(self):

        return intersect(self.bitmaps.values(), self.space.everything)


SEARCHES_KEPT = 200


def _search_ranking(space, query):
    """Bitmaps of a search's relevance tiers in this space, best first: title matches,
    then summary matches, then the rest, as apply_search ranks them in SQL. Recent
    searches are kept with the space, which is replaced whenever the library changes.
    None where there is no full-text index (an SQLite built without FTS5): the
    database then ranks searches itself."""

    key = tuple(search_terms(query))
    ranking = space.searches.get(key)
    if ranking is None:
        tiers = match_tiers(query)
        if tiers is None:
            return None
        anywhere, summary, title = (facet_index.positions(space, pks) for pks in tiers)
        ranking = (title, summary - title, anywhere - summary - title)
        if len(space.searches) >= SEARCHES_KEPT:
            space.searches.pop(next(iter(space.searches)), None)
        space.searches[key] = ranking
    return list(ranking)


def finder_state(filterset):

    cached = getattr(filterset, "_finder_state", None)
    if cached is not None:
        return cached
    filterset.errors  # noqa: B018 - reading errors validates: only values that passed are applied
    cleaned = filterset.form.cleaned_data
    data = filterset.form.data
    index = facet_index.current()
    space = index.space(filterset.sort_choice)

    def chosen(name):
        # Looked at only when the parameter was given: even an empty queryset costs a
        # query compilation to test.
        return (
            list(cleaned.get(name) or []) if data.get(name) is not None and name in cleaned else []
        )

    selections = {}
    for facet in facet_table.checkbox_facets():
        values = chosen(facet.param)
        relation = facet.match == facet_table.RELATION
        selections[facet.param] = [row.slug for row in values] if relation else values
    ranges = {
        facet.param: tuple(cleaned.get(bound.param) for bound in facet.bounds)
        for facet in facet_table.of(facet_table.RANGE)
    }
    matched = ranking = None
    if filterset.searching:
        ranking = _search_ranking(space, cleaned["q"])
        if ranking is None:
            ranked = apply_search(published_case_studies(), cleaned["q"]).order_by(
                *SORT_ORDERING["relevance"]
            )
            matched = list(ranked.values_list("pk", flat=True))
    bitmaps = facet_index.filter_bitmaps(space, index, selections, ranges, matched)
    if ranking is not None:
        bitmaps["q"] = ranking[0] | ranking[1] | ranking[2]
    filterset._finder_state = FinderState(index, space, bitmaps, matched, ranking)
    return filterset._finder_state


def facets(filterset):
    """Each facet's options with how many case studies each would give, given the other
    active filters, counted in the facet index (no query per facet or per option)."""

    state = finder_state(filterset)
    result = []
    for facet in facet_table.checkbox_facets():
        base = facet_index.without(state.bitmaps, state.space, facet.param)
        if facet.panel == facet_table.MOST_USED:
            result.append(_most_used_facet(filterset, facet, state, base))
            continue
        counts = facet_index.option_counts(base, state.space.options.get(facet.param, {}))
        if facet.panel == facet_table.IN_USE:
            result.append(_in_use_facet(filterset, facet, state, counts))
        else:
            result.append(_choice_facet(filterset, facet, counts))
    return result


def _in_use_facet(filterset, facet, state, counts):
    """A relation's rows that have case studies here, or are ticked, in the vocabulary's order."""
    selected = _selected_values(filterset, facet.param)
    options = [
        FacetOption(slug, label, counts.get(pk, 0), slug in selected)
        for pk, (slug, label) in state.index.relations[facet.param].names.items()
        if counts.get(pk) or slug in selected
    ]
    return Facet(facet.param, facet.label, options, facet.note)


def _most_used_facet(filterset, facet, state, base):
    """The rows of a relation with most case studies in the current results, plus any chosen."""

    relation = state.index.relations[facet.param]
    selected = _selected_values(filterset, facet.param)
    chosen = [relation.ids[slug] for slug in selected if slug in relation.ids]
    counts, more = facet_index.partner_counts(
        state.index, state.space, base, chosen, PARTNER_FACET_SIZE, facet.param
    )
    options = [
        FacetOption(
            relation.names[pk][0], relation.names[pk][1], count, relation.names[pk][0] in selected
        )
        for pk, count in counts.items()
    ]
    # A chosen row with no published case study of its own (a partner's successor) has
    # no place in the index: name it anyway, if it is public at all.
    unknown = selected - {option.value for option in options}
    if unknown:
        public = getattr(state.index, facet.public)
        for row in facet.queryset().filter(slug__in=unknown):
            if row.pk in public:
                options.append(FacetOption(row.slug, str(row), 0, True))
    options.sort(key=lambda option: (-option.count, option.label))
    note = (
        f"The {PARTNER_FACET_SIZE} {facet.plural} with most case studies here. Search by name to find others."
        if more
        else ""
    )
    return Facet(facet.param, facet.label, options, note)


class IndexedResults:
    """The finder's results as a sequence Django's Paginator can page through: counted
    from the bitmap, sliced into case study pks in the requested order."""

    def __init__(self, state, filterset):
        self.state = state
        self.bitmap = state.results
        self.ranked = self.tiers = None
        if filterset.sort_choice == "relevance":
            # Best matches first: the search's ranking, less what other filters rule out.
            if state.ranking is not None:
                self.tiers = [tier & self.bitmap for tier in state.ranking]
            elif state.matched is not None:
                positions = [state.space.position_of(pk) for pk in state.matched]
                self.ranked = [
                    pk
                    for pk, position in zip(state.matched, positions)
                    if position is not None and position in self.bitmap
                ]

    def count(self):
        return len(self.bitmap)

    def __len__(self):
        return len(self.bitmap)

    def __getitem__(self, window):
        pks = self.state.space.pks
        if self.ranked is not None:
            return self.ranked[window]
        if self.tiers is None:
            return [pks[position] for position in self.bitmap[window]]
        # The window of the tiers laid end to end.
        start, stop, found = window.start or 0, window.stop, []
        for tier in self.tiers:
            size = len(tier)
            if start < size and stop > 0:
                found += [pks[position] for position in tier[max(start, 0) : min(stop, size)]]
            start, stop = start - size, stop - size
        return found


def finder_results(filterset):
    return IndexedResults(finder_state(filterset), filterset)


def active_filters(filterset):
    """Every filter value in use, labelled for the removable tags."""
    if not filterset.is_valid() and not hasattr(filterset.form, "cleaned_data"):
        return []
    cleaned = filterset.form.cleaned_data
    active = []
    query = cleaned.get("q", "").strip()
    if query:
        active.append(ActiveFilter("q", filterset.form.data.get("q", ""), f"Search: “{query}”"))
    data = filterset.form.data
    for facet in facet_table.checkbox_facets():
        # Only parameters that were given: testing an unused theme or partner field's
        # empty queryset would still cost a query compilation.
        values = cleaned.get(facet.param) if data.get(facet.param) is not None else None
        if not values:
            continue
        if facet.match == facet_table.RELATION:
            for row in values:
                active.append(ActiveFilter(facet.param, row.slug, str(row)))
        else:
            labels = dict(facet.choices)
            for value in values:
                active.append(ActiveFilter(facet.param, value, str(labels.get(value, value))))
    for facet in facet_table.of(facet_table.RANGE):
        for bound in facet.bounds:
            if cleaned.get(bound.param) is not None:
                active.append(
                    ActiveFilter(
                        bound.param,
                        data.get(bound.param),
                        f"{bound.label} {cleaned[bound.param]}",
                    )
                )
    return active


@dataclass
class Suggestion:
    """Removing one filter would give some results: say which and how many."""

    filter_name: str
    labels: list
    count: int
    values: list = field(default_factory=list)


def broaden_suggestion(filterset, active):
    """For an empty result: the one filter whose removal brings back the most case studies."""

    state = finder_state(filterset)
    best = None
    ranges = {
        bound.param: facet for facet in facet_table.of(facet_table.RANGE) for bound in facet.bounds
    }
    for item in active:
        group = ranges[item.name].param if item.name in ranges else item.name
        if best is not None and best.filter_name == group:
            continue
        count = len(facet_index.without(state.bitmaps, state.space, group))
        if count and (best is None or count > best.count):
            removed = (
                [bound.param for bound in ranges[item.name].bounds]
                if item.name in ranges
                else [group]
            )
            labels = [other.label for other in active if other.name in removed]
            best = Suggestion(group, labels, count, removed)
    return best


def headline_figures():
    """A few numbers for the home page, all from the published library."""
    published = published_case_studies()
    totals = published.aggregate(
        case_studies=Count("pk"),
        homes=Sum("homes_total"),
        refurbished=Sum("homes_refurbished"),
        deprivation_recorded=Count("pk", filter=Q(imd_decile__isnull=False)),
        most_deprived=Count(
            "pk",
            filter=Q(imd_decile__in=DEPRIVATION_BAND_DECILES[DeprivationBand.MOST_DEPRIVED_30]),
        ),
    )
    totals["organisations"] = len(public_organisation_ids())
    totals["most_deprived_expected"] = totals["deprivation_recorded"] * 3 / 10
    return totals


def featured_case_studies(limit=3):
    featured = list(
        published_case_studies()
        .filter(featured=True)
        .with_card_data()
        .order_by("-published_at")[:limit]
    )
    if len(featured) < limit:
        extra = (
            published_case_studies()
            .exclude(pk__in=[cs.pk for cs in featured])
            .with_card_data()
            .order_by("-published_at")[: limit - len(featured)]
        )
        featured += list(extra)
    return featured


def organisation_case_studies(organisation):
    """Published case studies of an organisation and of every organisation it succeeded,
    newest first, as a sequence the Paginator can page through."""
    lineage = organisation.lineage_ids()
    return OrganisationCaseStudies(lineage), lineage


class OrganisationCaseStudies:
    """Counted and paged from the facet index (the union of the lineage's partner bitmaps
    in the newest-first space), so a busy partner's page costs no more than a quiet one's;
    only the case studies on the page are read from the database."""

    def __init__(self, lineage):

        self.space = facet_index.current().space("newest")
        options = self.space.options.get("partner", {})
        self.bitmap = facet_index.union(options[pk] for pk in lineage if pk in options)

    def count(self):
        return len(self.bitmap)

    def __len__(self):
        return len(self.bitmap)

    def __getitem__(self, window):
        pks = [self.space.pks[position] for position in self.bitmap[window]]
        found = CaseStudy.objects.only(
            "slug", "title", "place_name", "region", "homes_total"
        ).in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]


PLACES_MOST = 200


def organisation_places(lineage):
    """Where an organisation's published partnerships are (its predecessors' too): each
    place once, with how many partnerships it has and its coordinates when it has them,
    for the organisation page's map and the list that stands in for it."""
    places = {}
    rows = (
        published_case_studies()
        .filter(partners__organisation_id__in=lineage)
        .order_by("place_name", "pk")
        .values_list("pk", "place_name", "region", "latitude", "longitude")
        .distinct()[: PLACES_MOST * 5]
    )
    seen = set()
    for pk, place_name, region, latitude, longitude in rows:
        if pk in seen:  # a partner twice in one case study (under two names in the lineage)
            continue
        seen.add(pk)
        place = places.setdefault(
            (place_name, region),
            {
                "name": place_name,
                "region": Region(region).label if region else "",
                "latitude": latitude,
                "longitude": longitude,
                "count": 0,
            },
        )
        place["count"] += 1
        if place["latitude"] is None and latitude is not None:
            place["latitude"], place["longitude"] = latitude, longitude
    return list(places.values())[:PLACES_MOST]


def public_organisation_ids():
    """Organisations with a published case study, their own or a predecessor's.

    Organisations only linked to drafts stay out of public lists, so a partnership in
    preparation is not revealed by its partners. Read from the facet index, which is
    rebuilt whenever anything public changes.
    """

    return facet_index.current().public_organisations


def public_case_study_counts(organisation_ids):
    """Published case studies per organisation, counting those of its predecessors once:
    the union of their partner bitmaps in the facet index."""

    index = facet_index.current()
    partner_bitmaps = index.space("newest").options.get("partner", {})

    def lineage(pk):
        found, frontier = {pk}, {pk}
        while frontier:
            frontier = set().union(*(index.predecessors.get(p, set()) for p in frontier)) - found
            found |= frontier
        return found

    return {
        pk: len(
            facet_index.union(
                partner_bitmaps[member] for member in lineage(pk) if member in partner_bitmaps
            )
        )
        for pk in organisation_ids
    }


def is_staff_viewer(user):
    """Staff who may open drafts, scheduled and archived case studies at their public address."""
    return bool(
        user.is_authenticated and user.is_staff and user.has_perm("casestudies.view_casestudy")
    )


def framework_order(indicator):
    """Indicators in their framework's order (housing outputs first), then as staff ordered them."""
    return (Framework.values.index(indicator.framework), indicator.order, indicator.name)


def outcomes_by_framework(outcomes):
    """[(framework label, [outcomes])] in the frameworks' order, leaving out empty ones."""
    groups = {value: [] for value in Framework.values}
    for outcome in outcomes:
        groups[outcome.indicator.framework].append(outcome)
    return [(Framework(value).label, items) for value, items in groups.items() if items]


@dataclass
class Insights:
    total: int
    homes: dict
    by_decile: list
    deprivation: dict
    breakdowns: dict  # facet -> a row per option: case studies and homes
    tenure: list
    outcomes: list
    library_key: tuple = ()  # the facet index's: changes whenever the published library does

    by_region = property(lambda self: self.breakdowns["region"])
    by_model = property(lambda self: self.breakdowns["model"])
    by_delivery = property(lambda self: self.breakdowns["delivery"])


def insights(filterset):
    """Figures for any filtered part of the library, added up in the facet index (the
    same case studies the finder lists for these filters)."""

    state = finder_state(filterset)
    summary = facet_index.summarise(state.index, state.space, state.results)
    deciles = summary["deciles"]
    recorded = sum(count for decile, count in deciles.items() if decile)
    most_deprived = sum(
        deciles.get(d, 0) for d in DEPRIVATION_BAND_DECILES[DeprivationBand.MOST_DEPRIVED_30]
    )
    least_deprived = sum(
        deciles.get(d, 0) for d in DEPRIVATION_BAND_DECILES[DeprivationBand.LEAST_DEPRIVED_30]
    )

    outcomes = []
    for indicator in sorted(
        Indicator.objects.filter(pk__in=list(summary["outcomes"])), key=framework_order
    ):
        row = summary["outcomes"][indicator.pk]
        total = Decimal(row["cents"]) / 100
        value = indicator.figure(total, row["rows"])
        outcomes.append(
            {"indicator": indicator, "value": value, "case_studies": row["case_studies"]}
        )

    def breakdown(facet):
        found = summary["groups"][facet.param]

        def row(value, label):
            count, homes, with_homes = found.get(value, (0, 0, 0))
            return {
                "value": value,
                "label": label,
                "count": count,
                "homes": homes,
                "with_homes": with_homes,  # how many of them give a number of homes
            }

        rows = [row(value, label) for value, label in facet.choices]
        if facet.breakdown.not_recorded:
            rows.append(row("", "Not recorded"))
        return rows

    return Insights(
        total=summary["total"],
        homes={
            "built": summary["built"],
            "refurbished": summary["refurbished"],
            "total": summary["homes"],
            "case_studies_with_numbers": summary["with_homes"],
        },
        by_decile=[{"decile": decile, "count": deciles.get(decile, 0)} for decile in range(1, 11)],
        deprivation={
            "recorded": recorded,
            "not_recorded": deciles.get(0, 0),
            "most_deprived_30": most_deprived,
            "least_deprived_30": least_deprived,
            "most_deprived_10": deciles.get(1, 0),
            "share_most_deprived_30": round(100 * most_deprived / recorded) if recorded else None,
            "share_least_deprived_30": round(100 * least_deprived / recorded) if recorded else None,
            "by_nation": gap_rows(summary["deciles_by_index"]),
        },
        breakdowns={
            facet.param: breakdown(facet)
            for facet in facet_table.of(facet_table.SINGLE)
            if facet.breakdown
        },
        tenure=[
            {
                "value": value,
                "label": label,
                "homes": summary["tenure"][value][0],
                "count": summary["tenure"][value][1],
            }
            for value, label in facet_table.by_param("tenure").choices
        ],
        outcomes=outcomes,
        library_key=state.index.key,
    )
