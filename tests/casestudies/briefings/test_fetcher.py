"""WeasyPrint reads the project's own files only."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from casestudies.briefings.fetcher import RefusedAddress, local_only_fetcher, read_local


def test_static_files_and_media_are_read(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert b"@page" in read_local("/static/css/briefing.css")
    assert b"@page" in read_local(f"{settings.SITE_URL}/static/css/briefing.css")
    name = default_storage.save("briefing-test.txt", ContentFile(b"stored"))
    assert read_local(f"/media/{name}") == b"stored"


@pytest.mark.parametrize(
    "address",
    [
        "https://tile.openstreetmap.org/1/1/1.png",
        "http://127.0.0.1:6379/",
        "file:///etc/passwd",
        "/static/../config/settings.py",
        "/admin/",
        "https://evil.example.org/static/css/briefing.css",
    ],
)
def test_anything_else_is_refused(address):
    with pytest.raises((RefusedAddress, ValueError)):
        local_only_fetcher().fetch(address)


def test_a_page_pointing_at_the_network_is_laid_out_without_fetching_it(monkeypatch):
    import socket

    import weasyprint

    def no_network(*args, **kwargs):
        raise AssertionError("the briefing tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    html = '<p>Words</p><img src="https://example.org/tracker.png"><link rel="stylesheet" href="http://example.org/x.css">'
    pdf = weasyprint.HTML(
        string=html, base_url="http://testserver/", url_fetcher=local_only_fetcher()
    ).write_pdf()
    assert pdf.startswith(b"%PDF")
