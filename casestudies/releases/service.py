"""Cutting a release: snapshot, describe, validate, store, record. Each step that can
refuse does so before anything is written; files written before a later failure are
removed again, so a refused release leaves nothing behind."""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from casestudies.releases import changelog, datapackage, snapshot
from casestudies.releases.datapackage import ReleaseRefused
from casestudies.releases.models import DataRelease
from casestudies.services import workflow

FOLDER = "releases"
CHANGELOG_NAME = "changelog.json"
MINIMUM_INTERVAL = timedelta(minutes=1)


def _storage():
    return default_storage


def _next_version(now):
    day = timezone.localtime(now).date().isoformat()
    taken = DataRelease.objects.filter(version__startswith=day).count()
    return day if taken == 0 else f"{day}-{taken + 1}"


def read_file(release, name):
    with _storage().open(f"{release.folder}/{name}", "rb") as stored:
        return stored.read()


def cut_release(user=None, now=None):
    """Publish a new release of the open data and return it. `user` None is the
    command line (whoever runs manage.py is trusted as a publisher)."""
    if user is not None and not workflow.can_publish(user):
        raise PermissionDenied("Only publishers can cut a data release.")
    now = now or timezone.now()
    previous = DataRelease.objects.order_by("-created_at", "-pk").first()
    if previous and now - previous.created_at < MINIMUM_INTERVAL:
        raise ReleaseRefused(
            f"Release {previous.version} was cut less than a minute ago; wait a minute before cutting another."
        )
    version = _next_version(now)
    taken = snapshot.take(version)
    if taken.count == 0:
        raise ReleaseRefused("There are no published case studies, so there is nothing to release.")
    files = dict(taken.files)
    log = changelog.compare(
        read_file(previous, snapshot.CSV_NAME) if previous else b"", files[snapshot.CSV_NAME]
    )
    files[datapackage.DESCRIPTOR] = datapackage.encode(datapackage.descriptor(version, now, taken))
    datapackage.validate(files)
    files[CHANGELOG_NAME] = datapackage.encode(
        {"release": version, "previous": previous.version if previous else None, **log}
    )

    # A folder of its own, never used before, so no file of another release (or of a
    # release whose record was lost) is ever overwritten.
    folder = f"{FOLDER}/{version}-{secrets.token_hex(6)}"
    storage = _storage()
    written = []
    try:
        for name, content in files.items():
            saved = storage.save(f"{folder}/{name}", ContentFile(content))
            written.append(saved)
            if saved != f"{folder}/{name}":
                raise ReleaseRefused(f"Storage renamed {name}; nothing was published.")
        with transaction.atomic():
            release = DataRelease(
                version=version,
                created_at=now,
                created_by=user,
                previous=previous,
                case_study_count=taken.count,
                folder=folder,
                files={name: datapackage.file_facts(content) for name, content in files.items()},
                changelog=log,
            )
            release.save()
    except BaseException:
        for name in written:
            storage.delete(name)
        raise
    return release
