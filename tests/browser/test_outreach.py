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


@pytest.fixture
def hub_site(live_server):
    """Another site on this machine (another port: another origin) whose page frames the
    embed and the finder. Served by a real server: Chromium's local network checks refuse
    frames of localhost in a page the browser was handed without one."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = (
        "<!doctype html><title>Hub</title>"
        f'<iframe id="embed" title="Embed" src="{live_server.url}/embed/case-studies/?region=north-west"></iframe>'
        f'<iframe id="finder" title="Finder" src="{live_server.url}/case-studies/?region=north-west"></iframe>'
    ).encode()

    class Hub(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_another_site_can_frame_the_embed_but_not_the_finder(page, live_server, hub_site):
    page.set_default_timeout(30_000)  # the frames load from the live server, on a busy machine
    page.goto(hub_site)
    page.wait_for_load_state("load")
    assert "case stud" in page.frame_locator("#embed").locator(".embed__count").inner_text()
    finder = page.locator("#finder").element_handle().content_frame()
    assert (
        finder.locator(".results-header__count").count() == 0
    )  # refused: nothing of the finder in the frame
    assert any("frame-ancestors" in message for message in page.csp_violations)
    page.csp_violations.clear()  # the refusal is reported on the console, as it should be
