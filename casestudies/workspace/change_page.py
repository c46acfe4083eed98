"""The case-study change page as a workspace: the workflow's buttons, what blocks
publication (each linked to its field), the review trail, the public address, and
messages that say in words what happened.

Mixed into CaseStudyAdmin ahead of WorkflowAdmin, so every save still asks the workflow.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import router, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from casestudies.models.choices import Status
from casestudies.workspace import actions, history, notifications, reviews
from casestudies.workspace.models import ReviewComment

# Where on the page each publication problem is put right.
_INLINE_ANCHORS = {"partners": "partners-group", "sources": "sources-group"}


def anchor(name):
    return _INLINE_ANCHORS.get(name, f"id_{name}")


def when(moment):
    return timezone.localtime(moment).strftime("%-d %B %Y, %H:%M")


class WorkflowActionsAdmin:
    workflow_action_names = tuple(actions.ACTIONS)  # for tests that walk every saving route
    object_history_template = "admin/workspace/case_study_history.html"

    def history_view(self, request, object_id, extra_context=None):
        case_study = self.get_object(request, unquote(object_id))
        context = {
            **(extra_context or {}),
            "versions": history.versions(case_study) if case_study else [],
        }
        return super().history_view(request, object_id, context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        posted = actions.posted(request.POST) if request.method == "POST" else None
        return type(
            form.__name__,
            (actions.WorkflowActionForm, form),
            {"user": request.user, "workflow_action": posted},
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        version = self.model.history.filter(id=unquote(object_id), history_id=version_id).first()
        request.workspace_reverting_to = version
        stored = self.get_object(request, unquote(object_id))
        note = (
            f"Reverting keeps its status as it is now ({_state(stored)[:-1]}) unless you choose "
            "otherwise below, and puts its partners, sources and outcomes back as they were in this version."
            if stored
            else ""
        )
        context = {
            **(extra_context or {}),
            "revert_note": note,
            "revert_choices": actions.revert_choices(request.user, stored) if stored else [],
            "revert_chosen": request.POST.get(actions.FIELD, "save"),
        }
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, context)
        # A revert writes the case study and its partners, sources and outcomes: all or
        # nothing, as the change form's save is (and its edit-conflict check locks the row).
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, context)

    def render_history_view(self, request, template, context, **kwargs):
        form = context["adminform"].form if "adminform" in context else None  # the list has none
        context["workflow_errors"] = error_summary(form, []) if form and form.is_bound else []
        return super().render_history_view(request, template, context, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
        context["workflow"] = {
            "actions": offered
            if self.has_change_permission(request, obj)
            and (offered := actions.offered(request.user, obj))
            else [],
            "save_label": actions.save_label(obj),
            "form": form,
            "state": _state(obj),
            "blockers": _blockers(obj)
            if obj is not None and obj.pk and obj.status != Status.PUBLISHED
            else [],
            "errors": error_summary(form, formsets) if form.is_bound else [],
            "comments": reviews.for_case_study(obj) if obj is not None and obj.pk else [],
            "submission": reviews.submission(obj)
            if obj is not None and obj.pk and obj.status == Status.REVIEW
            else None,
            "reverting": bool(getattr(request, "workspace_reverting_to", None)),
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        action = form.workflow_action or actions.ACTIONS["save"]
        reverting = getattr(request, "workspace_reverting_to", None)
        obj._change_reason = action.reason
        if reverting:
            obj._change_reason = f"Reverted to the version of {when(reverting.history_date)}" + (
                f" ({action.reason.lower()})" if action.name != "save" else ""
            )
        if action.name == "schedule":
            obj._change_reason = f"Scheduled for {when(obj.published_at)}"
        super().save_model(request, obj, form, change)
        if reverting:
            history.restore_related(obj, reverting)
        comment = (form.cleaned_data.get("review_comment") or "").strip()
        if comment:
            kind = {
                "return": ReviewComment.Kind.RETURNED,
                "submit": ReviewComment.Kind.SUBMITTED,
            }.get(action.name, ReviewComment.Kind.COMMENT)
            ReviewComment.objects.create(
                case_study=obj, author=request.user, kind=kind, text=comment
            )
        notifications.after_action(action.name, obj, request.user, comment)
        request.workspace_done = action

    def response_add(self, request, obj, post_url_continue=None):
        if actions.FIELD in request.POST:
            return self._told(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if actions.FIELD in request.POST or getattr(request, "workspace_reverting_to", None):
            return self._told(request, obj)
        return super().response_change(request, obj)

    def _told(self, request, obj):
        action = getattr(request, "workspace_done", actions.ACTIONS["save"])
        reverting = getattr(request, "workspace_reverting_to", None)
        said = revert_message(action, obj, reverting) if reverting else outcome_message(action, obj)
        self.message_user(request, said, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:casestudies_casestudy_change", args=[obj.pk]))


def revert_message(action, case_study, reverted_to):
    """What a revert changed, field by field, and where the case study stands now."""
    changed = [change.label.lower() for change in history.latest_changes(case_study)]
    what = (
        f"What it changed: {', '.join(changed)}."
        if changed
        else "Nothing differed from that version, so nothing changed."
    )
    status = (
        format_html("Its status is as it was; {}.", where_it_stands(action, case_study))
        if action.name == "save"
        else outcome_message(action, case_study)
    )
    return format_html(
        "Reverted to the version of {}. {} {}", when(reverted_to.history_date), what, status
    )


def outcome_message(action, case_study):
    """What happened, in words, with the public address as a link where it matters."""
    opening = {
        "save": "Saved",
        "submit": "Submitted for review: the publishers have been sent an email",
        "publish": "Published",
        "schedule": "Scheduled",
        "return": "Returned to the editor with your comment, by email",
        "unpublish": "Unpublished",
        "archive": "Archived",
    }[action.name]
    state = where_it_stands(action, case_study)
    return (
        format_html("{}; {}.", opening, state)
        if action.name != "publish"
        else format_html("{}: {}.", opening, state)
    )


def where_it_stands(action, case_study):
    """Whether the case study is public now, in words, with its address as a link."""
    address = case_study.get_absolute_url()
    link = format_html('<a href="{}">{}</a>', address, address)
    if case_study.is_public:
        state = (
            format_html("now live at {}", link)
            if action.name == "publish"
            else format_html("the changes are live at {}", link)
        )
    elif case_study.is_scheduled:
        state = format_html("it goes live at {} on {}", link, when(case_study.published_at))
    elif case_study.status == Status.REVIEW:
        state = format_html(
            "it is waiting for review and not public (staff can preview it at {})", link
        )
    elif case_study.status == Status.ARCHIVED:
        state = format_html(
            "it is off the public site and kept in the records; {} no longer shows it", link
        )
    else:
        state = format_html("it is a draft and not public (staff can preview it at {})", link)
    return state


def _state(case_study):
    if case_study is None or not case_study.pk:
        return "New: not saved yet."
    if case_study.is_scheduled:
        return f"Scheduled: goes live on {when(case_study.published_at)}."
    if case_study.is_public:
        return f"Published: live since {when(case_study.published_at)}."
    return {
        Status.DRAFT: "Draft: only staff can see it.",
        Status.REVIEW: "In review: waiting for a publisher.",
        Status.ARCHIVED: "Archived: off the public site.",
    }.get(case_study.status, case_study.get_status_display())


def _blockers(case_study):
    stored = type(case_study).objects.get(pk=case_study.pk)
    return [(problem, anchor(name)) for name, problem in stored.publication_problems_by_field()]


def error_summary(form, formsets):
    """Every problem in a refused save, each with a link to where it is put right."""
    found = [(message, "") for message in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == "__all__":
            continue
        label = form.fields[name].label if name in form.fields else name
        found += [(f"{str(label).capitalize()}: {message}", anchor(name)) for message in errors]
    for formset in formsets:
        group = f"{formset.prefix}-group"
        noun = str(formset.model._meta.verbose_name_plural).capitalize()
        found += [(f"{noun}: {message}", group) for message in formset.non_form_errors()]
        for position, row in enumerate(formset.errors, start=1):
            for errors in row.values():
                found += [(f"{noun}, row {position}: {message}", group) for message in errors]
    return found
