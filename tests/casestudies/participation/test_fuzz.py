"""No input breaks the three forms: hostile posts get the form again with a message (200),
a redirect once something valid is kept (302), or 404/429, never a server error; markup
sent in is never echoed unescaped. As tests/casestudies/views/test_fuzz.py does for the finder."""

import re
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.casestudies.participation.conftest import CORRECTION, MESSAGE, SUGGESTION, solved_payload
from tests.casestudies.views.test_fuzz import NASTY

FIELDS = sorted(
    {
        *SUGGESTION,
        *CORRECTION,
        *MESSAGE,
        "website",
        "altcha",
        "check_token",
        "check_answer",
        "csrfmiddlewaretoken",
    }
)
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        [
            "on",
            "new-build",
            "other",
            "https://example.org/",
            "javascript:alert(1)",
            "a@b.c",
            "x" * 10_000,
        ]
    ),
)
POSTS = st.lists(
    st.tuples(st.one_of(st.sampled_from(FIELDS), st.text(max_size=20)), VALUES), max_size=25
)
TAG = re.compile(r"<[a-zA-Z/!]")


@pytest.fixture
def forms(make_case_study, settings):
    settings.PARTICIPATION_RATE_LIMITS = ["100000/m"]  # the limit itself is tested in test_views
    settings.PARTICIPATION_CHALLENGE_RATE_LIMIT = "100000/m"
    case_study = make_case_study("Fuzz target", slug="fuzz-target")
    return {
        "suggest": ("/suggest/", SUGGESTION),
        "correction": (f"/case-studies/{case_study.slug}/correction/", CORRECTION),
        "contact": ("/contact/", MESSAGE),
    }


def check(response, sent):
    assert response.status_code in (200, 302, 400, 404, 429), response.status_code
    if response["Content-Type"].startswith("text/html"):
        body = response.content.decode()
        for _, value in sent:
            if TAG.search(value):
                assert value not in body, value


@given(form=st.sampled_from(["suggest", "correction", "contact"]), post=POSTS)
@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_post_breaks_a_form(client, forms, form, post):
    client.raise_request_exception = False
    url, _ = forms[form]
    check(client.post(url, urlencode(post), content_type="application/x-www-form-urlencoded"), post)


@given(
    form=st.sampled_from(["suggest", "correction", "contact"]),
    changes=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=6),
    proven=st.booleans(),
)
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_hostile_values_in_an_otherwise_valid_form(client, forms, form, changes, proven):
    """Values that pass the check reach the models: they are stored as plain text or refused."""
    client.raise_request_exception = False
    url, valid = forms[form]
    data = {**valid, **({"altcha": solved_payload()} if proven else {}), **changes}
    check(client.post(url, data), list(data.items()))


@given(query=st.lists(st.tuples(st.text(max_size=10), VALUES), max_size=5))
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_query_string_breaks_a_form_page_or_the_challenge(client, forms, query):
    client.raise_request_exception = False
    for url in (
        "/suggest/",
        "/contact/",
        "/case-studies/fuzz-target/correction/",
        "/forms/challenge/",
        "/privacy/",
    ):
        response = client.get(f"{url}?{urlencode(query)}")
        assert response.status_code == 200, (url, query)
