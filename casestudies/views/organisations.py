"""Organisations: the list, and each one's page with its partnerships."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from casestudies.caching import cache_public_page
from casestudies.canonical import Choice, FreeText, Query, Whole
from casestudies.finder import facet_index, selectors
from casestudies.finder.per_version import PerVersion
from casestudies.models import CaseStudyPartner, Organisation
from casestudies.models.choices import (
    OrganisationKind,
)
from casestudies.presenters.links import absolute_url, path_to
from casestudies.presenters.routes import in_sitemap
from casestudies.views.filtering import page_or_404, whole_query
from casestudies.workspace import merging

SEARCH_MOST = 100  # characters: longer is no organisation's name


def _search_parameter():
    parameter = FreeText()
    parameter.blank_is_absent = True  # the form sends q= when nothing is typed
    return parameter


ORGANISATIONS_QUERY = Query(
    kind=Choice(OrganisationKind.values), q=_search_parameter(), page=Whole()
)


PAGED_QUERY = Query(page=Whole())


ORGANISATIONS_PER_PAGE = 100


@in_sitemap
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
    query = " ".join(request.GET.get("q", "").split())
    if len(query) > SEARCH_MOST:
        kind_error = f"Searches can be up to {SEARCH_MOST} characters long, so every name is shown."
        query, status = "", 400
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
    if query:
        organisations = organisations.filter(name__icontains=query)
    paginator = Paginator(organisations, ORGANISATIONS_PER_PAGE)
    page, page_status = page_or_404(paginator, request, "organisations")
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
            "query": query,
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


# Each page of an organisation as the public sees it, read and rendered once per library
# version: six queries, some over every partnership of a large organisation, and a list
# of up to 50 partnerships on every request.
_public_organisation_pages = PerVersion(limit=1000)  # 2 to 15 KB a page
PAGE_TEMPLATE = "casestudies/organisation_detail.html"
ARTICLE_TEMPLATE = "casestudies/includes/organisation_article.html"


@require_safe
@cache_public_page(query=PAGED_QUERY)
def organisation_detail(request, slug):
    staff = selectors.is_staff_viewer(request.user)
    # The whole query: the page links carry whatever else it holds.
    key = (slug, whole_query(request.GET))
    kept = {} if staff else _public_organisation_pages.current()
    found = kept.get(key)
    if found is None:
        found = _organisation_page(request, slug, staff)
        if isinstance(found, HttpResponse):
            return found
        if not staff and found[1] == 200:
            kept[key] = found
    context, status = found
    return render(request, PAGE_TEMPLATE, context, status=status)


def _organisation_page(request, slug, staff):
    """(page, status) for one page of an organisation: its article rendered and what the
    page around it needs; or a redirect to the organisation a merged one now leads to."""
    organisation = (
        Organisation.objects.select_related("successor")
        .prefetch_related("identifiers")
        .filter(slug=slug)
        .first()
    )
    if organisation is None:  # perhaps merged into another, whose address it now leads to
        merged = merging.redirect_for(slug)
        if merged is None:
            raise Http404("No organisation at this address.")
        return merged
    case_studies, lineage = selectors.organisation_case_studies(organisation)
    paginator = Paginator(case_studies, ORGANISATION_CASE_STUDIES_PER_PAGE)
    if not paginator.count and not staff:
        raise Http404("No organisation at this address.")
    page, status = page_or_404(paginator, request, "partnerships")
    page.object_list = list(page.object_list)
    roles = {}
    for partner in CaseStudyPartner.objects.filter(
        organisation_id__in=lineage, case_study_id__in=[cs.pk for cs in page.object_list]
    ).select_related("organisation"):
        roles.setdefault(partner.case_study_id, []).append(partner)
    for case_study in page.object_list:
        case_study.organisation_roles = roles.get(case_study.pk, [])
    public_ids = selectors.public_organisation_ids()
    # Every organisation it succeeded, however many steps back: the lineage its
    # partnerships were gathered from.
    predecessors = [
        p
        for p in Organisation.objects.filter(pk__in=lineage - {organisation.pk})
        .select_related("successor")
        .order_by("name")
        if p.pk in public_ids or staff
    ]
    # The same partnerships in the finder, to filter further or download: every
    # organisation in the lineage that is a partner in something published.
    partner_names = facet_index.current().partner_names
    earlier = sorted(
        (partner_names[pk] for pk in lineage if pk != organisation.pk and pk in partner_names),
        key=lambda pair: pair[1],
    )
    finder_slugs = [organisation.slug, *(slug for slug, _ in earlier)]
    partner_query = urlencode([("partner", slug) for slug in finder_slugs])
    places = selectors.organisation_places(lineage)
    context = {
        "organisation": organisation,
        "page_obj": page,
        "paginator": paginator,
        "page_links": list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
        if paginator.num_pages > 1
        else [],
        "ellipsis": Paginator.ELLIPSIS,
        "finder_url": path_to("casestudies:case_study_list") + "?" + partner_query,
        "predecessors": predecessors,
        "places": places,
        "places_located": any(place["latitude"] is not None for place in places),
        "geojson_url": path_to("casestudies:export_geojson") + "?" + partner_query,
        "successor_public": organisation.successor_id in public_ids or staff,
        "canonical_url": absolute_url(organisation.get_absolute_url()),
    }
    # What the page around the article reads, and no more: a kept page is little more
    # than its HTML.
    around = {
        "article_html": render_to_string(ARTICLE_TEMPLATE, context, request),
        "organisation": {
            "name": organisation.name,
            "display_name": organisation.display_name,
            "description": organisation.description,
        },
        "canonical_url": context["canonical_url"],
        "noindex": not paginator.count or page.number > 1,
        "places_located": context["places_located"],
    }
    return around, status
