from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Organisation
from .selectors import public_organisation_ids, published_case_studies


class CaseStudySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 10000

    def items(self):
        return published_case_studies().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    limit = 10000

    def items(self):
        return Organisation.objects.filter(pk__in=public_organisation_ids()).only("slug").order_by("pk")


class PageSitemap(Sitemap):
    changefreq = "weekly"
    priority = 1.0

    def items(self):
        return ["casestudies:home", "casestudies:case_study_list", "casestudies:organisation_list", "casestudies:about"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PageSitemap, "case-studies": CaseStudySitemap, "organisations": OrganisationSitemap}
