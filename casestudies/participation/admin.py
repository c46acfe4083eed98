"""The staff queue of suggestions, corrections and messages.

What the sender wrote is shown read-only and escaped (the admin escapes every value it
displays), links in it as plain text. Staff move each item through the queue (new, in
progress, accepted, declined, spam), say who handles it, start a draft case study from a
suggestion in one action and decline with an optional polite reply. Every route asks
the workflow (casestudies/workflow.py): only publishers reopen what has been decided.
"""

import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from casestudies.admin.case_studies import WorkflowAdmin
from casestudies.participation import retention, services
from casestudies.participation.models import ContactMessage, Correction, QueueStatus, Suggestion
from casestudies.services import workflow

QUEUE_FIELDS = ["status", "handled_by", "staff_notes"]


class SubmissionAdmin(WorkflowAdmin):
    change_form_template = "admin/casestudies/participation/change_form.html"
    change_list_template = "admin/casestudies/participation/change_list.html"
    list_filter = ["status", "handled_by", "human_check"]
    list_select_related = ["handled_by"]
    date_hierarchy = "received_at"
    actions = ["mark_in_progress", "mark_spam"]
    history_list_display = ["status", "handled_by"]
    sender_fields = ["name", "email", "organisation", "role", "consent_to_contact"]
    record_fields = ["received_at", "human_check", "reply_sent_at", "anonymised_at"]
    content_fields = []

    def get_fieldsets(self, request, obj=None):
        return [
            ("What was sent", {"fields": self.content_fields}),
            ("Who sent it", {"fields": self.sender_fields}),
            ("The queue", {"fields": QUEUE_FIELDS}),
            ("Record", {"fields": self.record_fields}),
        ]

    def get_readonly_fields(self, request, obj=None):
        # What the sender wrote stays as they wrote it: staff act on it, never rewrite it.
        return [*self.content_fields, *self.sender_fields, *self.record_fields]

    def has_add_permission(self, request):
        return False  # submissions come from the public forms only

    def has_delete_permission(self, request, obj=None):
        return workflow.can_publish(request.user) and super().has_delete_permission(request, obj)

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/decline/",
                self.admin_site.admin_view(self.decline_view),
                name=f"{name}_decline",
            ),
            path(
                "personal-data/",
                self.admin_site.admin_view(self.personal_data_view),
                name=f"{name}_personal_data",
            ),
            *self.extra_urls(name),
            *super().get_urls(),
        ]

    def extra_urls(self, name):
        return []

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_act"] = obj is not None and self.has_change_permission(request, obj)
        context["decline_url"] = obj and reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_decline", args=[obj.pk]
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if obj.handled_by_id is None and obj.status != QueueStatus.NEW:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)

    def _set_status(self, request, queryset, status, done):
        for submission in queryset:
            services.set_status(submission, request.user, status)
        self.message_user(request, f"{queryset.count()} marked {done}.", messages.SUCCESS)

    @admin.action(description="Mark selected in progress (handled by you)", permissions=["change"])
    def mark_in_progress(self, request, queryset):
        self._set_status(request, queryset, QueueStatus.IN_PROGRESS, "in progress")

    @admin.action(description="Mark selected as spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(request, queryset, QueueStatus.SPAM, "as spam")

    def _object_or_refuse(self, request, object_id):
        submission = get_object_or_404(self.model, pk=object_id)
        if not self.has_change_permission(request, submission):
            raise PermissionDenied
        return submission

    def decline_view(self, request, object_id):
        submission = self._object_or_refuse(request, object_id)
        can_reply = bool(submission.email and submission.consent_to_contact)
        form = DeclineForm(
            request.POST or None,
            initial={"reply": services.POLITE_REPLY.format(site_name=settings.SITE_NAME)},
        )
        if request.method == "POST" and form.is_valid():
            replied = services.decline(
                submission, request.user, form.cleaned_data["reply"] if can_reply else ""
            )
            self.message_user(
                request,
                f"{submission} declined"
                + (", and the reply sent." if replied else ", with no reply sent."),
                messages.SUCCESS,
            )
            return redirect(submission.admin_url())
        return TemplateResponse(
            request,
            "admin/casestudies/participation/decline.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": submission,
                "title": f"Decline {submission}",
                "form": form,
                "can_reply": can_reply,
            },
        )

    def personal_data_view(self, request):
        """Export or erase everything kept under one email address (publishers only)."""
        if not workflow.can_publish(request.user):
            raise PermissionDenied("Only publishers can export or erase a person's data.")
        form = PersonalDataForm(request.POST or None)
        found = None
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            if "erase" in request.POST:
                done = retention.erase_person(email)
                self.message_user(
                    request,
                    f"Erased the details of {email}: {done.total()} records changed or deleted.",
                    messages.SUCCESS,
                )
                return redirect(request.path)
            found = retention.person_data(email)
            if "export" in request.POST:
                response = HttpResponse(
                    json.dumps(found, indent=1, ensure_ascii=False), content_type="application/json"
                )
                response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
                return response
        return TemplateResponse(
            request,
            "admin/casestudies/participation/personal_data.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "A person's data",
                "form": form,
                "found": found,
            },
        )


class DeclineForm(forms.Form):
    reply = forms.CharField(
        label="Polite reply (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text="Sent by email if it is not empty. Leave it empty to decline without replying.",
    )


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label="Their email address", max_length=254)


def _text(value):
    """A visitor's text for staff: escaped, line breaks kept, links never made links."""
    return format_html('<div class="readonly visitor-text">{}</div>', value or "—")


@admin.register(Suggestion)
class SuggestionAdmin(SubmissionAdmin):
    list_display = [
        "__str__",
        "partnership_name",
        "place",
        "status",
        "handled_by",
        "received_at",
        "draft_link",
    ]
    search_fields = [
        "partnership_name",
        "place",
        "community_organisation",
        "housing_association",
        "email",
    ]
    content_fields = [
        "partnership_name",
        "place",
        "local_authority",
        "community_organisation",
        "housing_association",
        "delivery",
        "homes",
        "year_started",
        "year_completed",
        "what_happened_text",
        "source_links_text",
        "draft_link",
    ]

    def extra_urls(self, name):
        return [
            path(
                "<path:object_id>/start-draft/",
                self.admin_site.admin_view(self.start_draft_view),
                name=f"{name}_start_draft",
            )
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not obj.draft_id:
            context["start_draft_url"] = reverse(
                "admin:casestudies_suggestion_start_draft", args=[obj.pk]
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="what happened")
    def what_happened_text(self, obj):
        return _text(obj.what_happened)

    @admin.display(description="links to sources (as text: check each before following it)")
    def source_links_text(self, obj):
        return _text(obj.source_links)

    @admin.display(description="draft case study")
    def draft_link(self, obj):
        if not obj.draft_id:
            return "None yet."
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:casestudies_casestudy_change", args=[obj.draft_id]),
            obj.draft,
        )

    def start_draft_view(self, request, object_id):
        suggestion = self._object_or_refuse(request, object_id)
        if request.method == "POST":
            draft, still_to_do = services.start_draft(suggestion, request.user)
            self.message_user(
                request,
                f"Draft case study “{draft.title}” started from {suggestion}, and the suggestion accepted.",
                messages.SUCCESS,
            )
            for line in still_to_do:
                self.message_user(request, line, messages.WARNING)
            return redirect(reverse("admin:casestudies_casestudy_change", args=[draft.pk]))
        return TemplateResponse(
            request,
            "admin/casestudies/participation/start_draft.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": suggestion,
                "title": f"Start a draft case study from {suggestion}",
            },
        )


@admin.register(Correction)
class CorrectionAdmin(SubmissionAdmin):
    list_display = ["__str__", "case_study", "status", "handled_by", "received_at"]
    list_select_related = ["handled_by", "case_study"]
    search_fields = ["case_study__title", "email"]
    content_fields = ["case_study_beside", "wrong_fact_text", "should_say_text", "source_text"]

    @admin.display(description="case study")
    def case_study_beside(self, obj):
        case_study = obj.case_study
        if case_study is None:
            return "The case study has since been deleted."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Open “{}” to edit, beside this report</a> · '
            '<a href="{}" target="_blank" rel="noopener">its public page</a> ({})',
            reverse("admin:casestudies_casestudy_change", args=[case_study.pk]),
            case_study.title,
            case_study.get_absolute_url(),
            case_study.get_status_display().lower(),
        )

    @admin.display(description="which fact is wrong")
    def wrong_fact_text(self, obj):
        return _text(obj.wrong_fact)

    @admin.display(description="what it should say")
    def should_say_text(self, obj):
        return _text(obj.should_say)

    @admin.display(description="where this comes from (as text)")
    def source_text(self, obj):
        return _text(obj.source)


@admin.register(ContactMessage)
class ContactMessageAdmin(SubmissionAdmin):
    list_display = ["__str__", "topic", "status", "handled_by", "received_at"]
    list_filter = ["status", "topic", "handled_by", "human_check"]
    search_fields = ["email", "name", "organisation"]
    content_fields = ["topic", "message_text"]
    sender_fields = ["name", "email", "phone", "organisation", "role"]

    @admin.display(description="message")
    def message_text(self, obj):
        return _text(obj.message)
