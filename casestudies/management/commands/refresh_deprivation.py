from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casestudies import geography
from casestudies.models import CaseStudy
from casestudies.services.lens import refresh_all


class Command(BaseCommand):
    help = (
        "Work out again every case study's neighbourhood (from its coordinates or code), local authority "
        "(where blank) and deprivation decile in its nation's latest index. Deciles entered by hand are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show a progress bar."
        )

    def handle(self, *args, no_progress=False, **options):
        try:
            geography.default().load()
        except geography.GeographyError as error:
            raise CommandError(f"Nothing was changed: {error}") from None
        total = CaseStudy.objects.count()
        with tqdm(
            total=total, unit="case studies", disable=no_progress, file=self.stderr
        ) as progress:
            changed = refresh_all(progress)
        if changed:
            shown = ", ".join(changed[:20]) + (
                f" and {len(changed) - 20:,} more" if len(changed) > 20 else ""
            )
            self.stdout.write(
                self.style.SUCCESS(f"Updated {len(changed):,} of {total:,} case studies: {shown}.")
            )
        else:
            self.stdout.write(f"All {total:,} case studies were up to date.")
