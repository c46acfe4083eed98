"""The gap the library exists to show: how many partnerships are in each nation's most
deprived neighbourhoods, against what an even spread would give, and which councils hold
the most deprived neighbourhoods with how many partnerships each.

Each nation is read by its own index. Where nations are shown together the figures add
each nation's own counts (a case study in Wales's most deprived 10% and one in England's
are both "in their nation's most deprived 10%"), and the page says so.
"""

import threading
from dataclasses import dataclass

from django.template.loader import render_to_string

from casestudies import geography
from casestudies.models import CaseStudy
from casestudies.models.choices import ImdBasis
from casestudies.services.lens import decile_label

AUTHORITY_ROWS = 10  # councils shown per nation
# Nations in their usual order, each nation's indices newest first.
INDEX_ORDER = tuple(
    (nation.name, index)
    for nation in geography.NATIONS.values()
    for index in sorted(nation.indices, key=lambda index: index.published, reverse=True)
)


@dataclass(frozen=True)
class GapRow:
    label: str
    index_name: str  # "" for the combined row
    recorded: int
    in_10: int
    in_30: int

    @property
    def expected_10(self):
        return self.recorded / 10

    @property
    def expected_30(self):
        return self.recorded * 3 / 10

    @property
    def share_10(self):
        return round(100 * self.in_10 / self.recorded) if self.recorded else None

    @property
    def share_30(self):
        return round(100 * self.in_30 / self.recorded) if self.recorded else None


def gap_rows(deciles_by_index):
    """One row per index with recorded deciles, nations in their usual order, then the
    combined row when more than one nation has any. `deciles_by_index` is
    {index key: [count with no decile, decile 1, …, decile 10]}."""
    rows = []
    for nation_name, index in INDEX_ORDER:
        counts = deciles_by_index.get(index.key)
        if not counts or not sum(counts[1:]):
            continue
        rows.append(GapRow(nation_name, index.name, sum(counts[1:]), counts[1], sum(counts[1:4])))
    if len(rows) > 1:
        rows.append(
            GapRow(
                "All nations, each by its own index",
                "",
                sum(r.recorded for r in rows),
                sum(r.in_10 for r in rows),
                sum(r.in_30 for r in rows),
            )
        )
    return rows


@dataclass(frozen=True)
class AuthorityRow:
    name: str
    most_deprived_10: int
    most_deprived_30: int
    neighbourhoods: int
    partnerships: int


@dataclass(frozen=True)
class AuthorityGroup:
    nation: str
    index_name: str
    rows: tuple
    note: str
    available: bool


_tables = {}
_tables_lock = threading.Lock()


def authority_tables(library_key):
    """For each nation's latest index, the councils with most of its most deprived 10% of
    neighbourhoods and how many published partnerships each has. Worked out once per
    version of the library (`library_key`, the facet index's key)."""
    return _once_per_library(library_key)["groups"]


def authority_table_html(library_key):
    """The councils' table as the pages show it: the same whatever the filters, so it is
    rendered once per version of the library rather than on every request."""
    return _once_per_library(library_key)["html"]


def _once_per_library(library_key):

    with _tables_lock:
        found = _tables.get(library_key)
        if found is None:
            _tables.clear()
            groups = _build_authority_tables()
            html = render_to_string("casestudies/includes/authority_table.html", {"groups": groups})
            found = _tables[library_key] = {"groups": groups, "html": html}
        return found


def _partnerships_by_authority():

    counts = {}
    rows = (
        CaseStudy.objects.published()
        .order_by()
        .values_list("lsoa_code", "local_authority_code", "local_authority_name")
    )
    for lsoa_code, authority_code, authority_name in rows.iterator(chunk_size=5000):
        keys = {authority_code, authority_name} - {""}
        if lsoa_code:
            try:
                authority = geography.local_authority_for(lsoa_code)
            except geography.GeographyError:
                authority = None
            if authority is not None:
                keys.add(authority.key)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _build_authority_tables():
    partnerships = _partnerships_by_authority()
    groups = []
    for nation in geography.NATIONS.values():
        table = geography.deprivation_by_authority(nation.latest_index.key)
        rows = tuple(
            AuthorityRow(
                row.authority.name,
                row.most_deprived_10,
                row.most_deprived_30,
                row.neighbourhoods,
                partnerships.get(row.authority.key, 0),
            )
            for row in table.rows[:AUTHORITY_ROWS]
        )
        groups.append(
            AuthorityGroup(nation.name, table.index.name, rows, table.note, table.available)
        )
    return tuple(groups)


def attribution(indices=None):
    """The statements a page showing deciles or the map layer must carry (see geography)."""
    return {
        "statements": geography.attribution(indices),
        "licence_name": geography.OGL_NAME,
        "licence_url": geography.OGL_URL,
    }


def page_context(figures):
    """What the insights and map pages show of the lens, for figures already summed
    (`selectors.Insights`)."""
    deprivation = figures.deprivation
    return {
        "gap": deprivation["by_nation"],
        "combined": len(deprivation["by_nation"]) > 1,
        "authority_table": authority_table_html(figures.library_key),
        "attribution": attribution(),
    }


def deprivation_context(case_study):
    """A case study's decile as its page shows it: named by its index, with the attribution
    of that index (and of the boundaries, when the neighbourhood was found from them)."""

    label = decile_label(case_study)
    if not label:
        return {"label": "", "attribution": attribution(())}
    boundaries = case_study.imd_basis == ImdBasis.COORDINATES
    statements = geography.attribution([case_study.imd_edition], boundaries=boundaries)
    return {"label": label, "attribution": {**attribution(()), "statements": statements}}
