"""The finder as designed: folding facets, filters that apply as they change, the compare
bar, the map loaded on demand, and the layout on a phone, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from casestudies.demo import library
from tests.browser.conftest import watch_csp
from tests.browser.test_finder import _case_studies, _demo, _tab_to, results_heading

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 900}


def _new_page(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, **options)
    return context, watch_csp(context.new_page())


def _focused(page, selector):
    return page.evaluate(f"document.activeElement.matches({selector!r})")


def test_the_finder_and_the_compare_bar_by_keyboard_alone(page):
    page.goto("/case-studies/?sort=title")
    _tab_to(page, "document.activeElement.matches('#facet-model > summary')")
    page.keyboard.press("Enter")
    _tab_to(page, "document.activeElement.id === 'model-cohousing'")
    page.keyboard.press("Space")
    # The filter applies at once, and the focus stays on the box just ticked.
    page.wait_for_url(re.compile(r"model=cohousing"))
    cohousing = _demo(community_model="cohousing")
    expect(page.locator("#results-heading")).to_have_text(
        f"{_case_studies(len(cohousing))} match your filters"
    )
    assert _focused(page, "#model-cohousing") and page.is_checked("#model-cohousing")
    expect(page.locator("[role=status]").first).to_have_text(re.compile("match your filters"))

    # Tick two with the keyboard; the bar counts them.
    bar = page.locator("[data-compare-status]")
    for _ in range(2):
        _tab_to(page, "document.activeElement.name === 'cs' && !document.activeElement.checked")
        page.keyboard.press("Space")
    expect(bar).to_have_text("2 case studies ticked.")
    ticked = page.locator("input[name=cs]:checked").evaluate_all("boxes => boxes.map(b => b.value)")
    _tab_to(page, "document.activeElement.textContent === 'Compare ticked case studies'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compare/**")
    headers = page.locator(".compare-table thead th a:first-child").all_inner_texts()
    titles = {data["slug"]: data["title"] for data in library.CASE_STUDIES}
    assert headers == [titles[slug] for slug in ticked]


def test_the_compare_bar_says_when_too_many_are_ticked_and_clears(page):
    page.goto("/case-studies/")
    bar = page.locator("[data-compare-status]")
    expect(bar).to_have_text("Tick “Compare” on two to 4 case studies, then compare them.")
    clear = page.get_by_role("button", name="Clear the ticks")
    assert not clear.is_visible()
    for number in range(5):
        _tab_to(page, "document.activeElement.name === 'cs' && !document.activeElement.checked")
        page.keyboard.press("Space")
        if number == 0:
            expect(bar).to_have_text("1 case study ticked. Tick at least one more to compare.")
    expect(bar).to_have_text("5 case studies ticked: you can compare up to 4 at once, so untick 1.")
    # The bar stays in view while the list scrolls.
    assert page.locator("[data-compare-bar]").evaluate("e => getComputedStyle(e).position") == (
        "sticky"
    )
    _tab_to(page, "document.activeElement.textContent === 'Clear the ticks'")
    page.keyboard.press("Enter")
    expect(bar).to_have_text("Tick “Compare” on two to 4 case studies, then compare them.")
    assert page.locator("input[name=cs]:checked").count() == 0
    assert _focused(page, "[data-compare-bar] button[type=submit]")


def test_ticks_travel_between_pages_of_results(page):
    page.goto("/case-studies/?sort=title")
    page.check("#compare-" + sorted(library.CASE_STUDIES, key=lambda d: d["title"])[0]["slug"])
    page.get_by_role("link", name=re.compile("Next")).first.click()
    page.wait_for_url(re.compile("page=2"))
    page.locator("input[name=cs]").first.check()
    expect(page.locator("[data-compare-status]")).to_have_text("2 case studies ticked.")
    page.get_by_role("button", name="Compare ticked case studies").click()
    page.wait_for_url("**/compare/**")
    assert page.locator(".compare-table thead th").count() == 2


def test_sort_applies_as_it_changes(page):
    page.goto("/case-studies/")
    assert not page.get_by_role("button", name="Sort", exact=True).is_visible()
    page.focus("#finder-sort")
    page.select_option("#finder-sort", "title")
    page.wait_for_url(re.compile(r"sort=title"))
    expect(page.locator(".results .card__title").first).to_have_text(
        min(data["title"] for data in library.CASE_STUDIES)
    )
    titles = page.locator(".results .card__title").all_inner_texts()
    assert titles == sorted(titles)
    assert _focused(page, "#finder-sort")


def test_leaflet_loads_only_when_the_map_is_opened(page):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto("/case-studies/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "leaflet" in url or url.endswith("map.js")]
    assert page.evaluate("typeof window.L") == "undefined"
    page.get_by_text("Show the case studies on a map").click()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(len(library.CASE_STUDIES))
    assert any("leaflet.js" in url for url in fetched)
    # After a filter changes the results, the reopened map follows them.
    page.locator("#facet-model > summary").click()
    page.check("#model-cohousing")
    page.wait_for_url(re.compile(r"model=cohousing"))
    expect(page.locator(".leaflet-marker-icon")).to_have_count(
        len(_demo(community_model="cohousing"))
    )


def test_without_javascript_facets_fold_and_the_forms_still_work(
    browser, live_server, demo_library
):
    context, page = _new_page(browser, live_server, java_script_enabled=False, viewport=PHONE)
    page.goto("/case-studies/?region=north-east")
    assert page.locator("#facet-region").get_attribute("open") == ""
    assert page.locator("#facet-model").get_attribute("open") is None
    assert not page.locator("#model-clt").is_visible()
    page.locator("#facet-model > summary").click()
    assert page.locator("#model-clt").is_visible()
    # Nothing in the North East is cohousing: that option waits behind "Show more".
    assert not page.locator("#model-cohousing").is_visible()
    page.locator("#facet-model-more > summary").click()
    assert page.locator("#model-cohousing").is_visible()
    page.check("#model-clt")
    page.get_by_role("button", name="Apply filters").first.click()
    both = _demo(region="north-east", community_model="clt")
    assert results_heading(page) == f"{_case_studies(len(both))} match your filters"
    page.select_option("#finder-sort", "title")
    page.get_by_role("button", name="Sort", exact=True).click()
    titles = page.locator(".results .card__title").all_inner_texts()
    assert titles == sorted(titles) and len(titles) == len(both)
    page.locator("input[name=cs]").nth(0).check()
    page.locator("input[name=cs]").nth(1).check()
    page.get_by_role("button", name="Compare ticked case studies").click()
    assert page.locator(".compare-card").count() == 2
    assert page.locator(".compare-card__title").all_inner_texts() == titles[:2]
    context.close()
    assert page.csp_violations == []


def test_a_typo_is_answered_with_did_you_mean(page):
    page.goto("/case-studies/")
    page.fill("#finder-q", "stocksfeld")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=stocksfeld"))
    expect(page.locator(".did-you-mean")).to_have_text("Did you mean Stocksfield?")
    page.get_by_role("link", name="Stocksfield", exact=True).click()
    page.wait_for_url(re.compile(r"q=Stocksfield"))
    assert "Stocksfield" in page.locator(".results .card__title").first.inner_text()


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { total += entry.value; } }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


def test_the_mobile_finder_does_not_jump_as_it_loads(
    browser, live_server, demo_library_with_images
):
    context, page = _new_page(browser, live_server, viewport={"width": 375, "height": 667})
    page.goto("/case-studies/", wait_until="load")
    shift = page.evaluate(LAYOUT_SHIFT)
    assert shift < 0.1, f"layout shift {shift:.3f}"
    # The first cover is fetched at once, the rest as they scroll into view.
    covers = page.locator(".results img")
    assert covers.count() > 1
    assert covers.first.get_attribute("fetchpriority") == "high"
    assert covers.first.get_attribute("loading") is None
    assert covers.nth(1).get_attribute("loading") == "lazy"
    # The measurement does see a shift when there is one.
    page.evaluate(
        "() => { const block = document.createElement('div'); block.style.height = '400px';"
        " document.querySelector('#finder-page').prepend(block); }"
    )
    assert page.evaluate(LAYOUT_SHIFT) >= 0.1
    context.close()


PAGES = [
    "/case-studies/",
    "/case-studies/?region=north-east&model=clt&q=homes",
    "/case-studies/?q=stocksfeld",
    "/case-studies/?region=atlantis",
    "/compare/?cs=stocksfield-scata-isos-housing&cs=middlesbrough-clt-gresham"
    "&cs=north-ormesby-empty-homes&cs=chapeltown-cohousing-unity-homes",
]


def _compare_slugs_exist():
    slugs = {data["slug"] for data in library.CASE_STUDIES}
    return re.findall(r"cs=([-\w]+)", PAGES[-1]), slugs


def test_nothing_scrolls_sideways_at_320_px(browser, live_server, demo_library_with_images):
    wanted, slugs = _compare_slugs_exist()
    assert set(wanted) <= slugs, set(wanted) - slugs
    context, page = _new_page(browser, live_server, viewport=PHONE)
    for path in PAGES:
        page.goto(path)
        for facet in page.locator("details.facet").all():
            facet.evaluate("d => { d.open = true; }")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    assert page.locator(".compare-card").count() == 4
    assert not page.locator(".compare-table").is_visible()
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["320", "1280"])
def test_no_serious_accessibility_violations(
    browser, live_server, demo_library_with_images, axe, viewport
):
    # The checker is injected as an inline script, which the site's CSP rightly blocks.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, viewport=viewport)
    page = context.new_page()
    problems = {}
    for path in PAGES:
        page.goto(path)
        page.evaluate(
            "() => document.querySelectorAll('details.facet').forEach(d => d.open = true)"
        )
        if path == "/case-studies/":
            page.locator("input[name=cs]").nth(0).check()
            page.locator("input[name=cs]").nth(1).check()
        found = axe(page)
        if found:
            problems[path] = found
    context.close()
    assert problems == {}
