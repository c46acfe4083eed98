"""The map's deprivation layer in a real browser: chosen by keyboard, drawn under the
partnerships, credited, and gone again when switched off."""

import pytest
from playwright.sync_api import expect

from casestudies.demo import library
from tests.browser.conftest import shown_on_map

pytestmark = pytest.mark.browser


def test_the_deprivation_layer_is_toggled_by_keyboard_under_the_markers(page):
    layers = []
    page.on(
        "response",
        lambda response: layers.append(response) if "most-deprived" in response.url else None,
    )
    page.goto("/map/")
    expect(page.locator("[data-map-status]")).to_contain_text("on the map")
    controls = page.locator("[data-map-layers]")
    expect(controls).to_be_visible()
    expect(controls.locator("legend")).to_have_text("Shade the most deprived neighbourhoods")

    page.get_by_label("No shading").focus()
    page.keyboard.press("ArrowRight")  # radio buttons: the arrow keys choose the next option
    expect(page.get_by_label("Most deprived 10%")).to_be_checked()
    shaded = page.locator(".leaflet-overlay-pane path.map__deprived")
    expect(page.locator("[data-map-status]")).to_have_text(
        "Shading the most deprived neighbourhoods of each nation.", timeout=60_000
    )
    # One dissolved shape a nation, each shaded by its own index.
    assert shaded.count() == 4
    ten_percent = [path.get_attribute("d") for path in shaded.all()]
    assert (
        sum(len(outline) for outline in ten_percent) > 1000
    )  # drawn, not empty (what is out of view is clipped)
    # The partnerships stay on top, still every one of them (pins, and clusters of pins).
    assert shown_on_map(page) == len(library.CASE_STUDIES)
    expect(page.locator(".leaflet-control-attribution")).to_contain_text(
        "Open Government Licence v3.0"
    )

    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Most deprived 30%")).to_be_checked()
    expect(controls).to_have_attribute(
        "data-shown", "/map/most-deprived-30.geojson", timeout=60_000
    )
    assert [path.get_attribute("d") for path in shaded.all()] != ten_percent

    page.keyboard.press("ArrowRight")  # round to "No shading"
    expect(page.get_by_label("No shading")).to_be_checked()
    expect(shaded).to_have_count(0)
    assert {response.url.rsplit("/", 1)[1] for response in layers} == {
        "most-deprived-10.geojson",
        "most-deprived-30.geojson",
    }
    assert all(response.headers.get("content-encoding") == "gzip" for response in layers)


def test_without_javascript_the_layer_controls_stay_hidden(browser, live_server, demo_library):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/map/")
    expect(page.locator("[data-map-layers]")).to_be_hidden()
    expect(page.locator("#gap-heading")).to_be_visible()  # the figures are there all the same
    context.close()
