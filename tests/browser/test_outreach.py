"""Guides, alerts and embeds in Chromium: accessible, fit a phone, and only the embed
page can be framed by another site."""

import pytest

from casestudies.models import Guide

pytestmark = pytest.mark.browser

GUIDE = "/guides/housing-associations-and-clts-examples-to-copy/"
PAGES = [
    "/guides/",
    GUIDE,
    "/alerts/new/?region=north-west",
    "/embed/?region=north-west",
    "/embed/case-studies/?region=north-west",
    "/embed/case-studies/?region=north-west&view=map",
]


def test_no_serious_accessibility_violations(browser, live_server, demo_library, axe):
    assert Guide.objects.filter(slug=GUIDE.split("/")[2]).exists()
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    problems = {}
    for path in PAGES:
        page.goto(path)
        found = axe(page)
        if found:
            problems[path] = found
    context.close()
    assert problems == {}


def test_on_a_phone_nothing_scrolls_sideways(page):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in PAGES:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_another_site_can_frame_the_embed_but_not_the_finder(page, live_server):
    hub = "http://hub.example.org/"
    frames = (
        f'<iframe id="embed" title="Embed" src="{live_server.url}/embed/case-studies/?region=north-west"></iframe>'
        f'<iframe id="finder" title="Finder" src="{live_server.url}/case-studies/?region=north-west"></iframe>'
    )
    page.set_default_timeout(30_000)  # the frame loads from the live server, on a busy machine
    page.route(hub, lambda route: route.fulfill(status=200, content_type="text/html", body=f"<!doctype html><title>Hub</title>{frames}"))
    page.goto(hub)
    page.wait_for_load_state("load")
    embedded = page.frame_locator("#embed")
    assert "case stud" in embedded.locator(".embed__count").inner_text()
    finder = next(frame for frame in page.frames if frame.name == "" and frame != page.main_frame and "embed" not in frame.url)
    assert finder.url != f"{live_server.url}/case-studies/?region=north-west" or not finder.locator("h1").count()
    page.csp_violations.clear()  # the refused frame is reported on the console, as it should be
