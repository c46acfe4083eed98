"""Site text in the admin: editors propose, publishers publish, history keeps every version."""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html

from casestudies.admin.case_studies import WorkflowAdmin
from casestudies.models import SiteText
from casestudies.models.site_text_defaults import DEFAULTS
from casestudies.presenters.site_text import placeholder_values, render_site_text
from casestudies.services import workflow
from casestudies.services.site_text import publish_proposal


class SiteTextForm(forms.ModelForm):
    publish_proposal = forms.BooleanField(
        label="Publish the proposed text",
        required=False,
        help_text="The proposed text replaces the published text when you save.",
    )

    class Meta:
        model = SiteText
        fields = ["key", "body", "proposed_body"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14}),
            "proposed_body": forms.Textarea(attrs={"rows": 14}),
        }


@admin.register(SiteText)
class SiteTextAdmin(WorkflowAdmin):
    form = SiteTextForm
    list_display = ["__str__", "waiting", "updated_at", "updated_by"]
    readonly_fields = ["preview", "updated_at", "updated_by"]
    history_list_display = ["body"]
    actions = ["publish_proposals"]

    def get_fields(self, request, obj=None):
        fields = ["key", "body", "preview", "proposed_body"]
        if workflow.can_publish(request.user):
            fields.append("publish_proposal")
        return [*fields, "updated_at", "updated_by"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None:
            fields.append("key")  # a text's place on the site is fixed once made
        if not workflow.can_publish(request.user):
            fields.append("body")
        return fields

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        key = initial.get("key")
        if key in DEFAULTS:
            initial.setdefault("body", DEFAULTS[key])
        return initial

    def has_add_permission(self, request):
        stored = set(SiteText.objects.values_list("key", flat=True))
        return super().has_add_permission(request) and bool(set(DEFAULTS) - stored)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not workflow.can_publish(request.user):
            actions.pop("publish_proposals", None)
        return actions

    @admin.display(description="Proposal waiting", boolean=True)
    def waiting(self, obj):
        return obj.has_proposal

    @admin.display(description="How the published text reads")
    def preview(self, obj):
        if obj is None or not obj.pk:
            return ""
        return format_html(
            '<div class="site-text-preview">{}</div>',
            render_site_text(obj.body, placeholder_values()),
        )

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get("publish_proposal") and obj.has_proposal:
            obj.body, obj.proposed_body = obj.proposed_body, ""
        workflow.check_site_text_change(request.user, obj)
        published_changed = "body" in form.changed_data or form.cleaned_data.get("publish_proposal")
        obj._change_reason = "Published" if published_changed else "Proposed a new version"
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish the proposed text")
    def publish_proposals(self, request, queryset):
        published = [text for text in queryset if publish_proposal(text, request.user)]
        if published:
            names = ", ".join(str(text) for text in published)
            self.message_user(request, f"Published: {names}. It is on the site now.")
        else:
            self.message_user(request, "None of these has a proposal waiting.", messages.WARNING)
