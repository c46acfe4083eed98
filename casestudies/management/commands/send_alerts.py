from django.core.management.base import BaseCommand

from casestudies.alerts.services import send_due_alerts


class Command(BaseCommand):
    help = (
        "Email each confirmed alert that is due (weekly by default) the case studies newly published that "
        "match its filters. Never sends a case study twice to one alert; safe to run from cron as often as wanted. "
        "Also deletes sign-ups never confirmed."
    )

    def handle(self, *args, **options):
        sent = send_due_alerts()
        self.stdout.write(f"{sent} alert digest{'s' if sent != 1 else ''} sent.")
