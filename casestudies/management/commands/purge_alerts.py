from django.conf import settings
from django.core.management.base import BaseCommand

from casestudies.alerts.services import purge_expired


class Command(BaseCommand):
    help = f"Delete alert sign-ups never confirmed within ALERT_PENDING_DAYS ({settings.ALERT_PENDING_DAYS} days). Safe to run daily."

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(
            f"{deleted} unconfirmed alert sign-up{'s' if deleted != 1 else ''} deleted."
        )
