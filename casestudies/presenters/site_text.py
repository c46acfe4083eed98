"""Site text as the public reads it: the published Markdown (or its default), with the
library's figures filled in, rendered by the stories' own safe renderer."""

from django.conf import settings
from django.utils.safestring import mark_safe

from casestudies.finder import selectors
from casestudies.models import SiteText
from casestudies.models.site_text import PLACEHOLDER
from casestudies.models.site_text_defaults import DEFAULTS
from casestudies.presenters.wording import counted
from casestudies.services.markdown import render_markdown


def placeholder_values(figures=None):
    """What each placeholder says now, from the published library."""
    figures = figures or selectors.headline_figures()
    return {
        "case_studies": counted(figures["case_studies"], "partnership", "partnerships"),
        "homes": counted(figures["homes"] or 0, "home", "homes"),
        "refurbished": counted(figures["refurbished"] or 0, "home", "homes"),
        "organisations": counted(figures["organisations"], "organisation", "organisations"),
        "operator": settings.LIBRARY_OPERATOR,
    }


def fill_placeholders(text, values):
    """Each known placeholder replaced by its figure; anything else left as written (the
    model refuses unknown placeholders, so none reaches a page from the admin)."""
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def published_texts():
    """Every key's published Markdown: the stored text, or the default for one not stored."""
    stored = dict(SiteText.objects.values_list("key", "body"))
    return {key: stored.get(key) or default for key, default in DEFAULTS.items()}


def render_site_text(text, values):
    return mark_safe(render_markdown(fill_placeholders(text, values)))  # cleaned by nh3


def site_texts(figures=None):
    """Every site text as safe HTML, keyed by the template-friendly form of its key."""
    values = placeholder_values(figures)
    return {
        key.replace("-", "_"): render_site_text(text, values)
        for key, text in published_texts().items()
    }
