"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

They run when /usr/bin/chromium exists and are skipped, with a message saying so,
when it does not. CI sets REQUIRE_BROWSER=1, which turns that skip into a failure.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing(what):
    message = f"Browser tests skipped: {what}. Install Debian's chromium package to run them."
    if REQUIRED:
        pytest.fail(message.replace("skipped", "required but cannot run"), pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        _missing(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_library(transactional_db):
    """The demo library without its drawn covers: enough for journeys through the finder."""
    call_command("load_demo_data", no_images=True, verbosity=0)


@pytest.fixture
def demo_library_with_images(transactional_db, settings, tmp_path):
    """The whole demo library, covers included, for checks of pages as people see them."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_data", verbosity=0)


def watch_csp(page):
    """Collect in page.csp_violations whatever the Content-Security-Policy blocks (inline
    script, stray style): each is a bug."""
    page.set_default_timeout(10_000)
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


def shown_on_map(page):
    """Case studies on a map (single pins, and the counts on clusters), once the zoom
    and the clusters' animation have settled. Polled from here rather than with
    wait_for_function, whose string predicates are eval'd, which the CSP blocks."""
    clusters = page.locator(".leaflet-marker-pane .map-cluster [aria-hidden=true]")
    for _ in range(50):
        page.wait_for_timeout(200)
        if not page.locator(".leaflet-cluster-anim, .leaflet-zoom-anim").count():
            break
    page.wait_for_timeout(300)
    pins = page.locator(".leaflet-marker-pane .map-pin").count()
    return pins + sum(int(count) for count in clusters.all_text_contents())


@pytest.fixture
def page(browser, live_server, demo_library):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield watch_csp(page)
    context.close()
    assert page.csp_violations == []


@pytest.fixture
def axe():
    if not AXE.exists():
        message = "axe-core is not installed (run `make test`, which installs it with npm)"
        if REQUIRED:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    def check(page):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        return [
            f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            + ", ".join(
                node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                for node in violation["nodes"][:3]
            )
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")
        ]

    return check
