"""The pages that explain how the library works: what it includes, and how its evidence
is graded."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.models import evidence
from casestudies.presenters.routes import in_sitemap


@in_sitemap
@require_safe
@cache_public_page
def evidence_grading(request):
    return render(request, "casestudies/evidence_grading.html", {"scale": evidence.scale()})


@in_sitemap
@require_safe
@cache_public_page
def inclusion_criteria(request):
    return render(
        request,
        "casestudies/inclusion_criteria.html",
        {"verification_max_age_days": settings.VERIFICATION_MAX_AGE_DAYS},
    )
