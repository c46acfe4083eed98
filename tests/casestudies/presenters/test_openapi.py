"""The OpenAPI description of the JSON API: valid OpenAPI 3, and true of the running API
(every documented field present, every answer matching its schema)."""

import json

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from casestudies.models import Indicator, OrganisationIdentifier, Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


@pytest.fixture
def library(make_case_study, make_organisation):
    lead = make_organisation("Lead Homes", slug="lead-homes")
    OrganisationIdentifier.objects.create(organisation=lead, identifier="GB-MPR-31122R")
    successor = make_organisation("Successor Homes", slug="successor-homes")
    lead.successor = successor
    lead.save()
    full = make_case_study(
        "Full",
        slug="full",
        partners=[(lead, "housing-association")],
        latitude="54.9",
        longitude="-1.9",
        homes_built=10,
        homes_social_rent=4,
        year_started=2012,
        capital_cost=1_000_000,
    )
    indicator = Indicator.objects.order_by("pk").first()
    Outcome.objects.create(
        case_study=full,
        indicator=indicator,
        value=12,
        year=2019,
        source=full.sources.first(),
        evidence_strength=3,
    )
    make_case_study("Sparse", slug="sparse", sources=0)
    return full


def _validator(spec, name):
    # OpenAPI 3.1 schemas are JSON Schema 2020-12; references point into the document.
    registry = Registry().with_resource(
        "urn:spec", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:spec#/components/schemas/{name}"},
        registry=registry,
        format_checker=jsonschema.FormatChecker(),
    )


def test_the_document_is_valid_openapi(spec):
    validate_spec(spec)
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/api/case-studies/", "/api/case-studies/{slug}/"}


def test_it_documents_every_finder_parameter(spec):
    from casestudies.finder import selectors

    documented = {p["name"] for p in spec["paths"]["/api/case-studies/"]["get"]["parameters"]}
    assert documented == {*selectors.filter_form_fields(), "page", "page_size"}


def test_every_answer_matches_its_schema_and_has_every_documented_field(client, spec, library):
    page_check = _validator(spec, "CaseStudyPage")
    documented = spec["components"]["schemas"]["CaseStudy"]["properties"]
    for address in (
        "/api/case-studies/",
        "/api/case-studies/?page_size=1&page=2",
        "/api/case-studies/?region=north-east&sort=title",
    ):
        body = json.loads(client.get(address).content)
        page_check.validate(body)
        for record in body["results"]:
            assert set(record) == set(documented)
    detail = json.loads(client.get("/api/case-studies/full/").content)
    _validator(spec, "CaseStudyResult").validate(detail)
    assert detail["result"]["outcomes"][0]["evidence_strength"] == "independent-evaluation"
    assert detail["result"]["partners"][0]["identifiers"] == ["GB-MPR-31122R"]


def test_error_answers_match_their_schema(client, spec):
    errors = _validator(spec, "Errors")
    for address, status in (
        ("/api/case-studies/?region=atlantis", 400),
        ("/api/case-studies/?page=9", 404),
        ("/api/case-studies/nowhere/", 404),
    ):
        response = client.get(address)
        assert response.status_code == status
        assert (
            str(status)
            in spec["paths"][
                "/api/case-studies/" if "nowhere" not in address else "/api/case-studies/{slug}/"
            ]["get"]["responses"]
        )
        errors.validate(json.loads(response.content))


def test_a_field_the_document_does_not_know_fails_the_check(client, spec, library):
    record = json.loads(client.get("/api/case-studies/full/").content)
    record["result"]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        _validator(spec, "CaseStudyResult").validate(record)


def test_the_readable_page_lists_the_operations_and_fields(client):
    page = client.get("/api/").content.decode()
    assert (
        "<code>GET /api/case-studies/</code>" in page
        and "<code>GET /api/case-studies/{slug}/</code>" in page
    )
    assert "<code>evidence_strength</code>" not in page  # nested, described under outcomes
    assert "<code>partner_identifiers</code>" not in page and "<code>partners</code>" in page
    assert "<code>homes_built</code></th><td>integer or empty</td>" in page
    assert 'href="/api/openapi.json"' in page
