from django.core.management.base import BaseCommand

from casestudies.demo.loader import load_demo_library
from casestudies.models import CaseStudy


class Command(BaseCommand):
    help = (
        "Load the demo library of real partnerships. Creates what is missing and leaves existing records "
        "alone (use --update to restore them to the demo content). Safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Bring existing demo records back to their demo content.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the library already has any case study.",
        )
        parser.add_argument(
            "--no-images",
            action="store_true",
            help="Skip the drawn cover illustrations (a quicker load).",
        )

    def handle(self, *args, update=False, if_empty=False, no_images=False, **options):
        if if_empty and CaseStudy.objects.exists():
            self.stdout.write(
                "The library already has case studies; the demo library was not loaded."
            )
            return
        report = load_demo_library(update=update, images=not no_images)
        if not report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo library already loaded: nothing changed ({report.unchanged} records)."
                )
            )
            return
        if report.created:
            self.stdout.write(self.style.SUCCESS(f"Created {len(report.created)} records."))
        if report.updated:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Updated {len(report.updated)} records: {', '.join(report.updated)}."
                )
            )
        if report.unchanged:
            self.stdout.write(f"Left {report.unchanged} records as they were.")
