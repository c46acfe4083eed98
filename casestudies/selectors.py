"""Reading the published library.

`filter_case_studies` is the one entry point for filtered lists: the finder, the
exports, the map and the insights all call it, so filtering is defined once (in
`filters.CaseStudyFilter`) and only published case studies can ever come out.
"""

from dataclasses import dataclass, field

from django.db.models import Avg as models_avg
from django.db.models import Count, Q, Sum

from .choices import DEPRIVATION_BAND_DECILES, TENURE_FIELDS, DeprivationBand, Framework
from .filters import SLUG, CaseStudyFilter
from .models import CaseStudy, CaseStudyPartner, Organisation, Theme

PARTNER_FACET_SIZE = 15


def published_case_studies():
    return CaseStudy.objects.published()


def filter_case_studies(params):
    """A bound CaseStudyFilter over the published library for these query parameters."""
    return CaseStudyFilter(params, queryset=published_case_studies())


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


def _choice_facet(filterset, name, counts):
    field_ = filterset.form.fields[name]
    selected = _selected_values(filterset, name)
    options = [
        FacetOption(str(value), str(label), counts.get(value, 0), str(value) in selected)
        for value, label in field_.choices
    ]
    return Facet(name, str(field_.label), options)


@dataclass
class FinderState:
    """The facet index, the space of the requested order, and the bitmap of each active
    filter: everything the finder needs to count and page without grouped queries."""

    index: object
    space: object
    bitmaps: dict
    matched: list = None  # pks a search matched, in relevance order

    @property
    def results(self):
        from .facet_index import intersect

        return intersect(self.bitmaps.values(), self.space.everything)


def finder_state(filterset):
    from . import facet_index
    from .search import apply_search

    cached = getattr(filterset, "_finder_state", None)
    if cached is not None:
        return cached
    filterset.errors  # validate: only values that passed are applied
    cleaned = filterset.form.cleaned_data
    data = filterset.form.data
    index = facet_index.current()
    space = index.space(filterset.sort_choice)

    def chosen(name):
        # Looked at only when the parameter was given: even an empty queryset costs a
        # query compilation to test.
        return list(cleaned.get(name) or []) if data.get(name) is not None and name in cleaned else []

    selections = {name: chosen(name) for name in CaseStudyFilter.FACETS if name not in ("theme", "partner")}
    selections["theme"] = [theme.slug for theme in chosen("theme")]
    selections["partner"] = [organisation.slug for organisation in chosen("partner")]
    matched = None
    if filterset.searching:
        matched = list(apply_search(published_case_studies(), cleaned["q"]).values_list("pk", flat=True))
    bitmaps = facet_index.filter_bitmaps(
        space, index, selections, (cleaned.get("completed_from"), cleaned.get("completed_to")), matched
    )
    filterset._finder_state = FinderState(index, space, bitmaps, matched)
    return filterset._finder_state


def facets(filterset):
    """Each facet's options with how many case studies each would give, given the other
    active filters, counted in the facet index (no query per facet or per option)."""
    from . import facet_index

    state = finder_state(filterset)
    result = []
    for name in CaseStudyFilter.FACETS:
        base = facet_index.without(state.bitmaps, state.space, name)
        options = state.space.options.get(name, {})
        if name == "theme":
            counts = facet_index.option_counts(base, options)
            selected = _selected_values(filterset, name)
            result.append(
                Facet(
                    name,
                    "Theme",
                    [
                        FacetOption(slug, label, counts.get(slug, 0), slug in selected)
                        for slug, label in state.index.theme_names.items()
                        if counts.get(slug) or slug in selected
                    ],
                )
            )
        elif name == "partner":
            result.append(_partner_facet(filterset, state, base))
        else:
            facet = _choice_facet(filterset, name, facet_index.option_counts(base, options))
            if name == "deprivation":
                facet.note = "From the Index of Multiple Deprivation decile of the neighbourhood."
            result.append(facet)
    return result


def _partner_facet(filterset, state, base):
    """The partners with most case studies in the current results, plus any chosen."""
    from . import facet_index

    selected = _selected_values(filterset, "partner")
    chosen = [state.index.partner_ids[slug] for slug in selected if slug in state.index.partner_ids]
    counts, more = facet_index.partner_counts(state.index, state.space, base, chosen, PARTNER_FACET_SIZE)
    options = [
        FacetOption(state.index.partner_names[pk][0], state.index.partner_names[pk][1], count, state.index.partner_names[pk][0] in selected)
        for pk, count in counts.items()
    ]
    # A chosen partner with nothing published has no place in the index: name it anyway.
    unknown = selected - {option.value for option in options}
    if unknown:
        for organisation in Organisation.objects.filter(slug__in=unknown).select_related("successor"):
            options.append(FacetOption(organisation.slug, organisation.display_name, 0, True))
    options.sort(key=lambda option: (-option.count, option.label))
    note = f"The {PARTNER_FACET_SIZE} partners with most case studies here. Search by name to find others." if more else ""
    return Facet("partner", "Partner organisation", options, note)


class IndexedResults:
    """The finder's results as a sequence Django's Paginator can page through: counted
    from the bitmap, sliced into case study pks in the requested order."""

    def __init__(self, state, filterset):
        self.state = state
        self.filterset = filterset
        self.bitmap = state.results

    def count(self):
        return len(self.bitmap)

    def __len__(self):
        return len(self.bitmap)

    def __getitem__(self, window):
        if self.state.matched is not None:
            # A search is ordered by relevance (or the chosen order) in the database.
            return list(self.filterset.qs.values_list("pk", flat=True)[window])
        return [self.state.space.pks[position] for position in self.bitmap[window]]


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
    for name in CaseStudyFilter.FACETS:
        values = cleaned.get(name)
        if not values:
            continue
        field_ = filterset.form.fields[name]
        if name in ("theme", "partner"):
            for item in values:
                label = item.display_name if name == "partner" else item.name
                active.append(ActiveFilter(name, item.slug, label))
        else:
            labels = dict(field_.choices)
            for value in values:
                active.append(ActiveFilter(name, value, str(labels.get(value, value))))
    if cleaned.get("completed_from") is not None:
        active.append(ActiveFilter("completed_from", filterset.form.data.get("completed_from"), f"Completed from {cleaned['completed_from']}"))
    if cleaned.get("completed_to") is not None:
        active.append(ActiveFilter("completed_to", filterset.form.data.get("completed_to"), f"Completed up to {cleaned['completed_to']}"))
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
    from . import facet_index

    state = finder_state(filterset)
    best = None
    for item in active:
        group = "completed" if item.name.startswith("completed_") else item.name
        if best is not None and best.filter_name == group:
            continue
        count = len(facet_index.without(state.bitmaps, state.space, group))
        if count and (best is None or count > best.count):
            removed = ["completed_from", "completed_to"] if group == "completed" else [group]
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
        most_deprived=Count("pk", filter=Q(imd_decile__in=DEPRIVATION_BAND_DECILES[DeprivationBand.MOST_DEPRIVED_30])),
    )
    totals["organisations"] = len(public_organisation_ids())
    return totals


def featured_case_studies(limit=3):
    featured = list(published_case_studies().filter(featured=True).with_card_data().order_by("-published_at")[:limit])
    if len(featured) < limit:
        extra = (
            published_case_studies()
            .exclude(pk__in=[cs.pk for cs in featured])
            .with_card_data()
            .order_by("-published_at")[: limit - len(featured)]
        )
        featured += list(extra)
    return featured


def related_case_studies(case_study, limit=4):
    """Published case studies sharing a partner, region or community model, closest first."""
    from django.db.models import Case, IntegerField, Value, When

    partner_ids = [p.organisation_id for p in case_study.partners.all()]
    shares_partner = Q(pk__in=CaseStudyPartner.objects.filter(organisation_id__in=partner_ids).values("case_study_id"))
    condition = shares_partner
    if case_study.region:
        condition |= Q(region=case_study.region)
    if case_study.community_model:
        condition |= Q(community_model=case_study.community_model)
    return list(
        published_case_studies()
        .exclude(pk=case_study.pk)
        .filter(condition)
        .annotate(
            closeness=Case(When(shares_partner, then=Value(3)), default=Value(0), output_field=IntegerField())
            + Case(When(region=case_study.region or "-", then=Value(2)), default=Value(0), output_field=IntegerField())
            + Case(
                When(community_model=case_study.community_model or "-", then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .with_card_data()
        .order_by("-closeness", "-published_at")[:limit]
    )


def organisation_case_studies(organisation):
    """Published case studies of an organisation and of every organisation it succeeded."""
    lineage = organisation.lineage_ids()
    return (
        published_case_studies()
        .filter(pk__in=CaseStudyPartner.objects.filter(organisation_id__in=lineage).values("case_study_id"))
        .with_card_data()
        .order_by("-published_at", "title")
    ), lineage


def public_organisation_ids():
    """Organisations with a published case study, their own or a predecessor's.

    Organisations only linked to drafts stay out of public lists, so a partnership in
    preparation is not revealed by its partners.
    """
    direct = set(
        CaseStudyPartner.objects.filter(case_study__in=published_case_studies()).values_list("organisation_id", flat=True).distinct()
    )
    successors = dict(Organisation.objects.filter(successor__isnull=False).values_list("pk", "successor_id"))
    public = set(direct)
    for organisation_id in direct:
        seen = {organisation_id}
        while organisation_id in successors and successors[organisation_id] not in seen:
            organisation_id = successors[organisation_id]
            seen.add(organisation_id)
            public.add(organisation_id)
    return public


def public_case_study_counts(organisation_ids):
    """Published case studies per organisation, counting those of its predecessors once."""
    predecessors = {}
    for pk, successor_id in Organisation.objects.filter(successor__isnull=False).values_list("pk", "successor_id"):
        predecessors.setdefault(successor_id, set()).add(pk)

    def lineage(pk):
        found, frontier = {pk}, {pk}
        while frontier:
            frontier = set().union(*(predecessors.get(p, set()) for p in frontier)) - found
            found |= frontier
        return found

    lineages = {pk: lineage(pk) for pk in organisation_ids}
    everyone = set().union(*lineages.values()) if lineages else set()
    pairs = CaseStudyPartner.objects.filter(
        organisation_id__in=everyone, case_study__in=published_case_studies()
    ).values_list("organisation_id", "case_study_id")
    case_studies_of = {}
    for organisation_id, case_study_id in pairs:
        case_studies_of.setdefault(organisation_id, set()).add(case_study_id)
    return {
        pk: len(set().union(*(case_studies_of.get(member, set()) for member in members)))
        for pk, members in lineages.items()
    }


def is_staff_viewer(user):
    """Staff who may open drafts, scheduled and archived case studies at their public address."""
    return bool(user.is_authenticated and user.is_staff and user.has_perm("casestudies.view_casestudy"))


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
    by_region: list
    by_decile: list
    deprivation: dict
    by_model: list
    by_delivery: list
    tenure: list
    outcomes: list


def insights(filterset):
    """Figures for any filtered part of the library, in a fixed number of grouped queries."""
    from .choices import CommunityModel, Delivery, Region, Tenure
    from .models import Indicator, Outcome

    queryset = filterset.qs.order_by()
    totals = queryset.aggregate(
        total=Count("pk"),
        built=Sum("homes_built"),
        refurbished=Sum("homes_refurbished"),
        homes=Sum("homes_total"),
        with_homes=Count("pk", filter=Q(homes_total__isnull=False)),
        **{f"tenure_{t}": Sum(column) for t, column in TENURE_FIELDS.items()},
        **{f"tenure_count_{t}": Count("pk", filter=Q(**{f"{column}__gt": 0})) for t, column in TENURE_FIELDS.items()},
    )

    def grouped(column):
        rows = queryset.values_list(column).annotate(n=Count("pk"), homes=Sum("homes_total")).values_list(column, "n", "homes")
        return {value: (count, homes or 0) for value, count, homes in rows}

    regions = grouped("region")
    models = grouped("community_model")
    deliveries = grouped("delivery")
    deciles = dict(queryset.values_list("imd_decile").annotate(n=Count("pk")).values_list("imd_decile", "n"))

    recorded = sum(count for decile, count in deciles.items() if decile)
    most_deprived = sum(deciles.get(d, 0) for d in DEPRIVATION_BAND_DECILES[DeprivationBand.MOST_DEPRIVED_30])
    least_deprived = sum(deciles.get(d, 0) for d in DEPRIVATION_BAND_DECILES[DeprivationBand.LEAST_DEPRIVED_30])

    outcome_rows = {
        row["indicator"]: row
        for row in Outcome.objects.filter(case_study__in=queryset.values("pk"))
        .values("indicator")
        .annotate(total=Sum("value"), average=models_avg("value"), case_studies=Count("case_study", distinct=True))
    }
    outcomes = []
    for indicator in sorted(Indicator.objects.filter(pk__in=list(outcome_rows)), key=framework_order):
        row = outcome_rows[indicator.pk]
        value = row["total"] if indicator.aggregation == "sum" else row["average"]
        outcomes.append({"indicator": indicator, "value": value, "case_studies": row["case_studies"]})

    return Insights(
        total=totals["total"],
        homes={
            "built": totals["built"] or 0,
            "refurbished": totals["refurbished"] or 0,
            "total": totals["homes"] or 0,
            "case_studies_with_numbers": totals["with_homes"],
        },
        by_region=[
            {"value": value, "label": label, "count": regions.get(value, (0, 0))[0], "homes": regions.get(value, (0, 0))[1]}
            for value, label in Region.choices
        ],
        by_decile=[{"decile": decile, "count": deciles.get(decile, 0)} for decile in range(1, 11)],
        deprivation={
            "recorded": recorded,
            "not_recorded": deciles.get(None, 0),
            "most_deprived_30": most_deprived,
            "least_deprived_30": least_deprived,
            "most_deprived_10": deciles.get(1, 0),
            "share_most_deprived_30": round(100 * most_deprived / recorded) if recorded else None,
            "share_least_deprived_30": round(100 * least_deprived / recorded) if recorded else None,
        },
        by_model=[
            {"value": value, "label": label, "count": models.get(value, (0, 0))[0], "homes": models.get(value, (0, 0))[1]}
            for value, label in CommunityModel.choices
        ],
        by_delivery=[
            {"value": value, "label": label, "count": deliveries.get(value, (0, 0))[0], "homes": deliveries.get(value, (0, 0))[1]}
            for value, label in Delivery.choices
        ]
        + [{"value": "", "label": "Not recorded", "count": deliveries.get("", (0, 0))[0], "homes": deliveries.get("", (0, 0))[1]}],
        tenure=[
            {"value": t, "label": label, "homes": totals[f"tenure_{t}"] or 0, "count": totals[f"tenure_count_{t}"]}
            for t, label in Tenure.choices
        ],
        outcomes=outcomes,
    )


def comparison_rows(case_studies):
    """[(label, [value per case study])] for the compare table: the basics, then every
    indicator any of them reports."""
    from .templatetags.casestudies_tags import pounds

    def homes(cs):
        if cs.homes_total is None:
            return "Not recorded"
        if cs.homes_built and cs.homes_refurbished:
            return f"{cs.homes_total} ({cs.homes_built} new build, {cs.homes_refurbished} refurbished or converted)"
        if cs.homes_refurbished:
            return f"{cs.homes_total} refurbished or converted"
        return f"{cs.homes_total} new build"

    def timescale(cs):
        if cs.year_started and cs.year_completed:
            return f"{cs.year_started} to {cs.year_completed}"
        if cs.year_completed:
            return f"Completed {cs.year_completed}"
        if cs.year_started:
            return f"Started {cs.year_started}"
        return "Not recorded"

    rows = [
        ("Place", [", ".join(filter(None, [cs.place_name, cs.local_authority_name])) or "Not recorded" for cs in case_studies]),
        ("Region", [cs.get_region_display() or "Not recorded" for cs in case_studies]),
        ("Setting", [cs.get_setting_display() or "Not recorded" for cs in case_studies]),
        ("Community model", [cs.get_community_model_display() or "Not recorded" for cs in case_studies]),
        (
            "How the partnership works",
            [cs.arrangement_detail or cs.get_partnership_arrangement_display() or "Not recorded" for cs in case_studies],
        ),
        (
            "Partners",
            ["; ".join(f"{p.organisation.display_name} ({p.get_role_display().lower()})" for p in cs.partners.all()) for cs in case_studies],
        ),
        ("Homes", [homes(cs) for cs in case_studies]),
        ("Tenure", ["; ".join(f"{t.label}: {n}" for t, n in cs.tenure_mix()) or "Not recorded" for cs in case_studies]),
        ("Stage", [cs.get_stage_display() or "Not recorded" for cs in case_studies]),
        ("Timescale", [timescale(cs) for cs in case_studies]),
        ("Capital cost", [pounds(cs.capital_cost) or "Not recorded" for cs in case_studies]),
        ("Capital grant", [pounds(cs.grant_funding) or "Not recorded" for cs in case_studies]),
        (
            "Deprivation decile",
            [f"{cs.imd_decile} of 10" if cs.imd_decile else "Not recorded" for cs in case_studies],
        ),
    ]
    indicators = {}
    for cs in case_studies:
        for outcome in cs.outcomes.all():
            indicators.setdefault(outcome.indicator_id, outcome.indicator)
    for indicator in sorted(indicators.values(), key=framework_order):
        values = []
        for cs in case_studies:
            found = [o.display_value for o in cs.outcomes.all() if o.indicator_id == indicator.pk]
            values.append("; ".join(found) or "–")
        rows.append((indicator.name, values))
    return rows
