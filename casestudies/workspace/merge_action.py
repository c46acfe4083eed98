"""The admin's "Merge selected organisations…" action: pick the one to keep, then confirm."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse

from casestudies.workspace.merging import merge_organisations


@admin.action(description="Merge selected organisations…", permissions=["delete"])
def merge_selected(model_admin, request, queryset):
    organisations = list(
        queryset.annotate(partnership_count=Count("partnerships")).order_by("name")
    )
    if len(organisations) < 2:
        model_admin.message_user(
            request, "Tick two or more organisations to merge.", messages.WARNING
        )
        return None
    chosen = request.POST.get("keep")
    keep = next(
        (organisation for organisation in organisations if str(organisation.pk) == chosen), None
    )
    if request.POST.get("confirm") and keep is not None:
        try:
            said = merge_organisations(keep, organisations, request.user)
        except (PermissionDenied, ValueError) as refused:
            model_admin.message_user(request, str(refused), messages.ERROR)
        else:
            model_admin.message_user(request, said, messages.SUCCESS)
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Merge organisations",
        "opts": model_admin.opts,
        "organisations": organisations,
        "missing_choice": bool(request.POST.get("confirm")),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/workspace/merge_organisations.html", context)
