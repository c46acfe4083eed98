"""CaseStudyFilter: the single definition of filtering, used through the selector."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone

from casestudies.finder.selectors import filter_case_studies
from casestudies.models.choices import Status


def titles(params):
    filterset = filter_case_studies(QueryDict(params))
    return sorted(filterset.qs.values_list("title", flat=True))


@pytest.fixture
def library(make_case_study, make_organisation, make_theme):
    karbon = make_organisation("Karbon Homes", slug="karbon-homes")
    thirteen = make_organisation("Thirteen Group", slug="thirteen-group")
    older = make_theme("Older people")
    empty = make_theme("Empty homes")
    make_case_study(
        "Stocksfield homes",
        region="north-east",
        community_model="clt",
        delivery="new-build",
        stage="live",
        setting="rural-village",
        homes_built=7,
        homes_affordable_rent=7,
        year_completed=2015,
        imd_decile=8,
        imd_edition="iod2019",
        partners=[(karbon, "housing-association")],
        place_name="Stocksfield",
    )
    make_case_study(
        "North Ormesby terraces",
        region="north-east",
        community_model="clt",
        delivery="refurbishment",
        stage="live",
        setting="urban",
        homes_refurbished=6,
        homes_social_rent=6,
        year_completed=2018,
        imd_decile=1,
        imd_edition="iod2019",
        partners=[(thirteen, "manager")],
        themes=[empty],
        body="Empty terraced houses brought back into use.",
    )
    make_case_study(
        "Leeds cohousing",
        region="yorkshire",
        community_model="cohousing",
        delivery="new-build",
        stage="build",
        setting="urban",
        homes_built=29,
        homes_market=10,
        homes_shared_ownership=5,
        themes=[older],
    )
    make_case_study(
        "Lozells older people",
        region="west-midlands",
        community_model="cohousing",
        setting="urban",
        imd_decile=5,
        imd_edition="iod2019",
        themes=[older],
        year_completed=2021,
    )
    make_case_study(
        "Draft in the North East", region="north-east", community_model="clt", status=Status.DRAFT
    )
    make_case_study(
        "Scheduled in the North East",
        region="north-east",
        community_model="clt",
        published_at=timezone.now() + timedelta(days=1),
    )


@pytest.mark.parametrize(
    "params, expected",
    [
        (
            "",
            [
                "Leeds cohousing",
                "Lozells older people",
                "North Ormesby terraces",
                "Stocksfield homes",
            ],
        ),
        ("region=north-east", ["North Ormesby terraces", "Stocksfield homes"]),
        (
            "region=north-east&region=yorkshire",
            ["Leeds cohousing", "North Ormesby terraces", "Stocksfield homes"],
        ),
        ("model=cohousing", ["Leeds cohousing", "Lozells older people"]),
        ("delivery=refurbishment", ["North Ormesby terraces"]),
        ("tenure=social-rent", ["North Ormesby terraces"]),
        ("tenure=affordable-rent&tenure=market", ["Leeds cohousing", "Stocksfield homes"]),
        ("stage=build", ["Leeds cohousing"]),
        ("setting=urban", ["Leeds cohousing", "Lozells older people", "North Ormesby terraces"]),
        ("partner=thirteen-group", ["North Ormesby terraces"]),
        (
            "partner=thirteen-group&partner=karbon-homes",
            ["North Ormesby terraces", "Stocksfield homes"],
        ),
        ("theme=older-people", ["Leeds cohousing", "Lozells older people"]),
        ("deprivation=most-deprived-30", ["North Ormesby terraces"]),
        (
            "deprivation=middle-40&deprivation=least-deprived-30",
            ["Lozells older people", "Stocksfield homes"],
        ),
        ("deprivation=not-recorded", ["Leeds cohousing"]),
        ("completed_from=2016", ["Lozells older people", "North Ormesby terraces"]),
        ("completed_to=2018", ["North Ormesby terraces", "Stocksfield homes"]),
        ("completed_from=2016&completed_to=2019", ["North Ormesby terraces"]),
        # AND across parameters, OR within one
        ("region=north-east&model=cohousing", []),
        ("region=north-east&region=west-midlands&model=cohousing", ["Lozells older people"]),
        (
            "model=clt&delivery=refurbishment&deprivation=most-deprived-30",
            ["North Ormesby terraces"],
        ),
    ],
)
def test_filters(library, params, expected):
    assert titles(params) == expected


def test_drafts_and_scheduled_never_come_out_of_any_filter(library):
    for params in ["", "region=north-east", "model=clt", "q=north+east", "sort=title"]:
        found = titles(params)
        assert "Draft in the North East" not in found
        assert "Scheduled in the North East" not in found


@pytest.mark.parametrize(
    "query, expected",
    [
        ("stocksfield", ["Stocksfield homes"]),  # place name
        ("terraced", ["North Ormesby terraces"]),  # story text
        ("thirteen", ["North Ormesby terraces"]),  # partner name
        ("KARBON", ["Stocksfield homes"]),  # any case
        ("cohousing leeds", ["Leeds cohousing"]),  # every word must match
        ("cohousing", ["Leeds cohousing", "Lozells older people"]),
        ("zebra", []),
        ("'; DROP TABLE casestudies_casestudy; --", []),
        (
            "!!! :* & | <>",
            [
                "Leeds cohousing",
                "Lozells older people",
                "North Ormesby terraces",
                "Stocksfield homes",
            ],
        ),
    ],
)
def test_search(library, query, expected):
    assert titles(urlencode({"q": query})) == expected


def test_search_orders_by_relevance_by_default(make_case_study):
    make_case_study(
        "A scheme",
        summary="Mentions almshouses once.",
        published_at=timezone.now() - timedelta(days=1),
    )
    make_case_study(
        "Almshouses renewed",
        summary="Almshouses and more almshouses.",
        published_at=timezone.now() - timedelta(days=9),
    )
    filterset = filter_case_studies(QueryDict("q=almshouses"))
    assert filterset.sort_choice == "relevance"
    assert [cs.title for cs in filterset.qs] == ["Almshouses renewed", "A scheme"]


@pytest.mark.parametrize(
    "sort, expected",
    [
        (
            "newest",
            [
                "Lozells older people",
                "Leeds cohousing",
                "North Ormesby terraces",
                "Stocksfield homes",
            ],
        ),
        (
            "oldest",
            [
                "Stocksfield homes",
                "North Ormesby terraces",
                "Leeds cohousing",
                "Lozells older people",
            ],
        ),
        (
            "title",
            [
                "Leeds cohousing",
                "Lozells older people",
                "North Ormesby terraces",
                "Stocksfield homes",
            ],
        ),
        (
            "most-homes",
            [
                "Leeds cohousing",
                "Stocksfield homes",
                "North Ormesby terraces",
                "Lozells older people",
            ],
        ),
        (
            "relevance",
            [
                "Lozells older people",
                "Leeds cohousing",
                "North Ormesby terraces",
                "Stocksfield homes",
            ],
        ),
    ],
)
def test_sort_orders(library, sort, expected):
    # Newer case studies were created later, so they have later publication dates.
    from casestudies.models import CaseStudy

    now = timezone.now()
    for days, title in enumerate(
        ["Lozells older people", "Leeds cohousing", "North Ormesby terraces", "Stocksfield homes"]
    ):
        CaseStudy.objects.filter(title=title).update(published_at=now - timedelta(days=days + 1))
    filterset = filter_case_studies(QueryDict(f"sort={sort}"))
    assert [cs.title for cs in filterset.qs] == expected


@pytest.mark.parametrize(
    "params, field, message",
    [
        ("region=atlantis", "region", "We don't recognise the region “atlantis”"),
        (
            "partner=no-such-partner",
            "partner",
            "We don't recognise the partner organisation “no-such-partner”",
        ),
        ("partner=%00bad", "partner", "We don't recognise the partner organisation"),
        ("theme=nope", "theme", "We don't recognise the theme “nope”"),
        ("completed_from=twenty", "completed_from", "Enter a year as four digits"),
        ("completed_from=99999999999999999999999999", "completed_from", "Enter a year up to 2100"),
        ("completed_from=2020&completed_to=2010", "completed_to", "must be the same as or after"),
        ("sort=sideways", "sort", "We don't recognise the sort order “sideways”"),
        ("q=" + "x" * 300, "q", "Search for at most 200 characters"),
    ],
)
def test_bad_values_are_explained_and_the_rest_still_applies(library, params, field, message):
    filterset = filter_case_studies(
        QueryDict(params + "&region=north-east" if field != "region" else params)
    )
    assert not filterset.is_valid()
    assert message in " ".join(filterset.errors[field])
    # The valid filter (region) still narrows the results; the bad one is left out.
    found = sorted(filterset.qs.values_list("title", flat=True))
    if field == "region":
        assert len(found) == 4
    else:
        assert found == ["North Ormesby terraces", "Stocksfield homes"]


def test_too_many_values_are_refused(library):
    params = "&".join(f"partner=p{i}" for i in range(60))
    filterset = filter_case_studies(QueryDict(params))
    assert "Choose at most 50 options" in " ".join(filterset.errors["partner"])


@pytest.mark.parametrize("name", ["partner", "theme", "region"])
def test_nul_bytes_never_reach_the_database(client, library, name):
    response = client.get(f"/case-studies/?{name}=%00&{name}=karbon-homes%00")
    assert response.status_code == 400
    assert "We don&#x27;t recognise" in response.content.decode()


# Organisations and themes that only drafts name ------------------------------------------

FILTERED_ADDRESSES = [
    "/case-studies/",
    "/insights/",
    "/map/",
    "/case-studies.csv",
    "/case-studies.geojson",
    "/api/case-studies/",
]


@pytest.fixture
def preparing(make_case_study, make_organisation, make_theme):
    """A published partnership, and one in preparation whose partner and theme appear nowhere else."""
    open_homes = make_organisation("Open Homes", slug="open-homes")
    make_case_study(
        "Already public",
        partners=[(open_homes, "housing-association")],
        themes=[make_theme("Older people")],
        latitude=54.94,
        longitude=-1.91,
    )
    quiet = make_organisation("Quietly Planned Homes", slug="quietly-planned-homes")
    make_case_study(
        "Not yet announced",
        status=Status.DRAFT,
        partners=[(quiet, "housing-association")],
        themes=[make_theme("Secret almshouses")],
    )


def answer(client, address, pairs):
    response = client.get(f"{address}?{urlencode(pairs)}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body.decode()


@pytest.mark.parametrize("address", FILTERED_ADDRESSES)
@pytest.mark.parametrize(
    "parameter, hidden, name",
    [
        ("partner", "quietly-planned-homes", "Quietly Planned Homes"),
        ("theme", "secret-almshouses", "Secret almshouses"),
    ],
)
def test_a_slug_only_drafts_use_is_answered_exactly_as_an_unknown_one(
    client, preparing, address, parameter, hidden, name
):
    """Otherwise a guessed slug would tell whether a partnership is being prepared."""
    unknown = "no-such-thing-at-all"
    for shown, stand_in in (
        ([hidden], [unknown]),
        ([hidden, "zz-also-unknown"], [unknown, "zz-also-unknown"]),
    ):
        status, body = answer(client, address, [(parameter, value) for value in shown])
        unknown_status, unknown_body = answer(
            client, address, [(parameter, value) for value in stand_in]
        )
        assert status == unknown_status == 400
        assert body.replace(hidden, unknown) == unknown_body
        assert name not in body
        assert "Not yet announced" not in body


@pytest.mark.parametrize("address", FILTERED_ADDRESSES)
def test_public_partners_and_themes_still_filter(client, preparing, address):
    status, body = answer(client, address, [("partner", "open-homes"), ("theme", "older-people")])
    assert status == 200
    # Insights give figures, not titles: there the partner is named among the filters.
    assert ("Open Homes" if address == "/insights/" else "Already public") in body


def test_the_finder_names_a_public_successor_with_no_partnerships_of_its_own(
    client, make_case_study, make_organisation
):
    successor = make_organisation("Karbon Homes", slug="karbon-homes")
    make_case_study(
        partners=[
            (
                make_organisation("Isos Housing", slug="isos-housing", successor=successor),
                "housing-association",
            )
        ]
    )
    page = client.get("/case-studies/?partner=karbon-homes")
    assert page.status_code == 200
    assert "Karbon Homes" in page.content.decode()
