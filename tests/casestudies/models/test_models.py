import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from casestudies.models import CaseStudy, Indicator, Organisation, Outcome, Source
from casestudies.models.choices import Status


def test_successor_shows_in_the_name_everywhere(make_organisation):
    karbon = make_organisation("Karbon Homes")
    isos = make_organisation("Isos Housing", successor=karbon)
    assert isos.display_name == "Isos Housing (now part of Karbon Homes)"
    assert str(isos) == "Isos Housing (now part of Karbon Homes)"
    assert str(karbon) == "Karbon Homes"


def test_lineage_gathers_predecessors_of_predecessors(make_organisation):
    newest = make_organisation("Newest")
    middle = make_organisation("Middle", successor=newest)
    oldest = make_organisation("Oldest", successor=middle)
    unrelated = make_organisation("Unrelated")
    assert newest.lineage_ids() == {newest.pk, middle.pk, oldest.pk}
    assert unrelated.pk not in newest.lineage_ids()
    assert oldest.lineage_ids() == {oldest.pk}


def test_succession_loops_are_refused_in_plain_words(make_organisation):
    first = make_organisation("First")
    second = make_organisation("Second", successor=first)
    first.successor = second
    with pytest.raises(ValidationError) as error:
        first.full_clean()
    assert "loop" in str(error.value)


def test_organisation_cannot_succeed_itself_even_bypassing_forms(make_organisation):
    organisation = make_organisation("Selfish")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(successor=organisation)


def test_organisation_in_a_case_study_cannot_be_deleted(make_case_study, make_organisation):
    partner = make_organisation("Thirteen Group")
    make_case_study(partners=[(partner, "housing-association")])
    with pytest.raises(ProtectedError):
        partner.delete()
    assert Organisation.objects.filter(pk=partner.pk).exists()


def test_homes_total_adds_built_and_refurbished(make_case_study):
    case_study = make_case_study(homes_built=11, homes_refurbished=4)
    assert case_study.homes_total == 15
    only_refurbished = make_case_study(homes_refurbished=6)
    assert only_refurbished.homes_total == 6
    unknown = make_case_study()
    assert unknown.homes_total is None


def test_database_refuses_a_wrong_homes_total(make_case_study):
    case_study = make_case_study(homes_built=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseStudy.objects.filter(pk=case_study.pk).update(homes_total=99)


def test_database_refuses_negative_numbers(make_case_study):
    case_study = make_case_study(homes_built=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseStudy.objects.filter(pk=case_study.pk).update(capital_cost=-5)


@pytest.mark.parametrize(
    "values, field, words",
    [
        ({"year_started": 1850}, "year_started", "greater than or equal to 1900"),
        ({"year_completed": timezone.now().year + 30}, "year_completed", "too far ahead"),
        ({"year_started": 2015, "year_completed": 2012}, "year_completed", "cannot be before"),
        (
            {"latitude": Decimal("48.0"), "longitude": Decimal("-1.9")},
            "latitude",
            "greater than or equal to 49.8",
        ),
        ({"latitude": Decimal("54.9")}, "longitude", "Give both latitude and longitude"),
        ({"imd_decile": 3}, "imd_edition", "which edition"),
        ({"imd_decile": 11, "imd_edition": "2019"}, "imd_decile", "less than or equal to 10"),
        (
            {"local_authority_code": "Northumberland"},
            "local_authority_code",
            "nine-character ONS code",
        ),
        (
            {"homes_built": 5, "homes_social_rent": 4, "homes_market": 3},
            "homes_social_rent",
            "add up to 7, more than the 5 homes",
        ),
        (
            {"capital_cost": 100, "grant_funding": 200},
            "grant_funding",
            "more than the whole capital cost",
        ),
    ],
)
def test_implausible_values_are_explained(make_case_study, values, field, words):
    case_study = make_case_study()
    for name, value in values.items():
        setattr(case_study, name, value)
    with pytest.raises(ValidationError) as error:
        case_study.full_clean()
    assert field in error.value.message_dict
    assert words in " ".join(error.value.message_dict[field])


def test_published_case_study_needs_summary_and_region_in_the_database(make_case_study):
    case_study = make_case_study()
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseStudy.objects.filter(pk=case_study.pk).update(summary="")
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseStudy.objects.filter(pk=case_study.pk).update(region="")


def test_publication_problems_name_what_is_missing(make_case_study):
    case_study = make_case_study(status=Status.DRAFT, summary="", region="", partners=[], sources=0)
    problems = case_study.publication_problems()
    assert problems == [
        "It needs a summary.",
        "It needs a region.",
        "It needs at least one partner organisation.",
        "It needs at least one source: every fact in the library is referenced.",
    ]


def test_publishing_without_a_date_publishes_now(make_case_study):
    case_study = make_case_study(status=Status.DRAFT)
    before = timezone.now()
    case_study.status = Status.PUBLISHED
    case_study.save()
    assert before <= case_study.published_at <= timezone.now()


def test_published_means_status_and_date_have_both_come(make_case_study):
    make_case_study(title="Live")
    scheduled = make_case_study(title="Scheduled", published_at=timezone.now() + timedelta(days=2))
    make_case_study(title="Draft", status=Status.DRAFT)
    make_case_study(title="Review", status=Status.REVIEW)
    make_case_study(title="Archived", status=Status.ARCHIVED)
    assert list(CaseStudy.objects.published().values_list("title", flat=True)) == ["Live"]
    assert scheduled.is_scheduled and not scheduled.is_public
    # Scheduling needs no cron: once the date passes it is simply public.
    later = timezone.now() + timedelta(days=3)
    assert set(CaseStudy.objects.published(at=later).values_list("title", flat=True)) == {
        "Live",
        "Scheduled",
    }


def test_search_text_includes_partner_names_and_successors(make_case_study, make_organisation):
    karbon = make_organisation("Karbon Homes")
    isos = make_organisation("Isos Housing", successor=karbon)
    case_study = make_case_study(partners=[(isos, "housing-association")], place_name="Stocksfield")
    assert "Isos Housing" in case_study.search_text
    assert "Karbon Homes" in case_study.search_text
    assert "Stocksfield" in case_study.search_text


def test_renaming_a_partner_updates_search_text(make_case_study, make_organisation):
    partner = make_organisation("Old Name Housing")
    case_study = make_case_study(partners=[(partner, "housing-association")])
    partner.name = "New Name Homes"
    partner.save()
    case_study.refresh_from_db()
    assert "New Name Homes" in case_study.search_text
    assert "Old Name Housing" not in case_study.search_text


def test_key_messages_are_one_per_line(make_case_study):
    case_study = make_case_study(key_messages="- Keep the land.\n\n• Share the work.\n")
    assert case_study.key_message_list() == ["Keep the land.", "Share the work."]


UNSAFE_ADDRESSES = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/report.pdf",
]


@pytest.mark.parametrize("address", UNSAFE_ADDRESSES)
def test_web_addresses_other_than_http_and_https_are_refused_in_the_model(
    make_case_study, make_organisation, address
):
    organisation = make_organisation("Scheme Homes")
    organisation.website = address
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert refused.value.message_dict["website"] == [
        "Enter a web address starting with https:// or http://."
    ]
    source = Source(case_study=make_case_study(), title="A report", url=address)
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    assert "url" in refused.value.message_dict


@pytest.mark.parametrize("address", UNSAFE_ADDRESSES)
def test_an_unsafe_address_stored_without_a_form_is_never_a_link(
    client, make_case_study, make_organisation, address
):
    # As an import, the shell or a loader would store it: no form, no full_clean.
    organisation = make_organisation("Scheme Homes", slug="scheme-homes", website=address)
    case_study = make_case_study(partners=[(organisation, "housing-association")], sources=0)
    source = Source.objects.create(case_study=case_study, title="The annual report", url=address)
    Outcome.objects.create(
        case_study=case_study,
        indicator=Indicator.objects.create(
            name="Homes", slug="homes", framework="housing-outputs", unit="homes"
        ),
        value=3,
        source=source,
    )
    pages = [client.get(case_study.get_absolute_url()), client.get(organisation.get_absolute_url())]
    assert [page.status_code for page in pages] == [200, 200]
    case_study_page, organisation_page = (page.content.decode() for page in pages)
    visible = re.sub(
        r'<script type="application/ld\+json">.*?</script>', "", case_study_page, flags=re.S
    )
    assert (
        visible.count("The annual report") == 2
    )  # in the sources and by the outcome, as plain text
    for page in (case_study_page, organisation_page):
        assert not re.search(r'href="\s*(java|data|vb|ftp|JavaScript)', page), address
    # The organisation page says the website is not recorded rather than offer the address.
    assert '<dt>Website</dt><dd><span class="muted">Not recorded</span></dd>' in organisation_page


def test_http_and_https_addresses_stay_links(client, make_case_study, make_organisation):
    organisation = make_organisation(
        "Scheme Homes", slug="scheme-homes", website="https://scheme.example.org/"
    )
    case_study = make_case_study(partners=[(organisation, "housing-association")], sources=0)
    Source.objects.create(
        case_study=case_study, title="The annual report", url="http://example.org/report"
    )
    assert (
        '<a href="http://example.org/report" rel="noopener">The annual report</a>'
        in client.get(case_study.get_absolute_url()).content.decode()
    )
    assert (
        'href="https://scheme.example.org/"'
        in client.get(organisation.get_absolute_url()).content.decode()
    )


def test_place_wording_says_each_part_once():
    from casestudies.models.case_studies import place_wording

    assert place_wording("Gresham, Middlesbrough", "Middlesbrough") == "Gresham, Middlesbrough"
    assert place_wording("Gresham, Middlesbrough", "Middlesbrough", "North East") == (
        "Gresham, Middlesbrough, North East"
    )
    assert place_wording("Stocksfield", "Northumberland") == "Stocksfield, Northumberland"
    assert place_wording("", "Leeds", None) == "Leeds"
    assert place_wording("middlesbrough", "Middlesbrough") == "middlesbrough"


# The story's HTML, rendered on save ------------------------------------------------------

STORY = "## How it began\n\nA **parish** meeting, then a [trust](https://example.org/).\n\n<script>x</script>"


def _stored_story(case_study):
    from casestudies.models import CaseStudy

    return CaseStudy.objects.values_list("body", "story_html").get(pk=case_study.pk)


def test_the_stored_story_html_is_the_rendered_story(make_case_study):
    from casestudies.services.markdown import render_markdown

    case_study = make_case_study(body=STORY)
    body, html = _stored_story(case_study)
    assert html == render_markdown(body)
    assert '<h2 id="how-it-began">How it began</h2>' in html
    assert "<script>" not in html


def test_the_story_html_follows_a_save_of_only_the_story(make_case_study):
    from casestudies.services.markdown import render_markdown

    case_study = make_case_study(body=STORY)
    case_study.body = "A new *story*."
    case_study.save(update_fields=["body"])
    body, html = _stored_story(case_study)
    assert body == "A new *story*."
    assert html == render_markdown(body) == "<p>A new <em>story</em>.</p>"


def test_a_save_of_other_fields_keeps_the_html_of_the_stored_story(make_case_study):
    from casestudies.services.markdown import render_markdown

    case_study = make_case_study(body=STORY)
    case_study.body = "Typed but not saved."
    case_study.title = "A new title"
    case_study.save(update_fields=["title"])
    body, html = _stored_story(case_study)
    assert body == STORY
    assert html == render_markdown(STORY)


def test_the_public_page_shows_the_stored_story(client, make_case_study):
    case_study = make_case_study(body=STORY)
    page = client.get(case_study.get_absolute_url()).content.decode()
    assert '<h2 id="how-it-began">How it began</h2>' in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
