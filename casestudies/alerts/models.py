"""Email alert subscriptions. The email address is personal data: it is kept only while
the subscription is wanted (see `services.purge_expired`), never in backups or open data,
and has no history."""

import secrets

from django.db import models


def new_token():
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    DAILY = "daily", "Daily"


class AlertSubscription(models.Model):
    # Marks a model whose rows are personal data: backups leave it out (casestudies.services.backup).
    holds_personal_data = True

    email = models.EmailField(max_length=254)
    query = models.CharField(
        max_length=2000,
        blank=True,
        help_text="The finder's filters, as a query string without page or sort.",
    )
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.WEEKLY)
    # Used once, by the link in the confirmation email, then cleared.
    confirm_token = models.CharField(max_length=64, blank=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["confirm_token"], name="alert_confirm_token_idx"),
            models.Index(fields=["confirmed_at", "created_at"], name="alert_confirmed_idx"),
        ]

    def __str__(self):
        return (
            f"Alert {self.pk} ({'confirmed' if self.confirmed_at else 'waiting for confirmation'})"
        )


class AlertDelivery(models.Model):
    """A case study sent to a subscription: never sent to it again."""

    holds_personal_data = True

    subscription = models.ForeignKey(
        AlertSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    case_study = models.ForeignKey(
        "casestudies.CaseStudy", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "case_study"], name="alert_sent_once")
        ]

    def __str__(self):
        return f"Alert {self.subscription_id}: case study {self.case_study_id}"
