"""The lens on save: a case study's neighbourhood, local authority and decile, from its
coordinates or code, recorded with the index it comes from and how it was found."""

import csv
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from casestudies.geography import SHIPPED_DATA_DIR
from casestudies.models import CaseStudy
from casestudies.models.choices import ImdBasis, LocationBasis
from casestudies.services import lens

# (place, region, latitude, longitude, neighbourhood, name, local authority, index, decile)
KNOWN_PLACES = [
    (
        "Middlesbrough town centre",
        "north-east",
        "54.5742",
        "-1.2350",
        "E01012068",
        "Middlesbrough 001A",
        "Middlesbrough",
        "iod2025",
        1,
    ),
    (
        "Stocksfield",
        "north-east",
        "54.9470",
        "-1.9160",
        "E01027509",
        "Northumberland 043D",
        "Northumberland",
        "iod2025",
        9,
    ),
    (
        "Cardiff centre",
        "wales",
        "51.4816",
        "-3.1791",
        "W01002019",
        "Cardiff 032H",
        "Cardiff",
        "wimd2019",
        5,
    ),
    (
        "Glasgow, George Square",
        "scotland",
        "55.8611",
        "-4.2502",
        "S01010260",
        "City Centre East - 02",
        "",
        "simd2020",
        6,
    ),
    (
        "Belfast City Hall",
        "northern-ireland",
        "54.5964",
        "-5.9301",
        "95GG39S1",
        "Shaftesbury_1",
        "Belfast",
        "nimdm2017",
        2,
    ),
]


def shipped_decile(index_file, code_column, code):
    with open(SHIPPED_DATA_DIR / index_file, newline="", encoding="utf-8") as handle:
        return next(
            int(row["imd_decile"]) for row in csv.DictReader(handle) if row[code_column] == code
        )


@pytest.mark.parametrize(
    "place, region, lat, lon, code, name, authority, index, decile",
    KNOWN_PLACES,
    ids=[p[0] for p in KNOWN_PLACES],
)
def test_a_case_study_with_coordinates_gets_its_neighbourhood_authority_and_decile(
    make_case_study, place, region, lat, lon, code, name, authority, index, decile
):
    case_study = make_case_study(
        place,
        region=region,
        latitude=Decimal(lat),
        longitude=Decimal(lon),
        location_basis=LocationBasis.SITE,
    )
    assert (case_study.lsoa_code, case_study.neighbourhood_name) == (code, name)
    assert (case_study.imd_decile, case_study.imd_edition, case_study.imd_basis) == (
        decile,
        index,
        "coordinates",
    )
    assert case_study.local_authority_name == authority


def test_deciles_equal_the_shipped_files(make_case_study):
    stocksfield = make_case_study(latitude=Decimal("54.947"), longitude=Decimal("-1.916"))
    assert stocksfield.imd_decile == shipped_decile(
        "england-iod2025-lsoa21.csv", "lsoa21_code", "E01027509"
    )
    glasgow = make_case_study(
        region="scotland", latitude=Decimal("55.8611"), longitude=Decimal("-4.2502")
    )
    assert glasgow.imd_decile == shipped_decile(
        "scotland-simd2020-dz11.csv", "dz11_code", "S01010260"
    )


def test_the_centre_of_a_place_gives_an_approximate_decile_and_says_why(make_case_study):
    case_study = make_case_study(
        latitude=Decimal("54.947"),
        longitude=Decimal("-1.916"),
        location_basis=LocationBasis.PLACE_CENTRE,
    )
    assert case_study.imd_approximate
    assert "centre of the place named, not the homes" in case_study.deprivation_note


def test_the_centre_of_a_whole_area_gets_no_decile(make_case_study):
    case_study = make_case_study(
        latitude=Decimal("54.55"),
        longitude=Decimal("-1.25"),
        local_authority_code="E06000002",
        location_basis=LocationBasis.AREA_CENTRE,
    )
    assert (case_study.lsoa_code, case_study.imd_decile, case_study.imd_edition) == ("", None, "")
    assert "says nothing about any one neighbourhood" in case_study.deprivation_note


def test_a_local_authority_already_given_is_kept(make_case_study):
    case_study = make_case_study(
        latitude=Decimal("54.5742"),
        longitude=Decimal("-1.2350"),
        local_authority_name="Tees Valley (as the scheme has it)",
    )
    assert case_study.local_authority_name == "Tees Valley (as the scheme has it)"
    assert case_study.lsoa_code == "E01012068"


def test_an_entered_code_overrides_the_coordinates_and_is_named(make_case_study):
    # Coordinates in Stocksfield, code for North Ormesby: the code staff typed wins.
    case_study = make_case_study(
        latitude=Decimal("54.947"), longitude=Decimal("-1.916"), lsoa_code="E01012059"
    )
    assert (case_study.lsoa_code, case_study.neighbourhood_name, case_study.imd_basis) == (
        "E01012059",
        "Middlesbrough 002B",
        "neighbourhood",
    )
    assert case_study.imd_decile == 1
    case_study.lsoa_code = ""
    case_study.save()
    assert (case_study.lsoa_code, case_study.imd_basis, case_study.imd_decile) == (
        "E01027509",
        "coordinates",
        9,
    )


def test_moving_the_coordinates_moves_the_neighbourhood(make_case_study):
    case_study = make_case_study(latitude=Decimal("54.947"), longitude=Decimal("-1.916"))
    case_study.latitude, case_study.longitude = Decimal("54.5742"), Decimal("-1.2350")
    case_study.save(update_fields=["latitude", "longitude"])
    stored = CaseStudy.objects.get(pk=case_study.pk)
    assert (stored.lsoa_code, stored.imd_decile) == ("E01012068", 1)


def test_a_save_of_other_fields_leaves_the_lens_alone(make_case_study):
    case_study = make_case_study(latitude=Decimal("54.947"), longitude=Decimal("-1.916"))
    CaseStudy.objects.filter(pk=case_study.pk).update(imd_decile=5)  # as if from an older edition
    case_study.refresh_from_db()
    case_study.title = "Renamed"
    case_study.save(update_fields=["title"])
    assert CaseStudy.objects.get(pk=case_study.pk).imd_decile == 5


def test_a_decile_entered_by_hand_is_never_overwritten(make_case_study):
    case_study = make_case_study(
        latitude=Decimal("54.947"),
        longitude=Decimal("-1.916"),
        imd_decile=2,
        imd_edition="iod2025",
        imd_basis=ImdBasis.HAND,
    )
    call_command("refresh_deprivation", no_progress=True)
    case_study.refresh_from_db()
    assert (case_study.imd_decile, case_study.imd_basis) == (2, "hand")


def authority_average_decile(authority_code):
    """Where the council's average score sits among all English neighbourhoods' scores, read plainly."""
    with open(
        SHIPPED_DATA_DIR / "england-iod2025-lad24.csv", newline="", encoding="utf-8"
    ) as handle:
        average = next(
            float(row["imd_average_score"])
            for row in csv.DictReader(handle)
            if row["lad24_code"] == authority_code
        )
    with open(
        SHIPPED_DATA_DIR / "england-iod2025-lsoa21.csv", newline="", encoding="utf-8"
    ) as handle:
        scores = [float(row["imd_score"]) for row in csv.DictReader(handle)]
    return sum(score > average for score in scores) * 10 // len(scores) + 1


def test_an_english_local_authority_alone_gives_its_average(make_case_study):
    case_study = make_case_study(local_authority_code="E06000002")  # Middlesbrough
    assert (case_study.imd_decile, case_study.imd_edition, case_study.imd_basis) == (
        authority_average_decile("E06000002"),
        "iod2025",
        "local-authority",
    )
    assert case_study.imd_decile == 2 and case_study.imd_approximate
    northumberland = make_case_study(local_authority_code="E06000057")
    assert northumberland.imd_decile == authority_average_decile("E06000057")


def test_refresh_deprivation_recomputes_every_case_study(make_case_study, capsys):
    moved = make_case_study(latitude=Decimal("54.947"), longitude=Decimal("-1.916"))
    untouched = make_case_study()
    CaseStudy.objects.filter(pk=moved.pk).update(
        imd_decile=None, imd_edition="", imd_basis="", lsoa_code=""
    )
    call_command("refresh_deprivation", no_progress=True)
    assert f"Updated 1 of 2 case studies: {moved.slug}." in capsys.readouterr().out
    moved.refresh_from_db()
    assert (moved.lsoa_code, moved.imd_decile, moved.imd_edition) == ("E01027509", 9, "iod2025")
    call_command("refresh_deprivation", no_progress=True)
    assert "All 2 case studies were up to date." in capsys.readouterr().out
    assert CaseStudy.objects.get(pk=untouched.pk).imd_decile is None


# Bad input ----------------------------------------------------------------------------------


def unsaved(**values):
    values = {
        "title": "Place test",
        "slug": "place-test",
        "summary": "A summary.",
        "region": "north-east",
        **values,
    }
    return CaseStudy(**values)


@pytest.mark.parametrize(
    "values, field, words",
    [
        (
            {"latitude": Decimal("53.35"), "longitude": Decimal("-6.26")},
            "latitude",
            "No neighbourhood was found",
        ),  # Dublin
        (
            {"latitude": Decimal("54.5"), "longitude": Decimal("0.5")},
            "latitude",
            "at sea",
        ),  # North Sea
        (
            {"region": "wales", "latitude": Decimal("54.947"), "longitude": Decimal("-1.916")},
            "latitude",
            "No neighbourhood was found",
        ),
        (
            {"lsoa_code": "E01999999"},
            "lsoa_code",
            "No 2021 Lower layer Super Output Area (LSOA) in England has the code",
        ),
        (
            {"region": "wales", "lsoa_code": "E01012059"},
            "lsoa_code",
            "is a neighbourhood in England, but the region is Wales",
        ),
        (
            {"region": "scotland", "lsoa_code": "95GG39S1"},
            "lsoa_code",
            "in Northern Ireland, but the region is Scotland",
        ),
    ],
    ids=[
        "dublin",
        "north-sea",
        "other-nation-coordinates",
        "unknown-code",
        "english-code-in-wales",
        "ni-code-in-scotland",
    ],
)
def test_bad_place_details_are_explained_and_nothing_is_saved(db, values, field, words):
    case_study = unsaved(**values)
    with pytest.raises(ValidationError) as refused:
        case_study.full_clean()
    assert words in " ".join(refused.value.message_dict[field])
    assert not CaseStudy.objects.exists()


def test_a_point_on_a_boundary_still_belongs_to_a_neighbourhood(db):
    from casestudies import geography

    match = geography.find_neighbourhood(54.5742, -1.2350)
    shape = geography.default().boundaries.geometries[
        geography.default().boundaries.position[match.code]
    ]
    x, y = (
        shape.exterior.coords[0]
        if hasattr(shape, "exterior")
        else shape.geoms[0].exterior.coords[0]
    )
    case_study = unsaved(latitude=Decimal(str(round(y, 6))), longitude=Decimal(str(round(x, 6))))
    case_study.full_clean()
    assert lens.derive(case_study).lsoa_code


def test_staff_see_the_neighbourhood_found_and_can_override_it(publisher_client, make_case_study):
    from django.urls import reverse

    from tests.forms import form_data

    case_study = make_case_study(
        status="review", latitude=Decimal("54.947"), longitude=Decimal("-1.916")
    )
    url = reverse("admin:casestudies_casestudy_change", args=[case_study.pk])
    page = publisher_client.get(url).content.decode()
    assert "E01027509 Northumberland 043D (from the coordinates)" in page
    data = form_data(page, "casestudy_form", lsoa_code="E01012059")
    assert publisher_client.post(url, data).status_code == 302
    case_study.refresh_from_db()
    assert (case_study.lsoa_code, case_study.imd_basis, case_study.imd_decile) == (
        "E01012059",
        "neighbourhood",
        1,
    )
    assert "E01012059 Middlesbrough 002B (as entered)" in publisher_client.get(url).content.decode()
