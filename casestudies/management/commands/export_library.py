import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casestudies.services.backup import export_library


class Command(BaseCommand):
    help = (
        "Write every record of the library (case studies, organisations, sources, images, indicators, outcomes, "
        "deprivation areas) and its history, with the staff accounts they name and all media files, to one zip "
        "archive. Keep it as safe as the database: it holds password hashes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="Where to write the archive, e.g. backups/library-2026-11-22.zip"
        )
        parser.add_argument("--force", action="store_true", help="Replace the file if it exists.")
        parser.add_argument(
            "--include-personal-data",
            action="store_true",
            help="Also keep what visitors sent (suggestions, corrections, messages, with their names and emails). "
            "Left out by default: the privacy notice promises they go after the retention period.",
        )

    def handle(self, *args, path, force=False, include_personal_data=False, **options):
        target = Path(path)
        if target.exists() and not force:
            raise CommandError(
                f"{target} already exists. Choose another name, or use --force to replace it."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target, then move into place: a failed export never leaves half an archive.
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".zip")
        os.close(handle)
        try:
            summary = export_library(temporary, personal_data=include_personal_data)
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        records = sum(summary.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {records} records and {summary.files} media files to {target}."
            )
        )
