"""Guides in the staff admin, under the same workflow as case studies."""

from django.contrib import admin

from casestudies.admin.case_studies import WorkflowAdmin
from casestudies.guides.forms import GuideAdminForm, GuideEntryFormSet
from casestudies.guides.models import Guide, GuideEntry
from casestudies.services import workflow


class GuideEntryInline(admin.StackedInline):
    model = GuideEntry
    formset = GuideEntryFormSet
    autocomplete_fields = ["case_study"]
    fields = [("case_study", "order"), "note"]
    extra = 1


@admin.register(Guide)
class GuideAdmin(WorkflowAdmin):
    form = GuideAdminForm
    inlines = [GuideEntryInline]
    list_display = ["title", "status", "published_at", "updated_at", "updated_by"]
    list_filter = ["status"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    history_list_display = ["status"]
    readonly_fields = ["updated_at", "updated_by"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "summary",
                    "introduction",
                    "key_lessons",
                    ("call_to_action", "call_to_action_url"),
                ]
            },
        ),
        ("Publishing", {"fields": ["status", "published_at"]}),
        ("Record", {"classes": ["collapse"], "fields": [("updated_at", "updated_by")]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if workflow.can_publish(request.user) else [*fields, "published_at"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
