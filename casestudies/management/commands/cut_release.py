from django.core.management.base import BaseCommand, CommandError

from casestudies.releases.datapackage import ReleaseRefused
from casestudies.releases.service import cut_release


class Command(BaseCommand):
    help = "Publish a dated, never-altered release of the open data (CSV, JSON, GeoJSON and its data package)."

    def handle(self, *args, **options):
        try:
            release = cut_release()
        except ReleaseRefused as refused:
            raise CommandError(str(refused)) from None
        log = release.changelog
        self.stdout.write(
            f"Release {release.version} published: {release.case_study_count} case studies; "
            f"{len(log['added'])} added, {len(log['changed'])} changed, {len(log['removed'])} removed since the last release."
        )
