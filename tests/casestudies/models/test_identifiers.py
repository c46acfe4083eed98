"""Organisation identifiers in org-id.guide form: validated, shown, exported."""

import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError

from casestudies.models import OrganisationIdentifier
from casestudies.models.identifiers import validate_identifier
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "identifier",
    [
        "GB-COH-08123456",
        "GB-COH-SC123456",
        "GB-CHC-1123456",
        "GB-CHC-212345",
        "GB-SC-SC012345",
        "GB-NIC-100123",
        "GB-MPR-31122R",
        "GB-MPR-7123",
        "GB-MPR-IP12345R",
        "GB-LAE-NBL",
        "GB-LAS-EDH",
        "GB-LAW-CRF",
        "GB-LANI-BFS",
    ],
)
def test_identifiers_in_each_registers_form_are_accepted(identifier):
    validate_identifier(identifier)


@pytest.mark.parametrize(
    "identifier, message",
    [
        ("08123456", "Start with the register's prefix"),
        ("GB-XYZ-123", "Start with the register's prefix"),
        (
            "GB-COH-123",
            "“123” is not a number in the form the Companies House uses: for example GB-COH-08123456.",
        ),
        ("GB-CHC-12a456", "Charity Commission for England and Wales"),
        ("GB-SC-012345", "Scottish Charity Regulator uses: for example GB-SC-SC012345"),
        ("GB-LAE-Northumberland", "Local authorities in England"),
    ],
)
def test_an_identifier_in_the_wrong_form_is_refused_in_plain_words(identifier, message):
    with pytest.raises(ValidationError) as refused:
        validate_identifier(identifier)
    assert message in refused.value.messages[0]


def test_identifiers_are_shown_on_the_organisation_page_and_exported(
    client, make_organisation, make_case_study
):
    lead = make_organisation("Lead Homes", slug="lead-homes")
    OrganisationIdentifier.objects.create(organisation=lead, identifier="GB-COH-08123456")
    OrganisationIdentifier.objects.create(organisation=lead, identifier="GB-MPR-31122R")
    make_case_study("Scheme", slug="scheme", partners=[(lead, "housing-association")])
    page = client.get("/organisations/lead-homes/").content.decode()
    assert (
        "<code>GB-COH-08123456</code> (Companies House), <code>GB-MPR-31122R</code> (Mutuals Public Register (registered societies))"
        in page
    )
    [row] = csv.DictReader(
        io.StringIO(b"".join(client.get("/case-studies.csv").streaming_content).decode("utf-8-sig"))
    )
    assert row["partner_identifiers"] == "GB-COH-08123456 GB-MPR-31122R"
    record = json.loads(client.get("/api/case-studies/scheme/").content)["result"]
    assert record["partners"][0]["identifiers"] == ["GB-COH-08123456", "GB-MPR-31122R"]


def test_the_workspace_refuses_a_wrong_identifier_and_saves_nothing(
    publisher_client, make_organisation
):
    organisation = make_organisation("Lead Homes", slug="lead-homes")
    url = f"/admin/casestudies/organisation/{organisation.pk}/change/"
    data = form_data(publisher_client.get(url).content.decode(), "organisation_form")
    data["identifiers-0-identifier"] = ["GB-COH-123"]
    data["description"] = ["Changed."]
    response = publisher_client.post(url, data)
    assert response.status_code == 200
    assert "is not a number in the form the Companies House uses" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.description == "" and not OrganisationIdentifier.objects.exists()
    data["identifiers-0-identifier"] = [
        " gb-coh-08123456 "
    ]  # typed in lower case, with spaces: accepted as written by the register
    assert publisher_client.post(url, data).status_code == 302
    assert list(OrganisationIdentifier.objects.values_list("identifier", flat=True)) == [
        "GB-COH-08123456"
    ]
