"""Importing partners: an organisation already in the library added to a draft or a case
study in review, both matched by slug or name; never into a published one; history shows
them added; all or nothing, even if something changes between the preview and the import."""

from django.urls import reverse

from casestudies.models import CaseStudyPartner
from casestudies.models.choices import Status
from casestudies.workspace import history, importing_partners
from tests.casestudies.workspace.spreadsheet_helpers import (
    confirm,
    problems_of_row,
    sheet,
    upload,
)

IMPORT = reverse("admin:casestudies_casestudy_import_partners")
HEADERS = importing_partners.HEADERS


def test_partners_come_into_a_draft_by_name_or_slug_and_history_shows_them(
    editor_client, editor, make_case_study, make_organisation
):
    draft = make_case_study(title="Mill Lane homes", slug="mill-lane", status=Status.DRAFT)
    make_organisation("Karbon Homes", slug="karbon-homes")
    make_organisation("Mill Lane CLT", slug="mill-lane-clt", kind="community-land-trust")
    rows = [
        {
            "Case study": "mill-lane",
            "Organisation": "Karbon Homes",
            "Role": "Housing association partner",
        },
        {
            "Case study": "Mill Lane Homes",
            "Organisation": "mill-lane-clt",
            "Role": "community",
            "Role detail": "owns the land",
            "Order": "5",
        },
    ]
    preview = upload(editor_client, IMPORT, sheet(HEADERS, *rows)).content.decode()
    assert "2 partners from partnerships.csv can be imported:" in preview
    assert draft.partners.count() == 1  # the dry run wrote nothing

    done = confirm(editor_client, IMPORT, preview).content.decode()
    assert (
        "Imported 2 partners from partnerships.csv into drafts and case studies in review" in done
    )
    assert [
        (p.organisation.slug, p.role, p.role_detail, p.order)
        for p in draft.partners.order_by("order", "pk")
    ][1:] == [
        ("karbon-homes", "housing-association", "", 1),
        ("mill-lane-clt", "community", "owns the land", 5),
    ]
    newest = history.versions(draft)[0]
    assert newest.record.history_change_reason == "Partners imported from a spreadsheet"
    assert newest.record.history_user == editor
    partners = next(change for change in newest.changes if change.label == "Partners")
    assert partners.added == [
        "Karbon Homes (housing association partner)",
        "Mill Lane CLT (community partner, owns the land)",
    ]


def test_nothing_goes_into_a_published_case_study_and_every_problem_is_named(
    publisher_client, make_case_study, make_organisation
):
    live = make_case_study(title="Live homes", slug="live")
    make_case_study(title="Draft homes", slug="draft", status=Status.DRAFT)
    make_organisation("Karbon Homes", slug="karbon-homes")
    rows = [
        {"Case study": "draft", "Organisation": "karbon-homes", "Role": "housing-association"},
        {"Case study": "live", "Organisation": "karbon-homes", "Role": "housing-association"},
        {"Case study": "nowhere", "Organisation": "Nobody", "Role": "funder", "Order": "first"},
        {"Case study": "draft", "Organisation": "karbon-homes", "Role": "housing-association"},
    ]
    page = upload(publisher_client, IMPORT, sheet(HEADERS, *rows)).content.decode()
    assert "Nothing has been imported. 3 of the 4 rows" in page
    assert "“Live homes” is published: partners are imported only into drafts" in problems_of_row(
        page, 3
    )
    row_4 = problems_of_row(page, 4)
    assert "Case study: No case study has the title or address “nowhere”." in row_4
    assert "Organisation: No organisation is called “Nobody”" in row_4
    assert "Order: Write a whole number, such as 1, not “first”." in row_4
    assert "Karbon Homes is already a partner in “Draft homes” in that role." in problems_of_row(
        page, 5
    )
    assert live.partners.count() == 1
    assert not CaseStudyPartner.objects.filter(organisation__slug="karbon-homes").exists()


def test_a_change_between_preview_and_import_rolls_everything_back(
    editor_client, make_case_study, make_organisation
):
    draft = make_case_study(title="Draft homes", slug="draft", status=Status.DRAFT)
    make_organisation("Karbon Homes", slug="karbon-homes")
    leaving = make_organisation(
        "Short Lived Trust", slug="short-lived", kind="community-land-trust"
    )
    rows = [
        {"Case study": "draft", "Organisation": "karbon-homes", "Role": "housing-association"},
        {"Case study": "draft", "Organisation": "short-lived", "Role": "community"},
    ]
    preview = upload(editor_client, IMPORT, sheet(HEADERS, *rows)).content.decode()
    versions_before = draft.history.count()
    leaving.delete()
    page = confirm(editor_client, IMPORT, preview).content.decode()
    assert "Nothing has been imported. 1 of the 2 rows" in page
    assert draft.partners.count() == 1 and draft.history.count() == versions_before


def test_only_those_who_may_change_case_studies_may_import_partners(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.get(IMPORT).status_code == 403
