"""export_library and import_library: a round trip loses nothing."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from casestudies.backup import MODELS
from casestudies.choices import Status
from casestudies.models import CaseStudy, CaseStudyImage, Organisation, Outcome

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def picture(colour):
    out = io.BytesIO()
    Image.new("RGB", (700, 500), colour).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def library(media, django_user_model, make_organisation):
    call_command("load_demo_data", no_images=True, verbosity=0)
    editor = django_user_model.objects.create_user("an-editor", password="a long password here", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    stocksfield = CaseStudy.objects.get(slug="stocksfield-scata-isos-housing")
    stocksfield.title = "Stocksfield, renamed"
    stocksfield._history_user = editor
    stocksfield.save()
    stocksfield.slug = "stocksfield-renamed"
    stocksfield.save()
    CaseStudy.objects.create(title="A draft", slug="a-draft", status=Status.DRAFT)
    newer = make_organisation("Newer Homes")
    older = Organisation.objects.get(slug="accent-housing")
    older.successor = newer  # points forward: a successor made after it
    older.save()
    image = CaseStudyImage(
        case_study=stocksfield, image=SimpleUploadedFile("a.jpg", picture((20, 90, 60))), alt_text="Homes", is_cover=True
    )
    image.save()
    newer.logo = SimpleUploadedFile("logo.png", _png())
    newer.save()
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(CaseStudy),
        object_id=str(stocksfield.pk),
        object_repr=str(stocksfield),
        action_flag=CHANGE,
        change_message="Renamed",
    )


def _png():
    out = io.BytesIO()
    Image.new("RGBA", (400, 200), (0, 0, 0, 0)).save(out, "PNG")
    return out.getvalue()


def snapshot(media):
    rows = {}
    for label in MODELS:
        model = apps.get_model(label)
        rows[label] = list(model._default_manager.order_by("pk").values())
    rows["themes"] = sorted(CaseStudy.themes.through.objects.values_list("casestudy_id", "theme_id"))
    rows["memberships"] = sorted((u.username, g.name) for u in apps.get_model("auth.User").objects.all() for g in u.groups.all())
    files = {str(p.relative_to(media)): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    return rows, files


def wipe(media):
    """Back to a freshly migrated database and empty media storage."""
    Organisation.objects.update(successor=None, succeeded_on=None)
    # Outcomes are not in the archive (see MODELS), and each protects the source it rests on.
    Outcome.objects.all().delete()
    # Records first, history last: deleting a record writes a history entry.
    ordered = [label for label in reversed(MODELS) if ".Historical" not in label] + [
        label for label in MODELS if ".Historical" in label
    ]
    for label in ordered:
        if label != "auth.Group":
            apps.get_model(label)._default_manager.all().delete()
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_round_trip_loses_nothing(library, media, tmp_path, capsys):
    before_rows, before_files = snapshot(media)
    assert before_files and before_rows["casestudies.HistoricalCaseStudy"]
    archive = tmp_path / "backups" / "library.zip"
    call_command("export_library", str(archive))
    assert "media files to" in capsys.readouterr().out
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    wipe(media)
    assert snapshot(media)[1] == {}
    call_command("import_library", str(archive))
    assert "Restored" in capsys.readouterr().out

    after_rows, after_files = snapshot(media)
    for label in before_rows:
        assert after_rows[label] == before_rows[label], label
    assert after_files == before_files

    # New records get fresh ids after the restored ones.
    fresh = CaseStudy.objects.create(title="After the restore", slug="after-restore")
    assert fresh.pk > max(row["id"] for row in before_rows["casestudies.CaseStudy"])
    # And the restored site works: the old slug still redirects.
    from django.test import Client

    assert Client().get("/case-studies/stocksfield-scata-isos-housing/")["Location"] == "/case-studies/stocksfield-renamed/"


def test_import_refuses_a_database_in_use(library, media, tmp_path):
    archive = tmp_path / "library.zip"
    call_command("export_library", str(archive))
    count = CaseStudy.objects.count()
    with pytest.raises(CommandError, match="Nothing was imported. The database already holds"):
        call_command("import_library", str(archive))
    assert CaseStudy.objects.count() == count


def test_import_refuses_what_is_not_a_library_archive(db, tmp_path):
    not_zip = tmp_path / "photo.zip"
    not_zip.write_bytes(b"not a zip at all")
    with pytest.raises(CommandError, match="Cannot read the archive"):
        call_command("import_library", str(not_zip))
    foreign = tmp_path / "other.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "something-else", "version": 1}))
    with pytest.raises(CommandError, match="not made by export_library"):
        call_command("import_library", str(foreign))


def test_a_failed_import_leaves_nothing_behind(library, media, tmp_path):
    archive = tmp_path / "library.zip"
    call_command("export_library", str(archive))
    wipe(media)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(broken, "w") as target:
        for entry in source.namelist():
            data = source.read(entry)
            if entry == "manifest.json":
                manifest = json.loads(data)
                manifest["counts"]["casestudies.CaseStudy"] += 1  # does not match the data
                data = json.dumps(manifest).encode()
            target.writestr(entry, data)
    with pytest.raises(CommandError, match="does not match its manifest"):
        call_command("import_library", str(broken))
    assert not CaseStudy.objects.exists()
    assert not Organisation.objects.exists()
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_export_will_not_overwrite_by_accident(library, media, tmp_path):
    archive = tmp_path / "library.zip"
    archive.write_text("precious")
    with pytest.raises(CommandError, match="already exists"):
        call_command("export_library", str(archive))
    assert archive.read_text() == "precious"
