"""Selectors: facet counts, headline figures, public organisations."""

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casestudies.finder import selectors
from casestudies.models import CaseStudy
from casestudies.models.choices import CommunityModel, Delivery, Region, Setting, Stage, Status


@pytest.fixture
def varied_library(make_case_study, make_organisation, make_theme):
    """Forty case studies with every facet varied, plus some that must never be counted."""
    rng = random.Random(7)
    organisations = [make_organisation(f"Partner {i}", slug=f"partner-{i}") for i in range(6)]
    themes = [make_theme(name) for name in ("Older people", "Empty homes", "Rural")]
    for i in range(40):
        built = rng.choice([None, 4, 10])
        refurbished = rng.choice([None, 2, 6])
        total = (built or 0) + (refurbished or 0)
        decile = rng.choice([None, 1, 2, 4, 6, 8, 10])
        make_case_study(
            f"Scheme {i}",
            region=rng.choice(Region.values[:5]),
            community_model=rng.choice(CommunityModel.values[:4]),
            delivery=rng.choice(Delivery.values + [""]),
            stage=rng.choice(Stage.values),
            setting=rng.choice(Setting.values),
            homes_built=built,
            homes_refurbished=refurbished,
            homes_social_rent=rng.choice([None, 1]) if total else None,
            homes_affordable_rent=rng.choice([None, 1]) if total else None,
            imd_decile=decile,
            imd_edition="iod2019" if decile else "",
            year_completed=rng.choice([None, 2010, 2015, 2020]),
            partners=[
                (organisation, "community")
                for organisation in rng.sample(organisations, k=rng.choice([1, 2]))
            ],
            themes=rng.sample(themes, k=rng.choice([0, 1, 2])),
        )
    for status in (Status.DRAFT, Status.REVIEW, Status.ARCHIVED):
        make_case_study(
            f"Hidden {status}",
            status=status,
            region="north-east",
            partners=[(organisations[0], "community")],
        )
    make_case_study(
        "Hidden scheduled", published_at=timezone.now() + timedelta(days=1), region="north-east"
    )


def facet_map(params):
    filterset = selectors.filter_case_studies(QueryDict(params))
    return {facet.name: facet for facet in selectors.facets(filterset)}


@pytest.mark.parametrize(
    "params",
    [
        "",
        "region=north-east",
        "region=north-east&region=yorkshire&model=clt",
        "delivery=new-build&tenure=social-rent",
        "deprivation=most-deprived-30&stage=live",
        "partner=partner-1&theme=older-people",
        "q=scheme&setting=urban&setting=rural-village",
        "completed_from=2012&model=cohousing",
    ],
)
def test_every_facet_count_equals_the_results_of_applying_it(varied_library, params):
    """ "North East (3)" must mean that ticking North East, with the other filters as
    they are, gives exactly 3 case studies."""
    base = QueryDict(params)
    for name, facet in facet_map(params).items():
        for option in facet.options:
            applied = base.copy()
            applied.setlist(name, [option.value])
            expected = selectors.filter_case_studies(applied).qs.count()
            assert option.count == expected, (params, name, option.value)


def test_facets_count_only_what_is_public(varied_library):
    regions = {option.value: option.count for option in facet_map("")["region"].options}
    assert (
        regions["north-east"] == CaseStudy.objects.published().filter(region="north-east").count()
    )
    partner_zero = {option.value: option.count for option in facet_map("")["partner"].options}[
        "partner-0"
    ]
    assert (
        partner_zero
        == CaseStudy.objects.published().filter(partners__organisation__slug="partner-0").count()
    )


def test_facet_options_say_which_are_selected(varied_library):
    facet = facet_map("region=north-east&region=yorkshire")["region"]
    assert facet.selected_count == 2
    assert {o.value for o in facet.options if o.selected} == {"north-east", "yorkshire"}


def test_facets_take_a_fixed_number_of_queries(varied_library, make_case_study):
    def count_queries():
        filterset = selectors.filter_case_studies(
            QueryDict("region=north-east&partner=partner-2&q=scheme")
        )
        with CaptureQueriesContext(connection) as queries:
            selectors.facets(filterset)
        return len(queries)

    before = count_queries()
    for i in range(15):
        make_case_study(f"More {i}", region="north-east")
    assert count_queries() == before
    assert before <= 12


def test_headline_figures_count_the_published_library(make_case_study):
    make_case_study(homes_built=7, imd_decile=2, imd_edition="iod2019")
    make_case_study(homes_refurbished=6, imd_decile=9, imd_edition="iod2019")
    make_case_study(homes_built=100, status=Status.DRAFT)
    figures = selectors.headline_figures()
    assert figures["case_studies"] == 2
    assert figures["homes"] == 13
    assert figures["refurbished"] == 6
    assert figures["deprivation_recorded"] == 2
    assert figures["most_deprived"] == 1


def test_public_organisations_leave_out_draft_only_partners(make_case_study, make_organisation):
    public_partner = make_organisation("Public partner")
    draft_partner = make_organisation("Draft-only partner")
    successor = make_organisation("Successor homes")
    predecessor = make_organisation("Predecessor housing", successor=successor)
    make_case_study(partners=[(public_partner, "community"), (predecessor, "housing-association")])
    make_case_study(status=Status.DRAFT, partners=[(draft_partner, "community")])
    ids = selectors.public_organisation_ids()
    assert public_partner.pk in ids and predecessor.pk in ids
    assert successor.pk in ids  # through its predecessor's partnership
    assert draft_partner.pk not in ids


def test_counts_include_predecessors_once(make_case_study, make_organisation):
    karbon = make_organisation("Karbon Homes")
    isos = make_organisation("Isos Housing", successor=karbon)
    make_case_study(partners=[(isos, "housing-association")])
    make_case_study(partners=[(isos, "housing-association"), (karbon, "manager")])
    make_case_study(status=Status.DRAFT, partners=[(karbon, "manager")])
    counts = selectors.public_case_study_counts([karbon.pk, isos.pk])
    assert counts == {karbon.pk: 2, isos.pk: 2}


@pytest.mark.parametrize("walk_limit", [0, 10_000])
@pytest.mark.parametrize("query", ["", "region=north-east"])
def test_partner_facet_breaks_ties_by_name_however_it_counts(
    make_case_study, make_organisation, monkeypatch, walk_limit, query
):
    """Small result sets are counted by walking them, the whole library from its totals,
    other sets by counting in columns: all must pick the same fifteen partners when counts tie."""
    from casestudies.finder import facet_index

    monkeypatch.setattr(facet_index, "WALK_LIMIT", walk_limit)
    for i in reversed(range(20)):
        partner = make_organisation(f"Tied partner {i:02d}", slug=f"tied-{i:02d}")
        make_case_study(f"Tied {i}", region="north-east", partners=[(partner, "community")])
    busy = make_organisation("Zebra Homes", slug="zebra")
    for i in range(2):
        make_case_study(f"Busy {i}", region="north-east", partners=[(busy, "community")])
    # Busiest of all, but elsewhere: filtered out by the region, first without it.
    elsewhere = make_organisation("Aardvark Homes", slug="aardvark")
    for i in range(3):
        make_case_study(f"Elsewhere {i}", region="london", partners=[(elsewhere, "community")])
    partner = facet_map(query)["partner"]
    expected = ["Zebra Homes"] + [f"Tied partner {i:02d}" for i in range(14)]
    if not query:
        expected = ["Aardvark Homes"] + expected[:-1]
    assert [option.label for option in partner.options] == expected
    assert [option.count for option in partner.options][:2] == ([3, 2] if not query else [2, 1])
    assert partner.note.startswith("The 15 partners with most case studies here")
