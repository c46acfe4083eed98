"""Importing partners from a spreadsheet: each row adds an organisation already in the
library to a case study already in the library, both matched by slug or name. Partners
go only into drafts and case studies in review, never into what the public sees; each case
study gets one new version in its history, saved before its partners so the history shows
them added there."""

from casestudies.models import CaseStudy, CaseStudyPartner
from casestudies.services.workflow import EDITOR_STATUSES
from casestudies.workspace.importing import CHANGE_REASON
from casestudies.workspace.spreadsheets import (
    CheckedRowsResource,
    ImportOptions,
    SheetKind,
    cell,
    find_organisation,
)

CASE_STUDY, ORGANISATION, ORDER = "Case study", "Organisation", "Order"
COLUMNS = [("Role", "role"), ("Role detail", "role_detail")]
HEADERS = [CASE_STUDY, ORGANISATION] + [heading for heading, _ in COLUMNS] + [ORDER]


def find_case_study(slug_or_title):
    return (
        CaseStudy.objects.filter(slug=slug_or_title.lower()).first()
        or CaseStudy.objects.filter(title__iexact=slug_or_title).first()
    )


def _order(row):
    text = cell(row, ORDER)
    return int(text) if text.isdigit() else None


class PartnerResource(CheckedRowsResource):
    columns = COLUMNS

    class Meta(ImportOptions):
        model = CaseStudyPartner
        fields = [name for _, name in COLUMNS]

    def __init__(self, user=None, **kwargs):
        super().__init__(user, **kwargs)
        self.seen = set()
        self.versioned = set()  # case studies given their new version already

    def check_row(self, row):
        problems = {}
        named = cell(row, CASE_STUDY)
        case_study = find_case_study(named) if named else None
        if not named:
            problems["case_study"] = "Name the case study, by its title or address."
        elif case_study is None:
            problems["case_study"] = f"No case study has the title or address “{named}”."
        elif case_study.status not in EDITOR_STATUSES:
            problems["case_study"] = (
                f"“{case_study.title}” is {case_study.get_status_display().lower()}: partners are "
                "imported only into drafts and case studies in review. Add this one on its page."
            )
        organisation_named = cell(row, ORGANISATION)
        organisation = find_organisation(organisation_named) if organisation_named else None
        if not organisation_named:
            problems["organisation"] = "Name the organisation, by its name or address."
        elif organisation is None:
            problems["organisation"] = (
                f"No organisation is called “{organisation_named}” (by name or slug): add it first, or check the spelling."
            )
        if cell(row, ORDER) and _order(row) is None:
            problems[ORDER] = f"Write a whole number, such as 1, not “{cell(row, ORDER)}”."
        role = self.fields["role"].widget.by_word.get(cell(row, "Role").lower())
        if case_study and organisation and role:
            key = (case_study.pk, organisation.pk, role)
            if (
                key in self.seen
                or CaseStudyPartner.objects.filter(
                    case_study=case_study, organisation=organisation, role=role
                ).exists()
            ):
                problems["organisation"] = (
                    f"{organisation.name} is already a partner in “{case_study.title}” in that role."
                )
            self.seen.add(key)
        return problems

    def after_init_instance(self, instance, new, row, **kwargs):
        if self.row_checked:
            return  # the row is refused; its problems are already listed
        instance.case_study = find_case_study(cell(row, CASE_STUDY))
        instance.organisation = find_organisation(cell(row, ORGANISATION))
        order = _order(row)
        if order is None:
            last = instance.case_study.partners.order_by("-order").first()
            order = last.order + 1 if last else 0
        instance.order = order

    def before_save_instance(self, instance, row, **kwargs):
        case_study = instance.case_study
        if case_study.pk not in self.versioned:
            case_study.updated_by = self.user
            case_study._change_reason = "Partners imported from a spreadsheet"
            case_study._history_user = self.user
            case_study.save()
            self.versioned.add(case_study.pk)
        instance._change_reason = CHANGE_REASON
        instance._history_user = self.user


PARTNERS = SheetKind(
    noun="partner",
    plural="partners",
    headers=HEADERS,
    required=CASE_STUDY,
    resource=PartnerResource,
    labels={
        "case_study": CASE_STUDY,
        "organisation": ORGANISATION,
        **{name: heading for heading, name in COLUMNS},
    },
    file_stem="partners-template",
    explanation=(
        "Each row adds an organisation already in the library to a draft case study, or one in "
        "review, both matched by name or address."
    ),
    describe=lambda row: (
        f"{cell(row, ORGANISATION)} in “{cell(row, CASE_STUDY)}” ({cell(row, 'Role')})"
    ),
    done=(
        "Imported {counted} from {file_name} into drafts and case studies in review: "
        "none is public until a publisher publishes the case study."
    ),
    after_import="casestudies_casestudy_changelist",
    permission="change",
)
