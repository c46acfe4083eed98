"""The staff admin and its publishing workflow, exercised through the admin's own pages."""

import pytest
from django.urls import reverse

from casestudies.models import CaseStudy
from casestudies.models.choices import Status
from tests.forms import form_data


def change_url(case_study):
    return reverse("admin:casestudies_casestudy_change", args=[case_study.pk])


def post_change(client, case_study, **changes):
    page = client.get(change_url(case_study))
    assert page.status_code == 200
    return client.post(
        change_url(case_study), form_data(page.content.decode(), "casestudy_form", **changes)
    )


def test_editor_can_edit_a_draft_and_submit_it_for_review(editor_client, make_case_study):
    draft = make_case_study(status=Status.DRAFT, title="Draft scheme")
    response = post_change(editor_client, draft, title="Draft scheme, revised", _workflow="submit")
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.title == "Draft scheme, revised"
    assert draft.status == Status.REVIEW


def test_editor_is_not_offered_publish_and_cannot_force_it(editor_client, make_case_study):
    draft = make_case_study(status=Status.REVIEW)
    page = editor_client.get(change_url(draft)).content.decode()
    assert 'name="_workflow" value="save"' in page
    assert 'value="publish"' not in page and 'name="status"' not in page
    response = post_change(editor_client, draft, _workflow="publish")
    assert response.status_code == 200
    assert (
        "“Publish now” is not something you can do to this case study now."
        in response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW


def test_editor_cannot_change_a_published_case_study(editor_client, make_case_study):
    published = make_case_study(title="Live scheme")
    page = editor_client.get(change_url(published)).content.decode()
    assert 'name="title"' not in page  # shown read-only
    response = editor_client.post(change_url(published), {"title": "Hijacked"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title == "Live scheme"


def test_editor_cannot_publish_with_the_bulk_action(editor_client, make_case_study):
    draft = make_case_study(status=Status.REVIEW)
    changelist = reverse("admin:casestudies_casestudy_changelist")
    page = editor_client.get(changelist).content.decode()
    assert "publish_selected" not in page
    editor_client.post(changelist, {"action": "publish_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW


def test_editor_cannot_unpublish_by_reverting_to_an_old_draft(
    editor_client, make_case_study, publisher
):
    case_study = make_case_study(status=Status.DRAFT, title="Reverting")
    draft_version = case_study.history.earliest()
    case_study.status = Status.PUBLISHED
    case_study.save()
    url = reverse(
        "admin:casestudies_casestudy_simple_history", args=[case_study.pk, draft_version.history_id]
    )
    page = editor_client.get(url)
    data = form_data(page.content.decode(), None, _workflow="unpublish")
    data["_change_history"] = ["1"]
    response = editor_client.post(url, data)
    assert response.status_code in (200, 403)
    case_study.refresh_from_db()
    assert case_study.status == Status.PUBLISHED


def test_editors_have_no_delete_button(editor_client, make_case_study):
    draft = make_case_study(status=Status.DRAFT)
    response = editor_client.get(reverse("admin:casestudies_casestudy_delete", args=[draft.pk]))
    assert response.status_code == 403
    assert CaseStudy.objects.filter(pk=draft.pk).exists()


def test_publisher_publishes_through_the_form(publisher_client, make_case_study):
    review = make_case_study(status=Status.REVIEW)
    response = post_change(publisher_client, review, _workflow="publish")
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Status.PUBLISHED
    assert review.published_at is not None
    assert review.updated_by.username == "publisher-account"


def test_form_refuses_to_publish_without_a_partner(publisher_client, make_case_study):
    review = make_case_study(status=Status.REVIEW, partners=[])
    response = post_change(publisher_client, review, _workflow="publish")
    assert response.status_code == 200
    assert (
        "A published case study needs at least one partner organisation."
        in response.content.decode()
    )
    review.refresh_from_db()
    assert review.status == Status.REVIEW


def test_form_refuses_to_publish_without_a_region_in_plain_words(publisher_client, make_case_study):
    review = make_case_study(status=Status.REVIEW, region="")
    response = post_change(publisher_client, review, _workflow="publish")
    assert "A published case study needs a region." in response.content.decode()
    review.refresh_from_db()
    assert review.status == Status.REVIEW


def test_bulk_actions_save_each_one_so_history_records_them(publisher_client, make_case_study):
    first = make_case_study(status=Status.REVIEW)
    second = make_case_study(status=Status.REVIEW)
    incomplete = make_case_study(status=Status.REVIEW, title="No sources yet", sources=0)
    changelist = reverse("admin:casestudies_casestudy_changelist")
    response = publisher_client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [first.pk, second.pk, incomplete.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "2 case studies published." in text
    assert "“No sources yet”: It needs at least one source" in text
    for case_study in (first, second):
        case_study.refresh_from_db()
        assert case_study.status == Status.PUBLISHED
        latest = case_study.history.latest()
        assert latest.history_user.username == "publisher-account"
        assert latest.history_change_reason == "Published"
    incomplete.refresh_from_db()
    assert incomplete.status == Status.REVIEW

    publisher_client.post(
        changelist, {"action": "archive_selected", "_selected_action": [first.pk]}
    )
    first.refresh_from_db()
    assert first.status == Status.ARCHIVED
    assert first.history.latest().history_change_reason == "Archived"


def test_history_shows_who_changed_what_and_reverts(publisher_client, make_case_study):
    case_study = make_case_study(title="Original title")
    post_change(publisher_client, case_study, title="A worse title")
    case_study.refresh_from_db()
    assert case_study.title == "A worse title"

    history_page = publisher_client.get(
        reverse("admin:casestudies_casestudy_history", args=[case_study.pk])
    )
    assert "publisher-account" in history_page.content.decode()

    original = case_study.history.filter(title="Original title").latest()
    url = reverse(
        "admin:casestudies_casestudy_simple_history", args=[case_study.pk, original.history_id]
    )
    data = form_data(publisher_client.get(url).content.decode(), None)
    assert data["title"] == ["Original title"]
    data["_change_history"] = ["1"]
    publisher_client.post(url, data)
    case_study.refresh_from_db()
    assert case_study.title == "Original title"
    assert case_study.history.count() >= 3


def test_changelist_has_facet_counts_and_partner_names(
    publisher_client, make_case_study, make_organisation
):
    partner = make_organisation("Yarlington Housing Group")
    make_case_study(region="south-west", partners=[(partner, "housing-association")])
    make_case_study(region="south-west")
    make_case_study(region="north-east")
    page = publisher_client.get(reverse("admin:casestudies_casestudy_changelist")).content.decode()
    assert "South West" in page and "(2)" in page
    assert "Yarlington Housing Group" in page


def test_partner_autocomplete_finds_organisations(publisher_client, make_organisation):
    make_organisation("Impact Housing Association")
    response = publisher_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "impact",
            "app_label": "casestudies",
            "model_name": "casestudypartner",
            "field_name": "organisation",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == [
        "Impact Housing Association"
    ]


def test_view_on_site_opens_the_public_address(publisher_client, make_case_study):
    draft = make_case_study(status=Status.DRAFT, slug="a-draft")
    page = publisher_client.get(change_url(draft)).content.decode()
    assert "View on site" in page
    public = publisher_client.get("/case-studies/a-draft/")
    assert "Draft: not public." in public.content.decode()


@pytest.mark.parametrize("group", ["Editors", "Publishers"])
def test_workflow_groups_exist_with_the_right_powers(db, group):
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))
    assert {"add_casestudy", "change_casestudy", "view_casestudy"} <= codenames
    assert ("publish_casestudy" in codenames) == (group == "Publishers")
    assert ("delete_casestudy" in codenames) == (group == "Publishers")


def test_the_second_of_two_saves_is_told_and_overwrites_nothing(
    client, django_user_model, make_case_study
):
    from django.contrib.auth.models import Group

    publishers = Group.objects.get(name="Publishers")
    first = django_user_model.objects.create_user("first-curator", password="x" * 12, is_staff=True)
    second = django_user_model.objects.create_user(
        "second-curator", password="x" * 12, is_staff=True
    )
    for user in (first, second):
        user.groups.add(publishers)
    case_study = make_case_study("Both open it", key_messages="Original message.")
    url = change_url(case_study)

    client.force_login(first)
    first_form = client.get(url).content.decode()
    client.force_login(second)
    second_form = client.get(url).content.decode()

    client.force_login(first)
    saved = client.post(
        url, form_data(first_form, "casestudy_form", key_messages="First curator's message.")
    )
    assert saved.status_code == 302

    client.force_login(second)
    clash = client.post(
        url, form_data(second_form, "casestudy_form", summary="Second curator's summary.")
    )
    assert clash.status_code == 200
    page = clash.content.decode()
    assert "This case study was changed by first-curator at" in page
    assert "since you opened it, so your changes have not been saved." in page
    assert f'href="{reverse("admin:casestudies_casestudy_history", args=[case_study.pk])}"' in page
    case_study.refresh_from_db()
    assert case_study.key_messages == "First curator's message."  # not overwritten
    assert case_study.summary != "Second curator's summary."

    # The form came back with the second curator's text and the current revision:
    # saving it again is now a choice made knowing what it replaces.
    again = client.post(url, form_data(page, "casestudy_form"))
    assert again.status_code == 302
    case_study.refresh_from_db()
    assert case_study.summary == "Second curator's summary."


def test_one_person_saving_twice_is_not_a_conflict(publisher_client, make_case_study):
    case_study = make_case_study()
    assert post_change(publisher_client, case_study, title="Once").status_code == 302
    assert post_change(publisher_client, case_study, title="Twice").status_code == 302
    case_study.refresh_from_db()
    assert case_study.title == "Twice"
