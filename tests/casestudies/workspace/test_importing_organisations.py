"""Importing organisations: new ones only, successors matched by slug or name, every row's
problems in words before anything is written, and history of who imported them."""

import tablib
from django.urls import reverse

from casestudies.models import Organisation
from casestudies.workspace import importing_organisations
from tests.casestudies.workspace.spreadsheet_helpers import (
    confirm,
    problems_of_row,
    sheet,
    upload,
)

IMPORT = reverse("admin:casestudies_organisation_import")
HEADERS = importing_organisations.HEADERS
CLT = {
    "Name": "Ouseburn Community Land Trust",
    "Kind": "Community land trust",
    "Region": "north-east",
    "Website": "https://example.org/ouseburn",
    "Successor": "",
}


def test_a_clean_sheet_is_previewed_then_imported_with_its_successor_and_history(
    editor_client, editor, make_organisation
):
    make_organisation("Karbon Homes", slug="karbon-homes")
    old = {
        "Name": "Byker Homes",
        "Kind": "housing-association",
        "Successor": "karbon-homes",
    }
    preview = upload(editor_client, IMPORT, sheet(HEADERS, CLT, old)).content.decode()
    assert "2 organisations from partnerships.csv can be imported:" in preview
    assert "<li>Ouseburn Community Land Trust</li>" in preview
    assert not Organisation.objects.filter(name="Byker Homes").exists()  # the dry run wrote nothing

    done = confirm(editor_client, IMPORT, preview).content.decode()
    assert "Imported 2 organisations from partnerships.csv" in done
    clt = Organisation.objects.get(slug="ouseburn-community-land-trust")
    assert (clt.kind, clt.region, clt.website) == (
        "community-land-trust",
        "north-east",
        "https://example.org/ouseburn",
    )
    assert Organisation.objects.get(name="Byker Homes").successor.slug == "karbon-homes"
    record = clt.history.get()
    assert (record.history_user, record.history_change_reason) == (
        editor,
        "Imported from a spreadsheet",
    )


def test_one_bad_row_imports_nothing_and_every_problem_is_named(editor_client, make_organisation):
    make_organisation("Karbon Homes", slug="karbon-homes")
    rows = [
        CLT,
        {"Name": "karbon homes", "Kind": "housing-association"},
        {"Name": "Somewhere Trust", "Kind": "a charity", "Successor": "Nobody Homes"},
        CLT,
    ]
    page = upload(editor_client, IMPORT, sheet(HEADERS, *rows)).content.decode()
    assert (
        "Nothing has been imported. 3 of the 4 rows in partnerships.csv need putting right:" in page
    )
    assert "“Karbon Homes” is already in the library (at /organisations/karbon-homes/)" in (
        problems_of_row(page, 3)
    )
    row_4 = problems_of_row(page, 4)
    assert "Successor: No organisation is called “Nobody Homes” (by name or slug)" in row_4
    assert "Kind: “a charity” is not one of: Housing association," in row_4
    assert "Two rows name “Ouseburn Community Land Trust”: keep one of them." in problems_of_row(
        page, 5
    )
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Karbon Homes"]


def test_the_template_downloads_with_the_headings(editor_client):
    template = reverse("admin:casestudies_organisation_import_template", args=["xlsx"])
    response = editor_client.get(template)
    assert response["Content-Disposition"] == 'attachment; filename="organisations-template.xlsx"'
    assert tablib.Dataset().load(response.content, format="xlsx").headers == HEADERS
    page = editor_client.get(IMPORT).content.decode()
    assert (
        "Its headings are: Name, Address (slug), Kind, Region, Website, Description, Successor."
        in page
    )
    assert 'href="/admin/casestudies/casestudy/import/partners/"' in page  # the other imports


def test_a_columns_it_does_not_know_is_refused(editor_client):
    page = upload(editor_client, IMPORT, sheet(["Name", "Logo"], {"Name": "A"})).content.decode()
    assert "These columns are not ones the import knows: Logo." in page
