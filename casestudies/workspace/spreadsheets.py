"""What every spreadsheet import shares: reading CSV or Excel, the widgets that say in
plain words what a cell should hold, each row's problems as people read them, matching
organisations by slug or name, and the templates to fill in.

Each kind of import (case studies, organisations, partners) is a `SheetKind`: its
headings, its django-import-export resource and the words its pages use.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

import tablib
from django.core.exceptions import ValidationError
from django.db import models
from import_export import fields, resources, widgets

from casestudies.models import Organisation

MAX_ROWS = 2000


class ImportRefused(Exception):
    """The file as a whole cannot be read; the message says why in plain words."""


@dataclass(frozen=True)
class SheetKind:
    noun: str  # "case study"
    plural: str  # "case studies"
    headers: list  # the template's headings, in order
    required: str  # the heading every sheet must have
    resource: type  # a ModelResource taking user=
    labels: dict  # model field name -> heading, for the problems list
    file_stem: str  # "case-studies-template"
    explanation: str  # what importing does, for the import page
    describe: Callable  # a row as the preview lists it
    done: str  # the message once imported, with {counted} and {file_name}
    after_import: str  # the admin URL name to go to once imported
    after_import_query: str = ""
    preview_note: str = ""  # said above the button that imports
    permission: str = "add"  # what the admin must allow: "add" or "change"

    def counted(self, count):
        return f"{count} {self.noun if count == 1 else self.plural}"

    def read(self, name, content):
        return read_spreadsheet(name, content, self.headers, self.required)

    def try_import(self, dataset, user, dry_run):
        return self.resource(user=user).import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
        )

    def row_problems(self, result):
        return row_problems(result, self.labels)

    def template_csv(self):
        out = io.StringIO()
        csv.writer(out).writerow(self.headers)
        return out.getvalue()

    def template_xlsx(self):
        return tablib.Dataset(headers=self.headers).export("xlsx")


class ImportOptions:
    """The Meta every import's resource starts from: all or nothing, checked by the model."""

    import_id_fields = []
    use_transactions = True
    clean_model_instances = True
    skip_html_diff = True


class CheckedRowsResource(resources.ModelResource):
    """A resource that reports a row's own checks (`check_row`) together with what its
    cells and the model say, so every problem in a row is listed at once. Every row is a
    new record: an import never changes one. `columns` are the (heading, model field) pairs
    its cells fill."""

    columns = []

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.fields = {
            name: field_for(self._meta.model, heading, name) for heading, name in self.columns
        }

    def check_row(self, row):
        """{field or heading: problem in words} for what the cells alone cannot say."""
        return {}

    def get_import_id_fields(self):
        return []

    def get_instance(self, instance_loader, row):
        return None

    def before_import_row(self, row, **kwargs):
        self.row_checked = self.check_row(row)

    def import_instance(self, instance, row, **kwargs):
        errors = {name: [problem] for name, problem in self.row_checked.items()}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as invalid:
            errors = invalid.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


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


def field_for(model, heading, name):
    """An import field for a model's own field, with the widget that explains itself."""
    model_field = model._meta.get_field(name)
    if model_field.choices:
        widget = Choice(model_field.choices)
    elif isinstance(model_field, models.IntegerField):
        widget = WholeNumber()
    else:
        widget = widgets.CharWidget(allow_blank=True)
    return fields.Field(attribute=name, column_name=heading, widget=widget)


def cell(row, heading):
    return str(row.get(heading) or "").strip()


def find_organisation(name_or_slug):
    """The organisation a sheet names, by its slug or its name (never made up)."""
    return (
        Organisation.objects.filter(slug=name_or_slug.lower()).first()
        or Organisation.objects.filter(name__iexact=name_or_slug).first()
    )


def read_spreadsheet(name, content, headers, required):
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
    found = [str(header or "").strip() for header in dataset.headers or []]
    unknown = [header for header in found if header and header not in headers]
    if unknown:
        raise ImportRefused(
            f"These columns are not ones the import knows: {', '.join(unknown)}. "
            "Use the headings of the template (download it below)."
        )
    if required not in found:
        raise ImportRefused(f"The first row must hold the column headings, including “{required}”.")
    if not dataset.height:
        raise ImportRefused("The spreadsheet has headings but no rows to import.")
    if dataset.height > MAX_ROWS:
        raise ImportRefused(
            f"The spreadsheet has {dataset.height} rows; import at most {MAX_ROWS} at a time."
        )
    dataset.headers = found
    return dataset


def row_problems(result, labels):
    """[(row number in the sheet, [problems in words])] for every row that cannot come in."""
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
