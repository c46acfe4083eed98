"""Open data: the published library as CSV, JSON and GeoJSON.

All three take the finder's query parameters through `selectors.filter_case_studies`,
so any filtered list can be downloaded, and only published case studies ever appear.
Field names are stable: they are documented on /open-data/ and in the README, and new
fields are only ever added at the end.
"""

import csv
import itertools
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from casestudies.caching import cache_public_page
from casestudies.canonical import Query, Whole
from casestudies.finder import selectors
from casestudies.models import (
    CaseStudyImage,
    CaseStudyPartner,
    OrganisationIdentifier,
    Source,
    Theme,
    evidence,
)
from casestudies.models.choices import REGION_CODES, TENURE_FIELDS, DeprivationIndex, PartnerRole
from casestudies.models.organisations import name_with_successor
from casestudies.presenters.links import absolute_url
from casestudies.presenters.routes import open_to_other_sites

CHUNK = 500
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100

# (field, description) in the order of the CSV columns.
FIELDS = [
    ("slug", "Stable identifier; the end of the case study's web address."),
    ("title", "Title."),
    ("url", "The case study's page."),
    ("summary", "Two or three sentences about the partnership."),
    ("place_name", "Village, town or neighbourhood."),
    ("local_authority_name", "Local authority."),
    ("local_authority_code", "ONS code of the local authority, e.g. E06000057."),
    (
        "lsoa_code",
        "Official code of the neighbourhood: an LSOA in England or Wales, a Data Zone in Scotland, a Super Output Area in Northern Ireland.",
    ),
    ("region", "Region, as the finder's slug, e.g. north-east."),
    ("region_name", "Region, in words."),
    ("region_code", "ONS code of the region or nation."),
    ("latitude", "Latitude of the place (its centre, not the homes)."),
    ("longitude", "Longitude of the place."),
    ("setting", "rural-village, market-town, suburban, urban or coastal."),
    (
        "imd_decile",
        "Deprivation decile of the neighbourhood in its own nation's index: 1 is that nation's most deprived 10%. Not comparable between nations.",
    ),
    (
        "imd_edition",
        "The index the decile comes from: "
        + "; ".join(f"{key} ({label})" for key, label in DeprivationIndex.choices)
        + ".",
    ),
    (
        "imd_basis",
        "How the decile was found: coordinates (the neighbourhood the coordinates lie in), neighbourhood (a code entered by staff), local-authority (the authority's average) or hand (entered by staff).",
    ),
    (
        "community_model",
        "clt, cooperative, cohousing, self-help, development-trust, tenant-management or other.",
    ),
    ("partnership_arrangement", "How the partnership is arranged, as a slug."),
    ("arrangement_detail", "The arrangement in a sentence."),
    ("delivery", "new-build, refurbishment, conversion or mixed."),
    ("homes_built", "New-build homes."),
    ("homes_refurbished", "Homes refurbished or converted from existing buildings."),
    ("homes_total", "Homes built plus refurbished."),
    *[(field, f"Homes at {tenure.label.lower()}.") for tenure, field in TENURE_FIELDS.items()],
    ("stage", "group, site, plan, build or live."),
    ("year_started", "Year started."),
    ("year_completed", "Year completed."),
    ("capital_cost_gbp", "Capital cost, pounds."),
    ("grant_funding_gbp", "Capital grant, pounds."),
    ("revenue_funding_gbp", "Revenue funding, pounds."),
    ("funders", "Who paid, in words."),
    ("partners", "Partner organisations with their roles, separated by “; ”."),
    ("partner_slugs", "Partner organisations' slugs, separated by spaces."),
    ("themes", "Theme slugs, separated by spaces."),
    ("sources", "Web addresses of the sources, separated by spaces."),
    ("unconfirmed", "What the sources do not confirm."),
    ("published_at", "When it was first published (ISO 8601)."),
    ("updated_at", "When it was last changed (ISO 8601)."),
    (
        "partnership_status",
        "active, ended or stalled: whether the partnership goes on (ended and stalled ones are kept as lessons).",
    ),
    (
        "location_basis",
        "What latitude and longitude mark: place-centre (the centre of the place named, not the homes), site, or area-centre (the centre of a wider area a programme covers).",
    ),
    ("neighbourhood_name", "Official name of the neighbourhood code."),
    (
        "imd_approximate",
        "true when the neighbourhood or its decile is uncertain: found from the centre of the place rather than the homes, the nearest to a point in none, or a 2021 area merged from 2011 areas in different deciles.",
    ),
    (
        "partner_identifiers",
        "Partner organisations' identifiers in org-id.guide form (e.g. GB-COH-08123456), separated by spaces.",
    ),
]
FIELD_NAMES = [name for name, _ in FIELDS]


def licence():
    return {
        "name": settings.DATA_LICENCE_NAME,
        "url": settings.DATA_LICENCE_URL,
        "attribution": settings.SITE_NAME,
    }


def _api_queryset(queryset):
    """Everything a JSON record shows, in a fixed number of queries."""
    return (
        queryset.with_partners()
        .with_outcomes()
        .prefetch_related(
            "partners__organisation__identifiers",
            "themes",
            "sources",
            Prefetch(
                "images", queryset=CaseStudyImage.objects.order_by("-is_cover", "order", "pk")
            ),
        )
    )


def _number(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    return value


@dataclass
class Related:
    """What a flat record shows of a case study's partners, themes and sources."""

    partners: list = field(default_factory=list)  # (display name, role, slug)
    themes: list = field(default_factory=list)  # slugs
    sources: list = field(default_factory=list)  # web addresses
    identifiers: list = field(default_factory=list)  # partners' org-id.guide identifiers


def related_in_bulk(ids):
    """{case study pk: Related} in four queries of plain rows: a CSV of the whole library
    would otherwise build ten model objects for every line."""
    found = {pk: Related() for pk in ids}
    roles = dict(PartnerRole.choices)
    partners = CaseStudyPartner.objects.filter(case_study_id__in=ids).order_by(
        "case_study_id", "order", "pk"
    )
    organisations = {}
    for pk, name, successor, role, slug, organisation_id in partners.values_list(
        "case_study_id",
        "organisation__name",
        "organisation__successor__name",
        "role",
        "organisation__slug",
        "organisation_id",
    ):
        display_name = name_with_successor(name, successor)
        found[pk].partners.append((display_name, roles.get(role, role), slug))
        organisations.setdefault(organisation_id, []).append(pk)
    identifiers = OrganisationIdentifier.objects.filter(organisation_id__in=organisations)
    for organisation_id, identifier in identifiers.order_by("identifier").values_list(
        "organisation_id", "identifier"
    ):
        for pk in organisations[organisation_id]:
            if identifier not in found[pk].identifiers:
                found[pk].identifiers.append(identifier)
    themes = Theme.case_studies.through.objects.filter(casestudy_id__in=ids).order_by(
        "casestudy_id", "theme__name"
    )
    for pk, slug in themes.values_list("casestudy_id", "theme__slug"):
        found[pk].themes.append(slug)
    for pk, url in (
        Source.objects.filter(case_study_id__in=ids)
        .order_by("case_study_id", "order", "pk")
        .values_list("case_study_id", "url")
    ):
        found[pk].sources.append(url)
    return found


def flat_record(case_study, related):
    """One case study as the flat record the CSV holds (and the JSON builds on)."""
    record = {
        "slug": case_study.slug,
        "title": case_study.title,
        "url": absolute_url(case_study.get_absolute_url()),
        "summary": case_study.summary,
        "place_name": case_study.place_name,
        "local_authority_name": case_study.local_authority_name,
        "local_authority_code": case_study.local_authority_code,
        "lsoa_code": case_study.lsoa_code,
        "region": case_study.region,
        "region_name": case_study.get_region_display() if case_study.region else "",
        "region_code": REGION_CODES.get(case_study.region, ""),
        "latitude": _number(case_study.latitude),
        "longitude": _number(case_study.longitude),
        "setting": case_study.setting,
        "imd_decile": case_study.imd_decile,
        "imd_edition": case_study.imd_edition,
        "imd_basis": case_study.imd_basis,
        "community_model": case_study.community_model,
        "partnership_arrangement": case_study.partnership_arrangement,
        "arrangement_detail": case_study.arrangement_detail,
        "delivery": case_study.delivery,
        "homes_built": case_study.homes_built,
        "homes_refurbished": case_study.homes_refurbished,
        "homes_total": case_study.homes_total,
        **{field: getattr(case_study, field) for field in TENURE_FIELDS.values()},
        "stage": case_study.stage,
        "year_started": case_study.year_started,
        "year_completed": case_study.year_completed,
        "capital_cost_gbp": case_study.capital_cost,
        "grant_funding_gbp": case_study.grant_funding,
        "revenue_funding_gbp": case_study.revenue_funding,
        "funders": case_study.funders,
        "partners": "; ".join(f"{name} ({role.lower()})" for name, role, _ in related.partners),
        "partner_slugs": " ".join(slug for _, _, slug in related.partners),
        "themes": " ".join(related.themes),
        "sources": " ".join(url for url in related.sources if url),
        "unconfirmed": case_study.verification_notes,
        "published_at": case_study.published_at.isoformat() if case_study.published_at else None,
        "updated_at": case_study.updated_at.isoformat(),
        "partnership_status": case_study.partnership_status,
        "location_basis": case_study.location_basis,
        "neighbourhood_name": case_study.neighbourhood_name,
        "imd_approximate": case_study.imd_approximate,
        "partner_identifiers": " ".join(related.identifiers),
    }
    return record


def _safe_cell(value):
    """Text that a spreadsheet would run as a formula (=, +, -, @) is made literal."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def _batches(queryset):
    batch = []
    for item in queryset.iterator(chunk_size=CHUNK):
        batch.append(item)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _csv_chunks(queryset):
    """The CSV, a batch of rows at a time; the first chunk also holds the heading row."""
    writer = csv.writer(_Echo())
    # The byte-order mark makes spreadsheet programs read the file as UTF-8.
    heading = "\ufeff" + writer.writerow(FIELD_NAMES)
    for batch in _batches(queryset):
        related = related_in_bulk([case_study.pk for case_study in batch])
        yield heading + "".join(
            writer.writerow(
                [
                    _safe_cell(value)
                    for value in flat_record(case_study, related[case_study.pk]).values()
                ]
            )
            for case_study in batch
        )
        heading = ""
    if heading:
        yield heading  # no rows


def _bad_filters(filterset, as_json=False):
    errors = {name: list(messages) for name, messages in filterset.form.errors.items()}
    if as_json:
        return _cors(JsonResponse({"errors": errors}, status=400))
    lines = ["Some of the filters could not be used, so nothing was exported:"]
    lines += [f"- {name}: {' '.join(messages)}" for name, messages in errors.items()]
    return HttpResponse(
        "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


def _licence_header(response):
    response["Link"] = f'<{settings.DATA_LICENCE_URL}>; rel="license"'
    return response


def _streamed(chunks, **kwargs):
    """A download sent as it is made, whose first chunk (and so its first reads from the
    database) is made before the status is sent: with the database away, the answer is
    a 503 with Retry-After like any page's, not a 200 cut short."""
    first = next(chunks)
    return StreamingHttpResponse(itertools.chain([first], chunks), **kwargs)


@open_to_other_sites
@require_http_methods(["GET", "HEAD"])
def case_studies_csv(request):
    filterset = selectors.filter_case_studies(request.GET)
    if not filterset.is_valid():
        return _bad_filters(filterset)
    response = _streamed(_csv_chunks(filterset.qs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        'attachment; filename="partnerships-in-place-case-studies.csv"'
    )
    return _licence_header(response)


# JSON -----------------------------------------------------------------------------------


def _cors(response):
    """Anyone may read the JSON from a browser on another site; nobody may write, and no
    credentials are ever sent or accepted."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept"
    response["Access-Control-Max-Age"] = "86400"
    return response


def _images_json(case_study):
    result = []
    for image in case_study.images.all():
        picture = image.picture()
        largest = picture["fallback"][-1]
        result.append(
            {
                "url": absolute_url(largest.url),
                "width": largest.width,
                "height": largest.height,
                "alt": image.alt,
                "caption": image.caption,
                "credit": image.credit,
                "licence": image.licence,
                "is_cover": image.is_cover,
                "renditions": {
                    kind: [
                        {"url": absolute_url(r.url), "width": r.width, "height": r.height}
                        for r in picture[key]
                    ]
                    for kind, key in (("webp", "webp"), ("jpeg", "fallback"))
                },
            }
        )
    return result


def json_record(case_study):
    record = flat_record(case_study, Related())  # the JSON gives these in full below
    for flattened in ("partners", "partner_slugs", "themes", "sources", "partner_identifiers"):
        record.pop(flattened)
    record["partners"] = [
        {
            "name": p.organisation.name,
            "slug": p.organisation.slug,
            "kind": p.organisation.kind,
            "role": p.role,
            "role_detail": p.role_detail,
            "successor": {
                "name": p.organisation.successor.name,
                "slug": p.organisation.successor.slug,
            }
            if p.organisation.successor_id
            else None,
            "url": absolute_url(p.organisation.get_absolute_url()),
            "identifiers": [i.identifier for i in p.organisation.identifiers.all()],
        }
        for p in case_study.partners.all()
    ]
    record["themes"] = [
        {"slug": theme.slug, "name": theme.name} for theme in case_study.themes.all()
    ]
    record["sources"] = [
        {
            "title": s.title,
            "url": s.url,
            "publisher": s.publisher,
            "accessed_on": s.accessed_on.isoformat() if s.accessed_on else None,
            "note": s.note,
        }
        for s in case_study.sources.all()
    ]
    record["outcomes"] = [
        {
            "indicator": {
                "slug": o.indicator.slug,
                "name": o.indicator.name,
                "framework": o.indicator.framework,
                "unit": o.indicator.unit,
            },
            "value": _number(o.value),
            "year": o.year,
            "baseline": _number(o.baseline),
            "baseline_year": o.baseline_year,
            "method": o.method,
            "note": o.note,
            "source_url": o.source.url if o.source_id else None,
            "evidence_strength": evidence.slug_of(o.evidence_strength),
        }
        for o in case_study.outcomes.all()
    ]
    record["images"] = _images_json(case_study)
    record["links"] = {
        "html": record["url"],
        "api": absolute_url(reverse("casestudies:api_detail", args=[case_study.slug])),
    }
    return record


def _positive_int(value, maximum=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    if number < 1:
        return None
    return min(number, maximum) if maximum else number


@open_to_other_sites
@require_http_methods(["GET", "HEAD", "OPTIONS"])
@cache_public_page(
    query=Query(selectors.filter_form_fields, page=Whole(), page_size=Whole(1, API_MAX_PAGE_SIZE))
)
def api_case_studies(request):
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204))
    filterset = selectors.filter_case_studies(request.GET)
    if not filterset.is_valid():
        return _bad_filters(filterset, as_json=True)
    page_size = _positive_int(request.GET.get("page_size", API_PAGE_SIZE), API_MAX_PAGE_SIZE)
    number = _positive_int(request.GET.get("page", 1))
    if page_size is None or number is None:
        return _cors(
            JsonResponse(
                {"errors": {"page": ["page and page_size must be whole numbers from 1."]}},
                status=400,
            )
        )
    paginator = Paginator(_api_queryset(filterset.qs), page_size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return _cors(
            JsonResponse(
                {
                    "errors": {
                        "page": [f"There is no page {number}: there are {paginator.num_pages}."]
                    }
                },
                status=404,
            )
        )

    def link(page_number):
        params = request.GET.copy()
        params["page"] = page_number
        return absolute_url(f"{request.path}?{params.urlencode()}")

    body = {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "licence": licence(),
        "results": [json_record(case_study) for case_study in page.object_list],
    }
    return _licence_header(_cors(JsonResponse(body, json_dumps_params={"ensure_ascii": False})))


@open_to_other_sites
@require_http_methods(["GET", "HEAD", "OPTIONS"])
@cache_public_page
def api_case_study(request, slug):
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204))
    queryset = _api_queryset(selectors.published_case_studies())
    try:
        case_study = get_object_or_404(queryset, slug=slug)
    except Http404:
        return _cors(
            JsonResponse(
                {"errors": {"slug": ["No published case study has this slug."]}}, status=404
            )
        )
    body = {"licence": licence(), "result": json_record(case_study)}
    return _licence_header(_cors(JsonResponse(body, json_dumps_params={"ensure_ascii": False})))


# GeoJSON --------------------------------------------------------------------------------


def _feature(case_study):
    return json.dumps(
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(case_study.longitude), float(case_study.latitude)],
            },
            "properties": {
                "slug": case_study.slug,
                "title": case_study.title,
                "url": absolute_url(case_study.get_absolute_url()),
                "place_name": case_study.place_name,
                "region": case_study.region,
                "community_model": case_study.community_model,
                "delivery": case_study.delivery,
                "homes_total": case_study.homes_total,
                "imd_decile": case_study.imd_decile,
                "imd_edition": case_study.imd_edition,
                "partnership_status": case_study.partnership_status,
                "location_basis": case_study.location_basis,
            },
        },
        ensure_ascii=False,
    )


def _feature_chunks(queryset):
    """The GeoJSON, a batch of features at a time, opening with the first batch."""
    opening = (
        '{"type": "FeatureCollection", "licence": ' + json.dumps(licence()) + ', "features": ['
    )
    located = queryset.filter(latitude__isnull=False, longitude__isnull=False)
    for batch in _batches(located):
        yield opening + ",".join(_feature(case_study) for case_study in batch)
        opening = ","
    yield ("" if opening == "," else opening) + "]}"


@open_to_other_sites
@require_http_methods(["GET", "HEAD"])
def case_studies_geojson(request):
    filterset = selectors.filter_case_studies(request.GET)
    if not filterset.is_valid():
        return _bad_filters(filterset)
    queryset = filterset.qs.only(
        "slug",
        "title",
        "place_name",
        "region",
        "community_model",
        "delivery",
        "homes_total",
        "imd_decile",
        "imd_edition",
        "latitude",
        "longitude",
        "partnership_status",
        "location_basis",
    )
    response = _streamed(_feature_chunks(queryset), content_type="application/geo+json")
    return _licence_header(_cors(response))
