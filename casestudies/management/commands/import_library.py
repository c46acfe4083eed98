from django.core.management.base import BaseCommand, CommandError

from casestudies.services.backup import BackupError, import_library


class Command(BaseCommand):
    help = "Restore an archive made by export_library into an empty, freshly migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to restore.")

    def handle(self, *args, path, **options):
        try:
            summary = import_library(path)
        except BackupError as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        records = sum(summary.counts.values())
        self.stdout.write(
            self.style.SUCCESS(f"Restored {records} records and {summary.files} media files.")
        )
