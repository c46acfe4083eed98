"""find_neighbourhood: known places, the coast, the sea, edges, the English–Scottish border, bad input."""

import math
from decimal import Decimal

import pytest
import shapely

from casestudies.geography import Method

# The known points of the data's README, each with the decile of its nation's latest index.
KNOWN_POINTS = [
    (
        "Middlesbrough town centre",
        54.5742,
        -1.2350,
        "E01012068",
        "Middlesbrough 001A",
        "england",
        1,
    ),
    (
        "Stocksfield, Northumberland",
        54.9470,
        -1.9160,
        "E01027509",
        "Northumberland 043D",
        "england",
        9,
    ),
    ("Birmingham, Victoria Square", 52.4797, -1.9030, "E01033620", "Birmingham 138A", "england", 3),
    (
        "Westminster, Parliament Square",
        51.5005,
        -0.1265,
        "E01004733",
        "Westminster 020C",
        "england",
        7,
    ),
    ("Swansea city centre", 51.6195, -3.9436, "W01000745", "Swansea 025B", "wales", 2),
    (
        "Glasgow, George Square",
        55.8611,
        -4.2502,
        "S01010260",
        "City Centre East - 02",
        "scotland",
        6,
    ),
    (
        "Edinburgh, Princes Street",
        55.9520,
        -3.1960,
        "S01008677",
        "Old Town, Princes Street and Leith Street - 04",
        "scotland",
        5,
    ),
    (
        "Aberdeen, Union Street",
        57.1460,
        -2.1000,
        "S01006588",
        "City Centre East - 02",
        "scotland",
        5,
    ),
    ("Belfast City Hall", 54.5964, -5.9301, "95GG39S1", "Shaftesbury_1", "northern-ireland", 2),
    (
        "Derry~Londonderry, Guildhall",
        54.9976,
        -7.3197,
        "95MM28W1",
        "The Diamond",
        "northern-ireland",
        1,
    ),
]
# Found by intersecting the two layers: inside both E01027373 and S01012329.
BORDER_OVERLAP = (55.43848, -2.20608)
# In a gap the layers leave near Berwick-upon-Tweed: 88 m from E01027382 and S01012322.
BORDER_GAP = (55.75581, -2.10862)
# Just off the clipped coastline at Tynemouth.
OFF_THE_COAST = (55.044, -1.4395)


@pytest.mark.parametrize(
    "place, lat, lon, code, name, nation, decile", KNOWN_POINTS, ids=[p[0] for p in KNOWN_POINTS]
)
def test_known_points_land_in_the_right_neighbourhood_and_decile(
    geo, place, lat, lon, code, name, nation, decile
):
    match = geo.find_neighbourhood(lat, lon)
    assert (match.method, match.code, match.name, match.nation) == (
        Method.INSIDE,
        code,
        name,
        nation,
    )
    assert match.found and not match.approximate and match.distance_m == 0 and match.reason == ""
    assert geo.decile_for(match.code).decile == decile
    assert geo.find_neighbourhood(lat, lon, nation=nation).code == code


def test_cardiff_centre_is_found_and_its_welsh_decile_is_flagged_as_merged(geo):
    match = geo.find_neighbourhood(51.4816, -3.1791)
    assert (match.code, match.name, match.nation) == ("W01002019", "Cardiff 032H", "wales")
    result = geo.decile_for(match.code)
    assert result.decile_range == (5, 6) and result.ambiguous


@pytest.mark.parametrize("lat, lon", [(54.0, -5.0), (55.0, 1.0)], ids=["Irish Sea", "North Sea"])
def test_the_sea_gives_no_neighbourhood_and_says_so(geo, lat, lon):
    match = geo.find_neighbourhood(lat, lon)
    assert (
        match.method == Method.NONE
        and not match.found
        and match.code is None
        and match.distance_m is None
    )
    assert match.reason == (
        "No neighbourhood of the United Kingdom lies within 500 m of the point: it is at sea, "
        "in a large loch or lake, or outside the United Kingdom (no neighbourhood is within 5 km)."
    )


def test_a_point_a_little_way_out_to_sea_says_how_far_the_coast_is(geo):
    match = geo.find_neighbourhood(55.044, -1.40)  # 2 km off Tynemouth
    assert match.method == Method.NONE and 1500 < match.distance_m < 2500
    assert match.reason.endswith("(the nearest neighbourhood, E01008587, is about 2.1 km away).")


def test_at_sea_off_the_nation_given(geo):
    match = geo.find_neighbourhood(54.0, -5.0, nation="wales")
    assert (
        match.method == Method.NONE
        and "No neighbourhood of Wales lies within 500 m" in match.reason
    )


@pytest.mark.parametrize(
    "lat, lon", [(48.8566, 2.3522), (40.7128, -74.0060), (0, 0), (-33.9, 151.2)]
)
def test_points_outside_the_uk(geo, lat, lon):
    match = geo.find_neighbourhood(lat, lon)
    assert match.method == Method.NONE
    assert match.reason.endswith("is outside the United Kingdom.")
    assert match.distance_m is None


def test_latitude_and_longitude_the_wrong_way_round_are_pointed_out(geo):
    match = geo.find_neighbourhood(-1.2350, 54.5742)
    assert match.method == Method.NONE
    assert "Latitude and longitude may be the wrong way round." in match.reason


@pytest.mark.parametrize(
    "lat, lon, words",
    [
        (None, -1.2, "No latitude was given."),
        ("", "", "No latitude was given. No longitude was given."),
        ("north", -1.2, "“north” is not a latitude"),
        (math.nan, -1.2, "“nan” is not a latitude"),
        (54.5, math.inf, "“inf” is not a longitude"),
        (True, -1.2, "True is not a latitude"),
        (95, -1.2, "is not a place on Earth"),
        (54.5, 200, "is not a place on Earth"),
    ],
)
def test_bad_coordinates_give_a_plain_reason_not_an_error(geo, lat, lon, words):
    match = geo.find_neighbourhood(lat, lon)
    assert match.method == Method.NONE and words in match.reason


def test_coordinates_as_decimals_or_text_are_read(geo):
    assert geo.find_neighbourhood(Decimal("54.574200"), Decimal("-1.235000")).code == "E01012068"
    assert geo.find_neighbourhood("54.5742", "-1.2350").code == "E01012068"


def test_a_point_on_the_edge_between_two_neighbourhoods_belongs_to_one_and_names_the_other(geo):
    boundaries = geo.boundaries
    # A vertex of Middlesbrough 001A that its neighbour shares: on both boundaries exactly.
    shared = next(
        (x, y)
        for x, y in shapely.get_coordinates(boundaries.geometries[boundaries.position["E01012068"]])
        if len(boundaries.tree.query(shapely.Point(x, y), predicate="intersects")) == 2
    )
    match = geo.find_neighbourhood(shared[1], shared[0])
    assert match.method == Method.INSIDE and not match.approximate
    both = {match.code, *match.also_matched}
    assert "E01012068" in both and len(both) == 2
    assert match.code == min(both)
    assert "on the boundary between" in match.reason


def test_in_the_border_overlap_the_given_nation_decides(geo):
    assert geo.find_neighbourhood(*BORDER_OVERLAP, nation="scotland").code == "S01012329"
    in_england = geo.find_neighbourhood(*BORDER_OVERLAP, nation="england")
    assert in_england.code == "E01027373" and not in_england.approximate
    assert in_england.also_matched == ("S01012329",)
    assert "the nation given decides" in in_england.reason


def test_in_the_border_overlap_without_a_nation_the_rule_is_stated_and_flagged(geo):
    match = geo.find_neighbourhood(*BORDER_OVERLAP)
    assert match.method == Method.INSIDE and match.approximate
    assert {match.code, *match.also_matched} == {"E01027373", "S01012329"}
    assert "overlap along the border" in match.reason and "deeper inside" in match.reason
    assert "give the nation to decide" in match.reason


def test_in_a_border_gap_the_nearest_is_taken_and_flagged(geo):
    match = geo.find_neighbourhood(*BORDER_GAP)
    assert match.method == Method.NEAREST and match.approximate
    assert match.code in {"E01027382", "S01012322"} and 50 < match.distance_m < 150
    assert "close to both England and Scotland" in match.reason
    scottish = geo.find_neighbourhood(*BORDER_GAP, nation="scotland")
    assert (scottish.code, scottish.method) == ("S01012322", Method.NEAREST)
    assert "the nation given decides" in scottish.reason
    assert geo.find_neighbourhood(*BORDER_GAP, nation="england").code == "E01027382"


def test_just_off_the_coast_the_nearest_neighbourhood_is_used_and_flagged(geo):
    match = geo.find_neighbourhood(*OFF_THE_COAST)
    assert match.method == Method.NEAREST and match.approximate and match.code == "E01008584"
    assert 0 < match.distance_m < 500
    assert "follow the coast at high water" in match.reason
    assert geo.find_neighbourhood(*OFF_THE_COAST, tolerance_m=1).method == Method.NONE


def test_a_point_well_inside_another_nation_than_the_one_given(geo):
    match = geo.find_neighbourhood(54.5742, -1.2350, nation="scotland")
    assert match.method == Method.NONE
    assert match.reason == (
        "The point lies in England (Middlesbrough 001A, E01012068), not in Scotland. "
        "Check the coordinates and the nation."
    )


def test_an_unknown_nation_is_a_programming_error(geo):
    with pytest.raises(ValueError, match="There is no nation “ireland”"):
        geo.find_neighbourhood(54.6, -5.9, nation="ireland")


def test_the_name_of_a_typed_code(geo):
    neighbourhood = geo.neighbourhood("s01010260")
    assert (neighbourhood.code, neighbourhood.name, neighbourhood.nation) == (
        "S01010260",
        "City Centre East - 02",
        "scotland",
    )
    assert neighbourhood.area_type == "2011 Data Zone"


def test_a_point_on_the_border_between_england_and_wales_is_flagged_unless_the_nation_is_given(geo):
    boundaries = geo.boundaries
    welsh = [at for at, code in enumerate(boundaries.codes) if code.startswith("W01")]
    pairs = boundaries.tree.query(boundaries.geometries[welsh], predicate="intersects")
    english, welsh_at = next(
        (int(b), welsh[a]) for a, b in pairs.T if boundaries.codes[b].startswith("E01")
    )
    shared = set(map(tuple, shapely.get_coordinates(boundaries.geometries[english]))) & set(
        map(tuple, shapely.get_coordinates(boundaries.geometries[welsh_at]))
    )
    lon, lat = sorted(shared)[0]
    match = geo.find_neighbourhood(lat, lon)
    assert match.approximate and "give the nation to decide" in match.reason
    assert {match.code, *match.also_matched} >= {
        boundaries.codes[english],
        boundaries.codes[welsh_at],
    }
    in_wales = geo.find_neighbourhood(lat, lon, nation="wales")
    assert in_wales.nation == "wales" and not in_wales.approximate
