"""Importing case studies, with their partners and a source, from a spreadsheet (CSV or
Excel), through django-import-export.

Every import is tried first in a transaction that is rolled back (the dry run), and every
row's problems are listed in plain words before anything is written. Case studies come in
as drafts only, whatever the sheet says; organisations are matched by slug or name, never
made up; history records who imported each one; and if anything fails while writing, the
whole import is rolled back.
"""

import csv
import io

import tablib
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from import_export import fields, resources, widgets

from casestudies.models import CaseStudy, CaseStudyPartner, Organisation, Source
from casestudies.models.choices import PartnerRole, Status

CHANGE_REASON = "Imported from a spreadsheet"
MAX_ROWS = 2000

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


class ImportRefused(Exception):
    """The file as a whole cannot be read; the message says why in plain words."""


class WholeNumber(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ValueError, ArithmeticError):
            raise ValueError(f"Write a whole number, such as 12, not “{value}”.") from None


class Choice(widgets.CharWidget):
    """A vocabulary value written as its label ("North East") or its slug ("north-east")."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.by_word = {}
        for value, label in choices:
            self.by_word[value.lower()] = value
            self.by_word[str(label).lower()] = value
        self.labels = [str(label) for _, label in choices]

    def clean(self, value, row=None, **kwargs):
        text = (super().clean(value, row, **kwargs) or "").strip()
        if not text:
            return ""
        if text.lower() not in self.by_word:
            raise ValueError(f"“{text}” is not one of: {', '.join(self.labels)}.")
        return self.by_word[text.lower()]


def _field_for(heading, name):
    model_field = CaseStudy._meta.get_field(name)
    if model_field.choices:
        widget = Choice(model_field.choices)
    elif isinstance(model_field, models.IntegerField):
        widget = WholeNumber()
    else:
        widget = widgets.CharWidget(allow_blank=True)
    return fields.Field(attribute=name, column_name=heading, widget=widget)


class CaseStudyResource(resources.ModelResource):
    class Meta:
        model = CaseStudy
        fields = [name for _, name in CASE_STUDY_COLUMNS]
        import_id_fields = []  # every row is a new case study: an import never changes one
        use_transactions = True
        clean_model_instances = True
        skip_html_diff = True

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.fields = {name: _field_for(heading, name) for heading, name in CASE_STUDY_COLUMNS}

    def get_import_id_fields(self):
        return []

    def get_instance(self, instance_loader, row):
        return None  # never an existing case study

    def before_import_row(self, row, **kwargs):
        problems = {}
        if not (row.get("Title") or "").strip():
            problems["title"] = "Every case study needs a title."
        slug = (row.get("Address (slug)") or "").strip() or slugify(row.get("Title") or "")[:200]
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
            name = (row.get(heading) or "").strip()
            if name and _organisation(name) is None:
                problems[heading] = (
                    f"No organisation is called “{name}” (by name or slug): add it first, or check the spelling."
                )
        if not any((row.get(heading) or "").strip() for heading, _ in PARTNER_COLUMNS):
            problems["Partners"] = (
                "Name at least one partner: a housing association or a community partner."
            )
        if (row.get("Source address") or "").strip() and not (
            row.get("Source title") or ""
        ).strip():
            problems["Source title"] = "Give the source a title as well as its address."
        if problems:
            raise ValidationError(problems)

    def before_save_instance(self, instance, row, **kwargs):
        # Drafts only, whatever else the sheet holds: publishing is a publisher's decision.
        instance.status, instance.published_at = Status.DRAFT, None
        instance.created_by = instance.updated_by = self.user
        instance._change_reason = CHANGE_REASON
        instance._history_user = self.user

    def after_save_instance(self, instance, row, **kwargs):
        for order, (heading, role) in enumerate(PARTNER_COLUMNS):
            name = (row.get(heading) or "").strip()
            if name:
                partner = CaseStudyPartner(
                    case_study=instance, organisation=_organisation(name), role=role, order=order
                )
                partner._change_reason = CHANGE_REASON
                partner.save()
        title, url = ((row.get(heading) or "").strip() for heading, _ in SOURCE_COLUMNS)
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


def _organisation(name_or_slug):
    return (
        Organisation.objects.filter(slug=name_or_slug.lower()).first()
        or Organisation.objects.filter(name__iexact=name_or_slug).first()
    )


def read_spreadsheet(name, content):
    """A tablib Dataset from an uploaded CSV or Excel file, or ImportRefused in words."""
    lowered = name.lower()
    try:
        if lowered.endswith(".csv"):
            text = content.decode("utf-8-sig")
            dataset = tablib.Dataset().load(text, format="csv")
        elif lowered.endswith(".xlsx"):
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        else:
            raise ImportRefused("Upload a spreadsheet saved as CSV (.csv) or Excel (.xlsx).")
    except UnicodeDecodeError:
        raise ImportRefused(
            "The CSV file is not in UTF-8: save it again choosing “CSV UTF-8”."
        ) from None
    except ImportRefused:
        raise
    except Exception:  # a damaged or mislabelled file, whatever the parser's complaint
        raise ImportRefused(
            "The file could not be read as a spreadsheet: check it opens, and save it again."
        ) from None
    headers = [str(header or "").strip() for header in dataset.headers or []]
    unknown = [header for header in headers if header and header not in HEADERS]
    if unknown:
        raise ImportRefused(
            f"These columns are not ones the import knows: {', '.join(unknown)}. "
            "Use the headings of the template (download it below)."
        )
    if "Title" not in headers:
        raise ImportRefused("The first row must hold the column headings, including “Title”.")
    if not dataset.height:
        raise ImportRefused("The spreadsheet has headings but no rows to import.")
    if dataset.height > MAX_ROWS:
        raise ImportRefused(
            f"The spreadsheet has {dataset.height} rows; import at most {MAX_ROWS} at a time."
        )
    dataset.headers = headers
    return dataset


def row_problems(result):
    """[(row number in the sheet, [problems in words])] for every row that cannot come in."""
    labels = {name: heading for heading, name in CASE_STUDY_COLUMNS}
    found = []
    for number, row in enumerate(result.rows, start=2):  # row 1 holds the headings
        problems = []
        if row.validation_error is not None:
            for name, messages in row.validation_error.message_dict.items():
                label = labels.get(name, name if name != "__all__" else "")
                problems += [f"{label}: {message}" if label else message for message in messages]
        problems += [f"This row could not be imported: {error.error}" for error in row.errors]
        if problems:
            found.append((number, problems))
    return found


def try_import(dataset, user, dry_run):
    resource = CaseStudyResource(user=user)
    return resource.import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )


def template_csv():
    out = io.StringIO()
    csv.writer(out).writerow(HEADERS)
    return out.getvalue()


def template_xlsx():
    return tablib.Dataset(headers=HEADERS).export("xlsx")
