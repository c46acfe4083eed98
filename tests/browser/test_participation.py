"""The public forms in a real browser: the proof-of-work widget under the site's CSP, a
suggestion all the way to a published case study through the staff queue, the forms
without JavaScript, and accessibility of each form and its error state."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from playwright.sync_api import expect

from casestudies.participation import challenge
from casestudies.participation.models import ContactMessage, Correction, HumanCheck, Suggestion

pytestmark = pytest.mark.browser

CASE_STUDY = "/case-studies/stocksfield-scata-isos-housing/"
FORMS = ["/suggest/", f"{CASE_STUDY}correction/", "/contact/"]
PASSWORD = "a long staff password 42"


@pytest.fixture(autouse=True)
def fresh_limits():
    """The live server counts posts per address in this process's cache: start each test afresh."""
    cache.clear()


def fill_suggestion(page):
    page.fill("#id_partnership_name", "Allendale Community Homes")
    page.fill("#id_place", "Allendale")
    page.fill("#id_local_authority", "Northumberland")
    page.fill("#id_community_organisation", "Allendale Community Land Trust")
    page.fill("#id_housing_association", "Karbon Homes")
    page.select_option("#id_delivery", "new-build")
    page.fill("#id_homes", "6")
    page.fill("#id_what_happened", "Six homes for local people on land the parish gave.")
    page.fill("#id_source_links", "https://example.org/allendale")
    page.fill("#id_name", "Test Sender")
    page.fill("#id_email", "sender@example.org")
    page.check("#id_consent_to_contact")


def prove(page):
    """Wait until the browser has done the work: the widget starts by itself once the form
    has focus (auto="onfocus"); tick its box if it has not."""
    payload = page.locator("altcha-widget input[name=altcha]")
    try:
        expect(payload).to_have_value(re.compile(".{40,}"), timeout=5_000)
    except AssertionError:
        page.locator("altcha-widget label").first.click()
        expect(payload).to_have_value(re.compile(".{40,}"), timeout=20_000)


def test_a_suggestion_becomes_a_published_case_study_through_the_queue(
    page, browser, live_server, django_user_model
):
    page.goto("/suggest/")
    expect(
        page.locator("[data-altcha-fallback]")
    ).to_be_hidden()  # the widget replaces the question
    fill_suggestion(page)
    prove(page)
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your suggestion has been sent"
    )
    suggestion = Suggestion.objects.get()
    assert suggestion.human_check == HumanCheck.PROOF_OF_WORK

    publisher = django_user_model.objects.create_user("publisher", password=PASSWORD, is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    staff = browser.new_context(base_url=live_server.url).new_page()
    staff.goto("/admin/login/")
    staff.fill("#id_username", "publisher")
    staff.fill("#id_password", PASSWORD)
    staff.get_by_role("button", name="Log in").click()
    staff.goto("/admin/casestudies/suggestion/")
    staff.get_by_role("link", name="Suggestion", exact=False).first.click()
    expect(staff.locator(".visitor-text").first).to_contain_text("Six homes for local people")
    staff.get_by_role("link", name="Start a draft case study").click()
    staff.get_by_role("button", name="Start the draft").click()
    expect(staff.locator(".messagelist")).to_contain_text("started from Suggestion")
    expect(staff.locator(".messagelist")).to_contain_text(
        "“Allendale Community Land Trust” is not among the organisations yet"
    )

    draft_url = staff.url
    page.goto("/case-studies/allendale-community-homes/")
    assert (
        page.title().startswith("Page not found") or "not found" in page.content().lower()
    )  # a draft: not public

    staff.goto(draft_url)
    staff.fill("#id_summary", "Six homes for local people, built with Karbon Homes on parish land.")
    staff.select_option("#id_region", "north-east")
    staff.locator(".workflow-panel").get_by_role("button", name="Publish now").click()
    expect(staff.locator(".messagelist")).to_contain_text(
        "Published: now live at /case-studies/allendale-community-homes/"
    )

    page.goto("/case-studies/allendale-community-homes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Allendale Community Homes")
    expect(page.locator("body")).not_to_contain_text("Test Sender")
    expect(page.locator("body")).not_to_contain_text(
        "land the parish gave"
    )  # the sender's words stay private
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.draft.is_public
    staff.context.close()


def test_a_correction_and_a_message_are_sent_with_the_widget(page):
    page.goto(CASE_STUDY)
    page.get_by_role("link", name="Report a correction").click()
    page.fill("#id_wrong_fact", "The year completed.")
    page.fill("#id_should_say", "2017.")
    prove(page)
    page.get_by_role("button", name="Send the correction").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your correction has been sent"
    )
    assert Correction.objects.get().case_study.slug == "stocksfield-scata-isos-housing"

    page.goto("/contact/")
    page.check("#id_topic_1")
    page.fill("#id_message", "We would like to work with a community land trust.")
    page.fill("#id_name", "Test Sender")
    page.fill("#id_email", "sender@example.org")
    prove(page)
    page.get_by_role("button", name="Send the message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your message has been sent"
    )
    assert ContactMessage.objects.get().topic == "housing-association"


def test_without_javascript_the_question_stands_in_for_the_widget(
    browser, live_server, demo_library
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/suggest/")
    fill_suggestion(page)
    page.get_by_role("button", name="Send the suggestion").click()  # no answer yet
    expect(page.locator(".error-summary")).to_contain_text("answer the question in figures")
    expect(page.locator("#id_partnership_name")).to_have_value(
        "Allendale Community Homes"
    )  # answers kept
    token = page.locator("#id_check_token").input_value()
    first, second, _ = challenge.read_question(token)
    page.fill("#id_check_answer", str(first + second))
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your suggestion has been sent"
    )
    assert Suggestion.objects.get().human_check == HumanCheck.QUESTION
    context.close()


def test_each_form_and_its_error_state_is_accessible(browser, live_server, demo_library, axe):
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True
    )  # axe is injected inline
    page = context.new_page()
    problems = {}
    for path in FORMS + ["/privacy/", "/accessibility/"]:
        page.goto(path)
        page.wait_for_selector("altcha-widget input[type=checkbox]") if path in FORMS else None
        if found := axe(page):
            problems[path] = found
        if path in FORMS:
            page.locator("button[type=submit]").click()
            expect(page.locator(".error-summary")).to_be_focused()
            if found := axe(page):
                problems[f"{path} with errors"] = found
    context.close()
    assert problems == {}


def test_forms_fit_a_phone(browser, live_server, demo_library):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in FORMS:
        page.goto(path)
        page.wait_for_selector("altcha-widget input[type=checkbox]")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
