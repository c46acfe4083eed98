"""Evidence grades: on every outcome, explained on their own page, and a limit on the
insights that says how much it left out."""

import re

import pytest

from casestudies.models import Indicator, Outcome
from casestudies.models.evidence import EvidenceStrength

pytestmark = pytest.mark.django_db


@pytest.fixture
def graded(make_case_study):
    indicator = Indicator.objects.create(
        name="Homes let locally",
        slug="homes-let-locally",
        framework="housing-outputs",
        unit="homes",
    )
    first = make_case_study("First", slug="first")
    second = make_case_study("Second", slug="second")
    Outcome.objects.create(
        case_study=first,
        indicator=indicator,
        value=10,
        source=first.sources.first(),
        evidence_strength=EvidenceStrength.SELF_REPORTED,
    )
    Outcome.objects.create(
        case_study=second,
        indicator=indicator,
        value=4,
        source=second.sources.first(),
        evidence_strength=EvidenceStrength.INDEPENDENT_EVALUATION,
    )
    return indicator


def _outcome_row(page, name):
    match = re.search(rf'<th scope="row">{name}</th>\s*<td>[^<]*</td>\s*<td>([^<]*)', page)
    return match.group(1).strip() if match else None


def test_each_outcome_shows_its_grade_linked_to_the_explanation(client, graded):
    page = client.get("/case-studies/second/").content.decode()
    assert (
        'Evidence: <a href="/about/how-we-grade-evidence/#grade-3">independently evaluated</a>'
        in page
    )
    grades = client.get("/about/how-we-grade-evidence/").content.decode()
    for strength in EvidenceStrength:
        assert (
            f'<li id="grade-{strength.value}">' in grades and f"<h2>{strength.label}</h2>" in grades
        )
    assert grades.index("Reported by the scheme") < grades.index("Peer-reviewed research")


def test_the_insights_count_only_outcomes_at_the_chosen_grade_and_say_how_many_were_left_out(
    client, graded
):
    everything = client.get("/insights/").content.decode()
    assert _outcome_row(everything, "Homes let locally") == "14 homes"
    assert "left out" not in everything
    limited = client.get("/insights/?strength=independent-evaluation").content.decode()
    assert _outcome_row(limited, "Homes let locally") == "4 homes"
    assert (
        "Only figures independently evaluated or stronger are counted: 1 outcome with weaker evidence was left out."
        in limited
    )
    assert '<option value="independent-evaluation" selected>' in limited
    none = client.get("/insights/?strength=peer-reviewed&region=north-east").content.decode()
    assert _outcome_row(none, "Homes let locally") is None
    assert "2 outcomes with weaker evidence were left out." in none
    assert '<input type="hidden" name="region" value="north-east">' in none


def test_an_unknown_grade_is_explained_and_every_outcome_counted(client, graded):
    response = client.get("/insights/?strength=gossip")
    page = response.content.decode()
    assert response.status_code == 400
    assert "recognise that grade of evidence, so figures of every grade are counted." in page
    assert _outcome_row(page, "Homes let locally") == "14 homes"


def test_the_library_says_what_it_includes_and_links_to_it(client, make_case_study):
    make_case_study("Scheme", slug="scheme")
    criteria = client.get("/about/what-the-library-includes/").content.decode()
    for heading in (
        "What counts as a partnership",
        "Which sources we accept",
        "How conflicts are shown",
    ):
        assert f"<h2>{heading}</h2>" in criteria
    assert "not checked for 365 days" in criteria
    assert (
        'href="/about/what-the-library-includes/"'
        in client.get("/case-studies/scheme/").content.decode()
    )
    assert 'href="/about/what-the-library-includes/"' in client.get("/about/").content.decode()


def test_the_explanations_are_in_the_sitemap(client):
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/about/what-the-library-includes/" in pages
    assert "http://testserver/about/how-we-grade-evidence/" in pages
