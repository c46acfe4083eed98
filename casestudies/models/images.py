"""Pictures of a case study: each stored once, with its renditions and its credit."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from casestudies import images
from casestudies.models.case_studies import CaseStudy
from casestudies.models.storage import (
    ImageUploadField,
    StoredImagesMixin,
    picture,
    upload_case_study_image,
)


class CaseStudyImage(StoredImagesMixin, models.Model):
    """A photograph or illustration of a case study.

    One model serves both the cover and the gallery (the cover is the image flagged
    `is_cover`, at most one per case study), so every picture goes through the same
    checks, renditions and clean-up whichever role it plays.
    """

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="images")
    image = ImageUploadField(
        upload_to=upload_case_study_image, help_text="JPEG, PNG or WebP, up to 10 MB."
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt_text = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Required unless it is decorative.",
    )
    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Tick if the image adds nothing the text does not already say.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="Who took or made it.")
    licence = models.CharField(
        max_length=100, blank=True, help_text="For example: CC BY 4.0, or used with permission."
    )
    is_cover = models.BooleanField(
        "cover image", default=False, help_text="Shown at the top of the page and on cards."
    )
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    image_fields = (("image", "width", "height", images.PHOTO),)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "image"
        constraints = [
            models.UniqueConstraint(
                fields=["case_study"], condition=Q(is_cover=True), name="casestudyimage_one_cover"
            ),
            models.CheckConstraint(
                condition=Q(is_decorative=True) | ~Q(alt_text=""),
                name="casestudyimage_alt_text_or_decorative",
            ),
        ]

    def __str__(self):
        return self.alt_text or self.caption or f"Image {self.pk}"

    def clean(self):
        super().clean()
        if not self.is_decorative and not self.alt_text.strip():
            raise ValidationError(
                {
                    "alt_text": "Describe what the image shows for people who cannot see it, or tick “decorative”."
                }
            )

    @property
    def alt(self):
        return "" if self.is_decorative else self.alt_text

    def picture(self):
        return picture(self.image, self.width, self.height, images.PHOTO)
