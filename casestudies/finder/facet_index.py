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
from django.conf import settings
from pyroaring import BitMap

from casestudies import caching
from casestudies.caching import current_version, local_changes, release
from casestudies.finder import facets, shared_index
from casestudies.models import CaseStudy, Organisation, Outcome

SORTS = ("newest", "oldest", "title", "most-homes")
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
    ranges: dict = field(default_factory=dict)  # range facet -> value -> BitMap
    figures: dict = None  # column name -> numpy array, one value per position
    member_columns: dict = field(default_factory=dict)  # relation facet -> MemberColumns

    def position_of(self, pk):
        """A case study's position here, or None if it is not in the space."""
        position = int(self.lookup[pk]) if 0 <= pk < len(self.lookup) else -1
        return position if position >= 0 else None


@dataclass
class MemberColumns:
    """Each position's rows of a relation, flattened (position p's are
    codes[start[p]:start[p + 1]]), so that counting rows over any set of positions is a
    gather and a bincount in C."""

    start: np.ndarray
    codes: np.ndarray
    organisation: np.ndarray  # code -> row pk
    rank: np.ndarray  # code -> place in order of name, for breaking ties


@dataclass
class Relation:
    """A many-to-many facet's rows in the published library (bitmaps are keyed by pk)."""

    names: dict  # pk -> (slug, label), in the vocabulary's order
    ids: dict  # slug -> pk
    members_of: dict  # case study pk -> pks
    totals: dict = field(default_factory=dict)  # pk -> published case studies
    order: list = field(default_factory=list)  # pks, most case studies first
    alphabetical: dict = field(default_factory=dict)  # pk -> place in order of label


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
    relations: dict  # relation facet -> Relation
    columns: dict  # column name -> its place in a figures_of row
    public_organisations: frozenset = (
        frozenset()
    )  # partners and their successors, see public_organisation_ids
    public_themes: frozenset = frozenset()  # pks of the themes of published case studies
    predecessors: dict = field(
        default_factory=dict
    )  # organisation pk -> the pks it directly succeeded
    keys_of: dict = field(default_factory=dict)  # case study pk -> (facet, value) pairs
    ranges_of: dict = field(default_factory=dict)  # range facet -> case study pk -> value
    figures_of: dict = field(default_factory=dict)  # case study pk -> its row of columns
    outcomes: object = None

    # The partner facet's relation under the names the organisation pages know it by.
    partner_names = property(lambda self: self.relations["partner"].names)
    partner_ids = property(lambda self: self.relations["partner"].ids)
    partners_of = property(lambda self: self.relations["partner"].members_of)

    def unpacked(self, name):
        """keys_of, ranges_of or figures_of: in an index loaded from the machine's file they
        stay packed until a request first needs them (see shared_index.DEFERRED)."""
        value = getattr(self, name)
        if isinstance(value, shared_index.Packed):
            with _lock:
                value = getattr(self, name)
                if isinstance(value, shared_index.Packed):
                    value = value.unpack()
                    setattr(self, name, value)
        return value

    def figures(self, space):
        """The space's figures as columns, built the first time insights ask for them."""
        return self._once(space, "figures", _figures)

    def member_columns(self, space, param):
        """A relation's rows in the space as columns, built the first time a filtered
        finder asks."""
        if param not in space.member_columns:
            with _lock:
                if param not in space.member_columns:
                    space.member_columns[param] = _member_columns(self.relations[param], space)
        return space.member_columns[param]

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


def _facet_keys(row, at, relation_rows):
    """The (facet, value) pairs one case study contributes, from its row of columns
    (`at` gives each column's place) and its rows of each relation."""
    keys = []
    for facet in facets.FACETS:
        if facet.match in (facets.SINGLE, facets.BUCKET):
            keys.extend((facet.param, key) for key in facet.keys_for(row[at[facet.field]]))
        elif facet.match == facets.COLUMNS:
            for value, column in facet.columns.items():
                homes = row[at[column]]
                if homes and homes > 0:
                    keys.append((facet.param, str(value)))
        elif facet.match == facets.RELATION:
            keys.extend((facet.param, pk) for pk in relation_rows[facet.param].get(row[0], ()))
    return tuple(keys)


def _order(sort):
    # The database's own order, so pages here match pages from the same query in SQL.
    return list(
        CaseStudy.objects.published()
        .order_by(*facets.SORT_ORDERING[sort])
        .values_list("pk", flat=True)
    )


def _space(index, pks):
    ranges_of = index.unpacked("ranges_of")
    lists, ranges = {}, {param: {} for param in ranges_of}
    keys_of = index.unpacked("keys_of")
    for position, pk in enumerate(pks):
        for key in keys_of[pk]:
            found = lists.get(key)
            if found is None:
                lists[key] = [position]
            else:
                found.append(position)
    for param, values_of in ranges_of.items():
        for position, pk in enumerate(pks):
            value = values_of.get(pk)
            if value:
                ranges[param].setdefault(value, []).append(position)
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
        ranges={
            param: {value: BitMap(positions) for value, positions in found.items()}
            for param, found in ranges.items()
        },
    )


def _index_columns():
    """The columns of a case study the index reads: its pk, then each facet's own, then
    what the insights add up. The index a decile comes from is among them: each nation's
    deciles are counted apart."""
    names = ["pk"]
    for facet in facets.FACETS:
        if facet.match == facets.COLUMNS:
            names.extend(facet.columns.values())
        elif facet.match != facets.RELATION:
            names.append(facet.field)
    names.extend([*HOMES_COLUMNS, "imd_decile", "imd_edition"])
    return list(dict.fromkeys(names))


def _relation(facet, published):
    members_of = {}
    for case_study_id, pk in published.order_by().values_list("pk", facet.field):
        if pk is not None:
            members_of.setdefault(case_study_id, set()).add(pk)
    used = set().union(*members_of.values()) if members_of else set()
    # Rows only drafts use are not named anywhere public.
    names = {row.pk: (row.slug, str(row)) for row in facet.queryset().filter(pk__in=used)}
    relation = Relation(
        names=names, ids={slug: pk for pk, (slug, _) in names.items()}, members_of=members_of
    )
    return relation


def _rank(relation, totals):
    """Each relation's totals, its order by most case studies and by label."""
    relation.totals = totals
    alphabetical = sorted(totals, key=lambda pk: (relation.names[pk][1], pk))
    relation.alphabetical = {pk: place for place, pk in enumerate(alphabetical)}
    relation.order = sorted(totals, key=lambda pk: (-totals[pk], relation.alphabetical[pk]))


def build(key):
    published = CaseStudy.objects.published()
    columns = _index_columns()
    at = {name: place for place, name in enumerate(columns)}
    relations = {facet.param: _relation(facet, published) for facet in facets.of(facets.RELATION)}
    relation_rows = {param: relation.members_of for param, relation in relations.items()}
    keys_of, figures_of = {}, {}
    ranges_of = {facet.param: {} for facet in facets.of(facets.RANGE)}
    range_fields = [(facet.param, at[facet.field]) for facet in facets.of(facets.RANGE)]
    for row in published.values_list(*columns):
        keys_of[row[0]] = _facet_keys(row, at, relation_rows)
        for param, place in range_fields:
            if row[place]:
                ranges_of[param][row[0]] = row[place]
        figures_of[row[0]] = row
    outcome_rows = list(
        Outcome.objects.filter(case_study__in=published.values("pk")).values_list(
            "case_study_id", "indicator_id", "value"
        )
    )

    index = FacetIndex(
        key=key,
        spaces={},
        relations=relations,
        columns=at,
        public_themes=frozenset(relations["theme"].names),
        keys_of=keys_of,
        ranges_of=ranges_of,
        figures_of=figures_of,
        outcomes=Outcomes.from_rows(outcome_rows),
    )
    newest = index.spaces["newest"] = _space(index, _order("newest"))
    for param, relation in relations.items():
        _rank(relation, {pk: len(bitmap) for pk, bitmap in newest.options.get(param, {}).items()})
    totals = relations["partner"].totals
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
    return index


_clean = (None, 0)  # (token, local changes when this process first saw it)


def current():
    """This process's index for the library as it is now, rebuilt if it has changed.

    An index this process's own changes have not made stale is shared with the other
    processes on the machine (casestudies.finder.shared_index); one with a change saved
    here but not yet in a new library version is this process's alone."""
    global _current, _clean

    version = current_version()
    # The table's identity too: an index is built for the facets as declared.
    key = (release(), version["token"], local_changes(), id(facets.FACETS))
    index = _current
    if index is not None and index.key == key:
        return index
    with _lock:
        if _current is None or _current.key != key:
            if _clean[0] != version["token"]:
                _clean = (version["token"], key[2])
            if (
                settings.SHARED_FACET_INDEX
                and _clean[1] == key[2]
                and not version.get("unavailable")
            ):
                index = shared_index.load_or_build(key, build, _warmed)
            else:
                index = build(key)
            _current = index
        return _current


def prepare_shared(token):
    """Build and share the index for a library version about to be published, if the
    servers on this machine share one now (so a machine that never serves the finder,
    or a test, builds nothing)."""
    # The stored version, not current_version(): that may renew the version, which would
    # come back here.
    if not settings.SHARED_FACET_INDEX:
        return
    stored = caching.stored_version()
    if stored and shared_index.path_for(release(), stored["token"]).exists():
        shared_index.load_or_build((release(), token, 0, id(facets.FACETS)), build, _warmed)


caching.BEFORE_NEW_VERSION.append(prepare_shared)


def _warmed(index):
    """An index with every space built, with each relation's columns (the first filtered
    finder page needs them), and the insights' figures, for sharing."""
    for sort in SORTS:
        space = index.space(sort)
        for param in index.relations:
            index.member_columns(space, param)
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


def filter_bitmaps(space, index, selections, ranges, matched):
    """{filter name: BitMap} for every active filter, in this space. `selections` holds
    each checkbox facet's values (slugs, for relations), `ranges` each range facet's
    (start, end)."""
    bitmaps = {}
    for facet, values in selections.items():
        if not values:
            continue
        options = space.options.get(facet, {})
        if facet in index.relations:
            values = [index.relations[facet].ids.get(slug) for slug in values]
        bitmaps[facet] = union(options[value] for value in values if value in options)
    for facet, (start, end) in ranges.items():
        if start is not None or end is not None:
            bitmaps[facet] = union(
                bitmap
                for value, bitmap in space.ranges[facet].items()
                if (start is None or value >= start) and (end is None or value <= end)
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


def partner_counts(index, space, base, chosen_ids, size, param="partner"):
    """The `size` rows of a relation with most case studies in `base`, plus any chosen,
    exactly; ties go to the name first in the alphabet. Also says whether more rows have
    any."""
    relation = index.relations[param]
    options = space.options.get(param, {})
    if len(base) <= WALK_LIMIT:
        counts = {}
        for position in base:
            for pk in relation.members_of.get(space.pks[position], ()):
                counts[pk] = counts.get(pk, 0) + 1
        top = heapq.nsmallest(size, counts, key=lambda o: (-counts[o], relation.alphabetical[o]))
        more = len(counts) > size
    elif len(base) == len(space.everything):
        # The whole library: the counts are the library-wide ones, already in order.
        top = relation.order[:size]
        counts = {pk: relation.totals[pk] for pk in top}
        more = len(relation.order) > size
    else:
        columns = index.member_columns(space, param)
        by_code = _count_partners(columns, base)
        found = np.flatnonzero(by_code)
        best = found[np.lexsort((columns.rank[found], -by_code[found]))[:size]]
        top = columns.organisation[best].tolist()
        counts = dict(zip(top, by_code[best].tolist()))
        more = len(found) > size
    for pk in chosen_ids:
        if pk not in counts:
            counts[pk] = base.intersection_cardinality(options[pk]) if pk in options else 0
    return {pk: counts.get(pk, 0) for pk in {*top, *chosen_ids}}, more


def _member_columns(relation, space):
    rows = list(relation.order)
    code_of = {pk: code for code, pk in enumerate(rows)}
    lengths = np.zeros(len(space.pks) + 1, dtype=np.int64)
    codes = []
    for position, pk in enumerate(space.pks):
        members = relation.members_of.get(pk, ())
        lengths[position + 1] = len(members)
        codes.extend(code_of[member] for member in members)
    return MemberColumns(
        start=np.cumsum(lengths),
        codes=np.array(codes, dtype=np.int64),
        organisation=np.array(rows, dtype=np.int64),
        rank=np.array([relation.alphabetical[pk] for pk in rows], dtype=np.int64),
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


def _figures(index, space):
    """Columns of numbers, one value per position of this space: the insights add them up
    for any set of positions in C (numpy) rather than row by row."""
    figures_of = index.unpacked("figures_of")
    rows = [figures_of[pk] for pk in space.pks]
    count = len(rows)
    at = index.columns

    def column(name, missing=0):
        place = at[name]
        return np.fromiter(
            (missing if row[place] is None else row[place] for row in rows),
            dtype=np.int64,
            count=count,
        )

    homes_total = at["homes_total"]
    figures = {
        "pk": np.fromiter(space.pks, dtype=np.int64, count=count),
        "decile": column("imd_decile"),  # 0: not recorded
        "homes_known": np.fromiter(
            (row[homes_total] is not None for row in rows), dtype=bool, count=count
        ),
    }
    for name in HOMES_COLUMNS:
        figures[name] = column(name)
    for facet in facets.of(facets.COLUMNS):
        for value, name in facet.columns.items():
            figures[f"{facet.param}_{value!s}"] = column(name)
    groups = {facet.param: at[facet.field] for facet in _breakdowns()}
    for group, place in {**groups, "index": at["imd_edition"]}.items():
        values = sorted({row[place] or "" for row in rows})
        codes = {value: code for code, value in enumerate(values)}
        figures[f"{group}_values"] = values
        figures[f"{group}_code"] = np.fromiter(
            (codes[row[place] or ""] for row in rows), dtype=np.int64, count=count
        )
    return figures


def _breakdowns():
    """The facets the insights break down by option: those of one value per case study."""
    return [facet for facet in facets.of(facets.SINGLE) if facet.breakdown]


def summarise(index, space, bitmap):
    """Counts and sums of homes for the case studies at these positions: in total, by
    each column facet's option (tenure), by decile, by each facet with a breakdown, and per
    outcome indicator."""
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
        "columns": {},
        "groups": {},
    }
    for facet in facets.of(facets.COLUMNS):
        found = summary["columns"][facet.param] = {}
        for value in facet.columns:
            values = figures[f"{facet.param}_{value!s}"][at]
            found[str(value)] = (int(values.sum()), int((values > 0).sum()))
    summary["tenure"] = summary["columns"].get("tenure", {})
    for group in (facet.param for facet in _breakdowns()):
        codes = figures[f"{group}_code"][at]
        size = len(figures[f"{group}_values"])
        counts = np.bincount(codes, minlength=size).tolist()
        sums = np.bincount(codes, weights=homes, minlength=size).tolist()  # exact below 2**53 homes
        # How many give a number of homes: a sum of 0 over case studies that give none is
        # "not recorded", not zero homes.
        known = np.bincount(codes[figures["homes_known"][at]], minlength=size).tolist()
        summary["groups"][group] = {
            value: (counts[code], int(sums[code]), known[code])
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
