"""Briefings as PDF: what a reader gets, read back from the PDF's own text."""

import io
import re

import pytest
from pypdf import PdfReader

from casestudies.briefings import render
from casestudies.models import Guide, GuideEntry, Indicator, Outcome
from casestudies.models.choices import Status


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)), len(
        reader.pages
    )


@pytest.fixture
def reported(make_case_study):
    """Two case studies with figures and an outcome resting on a named source."""
    indicator = Indicator.objects.order_by("pk").first()
    made = []
    for number, homes in ((1, 7), (2, 12)):
        case_study = make_case_study(
            f"Village homes {number}",
            homes_built=homes,
            homes_social_rent=homes,
            community_model="clt",
            key_messages=f"Keep the freehold {number}.",
        )
        source = case_study.sources.first()
        source.title = f"Annual report {number}"
        source.save()
        Outcome.objects.create(
            case_study=case_study, indicator=indicator, value=homes * 10, year=2015, source=source
        )
        made.append(case_study)
    return made


def test_a_case_study_briefing_holds_its_basics_messages_outcomes_sources_and_licence(
    client, reported
):
    text, pages = pdf_text(client.get(f"/case-studies/{reported[0].slug}/briefing.pdf"))
    assert "Village homes 1" in text and "Keep the freehold 1." in text
    assert "7 social rent" in text
    assert "Annual report 1" in text and "70" in text
    assert "CC BY 4.0" in text
    assert "Contents" in text
    assert pages >= 3  # cover, contents, the case study, the licence


def test_a_guide_briefing_holds_its_argument_and_only_its_published_case_studies(
    client, reported, make_case_study
):
    guide = Guide.objects.create(
        title="Examples to copy",
        slug="examples",
        introduction="Why these two.",
        key_lessons="Lease, do not sell.",
        status=Status.PUBLISHED,
    )
    draft = make_case_study("Secret draft", status=Status.DRAFT)
    for order, case_study in enumerate([*reported, draft]):
        GuideEntry.objects.create(
            guide=guide, case_study=case_study, note=f"Note {order}.", order=order
        )
    text, _ = pdf_text(client.get("/guides/examples/briefing.pdf"))
    assert "Why these two." in text and "Lease, do not sell." in text
    for case_study in reported:
        assert case_study.title in text
    assert "Annual report 1" in text and "Annual report 2" in text and "120" in text
    assert "Note 0." in text and "Secret draft" not in text


def test_a_filtered_finder_view_downloads_as_a_briefing(client, reported, make_case_study):
    make_case_study("Cohousing elsewhere", community_model="cohousing")
    text, _ = pdf_text(client.get("/case-studies/briefing.pdf?model=clt"))
    assert "Village homes 1" in text and "Village homes 2" in text
    assert "Cohousing elsewhere" not in text


def test_more_than_fifty_case_studies_are_refused_with_a_message(client, make_case_study):
    for _ in range(render.MOST_CASE_STUDIES + 1):
        make_case_study(region="wales")
    response = client.get("/case-studies/briefing.pdf?region=wales")
    assert response.status_code == 400
    assert (
        "These filters match 51 case studies, and a briefing holds at most 50."
        in response.content.decode()
    )
    assert 'href="/case-studies/?region=wales"' in response.content.decode()
    finder = client.get("/case-studies/?region=wales").content.decode()
    assert "narrow the filters to download one" in finder and "briefing.pdf" not in finder


def test_unpublished_case_studies_have_no_briefing(client, make_case_study):
    draft = make_case_study(status=Status.DRAFT)
    assert client.get(f"/case-studies/{draft.slug}/briefing.pdf").status_code == 404


def test_without_pango_the_route_says_so_plainly(client, reported, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    response = client.get(f"/case-studies/{reported[0].slug}/briefing.pdf")
    assert response.status_code == 503
    assert "lacks the Pango text layout library" in response.content.decode()


def test_a_located_case_study_gets_a_map_with_the_boundaries_credited(client, make_case_study):
    from casestudies import geography

    located = make_case_study(
        "Stocksfield homes", latitude="54.947", longitude="-1.906", location_basis="place-centre"
    )
    text, _ = pdf_text(client.get(f"/case-studies/{located.slug}/briefing.pdf"))
    statement = geography.BOUNDARY_LAYERS["england-wales-lsoa21-boundaries.geojson.gz"].attribution
    assert re.sub(r"\s+", " ", statement) in text
    assert "with its neighbourhood shaded" in text


def test_pages_link_to_their_briefings(client, reported):
    guide = Guide.objects.create(
        title="Examples", slug="examples", introduction="Why.", status=Status.PUBLISHED
    )
    GuideEntry.objects.create(guide=guide, case_study=reported[0], note="Note.")
    assert (
        'href="/guides/examples/briefing.pdf"' in client.get("/guides/examples/").content.decode()
    )
    assert (
        f'href="/case-studies/{reported[0].slug}/briefing.pdf"'
        in client.get(reported[0].get_absolute_url()).content.decode()
    )
    assert (
        'href="/case-studies/briefing.pdf?model=clt"'
        in client.get("/case-studies/?model=clt").content.decode()
    )


def test_filters_that_cannot_be_used_make_no_briefing(client, reported):
    response = client.get("/case-studies/briefing.pdf?completed_from=soon")
    assert response.status_code == 400
    assert (
        "Some of these filters could not be used, so no briefing was made."
        in response.content.decode()
    )
    assert client.get("/case-studies/briefing.pdf?region=wales").status_code == 404
