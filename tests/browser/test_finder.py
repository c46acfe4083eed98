"""Journeys a visitor makes, in a real browser: with the mouse, with the keyboard, without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from casestudies.demo import library
from tests.browser.conftest import shown_on_map

pytestmark = pytest.mark.browser


def results_heading(page):
    return page.locator("#results-heading").inner_text()


def label(page, for_id):
    """A checkbox label as a screen reader reads it (visually hidden words included)."""
    return (
        " ".join(page.locator(f"label[for={for_id}]").text_content().split())
        .replace("( ", "(")
        .replace(" )", ")")
    )


def _demo(**wanted):
    return [
        data
        for data in library.CASE_STUDIES
        if all(data.get(key) == value for key, value in wanted.items())
    ]


def _case_studies(count):
    return f"{count} case study" if count == 1 else f"{count} case studies"


def test_choosing_filters_changes_the_list_and_the_counts(page):
    refurbished = _demo(delivery="refurbishment")
    north_east = _demo(region="north-east")
    both = _demo(region="north-east", delivery="refurbishment")
    assert (
        1 < len(both) < len(refurbished) < len(library.CASE_STUDIES)
    )  # so each step below shows a change
    page.goto("/case-studies/")
    assert results_heading(page) == _case_studies(len(library.CASE_STUDIES))
    assert (
        label(page, "delivery-refurbishment")
        == f"Refurbishment ({_case_studies(len(refurbished))})"
    )

    page.check("#region-north-east")
    page.locator(".finder__apply:not(.finder__apply--top) button").click()
    page.wait_for_url(re.compile(r"region=north-east"))
    assert results_heading(page) == f"{_case_studies(len(north_east))} match your filters"
    assert label(page, "region-north-east").startswith(f"North East ({len(north_east)}")
    # Counts in other facets now reflect the region chosen.
    assert label(page, "model-cohousing") == "Cohousing (0 case studies)"
    assert label(page, "delivery-refurbishment") == f"Refurbishment ({_case_studies(len(both))})"

    page.check("#delivery-refurbishment")
    page.get_by_role("button", name="Apply filters").first.click()
    page.wait_for_url(re.compile(r"delivery=refurbishment"))
    assert results_heading(page) == f"{_case_studies(len(both))} match your filters"
    titles = page.locator(".results .card__title").all_inner_texts()
    assert sorted(titles) == sorted(data["title"] for data in both)
    # Removing a tag removes just that filter.
    page.get_by_role("link", name="Remove filter: North East").click()
    assert "region=" not in page.url and "delivery=refurbishment" in page.url
    assert results_heading(page) == f"{_case_studies(len(refurbished))} match your filters"


def test_following_a_result_opens_its_page(page):
    page.goto("/case-studies/?q=stocksfield")
    assert page.locator(".results mark").first.inner_text().lower() == "stocksfield"
    page.get_by_role(
        "link", name="SCATA and Isos Housing: community-owned rented homes in Stocksfield"
    ).click()
    assert (
        page.locator("h1").inner_text()
        == "SCATA and Isos Housing: community-owned rented homes in Stocksfield"
    )
    basics = page.locator(".basics").inner_text()
    assert "Isos Housing (now part of Karbon Homes)" in basics
    assert "Capital grant: £364,000" in basics


def _tab_to(page, predicate, limit=200):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"Could not reach the element by keyboard: {predicate}")


def test_the_same_journey_by_keyboard_alone(page):
    page.goto("/case-studies/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    _tab_to(page, "document.activeElement.id === 'model-cohousing'")
    page.keyboard.press("Space")
    assert page.is_checked("#model-cohousing")
    _tab_to(page, "document.activeElement.textContent === 'Apply filters'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"model=cohousing"))
    assert (
        results_heading(page)
        == f"{_case_studies(len(_demo(community_model='cohousing')))} match your filters"
    )
    _tab_to(
        page,
        "document.activeElement.closest('.results') !== null && document.activeElement.tagName === 'A'",
    )
    title = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    # The focus indicator is visible: a yellow band on links.
    _tab_to(page, "document.activeElement.tagName === 'A'", limit=5)
    colour = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert colour == "rgb(255, 207, 51)"


def test_the_finder_works_without_javascript(browser, live_server, demo_library):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/case-studies/")
    assert page.locator("#filters .facet").first.is_visible()  # filters shown, no toggle needed
    page.check("#model-cohousing")
    page.check("#region-west-midlands")
    page.get_by_role("button", name="Apply filters").first.click()
    matching = _demo(community_model="cohousing", region="west-midlands")
    assert (
        page.locator("#results-heading").inner_text()
        == f"{_case_studies(len(matching))} match your filters"
    )
    page.select_option("#finder-sort", "title")
    page.get_by_role("button", name="Sort").click()
    titles = page.locator(".results .card__title").all_inner_texts()
    assert titles == sorted(titles)
    context.close()


def test_on_a_phone_the_filters_fold_away_and_nothing_scrolls_sideways(
    browser, live_server, demo_library_with_images
):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in (
        "/",
        "/case-studies/",
        "/case-studies/stocksfield-scata-isos-housing/",
        "/organisations/karbon-homes/",
    ):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    page.goto("/case-studies/")
    toggle = page.get_by_role("button", name=re.compile("Show filters"))
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#facet-region").is_visible()
    toggle.click()
    assert page.locator("#facet-region").is_visible()
    assert (
        page.get_by_role("button", name=re.compile("Hide filters")).get_attribute("aria-expanded")
        == "true"
    )
    context.close()


def test_no_serious_accessibility_violations(browser, live_server, demo_library_with_images, axe):
    # The checker is injected as an inline script, which the site's CSP rightly blocks.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    problems = {}
    for path in [
        "/",
        "/case-studies/",
        "/case-studies/?region=north-east&model=clt&q=homes",
        "/case-studies/?region=atlantis",
        "/case-studies/stocksfield-scata-isos-housing/",
        "/organisations/",
        "/organisations/karbon-homes/",
        "/about/",
    ]:
        page.goto(path)
        found = axe(page)
        if found:
            problems[path] = found
    context.close()
    assert problems == {}


def test_the_accessibility_check_does_catch_problems(page, axe):
    page.set_content(
        "<html lang='en'><head><title>t</title></head><body><main><input type='text'></main></body></html>"
    )
    assert any(problem.startswith("label (critical)") for problem in axe(page))


def test_the_map_shows_every_located_case_study(page):
    page.goto("/map/")
    # Locator waits, not wait_for_function: its string predicates are eval'd, which the CSP blocks.
    expect(page.locator("[data-map-status]")).to_contain_text("on the map")
    located = sum(1 for data in library.CASE_STUDIES if data.get("latitude"))
    assert located == len(library.CASE_STUDIES)  # every demo case study has a place centre
    assert shown_on_map(page) == located  # as pins, or counted in clusters
    assert page.locator("[data-map-status]").inner_text() == f"{located} case studies on the map."
    # Pins can be reached and opened with the keyboard.
    pins = page.locator(".leaflet-marker-pane .map-pin")
    pins.last.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-content a")
    assert page.locator(".leaflet-popup-content a").inner_text() == pins.last.get_attribute("title")


def test_the_finders_map_panel_follows_the_filters(page):
    page.goto("/case-studies/?model=cohousing")
    page.get_by_text("Show these case studies on a map").click()
    cohousing = sum(
        1 for data in library.CASE_STUDIES if data.get("community_model") == "cohousing"
    )
    expect(page.locator(".leaflet-marker-icon")).to_have_count(cohousing)


def test_ticking_case_studies_compares_them(page):
    page.goto("/case-studies/?region=north-east&sort=title")
    page.check("#compare-north-ormesby-empty-homes")
    page.check("#compare-stocksfield-scata-isos-housing")
    page.get_by_role("button", name="Compare ticked case studies").click()
    page.wait_for_url("**/compare/**")
    headers = page.locator(".compare-table thead th").all_inner_texts()
    assert len(headers) == 2 and "North Ormesby" in headers[0] and "Stocksfield" in headers[1]
