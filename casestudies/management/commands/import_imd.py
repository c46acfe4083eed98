from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casestudies.models.choices import ImdEdition
from casestudies.services.deprivation import ImdImportError, count_rows, import_imd


class Command(BaseCommand):
    help = (
        "Import the English Indices of Deprivation from the official LSOA CSV (File 7: ranks, deciles and "
        "scores), then give case studies with a neighbourhood or local authority code their decile."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The official CSV, as downloaded.")
        parser.add_argument(
            "--edition", required=True, choices=ImdEdition.values, help="Which edition the file is."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show a progress bar."
        )

    def handle(self, *args, path, edition, no_progress=False, **options):
        try:
            total = count_rows(path)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from None
        with tqdm(total=total, unit="rows", disable=no_progress, file=self.stderr) as progress:
            try:
                summary = import_imd(path, edition, progress)
            except ImdImportError as error:
                raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {summary.areas:,} neighbourhoods from the {edition} edition."
            )
        )
        updated = summary.case_studies_updated
        if updated:
            self.stdout.write(
                f"Updated the deprivation decile of {len(updated)} case studies: {', '.join(updated)}."
            )
        else:
            self.stdout.write("No case study's decile changed.")
