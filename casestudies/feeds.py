from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .links import absolute_url
from .selectors import published_case_studies

FEED_SIZE = 20


class LatestCaseStudiesFeed(Feed):
    feed_type = Atom1Feed
    title = f"{settings.SITE_NAME}: new case studies"
    subtitle = "Partnerships between housing associations and community-led housing groups, newly published."

    # Absolute addresses, on SITE_URL: Django would otherwise put them on the request's host.
    def link(self):
        return absolute_url(reverse("casestudies:case_study_list"))

    def feed_url(self):
        return absolute_url(reverse("casestudies:feed"))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def items(self):
        return published_case_studies().order_by("-published_at", "pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [label for label in (item.get_region_display(), item.get_community_model_display()) if label]
