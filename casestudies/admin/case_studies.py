"""The staff side: curating case studies and organisations, with the publishing workflow."""

import functools

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from casestudies import images
from casestudies.admin import evidence as evidence_admin
from casestudies.admin.forms import CaseStudyAdminForm, PartnerFormSet, SourceFormSet
from casestudies.models import (
    CaseStudy,
    CaseStudyImage,
    CaseStudyPartner,
    Indicator,
    Organisation,
    Outcome,
    Source,
    Theme,
)
from casestudies.models.choices import Status
from casestudies.services import lens, workflow
from casestudies.workspace.change_page import WorkflowActionsAdmin
from casestudies.workspace.form_fit import (
    FigureInput,
    PoundsInput,
    ShownAsWrittenAdmin,
    StoryPreviewAdmin,
    in_pounds,
    show_as_written,
)
from casestudies.workspace.import_admin import SpreadsheetImportAdmin
from casestudies.workspace.importing import CASE_STUDIES
from casestudies.workspace.importing_organisations import ORGANISATIONS
from casestudies.workspace.importing_partners import PARTNERS
from casestudies.workspace.merge_action import merge_selected


def thumbnail(field_file, width, height, rendition_set, size=120):
    """A small rendition for admin lists and inlines (never the original)."""
    if not field_file or not width:
        return ""
    smallest = images.renditions(field_file, width, height, rendition_set, rendition_set.fallback)[
        0
    ]
    shown_width = min(size, smallest.width)
    shown_height = max(1, round(smallest.height * shown_width / smallest.width))
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="">', smallest.url, shown_width, shown_height
    )


class WorkflowAdmin(SimpleHistoryAdmin):
    """The base of every admin with history: each route that saves (the change form, the
    history form and its revert, bulk actions, delete) asks the workflow about the object
    as stored, and an editor who may only look is told why and who can change it.

    django-simple-history's history form saves whatever is posted to it from anyone who
    may view the object, so that route asks here too.
    """

    object_history_form_template = "admin/casestudies/object_history_form.html"
    object_history_list_template = "admin/workspace/object_history_list.html"

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        stored = self.get_object(request, unquote(object_id))
        if request.method == "POST":
            # Reverting saves the version posted: the change form's rules, or the add
            # form's for an object since deleted.
            allowed = (
                self.has_change_permission(request, stored)
                if stored
                else self.has_add_permission(request)
            )
            if not allowed:
                raise PermissionDenied
        context = {
            **(extra_context or {}),
            "read_only_reason": self.read_only_reason(request, stored),
        }
        return super().history_form_view(request, object_id, version_id, context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["read_only_reason"] = self.read_only_reason(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def read_only_reason(self, request, obj):
        """For someone who may view `obj` but not change it: why, and who can."""
        if obj is None or self.has_change_permission(request, obj):
            return ""
        return (
            workflow.publishers_only_reason(obj)
            or f"Only publishers can change {self.opts.verbose_name_plural}."
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        return {
            name: (_only_changeable(func), name, description)
            for name, (func, _, description) in actions.items()
        }


def _only_changeable(action):
    """A bulk action is given only the selected objects its user may change."""

    @functools.wraps(action)
    def guarded(model_admin, request, queryset):
        refused = [
            obj.pk for obj in queryset if not model_admin.has_change_permission(request, obj)
        ]
        if refused:
            opts = model_admin.opts
            noun = opts.verbose_name if len(refused) == 1 else opts.verbose_name_plural
            model_admin.message_user(
                request,
                f"{len(refused)} selected {noun} {'was' if len(refused) == 1 else 'were'} left as "
                f"{'it is' if len(refused) == 1 else 'they are'}: only publishers can change "
                f"{'it' if len(refused) == 1 else 'them'}.",
                messages.WARNING,
            )
            queryset = queryset.exclude(pk__in=refused)
            if not queryset.exists():
                return None
        return action(model_admin, request, queryset)

    return guarded


class CaseStudyPartnerInline(admin.StackedInline):
    # Stacked, not tabular: every field keeps its own label, and the page fits its width.
    model = CaseStudyPartner
    formset = PartnerFormSet
    autocomplete_fields = ["organisation"]
    fields = [("organisation", "role"), ("role_detail", "order")]
    extra = 1


class ImageStorageErrorsMixin:
    """When storage refuses an upload, the whole save is undone (the admin saves in one
    transaction); say so plainly instead of showing an error page."""

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except images.ImageStorageError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class CaseStudyImageInline(admin.StackedInline):
    model = CaseStudyImage
    extra = 0
    fields = [
        ("preview", "image"),
        ("alt_text", "is_decorative"),
        ("caption", "credit", "licence"),
        ("is_cover", "order"),
    ]
    readonly_fields = ["preview"]

    @admin.display(description="preview")
    def preview(self, obj):
        return (
            thumbnail(obj.image, obj.width, obj.height, images.PHOTO, size=160)
            or "Not uploaded yet."
        )


class OutcomeInline(ShownAsWrittenAdmin, admin.StackedInline):
    model = Outcome
    extra = 0
    fields = [
        ("indicator", "value", "year"),
        ("baseline", "baseline_year"),
        ("method", "source"),
        ("evidence_strength", "order"),
        "note",
    ]
    formfield_overrides = {models.DecimalField: {"widget": FigureInput}}
    verbose_name_plural = "outcomes (measured results, each with where it comes from)"

    def get_formset(self, request, obj=None, **kwargs):
        request._case_study_being_edited = obj  # for the source choices below
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "source":
            case_study = getattr(request, "_case_study_being_edited", None)
            kwargs["queryset"] = (
                Source.objects.filter(case_study=case_study)
                if case_study
                else Source.objects.none()
            )
        if db_field.name == "indicator":
            kwargs["queryset"] = Indicator.objects.order_by("framework", "order", "name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SourceInline(admin.StackedInline):
    model = Source
    formset = SourceFormSet
    fields = [("title", "publisher"), ("url", "accessed_on"), ("note", "order")]
    extra = 1


@admin.register(CaseStudy)
class CaseStudyAdmin(
    ShownAsWrittenAdmin,
    ImageStorageErrorsMixin,
    SpreadsheetImportAdmin,
    StoryPreviewAdmin,
    WorkflowActionsAdmin,
    WorkflowAdmin,
):
    form = CaseStudyAdminForm
    spreadsheet_imports = {"": CASE_STUDIES, "partners": PARTNERS}
    inlines = [CaseStudyPartnerInline, SourceInline, OutcomeInline, CaseStudyImageInline]
    list_display = [
        "cover_thumbnail",
        "title",
        "status_label",
        "region",
        "partner_names",
        "homes_total",
        "updated_at",
        "updated_by",
    ]
    list_display_links = ["cover_thumbnail", "title"]
    list_filter = [
        "status",
        evidence_admin.NeedsVerificationFilter,
        "region",
        "community_model",
        "delivery",
        "stage",
        "setting",
        "featured",
        "themes",
    ]
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = [
        "title",
        "slug",
        "summary",
        "place_name",
        "local_authority_name",
        "partners__organisation__name",
    ]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["themes"]
    date_hierarchy = "updated_at"
    list_per_page = 50
    save_on_top = True
    history_list_display = ["status"]
    readonly_fields = [
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "homes_total",
        "neighbourhood_found",
        "verification_history",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "loaded_revision",
                    "title",
                    "slug",
                    "summary",
                    "body",
                    "key_messages",
                    "target_audience",
                    "themes",
                ]
            },
        ),
        # Status and publication date change only through the workflow's buttons.
        ("Publishing", {"fields": ["featured"]}),
        (
            "Place",
            {
                "fields": [
                    "place_name",
                    ("local_authority_name", "local_authority_code"),
                    "region",
                    "setting",
                    ("latitude", "longitude", "location_basis"),
                    "neighbourhood_found",
                    "lsoa_code",
                    ("imd_decile", "imd_edition", "imd_basis"),
                ]
            },
        ),
        (
            "Scheme",
            {
                "fields": [
                    "community_model",
                    "partnership_arrangement",
                    "arrangement_detail",
                    "delivery",
                    ("stage", "partnership_status"),
                    ("year_started", "year_completed"),
                ]
            },
        ),
        (
            "Homes",
            {
                "description": "Homes by tenure should not add up to more than the homes built and refurbished.",
                "fields": [
                    ("homes_built", "homes_refurbished", "homes_total"),
                    ("homes_social_rent", "homes_affordable_rent", "homes_income_linked_rent"),
                    (
                        "homes_shared_ownership",
                        "homes_discounted_sale",
                        "homes_market",
                        "homes_other_tenure",
                    ),
                ],
            },
        ),
        ("Money", {"fields": [("capital_cost", "grant_funding", "revenue_funding"), "funders"]}),
        ("Trust", {"fields": ["verification_notes", "verification_history"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [("created_at", "created_by"), ("updated_at", "updated_by")],
            },
        ),
    ]
    actions = [
        "submit_for_review",
        "publish_selected",
        "unpublish_selected",
        "archive_selected",
        evidence_admin.mark_verified,
    ]
    verification_history = staticmethod(evidence_admin.verification_history)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("updated_by")
            .prefetch_related(
                "partners__organisation__successor",
                models.Prefetch(
                    "images",
                    queryset=CaseStudyImage.objects.filter(is_cover=True),
                    to_attr="cover_images",
                ),
            )
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not workflow.can_publish(request.user):
            fields += ["featured"]
        return fields

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if getattr(db_field, "in_pounds", False):
            kwargs["widget"] = PoundsInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="neighbourhood found")
    def neighbourhood_found(self, obj):
        return lens.neighbourhood_summary(obj)

    @admin.display(description="status", ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return format_html(
                "Scheduled for {}",
                timezone.localtime(obj.published_at).strftime("%-d %b %Y, %H:%M"),
            )
        return obj.get_status_display()

    @admin.display(description="cover")
    def cover_thumbnail(self, obj):
        cover = obj.cover
        return (
            thumbnail(cover.image, cover.width, cover.height, images.PHOTO, size=80)
            if cover
            else ""
        )

    @admin.display(description="partners")
    def partner_names(self, obj):
        return ", ".join(partner.organisation.display_name for partner in obj.partners.all())

    # Bulk actions: each object is saved on its own, so history records every change.

    def _move_selected(self, request, queryset, to_status, reason, done):
        moved, refused = 0, []
        for case_study in queryset:
            try:
                problems = workflow.move(case_study, to_status, request.user, reason)
            except PermissionDenied as denied:
                self.message_user(request, str(denied), messages.ERROR)
                return
            if problems:
                refused.append(f"“{case_study.title}”: {' '.join(problems)}")
            else:
                moved += 1
        if moved:
            self.message_user(
                request,
                f"{moved} case {'study' if moved == 1 else 'studies'} {done}.",
                messages.SUCCESS,
            )
        for line in refused:
            self.message_user(request, f"Not changed. {line}", messages.WARNING)

    @admin.action(description="Submit selected for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._move_selected(
            request, queryset, Status.REVIEW, "Submitted for review", "submitted for review"
        )

    @admin.action(description="Publish selected", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._move_selected(request, queryset, Status.PUBLISHED, "Published", "published")

    @admin.action(description="Unpublish selected (back to draft)", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._move_selected(
            request, queryset, Status.DRAFT, "Unpublished", "unpublished and returned to draft"
        )

    @admin.action(description="Archive selected", permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._move_selected(request, queryset, Status.ARCHIVED, "Archived", "archived")


show_as_written(CaseStudyAdmin, CaseStudy, in_pounds(CaseStudy), pounds=in_pounds(CaseStudy))
show_as_written(OutcomeInline, Outcome, ["value", "baseline"])


@admin.register(Organisation)
class OrganisationAdmin(ImageStorageErrorsMixin, SpreadsheetImportAdmin, WorkflowAdmin):
    spreadsheet_imports = {"": ORGANISATIONS}
    list_display = ["name", "kind", "region", "successor", "case_study_count"]
    ordering = ["name"]
    list_filter = ["kind", "region"]
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = ["name", "successor__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["successor"]
    inlines = [evidence_admin.OrganisationIdentifierInline]
    actions = [merge_selected]
    readonly_fields = ["case_studies", "logo_preview"]
    fields = [
        "name",
        "slug",
        "kind",
        "website",
        "region",
        "description",
        ("successor", "succeeded_on"),
        ("logo_preview", "logo"),
        "case_studies",
    ]

    @admin.display(description="current logo")
    def logo_preview(self, obj):
        return (
            thumbnail(obj.logo, obj.logo_width, obj.logo_height, images.LOGO, size=160) or "None."
        )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("successor")
            .annotate(case_study_total=Count("partnerships__case_study", distinct=True))
        )

    @admin.display(description="case studies", ordering="case_study_total")
    def case_study_count(self, obj):
        return obj.case_study_total

    @admin.display(description="case studies it is part of")
    def case_studies(self, obj):
        partnerships = obj.partnerships.select_related("case_study").order_by("case_study__title")
        if not obj.pk or not partnerships:
            return "None yet."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}, {})</li>',
                (
                    (
                        reverse("admin:casestudies_casestudy_change", args=[p.case_study_id]),
                        p.case_study.title,
                        p.get_role_display().lower(),
                        p.case_study.get_status_display().lower(),
                    )
                    for p in partnerships
                ),
            ),
        )


@admin.register(Theme)
class ThemeAdmin(WorkflowAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Indicator)
class IndicatorAdmin(WorkflowAdmin):
    list_display = ["name", "framework", "unit", "aggregation", "lower_is_better", "outcome_count"]
    list_filter = ["framework"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["framework", "order", "name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(outcome_total=Count("outcomes"))

    @admin.display(description="outcomes reported", ordering="outcome_total")
    def outcome_count(self, obj):
        return obj.outcome_total
