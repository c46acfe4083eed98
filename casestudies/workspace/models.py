"""Records the workspace keeps (imported by casestudies.models, so they belong to the app)."""

from django.conf import settings
from django.db import models


class ReviewComment(models.Model):
    """What a reviewer (or the editor answering) said about a case study, kept with it."""

    class Kind(models.TextChoices):
        RETURNED = "returned", "Returned to the editor"
        SUBMITTED = "submitted", "Submitted for review"
        COMMENT = "comment", "Comment"

    case_study = models.ForeignKey(
        "casestudies.CaseStudy", on_delete=models.CASCADE, related_name="review_comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.COMMENT)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["case_study", "-created_at"], name="reviewcomment_case_idx")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class OrganisationRedirect(models.Model):
    """The address of an organisation merged into another: it sends visitors on to the one kept."""

    old_slug = models.SlugField(max_length=200, unique=True)
    organisation = models.ForeignKey(
        "casestudies.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.organisation_id}"
