"""The publishing workflow as actions on the change page, not a status field.

Each action is a button posted as `_workflow=<name>`. Whether it is offered, and whether
it is allowed when posted, is asked of `casestudies.services.workflow` about the case study as
stored; the status the save ends with comes from the action alone, so no route (the change
form, the history form's revert) can move a case study by posting an old status.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from casestudies.models import CaseStudy
from casestudies.models.choices import Status
from casestudies.services import workflow

FIELD = "_workflow"


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    reason: str  # the change reason history records
    to_status: str | None = None  # None: the status stays as stored
    publishers_only: bool = False
    needs_comment: bool = False
    needs_date: bool = False

    def offered(self, user, case_study):
        """Whether `user` sees this button on `case_study` as stored."""
        stored = _stored(case_study)
        if self.publishers_only and not workflow.can_publish(user):
            return False
        status, published_at = stored
        live = (
            status == Status.PUBLISHED
            and published_at is not None
            and published_at <= timezone.now()
        )
        scheduled = status == Status.PUBLISHED and not live
        return {
            "save": True,
            "submit": status in (None, Status.DRAFT),
            "publish": not live,
            "schedule": not live,
            "return": status == Status.REVIEW,
            "unpublish": live or scheduled,
            "archive": status is not None and status != Status.ARCHIVED,
        }[self.name]


ACTIONS = {
    action.name: action
    for action in [
        Action("save", "Save draft", "Saved"),
        Action("submit", "Submit for review", "Submitted for review", to_status=Status.REVIEW),
        Action(
            "publish", "Publish now", "Published", to_status=Status.PUBLISHED, publishers_only=True
        ),
        Action(
            "schedule",
            "Schedule…",
            "Scheduled",
            to_status=Status.PUBLISHED,
            publishers_only=True,
            needs_date=True,
        ),
        Action(
            "return",
            "Return to editor",
            "Returned to the editor",
            to_status=Status.DRAFT,
            publishers_only=True,
            needs_comment=True,
        ),
        Action(
            "unpublish", "Unpublish", "Unpublished", to_status=Status.DRAFT, publishers_only=True
        ),
        Action("archive", "Archive", "Archived", to_status=Status.ARCHIVED, publishers_only=True),
    ]
}


def _stored(case_study):
    """(status, published_at) in the database now, or (None, None) before the first save."""

    if case_study is None or not case_study.pk:
        return None, None
    row = CaseStudy.objects.filter(pk=case_study.pk).values_list("status", "published_at").first()
    return row or (None, None)


def save_label(case_study):
    status, _ = _stored(case_study)
    if status in (None, Status.DRAFT):
        return "Save draft"
    if status == Status.REVIEW:
        return "Save (stays in review)"
    return "Save changes"


def offered(user, case_study):
    return [action for action in ACTIONS.values() if action.offered(user, case_study)]


# What a revert may do to the status as well, as the reverter chooses: the default keeps it.
# Returning needs a comment and scheduling a date, so they stay with the change page.
_REVERT_CHOICES = {
    "save": "Keep its status as it is now",
    "submit": "Submit it for review",
    "publish": "Publish it now",
    "unpublish": "Unpublish it (back to draft)",
    "archive": "Archive it",
}


def revert_choices(user, case_study):
    """[(action name, words)] that `user` may choose when reverting `case_study`, the
    status kept first; each is asked of the workflow again when posted."""
    return [
        (name, words)
        for name, words in _REVERT_CHOICES.items()
        if ACTIONS[name].offered(user, case_study)
    ]


def posted(data):
    """The action a post asks for: a plain admin save ("Save", "Save and continue") is a save."""
    return ACTIONS.get(data.get(FIELD, "save")) if data is not None else None


class WorkflowActionForm(forms.Form):
    """Mixed into the case-study form: applies the posted action to the instance before
    the model and inline forms validate it, so publishing asks for what publishing needs."""

    schedule_for = forms.DateTimeField(
        label="Go live on",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        help_text="Date and time (UK time) it goes public by itself.",
    )
    review_comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Kept with the case study and sent to its editor (or, on submitting, to the publishers).",
    )

    user = None  # set per request by the admin
    workflow_action = None  # the Action posted, set per request

    def clean(self):
        self.apply_workflow_action()
        return super().clean()

    def apply_workflow_action(self):
        action = self.workflow_action or ACTIONS["save"]
        status, published_at = _stored(self.instance)
        if not action.offered(self.user, self.instance):
            raise ValidationError(
                f"“{action.label}” is not something you can do to this case study now. "
                + (
                    ""
                    if workflow.can_publish(self.user)
                    else "Only publishers can publish, unpublish or archive."
                ),
                code="action_not_offered",
            )
        target_status = action.to_status or status or Status.DRAFT
        target_date = published_at
        now = timezone.now()
        if action.name == "publish" and (published_at is None or published_at > now):
            target_date = now
        if action.name == "schedule":
            when = self.cleaned_data.get("schedule_for")
            if when is None:
                self.add_error("schedule_for", "Give the date and time it should go live.")
            elif when <= now:
                self.add_error("schedule_for", "Choose a time in the future, or use “Publish now”.")
            target_date = when
        comment = (self.cleaned_data.get("review_comment") or "").strip()
        if action.needs_comment and not comment:
            self.add_error(
                "review_comment", "Say what needs to change, so the editor knows what to do next."
            )
        try:
            workflow.check_move(self.user, self.instance, target_status)
        except PermissionDenied as denied:
            raise ValidationError(str(denied), code="not_a_publisher") from None
        # Whatever an old version or a stale form says, the status is the action's.
        self.instance.status = target_status
        self.instance.published_at = target_date
