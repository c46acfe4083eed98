"""Production settings: `check --deploy`, refusing to start unsafely, and the headers a
browser sees from the real server."""

import json
import re
import subprocess
import sys

import pytest

from tests.production.servers import ROOT, AppServer, manage, production_env


def run_check(env, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_in_production(tmp_path):
    result = run_check(
        production_env(tmp_path, DJANGO_TRUSTED_PROXIES=1), "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "change, message",
    [
        ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY is not set"),
        ({"DJANGO_SECRET_KEY": "too-short"}, "DJANGO_SECRET_KEY is too weak for production"),
        (
            {"DJANGO_SECRET_KEY": "django-insecure-" + "x" * 60},
            "DJANGO_SECRET_KEY is too weak for production",
        ),
        ({"DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS is not set"),
        ({"DJANGO_DEBUG": "perhaps"}, "DJANGO_DEBUG must be true or false"),
        ({"SITE_URL": ""}, "SITE_URL is not set"),
        ({"SITE_URL": "partnershipsinplace.org.uk"}, "SITE_URL must be a scheme and host only"),
        (
            {"SITE_URL": "https://partnershipsinplace.org.uk/library"},
            "SITE_URL must be a scheme and host only",
        ),
        (
            {"SITE_URL": "http://partnershipsinplace.org.uk"},
            "SITE_URL must start with https:// while DJANGO_HTTPS is on",
        ),
        (
            {
                "REDIS_URL": "redis://127.0.0.1:6379/0",
                "PAGE_CACHE_REDIS_URL": "redis://127.0.0.1:6379/3",
            },
            "PAGE_CACHE_REDIS_URL names the same Redis server as REDIS_URL",
        ),
    ],
)
def test_refuses_to_start_without_safe_settings(tmp_path, change, message):
    result = run_check(production_env(tmp_path, **change))
    assert result.returncode != 0
    assert message in result.stderr


def test_pages_are_cached_apart_from_lockouts_and_the_library_version(tmp_path):
    def caches(**env):
        show = "from django.conf import settings; import json; print(json.dumps(settings.CACHES))"
        return json.loads(
            manage(production_env(tmp_path, **env), "shell", "-c", show).strip().splitlines()[-1]
        )

    alone = caches(REDIS_URL="redis://10.0.0.1:6379/0")
    assert alone["default"]["LOCATION"] == "redis://10.0.0.1:6379/0"
    assert (
        alone["pages"]["BACKEND"].endswith("LocMemCache")
        and alone["pages"]["OPTIONS"]["MAX_ENTRIES"] == 300
    )
    both = caches(
        REDIS_URL="redis://10.0.0.1:6379/0", PAGE_CACHE_REDIS_URL="redis://10.0.0.2:6379/0"
    )
    assert both["pages"]["LOCATION"] == "redis://10.0.0.2:6379/0"


def test_code_only_commands_run_on_a_machine_with_nothing_set_up(tmp_path):
    bare = production_env(tmp_path)
    del bare["DJANGO_SECRET_KEY"], bare["DJANGO_ALLOWED_HOSTS"]
    result = run_check(bare)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    migrations = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemigrations", "--check", "--dry-run"],
        env=bare,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert migrations.returncode == 0, migrations.stderr
    assert "No changes detected" in migrations.stdout
    # Anything that could serve or sign still needs the real settings.
    deploy = run_check(bare, "--deploy")
    assert deploy.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in deploy.stderr


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    """The production server behind a (pretend) TLS proxy that sets X-Forwarded-Proto."""
    data_dir = tmp_path_factory.mktemp("https")
    env = production_env(data_dir, DJANGO_TRUSTED_PROXIES=1)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo_data", "--no-images", "-v0")
    with AppServer(env, workers=1) as server:
        yield server


def test_plain_http_is_redirected_to_https(https_server):
    response = https_server.client().get("/case-studies/")
    assert response.status == 301
    assert response.header("Location") == f"https://127.0.0.1:{https_server.port}/case-studies/"


def test_security_headers_on_public_pages(https_server):
    response = https_server.client(**{"X-Forwarded-Proto": "https"}).get("/")
    assert response.status == 200
    csp = response.header("Content-Security-Policy")
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for directive in (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "upgrade-insecure-requests",
    ):
        assert directive in csp, directive
    assert (
        response.header("Strict-Transport-Security")
        == "max-age=31536000; includeSubDomains; preload"
    )
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("X-Frame-Options") == "DENY"
    assert response.header("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert response.header("Cross-Origin-Opener-Policy") == "same-origin"
    assert response.header("Server") == "gunicorn"
    assert "<script>" not in response.text and " style=" not in response.text  # nothing inline


def test_staff_cookies_are_secure_httponly_and_host_only(https_server):
    response = https_server.client(**{"X-Forwarded-Proto": "https"}).get("/admin/login/")
    cookie = response.header("Set-Cookie")
    assert cookie.startswith("__Host-csrftoken=")
    for flag in ("Secure", "HttpOnly", "SameSite=Lax", "Path=/"):
        assert flag in cookie, flag
    assert "Domain=" not in cookie


def test_static_files_are_hashed_compressed_and_cached_for_long(https_server):
    client = https_server.client(**{"X-Forwarded-Proto": "https"})
    page = client.get("/").text
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1)
    response = client.get(stylesheet, **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.header("Content-Encoding") == "gzip"
    assert "immutable" in response.header(
        "Cache-Control"
    ) and "max-age=315360000" in response.header("Cache-Control")


def test_health_endpoint_answers_over_plain_http(https_server):
    response = https_server.client().get("/healthz")
    assert response.status == 200
    assert response.json()["status"] == "ok"
    assert set(response.json()["checks"]) == {"database", "cache", "storage"}


def test_branded_404_from_the_real_server(https_server):
    response = https_server.client(**{"X-Forwarded-Proto": "https"}).get("/no-such-page/")
    assert response.status == 404
    assert "<h1>Page not found</h1>" in response.text
    assert "Partnerships in Place" in response.text
