from django.conf import settings
from django.db import models
from django.urls import reverse


class ReleaseIsFinal(Exception):
    """A published release is never altered or removed: cut a new one instead."""


class ReleaseQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ReleaseIsFinal(
            "A published data release cannot be changed: cut a new release instead."
        )

    def delete(self):
        raise ReleaseIsFinal("A published data release cannot be removed.")


class DataRelease(models.Model):
    """One release: what it holds lives in storage under `folder`; this record says what,
    when, by whom and what changed since the one before."""

    version = models.SlugField(
        max_length=20, unique=True, help_text="The release’s date, with -2, -3… for more that day."
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    previous = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, related_name="next"
    )
    case_study_count = models.PositiveIntegerField()
    folder = models.CharField(max_length=100, help_text="Where its files are in storage.")
    files = models.JSONField(help_text="{file name: {bytes, sha256}} of each file in the release.")
    changelog = models.JSONField()

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        app_label = "casestudies"
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = "data release"

    def __str__(self):
        return f"Data release {self.version}"

    def save(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk).exists():
            raise ReleaseIsFinal(
                "A published data release cannot be changed: cut a new release instead."
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("casestudies:release_detail", args=[self.version])

    def file_url(self, name):
        return reverse("casestudies:release_file", args=[self.version, name])

    def delete(self, *args, **kwargs):
        raise ReleaseIsFinal("A published data release cannot be removed.")


def stored_files():
    """The storage names of every release's files (what a backup keeps)."""
    return {
        f"{folder}/{name}"
        for folder, files in DataRelease.objects.values_list("folder", "files")
        for name in files
    }
