"""The health endpoint and error pages, including when the database is unreachable."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper


@pytest.fixture
def database_down():
    """Every query fails as it does when the database server is unreachable."""

    def refuse(*args, **kwargs):
        raise OperationalError(
            'connection to server at "db.internal" (10.0.0.5), port 5432 failed: password=hunter2'
        )

    with (
        mock.patch.object(CursorWrapper, "execute", refuse),
        mock.patch.object(CursorWrapper, "executemany", refuse),
    ):
        yield


def test_health_reports_each_service(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "storage": True,
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_says_503_and_leaks_nothing_when_the_database_is_down(
    client, db, database_down, settings
):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    text = response.content.decode()
    for secret in ("hunter2", "db.internal", "10.0.0.5", settings.SECRET_KEY):
        assert secret not in text


def test_health_says_503_when_the_cache_is_down(client, db):
    with mock.patch(
        "django.core.cache.cache.set", side_effect=ConnectionError("redis://:secret@cache:6379")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["error"] == "ConnectionError"
    assert "secret" not in response.content.decode()


def test_public_pages_answer_503_with_retry_after_when_the_database_is_down(
    client, db, database_down
):
    client.raise_request_exception = False
    for url in ["/", "/case-studies/", "/case-studies/anything/", "/organisations/"]:
        response = client.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == "30"
        assert "<h1>Back shortly</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/case-studies.csv", "/case-studies.csv?region=north-east", "/case-studies.geojson"]
)
def test_downloads_answer_503_before_they_start_when_the_database_is_down(
    client, db, database_down, url
):
    """Not a 200 and then a file cut short, which looks like a complete download."""
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "<h1>Back shortly</h1>" in response.content.decode()


def test_a_database_failure_while_paging_an_organisation_is_a_503_not_a_404(
    client, make_case_study, make_organisation
):
    """Paging reads the database; a failure there is the database's, not a missing page."""
    from casestudies.finder.selectors import OrganisationCaseStudies

    karbon = make_organisation("Karbon Homes", slug="karbon-homes")
    make_case_study("Stocksfield", partners=[(karbon, "housing-association")])
    client.raise_request_exception = False

    def refuse(self, window):
        raise OperationalError("connection to server lost")

    with mock.patch.object(OrganisationCaseStudies, "__getitem__", refuse):
        response = client.get("/organisations/karbon-homes/")
    assert response.status_code == 503
    assert "<h1>Back shortly</h1>" in response.content.decode()


def test_error_pages_do_not_touch_the_database(
    client, db, django_assert_num_queries, database_down
):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_unexpected_errors_get_the_branded_500_page(client, db, django_assert_num_queries):
    client.raise_request_exception = False
    with mock.patch(
        "casestudies.views.pages.selectors.headline_figures", side_effect=ZeroDivisionError
    ):
        response = client.get("/")
    assert response.status_code == 500
    assert "<h1>Sorry, something went wrong</h1>" in response.content.decode()
    assert "ZeroDivisionError" not in response.content.decode()


def test_oversized_requests_are_refused_before_they_are_read(client, db):
    response = client.generic(
        "POST",
        "/admin/login/",
        b"x",
        content_type="application/octet-stream",
        CONTENT_LENGTH="50000000",
    )
    assert response.status_code == 413
    assert (
        "What you sent was 50.0 MB; the most the library accepts in one go is 12 MB."
        in response.content.decode()
    )


def test_local_media_is_served_with_long_cache_headers(client, make_case_study, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from casestudies.models import CaseStudyImage

    settings.MEDIA_ROOT = tmp_path / "media"
    out = io.BytesIO()
    Image.new("RGB", (400, 300), "green").save(out, "JPEG")
    image = CaseStudyImage(
        case_study=make_case_study(),
        image=SimpleUploadedFile("a.jpg", out.getvalue()),
        alt_text="x",
    )
    image.save()
    rendition = image.picture()["webp"][0].url
    response = client.get(rendition)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert client.get("/media/../config/settings.py").status_code == 404
    assert client.get("/media/secret_key").status_code == 404
    settings.SERVE_MEDIA = False
    assert client.get(rendition).status_code == 404
