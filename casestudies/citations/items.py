"""What is cited, as CSL-JSON items (the Citation Style Language's data model): the one
description every format below is made from."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from casestudies.presenters.links import absolute_url


def _date_parts(moment):
    day = timezone.localtime(moment).date() if hasattr(moment, "hour") else moment
    return {"date-parts": [[day.year, day.month, day.day]]}


def stable_url(case_study):
    """The address that survives changes of slug: /cs/<id>/."""
    return absolute_url(reverse("casestudies:stable_case_study", args=[case_study.pk]))


def case_study_item(case_study):
    """A case study as a web page published by the library, dated by its current version."""
    return {
        "id": f"pip-cs-{case_study.pk}",
        "type": "webpage",
        "title": case_study.title,
        "author": [{"literal": settings.SITE_NAME}],
        "container-title": settings.SITE_NAME,
        "publisher": settings.SITE_NAME,
        "issued": _date_parts(case_study.updated_at),
        "version": f"{timezone.localtime(case_study.updated_at):%Y-%m-%d}",
        "URL": stable_url(case_study),
        "abstract": case_study.summary,
        "language": "en-GB",
    }


def release_item(release):
    """A data release as a dataset, dated by its cutting (its version is in the title: the
    styles would read a dated version such as 2026-12-02-2 as a range)."""
    return {
        "id": f"pip-data-{release.version}",
        "type": "dataset",
        "title": f"{settings.SITE_NAME}: open data, release {release.version}",
        "author": [{"literal": settings.SITE_NAME}],
        "publisher": settings.SITE_NAME,
        "issued": _date_parts(release.created_at),
        "URL": absolute_url(release.get_absolute_url()),
        "medium": "CSV, JSON and GeoJSON",
        "language": "en-GB",
    }
