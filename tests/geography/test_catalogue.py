"""The indices by their real names, their nations, the latest of each, and their attribution."""

import pytest

from casestudies.geography import (
    INDICES,
    NATIONS,
    OGL_STATEMENT,
    UnknownIndex,
    attribution,
    get_index,
    latest_index,
)

EXPECTED = {
    "iod2025": (
        "English Indices of Deprivation 2025",
        "Ministry of Housing, Communities and Local Government",
        "england",
    ),
    "iod2019": (
        "English Indices of Deprivation 2019",
        "Ministry of Housing, Communities and Local Government",
        "england",
    ),
    "wimd2019": ("Welsh Index of Multiple Deprivation 2019", "Welsh Government", "wales"),
    "simd2020": (
        "Scottish Index of Multiple Deprivation 2020v2",
        "Scottish Government",
        "scotland",
    ),
    "nimdm2017": (
        "Northern Ireland Multiple Deprivation Measure 2017",
        "Northern Ireland Statistics and Research Agency (NISRA)",
        "northern-ireland",
    ),
}


def test_the_five_indices_with_their_names_publishers_and_nations():
    assert {
        key: (index.name, index.publisher, index.nation) for key, index in INDICES.items()
    } == EXPECTED


@pytest.mark.parametrize(
    "nation, latest",
    [
        ("england", "iod2025"),
        ("wales", "wimd2019"),
        ("scotland", "simd2020"),
        ("northern-ireland", "nimdm2017"),
    ],
)
def test_each_nations_latest_index(nation, latest):
    assert latest_index(nation).key == latest
    assert NATIONS[nation].latest_index.key == latest


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_attribution_names_the_index_its_publisher_and_the_licence(key):
    name, publisher, _ = EXPECTED[key]
    text = INDICES[key].attribution
    assert name in text and publisher in text and OGL_STATEMENT in text


def test_indices_reached_through_ons_lookups_credit_the_ons():
    ons = "Source: Office for National Statistics licensed under the Open Government Licence v3.0."
    assert ons in INDICES["iod2019"].attribution and ons in INDICES["wimd2019"].attribution
    assert ons not in INDICES["simd2020"].attribution


def test_a_page_gets_each_statement_once_with_the_boundaries_it_drew_on():
    statements = attribution(["iod2025", "wimd2019"])
    assert len(statements) == len(set(statements))
    assert any(
        "Contains OS data © Crown copyright and database right 2021" in s for s in statements
    )
    assert not any(s.startswith("Copyright Scottish Government") for s in statements)
    everything = attribution()
    assert any(s.startswith("Copyright Scottish Government") for s in everything)
    assert any(
        s.startswith("Source: Northern Ireland Statistics and Research Agency") for s in everything
    )
    assert attribution(["simd2020"], boundaries=False) == (INDICES["simd2020"].attribution,)


def test_a_decile_label_says_which_index_and_nation():
    assert INDICES["simd2020"].label(3) == (
        "Scottish Index of Multiple Deprivation 2020v2: decile 3 (1 = most deprived 10% in Scotland)"
    )


def test_an_unknown_index_is_a_plain_error_listing_the_real_ones():
    with pytest.raises(
        UnknownIndex, match="imd2025.*iod2025, iod2019, wimd2019, simd2020, nimdm2017"
    ):
        get_index("imd2025")
    with pytest.raises(ValueError, match="There is no nation “ireland”"):
        latest_index("ireland")
