"""The public guides: a list, and each guide with its published case studies."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.finder import selectors as library
from casestudies.guides import selectors
from casestudies.guides.models import Guide
from casestudies.presenters.cards import cards_for
from casestudies.presenters.links import absolute_url
from casestudies.presenters.routes import in_sitemap


@in_sitemap
@require_safe
@cache_public_page
def guide_list(request):
    return render(request, "casestudies/guides/guide_list.html", {"guides": selectors.guide_list()})


def guide_for(request, slug):
    """The guide at this address if the visitor may see it (staff preview drafts), or 404."""
    guide = Guide.objects.filter(slug=slug).first()
    staff = library.is_staff_viewer(request.user)
    if guide is None or not (guide.is_public or staff):
        raise Http404("No guide at this address.")
    return guide, staff


@require_safe
@cache_public_page
def guide_detail(request, slug):
    guide, staff = guide_for(request, slug)
    entries = selectors.visible_entries(guide, staff=staff)
    cards = dict(
        zip(
            (entry.case_study_id for entry in entries),
            cards_for([entry.case_study_id for entry in entries], comparable=False),
        )
    )
    return render(
        request,
        "casestudies/guides/guide_detail.html",
        {
            "guide": guide,
            "entries": [(entry, cards.get(entry.case_study_id)) for entry in entries],
            "not_public": not guide.is_public,
            "canonical_url": absolute_url(guide.get_absolute_url()),
        },
    )
