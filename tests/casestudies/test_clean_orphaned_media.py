"""clean_orphaned_media: files no record points to are found, and removed only when asked,
never a file in use, nor its renditions, nor one young enough to be an upload in progress."""

import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from casestudies.models import CaseStudyImage, Organisation
from tests.casestudies.test_images import add_image, photo, stored_files, upload

DAY = 24 * 3600


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


class WorkerKilled(Exception):
    """Stands in for a worker killed after storing an upload, before the save committed."""


def orphaned_upload(case_study):
    """The files a killed upload leaves: the image and its renditions, with no record."""
    before = CaseStudyImage.objects.count()
    with pytest.raises(WorkerKilled), transaction.atomic():
        add_image(case_study, photo(), "killed.jpg")
        raise WorkerKilled
    assert CaseStudyImage.objects.count() == before


def age_everything(media, seconds=2 * DAY):
    then = time.time() - seconds
    for path in media.rglob("*"):
        os.utime(path, (then, then))


def run(capsys, *args):
    call_command("clean_orphaned_media", *args)
    return capsys.readouterr().out


def test_a_killed_upload_is_found_and_removed_only_when_asked(
    media, make_case_study, make_organisation, capsys
):
    case_study = make_case_study(slug="pictured")
    kept = add_image(case_study, photo(), "kept.jpg")
    logo_owner = make_organisation("Logo Homes")
    logo_owner.logo = upload(photo(fmt="PNG"), "logo.png")
    logo_owner.save()
    in_use = stored_files(media)
    orphaned_upload(case_study)
    orphans = sorted(set(stored_files(media)) - set(in_use))
    assert (
        len(orphans) == 5
    )  # the image and four renditions (800 wide: 320 and 640, two formats each)
    age_everything(media)

    report = run(capsys)
    assert "Found 5 files that no record points to. Run with --delete to remove them." in report
    assert all(name in report for name in orphans)
    assert stored_files(media) == sorted(in_use + orphans)  # a dry run removes nothing

    report = run(capsys, "--delete")
    assert "Removed 5 files that no record points to." in report
    assert (
        stored_files(media) == in_use
    )  # the image and logo in use keep their files and renditions
    assert CaseStudyImage.objects.get(pk=kept.pk).image.name in in_use
    assert Organisation.objects.get(pk=logo_owner.pk).logo.name in in_use

    assert "Found no files that no record points to." in run(
        capsys, "--delete"
    )  # safe to run again, from cron


def test_an_upload_in_progress_is_left_alone(media, make_case_study, capsys):
    orphaned_upload(make_case_study(slug="pictured"))
    young = stored_files(media)
    age_everything(media, seconds=3600)  # an hour old: inside the default grace of a day

    report = run(capsys, "--delete")
    assert "Left 5 files younger than 24 hours alone: uploads may be in progress." in report
    assert stored_files(media) == young

    run(capsys, "--delete", "--grace-hours", "0.5")
    assert stored_files(media) == []


def test_a_file_an_earlier_version_points_to_is_kept(media, make_case_study, capsys):
    image = add_image(make_case_study(slug="pictured"), photo(), "first.jpg")
    first = stored_files(media)
    # The record moves on to another file without the first being removed (as a revert
    # could bring the first back, its history still points to it).
    replacement = add_image(image.case_study, photo(colour=(10, 10, 10)), "second.jpg")
    CaseStudyImage.objects.filter(pk=image.pk).update(image=replacement.image.name)
    age_everything(media)

    run(capsys, "--delete")
    assert set(first) <= set(stored_files(media))
