"""Insights, the map and organisation pages in a real browser: the map used by keyboard
alone, the map page without JavaScript, pages that fit a 320 px phone with chart text
no smaller than 12 px, and no serious accessibility problem at 320 or 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shown_on_map, watch_csp

pytestmark = pytest.mark.browser

PAGES = ["/insights/", "/map/", "/organisations/", "/organisations/karbon-homes/"]

# Tiles would come from the internet; tests answer for the tile server with nothing.
TILES = re.compile(r"^https://tile\.openstreetmap\.org/")


def no_tiles(page):
    page.route(TILES, lambda route: route.fulfill(status=204))
    return page


@pytest.fixture
def phone(browser, live_server, demo_library):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = no_tiles(watch_csp(context.new_page()))
    yield page
    context.close()
    assert page.csp_violations == []


def test_the_map_works_by_keyboard_alone_and_its_list_follows_the_view(page):
    no_tiles(page)
    page.goto("/map/")
    expect(page.locator("[data-map-status]")).to_have_text("29 case studies on the map.")
    status = page.locator("[data-map-list-status]")
    expect(status).to_have_text("Listing all 29 case studies.")
    assert shown_on_map(page) == 29
    clusters = page.locator(".leaflet-marker-pane .map-cluster")
    assert clusters.count() >= 1  # overlapping partnerships are gathered, not stacked

    # Tab until a cluster has the focus, as a keyboard user would, and open it with Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('map-cluster')"):
            break
    else:
        pytest.fail("No cluster could be reached with the Tab key")
    name = page.evaluate("document.activeElement.textContent")
    assert re.fullmatch(r"(\d+)\1 case studies here: zoom in", name)
    page.keyboard.press("Enter")
    # The map zooms in; the list now names only what is in view, and says so.
    expect(status).to_have_text(
        re.compile(r"Listing the \d+ case stud(y|ies) in the map's view, of 29\.")
    )
    assert page.evaluate("document.activeElement.classList.contains('leaflet-container')")
    listed = page.locator("#mapped-list > li:visible").count()
    assert 0 < listed < 29

    # Tab on to a single pin and open its popup with Enter: it links to the case study.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('map-pin')"):
            break
    else:
        pytest.fail("No pin could be reached with the Tab key")
    title = page.evaluate("document.activeElement.getAttribute('title')")
    box = page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; })()"
    )
    assert min(box) >= 24  # WCAG 2.2's target size
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content a")).to_have_text(title)

    # "Show them all" puts every case study back on the map and in the list.
    reset = page.get_by_role("button", name="Show them all on the map")
    reset.focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text("Listing all 29 case studies.")
    expect(reset).to_be_hidden()


def test_without_javascript_the_map_page_is_its_list_with_no_empty_box(
    browser, live_server, demo_library
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/map/")
    expect(page.locator("[data-map]")).to_be_hidden()
    expect(page.locator("[data-map-status]")).to_have_text(
        "The map needs JavaScript. The list has every case study on it."
    )
    assert page.locator(".map-browse__map").bounding_box()["height"] < 100  # a line, not a box
    expect(page.locator("#mapped-list > li")).to_have_count(29)
    expect(page.locator("#mapped-list > li").first).to_be_visible()
    page.goto("/organisations/karbon-homes/")
    expect(page.locator("[data-map]")).to_be_hidden()
    expect(page.locator(".place-list")).to_contain_text("Stocksfield")
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_fit_a_phone_and_chart_text_stays_readable(phone, path):
    phone.goto(path)
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    sizes = phone.evaluate(
        """() => [...document.querySelectorAll('svg.chart text')].map(
            text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)"""
    )
    if path == "/insights/":
        assert len(sizes) > 40  # every chart drawn, with its labels and values
    assert all(size >= 12 for size in sizes), min(sizes)


def test_the_organisation_list_is_searched_by_keyboard(page):
    page.goto("/organisations/")
    page.get_by_label("Name").fill("homes")
    page.get_by_label("Kind").select_option("housing-association")
    page.get_by_label("Kind").press("Tab")  # on to the Search button
    page.keyboard.press("Enter")
    expect(page.locator("#org-count")).to_contain_text("whose name contains “homes”")
    expect(page.locator(".org-list")).to_contain_text("Karbon Homes")
    count = int(page.locator("#org-count").inner_text().split()[0])
    expect(page.locator(".org-list > li")).to_have_count(count)


@pytest.mark.parametrize("width", [320, 1280])
def test_no_serious_accessibility_problem(browser, live_server, demo_library, axe, width):
    # The checker is injected as an inline script, which the site's CSP rightly blocks.
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, viewport={"width": width, "height": 900}
    )
    page = no_tiles(context.new_page())
    problems = {}
    for path in PAGES:
        page.goto(path)
        if path == "/map/":
            expect(page.locator("[data-map-status]")).to_contain_text("on the map")
        found = axe(page)
        if found:
            problems[path] = found
    context.close()
    assert problems == {}
