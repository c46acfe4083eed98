"""Cutting data releases: a validated Frictionless Data Package, an exact changelog, plain
refusals that leave nothing behind, and releases that never change."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from frictionless import validate

from casestudies.models import CaseStudy, DataRelease
from casestudies.models.choices import Status
from casestudies.presenters import exports
from casestudies.releases import snapshot
from casestudies.releases.datapackage import ReleaseRefused
from casestudies.releases.models import ReleaseIsFinal
from casestudies.releases.service import cut_release, read_file

pytestmark = pytest.mark.django_db


def stored_names():
    folders = default_storage.listdir("releases")[0] if default_storage.exists("releases") else []
    return {
        f"{folder}/{name}"
        for folder in folders
        for name in default_storage.listdir(f"releases/{folder}")[1]
    }


def test_a_release_holds_the_open_data_with_a_data_package_that_validates(
    make_case_study, tmp_path
):
    make_case_study("Keswick", slug="keswick", latitude="54.6", longitude="-3.13", homes_built=11)
    make_case_study("Anfield", slug="anfield")
    release = cut_release()
    assert release.case_study_count == 2
    assert set(release.files) == {
        snapshot.CSV_NAME,
        snapshot.JSON_NAME,
        snapshot.GEOJSON_NAME,
        "datapackage.json",
        "changelog.json",
    }
    # Validated again here, independently, from the files as stored.
    for name in release.files:
        (tmp_path / name).write_bytes(read_file(release, name))
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["sources"] == [{"title": "Source 1", "path": "https://example.org/"}]
    schema = package["resources"][0]["schema"]
    assert [
        field["name"] for field in schema["fields"]
    ] == exports.FIELD_NAMES  # every field, in order
    types = {field["name"]: field["type"] for field in schema["fields"]}
    assert (
        types["homes_built"] == "integer"
        and types["latitude"] == "number"
        and types["published_at"] == "datetime"
    )
    rows = list(csv.DictReader(io.StringIO((tmp_path / snapshot.CSV_NAME).read_text("utf-8-sig"))))
    assert [row["slug"] for row in rows] == ["anfield", "keswick"]
    geojson = json.loads((tmp_path / snapshot.GEOJSON_NAME).read_text())
    assert [f["properties"]["slug"] for f in geojson["features"]] == ["keswick"]


def test_a_tampered_file_fails_validation(make_case_study, tmp_path):
    make_case_study(slug="one")
    release = cut_release()
    for name in release.files:
        (tmp_path / name).write_bytes(read_file(release, name))
    (tmp_path / snapshot.CSV_NAME).write_bytes(
        read_file(release, snapshot.CSV_NAME).replace(b"one", b"two")
    )
    assert not validate(str(tmp_path / "datapackage.json")).valid


def test_the_changelog_between_two_releases_is_exact(make_case_study):
    kept = make_case_study("Kept", slug="kept")
    edited = make_case_study("Edited", slug="edited", homes_built=4)
    dropped = make_case_study("Dropped", slug="dropped")
    first = cut_release(now=timezone.now() - timedelta(minutes=5))
    assert first.changelog == {
        "added": [
            {"slug": "dropped", "title": "Dropped"},
            {"slug": "edited", "title": "Edited"},
            {"slug": "kept", "title": "Kept"},
        ],
        "removed": [],
        "changed": [],
        "fields_added": [],
        "fields_removed": [],
    }
    CaseStudy.objects.filter(pk=edited.pk).update(homes_built=6, homes_total=6, place_name="Alston")
    CaseStudy.objects.filter(pk=dropped.pk).update(status=Status.ARCHIVED)
    make_case_study("New", slug="new")
    second = cut_release()
    assert second.previous == first
    assert second.changelog == {
        "added": [{"slug": "new", "title": "New"}],
        "removed": [{"slug": "dropped", "title": "Dropped"}],
        "changed": [
            {
                "slug": "edited",
                "title": "Edited",
                "fields": ["place_name", "homes_built", "homes_total"],
            }
        ],
        "fields_added": [],
        "fields_removed": [],
    }
    assert json.loads(read_file(second, "changelog.json"))["previous"] == first.version
    assert kept.slug not in json.dumps(second.changelog)


def test_fields_added_and_removed_between_releases_are_listed():
    from casestudies.releases.changelog import compare

    before = "\ufeffslug,title,old_field\r\na,A,1\r\n".encode()
    after = "\ufeffslug,title,new_field\r\na,A,2\r\n".encode()
    assert compare(before, after) == {
        "added": [],
        "removed": [],
        "changed": [],
        "fields_added": ["new_field"],
        "fields_removed": ["old_field"],
    }


def test_an_empty_library_is_refused_and_nothing_is_written(db):
    before = stored_names()
    with pytest.raises(ReleaseRefused, match="no published case studies"):
        cut_release()
    assert not DataRelease.objects.exists() and stored_names() == before


def test_a_field_without_a_type_is_refused_and_nothing_is_written(make_case_study, monkeypatch):
    make_case_study(slug="one")
    monkeypatch.setattr(
        exports, "FIELDS", [*exports.FIELDS, ("mystery", "A field nobody described.")]
    )
    before = stored_names()
    with pytest.raises(ReleaseRefused, match="“mystery” has no type"):
        cut_release()
    assert not DataRelease.objects.exists() and stored_names() == before


def test_a_second_release_within_a_minute_is_refused(make_case_study):
    make_case_study(slug="one")
    first = cut_release()
    before = stored_names()
    with pytest.raises(ReleaseRefused, match="less than a minute ago"):
        cut_release(now=first.created_at + timedelta(seconds=59))
    assert DataRelease.objects.count() == 1 and stored_names() == before
    later = cut_release(now=first.created_at + timedelta(minutes=1))
    assert later.version == f"{first.version}-2"


def test_a_published_release_can_never_be_altered(make_case_study):
    make_case_study(slug="one")
    release = cut_release()
    release.case_study_count = 99
    with pytest.raises(ReleaseIsFinal):
        release.save()
    with pytest.raises(ReleaseIsFinal):
        DataRelease.objects.filter(pk=release.pk).update(case_study_count=99)
    with pytest.raises(ReleaseIsFinal):
        release.delete()
    with pytest.raises(ReleaseIsFinal):
        DataRelease.objects.all().delete()
    assert DataRelease.objects.get().case_study_count == 1


def test_the_command_cuts_a_release_or_says_why_not(make_case_study, capsys, db):
    with pytest.raises(CommandError, match="nothing to release"):
        call_command("cut_release")
    make_case_study(slug="one")
    call_command("cut_release")
    assert "1 case studies; 1 added, 0 changed, 0 removed" in capsys.readouterr().out


def test_only_publishers_cut_releases(make_case_study, editor):
    from django.core.exceptions import PermissionDenied

    make_case_study(slug="one")
    with pytest.raises(PermissionDenied):
        cut_release(user=editor)
    assert not DataRelease.objects.exists()
