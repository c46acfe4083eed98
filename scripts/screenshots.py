"""Take the README's screenshots of the finder and a case study from the demo library.

Run with `make screenshots` (which loads the demo library into the local database first).
It serves the site on 127.0.0.1 for as long as it takes, then stops that server by its
process id. Not part of the test suite or CI: the pictures change only when the design does.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SHOTS = {
    "finder.png": "/case-studies/",
    "case-study.png": "/case-studies/stocksfield-scata-isos-housing/",
}
VIEWPORT = {"width": 1280, "height": 900}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"The site did not start on port {port} within {seconds} seconds.")


def main():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport=VIEWPORT)
            for name, path in SHOTS.items():
                page.goto(f"http://127.0.0.1:{port}{path}", wait_until="networkidle")
                page.screenshot(path=DOCS / name)
                print(f"docs/{name}: {path}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
