"""Backups: the whole library, its history and its media, in one archive, and back.

The archive is a zip file holding:

- `manifest.json`: format version, when and from which schema it was made, counts;
- `data.json`: every record of every model of the app (case studies, organisations,
  partners, sources, themes, images, indicators, outcomes, deprivation areas, guides and
  every history record), the admin's log, and the staff accounts and groups those records name
  (with password hashes, so the archive is as sensitive as the database itself);
- `media/…`: every stored image and its renditions, and every data release's files,
  under their stored names.

Restoring goes into an empty, migrated database only, in one transaction: if anything
fails, nothing is left half-imported (files written are removed again).
"""

import datetime as dt
import decimal
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader

from casestudies import caching, images
from casestudies.models import CaseStudy, media_in_use
from casestudies.releases.models import stored_files as release_files
from casestudies.services.markdown import render_markdown

FORMAT = "partnerships-in-place-library"
FORMAT_VERSION = 1

# Besides the app's own models: the staff accounts and groups its records name, and the
# admin's log of who did what. Permissions and content types are made by `migrate` and
# referred to by natural key, so they are not kept.
ACCOUNT_MODELS = ["auth.Group", "auth.User", "admin.LogEntry"]
# What `migrate` itself puts in a new database. The groups are merged with the archive's
# by name; the standard indicators are replaced by the archive's (staff may have changed,
# retired or added to them). Any other record already there means the database is in use.
MADE_BY_MIGRATE = {"auth.Group", "casestudies.Indicator"}


def holds_personal_data(model):
    """Whether a model keeps what visitors told us about themselves (its own declaration,
    `holds_personal_data`): left out of backups unless asked for, so that a backup
    outliving the retention period does not outlive it for them."""
    return getattr(model, "holds_personal_data", False)


def library_models(personal_data=True):
    """The models an archive holds, in the order they are restored (what others refer to
    by natural key first), derived from the app so that a model added later is kept.
    `personal_data=False` leaves out every model that declares it holds personal data."""
    models = [apps.get_model(label) for label in ACCOUNT_MODELS]
    # Left out: many-to-many tables Django makes by itself (kept as a field of the model
    # that owns them), proxies (their rows are their concrete model's), models whose
    # tables the app does not manage, and personal data (alert subscribers' addresses).
    models += [
        model
        for model in apps.get_app_config("casestudies").get_models()
        if model._meta.managed
        and not model._meta.proxy
        and (personal_data or not holds_personal_data(model))
    ]
    by_app = {}
    for model in models:
        by_app.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(by_app.items(), allow_cycles=True)


class FullPrecisionEncoder(json.JSONEncoder):
    """Like Django's JSON encoder, but keeps microseconds (Django's rounds times to the
    millisecond, which would change every history timestamp on a round trip)."""

    def default(self, value):
        if isinstance(value, (dt.datetime, dt.date, dt.time)):
            return value.isoformat()
        if isinstance(value, (decimal.Decimal, uuid.UUID)):
            return str(value)
        return super().default(value)


class BackupError(Exception):
    """Something about the archive or the database means it cannot be used; says what."""


@dataclass
class Summary:
    counts: dict = field(default_factory=dict)
    files: int = 0


def _schema():
    """The newest applied migration of every app: an archive is restored into the same schema."""
    loader = MigrationLoader(connection)
    leaves = {}
    for app_label, name in loader.applied_migrations:
        if name > leaves.get(app_label, ""):
            leaves[app_label] = name
    return dict(sorted(leaves.items()))


def export_library(path, personal_data=False):
    """Write the whole library to a zip archive at `path`; with `personal_data`, what
    visitors sent too (their suggestions, corrections and messages)."""
    summary = Summary()
    records = []
    for model in library_models(personal_data=personal_data):
        label = model._meta.label
        natural_primary = label == "auth.Group"
        objects = model._default_manager.order_by("pk")
        records += serializers.serialize(
            "python",
            objects,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=natural_primary,
        )
        summary.counts[label] = objects.count()

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(media_in_use() | release_files()):
            try:
                with default_storage.open(name, "rb") as stored:
                    archive.writestr(
                        f"media/{name}", stored.read(), compress_type=zipfile.ZIP_STORED
                    )
                summary.files += 1
            except FileNotFoundError:
                continue  # a rendition never made (smaller than its width): nothing to keep
        archive.writestr(
            "data.json", json.dumps(records, ensure_ascii=False, indent=1, cls=FullPrecisionEncoder)
        )
        archive.writestr(
            "manifest.json",
            json.dumps(
                {
                    "format": FORMAT,
                    "version": FORMAT_VERSION,
                    "created": datetime.now(dt.UTC).isoformat(),
                    "schema": _schema(),
                    "counts": summary.counts,
                    "files": summary.files,
                    "personal_data": personal_data,
                },
                indent=1,
            ),
        )
    return summary


def _read_manifest(archive):
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except KeyError:
        raise BackupError("This is not a library archive: it has no manifest.json.") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            "This archive was not made by export_library, or by an incompatible version of it."
        )
    if manifest.get("schema") != _schema():
        raise BackupError(
            "This archive was made with a different version of the database schema. Restore it with the "
            "version of the app that made it, or migrate this database to match first."
        )
    return manifest


def _check_empty():
    for model in library_models():
        if model._meta.label not in MADE_BY_MIGRATE and model._default_manager.exists():
            raise BackupError(
                f"The database already holds {model._meta.verbose_name_plural}. "
                "import_library restores into an empty, freshly migrated database only."
            )


def _clear_what_migrate_made():
    """Remove the standard indicators `migrate` seeded, without writing history: the
    archive holds the library's own (groups are merged by name instead)."""
    with connection.cursor() as cursor:
        for model in library_models():
            if model._meta.label in MADE_BY_MIGRATE - {"auth.Group"}:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def import_library(path):
    """Restore an archive made by export_library into an empty database."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"Cannot read the archive: {error}") from None
    with archive:
        manifest = _read_manifest(archive)
        _check_empty()
        written = []
        summary = Summary()
        try:
            with transaction.atomic():
                _clear_what_migrate_made()
                waiting = []
                records = json.loads(archive.read("data.json"))
                for item in serializers.deserialize(
                    "python", records, handle_forward_references=True
                ):
                    item.object.skip_history_when_saving = True
                    item.save()
                    if item.deferred_fields:
                        waiting.append(item)  # points at a record further on (a successor, say)
                    label = item.object._meta.label
                    summary.counts[label] = summary.counts.get(label, 0) + 1
                for item in waiting:
                    item.save_deferred_fields()
                _reset_sequences()
                _render_stories()
                for entry in archive.namelist():
                    if not entry.startswith("media/") or entry.endswith("/"):
                        continue
                    name = entry.removeprefix("media/")
                    if ".." in name.split("/"):
                        raise BackupError(f"The archive holds an unsafe file name: {name}")
                    saved = default_storage.save(name, ContentFile(archive.read(entry)))
                    written.append(saved)
                    if saved != name:
                        raise BackupError(f"A file named {name} already exists in media storage.")
                    summary.files += 1
                expected = {label: count for label, count in manifest["counts"].items() if count}
                if summary.counts != expected:
                    raise BackupError(
                        "The archive's data does not match its manifest; nothing was imported."
                    )
        except BaseException:
            images.delete_files(default_storage, written)
            raise
    transaction.on_commit(caching.bump)
    return summary


def _render_stories():
    """Stories' HTML is derived, never taken from an archive: an old archive lacks it, and
    one edited by hand could carry markup the sanitiser would have removed."""
    for pk, body in CaseStudy.objects.values_list("pk", "body").iterator():
        CaseStudy.objects.filter(pk=pk).update(story_html=render_markdown(body))


def _reset_sequences():
    """After inserting rows with their original ids, new rows must not reuse them."""
    statements = connection.ops.sequence_reset_sql(no_style(), library_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
