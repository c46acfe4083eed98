"""Importing case studies, with their partners and a source, from a spreadsheet (CSV or
Excel), through django-import-export.

Every import is tried first in a transaction that is rolled back (the dry run), and every
row's problems are listed in plain words before anything is written. Case studies come in
as drafts only, whatever the sheet says; organisations are matched by slug or name, never
made up; history records who imported each one; and if anything fails while writing, the
whole import is rolled back.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from casestudies.models import CaseStudy, CaseStudyPartner, Source
from casestudies.models.choices import PartnerRole, Status
from casestudies.workspace.spreadsheets import (
    CheckedRowsResource,
    ImportOptions,
    SheetKind,
    cell,
    find_organisation,
)

CHANGE_REASON = "Imported from a spreadsheet"

# (column heading, model field) for the case study's own fields, in the template's order.
CASE_STUDY_COLUMNS = [
    ("Title", "title"),
    ("Address (slug)", "slug"),
    ("Summary", "summary"),
    ("Story", "body"),
    ("Key messages", "key_messages"),
    ("Place", "place_name"),
    ("Local authority", "local_authority_name"),
    ("Region", "region"),
    ("Setting", "setting"),
    ("Community model", "community_model"),
    ("Delivery", "delivery"),
    ("Stage", "stage"),
    ("Year started", "year_started"),
    ("Year completed", "year_completed"),
    ("Homes built", "homes_built"),
    ("Homes refurbished", "homes_refurbished"),
    ("Funders", "funders"),
]
# Columns that make other records: the partners and one source.
PARTNER_COLUMNS = [
    ("Housing association", PartnerRole.HOUSING_ASSOCIATION),
    ("Community partner", PartnerRole.COMMUNITY),
]
SOURCE_COLUMNS = [("Source title", "title"), ("Source address", "url")]
HEADERS = [heading for heading, _ in CASE_STUDY_COLUMNS + PARTNER_COLUMNS + SOURCE_COLUMNS]


class CaseStudyResource(CheckedRowsResource):
    columns = CASE_STUDY_COLUMNS

    class Meta(ImportOptions):
        model = CaseStudy
        fields = [name for _, name in CASE_STUDY_COLUMNS]

    def check_row(self, row):
        problems = {}
        if not cell(row, "Title"):
            problems["title"] = "Every case study needs a title."
        slug = cell(row, "Address (slug)") or slugify(cell(row, "Title"))[:200]
        row["Address (slug)"] = slug
        if slug and CaseStudy.objects.filter(slug=slug).exists():
            problems["slug"] = (
                f"A case study already has the address “{slug}”: give this one another."
            )
        seen = getattr(self, "_slugs_seen", set())
        if slug in seen:
            problems["slug"] = f"Two rows have the address “{slug}”: give each its own."
        seen.add(slug)
        self._slugs_seen = seen
        for heading, _ in PARTNER_COLUMNS:
            name = cell(row, heading)
            if name and find_organisation(name) is None:
                problems[heading] = (
                    f"No organisation is called “{name}” (by name or slug): add it first, or check the spelling."
                )
        if not any(cell(row, heading) for heading, _ in PARTNER_COLUMNS):
            problems["Partners"] = (
                "Name at least one partner: a housing association or a community partner."
            )
        if cell(row, "Source address") and not cell(row, "Source title"):
            problems["Source title"] = "Give the source a title as well as its address."
        return problems

    def before_save_instance(self, instance, row, **kwargs):
        # Drafts only, whatever else the sheet holds: publishing is a publisher's decision.
        instance.status, instance.published_at = Status.DRAFT, None
        instance.created_by = instance.updated_by = self.user
        instance._change_reason = CHANGE_REASON
        instance._history_user = self.user

    def after_save_instance(self, instance, row, **kwargs):
        for order, (heading, role) in enumerate(PARTNER_COLUMNS):
            name = cell(row, heading)
            if name:
                partner = CaseStudyPartner(
                    case_study=instance,
                    organisation=find_organisation(name),
                    role=role,
                    order=order,
                )
                partner._change_reason = CHANGE_REASON
                partner.save()
        title, url = (cell(row, heading) for heading, _ in SOURCE_COLUMNS)
        if title:
            source = Source(case_study=instance, title=title, url=url)
            try:
                source.full_clean(exclude=["case_study"])
            except ValidationError as invalid:
                raise ValidationError(
                    {f"Source {name}": errors for name, errors in invalid.message_dict.items()}
                ) from None
            source._change_reason = CHANGE_REASON
            source.save()


CASE_STUDIES = SheetKind(
    noun="case study",
    plural="case studies",
    headers=HEADERS,
    required="Title",
    resource=CaseStudyResource,
    labels={name: heading for heading, name in CASE_STUDY_COLUMNS},
    file_stem="case-studies-template",
    explanation=(
        "Each row of the spreadsheet becomes a draft case study, with its partners (matched to "
        "organisations already in the library by name or address) and one source."
    ),
    describe=lambda row: cell(row, "Title"),
    done=(
        "Imported {counted} from {file_name} as drafts: "
        "none is public until a publisher publishes it."
    ),
    after_import="casestudies_casestudy_changelist",
    after_import_query="?status__exact=draft",
    preview_note="They come in as drafts, whatever the sheet says: none is public until a publisher publishes it.",
)
