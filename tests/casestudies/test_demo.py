"""The demo library loader and the synthetic generator."""

import pytest
from django.core.management import call_command

from casestudies.demo import library
from casestudies.models import CaseStudy, CaseStudyPartner, Organisation, Source


@pytest.fixture
def demo(db):
    call_command("load_demo_data", no_images=True, verbosity=0)


def test_demo_library_holds_the_real_partnerships(demo):
    titles = list(CaseStudy.objects.values_list("title", flat=True))
    assert len(titles) >= 8
    for expected in ["Stocksfield", "North Ormesby", "Middlesbrough Community Land Trust", "Norton-sub-Hamdon",
                     "Lyme Regis", "Keswick", "Chapeltown", "Lozells"]:
        assert any(expected in title for title in titles), expected
    assert CaseStudy.objects.published().count() == len(titles)
    assert not CaseStudy.objects.filter(is_synthetic=True).exists()


def test_every_demo_case_study_has_sources_and_partners(demo):
    for case_study in CaseStudy.objects.all():
        assert case_study.sources.exists(), case_study.slug
        assert case_study.partners.exists(), case_study.slug
        assert case_study.summary and case_study.region


def test_stocksfield_facts_are_carried_over(demo):
    stocksfield = CaseStudy.objects.get(slug="stocksfield-scata-isos-housing")
    assert stocksfield.homes_built == 7
    assert stocksfield.homes_affordable_rent == 7
    assert stocksfield.capital_cost == 930000
    assert stocksfield.grant_funding == 364000
    assert stocksfield.year_completed == 2015
    assert stocksfield.local_authority_code == "E06000057"
    partners = [p.organisation.display_name for p in stocksfield.partners.select_related("organisation__successor")]
    assert "Isos Housing (now part of Karbon Homes)" in partners
    assert "six homes" in stocksfield.verification_notes  # the press report's discrepancy is marked


def test_what_the_facts_call_unconfirmed_is_marked(demo):
    lozells = CaseStudy.objects.get(slug="housing-21-lozells-cohousing")
    assert "UK Cohousing Network" in lozells.verification_notes
    assert "not confirmed" in lozells.verification_notes
    gresham = CaseStudy.objects.get(slug="middlesbrough-clt-gresham")
    assert "plans" in gresham.verification_notes


def test_every_named_organisation_exists_with_isos_succeeded_by_karbon(demo):
    assert Organisation.objects.count() == len(library.ORGANISATIONS)
    isos = Organisation.objects.get(slug="isos-housing")
    assert isos.successor.name == "Karbon Homes"


def test_running_the_loader_twice_changes_nothing(demo, capsys):
    snapshot = {
        "case studies": list(CaseStudy.objects.order_by("pk").values()),
        "partners": list(CaseStudyPartner.objects.order_by("pk").values()),
        "sources": list(Source.objects.order_by("pk").values()),
        "history": CaseStudy.history.count(),
    }
    call_command("load_demo_data", no_images=True)
    assert "nothing changed" in capsys.readouterr().out
    call_command("load_demo_data", update=True, no_images=True)
    assert snapshot == {
        "case studies": list(CaseStudy.objects.order_by("pk").values()),
        "partners": list(CaseStudyPartner.objects.order_by("pk").values()),
        "sources": list(Source.objects.order_by("pk").values()),
        "history": CaseStudy.history.count(),
    }


def test_loader_leaves_staff_edits_alone_unless_asked(demo):
    CaseStudy.objects.filter(slug="wessex-clt-project").update(title="Edited by staff")
    call_command("load_demo_data", no_images=True, verbosity=0)
    assert CaseStudy.objects.get(slug="wessex-clt-project").title == "Edited by staff"
    call_command("load_demo_data", update=True, no_images=True, verbosity=0)
    assert CaseStudy.objects.get(slug="wessex-clt-project").title.startswith("The Wessex CLT Project")


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
    assert all(name.startswith("Synthetic ") for name in Organisation.objects.values_list("name", flat=True))


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
