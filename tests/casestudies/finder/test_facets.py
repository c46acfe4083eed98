"""The facet table: every finder facet is declared once, and a facet added to the table
appears in the finder's panel, its counts, the active-filter tags and the insights."""

import re
from html import unescape

import pytest
from django.http import QueryDict

from casestudies.finder import facets, selectors
from casestudies.finder.filters import CaseStudyFilter
from casestudies.models.choices import Arrangement

ARRANGEMENT = facets.Facet(
    "arrangement",
    "How the partnership works",
    "partnership_arrangement",
    Arrangement,
    what="arrangement",
    breakdown=facets.Breakdown("Case studies by how the partnership works", "arrangement"),
)


@pytest.fixture
def arrangement_facet(monkeypatch):
    """The table with one more entry, for this test only."""
    monkeypatch.setattr(facets, "FACETS", (*facets.FACETS, ARRANGEMENT))


@pytest.fixture
def arranged_library(make_case_study):
    for title, arrangement, homes in (
        ("Joint one", "joint-venture", 10),
        ("Joint two", "joint-venture", 4),
        ("Leased", "community-freehold-ha-lease", 7),
        ("Unsaid", "", None),
    ):
        make_case_study(title, partnership_arrangement=arrangement, homes_built=homes)


def test_the_filterset_takes_search_each_facet_of_the_table_then_sort():
    expected = ["q"]
    for facet in facets.FACETS:
        expected += [bound.param for bound in facet.bounds] or [facet.param]
    assert [*CaseStudyFilter.base_filters] == [*expected, "sort"]
    assert CaseStudyFilter.FACETS == [facet.param for facet in facets.checkbox_facets()]


def test_an_added_facet_is_in_the_panel_with_its_counts(
    client, arranged_library, arrangement_facet
):
    page = client.get("/case-studies/").content.decode()
    fieldset = re.search(r'<fieldset class="facet" id="facet-arrangement">.*?</fieldset>', page)
    assert fieldset, "the new facet has no fieldset in the panel"
    html = fieldset.group(0)
    assert "How the partnership works</legend>" in html
    assert re.search(r'value="joint-venture"> <label [^>]*>Joint venture <span[^>]*>\(2<', html)
    assert re.search(
        r"Community keeps the freehold, housing association leases and manages <span[^>]*>\(1<",
        html,
    )
    counts = {
        option.value: option.count
        for facet in selectors.facets(selectors.filter_case_studies(QueryDict("")))
        if facet.name == "arrangement"
        for option in facet.options
    }
    assert counts["joint-venture"] == 2 and counts["lease-and-repair"] == 0


def test_an_added_facet_filters_and_is_a_removable_tag(client, arranged_library, arrangement_facet):
    response = client.get("/case-studies/?arrangement=joint-venture")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Joint one" in page and "Joint two" in page and "Leased" not in page
    assert re.search(
        r'<a class="filter-tag" href="\?"><span[^>]*>Remove filter: </span>Joint venture', page
    )
    refused = client.get("/case-studies/?arrangement=teleport")
    assert refused.status_code == 400
    assert "We don't recognise the arrangement “teleport”" in unescape(refused.content.decode())


def test_an_added_facet_is_broken_down_on_insights(client, arranged_library, arrangement_facet):
    figures = selectors.insights(selectors.filter_case_studies(QueryDict("")))
    rows = {row["value"]: (row["count"], row["homes"]) for row in figures.breakdowns["arrangement"]}
    assert rows["joint-venture"] == (2, 14) and rows["community-freehold-ha-lease"] == (1, 7)
    page = client.get("/insights/?arrangement=joint-venture").content.decode()
    assert "Case studies by how the partnership works" in page
    assert "Joint venture has the most case studies (2 of 2)" in page


def test_without_the_entry_the_parameter_means_nothing(client, arranged_library):
    """The table as shipped, after the tests that added to it: no such facet."""
    page = client.get("/case-studies/?arrangement=joint-venture").content.decode()
    assert "Leased" in page and 'id="facet-arrangement"' not in page
