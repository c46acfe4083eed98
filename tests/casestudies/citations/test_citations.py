"""Citing a case study: formatted references on the page, files reference managers
read back, and a permanent address that survives renaming."""

import json
import re

import bibtexparser
import pytest
import rispy

from casestudies.models.choices import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(make_case_study):
    return make_case_study(
        "Lyvennet & the {Eden} 100% plan_1", slug="lyvennet", summary="Homes for local people."
    )


def test_the_bibtex_parses_back_with_the_title_and_permanent_address(client, case_study):
    response = client.get(f"/case-studies/{case_study.slug}/citation.bib")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/x-bibtex"
    )
    assert 'filename="lyvennet.bib"' in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "online"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["title"] == r"Lyvennet \& the \{Eden\} 100\% plan\_1"
    assert fields["author"] == "{Partnerships in Place}"  # an organisation, kept whole
    assert fields["url"] == f"http://testserver/cs/{case_study.pk}/"
    assert fields["year"] == str(case_study.updated_at.year)
    assert fields["date"] == f"{case_study.updated_at:%Y-%m-%d}"


def test_the_ris_parses_back(client, case_study):
    [record] = rispy.loads(
        client.get(f"/case-studies/{case_study.slug}/citation.ris").content.decode()
    )
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == "Lyvennet & the {Eden} 100% plan_1"
    assert record["authors"] == ["Partnerships in Place"]
    assert record["urls"] == [f"http://testserver/cs/{case_study.pk}/"]
    assert record["year"] == str(case_study.updated_at.year)


def test_the_csl_json_is_the_item_the_styles_format(client, case_study):
    [item] = json.loads(client.get(f"/case-studies/{case_study.slug}/citation.json").content)
    assert item["type"] == "webpage" and item["title"] == case_study.title
    assert item["issued"] == {
        "date-parts": [
            [case_study.updated_at.year, case_study.updated_at.month, case_study.updated_at.day]
        ]
    }


def test_the_page_offers_harvard_and_apa_with_the_version_date(client, case_study):
    page = client.get(case_study.get_absolute_url()).content.decode()
    section = page[page.index('id="cite-heading"') :]
    year = case_study.updated_at.year
    assert "<h3>Harvard</h3>" in section and "<h3>APA</h3>" in section
    # Harvard: "Partnerships in Place (2026) <i>Title</i>"; APA: "Partnerships in Place. (2026, Month D)."
    assert re.search(
        rf"Partnerships in Place \({year}\) <i>Lyvennet &amp;(amp;)? the \{{Eden\}} 100% plan_1</i>",
        section,
    )
    assert re.search(rf"Partnerships in Place\. \({year}, \w+ \d+\)\.", section)
    assert f"http://testserver/cs/{case_study.pk}/" in section
    assert f"the version of {case_study.updated_at:%Y-%m-%d}" in section
    for kind in ("bib", "ris", "json"):
        assert f'href="/case-studies/lyvennet/citation.{kind}"' in section


def test_markup_in_a_title_is_shown_as_text_in_the_citation(client, make_case_study):
    case_study = make_case_study("<script>alert(1)</script> homes", slug="markup")
    page = client.get(case_study.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_a_draft_has_no_citation(client, make_case_study, publisher):
    from django.test import Client

    staff_client = Client()
    staff_client.force_login(publisher)
    draft = make_case_study("Draft", slug="draft", status=Status.DRAFT)
    for kind in ("bib", "ris", "json"):
        assert client.get(f"/case-studies/draft/citation.{kind}").status_code == 404
        assert staff_client.get(f"/case-studies/draft/citation.{kind}").status_code == 404
    assert client.get(f"/cs/{draft.pk}/").status_code == 404
    assert client.get("/case-studies/lyvennet-x/citation.pdf").status_code == 404


def test_the_stable_address_survives_slug_changes(client, case_study):
    assert client.get(f"/cs/{case_study.pk}/")["Location"] == "/case-studies/lyvennet/"
    case_study.slug = "lyvennet-community-trust"
    case_study.save()
    response = client.get(f"/cs/{case_study.pk}/")
    assert (
        response.status_code == 302
        and response["Location"] == "/case-studies/lyvennet-community-trust/"
    )
    case_study.slug = "lyvennet-again"
    case_study.save()
    assert (
        client.get(f"/cs/{case_study.pk}/", follow=True).redirect_chain[-1][0]
        == "/case-studies/lyvennet-again/"
    )
    assert client.get("/cs/999999/").status_code == 404


def test_the_json_ld_names_the_sources_and_the_version(client, case_study):
    page = client.get(case_study.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["dateModified"] == case_study.updated_at.isoformat()
    assert data["identifier"] == f"http://testserver/cs/{case_study.pk}/"
    assert data["isBasedOn"] == [
        {"@type": "CreativeWork", "name": "Source 1", "url": "https://example.org/"}
    ]
    assert data["citation"] == data["isBasedOn"]
