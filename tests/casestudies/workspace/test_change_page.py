"""The workflow as buttons on the change page: offered only to who may use them, saying in
words what happened, listing what blocks publication, keeping review comments, and
recording each step's reason in history."""

import logging
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from casestudies.models import CaseStudy, ReviewComment
from casestudies.models.choices import Status
from tests.forms import form_data


def change_url(case_study):
    return reverse("admin:casestudies_casestudy_change", args=[case_study.pk])


def buttons(page):
    """The workflow buttons in the panel at the top of the page."""
    page = page[
        page.index('class="workflow-panel"') : page.index(
            "</section>", page.index('class="workflow-panel"')
        )
    ]
    page = re.sub(
        r"<details[^>]*>\s*<summary>([^<]+)</summary>.*?</details>", r'value="\1"', page, flags=re.S
    )
    return re.findall(r'value="([^"]+)"', page)


def act(client, case_study, action, follow=True, **changes):
    page = client.get(change_url(case_study)).content.decode()
    data = form_data(page, "casestudy_form", _workflow=action, **changes)
    return client.post(change_url(case_study), data, follow=follow)


def messages_in(response):
    return re.findall(r'<li class="success">(.*?)</li>', response.content.decode(), re.S)


@pytest.fixture
def people(db, django_user_model):
    def person(username, group):
        user = django_user_model.objects.create_user(
            username,
            email=f"{username}@example.org",
            password="correct horse battery",
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=group))
        client = Client()
        client.force_login(user)
        return user, client

    editor, editor_client = person("edith", "Editors")
    publisher, publisher_client = person("pat", "Publishers")
    return {
        "editor": editor,
        "editor_client": editor_client,
        "publisher": publisher,
        "publisher_client": publisher_client,
    }


def test_each_person_is_offered_only_what_they_may_do(people, make_case_study):
    draft = make_case_study(status=Status.DRAFT)
    assert buttons(people["editor_client"].get(change_url(draft)).content.decode()) == [
        "save",
        "submit",
    ]
    review = make_case_study(status=Status.REVIEW)
    assert buttons(people["editor_client"].get(change_url(review)).content.decode()) == ["save"]
    assert buttons(people["publisher_client"].get(change_url(review)).content.decode()) == [
        "save",
        "publish",
        "Schedule…",
        "Return to editor",
        "archive",
    ]
    live = make_case_study()
    assert buttons(people["publisher_client"].get(change_url(live)).content.decode()) == [
        "save",
        "unpublish",
        "archive",
    ]
    page = (
        people["publisher_client"].get(reverse("admin:casestudies_casestudy_add")).content.decode()
    )
    assert buttons(page) == ["save", "submit", "publish", "Schedule…"]
    assert 'name="status"' not in page and 'name="published_at"' not in page


def test_submit_then_publish_says_what_happened_and_tells_people(
    people, make_case_study, django_capture_on_commit_callbacks
):
    draft = make_case_study(
        status=Status.DRAFT,
        title="Riverside homes",
        slug="riverside-homes",
        created_by=people["editor"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = act(people["editor_client"], draft, "submit")
    assert messages_in(response) == [
        "Submitted for review: the publishers have been sent an email; it is waiting for review and not public "
        '(staff can preview it at <a href="/case-studies/riverside-homes/">/case-studies/riverside-homes/</a>).'
    ]
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert draft.history.latest().history_change_reason == "Submitted for review"
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["pat@example.org"], "Waiting for review: Riverside homes")
    ]
    assert "edith has submitted “Riverside homes” for review." in mail.outbox[0].body
    assert f"http://testserver{change_url(draft)}" in mail.outbox[0].body

    page = people["publisher_client"].get(change_url(draft)).content.decode()
    assert "In review: waiting for a publisher." in page
    assert "Submitted for review by edith on" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = act(people["publisher_client"], draft, "publish")
    assert messages_in(response) == [
        'Published: now live at <a href="/case-studies/riverside-homes/">/case-studies/riverside-homes/</a>.'
    ]
    draft.refresh_from_db()
    assert draft.is_public and draft.history.latest().history_change_reason == "Published"
    assert Client().get("/case-studies/riverside-homes/").status_code == 200
    published_mail = mail.outbox[-1]
    assert (published_mail.to, published_mail.subject) == (
        ["edith@example.org"],
        "Published: Riverside homes",
    )
    assert "It is live at http://testserver/case-studies/riverside-homes/" in published_mail.body


def test_what_blocks_publication_is_listed_at_the_top_with_links(people, make_case_study):
    incomplete = make_case_study(
        status=Status.REVIEW, summary="", region="", partners=[], sources=0
    )
    page = people["publisher_client"].get(change_url(incomplete)).content.decode()
    blockers = page[
        page.index('id="workflow-blockers"') : page.index(
            "</div>", page.index('id="workflow-blockers"')
        )
    ]
    assert re.findall(r'<a href="#([^"]+)">([^<]+)</a>', blockers) == [
        ("id_summary", "It needs a summary."),
        ("id_region", "It needs a region."),
        ("partners-group", "It needs at least one partner organisation."),
        ("sources-group", "It needs at least one source: every fact in the library is referenced."),
    ]
    assert page.index('id="workflow-blockers"') < page.index('id="id_title"')

    response = act(people["publisher_client"], incomplete, "publish")
    text = response.content.decode()
    summary = text[
        text.index('id="workflow-errors"') : text.index(
            "</div>", text.index('id="workflow-errors"')
        )
    ]
    assert "Nothing has been saved yet. Put these 4 things right, then try again:" in summary
    assert '<a href="#id_summary">Summary: A published case study needs a summary.</a>' in summary
    assert (
        '<a href="#partners-group">' in summary
        and "A published case study needs at least one partner" in summary
    )
    assert '<a href="#sources-group">' in summary
    assert CaseStudy.objects.get(pk=incomplete.pk).status == Status.REVIEW


def test_returning_asks_for_a_comment_keeps_it_and_emails_the_editor(
    people, make_case_study, django_capture_on_commit_callbacks
):
    draft = make_case_study(status=Status.DRAFT, title="Hill farm", created_by=people["editor"])
    act(people["editor_client"], draft, "submit")

    response = act(people["publisher_client"], draft, "return")
    assert (
        "Say what needs to change, so the editor knows what to do next."
        in response.content.decode()
    )
    assert CaseStudy.objects.get(pk=draft.pk).status == Status.REVIEW

    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            people["publisher_client"],
            draft,
            "return",
            review_comment="The rent figures need a source.",
        )
    assert messages_in(response)[0].startswith(
        "Returned to the editor with your comment, by email; it is a draft"
    )
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.history.latest().history_change_reason == "Returned to the editor"
    comment = ReviewComment.objects.get(case_study=draft)
    assert (comment.author, comment.kind, comment.text) == (
        people["publisher"],
        "returned",
        "The rent figures need a source.",
    )
    returned = mail.outbox[-1]
    assert (returned.to, returned.subject) == (["edith@example.org"], "Returned to you: Hill farm")
    assert "The rent figures need a source." in returned.body

    page = people["editor_client"].get(change_url(draft)).content.decode()
    trail = page[page.index('id="review-trail-heading"') :]
    assert (
        "Returned to the editor</strong> by pat" in trail
        and "The rent figures need a source." in trail
    )
    dashboard = people["editor_client"].get(reverse("admin:index")).content.decode()
    assert "The rent figures need a source." in dashboard


def test_scheduling_needs_a_time_to_come(people, make_case_study):
    review = make_case_study(status=Status.REVIEW, slug="later")
    response = act(people["publisher_client"], review, "schedule", schedule_for="2001-01-01T09:00")
    assert "Choose a time in the future, or use “Publish now”." in response.content.decode()
    assert CaseStudy.objects.get(pk=review.pk).status == Status.REVIEW

    when = timezone.localtime() + timedelta(days=2)
    response = act(
        people["publisher_client"], review, "schedule", schedule_for=when.strftime("%Y-%m-%dT%H:%M")
    )
    review.refresh_from_db()
    assert review.is_scheduled
    assert messages_in(response) == [
        f'Scheduled; it goes live at <a href="/case-studies/later/">/case-studies/later/</a> on {when.strftime("%-d %B %Y, %H:%M")}.'
    ]
    assert (
        review.history.latest().history_change_reason
        == f"Scheduled for {when.strftime('%-d %B %Y, %H:%M')}"
    )
    assert Client().get("/case-studies/later/").status_code == 404


def test_unpublish_and_archive_say_the_page_is_gone(people, make_case_study):
    live = make_case_study(slug="going")
    response = act(people["publisher_client"], live, "unpublish")
    assert messages_in(response)[0].startswith("Unpublished; it is a draft and not public")
    assert Client().get("/case-studies/going/").status_code == 404
    response = act(people["publisher_client"], live, "archive")
    assert "Archived; it is off the public site" in messages_in(response)[0]
    assert CaseStudy.objects.get(pk=live.pk).history.latest().history_change_reason == "Archived"


def test_saving_a_live_case_study_keeps_it_live_and_says_so(people, make_case_study):
    live = make_case_study(slug="still-here")
    response = act(people["publisher_client"], live, "save", title="A better title")
    assert messages_in(response) == [
        'Saved; the changes are live at <a href="/case-studies/still-here/">/case-studies/still-here/</a>.'
    ]
    assert CaseStudy.objects.get(pk=live.pk).is_public


def test_reverting_keeps_the_publication_status(people, make_case_study):
    case_study = make_case_study(status=Status.DRAFT, title="First words", slug="first")
    draft_version = case_study.history.earliest()
    act(people["publisher_client"], case_study, "publish", title="Second words")
    url = reverse(
        "admin:casestudies_casestudy_simple_history", args=[case_study.pk, draft_version.history_id]
    )
    data = form_data(
        people["publisher_client"].get(url).content.decode(), None, _change_history="1"
    )
    response = people["publisher_client"].post(url, data, follow=True)
    case_study.refresh_from_db()
    assert (case_study.title, case_study.status, case_study.is_public) == (
        "First words",
        Status.PUBLISHED,
        True,
    )
    said = messages_in(response)[0]
    when = timezone.localtime(draft_version.history_date).strftime("%-d %B %Y, %H:%M")
    assert said.startswith(f"Reverted to the version of {when}")
    assert "the changes are live at" in said
    assert case_study.history.latest().history_change_reason == f"Reverted to the version of {when}"


def test_a_mail_server_that_is_down_loses_no_save(
    people, make_case_study, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    draft = make_case_study(status=Status.DRAFT)
    with (
        caplog.at_level(logging.ERROR, logger="casestudies.services.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = act(people["editor_client"], draft, "submit")
    assert response.status_code == 200 and messages_in(response)
    assert CaseStudy.objects.get(pk=draft.pk).status == Status.REVIEW
    assert "could not be sent" in caplog.text
