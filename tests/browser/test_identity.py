"""The site's frame as a visitor meets it: the menu on a phone (without JavaScript too),
the home page's even cards, the branded "not found" page and the printed case study."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser, live_server, demo_library):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 700}, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def test_on_a_phone_the_menu_folds_and_opens_without_javascript(phone):
    phone.goto("/about/")
    menu = phone.locator(".site-nav__menu")
    assert menu.is_visible() and not phone.locator(".site-nav__bar").is_visible()
    assert not menu.get_by_role("link", name="Insights").is_visible()
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] < 100  # one line, not a wrapped stack of links
    phone.get_by_text("Menu").click()
    link = menu.get_by_role("link", name="Insights")
    assert link.is_visible()
    assert menu.get_by_role("link", name="About").get_attribute("aria-current") == "page"
    link.click()
    assert phone.url.endswith("/insights/")


def test_on_a_desktop_the_links_are_a_row(page):
    page.goto("/")
    assert not page.locator(".site-nav__menu").is_visible()
    tops = {
        round(box["y"])
        for box in (a.bounding_box() for a in page.locator(".site-nav__bar a").all())
    }
    assert len(tops) == 1


def test_the_featured_cards_are_of_even_height(browser, live_server, demo_library_with_images):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/")
    heights = {round(card.bounding_box()["height"]) for card in page.locator(".feature-card").all()}
    context.close()
    assert len(heights) == 1


def test_the_not_found_page_keeps_the_navigation_and_search(phone):
    response = phone.goto("/no-such-page/")
    assert response.status == 404
    assert phone.get_by_role("heading", name="Page not found").is_visible()
    phone.get_by_label("Search the case studies").fill("cohousing")
    phone.get_by_role("button", name="Search").click()
    assert "/case-studies/?q=cohousing" in phone.url
    phone.goto("/no-such-page/")
    phone.get_by_text("Menu").click()
    assert phone.locator(".site-nav__menu").get_by_role("link", name="Case studies").is_visible()


def test_a_printed_case_study_is_the_case_study_alone(page):
    page.goto("/case-studies/stocksfield-scata-isos-housing/")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".correction-link", ".download"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.locator(".sources").is_visible() and page.locator(".basics").is_visible()
