"""A facet index of the published library: one Roaring bitmap per facet option.

The finder's counts ("North East (3)", given the other filters) would otherwise take a
grouped query per facet over the whole filtered library on every request, which grows
with the library. Instead each process holds, for the current library version, a
bitmap per option of which case studies have it; a request intersects bitmaps
(pyroaring, in C) and counts the results, at a cost that barely depends on how many
case studies there are.

Positions in a bitmap follow a sort order taken from the database itself, one
"space" per order, so a page of results is a slice of the result bitmap and matches
exactly what the same query in SQL would return.

The index is rebuilt when the library version changes (casestudies.caching: any staff
change, or a scheduled publication falling due) and, within one process, as soon as a
change is saved there.
"""

import heapq
import threading
from dataclasses import dataclass, field

import numpy as np
from pyroaring import BitMap

from .choices import DEPRIVATION_BAND_DECILES, TENURE_FIELDS

SORTS = ("newest", "oldest", "title", "most-homes")
SINGLE_VALUE_FACETS = {
    "region": "region",
    "model": "community_model",
    "delivery": "delivery",
    "stage": "stage",
    "setting": "setting",
}
HOMES_COLUMNS = ("homes_total", "homes_built", "homes_refurbished")
# Below this many case studies, counting partners by walking the results is quicker
# than intersecting partners' bitmaps (measured at 10,000: about even at 250).
WALK_LIMIT = 250

_local_changes = 0
_lock = threading.Lock()
_current = None


def note_change():
    """Called on every save in this process: the index is stale for this process at once
    (other processes hear through the shared library version once it is committed)."""
    global _local_changes
    _local_changes += 1


@dataclass
class Space:
    """The published library in one sort order."""

    pks: list  # position -> case study pk
    position: dict  # pk -> position
    everything: BitMap
    options: dict = field(default_factory=dict)  # facet -> value -> BitMap
    years: dict = field(default_factory=dict)  # year completed -> BitMap
    figures: dict = None  # column name -> numpy array, one value per position


@dataclass
class Outcomes:
    """Every outcome of a published case study, as parallel columns."""

    case_study: np.ndarray
    indicator: np.ndarray
    cents: np.ndarray


@dataclass
class FacetIndex:
    key: tuple
    spaces: dict
    partner_names: dict  # organisation pk -> (slug, display name)
    partner_ids: dict  # slug -> organisation pk
    partner_order: list  # organisation pks, most case studies first
    partner_totals: dict  # organisation pk -> published case studies
    partner_alphabetical: dict  # organisation pk -> place in order of name
    partners_of: dict  # case study pk -> organisation pks
    theme_names: dict  # slug -> name, in name order
    public_organisations: frozenset = frozenset()  # partners and their successors, see public_organisation_ids
    keys_of: dict = field(default_factory=dict)  # case study pk -> (facet, value) pairs
    years_of: dict = field(default_factory=dict)  # case study pk -> year completed
    figures_of: dict = field(default_factory=dict)  # case study pk -> (decile, facets, tenures, homes)
    outcomes: object = None

    def figures(self, space):
        """The space's figures as columns, built the first time insights ask for them."""
        if space.figures is None:
            with _lock:
                if space.figures is None:
                    space.figures = _figures(self, space)
        return space.figures

    def space(self, sort):
        """The space for an order, built the first time a request asks for it."""
        sort = sort if sort in SORTS else "newest"
        if sort not in self.spaces:
            with _lock:
                if sort not in self.spaces:
                    self.spaces[sort] = _space(self, _order(sort))
        return self.spaces[sort]


def _facet_keys(row, partners, themes):
    """The (facet, value) pairs one case study contributes: row is (pk, year, decile,
    then the single-value facets, then the tenure columns)."""
    keys = []
    single = row[3 : 3 + len(SINGLE_VALUE_FACETS)]
    for facet, value in zip(SINGLE_VALUE_FACETS, single):
        if value:
            keys.append((facet, value))
    tenures = row[3 + len(SINGLE_VALUE_FACETS) : 3 + len(SINGLE_VALUE_FACETS) + len(TENURE_FIELDS)]
    for tenure, homes in zip(TENURE_FIELDS, tenures):
        if homes and homes > 0:
            keys.append(("tenure", tenure.value))
    decile = row[2]
    for band, deciles in DEPRIVATION_BAND_DECILES.items():
        if (decile in deciles) if deciles else decile is None:
            keys.append(("deprivation", band.value))
    keys.extend(("partner", organisation_id) for organisation_id in partners)
    keys.extend(("theme", slug) for slug in themes)
    return tuple(keys)


def _order(sort):
    from .filters import SORT_ORDERING
    from .selectors import published_case_studies

    # The database's own order, so pages here match pages from the same query in SQL.
    return list(published_case_studies().order_by(*SORT_ORDERING[sort]).values_list("pk", flat=True))


def _space(index, pks):
    lists, years = {}, {}
    keys_of, years_of = index.keys_of, index.years_of
    for position, pk in enumerate(pks):
        for key in keys_of[pk]:
            found = lists.get(key)
            if found is None:
                lists[key] = [position]
            else:
                found.append(position)
        year = years_of.get(pk)
        if year:
            years.setdefault(year, []).append(position)
    options = {}
    for (facet, value), positions in lists.items():
        options.setdefault(facet, {})[value] = BitMap(positions)
    return Space(
        pks=pks,
        position={pk: position for position, pk in enumerate(pks)},
        everything=BitMap(range(len(pks))),
        options=options,
        years={year: BitMap(positions) for year, positions in years.items()},
    )


def build(key):
    from .models import CaseStudy, CaseStudyPartner, Organisation, Outcome, Theme
    from .selectors import published_case_studies

    published = published_case_studies()
    columns = ["pk", "year_completed", "imd_decile", *SINGLE_VALUE_FACETS.values(), *TENURE_FIELDS.values(), *HOMES_COLUMNS]
    partners_of = {}
    for case_study_id, organisation_id in CaseStudyPartner.objects.filter(case_study__in=published.values("pk")).values_list(
        "case_study_id", "organisation_id"
    ):
        partners_of.setdefault(case_study_id, set()).add(organisation_id)
    themes_of = {}
    for case_study_id, slug in CaseStudy.themes.through.objects.filter(casestudy__in=published.values("pk")).values_list(
        "casestudy_id", "theme__slug"
    ):
        themes_of.setdefault(case_study_id, []).append(slug)
    keys_of, years_of, figures_of = {}, {}, {}
    for row in published.values_list(*columns):
        keys_of[row[0]] = _facet_keys(row, partners_of.get(row[0], ()), themes_of.get(row[0], ()))
        if row[1]:
            years_of[row[0]] = row[1]
        figures_of[row[0]] = row[2:]
    outcome_rows = list(
        Outcome.objects.filter(case_study__in=published.values("pk")).values_list("case_study_id", "indicator_id", "value")
    )

    index = FacetIndex(
        key=key,
        spaces={},
        partner_names={},
        partner_ids={},
        partner_order=[],
        partner_totals={},
        partner_alphabetical={},
        partners_of=partners_of,
        theme_names=dict(Theme.objects.order_by("name").values_list("slug", "name")),
        keys_of=keys_of,
        years_of=years_of,
        figures_of=figures_of,
        outcomes=Outcomes(
            case_study=np.array([row[0] for row in outcome_rows], dtype=np.int64),
            indicator=np.array([row[1] for row in outcome_rows], dtype=np.int64),
            # In pennies (two decimal places), so that sums stay exact.
            cents=np.array([int(row[2] * 100) for row in outcome_rows], dtype=np.int64),
        ),
    )
    newest = index.spaces["newest"] = _space(index, _order("newest"))
    totals = {organisation_id: len(bitmap) for organisation_id, bitmap in newest.options.get("partner", {}).items()}
    for organisation in Organisation.objects.filter(pk__in=list(totals)).select_related("successor"):
        index.partner_names[organisation.pk] = (organisation.slug, organisation.display_name)
        index.partner_ids[organisation.slug] = organisation.pk
    index.partner_totals = totals
    successors = dict(Organisation.objects.filter(successor__isnull=False).values_list("pk", "successor_id"))
    public = set(totals)
    for organisation_id in totals:
        while organisation_id in successors and successors[organisation_id] not in public:
            organisation_id = successors[organisation_id]
            public.add(organisation_id)
    index.public_organisations = frozenset(public)
    alphabetical = sorted(totals, key=lambda organisation_id: (index.partner_names[organisation_id][1], organisation_id))
    index.partner_alphabetical = {organisation_id: place for place, organisation_id in enumerate(alphabetical)}
    index.partner_order = sorted(totals, key=lambda organisation_id: (-totals[organisation_id], index.partner_names[organisation_id][1]))
    return index


def current():
    """This process's index for the library as it is now, rebuilt if it has changed."""
    global _current
    from .caching import current_version, release

    key = (release(), current_version()["token"], _local_changes)
    index = _current
    if index is not None and index.key == key:
        return index
    with _lock:
        if _current is None or _current.key != key:
            _current = build(key)
        return _current


PUBLIC_TEMPLATES = (
    "casestudies/home.html",
    "casestudies/case_study_list.html",
    "casestudies/case_study_detail.html",
    "casestudies/includes/case_study_card.html",
    "casestudies/organisation_detail.html",
    "casestudies/insights.html",
)


def prepare():
    """Build the index and compile the public templates before serving (gunicorn's
    master process calls this before forking workers), then let go of connections,
    which must not be shared with the workers."""
    from django.core.cache import close_caches
    from django.db import connections
    from django.template.loader import get_template

    try:
        index = current()
        index.figures(index.space("newest"))
        for name in PUBLIC_TEMPLATES:
            get_template(name)
    finally:
        connections.close_all()
        close_caches()


# Asking the index ------------------------------------------------------------------------


def union(bitmaps):
    result = BitMap()
    for bitmap in bitmaps:
        result |= bitmap
    return result


def intersect(bitmaps, start):
    result = start
    for bitmap in bitmaps:
        result = result & bitmap
    return result


def filter_bitmaps(space, index, selections, completed, matched):
    """{filter name: BitMap} for every active filter, in this space."""
    bitmaps = {}
    for facet, values in selections.items():
        if not values:
            continue
        options = space.options.get(facet, {})
        if facet == "partner":
            values = [index.partner_ids.get(slug) for slug in values]
        bitmaps[facet] = union(options[value] for value in values if value in options)
    start, end = completed
    if start is not None or end is not None:
        bitmaps["completed"] = union(
            bitmap
            for year, bitmap in space.years.items()
            if (start is None or year >= start) and (end is None or year <= end)
        )
    if matched is not None:
        bitmaps["q"] = BitMap(space.position[pk] for pk in matched if pk in space.position)
    return bitmaps


def without(bitmaps, space, name):
    """The case studies every active filter but `name` allows."""
    return intersect((bitmap for other, bitmap in bitmaps.items() if other != name), space.everything)


def option_counts(base, options):
    return {value: base.intersection_cardinality(bitmap) for value, bitmap in options.items()}


def partner_counts(index, space, base, chosen_ids, size):
    """The `size` partners with most case studies in `base`, plus any chosen, exactly."""
    options = space.options.get("partner", {})
    if len(base) <= WALK_LIMIT:
        counts = {}
        for position in base:
            for organisation_id in index.partners_of.get(space.pks[position], ()):
                counts[organisation_id] = counts.get(organisation_id, 0) + 1
        top = heapq.nsmallest(size, counts, key=lambda o: (-counts[o], index.partner_names[o][1]))
    else:
        # A partner's count here can never exceed its count in the whole library, so once
        # the library-wide counts fall below the smallest of the best found, stop.
        best, counts = [], {}
        for organisation_id in index.partner_order:
            if len(best) == size and index.partner_totals[organisation_id] < best[0][0]:
                break
            count = base.intersection_cardinality(options[organisation_id])
            counts[organisation_id] = count
            if count:
                # Ties go to the name first in the alphabet, as in the walk above.
                entry = (count, -index.partner_alphabetical[organisation_id], organisation_id)
                heapq.heappush(best, entry) if len(best) < size else heapq.heappushpop(best, entry)
        top = [organisation_id for _, _, organisation_id in best]
    for organisation_id in chosen_ids:
        if organisation_id not in counts:
            counts[organisation_id] = base.intersection_cardinality(options[organisation_id]) if organisation_id in options else 0
    return {organisation_id: counts.get(organisation_id, 0) for organisation_id in {*top, *chosen_ids}}, len(counts) > size


# Figures for insights ---------------------------------------------------------------------

GROUPS = {"region": 1, "model": 2, "delivery": 3}  # where each is in a figures_of row


def _figures(index, space):
    """Columns of numbers, one value per position of this space: the insights add them up
    for any set of positions in C (numpy) rather than row by row."""
    rows = [index.figures_of[pk] for pk in space.pks]
    count = len(rows)
    tenure_start = 1 + len(SINGLE_VALUE_FACETS)
    homes_start = tenure_start + len(TENURE_FIELDS)

    def column(offset, missing=0):
        return np.fromiter((missing if row[offset] is None else row[offset] for row in rows), dtype=np.int64, count=count)

    figures = {
        "pk": np.fromiter(space.pks, dtype=np.int64, count=count),
        "decile": column(0),  # 0: not recorded
        "homes_known": np.fromiter((row[homes_start] is not None for row in rows), dtype=bool, count=count),
    }
    for name, offset in zip(HOMES_COLUMNS, range(homes_start, homes_start + len(HOMES_COLUMNS))):
        figures[name] = column(offset)
    for tenure, offset in zip(TENURE_FIELDS, range(tenure_start, homes_start)):
        figures[f"tenure_{tenure.value}"] = column(offset)
    for group, offset in GROUPS.items():
        values = sorted({row[offset] or "" for row in rows})
        codes = {value: code for code, value in enumerate(values)}
        figures[f"{group}_values"] = values
        figures[f"{group}_code"] = np.fromiter((codes[row[offset] or ""] for row in rows), dtype=np.int64, count=count)
    return figures


def summarise(index, space, bitmap):
    """Counts and sums of homes for the case studies at these positions: in total, by
    tenure, by decile, by region, model and delivery, and per outcome indicator."""
    figures = index.figures(space)
    at = np.frombuffer(bitmap.to_array(), dtype=np.uint32) if len(bitmap) else np.zeros(0, dtype=np.int64)
    homes = figures["homes_total"][at]
    summary = {
        "total": int(len(at)),
        "homes": int(homes.sum()),
        "with_homes": int(figures["homes_known"][at].sum()),
        "built": int(figures["homes_built"][at].sum()),
        "refurbished": int(figures["homes_refurbished"][at].sum()),
        "deciles": dict(enumerate(np.bincount(figures["decile"][at], minlength=11).tolist())),
        "tenure": {},
        "groups": {},
    }
    for tenure in TENURE_FIELDS:
        values = figures[f"tenure_{tenure.value}"][at]
        summary["tenure"][tenure.value] = (int(values.sum()), int((values > 0).sum()))
    for group in GROUPS:
        codes = figures[f"{group}_code"][at]
        size = len(figures[f"{group}_values"])
        counts = np.bincount(codes, minlength=size).tolist()
        sums = np.bincount(codes, weights=homes, minlength=size).tolist()  # exact below 2**53 homes
        summary["groups"][group] = {
            value: (counts[code], int(sums[code])) for code, value in enumerate(figures[f"{group}_values"])
        }
    outcomes = index.outcomes
    chosen = np.isin(outcomes.case_study, figures["pk"][at])
    indicators, cents, case_studies = outcomes.indicator[chosen], outcomes.cents[chosen], outcomes.case_study[chosen]
    summary["outcomes"] = {}
    for indicator in np.unique(indicators).tolist():
        mine = indicators == indicator
        summary["outcomes"][indicator] = {
            "cents": int(cents[mine].sum()),
            "rows": int(mine.sum()),
            "case_studies": int(len(np.unique(case_studies[mine]))),
        }
    return summary
