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
change, or a scheduled publication falling due), once per machine and shared through a
file (casestudies.finder.shared_index), and, within one process, as soon as a change is
saved there.
"""

import array
import heapq
import threading
from dataclasses import dataclass, field

import numpy as np
from pyroaring import BitMap

from casestudies import caching
from casestudies.finder import shared_index
from casestudies.models.choices import DEPRIVATION_BAND_DECILES, TENURE_FIELDS

SORTS = ("newest", "oldest", "title", "most-homes")
SINGLE_VALUE_FACETS = {
    "region": "region",
    "model": "community_model",
    "delivery": "delivery",
    "stage": "stage",
    "setting": "setting",
    "status": "partnership_status",
}
HOMES_COLUMNS = ("homes_total", "homes_built", "homes_refurbished")
# Below this many case studies, counting partners by walking the results is quicker
# than intersecting partners' bitmaps (measured at 10,000: about even at 250).
WALK_LIMIT = 250

_lock = threading.RLock()  # re-entered when a shared index is warmed before saving
_current = None


@dataclass
class Space:
    """The published library in one sort order."""

    pks: list  # position -> case study pk
    everything: BitMap
    lookup: np.ndarray = None  # pk -> position, -1 for pks not in the space
    options: dict = field(default_factory=dict)  # facet -> value -> BitMap
    searches: dict = field(
        default_factory=dict
    )  # recent searches' tiers, see selectors.finder_state
    years: dict = field(default_factory=dict)  # year completed -> BitMap
    figures: dict = None  # column name -> numpy array, one value per position
    partner_columns: "PartnerColumns" = None

    def position_of(self, pk):
        """A case study's position here, or None if it is not in the space."""
        position = int(self.lookup[pk]) if 0 <= pk < len(self.lookup) else -1
        return position if position >= 0 else None


@dataclass
class PartnerColumns:
    """Each position's partners, flattened (position p's are codes[start[p]:start[p + 1]]),
    so that counting partners over any set of positions is a gather and a bincount in C."""

    start: np.ndarray
    codes: np.ndarray
    organisation: np.ndarray  # code -> organisation pk
    rank: np.ndarray  # code -> place in order of name, for breaking ties


@dataclass
class Outcomes:
    """Every outcome of a published case study, as parallel columns in order of indicator
    then case study, so that a set of case studies' figures per indicator are bincounts."""

    case_study: np.ndarray
    indicator: np.ndarray  # code, an index into indicators
    cents: np.ndarray
    first: np.ndarray  # True on a case study's first outcome for its indicator
    indicators: list  # code -> indicator pk

    @classmethod
    def from_rows(cls, rows):
        """rows: (case study pk, indicator pk, value)."""
        rows = sorted(rows, key=lambda row: (row[1], row[0]))
        indicators = sorted({row[1] for row in rows})
        code = {pk: number for number, pk in enumerate(indicators)}
        case_study = np.array([row[0] for row in rows], dtype=np.int64)
        indicator = np.array([code[row[1]] for row in rows], dtype=np.int64)
        first = np.ones(len(rows), dtype=bool)
        first[1:] = (case_study[1:] != case_study[:-1]) | (indicator[1:] != indicator[:-1])
        return cls(
            case_study=case_study,
            indicator=indicator,
            # In pennies (two decimal places), so that sums stay exact.
            cents=np.array([int(row[2] * 100) for row in rows], dtype=np.int64),
            first=first,
            indicators=indicators,
        )


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
    theme_names: dict  # slug -> name, in name order, of the themes of published case studies
    public_organisations: frozenset = (
        frozenset()
    )  # partners and their successors, see public_organisation_ids
    public_themes: frozenset = frozenset()  # pks of the themes of published case studies
    predecessors: dict = field(
        default_factory=dict
    )  # organisation pk -> the pks it directly succeeded
    keys_of: dict = field(default_factory=dict)  # case study pk -> (facet, value) pairs
    years_of: dict = field(default_factory=dict)  # case study pk -> year completed
    figures_of: dict = field(
        default_factory=dict
    )  # case study pk -> (decile, facets, tenures, homes)
    outcomes: object = None

    def figures(self, space):
        """The space's figures as columns, built the first time insights ask for them."""
        return self._once(space, "figures", _figures)

    def partner_columns(self, space):
        """The space's partners as columns, built the first time a filtered finder asks."""
        return self._once(space, "partner_columns", _partner_columns)

    def _once(self, space, name, build):
        if getattr(space, name) is None:
            with _lock:
                if getattr(space, name) is None:
                    setattr(space, name, build(self, space))
        return getattr(space, name)

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
    from casestudies.finder.filters import SORT_ORDERING
    from casestudies.finder.selectors import published_case_studies

    # The database's own order, so pages here match pages from the same query in SQL.
    return list(
        published_case_studies().order_by(*SORT_ORDERING[sort]).values_list("pk", flat=True)
    )


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
    lookup = np.full(max(pks, default=0) + 1, -1, dtype=np.int64)
    lookup[np.array(pks, dtype=np.int64)] = np.arange(len(pks), dtype=np.int64)
    return Space(
        pks=pks,
        lookup=lookup,
        everything=BitMap(range(len(pks))),
        options=options,
        years={year: BitMap(positions) for year, positions in years.items()},
    )


def build(key):
    from casestudies.finder.selectors import published_case_studies
    from casestudies.models import CaseStudy, CaseStudyPartner, Organisation, Outcome, Theme

    published = published_case_studies()
    # The index a decile comes from goes last: each nation's deciles are counted apart.
    columns = [
        "pk",
        "year_completed",
        "imd_decile",
        *SINGLE_VALUE_FACETS.values(),
        *TENURE_FIELDS.values(),
        *HOMES_COLUMNS,
        "imd_edition",
    ]
    partners_of = {}
    for case_study_id, organisation_id in CaseStudyPartner.objects.filter(
        case_study__in=published.values("pk")
    ).values_list("case_study_id", "organisation_id"):
        partners_of.setdefault(case_study_id, set()).add(organisation_id)
    themes_of, public_themes = {}, set()
    for case_study_id, theme_id, slug in CaseStudy.themes.through.objects.filter(
        casestudy__in=published.values("pk")
    ).values_list("casestudy_id", "theme_id", "theme__slug"):
        themes_of.setdefault(case_study_id, []).append(slug)
        public_themes.add(theme_id)
    keys_of, years_of, figures_of = {}, {}, {}
    for row in published.values_list(*columns):
        keys_of[row[0]] = _facet_keys(row, partners_of.get(row[0], ()), themes_of.get(row[0], ()))
        if row[1]:
            years_of[row[0]] = row[1]
        figures_of[row[0]] = row[2:]
    outcome_rows = list(
        Outcome.objects.filter(case_study__in=published.values("pk")).values_list(
            "case_study_id", "indicator_id", "value"
        )
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
        # Themes only drafts carry are not named anywhere public.
        theme_names=dict(
            Theme.objects.filter(pk__in=public_themes).order_by("name").values_list("slug", "name")
        ),
        public_themes=frozenset(public_themes),
        keys_of=keys_of,
        years_of=years_of,
        figures_of=figures_of,
        outcomes=Outcomes.from_rows(outcome_rows),
    )
    newest = index.spaces["newest"] = _space(index, _order("newest"))
    totals = {
        organisation_id: len(bitmap)
        for organisation_id, bitmap in newest.options.get("partner", {}).items()
    }
    for organisation in Organisation.objects.filter(pk__in=list(totals)).select_related(
        "successor"
    ):
        index.partner_names[organisation.pk] = (organisation.slug, organisation.display_name)
        index.partner_ids[organisation.slug] = organisation.pk
    index.partner_totals = totals
    successors = dict(
        Organisation.objects.filter(successor__isnull=False).values_list("pk", "successor_id")
    )
    for organisation_id, successor_id in successors.items():
        index.predecessors.setdefault(successor_id, set()).add(organisation_id)
    public = set(totals)
    for organisation_id in totals:
        while organisation_id in successors and successors[organisation_id] not in public:
            organisation_id = successors[organisation_id]
            public.add(organisation_id)
    index.public_organisations = frozenset(public)
    alphabetical = sorted(
        totals,
        key=lambda organisation_id: (index.partner_names[organisation_id][1], organisation_id),
    )
    index.partner_alphabetical = {
        organisation_id: place for place, organisation_id in enumerate(alphabetical)
    }
    index.partner_order = sorted(
        totals,
        key=lambda organisation_id: (
            -totals[organisation_id],
            index.partner_alphabetical[organisation_id],
        ),
    )
    return index


_clean = (None, 0)  # (token, local changes when this process first saw it)


def current():
    """This process's index for the library as it is now, rebuilt if it has changed.

    An index this process's own changes have not made stale is shared with the other
    processes on the machine (casestudies.finder.shared_index); one with a change saved
    here but not yet in a new library version is this process's alone."""
    global _current, _clean
    from casestudies.caching import current_version, local_changes, release

    version = current_version()
    key = (release(), version["token"], local_changes())
    index = _current
    if index is not None and index.key == key:
        return index
    with _lock:
        if _current is None or _current.key != key:
            if _clean[0] != version["token"]:
                _clean = (version["token"], key[2])
            if _clean[1] == key[2] and not version.get("unavailable"):
                index = shared_index.load_or_build(key, build, _warmed)
            else:
                index = build(key)
            _current = index
        return _current


def prepare_shared(token):
    """Build and share the index for a library version about to be published, if the
    servers on this machine share one now (so a machine that never serves the finder,
    or a test, builds nothing)."""
    from casestudies.caching import current_version, release

    if shared_index.path_for(release(), current_version()["token"]).exists():
        shared_index.load_or_build((release(), token, 0), build, _warmed)


caching.BEFORE_NEW_VERSION.append(prepare_shared)


def _warmed(index):
    """An index with every space built (and what most requests ask of them), for sharing:
    a process that loads it then needs none of what they are built from."""
    for sort in SORTS:
        index.partner_columns(index.space(sort))
    index.figures(index.space("newest"))
    return index


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
        bitmaps["q"] = positions(space, matched)
    return bitmaps


def positions(space, pks):
    """The bitmap of the positions of these case studies, leaving out any not in the space."""
    pks = np.asarray(pks, dtype=np.int64)
    found = space.lookup[pks[(pks >= 0) & (pks < len(space.lookup))]]
    return BitMap(array.array("I", found[found >= 0].astype(np.uint32).tobytes()))


def without(bitmaps, space, name):
    """The case studies every active filter but `name` allows."""
    return intersect(
        (bitmap for other, bitmap in bitmaps.items() if other != name), space.everything
    )


def option_counts(base, options):
    return {value: base.intersection_cardinality(bitmap) for value, bitmap in options.items()}


def partner_counts(index, space, base, chosen_ids, size):
    """The `size` partners with most case studies in `base`, plus any chosen, exactly;
    ties go to the name first in the alphabet. Also says whether more partners have any."""
    options = space.options.get("partner", {})
    if len(base) <= WALK_LIMIT:
        counts = {}
        for position in base:
            for organisation_id in index.partners_of.get(space.pks[position], ()):
                counts[organisation_id] = counts.get(organisation_id, 0) + 1
        top = heapq.nsmallest(
            size, counts, key=lambda o: (-counts[o], index.partner_alphabetical[o])
        )
        more = len(counts) > size
    elif len(base) == len(space.everything):
        # The whole library: the counts are the library-wide ones, already in order.
        top = index.partner_order[:size]
        counts = {organisation_id: index.partner_totals[organisation_id] for organisation_id in top}
        more = len(index.partner_order) > size
    else:
        columns = index.partner_columns(space)
        by_code = _count_partners(columns, base)
        found = np.flatnonzero(by_code)
        best = found[np.lexsort((columns.rank[found], -by_code[found]))[:size]]
        top = columns.organisation[best].tolist()
        counts = dict(zip(top, by_code[best].tolist()))
        more = len(found) > size
    for organisation_id in chosen_ids:
        if organisation_id not in counts:
            counts[organisation_id] = (
                base.intersection_cardinality(options[organisation_id])
                if organisation_id in options
                else 0
            )
    return {
        organisation_id: counts.get(organisation_id, 0) for organisation_id in {*top, *chosen_ids}
    }, more


def _partner_columns(index, space):
    organisations = list(index.partner_order)
    code_of = {organisation_id: code for code, organisation_id in enumerate(organisations)}
    lengths = np.zeros(len(space.pks) + 1, dtype=np.int64)
    codes = []
    for position, pk in enumerate(space.pks):
        partners = index.partners_of.get(pk, ())
        lengths[position + 1] = len(partners)
        codes.extend(code_of[organisation_id] for organisation_id in partners)
    return PartnerColumns(
        start=np.cumsum(lengths),
        codes=np.array(codes, dtype=np.int64),
        organisation=np.array(organisations, dtype=np.int64),
        rank=np.array(
            [index.partner_alphabetical[organisation_id] for organisation_id in organisations],
            dtype=np.int64,
        ),
    )


def _count_partners(columns, base):
    """How many case studies in `base` each partner has, by code."""
    positions = np.array(base.to_array(), dtype=np.int64)
    starts, ends = columns.start[positions], columns.start[positions + 1]
    lengths = ends - starts
    # The flat indices of every partner of every position in base, without a Python loop.
    before = np.cumsum(lengths) - lengths
    flat = np.repeat(starts - before, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)
    return np.bincount(columns.codes[flat], minlength=len(columns.organisation))


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
        return np.fromiter(
            (missing if row[offset] is None else row[offset] for row in rows),
            dtype=np.int64,
            count=count,
        )

    figures = {
        "pk": np.fromiter(space.pks, dtype=np.int64, count=count),
        "decile": column(0),  # 0: not recorded
        "homes_known": np.fromiter(
            (row[homes_start] is not None for row in rows), dtype=bool, count=count
        ),
    }
    for name, offset in zip(HOMES_COLUMNS, range(homes_start, homes_start + len(HOMES_COLUMNS))):
        figures[name] = column(offset)
    for tenure, offset in zip(TENURE_FIELDS, range(tenure_start, homes_start)):
        figures[f"tenure_{tenure.value}"] = column(offset)
    for group, offset in {**GROUPS, "index": homes_start + len(HOMES_COLUMNS)}.items():
        values = sorted({row[offset] or "" for row in rows})
        codes = {value: code for code, value in enumerate(values)}
        figures[f"{group}_values"] = values
        figures[f"{group}_code"] = np.fromiter(
            (codes[row[offset] or ""] for row in rows), dtype=np.int64, count=count
        )
    return figures


def summarise(index, space, bitmap):
    """Counts and sums of homes for the case studies at these positions: in total, by
    tenure, by decile, by region, model and delivery, and per outcome indicator."""
    figures = index.figures(space)
    if len(bitmap) == len(space.pks):
        at = slice(None)  # the whole library: the columns as they are, nothing to gather
    else:
        at = (
            np.frombuffer(bitmap.to_array(), dtype=np.uint32)
            if len(bitmap)
            else np.zeros(0, dtype=np.int64)
        )
    chosen_pks = np.zeros(len(space.lookup), dtype=bool)
    chosen_pks[figures["pk"][at]] = True
    homes = figures["homes_total"][at]
    summary = {
        "total": len(bitmap),
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
            value: (counts[code], int(sums[code]))
            for code, value in enumerate(figures[f"{group}_values"])
        }
    # Deciles within each nation's own index: (index key, decile) pairs counted at once.
    pairs = figures["index_code"][at] * 11 + figures["decile"][at]
    by_pair = np.bincount(pairs, minlength=11 * len(figures["index_values"])).tolist()
    summary["deciles_by_index"] = {
        key: by_pair[code * 11 : code * 11 + 11]
        for code, key in enumerate(figures["index_values"])
        if key
    }
    outcomes = index.outcomes
    inside = outcomes.case_study < len(chosen_pks)
    chosen = np.zeros(len(outcomes.case_study), dtype=bool)
    chosen[inside] = chosen_pks[outcomes.case_study[inside]]
    codes, size = outcomes.indicator[chosen], len(outcomes.indicators)
    rows = np.bincount(codes, minlength=size).tolist()
    case_studies = np.bincount(outcomes.indicator[chosen & outcomes.first], minlength=size).tolist()
    cents = np.zeros(size, dtype=np.int64)
    np.add.at(cents, codes, outcomes.cents[chosen])  # in integers: exact at any size
    summary["outcomes"] = {
        indicator: {
            "cents": int(cents[code]),
            "rows": rows[code],
            "case_studies": case_studies[code],
        }
        for code, indicator in enumerate(outcomes.indicators)
        if rows[code]
    }
    return summary
