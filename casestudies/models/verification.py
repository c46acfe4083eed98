"""Verification: a curator confirming a case study's facts against its sources."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Verification(models.Model):
    case_study = models.ForeignKey(
        "casestudies.CaseStudy", on_delete=models.CASCADE, related_name="verifications"
    )
    verified_at = models.DateTimeField(default=timezone.now)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(
        max_length=300, blank=True, help_text="What was checked, if not everything."
    )

    class Meta:
        app_label = "casestudies"
        ordering = ["-verified_at", "-pk"]
        indexes = [
            models.Index(fields=["case_study", "verified_at"], name="verification_case_date_idx")
        ]

    def __str__(self):
        return f"{self.case_study} verified {self.verified_at:%Y-%m-%d}"
