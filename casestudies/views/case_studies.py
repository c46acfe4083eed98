"""A case study's own page. Only published case studies whose time has come appear; staff
may open anything at its public address, with a banner saying it is not public."""

from decimal import Decimal

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from casestudies import citations
from casestudies.caching import cache_public_page
from casestudies.citations import views as citation_views
from casestudies.finder import gap, selectors
from casestudies.finder.per_version import PerVersion
from casestudies.guides.selectors import guides_including
from casestudies.models import CaseStudy, linkable
from casestudies.models.choices import (
    PARTNERSHIP_STATUS_DESCRIPTIONS,
    REGION_CODES,
    STAGE_DESCRIPTIONS,
    Stage,
)
from casestudies.presenters.cards import similar_cards
from casestudies.presenters.links import absolute_url
from casestudies.services import verification

# The same for every request, so made once.
STAGES = tuple(
    {"value": value, "label": label, "description": STAGE_DESCRIPTIONS[value]}
    for value, label in Stage.choices
)
HOMES_NOT_YET_FINISHED_STAGES = (Stage.GROUP, Stage.SITE, Stage.PLAN, Stage.BUILD)


# A case study's page as the public sees it, made once per library version: its records
# (seven queries), what is worked out from them, and the parts of the page that are the
# same for every visitor (the head's metadata and the article) rendered. What is left for
# each request is the page around them.
_public_pages = PerVersion(limit=1000)  # about 16 KB a page

PAGE_TEMPLATE = "casestudies/case_study_detail.html"
SAME_FOR_EVERY_VISITOR = {
    "meta_html": "casestudies/includes/case_study_meta.html",
    "article_html": "casestudies/includes/case_study_article.html",
}


def _case_study_queryset():
    return (
        CaseStudy.objects.select_related("created_by", "updated_by")
        .with_partners()
        .with_outcomes()
        .prefetch_related("sources", "themes", "images")
    )


def _redirect_from_old_slug(slug, staff):
    """A case study whose slug changed keeps its old address, as a permanent redirect."""
    case_study_id = (
        CaseStudy.history.filter(slug=slug)
        .order_by("-history_date")
        .values_list("id", flat=True)
        .first()
    )
    current = CaseStudy.objects.filter(pk=case_study_id).first() if case_study_id else None
    if current is None or current.slug == slug or not (current.is_public or staff):
        return None
    return redirect(current.get_absolute_url(), permanent=True)


@require_safe
@cache_public_page
def case_study_detail(request, slug):
    staff = selectors.is_staff_viewer(request.user)
    # Staff always get a page made afresh: a draft's save need not renew the library version.
    kept = {} if staff else _public_pages.current()
    page = kept.get(slug)
    if page is None:
        case_study = _case_study_queryset().filter(slug=slug).first()
        if case_study is None:
            response = _redirect_from_old_slug(slug, staff)
            if response is not None:
                return response
            raise Http404("No case study at this address.")
        if not case_study.is_public and not staff:
            raise Http404("No case study at this address.")
        page = _page(request, case_study)
        if case_study.is_public and not staff:  # only what the public may see is kept
            kept[slug] = page
    return render(request, PAGE_TEMPLATE, page)


def _page(request, case_study):
    """The parts of the page that are the same for every visitor, rendered, and what the
    page around them needs."""
    canonical = absolute_url(case_study.get_absolute_url())
    partners = list(case_study.partners.all())
    all_images = list(case_study.images.all())
    cover = next((image for image in all_images if image.is_cover), None)
    og_image = None
    if cover:
        largest = cover.picture()["fallback"][-1]
        og_image = {
            "url": absolute_url(largest.url),
            "width": largest.width,
            "height": largest.height,
        }
    context = {
        "case_study": case_study,
        "partners": partners,
        "sources": list(case_study.sources.all()),
        "cover": cover,
        "gallery": [image for image in all_images if not image.is_cover],
        "outcome_groups": selectors.outcomes_by_framework(case_study.outcomes.all()),
        "og_image": og_image,
        "themes": list(case_study.themes.all()),
        "similar": similar_cards(case_study),
        "guides": guides_including(case_study),
        "stages": STAGES,
        "coordinates": _coordinates(case_study),
        "deprivation": gap.deprivation_context(case_study),
        "partnership_status_description": PARTNERSHIP_STATUS_DESCRIPTIONS.get(
            case_study.partnership_status, ""
        ),
        "homes_not_yet_finished_stages": HOMES_NOT_YET_FINISHED_STAGES,
        "canonical_url": canonical,
        "structured_data": _structured_data(case_study, partners, canonical),
        "not_public_reason": _not_public_reason(case_study),
        "citation": citation_views.page_context(case_study),
        "checked": verification.page_notice(case_study, verification.last_verified(case_study)),
    }
    page = {
        name: render_to_string(template, context, request)
        for name, template in SAME_FOR_EVERY_VISITOR.items()
    }
    # What the page around them reads, and no more: a kept page is little more than its HTML.
    page["case_study"] = {
        field: getattr(case_study, field) for field in ("pk", "title", "summary", "published_at")
    }
    page["not_public_reason"] = context["not_public_reason"]
    return page


def _coordinates(case_study):
    """ "54.947, -1.906": to four places at most (about 10 m), without trailing zeros."""
    if case_study.latitude is None or case_study.longitude is None:
        return ""
    return ", ".join(
        format(value.quantize(Decimal("0.0001")), "f").rstrip("0").rstrip(".")
        for value in (case_study.latitude, case_study.longitude)
    )


def _not_public_reason(case_study):
    if case_study.is_public:
        return ""
    if case_study.is_scheduled:
        return "scheduled"
    return case_study.status


def _structured_data(case_study, partners, canonical):
    """schema.org JSON-LD: the article, the place it is about and the organisations in it."""
    place = {"@type": "Place", "name": case_study.place_name or case_study.get_region_display()}
    address = {"@type": "PostalAddress", "addressCountry": "GB"}
    if case_study.local_authority_name:
        address["addressLocality"] = case_study.local_authority_name
    if case_study.region:
        address["addressRegion"] = case_study.get_region_display()
    place["address"] = address
    if case_study.latitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(case_study.latitude),
            "longitude": float(case_study.longitude),
        }
    organisations = []
    for partner in partners:
        organisation = {
            "@type": "Organization",
            "name": partner.organisation.name,
            "url": absolute_url(partner.organisation.get_absolute_url()),
        }
        if partner.organisation.successor_id:
            organisation["parentOrganization"] = {
                "@type": "Organization",
                "name": partner.organisation.successor.name,
            }
        organisations.append(organisation)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": case_study.title,
        "description": case_study.summary,
        "url": canonical,
        "mainEntityOfPage": canonical,
        "dateModified": case_study.updated_at.isoformat(),
        "identifier": citations.items.stable_url(case_study),
        "citation": [_cited_work(source) for source in case_study.sources.all()],
        "isBasedOn": [_cited_work(source) for source in case_study.sources.all()],
        "about": place,
        "mentions": organisations,
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME},
        "inLanguage": "en-GB",
    }
    if case_study.published_at:
        data["datePublished"] = case_study.published_at.isoformat()
    if case_study.region:
        data["spatialCoverage"] = {
            "@type": "Place",
            "name": case_study.get_region_display(),
            "identifier": REGION_CODES[case_study.region],
        }
    return data


def _cited_work(source):
    """A source as a schema.org CreativeWork."""
    work = {"@type": "CreativeWork", "name": source.title}
    if linkable(source.url):
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    return work
