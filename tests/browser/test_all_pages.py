"""Every public page at a phone's, a tablet's and a desktop's width: a screenshot of each
(kept as a test artefact), no sideways scrolling at 320 px, and no serious or critical
accessibility problem (axe-core) at 320 and 1280 px.

The pages come from the URL configuration and the sitemap (see public_pages.py). The
finder's family of pages is checked as a test of its own, so a failure says which half.
"""

import re
from pathlib import Path

import pytest
from django.urls import resolve

from tests.browser.public_pages import public_pages

pytestmark = pytest.mark.browser

WIDTHS = (320, 768, 1280)
AXE_WIDTHS = (320, 1280)
SCREENSHOTS = Path(__file__).parent / "artefacts" / "screenshots"
# The finder and the pages built on it: insights, the map, compare and organisations.
FINDER_FAMILY = {
    "case_study_list",
    "insights",
    "map",
    "compare",
    "organisation_list",
    "organisation_detail",
}


def in_finder_family(path):
    try:
        return resolve(path).url_name in FINDER_FAMILY
    except Exception:  # the 404 page resolves to nothing
        return False


def screenshot_name(path, width):
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
    return SCREENSHOTS / f"{slug}-{width}.png"


def sideways_scroll(page):
    """How many pixels the page is wider than the window, or 0."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"
    )


def check_pages(browser, live_server, axe, paths):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for width in WIDTHS:
        # axe-core is injected as a script, which the site's CSP rightly blocks.
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}, bypass_csp=True
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        for path in paths:
            page.goto(path, wait_until="load")
            page.screenshot(path=screenshot_name(path, width), full_page=True)
            if width == 320 and (extra := sideways_scroll(page)):
                problems.setdefault(path, []).append(f"scrolls sideways by {extra} px at 320 px")
            if width in AXE_WIDTHS:
                problems.setdefault(path, []).extend(
                    f"{found} at {width} px" for found in axe(page)
                )
        context.close()
    return {path: found for path, found in problems.items() if found}


@pytest.mark.parametrize(
    "finder_family",
    [
        pytest.param(False, id="other-pages"),
        pytest.param(True, id="finder-insights-map-compare-and-organisations"),
    ],
)
def test_every_public_page_fits_a_phone_and_passes_axe(
    browser, live_server, demo_library_with_images, axe, finder_family
):
    paths = [path for path in public_pages() if in_finder_family(path) == finder_family]
    assert len(paths) > (5 if finder_family else 20)  # the list is derived, never empty
    assert check_pages(browser, live_server, axe, paths) == {}


def test_the_horizontal_scroll_check_does_catch_a_wide_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 600})
    page = context.new_page()
    page.set_content(
        "<html><body style='margin:0'><div style='width:500px'>wide</div></body></html>"
    )
    assert sideways_scroll(page) == 180
    context.close()


def test_the_page_list_covers_every_kind_of_page(db):
    from django.core.management import call_command

    call_command("load_demo_data", no_images=True, verbosity=0)
    names = {resolve(path).url_name for path in public_pages()[:-1]}
    for expected in ("home", "about", "case_study_detail", "guide_detail", "correction", "privacy"):
        assert expected in names
