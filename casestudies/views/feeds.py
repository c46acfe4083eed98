from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from casestudies.alerts.services import canonical_query
from casestudies.finder.selectors import active_filters, filter_case_studies
from casestudies.presenters.links import absolute_url

FEED_SIZE = 20


class LatestCaseStudiesFeed(Feed):
    """Newly published case studies, of the whole library or of any finder view: the
    feed takes the finder's parameters ("new case studies matching these filters")."""

    feed_type = Atom1Feed
    subtitle = "Partnerships between housing associations and community-led housing groups, newly published."

    def get_object(self, request):
        filterset = filter_case_studies(request.GET)
        filterset.is_valid()  # what cannot be used is left out, as on the finder
        query = canonical_query(request.GET)
        return {"filterset": filterset, "query": f"?{query}" if query else ""}

    def title(self, obj):
        labels = [item.label for item in active_filters(obj["filterset"])]
        return f"{settings.SITE_NAME}: new case studies" + (
            f" matching {', '.join(labels)}" if labels else ""
        )

    # Absolute addresses, on SITE_URL: Django would otherwise put them on the request's host.
    def link(self, obj):
        return absolute_url(reverse("casestudies:case_study_list")) + obj["query"]

    def feed_url(self, obj):
        return absolute_url(reverse("casestudies:feed")) + obj["query"]

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def items(self, obj):
        return obj["filterset"].qs.order_by("-published_at", "pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [
            label
            for label in (item.get_region_display(), item.get_community_model_display())
            if label
        ]
