"""The insights' charts in words, bars and tables: one vocabulary, totals that reconcile,
and what is not recorded said so rather than counted as 0."""

import re

import pytest
from django.http import QueryDict

from casestudies.finder import selectors
from casestudies.models.choices import Delivery
from casestudies.presenters.insights import charts_for


def charts(params=""):
    figures = selectors.insights(selectors.filter_case_studies(QueryDict(params)))
    return figures, {chart["id"]: chart for chart in charts_for(figures)}


def bar_labels(svg):
    # Each bar's label is the first text of its row.
    return re.findall(r'<g transform="[^"]*"><text x="0"[^>]*>([^<]+)</text>', str(svg))


@pytest.fixture
def mixed_library(make_case_study):
    """New build, refurbishment, conversion without numbers, a mixed scheme whose homes
    are part new and part refurbished, and one that does not say how."""
    make_case_study("New", delivery="new-build", homes_built=80)
    make_case_study("Refurbished", delivery="refurbishment", homes_refurbished=11)
    make_case_study("Converted", delivery="conversion")
    make_case_study("Mixed", delivery="mixed", homes_built=11, homes_refurbished=4)
    make_case_study("Unsaid", homes_built=5)


def test_delivery_speaks_one_vocabulary_and_its_totals_reconcile(mixed_library):
    figures, by_id = charts()
    delivery = by_id["chart-delivery"]
    table_labels = [row[0] for row in delivery["rows"]]
    # The bars, the table and the words all use the case studies' own categories…
    assert bar_labels(delivery["svg"]) == [label for label in Delivery.labels]
    assert table_labels == [*Delivery.labels, "Not recorded"]
    assert "Refurbished or converted" not in str(delivery["svg"]) + delivery["summary"]
    # …and add up to the homes in total: nothing is counted twice or left out.
    homes = [int(row[2].split()[0]) for row in delivery["rows"] if row[2][0].isdigit()]
    assert sum(homes) == figures.homes["total"] == 80 + 11 + 15 + 5
    assert delivery["summary"] == (
        "4 case studies say how the homes were made: 1 new build, 1 refurbishment, 1 conversion "
        "and 1 mixed. Of the 106 homes they give numbers for: 80 new build, 11 refurbishment and "
        "15 mixed. For 1 case study it is not recorded (5 homes between them)."
    )


def test_unknown_homes_are_not_recorded_never_zero(mixed_library):
    _, by_id = charts()
    rows = {row[0]: row[1:] for row in by_id["chart-delivery"]["rows"]}
    assert rows["Conversion"] == ["1", "Not recorded"]
    assert rows["New build"] == ["1", "80"]
    region = {row[0]: row[1:] for row in by_id["chart-region"]["rows"]}
    assert region["North East"] == ["5", "111 (1 not recorded)"]
    svg = str(by_id["chart-delivery"]["svg"])
    assert (
        not re.search(r"\b0 homes", svg) and ">1</text>" in svg
    )  # the conversion's bar: a count alone


def test_sections_with_nothing_recorded_are_empty(make_case_study):
    make_case_study()  # no decile, no delivery, no homes, no tenure
    _, by_id = charts()
    for chart_id in ("chart-deprivation", "chart-delivery", "chart-tenure"):
        assert by_id[chart_id]["empty"] and not by_id[chart_id]["svg"]
        assert not by_id[chart_id]["rows"]
    assert not by_id["chart-region"]["empty"]
    assert by_id["chart-region"]["rows"] == [["North East", "1", "Not recorded"]]
