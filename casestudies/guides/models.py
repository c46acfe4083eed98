"""A guide and the case studies in it, each with a note on why it is there."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

# From the modules, not the package: the package imports this module as it loads.
from casestudies.models.case_studies import CaseStudy
from casestudies.models.choices import Status
from casestudies.models.fields import WebAddressField
from casestudies.models.publishing import PublicationState, staff_member_field


class GuideQuerySet(models.QuerySet):
    def published(self, at=None):
        """Public now: published, and its publication time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=at or timezone.now())


class Guide(PublicationState, models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, help_text="Part of the web address.")
    summary = models.TextField(
        max_length=600, blank=True, help_text="Two or three sentences shown in the list of guides."
    )
    introduction = models.TextField(
        blank=True,
        help_text="The argument of the guide: who it is for and what the examples show. Markdown.",
    )
    key_lessons = models.TextField("key lessons", blank=True, help_text="One lesson per line.")
    call_to_action = models.TextField(
        "call to action",
        blank=True,
        help_text="What the reader should do next, in a sentence or two.",
    )
    call_to_action_url = WebAddressField("call to action link", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = staff_member_field()

    objects = GuideQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED) | models.Q(published_at__isnull=False),
                name="guide_published_has_date",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("casestudies:guide_detail", args=[self.slug])

    @property
    def key_lesson_list(self):
        return [line.strip() for line in self.key_lessons.splitlines() if line.strip()]

    def publication_problems(self, case_study_ids=None):
        """What stops this guide being published, in words staff can act on; judged on the
        case studies given (as posted in a form) or else those stored."""

        problems = []
        if not self.introduction.strip():
            problems.append("It needs an introduction.")
        if case_study_ids is None:
            case_study_ids = self.entries.values("case_study") if self.pk else []
        if not CaseStudy.objects.published().filter(pk__in=case_study_ids).exists():
            problems.append("It needs at least one published case study.")
        return problems

    def clean(self):
        # Before the constraints are checked: publishing without a date means now.
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()


class GuideEntry(models.Model):
    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="entries")
    case_study = models.ForeignKey(
        "casestudies.CaseStudy", on_delete=models.CASCADE, related_name="guide_entries"
    )
    note = models.TextField(
        help_text="Why this case study is in the guide: what to copy from it, in a few sentences."
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "case study in the guide"
        verbose_name_plural = "case studies in the guide"
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "case_study"], name="guide_entry_once")
        ]

    def __str__(self):
        return f"{self.case_study} in {self.guide}"
