"""The demo library loader and the synthetic generator."""

import copy
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import RestrictedError

from casestudies.demo import library, loader
from casestudies.models import (
    CaseStudy,
    CaseStudyPartner,
    Indicator,
    Organisation,
    Outcome,
    Source,
    Theme,
)
from casestudies.models.choices import OrganisationKind, PartnerRole, Status


@pytest.fixture
def demo(db):
    call_command("load_demo_data", no_images=True, verbosity=0)


def test_demo_library_holds_the_real_partnerships(demo):
    titles = list(CaseStudy.objects.values_list("title", flat=True))
    assert len(titles) >= 25
    for expected in [
        "Stocksfield",
        "North Ormesby",
        "Middlesbrough Community Land Trust",
        "Norton-sub-Hamdon",
        "Lyme Regis",
        "Keswick",
        "Chapeltown",
        "Lozells",
        "Granby",
        "Homebaked",
        "Fishponds Road",
        "Lockleaze",
        "Lawrence Weston",
        "Saffron Heath",
        "Homes for Change",
        "New Ground",
        "Lyvennet",
        "Cashes Green",
        "Symene",
        "Seend",
        "Solva",
        "Staffin",
        "Tees Valley",
        "Cornwall",
    ]:
        assert any(expected in title for title in titles), expected
    assert CaseStudy.objects.published().count() == len(titles) == len(library.CASE_STUDIES)
    assert not CaseStudy.objects.filter(is_synthetic=True).exists()


def test_the_library_reaches_every_nation_and_the_places_it_lacked(demo):
    regions = set(CaseStudy.objects.values_list("region", flat=True))
    assert {"wales", "scotland", "london", "east-midlands", "north-west", "south-west"} <= regions
    assert CaseStudy.objects.filter(region="north-east").count() < CaseStudy.objects.count() / 3


def test_every_demo_case_study_has_what_a_reader_and_the_map_need(demo):
    for case_study in CaseStudy.objects.prefetch_related("partners__organisation"):
        assert case_study.summary and case_study.region, case_study.slug
        assert case_study.sources.exists(), case_study.slug
        partners = list(case_study.partners.all())
        assert partners, case_study.slug
        assert any(p.organisation.kind == OrganisationKind.HOUSING_ASSOCIATION for p in partners), (
            case_study.slug
        )
        assert case_study.latitude is not None and case_study.longitude is not None, case_study.slug
        assert case_study.location_basis, case_study.slug
        # Place centres to four decimal places (about 10 m), never more precise than that.
        assert case_study.latitude == case_study.latitude.quantize(Decimal("0.0001")), (
            case_study.slug
        )
        assert case_study.longitude == case_study.longitude.quantize(Decimal("0.0001")), (
            case_study.slug
        )


def test_area_centres_say_they_are_not_a_neighbourhood(demo):
    area_centres = CaseStudy.objects.filter(location_basis="area-centre")
    assert area_centres.exists()
    for case_study in area_centres:
        assert "neighbourhood" in case_study.verification_notes, case_study.slug


def test_every_outcome_rests_on_one_of_its_own_sources(demo):
    outcomes = Outcome.objects.select_related("source", "case_study")
    assert outcomes.count() >= 30
    for outcome in outcomes:
        assert outcome.source is not None, outcome
        assert outcome.source.case_study_id == outcome.case_study_id, outcome
        assert outcome.method == ""  # the source says where it comes from, not a generic phrase


def test_a_case_study_whose_outcomes_rest_on_its_sources_can_still_be_deleted(demo):
    stocksfield = CaseStudy.objects.get(slug="stocksfield-scata-isos-housing")
    source = stocksfield.outcomes.first().source
    stocksfield.delete()
    assert not Outcome.objects.filter(case_study_id=stocksfield.pk).exists()
    assert not Source.objects.filter(pk=source.pk).exists()
    keswick_source = (
        Outcome.objects.filter(case_study__slug="keswick-community-housing-trust-impact")
        .first()
        .source
    )
    with pytest.raises(RestrictedError):
        keswick_source.delete()  # an outcome still rests on it


def test_every_source_in_the_data_says_what_kind_of_source_it_is():
    kinds = set()
    for data in library.CASE_STUDIES:
        for source in data["sources"]:
            assert source["kind"] in library.SOURCE_KINDS, (data["slug"], source["key"])
            kinds.add(source["kind"])
    assert {"own-account", "official", "press", "evaluation", "research"} <= kinds


def test_the_library_checks_its_own_data(monkeypatch):
    assert loader.library_problems() == []
    broken = copy.deepcopy(library.CASE_STUDIES)
    broken[0]["sources"][0]["kind"] = "rumour"
    broken[1]["outcomes"][0]["source"] = "nowhere"
    broken[2]["partners"].append(("nobody-at-all", "community", ""))
    monkeypatch.setattr(library, "CASE_STUDIES", broken)
    problems = loader.library_problems()
    assert any("no known kind" in problem for problem in problems)
    assert any("nowhere" in problem for problem in problems)
    assert any("nobody-at-all" in problem for problem in problems)
    with pytest.raises(ValueError, match="problems"):
        loader.load_demo_library(images=False)


def test_extra_indicators_are_added_only_where_the_starting_set_lacks_them(demo):
    seeded = {
        "homes-built",
        "homes-refurbished",
        "community-owned-assets",
        "shared-spaces",
        "places-to-interact",
    }
    assert seeded <= set(Indicator.objects.values_list("slug", flat=True))
    assert not seeded & {data["slug"] for data in library.INDICATORS}
    for data in library.INDICATORS:
        assert Outcome.objects.filter(indicator__slug=data["slug"]).exists(), data["slug"]


def test_stocksfield_facts_are_carried_over(demo):
    stocksfield = CaseStudy.objects.get(slug="stocksfield-scata-isos-housing")
    assert stocksfield.homes_built == 7
    assert stocksfield.homes_affordable_rent == 7
    assert stocksfield.capital_cost == 930000
    assert stocksfield.grant_funding == 364000
    assert stocksfield.year_completed == 2015
    assert stocksfield.local_authority_code == "E06000057"
    partners = [
        p.organisation.display_name
        for p in stocksfield.partners.select_related("organisation__successor")
    ]
    assert "Isos Housing (now part of Karbon Homes)" in partners
    assert "six homes" in stocksfield.verification_notes  # the press report's discrepancy is marked


def test_an_ended_partnership_is_kept_as_a_lesson(demo):
    homebaked = CaseStudy.objects.get(slug="homebaked-clt-your-housing-anfield")
    assert homebaked.partnership_status == "ended"
    assert homebaked.homes_total == 0
    assert "withdrew" in homebaked.body and "open market" in homebaked.body
    assert homebaked.themes.filter(slug="lessons-from-setbacks").exists()
    role = homebaked.partners.get(organisation__slug="your-housing-group")
    assert role.role == PartnerRole.HOUSING_ASSOCIATION and "withdrew" in role.role_detail
    ended = set(CaseStudy.objects.filter(partnership_status="ended").values_list("slug", flat=True))
    assert ended == {"homebaked-clt-your-housing-anfield", "nancledra-cornwall-clt-coastline"}


def test_every_named_organisation_exists_with_its_successor(demo):
    assert Organisation.objects.count() == len(library.ORGANISATIONS)
    assert Organisation.objects.get(slug="isos-housing").successor.name == "Karbon Homes"
    assert Organisation.objects.get(slug="united-communities").successor.name == "Brighter Places"
    with_successor = {data["slug"] for data in library.ORGANISATIONS if "successor" in data}
    assert with_successor == {
        "isos-housing",
        "united-communities",
    }  # only the successions the facts give


def test_leads_without_a_housing_association_are_not_presented_as_partnerships(demo):
    for lead in ("Canopy", "Leeds Community Homes", "London CLT", "Citizens House"):
        assert not CaseStudy.objects.filter(title__icontains=lead).exists(), lead
        assert not Organisation.objects.filter(name__icontains=lead).exists(), lead


def _snapshot():
    return {
        "case studies": list(CaseStudy.objects.order_by("pk").values()),
        "partners": list(CaseStudyPartner.objects.order_by("pk").values()),
        "sources": list(Source.objects.order_by("pk").values()),
        "outcomes": list(Outcome.objects.order_by("pk").values()),
        "organisations": list(Organisation.objects.order_by("pk").values()),
        "indicators": list(Indicator.objects.order_by("pk").values()),
        "themes": list(Theme.objects.order_by("pk").values()),
        "history": [
            model.history.count()
            for model in (
                CaseStudy,
                CaseStudyPartner,
                Source,
                Outcome,
                Organisation,
                Indicator,
                Theme,
            )
        ],
    }


def test_running_the_loader_twice_changes_nothing(demo, capsys):
    snapshot = _snapshot()
    call_command("load_demo_data", no_images=True)
    assert "nothing changed" in capsys.readouterr().out
    call_command("load_demo_data", update=True, no_images=True)
    assert "nothing changed" in capsys.readouterr().out
    assert _snapshot() == snapshot


def test_loader_leaves_staff_edits_alone_unless_asked(demo):
    CaseStudy.objects.filter(slug="wessex-clt-project").update(title="Edited by staff")
    call_command("load_demo_data", no_images=True, verbosity=0)
    assert CaseStudy.objects.get(slug="wessex-clt-project").title == "Edited by staff"
    call_command("load_demo_data", update=True, no_images=True, verbosity=0)
    assert CaseStudy.objects.get(slug="wessex-clt-project").title.startswith(
        "The Wessex CLT Project"
    )


def _make_it_look_like_the_old_demo():
    """The demo as it stood before: twelve case studies, outcomes resting on no source,
    Chapeltown counted as built, no United Communities, Lozells' old story."""
    CaseStudy.objects.filter(
        slug__in=["granby-four-streets-clt", "homebaked-clt-your-housing-anfield", "solva-clt-ateb"]
    ).delete()
    Outcome.objects.update(source=None, method="As reported in this case study's sources")
    chapeltown = CaseStudy.objects.get(slug="chapeltown-cohousing-unity-homes")
    Outcome.objects.filter(case_study=chapeltown).delete()
    Outcome.objects.create(
        case_study=chapeltown,
        indicator=Indicator.objects.get(slug="homes-built"),
        value=63,
        method="As reported",
    )
    CaseStudy.objects.filter(slug="housing-21-lozells-cohousing").update(
        stage="", homes_built=None, homes_total=None, location_basis=""
    )
    Source.objects.filter(case_study=chapeltown, order=1).delete()
    Organisation.objects.filter(slug="isos-housing").update(successor=None)
    Organisation.objects.filter(slug="united-communities").update(successor=None)


def test_update_brings_an_older_demo_up_to_the_new_content(demo, capsys):
    fresh = _snapshot()
    _make_it_look_like_the_old_demo()
    call_command(
        "load_demo_data", no_images=True, verbosity=0
    )  # without --update: only what is missing
    assert CaseStudy.objects.filter(slug="granby-four-streets-clt").exists()
    assert Outcome.objects.filter(source__isnull=True).exists()
    call_command("load_demo_data", update=True, no_images=True)
    out = capsys.readouterr().out
    assert "chapeltown-cohousing-unity-homes" in out and "housing-21-lozells-cohousing" in out
    assert not Outcome.objects.filter(source__isnull=True).exists()
    assert not Outcome.objects.filter(case_study__slug="chapeltown-cohousing-unity-homes").exists()
    lozells = CaseStudy.objects.get(slug="housing-21-lozells-cohousing")
    assert (
        lozells.stage == "build"
        and lozells.homes_built == 25
        and lozells.location_basis == "place-centre"
    )
    assert Organisation.objects.get(slug="united-communities").successor.slug == "brighter-places"
    now = _snapshot()
    for key in ("indicators", "themes"):
        assert now[key] == fresh[key], key
    successions = [
        [(o["slug"], o["name"], o["successor_id"]) for o in snapshot["organisations"]]
        for snapshot in (now, fresh)
    ]
    assert successions[0] == successions[1]
    assert len(now["case studies"]) == len(fresh["case studies"])
    assert len(now["outcomes"]) == len(fresh["outcomes"]) and len(now["sources"]) == len(
        fresh["sources"]
    )
    # And once up to date, running it again changes nothing.
    call_command("load_demo_data", update=True, no_images=True)
    assert "nothing changed" in capsys.readouterr().out


def test_a_case_study_renamed_in_the_demo_keeps_its_record_and_old_address(
    demo, monkeypatch, client
):
    old = CaseStudy.objects.get(slug="seend-clat-white-horse-housing")
    renamed = copy.deepcopy(library.CASE_STUDIES)
    entry = next(data for data in renamed if data["slug"] == "seend-clat-white-horse-housing")
    entry["slug"] = "seend-passivhaus-homes"
    entry["former_slugs"] = ["seend-clat-white-horse-housing"]
    monkeypatch.setattr(library, "CASE_STUDIES", renamed)

    call_command("load_demo_data", no_images=True, verbosity=0)
    assert not CaseStudy.objects.filter(slug="seend-passivhaus-homes").exists()  # never a duplicate
    call_command("load_demo_data", update=True, no_images=True, verbosity=0)
    assert CaseStudy.objects.get(slug="seend-passivhaus-homes").pk == old.pk
    assert CaseStudy.objects.count() == len(renamed)
    response = client.get("/case-studies/seend-clat-white-horse-housing/")
    assert (
        response.status_code == 301
        and response["Location"] == "/case-studies/seend-passivhaus-homes/"
    )


def test_a_case_study_retired_from_the_demo_is_archived_not_deleted(demo, monkeypatch, client):
    monkeypatch.setattr(
        library,
        "RETIRED_CASE_STUDIES",
        {"hartlepool-ndc-trust-chapel-conversion": "no longer in the demo"},
    )
    monkeypatch.setattr(
        library,
        "CASE_STUDIES",
        [d for d in library.CASE_STUDIES if d["slug"] != "hartlepool-ndc-trust-chapel-conversion"],
    )
    call_command("load_demo_data", no_images=True, verbosity=0)
    assert (
        CaseStudy.objects.get(slug="hartlepool-ndc-trust-chapel-conversion").status
        == Status.PUBLISHED
    )
    call_command("load_demo_data", update=True, no_images=True, verbosity=0)
    retired = CaseStudy.objects.get(slug="hartlepool-ndc-trust-chapel-conversion")
    assert retired.status == Status.ARCHIVED
    assert "Retired from the demo library" in retired.history.first().history_change_reason
    assert client.get("/case-studies/hartlepool-ndc-trust-chapel-conversion/").status_code == 404
    before = CaseStudy.history.count()
    call_command("load_demo_data", update=True, no_images=True, verbosity=0)
    assert CaseStudy.history.count() == before


def test_if_empty_does_not_load_into_a_library_in_use(db, make_case_study, capsys):
    make_case_study()
    call_command("load_demo_data", if_empty=True)
    assert "not loaded" in capsys.readouterr().out
    assert CaseStudy.objects.count() == 1


def test_synthetic_case_studies_are_clearly_labelled(db):
    call_command("generate_case_studies", count=30, no_progress=True, verbosity=0)
    synthetic = CaseStudy.objects.filter(is_synthetic=True)
    assert synthetic.count() == 30
    for case_study in synthetic:
        assert case_study.title.startswith("Synthetic case study")
        assert "not a real scheme" in case_study.summary
        assert case_study.partners.count() >= 2
        assert case_study.sources.exists()
        assert case_study.homes_total == case_study.compute_homes_total()
    assert all(
        name.startswith("Synthetic ")
        for name in Organisation.objects.values_list("name", flat=True)
    )


def test_synthetic_generation_adds_and_replaces(db):
    call_command("generate_case_studies", count=5, no_progress=True, verbosity=0)
    call_command("generate_case_studies", count=5, no_progress=True, verbosity=0)
    assert CaseStudy.objects.filter(is_synthetic=True).count() == 10
    call_command("generate_case_studies", count=3, replace=True, no_progress=True, verbosity=0)
    assert CaseStudy.objects.filter(is_synthetic=True).count() == 3
    assert CaseStudy.objects.published().count() == 3


def test_local_staff_login_is_random_and_kept(db, settings, tmp_path, capsys):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True
    settings.DATA_DIR = tmp_path
    call_command("ensure_local_staff")
    first = capsys.readouterr().out
    password = (tmp_path / "local-staff-password.txt").read_text().strip()
    assert f"password: {password}" in first
    assert len(password) >= 12
    user = get_user_model().objects.get(username="admin")
    assert user.is_staff and user.check_password(password)
    call_command("ensure_local_staff")
    assert f"password: {password}" in capsys.readouterr().out  # same login on the next run


def test_local_staff_login_refuses_production(db, settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_local_staff")


# Deprivation, from the coordinates ----------------------------------------------------------


def test_demo_deciles_come_from_the_coordinates_and_match_the_facts(demo):
    from casestudies import geography

    # Part A of more-case-studies.md: both of North Ormesby's neighbourhoods are in decile 1 and
    # in the most deprived 1% of England (ranks 47 and 138 of 32,844 in the 2019 index).
    ormesby = CaseStudy.objects.get(slug="north-ormesby-empty-homes")
    assert ormesby.lsoa_code in {"E01012058", "E01012059"}
    assert (ormesby.imd_decile, ormesby.imd_edition, ormesby.imd_basis) == (
        1,
        "iod2025",
        "coordinates",
    )
    assert geography.decile_for(ormesby.lsoa_code, "iod2019").rank <= 328
    # Stocksfield's ward spans deciles 8 to 9.
    stocksfield = CaseStudy.objects.get(slug="stocksfield-scata-isos-housing")
    assert 8 <= stocksfield.imd_decile <= 9 and stocksfield.local_authority_code == "E06000057"
    assert CaseStudy.objects.get(slug="solva-clt-ateb").imd_edition == "wimd2019"
    assert (
        CaseStudy.objects.get(slug="staffin-community-trust-lochalsh-skye").imd_edition
        == "simd2020"
    )


def test_demo_place_centres_are_marked_approximate_and_area_centres_get_no_decile(demo):
    for case_study in CaseStudy.objects.filter(location_basis="place-centre"):
        assert case_study.imd_decile and case_study.imd_approximate, case_study.slug
        assert "centre of the place named" in case_study.deprivation_note, case_study.slug
    area_centres = CaseStudy.objects.filter(location_basis="area-centre")
    assert area_centres.count() == 4
    for case_study in area_centres:
        assert (case_study.imd_decile, case_study.lsoa_code) == (None, ""), case_study.slug
        assert "says nothing about any one neighbourhood" in case_study.deprivation_note, (
            case_study.slug
        )


def test_reloading_the_demo_keeps_its_deciles(demo):
    before = list(
        CaseStudy.objects.order_by("slug").values_list(
            "slug", "lsoa_code", "imd_decile", "imd_edition"
        )
    )
    call_command("load_demo_data", update=True, no_images=True, verbosity=0)
    after = list(
        CaseStudy.objects.order_by("slug").values_list(
            "slug", "lsoa_code", "imd_decile", "imd_edition"
        )
    )
    assert after == before
