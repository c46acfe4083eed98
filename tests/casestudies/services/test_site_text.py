"""Site text: the home page's introduction and panel and the About page, kept by
publishers in the admin, with figures filled from the library."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from casestudies.models import SiteText
from casestudies.models.site_text import PLACEHOLDERS, validate_placeholders
from casestudies.models.site_text_defaults import DEFAULTS
from casestudies.presenters.site_text import placeholder_values
from casestudies.services import workflow
from casestudies.services.site_text import ensure_site_texts, publish_proposal
from tests.forms import form_data

INTRODUCTION = SiteText.Key.HOME_INTRODUCTION


def change_url(text):
    return reverse("admin:casestudies_sitetext_change", args=[text.pk])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def post_change(client, text, **changes):
    page = client.get(change_url(text)).content.decode()
    return client.post(change_url(text), form_data(page, "sitetext_form", **changes))


@pytest.fixture
def library(make_case_study):
    return [make_case_study(homes_built=homes) for homes in (7, 1200)]


def test_the_home_page_fills_the_figures_into_the_default_introduction(client, library):
    page = client.get("/").content.decode()
    assert "This library documents 2 partnerships across the UK" in page
    assert "{case_studies}" not in page


def test_a_published_text_replaces_the_default_and_a_proposal_stays_private(client, library):
    SiteText.objects.create(
        key=INTRODUCTION,
        body="We hold **{case_studies}** with {homes}.",
        proposed_body="Not yet public.",
    )
    page = client.get("/").content.decode()
    assert "We hold <strong>2 partnerships</strong> with 1,207 homes." in page
    assert "Not yet public" not in page and "This library documents" not in page


def test_the_about_page_is_site_text_and_names_who_runs_it(client, settings, library):
    settings.LIBRARY_OPERATOR = "the Example Housing Network"
    SiteText.objects.create(key=SiteText.Key.ABOUT, body="## Our aim\n\nRun by {operator}.")
    page = client.get(reverse("casestudies:about")).content.decode()
    assert '<h2 id="our-aim">Our aim</h2>' in page and "Run by the Example Housing Network." in page


def test_site_text_is_rendered_as_safely_as_a_story(client, library):
    SiteText.objects.create(
        key=SiteText.Key.HOME_FIGURES_MISS,
        body='<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)">',
    )
    page = client.get("/").content.decode()
    assert "<script>alert(1)" not in page and "javascript:alert" not in page
    assert "<img src=x" not in page and "&lt;script&gt;" in page


def test_an_unknown_placeholder_is_refused_in_plain_words():
    with pytest.raises(ValidationError) as refused:
        validate_placeholders("We have {case_studies} and {partnerships} and {homez}.")
    message = refused.value.messages[0]
    assert message.startswith("The library has no figure called {partnerships}, {homez}.")
    assert "{case_studies}" in message and "{homes}" in message


def test_every_placeholder_offered_has_a_figure(library):
    assert set(placeholder_values()) == set(PLACEHOLDERS)
    for text in DEFAULTS.values():
        validate_placeholders(text)  # the defaults use only figures that exist


def test_an_editor_proposes_and_the_public_text_stays(client, editor, library):
    text = SiteText.objects.create(key=INTRODUCTION, body="Published words.")
    editor_client = signed_in(editor)
    page = editor_client.get(change_url(text)).content.decode()
    assert 'name="body"' not in page and 'name="proposed_body"' in page
    response = editor_client.post(
        change_url(text),
        {
            **form_data(page, "sitetext_form"),
            "proposed_body": "Better words about {case_studies}.",
            "body": "Sneaked in.",
        },
    )
    assert response.status_code == 302
    text.refresh_from_db()
    assert text.body == "Published words." and text.proposed_body.startswith("Better words")
    assert "Published words." in client.get("/").content.decode()
    assert text.history.first().history_change_reason == "Proposed a new version"


def test_an_editor_cannot_revert_the_published_text(editor, library):
    text = SiteText.objects.create(key=INTRODUCTION, body="First words.")
    text.body = "Second words."
    text.save()
    text.body = "First words, put back."
    with pytest.raises(PermissionDenied, match="Only publishers can change the text"):
        workflow.check_site_text_change(editor, text)


def test_a_publisher_publishes_the_proposal_and_history_says_so(client, publisher, library):
    text = SiteText.objects.create(
        key=INTRODUCTION, body="Old.", proposed_body="New, with {homes}."
    )
    response = post_change(signed_in(publisher), text, publish_proposal="on")
    assert response.status_code == 302
    text.refresh_from_db()
    assert text.body == "New, with {homes}." and text.proposed_body == ""
    assert text.history.first().history_change_reason == "Published"
    assert "New, with 1,207 homes." in client.get("/").content.decode()


def test_the_admin_refuses_an_unknown_placeholder_and_saves_nothing(publisher, library):
    text = SiteText.objects.create(key=INTRODUCTION, body="Old.")
    response = post_change(signed_in(publisher), text, body="We hold {partnership_count}.")
    assert response.status_code == 200
    assert "The library has no figure called {partnership_count}." in response.content.decode()
    text.refresh_from_db()
    assert text.body == "Old."


def test_publishing_needs_a_publisher_and_a_proposal(editor, publisher, library):
    text = SiteText.objects.create(key=INTRODUCTION, body="Old.", proposed_body="New.")
    with pytest.raises(PermissionDenied):
        publish_proposal(text, editor)
    text.refresh_from_db()
    assert text.body == "Old."
    assert publish_proposal(text, publisher) is True
    assert publish_proposal(text, publisher) is False  # nothing left to publish


def test_the_demo_library_gives_every_text_its_default_and_keeps_changed_ones(db):
    SiteText.objects.create(key=SiteText.Key.ABOUT, body="Changed by a publisher.")
    call_command("load_demo_data", no_images=True, verbosity=0)
    assert set(SiteText.objects.values_list("key", flat=True)) == set(DEFAULTS)
    assert SiteText.objects.get(key=SiteText.Key.ABOUT).body == "Changed by a publisher."
    assert ensure_site_texts() == 0
