"""The site's own words that publishers keep in the admin: the home page's introduction,
its "what the usual figures miss" panel and the About page.

Each text has the version the public reads (`body`) and, beside it, a version an editor
has proposed (`proposed_body`), which a publisher may publish. Figures are never typed:
`{case_studies}` and its kin are filled in from the library when the page is shown.
No personal data is kept here.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from casestudies.models.publishing import staff_member_field

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

# What each placeholder stands for, as a publisher would read it in the help text. The
# figures themselves come from `casestudies.presenters.site_text`.
PLACEHOLDERS = {
    "case_studies": "the number of published case studies",
    "homes": "the homes in them, where the numbers are known",
    "refurbished": "the homes made from existing buildings",
    "organisations": "the organisations taking part",
    "operator": "who runs the library",
}


def unknown_placeholders(text):
    """The placeholders in `text` that the library cannot fill, in the order they appear."""
    seen = []
    for name in PLACEHOLDER.findall(text or ""):
        if name not in PLACEHOLDERS and name not in seen:
            seen.append(name)
    return seen


def placeholder_help():
    return "Figures from the library: " + "; ".join(
        f"{{{name}}} for {meaning}" for name, meaning in PLACEHOLDERS.items()
    )


def validate_placeholders(text):
    unknown = unknown_placeholders(text)
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        raise ValidationError(
            f"The library has no figure called {names}. The figures you can use are {known}."
        )


class SiteText(models.Model):
    class Key(models.TextChoices):
        HOME_INTRODUCTION = "home-introduction", "Home page: introduction"
        HOME_FIGURES_MISS = "home-figures-miss", "Home page: what the usual figures miss"
        ABOUT = "about", "About page"

    key = models.SlugField(max_length=40, choices=Key.choices, unique=True)
    body = models.TextField(
        "published text",
        help_text="What the public reads now. Markdown. " + placeholder_help() + ".",
        validators=[validate_placeholders],
    )
    proposed_body = models.TextField(
        "proposed text",
        blank=True,
        help_text="A new version for a publisher to publish. Markdown, with the same figures.",
        validators=[validate_placeholders],
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = staff_member_field()

    history = HistoricalRecords()

    # What an editor may change: a proposal, never what the public reads.
    editor_proposal_fields = ("proposed_body",)

    class Meta:
        ordering = ["key"]
        verbose_name = "site text"
        verbose_name_plural = "site text"

    def __str__(self):
        return self.get_key_display()

    @property
    def has_proposal(self):
        return bool(self.proposed_body.strip()) and self.proposed_body != self.body
