"""/insights/: the figures equal what counting directly gives, for any filter; the charts
in words, bars and tables speak one vocabulary, their totals reconcile, and what is not
recorded is said so rather than counted as 0."""

import re
from decimal import Decimal

import pytest
from django.http import QueryDict

from casestudies.finder import selectors
from casestudies.models import Indicator, Outcome
from casestudies.models.choices import Delivery, Status
from casestudies.presenters.insights import charts_for


@pytest.fixture
def library(make_case_study):
    built = Indicator.objects.get(slug="homes-built")
    lonely = Indicator.objects.get(slug="loneliness")
    rows = [
        ("A", "north-east", "clt", "new-build", 10, None, 1, {"homes_social_rent": 6}),
        ("B", "north-east", "clt", "refurbishment", None, 6, 2, {"homes_affordable_rent": 6}),
        ("C", "north-east", "cohousing", "new-build", 29, None, 8, {}),
        (
            "D",
            "south-west",
            "clt",
            "new-build",
            12,
            None,
            9,
            {"homes_shared_ownership": 2, "homes_social_rent": 10},
        ),
        ("E", "south-west", "clt", "mixed", 4, 3, None, {}),
    ]
    made = {}
    for title, region, model, delivery, built_homes, refurbished, decile, tenure in rows:
        made[title] = make_case_study(
            title,
            region=region,
            community_model=model,
            delivery=delivery,
            homes_built=built_homes,
            homes_refurbished=refurbished,
            imd_decile=decile,
            imd_edition="iod2019" if decile else "",
            **tenure,
        )
    Outcome.objects.create(case_study=made["A"], indicator=built, value=10, method="count")
    Outcome.objects.create(case_study=made["D"], indicator=built, value=12, method="count")
    Outcome.objects.create(case_study=made["A"], indicator=lonely, value=20, method="survey")
    Outcome.objects.create(case_study=made["C"], indicator=lonely, value=30, method="survey")
    hidden = make_case_study(
        "Hidden",
        status=Status.DRAFT,
        region="north-east",
        homes_built=500,
        imd_decile=1,
        imd_edition="iod2019",
    )
    Outcome.objects.create(case_study=hidden, indicator=built, value=500, method="count")
    return made


def figures(params=""):
    return selectors.insights(selectors.filter_case_studies(QueryDict(params)))


@pytest.mark.parametrize(
    "params",
    ["", "region=north-east", "model=clt", "delivery=new-build&region=south-west", "q=zzz"],
)
def test_figures_equal_direct_counts(library, params):
    result = figures(params)
    expected = selectors.filter_case_studies(QueryDict(params)).qs
    assert result.total == expected.count()
    assert result.homes["total"] == sum(cs.homes_total or 0 for cs in expected)
    assert result.homes["built"] == sum(cs.homes_built or 0 for cs in expected)
    assert result.homes["refurbished"] == sum(cs.homes_refurbished or 0 for cs in expected)
    for row in result.by_region:
        assert row["count"] == expected.filter(region=row["value"]).count()
    for row in result.by_model:
        assert row["count"] == expected.filter(community_model=row["value"]).count()
    for row in result.by_decile:
        assert row["count"] == expected.filter(imd_decile=row["decile"]).count()
    assert result.deprivation["not_recorded"] == expected.filter(imd_decile__isnull=True).count()
    assert result.deprivation["most_deprived_30"] == expected.filter(imd_decile__lte=3).count()
    for row in result.tenure:
        from casestudies.models.choices import TENURE_FIELDS

        field = TENURE_FIELDS[row["value"]]
        assert row["homes"] == sum(getattr(cs, field) or 0 for cs in expected)


def test_outcomes_are_summed_or_averaged_with_how_many_report(library):
    outcomes = {row["indicator"].slug: row for row in figures().outcomes}
    assert outcomes["homes-built"]["value"] == Decimal("22")  # 10 + 12, not the draft's 500
    assert outcomes["homes-built"]["case_studies"] == 2
    assert outcomes["loneliness"]["value"] == Decimal("25")  # averaged
    assert outcomes["loneliness"]["case_studies"] == 2
    assert list(outcomes) == [
        "homes-built",
        "loneliness",
    ]  # housing outputs before community wellbeing


def test_the_left_behind_reading(library):
    deprivation = figures().deprivation
    (england,) = deprivation.pop("by_nation")  # the library's deciles are all England's
    assert (england.label, england.index_name, england.recorded, england.in_10, england.in_30) == (
        "England",
        "English Indices of Deprivation 2019",
        4,
        1,
        2,
    )
    assert deprivation == {
        "recorded": 4,
        "not_recorded": 1,
        "most_deprived_30": 2,
        "least_deprived_30": 2,
        "most_deprived_10": 1,
        "share_most_deprived_30": 50,
        "share_least_deprived_30": 50,
    }


def test_insights_page_has_charts_tables_and_summaries(client, library):
    page = client.get("/insights/?region=north-east").content.decode()
    assert "3 case studies" in page and "match your filters" in page
    charts = re.findall(
        r'<svg class="chart"[^>]*role="img" aria-labelledby="([\w-]+)-title \1-desc"', page
    )
    assert {
        "chart-deprivation",
        "chart-region",
        "chart-model",
        "chart-delivery",
        "chart-tenure",
    } <= set(charts)
    assert (
        "3 case studies have a recorded deprivation decile. 2 of them (67%) are in the most deprived 30% of their "
        "nation&#x27;s neighbourhoods"
    ) in page
    assert re.search(r"<th scope=\"row\">Community land trust</th><td>2</td><td>16</td>", page)
    assert (
        "3 case studies say how the homes were made: 2 new build and 1 refurbishment. "
        "Of the 45 homes they give numbers for: 39 new build and 6 refurbishment."
    ) in page
    assert (
        '<th scope="row">Residents who feel lonely</th>' in page
        and '25% <span class="muted">(average)' in page
    )
    assert (
        "500" not in re.sub(r"<[^>]+>", "", page).split("Outcomes beyond")[1]
    )  # the draft is not counted


def test_insights_and_finder_link_to_each_other_keeping_filters(client, library):
    insights = client.get("/insights/?region=north-east&model=clt").content.decode()
    assert 'href="/case-studies/?region=north-east&amp;model=clt">List them</a>' in insights
    finder = client.get("/case-studies/?region=north-east&model=clt").content.decode()
    assert (
        'href="/insights/?region=north-east&amp;model=clt">Insights for these case studies</a>'
        in finder
    )
    for link in (
        "/case-studies.csv?region=north-east&amp;model=clt",
        "/api/case-studies/?region=north-east&amp;model=clt",
        "/case-studies.geojson?region=north-east&amp;model=clt",
    ):
        assert link in insights and link in finder


def test_insights_explain_bad_filters(client, library):
    response = client.get("/insights/?region=atlantis")
    assert response.status_code == 400
    assert "We don&#x27;t recognise the region “atlantis”" in response.content.decode()


def test_insights_with_nothing_recorded_fold_each_section_into_one_line(client, make_case_study):
    make_case_study()
    page = client.get("/insights/").content.decode()
    folded = re.findall(
        r'<section class="chart-block chart-block--empty" aria-labelledby="([\w-]+)-heading">', page
    )
    assert folded == [
        "chart-deprivation",
        "chart-model",
        "chart-delivery",
        "chart-tenure",
        "outcomes",
    ]
    assert page.count("Not recorded for any of these case studies.") == 5
    assert "gap-heading" not in page  # folded with the deprivation chart, not a table of zeros
    assert 'id="chart-tenure"' not in page and "<svg" in page  # the region chart is drawn
    assert "Homes: not recorded" in page and "Deprivation decile: not recorded" in page


def test_insights_open_with_figures_in_words_not_a_table(client, library):
    page = client.get("/insights/").content.decode()
    results = page.split('id="results-heading"')[1]
    assert results.index("insights__figures") < results.index("<table")
    assert results.index("chart-deprivation-heading") < results.index("gap-heading")
    assert ">64</span>" in page  # 10 + 6 + 29 + 12 + (4 + 3): every home given
    assert "in the 5 case studies that give a number" in page


def test_insights_matching_nothing_say_so_once(client, library):
    page = client.get("/insights/?q=zzzzqqq").content.decode()
    assert "None of the case studies match these filters" in page
    assert (
        "chart-block"
        not in page.split("None of the case studies match")[0].split("results-heading")[1]
    )
    assert "Not recorded for any" not in page


def test_insights_query_count_is_bounded(
    client, library, make_case_study, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        client.get("/insights/?region=north-east")
    for i in range(20):
        make_case_study(f"More {i}", region="north-east")
    with django_assert_max_num_queries(25):
        client.get("/insights/?region=north-east")


def test_figures_equal_sql_over_a_varied_library(make_case_study, make_theme):
    """Insights are added up in the facet index: over a varied library and any filters
    they equal what SQL aggregates over the same filtered queryset give."""
    import random

    from django.db.models import Avg, Count, Sum

    from casestudies.models.choices import TENURE_FIELDS, CommunityModel, Delivery, Region

    rng = random.Random(5)
    built, lonely = (
        Indicator.objects.get(slug="homes-built"),
        Indicator.objects.get(slug="loneliness"),
    )
    themes = [make_theme("Rural"), make_theme("Older people")]
    for i in range(40):
        decile = rng.choice([None, 1, 3, 5, 10])
        built_homes, refurbished = rng.choice([None, 3, 12]), rng.choice([None, 5])
        room = (built_homes or 0) + (refurbished or 0) >= 6  # tenures fit within the total
        case_study = make_case_study(
            f"Varied {i}",
            region=rng.choice(Region.values[:4]),
            community_model=rng.choice(CommunityModel.values[:3]),
            delivery=rng.choice(Delivery.values + [""]),
            homes_built=built_homes,
            homes_refurbished=refurbished,
            homes_social_rent=rng.choice([None, 0, 2]) if room else None,
            homes_market=rng.choice([None, 4]) if room else None,
            imd_decile=decile,
            imd_edition="iod2019" if decile else "",
            themes=rng.sample(themes, k=rng.choice([0, 1])),
        )
        if rng.random() < 0.5:
            Outcome.objects.create(
                case_study=case_study, indicator=built, value=rng.choice([1, 7, 20]), method="count"
            )
        if rng.random() < 0.5:
            Outcome.objects.create(
                case_study=case_study,
                indicator=lonely,
                value=Decimal(rng.choice(["12.5", "30", "41.25"])),
                method="survey",
            )
    make_case_study("Draft", status=Status.DRAFT, homes_built=999)
    for params in [
        "",
        "region=north-east",
        "theme=rural&delivery=new-build",
        "model=clt&model=cohousing",
        "tenure=market",
    ]:
        result = figures(params)
        expected = selectors.filter_case_studies(QueryDict(params)).qs.order_by()
        sums = expected.aggregate(
            n=Count("pk"),
            homes=Sum("homes_total"),
            built=Sum("homes_built"),
            refurbished=Sum("homes_refurbished"),
        )
        assert result.total == sums["n"]
        assert result.homes["total"] == (sums["homes"] or 0) and result.homes["built"] == (
            sums["built"] or 0
        )
        assert (
            result.homes["case_studies_with_numbers"]
            == expected.filter(homes_total__isnull=False).count()
        )
        for rows, column in (
            (result.by_region, "region"),
            (result.by_model, "community_model"),
            (result.by_delivery, "delivery"),
        ):
            for row in rows:
                matching = expected.filter(**{column: row["value"]})
                assert (row["count"], row["homes"]) == (
                    matching.count(),
                    matching.aggregate(h=Sum("homes_total"))["h"] or 0,
                ), (params, row)
        for row in result.tenure:
            column = TENURE_FIELDS[row["value"]]
            assert row["homes"] == (expected.aggregate(h=Sum(column))["h"] or 0)
            assert row["count"] == expected.filter(**{f"{column}__gt": 0}).count()
        reported = {row["indicator"].pk: row for row in result.outcomes}
        for indicator in (built, lonely):
            outcomes = Outcome.objects.filter(case_study__in=expected, indicator=indicator)
            if not outcomes.exists():
                assert indicator.pk not in reported
                continue
            row = reported[indicator.pk]
            aggregate = outcomes.aggregate(total=Sum("value"), average=Avg("value"))
            value = (
                aggregate["total"]
                if indicator.aggregation == "sum"
                else Decimal(aggregate["average"]).quantize(Decimal("0.01"))
            )
            assert (
                row["value"] == value
                and row["case_studies"] == outcomes.values("case_study").distinct().count()
            )


# The charts, in words, bars and tables ----------------------------------------------


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
