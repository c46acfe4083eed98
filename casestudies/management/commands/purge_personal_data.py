from django.conf import settings
from django.core.management.base import BaseCommand

from casestudies.participation.retention import purge


class Command(BaseCommand):
    help = (
        "Remove senders' personal details once the retention period has passed (PERSONAL_DATA_RETENTION_DAYS): "
        "messages are deleted, suggestions and corrections keep only what they say about a partnership. Spam is "
        "deleted after SPAM_RETENTION_DAYS. Safe to run as often as you like, e.g. daily from cron."
    )

    def handle(self, *args, **options):
        done = purge()
        parts = [f"{number} {name} anonymised" for name, number in done.anonymised.items()]
        parts += [f"{number} {name} deleted" for name, number in done.deleted.items()]
        summary = "; ".join(parts) or "nothing was due"
        self.stdout.write(
            f"Personal data older than {settings.PERSONAL_DATA_RETENTION_DAYS} days (spam: "
            f"{settings.SPAM_RETENTION_DAYS} days): {summary}."
        )
