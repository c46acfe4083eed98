"""The sitemap, with every address on SITE_URL (Django's own views would put them on the
request's host)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse

from casestudies.finder.selectors import public_organisation_ids, published_case_studies
from casestudies.guides.selectors import published_guides
from casestudies.models import Organisation
from casestudies.presenters.links import absolute_url
from casestudies.presenters.routes import sitemap_pages


class PublicSitemap(Sitemap):
    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class CaseStudySitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 10000

    def items(self):
        return published_case_studies().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class OrganisationSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.5
    limit = 10000

    def items(self):
        return (
            Organisation.objects.filter(pk__in=public_organisation_ids())
            .only("slug")
            .order_by("pk")
        )


class GuideSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return published_guides().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 1.0

    def items(self):
        return sitemap_pages()

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "case-studies": CaseStudySitemap,
    "organisations": OrganisationSitemap,
    "guides": GuideSitemap,
}


def index(request, **kwargs):
    """Django's sitemap index, with each section's address moved onto SITE_URL."""
    response = sitemap_views.index(request, **kwargs)
    for item in response.context_data["sitemaps"]:
        address = urlsplit(item.location)
        item.location = absolute_url(address.path + (f"?{address.query}" if address.query else ""))
    return response
