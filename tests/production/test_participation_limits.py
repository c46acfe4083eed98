"""Rate limits on the public forms hold across processes: two app servers sharing one
Redis count one address's posts together, and refused posts store nothing."""

import uuid

import altcha

from tests.casestudies.participation.conftest import SUGGESTION
from tests.forms import form_data
from tests.production.servers import AppServer, manage, need, production_env, redis_available


def solve(client):
    """Fetch a challenge from the server and solve it, as the widget does in a browser."""
    issued = altcha.Challenge.from_dict(client.get("/forms/challenge/").json())
    return altcha.Payload(issued, altcha.solve_challenge(issued, timeout=10)).to_base64()


def send(client):
    page = client.get("/suggest/")
    assert page.status == 200
    data = form_data(page.text, "participation-form", **SUGGESTION, altcha=solve(client))
    return client.post_form("/suggest/", data).status


def stored(env):
    out = manage(
        env,
        "shell",
        "-c",
        "from casestudies.models import Suggestion; print(Suggestion.objects.count())",
    )
    return int(out.strip().splitlines()[-1])


def test_two_servers_sharing_redis_count_one_address_together(tmp_path):
    need(redis_available(), "Redis at 127.0.0.1:6379")
    env = production_env(
        tmp_path / "shared",
        DJANGO_HTTPS=0,
        REDIS_URL="redis://127.0.0.1:6379/0",
        CACHE_KEY_PREFIX=f"limits-{uuid.uuid4().hex[:8]}",
        PARTICIPATION_RATE_LIMITS="4/m",
        ALTCHA_COST=10,
        ALTCHA_MAX_COUNTER=5,
        EMAIL_URL="locmem://",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")
    with AppServer(env, workers=1) as a, AppServer(env, workers=1) as b:
        clients = [a.client(), b.client()]
        statuses = [send(clients[turn % 2]) for turn in range(10)]
        assert statuses[:4] == [302] * 4, statuses
        assert set(statuses[4:]) == {429}, (
            statuses
        )  # each server alone would have let 4 more through
        contact = form_data(
            clients[1].get("/contact/").text, "participation-form", topic="other", message="Hello"
        )
        refused = clients[1].post_form("/contact/", contact)
        assert refused.status == 429 and "Too many forms sent from your connection" in refused.text
        assert refused.header("Retry-After") == "60"
    assert stored(env) == 4
