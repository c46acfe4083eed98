"""export_library and import_library: a round trip loses nothing."""

import importlib
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
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from PIL import Image

from casestudies.alerts.models import AlertDelivery, AlertSubscription
from casestudies.models import (
    CaseStudy,
    CaseStudyImage,
    DeprivationArea,
    Indicator,
    Organisation,
    OrganisationIdentifier,
    OrganisationRedirect,
    Outcome,
    ReviewComment,
    Verification,
)
from casestudies.models.choices import Status
from casestudies.participation.models import ContactMessage, Correction, Suggestion
from casestudies.releases.service import cut_release
from casestudies.services.backup import library_models

pytestmark = pytest.mark.django_db(transaction=True)

# Every model of the app, and the accounts, groups and admin log its records name: a
# model added later is compared without anyone listing it.
COMPARED = [
    # Personal data is in the round trip because it is asked for; see the tests below.
    *apps.get_app_config("casestudies").get_models(include_auto_created=True),
    apps.get_model("auth.User"),
    apps.get_model("auth.Group"),
    apps.get_model("admin.LogEntry"),
]


def seed_standard_indicators():
    """What migrate puts in a new database: the standard indicators, made as the migration
    makes them (with the models of its time, so no history)."""
    name = "0007_standard_indicators"
    state = MigrationLoader(connection).project_state(("casestudies", name))
    importlib.import_module(f"casestudies.migrations.{name}").seed(
        state.apps, connection.schema_editor()
    )


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
    seed_standard_indicators()  # a transactional test before this one may have emptied the database
    call_command("load_demo_data", no_images=True, verbosity=0)
    editor = django_user_model.objects.create_user(
        "an-editor", password="a long password here", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    stocksfield = CaseStudy.objects.get(slug="stocksfield-scata-isos-housing")
    stocksfield.title = "Stocksfield, renamed"
    stocksfield._history_user = editor
    stocksfield.save()
    stocksfield.slug = "stocksfield-renamed"
    stocksfield.save()
    CaseStudy.objects.create(title="A draft", slug="a-draft", status=Status.DRAFT)
    ReviewComment.objects.create(
        case_study=stocksfield, author=editor, kind="returned", text="Check the rents."
    )
    OrganisationRedirect.objects.create(
        old_slug="accent-group-limited",
        organisation=Organisation.objects.get(slug="accent-housing"),
    )
    newer = make_organisation("Newer Homes")
    older = Organisation.objects.get(slug="accent-housing")
    older.successor = newer  # points forward: a successor made after it
    older.save()
    image = CaseStudyImage(
        case_study=stocksfield,
        image=SimpleUploadedFile("a.jpg", picture((20, 90, 60))),
        alt_text="Homes",
        is_cover=True,
    )
    image.save()
    newer.logo = SimpleUploadedFile("logo.png", _png())
    newer.save()
    assert Outcome.objects.exists()  # the demo library's outcomes, and their history
    renamed = Indicator.objects.get(slug="homes-built")
    renamed.description = "New homes completed and lived in."
    renamed.save()
    DeprivationArea.objects.create(
        edition="2019",
        lsoa_code="E01027392",
        lsoa_name="Northumberland 025A",
        local_authority_code="E06000057",
        local_authority_name="Northumberland",
        score="12.500",
        rank=20000,
        decile=6,
    )
    OrganisationIdentifier.objects.create(organisation=newer, identifier="GB-COH-08123456")
    Verification.objects.create(
        case_study=stocksfield, verified_by=editor, note="Homes and partners"
    )
    cut_release()  # a data release: its record and its files
    # What visitors sent, with its moderation history.
    suggestion = Suggestion.objects.create(
        partnership_name="Allendale homes",
        place="Allendale",
        community_organisation="Allendale CLT",
        name="Test Sender",
        email="sender@example.org",
    )
    suggestion.status = "in-progress"
    suggestion.save()
    Correction.objects.create(
        case_study=stocksfield, wrong_fact="12", should_say="14", email="second@example.org"
    )
    ContactMessage.objects.create(
        topic="other", message="Hello", name="Third Sender", email="third@example.org"
    )
    subscription = AlertSubscription.objects.create(
        email="subscriber@example.org", confirmed_at=timezone.now()
    )
    AlertDelivery.objects.create(subscription=subscription, case_study=stocksfield)
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


def _rows(model):
    if (
        model._meta.auto_created
    ):  # a many-to-many table, restored with its owner: its own ids are not kept
        columns = [field.attname for field in model._meta.concrete_fields if not field.primary_key]
        return sorted(model._default_manager.values_list(*columns))
    return list(model._default_manager.order_by("pk").values())


def snapshot(media):
    rows = {model._meta.label: _rows(model) for model in COMPARED}
    rows["memberships"] = sorted(
        (u.username, g.name)
        for u in apps.get_model("auth.User").objects.all()
        for g in u.groups.all()
    )
    files = {str(p.relative_to(media)): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    return rows, files


def wipe(media):
    """Back to a freshly migrated database (the workflow groups and standard indicators)
    and empty media storage."""
    with transaction.atomic(), connection.cursor() as cursor:  # foreign keys are checked at the end
        for model in COMPARED:
            if model is not Group:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        for through in (
            apps.get_model("auth.User").groups.through,
            apps.get_model("auth.User").user_permissions.through,
        ):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(through._meta.db_table)}")
    seed_standard_indicators()
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_round_trip_loses_nothing(library, media, tmp_path, capsys):
    before_rows, before_files = snapshot(media)
    assert before_files
    empty = [label for label, rows in before_rows.items() if not rows]
    assert not empty, (
        f"Give the library fixture some of these, so the round trip compares them: {empty}"
    )
    archive = tmp_path / "backups" / "library.zip"
    call_command("export_library", str(archive), include_personal_data=True)
    assert "media files to" in capsys.readouterr().out
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    wipe(media)
    assert snapshot(media)[1] == {}
    call_command("import_library", str(archive))
    assert "Restored" in capsys.readouterr().out

    after_rows, after_files = snapshot(media)
    assert [label for label in before_rows if after_rows[label] != before_rows[label]] == []
    assert after_files == before_files

    # New records get fresh ids after the restored ones.
    fresh = CaseStudy.objects.create(title="After the restore", slug="after-restore")
    assert fresh.pk > max(row["id"] for row in before_rows["casestudies.CaseStudy"])
    # And the restored site works: the old slug still redirects.
    from django.test import Client

    assert (
        Client().get("/case-studies/stocksfield-scata-isos-housing/")["Location"]
        == "/case-studies/stocksfield-renamed/"
    )


def test_personal_data_is_left_out_unless_asked_for(library, media, tmp_path):
    archive = tmp_path / "library.zip"
    call_command("export_library", str(archive))
    with zipfile.ZipFile(archive) as opened:
        data = opened.read("data.json").decode()
        manifest = json.loads(opened.read("manifest.json"))
    assert manifest["personal_data"] is False
    assert (
        "sender@example.org" not in data
        and "Third Sender" not in data
        and "subscriber@example.org" not in data
    )
    # Derived from the models' own declaration: every model holding personal data, and only those.
    left_out = set(library_models()) - set(library_models(personal_data=False))
    assert left_out == {
        model for model in apps.get_models() if getattr(model, "holds_personal_data", False)
    }
    assert left_out == {Suggestion, Correction, ContactMessage, AlertSubscription, AlertDelivery}
    assert {label for label, count in manifest["counts"].items()} == {
        m._meta.label for m in library_models(personal_data=False)
    }

    wipe(media)
    call_command("import_library", str(archive))
    assert (
        not Suggestion.objects.exists()
        and CaseStudy.objects.filter(slug="stocksfield-renamed").exists()
    )
    # The queue's history (no personal data in it) is kept.
    assert Suggestion.history.count() == 2


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


def test_alert_subscribers_are_left_out_of_backups(db, tmp_path, make_case_study):
    from django.utils import timezone

    from casestudies.models import AlertDelivery, AlertSubscription, Guide, GuideEntry
    from casestudies.services.backup import export_library

    case_study = make_case_study()
    guide = Guide.objects.create(
        title="Examples", slug="examples", introduction="Why.", status=Status.PUBLISHED
    )
    GuideEntry.objects.create(guide=guide, case_study=case_study, note="Note.")
    subscription = AlertSubscription.objects.create(
        email="subscriber@example.org", confirmed_at=timezone.now()
    )
    AlertDelivery.objects.create(subscription=subscription, case_study=case_study)
    archive_path = tmp_path / "library.zip"
    summary = export_library(archive_path)
    with zipfile.ZipFile(archive_path) as archive:
        data = archive.read("data.json").decode()
    assert "subscriber@example.org" not in data
    assert "casestudies.alertsubscription" not in data and "casestudies.alertdelivery" not in data
    assert (
        summary.counts["casestudies.Guide"] == 1 and summary.counts["casestudies.GuideEntry"] == 1
    )
