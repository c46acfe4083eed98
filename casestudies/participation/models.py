"""What visitors send: suggestions of partnerships, corrections to case studies and
messages. Re-exported from casestudies.models, so their migrations live with the app's.

Each model names the fields that hold personal data (`PERSONAL_FIELDS`) and the free
text its sender wrote (`FREE_TEXT_FIELDS`): purging, export and erasure, history and
backups are all derived from these and from `holds_personal_data`, never from lists
kept elsewhere.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from casestudies.models.choices import Delivery

NAME_MAX = 120
EMAIL_MAX = 254
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 4000


class QueueStatus(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in-progress", "In progress"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    SPAM = "spam", "Spam"


# Decided: only publishers may reopen or change one of these.
CLOSED_STATUSES = {QueueStatus.ACCEPTED, QueueStatus.DECLINED, QueueStatus.SPAM}


class HumanCheck(models.TextChoices):
    PROOF_OF_WORK = "proof-of-work", "Proof of work (in the browser)"
    QUESTION = "question", "Question (browser without JavaScript)"


class Submission(models.Model):
    """What every submission has: the sender's details, consent, and its place in the queue."""

    holds_personal_data = True
    # Blanked when the retention period ends or the sender asks.
    PERSONAL_FIELDS = ("name", "email", "organisation", "role")
    # Written freely by the sender, so it may say anything about anyone: kept out of history.
    FREE_TEXT_FIELDS = ()
    # Correspondence with a person rather than facts about a partnership: deleted whole.
    DELETED_WHOLE = False
    KIND = ""

    # The sender
    name = models.CharField("your name", max_length=NAME_MAX, blank=True)
    email = models.EmailField("your email address", max_length=EMAIL_MAX, blank=True, db_index=True)
    organisation = models.CharField("your organisation", max_length=SHORT_TEXT_MAX, blank=True)
    role = models.CharField("your role", max_length=SHORT_TEXT_MAX, blank=True)
    consent_to_contact = models.BooleanField("may be contacted about it", default=False)
    human_check = models.CharField(max_length=16, choices=HumanCheck.choices, editable=False)

    # The queue
    status = models.CharField(
        max_length=16, choices=QueueStatus.choices, default=QueueStatus.NEW, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text="Who on the staff is dealing with it.",
    )
    staff_notes = models.TextField(
        blank=True, help_text="For staff only; never shown to the sender or the public."
    )
    reply_sent_at = models.DateTimeField("polite reply sent", null=True, blank=True, editable=False)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    anonymised_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the sender's details were removed."
    )

    class Meta:
        abstract = True
        ordering = ["-received_at"]

    def __str__(self):
        # Never the sender's name: this text lands in the admin's log, which backups keep.
        return f"{self.KIND.capitalize()} {self.pk or '(new)'}"

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    def admin_url(self):
        return reverse(
            f"admin:{self._meta.app_label}_{self._meta.model_name}_change", args=[self.pk]
        )


def moderation_history(model_fields):
    """History of the queue (status, who handles it, what became of it), never of what the
    sender wrote about themselves or in their own words: that must go when the retention
    period ends, and history would keep it."""
    return HistoricalRecords(excluded_fields=[*model_fields, "staff_notes"])


class Suggestion(Submission):
    KIND = "suggestion"

    partnership_name = models.CharField(
        "name of the partnership or scheme", max_length=SHORT_TEXT_MAX
    )
    place = models.CharField(
        "place", max_length=SHORT_TEXT_MAX, help_text="Village, town or neighbourhood."
    )
    local_authority = models.CharField("local authority", max_length=SHORT_TEXT_MAX, blank=True)
    community_organisation = models.CharField("community organisation", max_length=SHORT_TEXT_MAX)
    housing_association = models.CharField(
        "housing association", max_length=SHORT_TEXT_MAX, blank=True
    )
    delivery = models.CharField(
        "what was done", max_length=16, choices=Delivery.choices, blank=True
    )
    what_happened = models.TextField(
        "what happened, in a few sentences", max_length=LONG_TEXT_MAX, blank=True
    )
    homes = models.PositiveIntegerField("number of homes", null=True, blank=True)
    year_started = models.PositiveSmallIntegerField("year started", null=True, blank=True)
    year_completed = models.PositiveSmallIntegerField("year completed", null=True, blank=True)
    source_links = models.TextField(
        "links to sources",
        max_length=LONG_TEXT_MAX,
        blank=True,
        help_text="Web addresses, one a line.",
    )
    draft = models.OneToOneField(
        "casestudies.CaseStudy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="suggestion",
        help_text="The draft case study started from this suggestion.",
    )

    FREE_TEXT_FIELDS = ("what_happened", "source_links")
    history = moderation_history(Submission.PERSONAL_FIELDS + FREE_TEXT_FIELDS)

    class Meta(Submission.Meta):
        verbose_name = "suggested partnership"

    def source_link_list(self):
        return [line.strip() for line in self.source_links.splitlines() if line.strip()]


class Correction(Submission):
    KIND = "correction"
    FREE_TEXT_FIELDS = ("wrong_fact", "should_say", "source")

    case_study = models.ForeignKey(
        "casestudies.CaseStudy", on_delete=models.SET_NULL, null=True, related_name="corrections"
    )
    wrong_fact = models.TextField("which fact is wrong", max_length=LONG_TEXT_MAX)
    should_say = models.TextField("what it should say", max_length=LONG_TEXT_MAX)
    source = models.TextField(
        "where this comes from",
        max_length=LONG_TEXT_MAX,
        blank=True,
        help_text="A web address or a publication.",
    )

    history = moderation_history(Submission.PERSONAL_FIELDS + FREE_TEXT_FIELDS)

    class Meta(Submission.Meta):
        verbose_name = "reported correction"


class ContactTopic(models.TextChoices):
    WORK_WITH_US = "work-with-us", "Working with the network on a partnership"
    HOUSING_ASSOCIATION = (
        "housing-association",
        "A housing association looking for community partners",
    )
    COMMUNITY_GROUP = "community-group", "A community group looking for a housing association"
    LIBRARY = "library", "The library itself"
    OTHER = "other", "Something else"


class ContactMessage(Submission):
    KIND = "message"
    PERSONAL_FIELDS = Submission.PERSONAL_FIELDS + ("phone",)
    FREE_TEXT_FIELDS = ("message",)
    DELETED_WHOLE = True

    topic = models.CharField(max_length=32, choices=ContactTopic.choices)
    message = models.TextField("your message", max_length=LONG_TEXT_MAX)
    phone = models.CharField("phone number", max_length=32, blank=True)

    history = moderation_history(PERSONAL_FIELDS + FREE_TEXT_FIELDS)

    class Meta(Submission.Meta):
        verbose_name = "message"


SUBMISSION_MODELS = (Suggestion, Correction, ContactMessage)
