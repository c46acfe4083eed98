"""Rebuild every rendition from the stored images, after a change to the rendition specs."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from casestudies import images
from casestudies.models import CaseStudyImage, Organisation


class Command(BaseCommand):
    help = "Rebuild the renditions of every case-study image and organisation logo (after a spec change)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show a progress bar."
        )

    def handle(self, *args, no_progress=False, **options):
        jobs = [
            (image.image, image.width, images.PHOTO)
            for image in CaseStudyImage.objects.exclude(image="").only("image", "width")
        ] + [
            (organisation.logo, organisation.logo_width, images.LOGO)
            for organisation in Organisation.objects.exclude(logo="").only("logo", "logo_width")
        ]
        failed = []
        for field_file, width, rendition_set in tqdm(
            jobs, unit="image", disable=no_progress, file=self.stderr
        ):
            try:
                images.generate_renditions(field_file, width, rendition_set)
            except Exception as error:  # one unreadable file must not stop the rest
                failed.append(f"{field_file.name}: {error}")
            finally:
                field_file.close()
        done = len(jobs) - len(failed)
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt the renditions of {done} image{'s' if done != 1 else ''}.")
        )
        for line in failed:
            self.stderr.write(self.style.ERROR(f"Could not rebuild {line}"))
