"""What every published kind of record shares: whether it is public now, and who last
worked on it. Case studies and guides both follow the publishing workflow."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from casestudies.models.choices import Status


class PublicationState:
    """For a model with `status` and `published_at`: public once published and its time has
    come, so scheduling needs no job to run."""

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


def staff_member_field():
    """Which member of staff did something: kept if they leave (the record stays, unnamed)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
