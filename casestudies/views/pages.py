"""The home page, robots.txt and the open-data page."""

from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_safe

from casestudies.caching import cache_public_page
from casestudies.finder import selectors
from casestudies.models.choices import (
    Region,
)
from casestudies.presenters.exports import FIELDS
from casestudies.presenters.links import absolute_url
from casestudies.presenters.routes import filtered_pages, in_sitemap
from casestudies.releases.catalogue import schema_org_dataset


@in_sitemap
@require_safe
@cache_public_page
def home(request):
    regions = dict(
        selectors.published_case_studies()
        .order_by()
        .values_list("region")
        .annotate(n=Count("pk"))
        .values_list("region", "n")
    )
    return render(
        request,
        "casestudies/home.html",
        {
            "featured": selectors.featured_case_studies(),
            "figures": selectors.headline_figures(),
            "regions": [
                (value, label, regions.get(value, 0))
                for value, label in Region.choices
                if regions.get(value)
            ],
        },
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}?" for path in filtered_pages()),
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@in_sitemap
@require_safe
@cache_public_page
def open_data(request):

    return render(
        request,
        "casestudies/open_data.html",
        {"fields": FIELDS, "structured_data": schema_org_dataset()},
    )
