"""The workspace's side of evidence: verifying case studies against their sources,
organisation identifiers, and cutting data releases."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from casestudies.models.identifiers import OrganisationIdentifier
from casestudies.releases.datapackage import ReleaseRefused
from casestudies.releases.models import DataRelease
from casestudies.releases.service import cut_release
from casestudies.services import verification, workflow


@admin.action(description="Mark selected as verified against their sources", permissions=["change"])
def mark_verified(model_admin, request, queryset):
    """Each case study gets its own verification record (who and when): its history."""
    done = 0
    for case_study in queryset:
        try:
            verification.record_verification(case_study, request.user)
        except PermissionDenied as denied:
            model_admin.message_user(
                request, f"“{case_study.title}” was not marked: {denied}", messages.WARNING
            )
        else:
            done += 1
    if done:
        noun = "case study" if done == 1 else "case studies"
        model_admin.message_user(
            request,
            f"{done} {noun} marked as verified against {'its' if done == 1 else 'their'} sources today.",
            messages.SUCCESS,
        )


@admin.display(description="verified against its sources")
def verification_history(case_study):
    if not case_study.pk:
        return "Not yet."
    records = list(case_study.verifications.select_related("verified_by")[:20])
    if not records:
        return "Never: use “Mark selected as verified against their sources” on the list once you have checked it."
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li>{} by {}{}</li>",
            (
                (
                    timezone.localtime(record.verified_at).strftime("%-d %b %Y, %H:%M"),
                    record.verified_by.get_username()
                    if record.verified_by
                    else "a former member of staff",
                    f": {record.note}" if record.note else "",
                )
                for record in records
            ),
        ),
    )


class NeedsVerificationFilter(admin.SimpleListFilter):
    title = "verification"
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("due", "Needs checking against its sources"), ("never", "Never verified")]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(pk__in=verification.needs_verification().values("pk"))
        if self.value() == "never":
            return queryset.filter(verifications__isnull=True)
        return queryset


class OrganisationIdentifierInline(admin.TabularInline):
    model = OrganisationIdentifier
    extra = 1
    fields = ["identifier"]
    verbose_name_plural = "identifiers (org-id.guide form: GB-COH-…, GB-CHC-…, GB-MPR-…, GB-LAE-…)"


@admin.register(DataRelease)
class DataReleaseAdmin(admin.ModelAdmin):
    """Releases are read here and cut with one button; nothing in one can be changed or
    removed (the model refuses too), so this admin keeps no history of its own."""

    list_display = ["version", "created_at", "created_by", "case_study_count", "changes"]
    readonly_fields = [
        "version",
        "created_at",
        "created_by",
        "case_study_count",
        "folder",
        "files",
        "changelog",
        "previous",
    ]
    change_list_template = "admin/casestudies/datarelease/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="changes since the release before")
    def changes(self, obj):
        log = obj.changelog
        return f"{len(log['added'])} added, {len(log['changed'])} changed, {len(log['removed'])} removed"

    def get_urls(self):
        return [
            path(
                "cut/",
                self.admin_site.admin_view(self.cut_view),
                name="casestudies_datarelease_cut",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {**(extra_context or {}), "can_cut": workflow.can_publish(request.user)}
        return super().changelist_view(request, context)

    def cut_view(self, request):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        if request.method != "POST":
            return TemplateResponse(
                request,
                "admin/casestudies/datarelease/cut.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.opts,
                    "title": "Cut a data release",
                },
            )
        try:
            release = cut_release(user=request.user)
        except ReleaseRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
        else:
            self.message_user(
                request,
                f"Release {release.version} is published with {release.case_study_count} case studies.",
                messages.SUCCESS,
            )
        return redirect(reverse("admin:casestudies_datarelease_changelist"))
