"""Organisations and themes: shared between case studies, so each is stored once."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from casestudies import images
from casestudies.models.choices import (
    OrganisationKind,
    Region,
)
from casestudies.models.fields import WebAddressField
from casestudies.models.storage import (
    ImageUploadField,
    StoredImagesMixin,
    TimestampedModel,
    picture,
    upload_logo,
)


def name_with_successor(name, successor_name):
    """An organisation's name as shown, saying what it is now part of (for rows read as
    plain values, where there is no model instance to ask)."""
    return f"{name} (now part of {successor_name})" if successor_name else name


class Organisation(StoredImagesMixin, TimestampedModel):
    """A housing association, community organisation, council, funder or enabler.

    Housing associations merge, so an organisation may have a `successor`: the record
    of the old name stays (case studies name who actually did the work) and the
    successor's page gathers its predecessors' partnerships.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    website = WebAddressField(blank=True)
    region = models.CharField(
        max_length=32,
        choices=Region.choices,
        blank=True,
        help_text="Where it is based or mostly works.",
    )
    description = models.TextField(
        blank=True, help_text="A few plain sentences: who they are and what they do."
    )
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text="The organisation this one became part of, if it merged or was taken over.",
    )
    succeeded_on = models.DateField(
        "date the successor took over", null=True, blank=True, help_text="Leave empty if not known."
    )
    logo = ImageUploadField(
        upload_to=upload_logo,
        blank=True,
        help_text="Optional. JPEG, PNG or WebP; a transparent PNG works best.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    image_fields = (("logo", "logo_width", "logo_height", images.LOGO),)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(successor=F("pk")), name="organisation_not_own_successor"
            ),
            models.CheckConstraint(
                condition=Q(succeeded_on__isnull=True) | Q(successor__isnull=False),
                name="organisation_succession_date_needs_successor",
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("casestudies:organisation_detail", args=[self.slug])

    @property
    def display_name(self):
        """ "Isos Housing (now part of Karbon Homes)" wherever the name is shown."""
        return name_with_successor(self.name, self.successor.name if self.successor_id else None)

    def clean(self):
        super().clean()
        seen = {self.pk} if self.pk else set()
        successor = self.successor
        while successor is not None:
            if successor.pk in seen or successor is self:
                raise ValidationError(
                    {
                        "successor": "That would make a loop: an organisation cannot succeed itself, directly or through others."
                    }
                )
            seen.add(successor.pk)
            successor = successor.successor
        if self.succeeded_on and not self.successor_id:
            raise ValidationError(
                {"succeeded_on": "Choose the successor as well as the date it took over."}
            )

    def logo_renditions(self):
        """{"webp": [...], "fallback": [...]} for a <picture>, or None without a logo."""
        if not self.logo:
            return None
        return picture(self.logo, self.logo_width, self.logo_height, images.LOGO)

    def lineage_ids(self):
        """This organisation and every organisation it succeeded, however many steps back."""
        ids = {self.pk}
        frontier = {self.pk}
        while frontier:
            frontier = set(
                Organisation.objects.filter(successor__in=frontier)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            ids |= frontier
        return ids


class Theme(models.Model):
    """A topic staff tag case studies with (older people, empty homes, rural…)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
