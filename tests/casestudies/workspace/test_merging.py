"""Merging duplicate organisations: a publisher picks the one to keep; partners, logos and
successions move to it, the others' addresses redirect, and history records it."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from casestudies.models import CaseStudyPartner, Organisation

CHANGELIST = reverse("admin:casestudies_organisation_changelist")


def png():
    out = io.BytesIO()
    Image.new("RGB", (200, 100), (30, 90, 70)).save(out, "PNG")
    return SimpleUploadedFile("logo.png", out.getvalue())


def test_a_publisher_merges_duplicates_into_the_one_kept(
    publisher_client,
    make_organisation,
    make_case_study,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.MEDIA_ROOT = tmp_path
    keep = make_organisation("Karbon Homes", slug="karbon-homes")
    duplicate = make_organisation("Karbon Homes Limited", slug="karbon-homes-limited")
    duplicate.logo = png()
    duplicate.save()
    logo_name = duplicate.logo.name
    older = make_organisation("Isos Housing", successor=duplicate)
    first = make_case_study(partners=[(duplicate, "housing-association")])
    both = make_case_study(
        partners=[(keep, "housing-association"), (duplicate, "housing-association")]
    )
    selected = {"action": "merge_selected", "_selected_action": [keep.pk, duplicate.pk]}

    choose = publisher_client.post(CHANGELIST, selected).content.decode()
    assert re.findall(r'<label class="vCheckboxLabel" for="keep-\d+">([^<]+)</label>', choose) == [
        "Karbon Homes (karbon-homes): 1 partnership",
        "Karbon Homes Limited (karbon-homes-limited): 2 partnerships",
    ]
    with django_capture_on_commit_callbacks(execute=True):
        done = publisher_client.post(
            CHANGELIST, {**selected, "keep": keep.pk, "confirm": "yes"}, follow=True
        )
    assert (
        "Merged Karbon Homes Limited into Karbon Homes: 2 partnerships moved across, and the old addresses now lead "
        "to Karbon Homes." in done.content.decode()
    )
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert list(
        CaseStudyPartner.objects.filter(case_study=first).values_list(
            "organisation__slug", flat=True
        )
    ) == ["karbon-homes"]
    assert (
        CaseStudyPartner.objects.filter(case_study=both).count() == 1
    )  # no partner twice in one role
    older.refresh_from_db()
    assert older.successor == keep
    keep.refresh_from_db()
    assert keep.logo.name == logo_name and (tmp_path / logo_name).exists()
    assert keep.history.latest().history_change_reason == "Merged in Karbon Homes Limited"
    removed = duplicate.history.latest()
    assert (removed.history_type, removed.history_change_reason) == (
        "-",
        "Merged into Karbon Homes",
    )

    moved = Client().get("/organisations/karbon-homes-limited/")
    assert (moved.status_code, moved["Location"]) == (301, "/organisations/karbon-homes/")
    assert Client().get("/organisations/never-existed/").status_code == 404


def test_merging_needs_a_choice_and_two_organisations(publisher_client, make_organisation):
    one, two = make_organisation("One Housing"), make_organisation("One Housing Group")
    page = publisher_client.post(
        CHANGELIST,
        {"action": "merge_selected", "_selected_action": [one.pk, two.pk], "confirm": "yes"},
    ).content.decode()
    assert "Choose the organisation to keep." in page
    alone = publisher_client.post(
        CHANGELIST, {"action": "merge_selected", "_selected_action": [one.pk]}, follow=True
    )
    assert "Tick two or more organisations to merge." in alone.content.decode()
    assert Organisation.objects.filter(pk__in=[one.pk, two.pk]).count() == 2


def test_editors_are_not_offered_the_merge(editor_client, make_organisation):
    one, two = make_organisation("Draft Trust"), make_organisation("Draft Trust Ltd")
    page = editor_client.get(CHANGELIST).content.decode()
    assert "merge_selected" not in page
    editor_client.post(
        CHANGELIST,
        {
            "action": "merge_selected",
            "_selected_action": [one.pk, two.pk],
            "keep": one.pk,
            "confirm": "yes",
        },
    )
    assert Organisation.objects.filter(pk__in=[one.pk, two.pk]).count() == 2
