import altcha
import pytest
from django.core.cache import cache

from casestudies.participation import challenge


def solved_payload(tamper=None):
    """What the widget posts once it has solved a fresh challenge, as a browser would."""
    issued = altcha.Challenge.from_dict(challenge.new_challenge())
    if tamper:
        tamper(issued)
    solution = altcha.solve_challenge(issued, timeout=5)
    return altcha.Payload(issued, solution).to_base64()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counts and spent challenges live in the cache: each test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proof():
    return solved_payload


SUGGESTION = {
    "partnership_name": "Allendale Community Homes",
    "place": "Allendale",
    "local_authority": "Northumberland",
    "community_organisation": "Allendale Community Land Trust",
    "housing_association": "Karbon Homes",
    "delivery": "new-build",
    "what_happened": "Six homes for local people, built on land the parish gave.",
    "homes": "6",
    "year_started": "2015",
    "year_completed": "2019",
    "source_links": "https://example.org/allendale\nhttps://news.example.org/homes",
    "name": "Test Sender",
    "email": "sender@example.org",
    "organisation": "Allendale CLT",
    "role": "Secretary",
    "consent_to_contact": "on",
}
CORRECTION = {
    "wrong_fact": "It says 12 homes.",
    "should_say": "It has 14 homes.",
    "source": "https://example.org/report",
    "name": "Second Sender",
    "email": "second@example.org",
    "consent_to_contact": "on",
}
MESSAGE = {
    "topic": "housing-association",
    "message": "We would like to partner with a CLT in Redcar.",
    "name": "Third Sender",
    "email": "third@example.org",
    "phone": "0191 496 0000",
    "organisation": "Tees Homes",
    "role": "Development lead",
}


@pytest.fixture
def answers():
    return {
        "suggestion": dict(SUGGESTION),
        "correction": dict(CORRECTION),
        "message": dict(MESSAGE),
    }
