"""Every field has a limit and a message in plain words; emails, links and years are checked."""

import pytest

from casestudies.participation.forms import ContactForm, CorrectionForm, SuggestionForm
from tests.casestudies.participation.conftest import solved_payload

pytestmark = pytest.mark.django_db


def errors(form_class, data, **kwargs):
    form = form_class({**data, "altcha": solved_payload()}, **kwargs)
    form.is_valid()
    return {name: " ".join(messages) for name, messages in form.errors.items()}


def test_a_complete_suggestion_is_valid(answers):
    assert errors(SuggestionForm, answers["suggestion"]) == {}


def test_every_text_field_has_a_length_limit():
    for form_class in (SuggestionForm, CorrectionForm, ContactForm):
        for name, field in form_class().fields.items():
            if hasattr(field, "max_length"):
                assert field.max_length, f"{form_class.__name__}.{name} has no length limit"


def test_only_the_name_place_community_organisation_and_sender_are_required():
    found = errors(SuggestionForm, {})
    assert set(found) == {"partnership_name", "place", "community_organisation", "name", "email"}
    assert found["partnership_name"] == "Fill in “Name of the partnership or scheme”."
    assert found["email"] == "Enter your email address, so we can tell you what becomes of it."


@pytest.mark.parametrize(
    "email", ["not an email", "a@", "@example.org", "a b@example.org", "x" * 250 + "@example.org"]
)
def test_emails_are_checked(email, answers):
    found = errors(SuggestionForm, {**answers["suggestion"], "email": email})
    assert "email" in found and (
        "like name@example.org" in found["email"] or "characters or fewer" in found["email"]
    )


@pytest.mark.parametrize(
    "links, message",
    [
        ("javascript:alert(1)", "Line 1 is not a web address"),
        ("https://example.org\nftp://example.org/file", "Line 2 is not a web address"),
        (
            "\n".join(f"https://example.org/{n}" for n in range(11)),
            "Give up to 10 links, one a line (there are 11)",
        ),
    ],
)
def test_source_links_must_be_web_addresses_one_a_line(links, message, answers):
    assert (
        message
        in errors(SuggestionForm, {**answers["suggestion"], "source_links": links})["source_links"]
    )


def test_blank_lines_between_links_are_dropped(answers):
    form = SuggestionForm(
        {
            **answers["suggestion"],
            "source_links": "\n https://example.org/a \n\n\nhttps://example.org/b\n",
            "altcha": solved_payload(),
        }
    )
    assert (
        form.is_valid()
        and form.cleaned_data["source_links"] == "https://example.org/a\nhttps://example.org/b"
    )


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"year_started": "2020", "year_completed": "2018"},
            "year_completed",
            "cannot be before the year started",
        ),
        ({"year_started": "1066"}, "year_started", "at least 1900"),
        ({"homes": "lots"}, "homes", "whole number, in figures"),
        ({"homes": "10000000"}, "homes", "no more than 100000"),
        ({"delivery": "demolition"}, "delivery", "Choose one of the options listed"),
        (
            {"partnership_name": "x" * 201},
            "partnership_name",
            "Keep this to 200 characters or fewer (it has 201)",
        ),
    ],
)
def test_bad_values_get_a_plain_message(changes, field, message, answers):
    assert message in errors(SuggestionForm, {**answers["suggestion"], **changes})[field]


def test_a_correction_that_asks_for_contact_needs_an_email(answers):
    found = errors(CorrectionForm, {**answers["correction"], "email": ""})
    assert found == {
        "email": "Enter your email address so we can contact you, or untick the box below."
    }
    assert (
        errors(
            CorrectionForm,
            {**answers["correction"], "email": "", "consent_to_contact": "", "name": ""},
        )
        == {}
    )


@pytest.mark.parametrize("phone", ["call me", "12", "+44 (0)191 496-0000 ext 5"])
def test_phone_numbers_are_figures(phone, answers):
    assert (
        "phone number in figures"
        in errors(ContactForm, {**answers["message"], "phone": phone})["phone"]
    )


def test_a_message_needs_a_topic_from_the_list(answers):
    assert (
        errors(ContactForm, {**answers["message"], "topic": "rates"})["topic"]
        == "Choose one of the options listed."
    )
    assert (
        errors(ContactForm, {**answers["message"], "topic": ""})["topic"]
        == "Choose what your message is about."
    )


def test_nul_bytes_are_refused_not_stored(answers):
    assert "message" in errors(ContactForm, {**answers["message"], "message": "a\x00b"})
