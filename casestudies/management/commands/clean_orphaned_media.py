"""Find, and with --delete remove, stored files that no record points to.

A file is orphaned when a save stopped between writing it and committing the record (a
worker killed mid-upload, the machine losing power). Safe to run from cron: a dry run
unless told otherwise; never a file that a record, current or historical, points to, nor
its renditions; never a file younger than the grace period, so an upload in progress is
left alone.
"""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from casestudies import images
from casestudies.models import media_folders, media_in_use

DEFAULT_GRACE_HOURS = 24


class Command(BaseCommand):
    help = (
        "List stored images and renditions that no record points to (a dry run), or remove them with --delete. "
        "Files younger than the grace period are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Remove the files found (without it, only list them).",
        )
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=DEFAULT_GRACE_HOURS,
            help=f"Leave files younger than this alone (default {DEFAULT_GRACE_HOURS}).",
        )

    def handle(self, *args, delete=False, grace_hours=DEFAULT_GRACE_HOURS, verbosity=1, **options):
        storage = default_storage
        stored = [
            name for folder in media_folders() for name in images.stored_names(storage, folder)
        ]
        # Read after listing: a record saved meanwhile still protects its file.
        in_use = media_in_use(history=True)
        cutoff = timezone.now() - timedelta(hours=max(grace_hours, 0))
        orphans, recent = [], 0
        for name in stored:
            if name in in_use:
                continue
            if storage.get_modified_time(name) > cutoff:
                recent += 1
            else:
                orphans.append(name)

        if not orphans:
            summary = "Found no files that no record points to."
        elif delete:
            images.delete_files(storage, orphans)
            summary = f"Removed {_files(len(orphans))} that no record points to."
        else:
            summary = f"Found {_files(len(orphans))} that no record points to. Run with --delete to remove them."
        if recent:
            summary += f" Left {_files(recent)} younger than {grace_hours:g} hours alone: uploads may be in progress."
        if verbosity >= 1:
            for name in orphans:
                self.stdout.write(f"  {name}")
            self.stdout.write(summary)


def _files(count):
    return f"{count} file{'s' if count != 1 else ''}"
