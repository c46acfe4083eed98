"""Embeds: the embed page may be framed by other sites; no other page may."""

import pytest
from django.urls import reverse

from casestudies.models import Guide


@pytest.fixture
def pages(make_case_study):
    case_study = make_case_study("Welsh scheme", region="wales")
    make_case_study("London scheme", region="london")
    guide = Guide.objects.create(
        title="Examples", slug="examples", introduction="Why.", status="published"
    )
    guide.entries.create(case_study=case_study, note="Note.")
    return [
        "/",
        "/case-studies/?region=wales",
        case_study.get_absolute_url(),
        "/map/",
        "/insights/",
        "/guides/",
        guide.get_absolute_url(),
        "/organisations/",
        "/embed/?region=wales",
        "/alerts/new/?region=wales",
        reverse("admin:login"),
    ]


def frame_ancestors(response):
    policy = response["Content-Security-Policy"]
    return next(
        part.strip() for part in policy.split(";") if part.strip().startswith("frame-ancestors")
    )


@pytest.mark.parametrize("cache_seconds", [0, 600])
def test_the_embed_page_may_be_framed_and_no_other_page_may(client, pages, settings, cache_seconds):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    for _ in range(2):  # the second time from the page cache, when it is on
        embed = client.get("/embed/case-studies/?region=wales&view=map")
        assert embed.status_code == 200
        assert frame_ancestors(embed) == "frame-ancestors *"
        assert not embed.has_header("X-Frame-Options")
        assert embed["Cross-Origin-Resource-Policy"] == "cross-origin"
        for path in pages:
            response = client.get(path)
            assert frame_ancestors(response) == "frame-ancestors 'none'", path
            assert response["X-Frame-Options"] == "DENY", path
            assert response["Cross-Origin-Resource-Policy"] == "same-origin", path


def test_the_embed_shows_only_the_filtered_published_case_studies(client, pages):
    page = client.get("/embed/case-studies/?region=wales").content.decode()
    assert "Welsh scheme" in page and "London scheme" not in page
    assert "site-header" not in page  # made for a frame: no site navigation
    assert "data-map" not in page
    assert "data-map" in client.get("/embed/case-studies/?region=wales&view=map").content.decode()


def test_the_builder_gives_a_snippet_to_copy_and_a_preview(client, pages, settings):
    page = client.get("/embed/?region=wales&view=map").content.decode()
    source = f"{settings.SITE_URL}/embed/case-studies/?region=wales&amp;view=map"
    assert f"&lt;iframe src=&quot;{source}&quot;" in page
    assert (
        '<iframe class="embed-preview" src="/embed/case-studies/?region=wales&amp;view=map"' in page
    )
    response = client.get("/embed/?region=wales")
    assert "frame-src 'self'" in response["Content-Security-Policy"]
    assert (
        'href="/embed/?region=wales"' in client.get("/case-studies/?region=wales").content.decode()
    )


def test_bad_filters_get_a_plain_message(client, pages):
    response = client.get("/embed/case-studies/?completed_from=soon")
    assert response.status_code == 400
    assert "could not be used" in response.content.decode()
