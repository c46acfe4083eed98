"""Map thumbnails drawn from the shipped boundaries."""

from decimal import Decimal

from casestudies.briefings.maps import map_svg


def test_a_place_gets_its_neighbourhoods_drawn_with_its_own_shaded():
    svg = map_svg(Decimal("54.947"), Decimal("-1.906"))  # Stocksfield, Northumberland
    assert (
        svg.startswith("<svg") and svg.count("<path") == 2
    )  # the neighbourhoods around, and its own
    assert svg.count('fill="#f3d9a4"') == 1  # the neighbourhood the point is in
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_no_coordinates_or_open_sea_draw_nothing():
    assert map_svg(None, None) == ""
    assert map_svg(Decimal("55.5"), Decimal("3.5")) == ""  # the North Sea
