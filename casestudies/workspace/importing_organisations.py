"""Importing organisations from a spreadsheet. Every row is a new organisation: one
already in the library (by slug or name) is refused rather than changed, and a successor
is matched by slug or name, never made up. A new organisation is on no public page until
a published case study names it, so an import publishes nothing."""

from django.utils.text import slugify

from casestudies.models import Organisation
from casestudies.workspace.importing import CHANGE_REASON
from casestudies.workspace.spreadsheets import (
    CheckedRowsResource,
    ImportOptions,
    SheetKind,
    cell,
    find_organisation,
)

COLUMNS = [
    ("Name", "name"),
    ("Address (slug)", "slug"),
    ("Kind", "kind"),
    ("Region", "region"),
    ("Website", "website"),
    ("Description", "description"),
]
SUCCESSOR = "Successor"
HEADERS = [heading for heading, _ in COLUMNS] + [SUCCESSOR]


class OrganisationResource(CheckedRowsResource):
    columns = COLUMNS

    class Meta(ImportOptions):
        model = Organisation
        fields = [name for _, name in COLUMNS]

    def __init__(self, user=None, **kwargs):
        super().__init__(user, **kwargs)
        self.seen = set()

    def check_row(self, row):
        problems = {}
        name = cell(row, "Name")
        slug = cell(row, "Address (slug)") or slugify(name)[:200]
        row["Address (slug)"] = slug
        if not name:
            problems["name"] = "Every organisation needs a name."
        existing = find_organisation(name) if name else None
        existing = existing or (Organisation.objects.filter(slug=slug).first() if slug else None)
        if existing:
            problems["name"] = (
                f"“{existing.name}” is already in the library (at {existing.get_absolute_url()}): "
                "leave this row out, or give the new one another name and address."
            )
        if {name.lower(), slug} & self.seen:
            problems["name"] = f"Two rows name “{name}”: keep one of them."
        self.seen |= {name.lower(), slug}
        successor = cell(row, SUCCESSOR)
        if successor and find_organisation(successor) is None:
            problems[SUCCESSOR] = (
                f"No organisation is called “{successor}” (by name or slug): add it first, or check the spelling."
            )
        return problems

    def after_init_instance(self, instance, new, row, **kwargs):
        successor = cell(row, SUCCESSOR)
        instance.successor = find_organisation(successor) if successor else None

    def before_save_instance(self, instance, row, **kwargs):
        instance._change_reason = CHANGE_REASON
        instance._history_user = self.user


ORGANISATIONS = SheetKind(
    noun="organisation",
    plural="organisations",
    headers=HEADERS,
    required="Name",
    resource=OrganisationResource,
    labels={name: heading for heading, name in COLUMNS},
    file_stem="organisations-template",
    explanation=(
        "Each row of the spreadsheet becomes a new organisation. One already in the library "
        "(by name or address) is not made again; a successor must already be in the library."
    ),
    describe=lambda row: cell(row, "Name"),
    done=(
        "Imported {counted} from {file_name}: none is on a public page until a published "
        "case study names it."
    ),
    after_import="casestudies_organisation_changelist",
    permission="add",
)
