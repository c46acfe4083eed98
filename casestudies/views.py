"""Public pages. Only published case studies whose time has come appear; staff may
open anything at its public address, with a banner saying it is not public."""

import re
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_safe

from . import citations, evidence, facet_index, gap, map_layers, selectors, verification
from .briefings import render as briefing_render
from .caching import cache_public_page
from .canonical import Choice, Query, Slugs, Whole
from .cards import cards_for
from .choices import (
    PARTNERSHIP_STATUS_DESCRIPTIONS,
    REGION_CODES,
    STAGE_DESCRIPTIONS,
    OrganisationKind,
    Region,
    Stage,
)
from .filters import SORT_CHOICES, range_params
from .guides.selectors import guides_including
from .insights import charts_for
from .links import absolute_url, path_to
from .models import CaseStudy, CaseStudyPartner, Organisation, linkable
from .similar import similar_cards
from .workspace import merging

MAX_TITLE_FILTERS = 3
SLUG_PATTERN = re.compile(r"[-a-zA-Z0-9_]{1,200}")
COMPARE_MOST = 4

# The parameters each cached page takes (casestudies.canonical): the finder's come from
# its FilterSet, so every page built on the filters knows the same ones.
FILTERS_QUERY = Query(selectors.filter_form_fields)
FINDER_QUERY = Query(selectors.filter_form_fields, page=Whole())
ORGANISATIONS_QUERY = Query(kind=Choice(OrganisationKind.values), page=Whole())
PAGED_QUERY = Query(page=Whole())
COMPARE_QUERY = Query(cs=Slugs(ordered=True, most=COMPARE_MOST))
INSIGHTS_QUERY = Query(selectors.filter_form_fields, strength=Choice(evidence.BY_SLUG))


def _pairs(params):
    """The query's (name, value) pairs without the page number, in order."""
    return [(name, value) for name, values in params.lists() if name != "page" for value in values]


def _without(pairs, name, value=None):
    """The query string with one value (or a whole parameter) removed, and no page."""
    return "?" + urlencode(
        [pair for pair in pairs if pair[0] != name or (value is not None and pair[1] != value)]
    )


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


def _filtering(request, facets=True):
    """Everything a page built on the finder's filters shows about them."""
    filterset = selectors.filter_case_studies(request.GET)
    valid = filterset.is_valid()
    active = selectors.active_filters(filterset)
    typed = ("q", *range_params())  # removed whole: one value each, typed not ticked
    pairs = _pairs(request.GET)
    for item in active:
        whole = item.name in typed
        item.remove_url = _without(pairs, item.name, None if whole else item.value)
    errors = filterset.form.errors
    # The active filters as a query string (no page), for links between the finder,
    # the insights, the map and the downloads.
    query = f"?{urlencode(pairs)}" if pairs else ""
    return (
        filterset,
        valid,
        {
            "filterset": filterset,
            "form": filterset.form,
            "facets": selectors.facets(filterset) if facets else [],
            "active_filters": active,
            "has_filters": bool(active),
            # Every field present (empty when fine), and the typed values: templates then
            # never look up a missing key, which costs far more than finding one.
            "errors": {name: errors.get(name, []) for name in (*filterset.form.fields, "__all__")},
            "values": {name: filterset.form.data.get(name, "") for name in typed},
            "error_list": [
                (
                    name,
                    filterset.form.fields[name].label if name in filterset.form.fields else "",
                    message,
                )
                for name, messages in errors.items()
                for message in messages
            ],
            "query": filterset.form.cleaned_data.get("q", "")
            if hasattr(filterset.form, "cleaned_data")
            else "",
            "pairs": pairs,
            "links": {
                "finder": path_to("casestudies:case_study_list") + query,
                "insights": path_to("casestudies:insights") + query,
                "map": path_to("casestudies:map") + query,
                "csv": path_to("casestudies:export_csv") + query,
                "json": path_to("casestudies:api_list") + query,
                "geojson": path_to("casestudies:export_geojson") + query,
                "briefing": path_to("casestudies:finder_briefing") + query,
                "feed": path_to("casestudies:feed") + query,
                "alert": path_to("casestudies:alert_signup") + query,
                "embed": path_to("casestudies:embed_builder") + query,
            },
        },
    )


def _page_title(base, active):
    bits = [item.label for item in active[:MAX_TITLE_FILTERS]]
    if len(active) > MAX_TITLE_FILTERS:
        bits.append(f"and {len(active) - MAX_TITLE_FILTERS} more")
    return base + (f": {', '.join(bits)}" if bits else "")


@require_safe
@cache_public_page(query=FINDER_QUERY)
def case_study_list(request):
    filterset, valid, context = _filtering(request)
    status = 200 if valid else 400
    active = context["active_filters"]

    paginator = Paginator(selectors.finder_results(filterset), settings.CASE_STUDIES_PER_PAGE)
    page_error = ""
    raw_page = request.GET.get("page", "1") or "1"
    try:
        number = int(raw_page)
        if number < 1:
            raise ValueError
    except (TypeError, ValueError):
        number = 1
        page_error = "That page number was not a whole number, so here is the first page."
        status = 400
    page = None
    if number > paginator.num_pages:
        page_error = (
            f"There is no page {number:,}: these results fill {paginator.num_pages} "
            f"page{'s' if paginator.num_pages != 1 else ''}."
        )
        status = 404
    else:
        page = paginator.page(number)

    suggestion = None
    if paginator.count == 0 and active:
        suggestion = selectors.broaden_suggestion(filterset, active)
        if suggestion:
            suggestion.url = "?" + urlencode(
                [pair for pair in context["pairs"] if pair[0] not in suggestion.values]
            )

    page_title = _page_title("Case studies", active)
    if page and paginator.num_pages > 1:
        page_title += f" (page {page.number} of {paginator.num_pages})"

    context.update(
        {
            "paginator": paginator,
            "page_obj": page,
            "cards": cards_for(page.object_list, context["query"]) if page else [],
            "page_links": list(
                paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            )
            if page and paginator.num_pages > 1
            else [],
            "ellipsis": Paginator.ELLIPSIS,
            "page_error": page_error,
            "last_page_url": "?" + urlencode([*context["pairs"], ("page", paginator.num_pages)]),
            "suggestion": suggestion,
            "sort_choice": filterset.sort_choice,
            "sort_choices": [
                choice for choice in SORT_CHOICES if choice[0] != "relevance" or filterset.searching
            ],
            "page_title": page_title,
            "briefing_most": briefing_render.MOST_CASE_STUDIES,
        }
    )
    return render(request, "casestudies/case_study_list.html", context, status=status)


@require_safe
@cache_public_page(query=INSIGHTS_QUERY)
def insights(request):
    filterset, valid, context = _filtering(request)
    figures = selectors.insights(filterset)
    context.update(evidence.insights_context(request.GET, filterset, figures))
    context.update(
        {
            "figures": figures,
            "charts": charts_for(figures),
            "lens": gap.page_context(figures),
            "page_title": _page_title("Insights", context["active_filters"]),
        }
    )
    status = 200 if valid and not context["evidence_error"] else 400
    return render(request, "casestudies/insights.html", context, status=status)


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
    case_study = _case_study_queryset().filter(slug=slug).first()
    if case_study is None:
        response = _redirect_from_old_slug(slug, staff)
        if response is not None:
            return response
        raise Http404("No case study at this address.")
    if not case_study.is_public and not staff:
        raise Http404("No case study at this address.")

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
    return render(
        request,
        "casestudies/case_study_detail.html",
        {
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
            "stages": [
                {"value": value, "label": label, "description": STAGE_DESCRIPTIONS[value]}
                for value, label in Stage.choices
            ],
            "coordinates": _coordinates(case_study),
            "deprivation": gap.deprivation_context(case_study),
            "partnership_status_description": PARTNERSHIP_STATUS_DESCRIPTIONS.get(
                case_study.partnership_status, ""
            ),
            "homes_not_yet_finished_stages": (Stage.GROUP, Stage.SITE, Stage.PLAN, Stage.BUILD),
            "canonical_url": canonical,
            "structured_data": _structured_data(case_study, partners, canonical),
            "not_public_reason": _not_public_reason(case_study),
            "citation": citations.views.page_context(case_study),
            "checked": verification.page_notice(case_study),
        },
    )


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


ORGANISATIONS_PER_PAGE = 100


def _page_or_404(paginator, request, what):
    """(page, status): a page number that is not a whole number gives the first page and
    400; one beyond the results, "not found". Anything else (the database away) is left
    to the error handling every page has."""
    try:
        return paginator.page(int(request.GET.get("page", "1") or 1)), 200
    except (ValueError, TypeError, OverflowError):
        return paginator.page(1), 400
    except InvalidPage:
        raise Http404(f"There is no such page of {what}.") from None


@require_safe
@cache_public_page(query=ORGANISATIONS_QUERY)
def organisation_list(request):
    public_ids = selectors.public_organisation_ids()
    kinds = dict(OrganisationKind.choices)
    kind = request.GET.get("kind", "")
    status = 200
    kind_error = ""
    if kind and kind not in kinds:
        kind_error = "We don't recognise that kind of organisation, so all kinds are shown."
        kind, status = "", 400
    organisations = (
        Organisation.objects.filter(pk__in=public_ids).select_related("successor").order_by("name")
    )
    kind_counts = dict(
        Organisation.objects.filter(pk__in=public_ids)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    if kind:
        organisations = organisations.filter(kind=kind)
    paginator = Paginator(organisations, ORGANISATIONS_PER_PAGE)
    page, page_status = _page_or_404(paginator, request, "organisations")
    status = max(status, page_status)
    counts = selectors.public_case_study_counts([o.pk for o in page.object_list])
    for organisation in page.object_list:
        organisation.public_case_studies = counts.get(organisation.pk, 0)
    return render(
        request,
        "casestudies/organisation_list.html",
        {
            "page_obj": page,
            "paginator": paginator,
            "kind": kind,
            "kind_label": kinds.get(kind, ""),
            "kind_error": kind_error,
            "kinds": [
                (value, label, kind_counts[value])
                for value, label in OrganisationKind.choices
                if kind_counts.get(value)
            ],
        },
        status=status,
    )


ORGANISATION_CASE_STUDIES_PER_PAGE = 50


@require_safe
@cache_public_page(query=PAGED_QUERY)
def organisation_detail(request, slug):
    organisation = Organisation.objects.select_related("successor").filter(slug=slug).first()
    if organisation is None:  # perhaps merged into another, whose address it now leads to
        merged = merging.redirect_for(slug)
        if merged is None:
            raise Http404("No organisation at this address.")
        return merged
    case_studies, lineage = selectors.organisation_case_studies(organisation)
    staff = selectors.is_staff_viewer(request.user)
    paginator = Paginator(case_studies, ORGANISATION_CASE_STUDIES_PER_PAGE)
    if not paginator.count and not staff:
        raise Http404("No organisation at this address.")
    page, status = _page_or_404(paginator, request, "partnerships")
    roles = {}
    for partner in CaseStudyPartner.objects.filter(
        organisation_id__in=lineage, case_study_id__in=[cs.pk for cs in page.object_list]
    ).select_related("organisation"):
        roles.setdefault(partner.case_study_id, []).append(partner)
    for case_study in page.object_list:
        case_study.organisation_roles = roles.get(case_study.pk, [])
    public_ids = selectors.public_organisation_ids()
    predecessors = [
        p for p in organisation.predecessors.order_by("name") if p.pk in public_ids or staff
    ]
    # The same partnerships in the finder, to filter further or download: every
    # organisation in the lineage that is a partner in something published.
    partner_names = facet_index.current().partner_names
    earlier = sorted(
        (partner_names[pk] for pk in lineage if pk != organisation.pk and pk in partner_names),
        key=lambda pair: pair[1],
    )
    finder_slugs = [organisation.slug, *(slug for slug, _ in earlier)]
    return render(
        request,
        "casestudies/organisation_detail.html",
        {
            "organisation": organisation,
            "page_obj": page,
            "paginator": paginator,
            "page_links": list(
                paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            )
            if paginator.num_pages > 1
            else [],
            "ellipsis": Paginator.ELLIPSIS,
            "finder_url": path_to("casestudies:case_study_list")
            + "?"
            + urlencode([("partner", s) for s in finder_slugs]),
            "predecessors": predecessors,
            "successor_public": organisation.successor_id in public_ids or staff,
            "canonical_url": absolute_url(organisation.get_absolute_url()),
        },
        status=status,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        # Filter combinations are endless; the sitemap lists every page worth indexing.
        "Disallow: /case-studies/?",
        "Disallow: /organisations/?",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


MAP_LIST_LIMIT = 200


@require_safe
@cache_public_page(query=FILTERS_QUERY)
def map_view(request):
    filterset, valid, context = _filtering(request, facets=False)
    mapped = filterset.qs.filter(latitude__isnull=False, longitude__isnull=False)
    context.update(
        {
            "mapped_count": mapped.count(),
            "total_count": filterset.qs.count(),
            "mapped": list(mapped.only("slug", "title", "place_name", "region")[:MAP_LIST_LIMIT]),
            "list_limit": MAP_LIST_LIMIT,
            "lens": gap.page_context(selectors.insights(filterset)),
            "layer_percents": map_layers.layer_percents(),
            "page_title": _page_title("Map", context["active_filters"]),
        }
    )
    return render(request, "casestudies/map.html", context, status=200 if valid else 400)


@require_safe
@cache_public_page(query=COMPARE_QUERY)
def compare(request):
    wanted = []
    for slug in request.GET.getlist("cs"):
        if slug not in wanted:
            wanted.append(slug)
    messages = []
    if len(wanted) > COMPARE_MOST:
        messages.append(
            f"You can compare up to {COMPARE_MOST} case studies at once, so the first {COMPARE_MOST} are shown."
        )
        wanted = wanted[:COMPARE_MOST]
    valid_slugs = [slug for slug in wanted if SLUG_PATTERN.fullmatch(slug or "")]
    found = {
        case_study.slug: case_study
        for case_study in selectors.published_case_studies()
        .filter(slug__in=valid_slugs)
        .with_partners()
        .with_outcomes()
    }
    missing = [slug for slug in wanted if slug not in found]
    if missing:
        messages.append(
            "We could not find "
            + ", ".join(f"“{slug[:60]}”" for slug in missing)
            + ": it may have been renamed or is not public."
        )
    chosen = [found[slug] for slug in wanted if slug in found]
    for case_study in chosen:
        params = request.GET.copy()
        params.setlist("cs", [c.slug for c in chosen if c.slug != case_study.slug])
        case_study.remove_url = f"?{params.urlencode()}"
    return render(
        request,
        "casestudies/compare.html",
        {
            "chosen": chosen,
            "rows": selectors.comparison_rows(chosen),
            "messages_list": messages,
            "most": COMPARE_MOST,
        },
        status=200 if not missing else 400,
    )


@require_safe
@cache_public_page
def open_data(request):
    from .exports import FIELDS
    from .releases.catalogue import schema_org_dataset

    return render(
        request,
        "casestudies/open_data.html",
        {"fields": FIELDS, "structured_data": schema_org_dataset()},
    )
