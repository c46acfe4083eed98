"""import_imd: an official Indices of Deprivation file in, deciles out. An imported edition
as new as the shipped English index (or newer) takes its place; an older one does not."""

import csv

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from casestudies.models import CaseStudy, DeprivationArea
from casestudies.models.choices import ImdBasis

HEADERS_2019 = [
    "LSOA code (2011)",
    "LSOA name (2011)",
    "Local Authority District code (2019)",
    "Local Authority District name (2019)",
    "Index of Multiple Deprivation (IMD) Score",
    "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)",
    "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)",
    "Income Score (rate)",
    "Income Rank (where 1 is most deprived)",
    "Income Decile (where 1 is most deprived 10% of LSOAs)",
]

# The 2025 edition's file ranks 2021 neighbourhoods in 2024 districts.
HEADERS_2025 = [h.replace("(2011)", "(2021)").replace("(2019)", "(2024)") for h in HEADERS_2019]

# (LSOA, name, LA code, LA name, score, rank, decile): twenty neighbourhoods, two per decile.
AREAS = [
    (
        f"E0100{i:04d}",
        f"Place {i}",
        "E06000002" if i < 6 else "E06000057",
        "Middlesbrough" if i < 6 else "Northumberland",
        f"{60 - i * 2.5:.3f}",
        i + 1,
        i // 2 + 1,
    )
    for i in range(20)
]


def write_file(path, headers=HEADERS_2025, rows=AREAS, shuffle=False):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        order = list(range(len(headers)))
        if shuffle:  # columns in another order: matched by header, not position
            order = [6, 0, 9, 4, 2, 1, 5, 3, 8, 7]
        writer.writerow([headers[i] for i in order])
        for row in rows:
            full = list(row) + ["0.1", "1", "1"]
            writer.writerow([full[i] for i in order])
    return path


@pytest.fixture
def places(make_case_study):
    return {
        "neighbourhood": make_case_study(
            "In a known neighbourhood", lsoa_code="E01000001", local_authority_code="E06000002"
        ),
        "authority": make_case_study("Only the authority known", local_authority_code="E06000057"),
        "by_hand": make_case_study(
            "Set by hand",
            lsoa_code="E01000019",
            imd_decile=4,
            imd_edition="iod2025",
            imd_basis=ImdBasis.HAND,
        ),
        "nowhere": make_case_study("No codes"),
    }


def test_import_gives_case_studies_their_deciles(db, places, tmp_path, capsys):
    path = write_file(tmp_path / "File_7.csv", shuffle=True)
    call_command("import_imd", str(path), edition="2025", no_progress=True)
    output = capsys.readouterr().out
    assert "Imported 20 neighbourhoods from the 2025 edition." in output
    assert DeprivationArea.objects.filter(edition="2025").count() == 20

    neighbourhood = CaseStudy.objects.get(pk=places["neighbourhood"].pk)
    assert (neighbourhood.imd_decile, neighbourhood.imd_edition, neighbourhood.imd_basis) == (
        1,
        "iod2025",
        "neighbourhood",
    )

    # Northumberland's areas (i = 6..19) average a score of 28.75: 13 of the 20 areas score
    # more, so the authority's average sits in decile 7.
    authority = CaseStudy.objects.get(pk=places["authority"].pk)
    assert (authority.imd_decile, authority.imd_basis) == (7, "local-authority")

    by_hand = CaseStudy.objects.get(pk=places["by_hand"].pk)
    assert (by_hand.imd_decile, by_hand.imd_basis) == (4, "hand")  # left alone
    assert CaseStudy.objects.get(pk=places["nowhere"].pk).imd_decile is None


def test_a_case_study_saved_later_looks_its_decile_up(db, make_case_study, tmp_path):
    call_command(
        "import_imd", str(write_file(tmp_path / "imd.csv")), edition="2025", no_progress=True
    )
    later = make_case_study("Added afterwards", lsoa_code="E01000007")
    assert (later.imd_decile, later.imd_basis) == (4, "neighbourhood")


def test_an_older_edition_than_the_shipped_one_does_not_replace_it(db, places, tmp_path):
    call_command(
        "import_imd",
        str(write_file(tmp_path / "iod2019.csv", headers=HEADERS_2019)),
        edition="2019",
        no_progress=True,
    )
    assert DeprivationArea.objects.filter(edition="2019").count() == 20
    neighbourhood = CaseStudy.objects.get(pk=places["neighbourhood"].pk)
    # E01000001 (City of London 001A) in the shipped English Indices of Deprivation 2025: decile 8.
    assert (neighbourhood.imd_decile, neighbourhood.imd_edition) == (8, "iod2025")


@pytest.mark.parametrize(
    "headers, rows, edition, message",
    [
        (
            HEADERS_2025[:4],
            AREAS,
            "2025",
            "no column starting “index of multiple deprivation (imd) score”",
        ),
        (
            HEADERS_2019,
            AREAS,
            "2025",
            "describes 2011 neighbourhoods, but the 2025 edition uses 2021 neighbourhoods. Use --edition 2019",
        ),
        (
            HEADERS_2025,
            AREAS[:5] + [("E01000099", "X", "E06000002", "X", "12.0", 100, 11)],
            "2025",
            "row 7: the decile “11” is not a whole number from 1 to 10",
        ),
        (
            HEADERS_2025,
            [("N0100001", "X", "E06000002", "X", "12.0", 1, 1)],
            "2025",
            "is not an English LSOA code",
        ),
        (HEADERS_2025, AREAS + [AREAS[0]], "2025", "E01000000 appears twice"),
        (
            HEADERS_2025,
            [("E01000001", "X", "E06000002", "X", "lots", 1, 1)],
            "2025",
            "the score “lots” is not a number",
        ),
        (HEADERS_2025, [], "2025", "the file has a header but no rows"),
    ],
)
def test_a_malformed_file_is_explained_and_nothing_is_half_imported(
    db, places, tmp_path, headers, rows, edition, message
):
    call_command(
        "import_imd", str(write_file(tmp_path / "good.csv")), edition="2025", no_progress=True
    )
    before = list(
        DeprivationArea.objects.order_by("pk").values_list("edition", "lsoa_code", "decile")
    )
    deciles = list(CaseStudy.objects.order_by("pk").values_list("imd_decile", flat=True))
    bad = tmp_path / "bad.csv"
    with open(bad, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(
                list(row)[: len(headers)] + ["0.1", "1", "1"][: max(0, len(headers) - 7)]
            )
    with pytest.raises(CommandError) as refused:
        call_command("import_imd", str(bad), edition=edition, no_progress=True)
    assert message in str(refused.value)
    assert (
        list(DeprivationArea.objects.order_by("pk").values_list("edition", "lsoa_code", "decile"))
        == before
    )
    assert list(CaseStudy.objects.order_by("pk").values_list("imd_decile", flat=True)) == deciles


def test_files_that_are_not_csv_text_are_refused(db, tmp_path):
    binary = tmp_path / "File_7.xlsx"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe\xfa")
    with pytest.raises(CommandError, match="not text in UTF-8|does not look like the official"):
        call_command("import_imd", str(binary), edition="2019", no_progress=True)
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_imd", str(tmp_path / "missing.csv"), edition="2019", no_progress=True)


def test_reimporting_replaces_the_edition(db, tmp_path):
    call_command(
        "import_imd", str(write_file(tmp_path / "a.csv")), edition="2025", no_progress=True
    )
    call_command(
        "import_imd",
        str(write_file(tmp_path / "b.csv", rows=AREAS[:3])),
        edition="2025",
        no_progress=True,
    )
    assert DeprivationArea.objects.count() == 3


def test_staff_setting_a_decile_by_hand_marks_it_so(publisher_client, make_case_study, tmp_path):
    from django.urls import reverse

    from tests.forms import form_data

    call_command(
        "import_imd", str(write_file(tmp_path / "a.csv")), edition="2025", no_progress=True
    )
    case_study = make_case_study(lsoa_code="E01000001", status="review")
    assert case_study.imd_basis == "neighbourhood"
    url = reverse("admin:casestudies_casestudy_change", args=[case_study.pk])
    data = form_data(publisher_client.get(url).content.decode(), "casestudy_form", imd_decile="3")
    assert publisher_client.post(url, data).status_code == 302
    case_study.refresh_from_db()
    assert (case_study.imd_decile, case_study.imd_basis) == (3, "hand")
