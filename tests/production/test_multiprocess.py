"""What happens with several server processes: concurrent saves on the embedded SQLite,
a database that goes away and comes back, and two app servers sharing PostgreSQL,
Redis and object storage."""

import html
import io
import re
import threading
import uuid

import pytest
from PIL import Image

from casestudies.demo import library
from tests.production.servers import (
    AppServer,
    MotoS3,
    PostgresDatabase,
    RedisServer,
    TcpProxy,
    manage,
    need,
    postgres_available,
    production_env,
    redis_available,
)

PASSWORD = "a long staff password 42"


def prepare(env):
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo_data", "--no-images", "-v0")
    manage(
        env,
        "createsuperuser",
        "--noinput",
        "--username",
        "curator",
        "--email",
        "curator@example.org",
    )


def staff_env(env):
    return {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD}


def change_url(client, slug):
    page = client.get(f"/admin/casestudies/casestudy/?q={slug}").text
    return re.search(r'href="(/admin/casestudies/casestudy/\d+/change/)[^"]*"', page).group(1)


# SQLite -------------------------------------------------------------------------------------


def test_concurrent_admin_saves_on_sqlite_never_fail_with_locked(tmp_path):
    env = production_env(tmp_path, DJANGO_HTTPS=0)
    prepare(staff_env(env))
    slugs = [
        "stocksfield-scata-isos-housing",
        "north-ormesby-empty-homes",
        "middlesbrough-clt-gresham",
        "norton-sub-hamdon-clt-yarlington",
        "lyme-regis-garmans-field",
        "keswick-community-housing-trust-impact",
    ]
    saves_each = 5
    with AppServer(env, workers=4) as server:
        staff = server.client()
        staff.sign_in("admin", "curator", PASSWORD)
        urls = {slug: change_url(staff, slug) for slug in slugs}
        failures = []

        def edit(slug):
            client = server.client()
            client.cookies = dict(staff.cookies)
            for number in range(saves_each):
                response = client.submit(
                    urls[slug], "casestudy_form", key_messages=f"Edit {number} of {slug}"
                )
                if response.status != 302:
                    failures.append((slug, number, response.status, response.text[:300]))

        threads = [threading.Thread(target=edit, args=(slug,)) for slug in slugs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert "database is locked" not in server.output()
        for slug in slugs:
            page = staff.get(urls[slug]).text
            assert f"Edit {saves_each - 1} of {slug}" in page
            history = staff.get(urls[slug].replace("/change/", "/history/")).text
            assert history.count("curator") >= saves_each


# PostgreSQL ---------------------------------------------------------------------------------


@pytest.fixture
def postgres():
    need(postgres_available(), "PostgreSQL at 127.0.0.1:5432")
    with PostgresDatabase() as database:
        yield database


def test_pages_answer_503_while_the_database_is_away_and_recover_by_themselves(tmp_path, postgres):
    with TcpProxy(5432) as proxy:
        url = postgres.url.replace(":5432/", f":{proxy.port}/")
        env = production_env(tmp_path, DJANGO_HTTPS=0, DATABASE_URL=url, PAGE_CACHE_SECONDS=0)
        prepare(staff_env(env))
        with AppServer(env, workers=1) as server:
            visitor = server.client()
            page = "/case-studies/north-ormesby-empty-homes/"
            assert visitor.get(page).status == 200
            assert visitor.get("/case-studies/").status == 200  # the finder builds its index

            proxy.cut()
            # A case study this process has read for this library version is answered from
            # its memory, as the finder is; one it has not read needs the database.
            kept = visitor.get(page)
            assert kept.status == 200 and "North Ormesby" in kept.text
            unread = next(
                data["slug"]
                for data in library.CASE_STUDIES
                if data["slug"] != "north-ormesby-empty-homes"
            )
            down = visitor.get(f"/case-studies/{unread}/")
            assert down.status == 503
            assert down.header("Retry-After") == "30"
            assert "<h1>Back shortly</h1>" in down.text
            health = visitor.get("/healthz")
            assert health.status == 503 and health.json()["checks"]["database"]["ok"] is False

            # The finder still answers, with its results, from the facet index and cards it holds in memory.
            finder = visitor.get("/case-studies/")
            assert finder.status == 200
            newest = max(
                library.CASE_STUDIES, key=lambda data: data["published_at"]
            )  # first on the finder's first page
            assert html.escape(newest["title"]) in finder.text

            proxy.restore()
            statuses = [visitor.get(f"/case-studies/{unread}/").status for _ in range(3)]
            assert statuses[-1] == 200 and statuses.count(200) >= 2
            assert visitor.get("/healthz").status == 200


def test_two_app_servers_share_database_cache_and_media(tmp_path, postgres):
    """What staff publish or edit through one server is what the other serves, at once,
    and an image uploaded through one is served through the other."""
    need(redis_available(), "Redis at 127.0.0.1:6379")
    with MotoS3() as s3, RedisServer("allkeys-lru") as page_cache:
        shared = {
            "DJANGO_HTTPS": 0,
            "DATABASE_URL": postgres.url,
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "PAGE_CACHE_REDIS_URL": page_cache.url,  # a Redis server of its own, as production's
            "CACHE_KEY_PREFIX": f"scale-{uuid.uuid4().hex[:8]}",
            "PAGE_CACHE_SECONDS": 600,
            **s3.env(),
        }
        env_a = production_env(tmp_path / "a", **shared)
        env_b = production_env(tmp_path / "b", **shared)
        prepare(staff_env(env_a))
        manage(env_b, "collectstatic", "--noinput", "-v0")  # each server has its own copy
        with AppServer(env_a, workers=2) as a, AppServer(env_b, workers=2) as b:
            staff, visitor = a.client(), b.client()
            staff.sign_in("admin", "curator", PASSWORD)
            word = f"zq{uuid.uuid4().hex[:6]}"
            page_url = "/case-studies/lyme-regis-garmans-field/"

            # Fill B's cache first: a stale cache is what this test would catch.
            assert "No case studies" in visitor.get(f"/case-studies/?q={word}").text
            assert "Garman" in visitor.get(page_url).text
            assert visitor.get(page_url).status == 200

            url = change_url(staff, "lyme-regis-garmans-field")
            edited = staff.submit(
                url,
                "casestudy_form",
                title=f"Lyme Regis {word}: affordable homes at Garman's Field",
            )
            assert edited.status == 302
            assert f"Lyme Regis {word}" in visitor.get(page_url).text
            assert "1 case study" in visitor.get(f"/case-studies/?q={word}").text

            assert staff.submit(url, "casestudy_form", _workflow="unpublish").status == 302
            assert visitor.get(page_url).status == 404
            assert "No case studies" in visitor.get(f"/case-studies/?q={word}").text

            photo = io.BytesIO()
            Image.new("RGB", (900, 600), (40, 120, 90)).save(photo, "JPEG")
            uploaded = staff.submit(
                url,
                "casestudy_form",
                files={"images-0-image": ("homes.jpg", photo.getvalue())},
                _workflow="publish",
                **{
                    "images-TOTAL_FORMS": "1",
                    "images-0-alt_text": "New homes at Garman's Field",
                    "images-0-is_cover": "on",
                    "images-0-order": "0",
                },
            )
            assert uploaded.status == 302, uploaded.text[:2000]
            served = visitor.get(page_url)
            assert served.status == 200
            image_url = re.search(
                r'<img src="([^"]+)"[^>]*alt="New homes at Garman', served.text
            ).group(1)
            assert image_url.startswith(s3.endpoint)
            key = image_url.removeprefix(f"{s3.endpoint}/{s3.bucket}/")
            assert key in s3.keys()
            body = s3.client().get_object(Bucket=s3.bucket, Key=key)["Body"].read()
            assert Image.open(io.BytesIO(body)).format == "JPEG"

            # Sign-in lockouts are shared too: failures through A lock the sign-in on B.
            attacker_a, attacker_b = a.client(), b.client()
            for _ in range(5):
                page = attacker_a.get("/admin/login/").text
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
                attacker_a.post_form(
                    "/admin/login/",
                    {"csrfmiddlewaretoken": token, "username": "curator", "password": "guess"},
                )
            page = attacker_b.get("/admin/login/").text
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            locked = attacker_b.post_form(
                "/admin/login/",
                {"csrfmiddlewaretoken": token, "username": "curator", "password": PASSWORD},
            )
            assert locked.status == 429

            assert page_cache.client().dbsize() > 0  # the servers' pages were kept there

            for server in (a, b):
                health = server.client().get("/healthz").json()
                assert health["status"] == "ok", health
