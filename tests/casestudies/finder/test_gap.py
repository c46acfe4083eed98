"""The gap: each nation's partnerships in its most deprived 10% and 30% against an even
spread, equal to the same counts in SQL, and the councils' table."""

import random
from decimal import Decimal

import pytest
from django.db.models import Count, Q
from django.http import QueryDict

from casestudies.finder import gap, selectors
from casestudies.geography import INDICES
from casestudies.models.choices import ImdBasis, PartnershipStatus, Region

NATION_INDICES = {
    "wales": ["wimd2019"],
    "scotland": ["simd2020"],
    "northern-ireland": ["nimdm2017"],
}


@pytest.fixture
def varied_library(make_case_study):
    """Sixty case studies across the nations' indices, with deciles entered by hand, some
    with none, in every region and partnership status."""
    rng = random.Random(15)
    made = []
    for number in range(60):
        region = rng.choice(Region.values)
        index = rng.choice(NATION_INDICES.get(region, ["iod2025", "iod2019"]))
        decile = rng.choice([None, *range(1, 11)])
        made.append(
            make_case_study(
                f"Varied {number}",
                region=region,
                partnership_status=rng.choice(PartnershipStatus.values),
                imd_decile=decile,
                imd_edition=index if decile else "",
                imd_basis=ImdBasis.HAND if decile else "",
            )
        )
    make_case_study(
        "Draft, never counted",
        status="draft",
        imd_decile=1,
        imd_edition="iod2025",
        imd_basis="hand",
    )
    return made


def sql_gap(query):
    rows = (
        selectors.filter_case_studies(QueryDict(query))
        .qs.exclude(imd_decile=None)
        .order_by()
        .values("imd_edition")
        .annotate(
            recorded=Count("pk"),
            in_10=Count("pk", filter=Q(imd_decile=1)),
            in_30=Count("pk", filter=Q(imd_decile__lte=3)),
        )
    )
    return {
        INDICES[row["imd_edition"]].name: (row["recorded"], row["in_10"], row["in_30"])
        for row in rows
    }


@pytest.mark.parametrize(
    "query",
    [
        "",
        "region=wales&region=scotland",
        "status=ended",
        "deprivation=most-deprived-30",
        "region=north-east&status=active&status=stalled",
    ],
)
def test_the_gap_equals_sql_for_any_filters(varied_library, query):
    figures = selectors.insights(selectors.filter_case_studies(QueryDict(query)))
    rows = figures.deprivation["by_nation"]
    by_index = {
        row.index_name: (row.recorded, row.in_10, row.in_30) for row in rows if row.index_name
    }
    assert by_index == sql_gap(query)
    if len(by_index) > 1:
        combined = rows[-1]
        assert combined.label == "All nations, each by its own index"
        assert (combined.recorded, combined.in_10, combined.in_30) == tuple(
            map(sum, zip(*by_index.values()))
        )
    for row in rows:
        assert row.expected_10 == pytest.approx(row.recorded / 10)
        assert row.expected_30 == pytest.approx(row.recorded * 0.3)


def test_the_insights_page_shows_the_gap_per_nation_and_says_nations_are_combined(
    client, varied_library
):
    page = client.get("/insights/").content.decode()
    assert "Partnerships in the most deprived neighbourhoods, against an even spread" in page
    assert "Scottish Index of Multiple Deprivation 2020v2" in page
    assert "All nations, each by its own index" in page
    assert "the indices cannot be compared with each other" in page
    recorded, in_10, _ = sql_gap("")["Welsh Index of Multiple Deprivation 2019"]
    assert f"<td>{in_10} ({round(100 * in_10 / recorded)}%)</td>" in page


def test_one_nation_alone_is_not_called_combined(client, make_case_study):
    make_case_study(imd_decile=1, imd_edition="iod2025", imd_basis="hand")
    page = client.get("/insights/").content.decode()
    assert 'England <span class="muted">(English Indices of Deprivation 2025)</span>' in page
    assert "All nations, each by its own index" not in page


def test_the_councils_table_counts_partnerships_in_each(client, make_case_study):
    make_case_study(
        "In Birmingham",
        region="west-midlands",
        latitude=Decimal("52.4797"),
        longitude=Decimal("-1.9030"),
    )
    from casestudies.finder import facet_index

    tables = {group.nation: group for group in gap.authority_tables(facet_index.current().key)}
    england = {row.name: row for row in tables["England"].rows}
    assert england["Birmingham"].partnerships == 1
    assert england["Birmingham"].most_deprived_10 == max(
        row.most_deprived_10 for row in tables["England"].rows
    )
    assert england["Bradford"].partnerships == 0
    assert (
        not tables["Scotland"].available and "do not say which council" in tables["Scotland"].note
    )
    page = client.get("/insights/").content.decode()
    assert "The councils with the most deprived neighbourhoods, and their partnerships" in page
    assert "<td>None</td>" in page


def test_the_attribution_is_on_every_page_that_shows_deciles(client, make_case_study):
    case_study = make_case_study(latitude=Decimal("54.947"), longitude=Decimal("-1.916"))
    statement = (
        "Contains public sector information licensed under the Open Government Licence v3.0."
    )
    for url in ["/insights/", "/map/", "/open-data/", "/about/", case_study.get_absolute_url()]:
        page = client.get(url).content.decode()
        assert statement in page, url
    detail = client.get(case_study.get_absolute_url()).content.decode()
    assert (
        "English Indices of Deprivation 2025, Ministry of Housing, Communities and Local Government."
        in detail
    )
    assert (
        "Contains OS data © Crown copyright and database right 2021." in detail
    )  # the boundaries it was found in
    assert "Scottish Government" not in detail.split("data-deprivation")[1].split("</dd>")[0]


def test_a_case_study_page_names_the_index_and_the_neighbourhood(client, make_case_study):
    glasgow = make_case_study(
        region="scotland",
        latitude=Decimal("55.8611"),
        longitude=Decimal("-4.2502"),
        location_basis="place-centre",
    )
    detail = client.get(glasgow.get_absolute_url()).content.decode()
    deprivation = detail.split("data-deprivation>")[1].split("</dd>")[0]
    assert (
        "Decile 6 of 10 in the Scottish Index of Multiple Deprivation 2020v2 (1 = the most deprived 10% of "
        "neighbourhoods in Scotland) (approximate)"
    ) in deprivation
    assert (
        "Neighbourhood: City Centre East - 02 (S01010260), found from the coordinates."
        in deprivation
    )
    assert "centre of the place named, not the homes" in deprivation


def test_the_home_page_claim_is_computed(client, make_case_study):
    make_case_study(imd_decile=1, imd_edition="iod2025", imd_basis="hand")
    make_case_study(region="wales", imd_decile=9, imd_edition="wimd2019", imd_basis="hand")
    page = client.get("/").content.decode()
    assert "prosperous villages" not in page
    claim = page.split("data-left-behind>")[1].split("</p>")[0]
    assert "Of the 2 partnerships with a deprivation decile in their own nation's index" in claim
    assert "<strong>1</strong> is in their nation's most deprived 30% of neighbourhoods" in claim
    assert "an even spread would put about 1." in claim


def test_the_finders_deprivation_filter_says_it_combines_each_nations_own_deciles(
    client, make_case_study
):
    make_case_study(imd_decile=2, imd_edition="iod2025", imd_basis="hand")
    make_case_study(region="scotland", imd_decile=2, imd_edition="simd2020", imd_basis="hand")
    page = client.get("/case-studies/?deprivation=most-deprived-30").content.decode()
    assert "Most deprived 30% of its nation&#x27;s neighbourhoods" in page
    assert (
        "Each case study is placed by its own nation&#x27;s latest index (English Indices of Deprivation 2025"
        in page
    )
    assert (
        "the counts combine each nation&#x27;s own deciles, which are not comparable with each other"
        in page
    )
    assert "2 case studies" in page
