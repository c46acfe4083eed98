"""Spreadsheet import: every row's problems in plain words before anything is written,
drafts only, organisations matched by slug or name, history, and all or nothing."""

import tablib
from django.urls import reverse

from casestudies.models import CaseStudy
from casestudies.models.choices import Status
from casestudies.workspace import importing
from tests.casestudies.workspace import spreadsheet_helpers

IMPORT = reverse("admin:casestudies_casestudy_import")


def sheet(*rows, headers=importing.HEADERS):
    return spreadsheet_helpers.sheet(headers, *rows)


def upload(client, content, name="partnerships.csv"):
    return spreadsheet_helpers.upload(client, IMPORT, content, name)


GOOD = {
    "Title": "Mill Lane homes",
    "Summary": "Eight homes for local people.",
    "Region": "North West",
    "Community model": "clt",
    "Homes built": "8",
    "Housing association": "Karbon Homes",
    "Community partner": "mill-lane-clt",
    "Source title": "The trust's report",
    "Source address": "https://example.org/report",
}


def test_a_clean_sheet_is_previewed_then_imported_as_drafts_with_partners_and_history(
    editor_client, editor, make_organisation
):
    make_organisation("Karbon Homes", slug="karbon-homes")
    make_organisation(
        "Mill Lane Community Land Trust", slug="mill-lane-clt", kind="community-land-trust"
    )
    preview = upload(editor_client, sheet(GOOD)).content.decode()
    assert "1 case study from partnerships.csv can be imported:" in preview
    assert "They come in as drafts, whatever the sheet says" in preview
    assert not CaseStudy.objects.exists()  # the dry run wrote nothing

    payload = preview.split('name="confirm" value="')[1].split('"')[0]
    done = editor_client.post(IMPORT, {"confirm": payload}, follow=True)
    assert "Imported 1 case study from partnerships.csv as drafts" in done.content.decode()
    imported = CaseStudy.objects.get()
    assert (
        imported.title,
        imported.slug,
        imported.status,
        imported.region,
        imported.homes_built,
    ) == (
        "Mill Lane homes",
        "mill-lane-homes",
        Status.DRAFT,
        "north-west",
        8,
    )
    assert [(p.organisation.slug, p.role) for p in imported.partners.order_by("order")] == [
        ("karbon-homes", "housing-association"),
        ("mill-lane-clt", "community"),
    ]
    assert list(imported.sources.values_list("title", "url")) == [
        ("The trust's report", "https://example.org/report")
    ]
    record = imported.history.get()
    assert (record.history_user, record.history_change_reason) == (
        editor,
        "Imported from a spreadsheet",
    )


def test_one_bad_row_imports_nothing_and_says_what_is_wrong(editor_client, make_organisation):
    make_organisation("Karbon Homes", slug="karbon-homes")
    bad = {
        "Title": "",
        "Region": "Atlantis",
        "Homes built": "a dozen",
        "Housing association": "Nobody Homes",
    }
    page = upload(
        editor_client, sheet(dict(GOOD, **{"Community partner": ""}), bad)
    ).content.decode()
    assert (
        "Nothing has been imported. 1 of the 2 rows in partnerships.csv needs putting right:"
        in page
    )
    line = page.split("<li>Row 3: ")[1].split("</li>")[0]
    assert "Every case study needs a title." in line
    assert "Housing association: No organisation is called “Nobody Homes” (by name or slug)" in line
    assert not CaseStudy.objects.exists()

    bad = {
        "Title": "Second",
        "Region": "Atlantis",
        "Homes built": "a dozen",
        "Housing association": "karbon-homes",
    }
    page = upload(editor_client, sheet(GOOD | {"Community partner": ""}, bad)).content.decode()
    line = page.split("<li>Row 3: ")[1].split("</li>")[0]
    assert "Region: “Atlantis” is not one of: North East," in line
    assert "Homes built: Write a whole number, such as 12, not “a dozen”." in line
    assert not CaseStudy.objects.exists()


def test_a_sheet_cannot_publish_or_overwrite(editor_client, make_case_study, make_organisation):
    make_organisation("Karbon Homes", slug="karbon-homes")
    page = upload(
        editor_client,
        sheet({"Title": "Sneaky", "Status": "published"}, headers=["Title", "Status"]),
    ).content.decode()
    assert "These columns are not ones the import knows: Status." in page
    existing = make_case_study(slug="taken", title="Already here")
    page = upload(
        editor_client, sheet(GOOD | {"Address (slug)": "taken", "Community partner": ""})
    ).content.decode()
    assert "A case study already has the address “taken”: give this one another." in page
    assert CaseStudy.objects.get(slug="taken").title == existing.title


def test_files_that_are_not_spreadsheets_are_refused_in_words(editor_client):
    assert (
        "Upload a spreadsheet saved as CSV (.csv) or Excel (.xlsx)."
        in upload(editor_client, b"x", "notes.txt").content.decode()
    )
    broken = upload(editor_client, b"not really excel", "sheet.xlsx").content.decode()
    assert "The file could not be read as a spreadsheet" in broken
    latin = upload(editor_client, "Title\nCaf\xe9 homes\n".encode("latin-1")).content.decode()
    assert "save it again choosing “CSV UTF-8”" in latin
    assert "has headings but no rows" in upload(editor_client, sheet()).content.decode()


def test_excel_works_as_well_as_csv_and_the_templates_download(editor_client, make_organisation):
    make_organisation("Karbon Homes", slug="karbon-homes")
    workbook = tablib.Dataset(headers=importing.HEADERS)
    workbook.append(
        [(GOOD | {"Community partner": ""}).get(header, "") for header in importing.HEADERS]
    )
    page = upload(editor_client, workbook.export("xlsx"), "sheet.xlsx").content.decode()
    assert "1 case study from sheet.xlsx can be imported" in page

    template = editor_client.get(
        reverse("admin:casestudies_casestudy_import_template", args=["csv"])
    )
    assert template["Content-Disposition"] == 'attachment; filename="case-studies-template.csv"'
    assert template.content.decode().strip().split(",")[:3] == [
        "Title",
        "Address (slug)",
        "Summary",
    ]
    xlsx = editor_client.get(reverse("admin:casestudies_casestudy_import_template", args=["xlsx"]))
    assert tablib.Dataset().load(xlsx.content, format="xlsx").headers == importing.HEADERS


def test_a_tampered_preview_is_refused(editor_client):
    response = editor_client.post(IMPORT, {"confirm": "made-up"}, follow=True)
    assert "That preview has expired: upload the spreadsheet again." in response.content.decode()
    assert not CaseStudy.objects.exists()
