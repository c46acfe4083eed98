"""A page cache under pressure, on real Redis servers: it can neither evict sign-in
lockouts nor make any page fail, whatever its memory limit and eviction policy."""

import re

import pytest

from casestudies.models.choices import CommunityModel, Region
from tests.production.servers import AppServer, RedisServer, production_env
from tests.production.test_multiprocess import PASSWORD, prepare, staff_env

SORTS = ["newest", "oldest", "title", "most-homes"]


def sign_in(client, password):
    page = client.get("/admin/login/")
    assert page.status == 200, page.status
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return client.post_form(
        "/admin/login/", {"csrfmiddlewaretoken": token, "username": "curator", "password": password}
    )


@pytest.mark.parametrize("policy", ["noeviction", "allkeys-lru"])
def test_a_full_page_cache_neither_evicts_lockouts_nor_breaks_pages(tmp_path, policy):
    with RedisServer(policy) as shared, RedisServer(policy) as pages:
        env = production_env(
            tmp_path,
            DJANGO_HTTPS=0,
            REDIS_URL=shared.url,
            PAGE_CACHE_REDIS_URL=pages.url,
            PAGE_CACHE_SECONDS=600,
        )
        prepare(staff_env(env))
        with AppServer(env, workers=2) as server:
            attacker = server.client()
            for _ in range(5):
                sign_in(attacker, "a guess")
            assert sign_in(attacker, PASSWORD).status == 429

            # Far more pages than the page cache can hold, each one that may be kept.
            visitor = server.client()
            statuses = {
                visitor.get(f"/case-studies/?region={region}&model={model}&sort={sort}").status
                for region in Region.values
                for model in CommunityModel.values
                for sort in SORTS
            }
            assert statuses == {200}

            # The lockout holds, the sign-in page works, and pages are still answered.
            assert sign_in(attacker, PASSWORD).status == 429
            assert visitor.get("/case-studies/?region=north-east").status == 200
            # The page cache really was full: evicting, or refusing writes.
            stats = pages.stats()
            assert (
                stats["evicted_keys"] if policy == "allkeys-lru" else stats["total_error_replies"]
            ), stats
            assert shared.stats()["evicted_keys"] == 0
