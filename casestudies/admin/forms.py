"""Staff forms: the case-study form knows who is editing, so the workflow holds in it."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from casestudies.models import CaseStudy
from casestudies.models.choices import ImdBasis, Status
from casestudies.services import workflow


class WorkflowStatusMixin:
    """A staff form whose status field offers an editor only the moves the workflow allows,
    and refuses any other posted (for a case study or a guide alike)."""

    # Set by the admin's get_form for each request.
    user = None

    def offer_allowed_statuses(self):
        status = self.fields.get("status")
        if status is not None and not workflow.can_publish(self.user):
            current = workflow.stored_status(self.instance)
            allowed = workflow.EDITOR_STATUSES | ({current} if current else set())
            status.choices = [(value, label) for value, label in Status.choices if value in allowed]
            status.help_text = "Submit for review when it is ready; a publisher will publish it."

    def clean_status(self):
        status = self.cleaned_data["status"]
        try:
            workflow.check_move(self.user, self.instance, status)
        except PermissionDenied as denied:
            raise ValidationError(str(denied), code="not_a_publisher") from None
        return status


class CaseStudyAdminForm(WorkflowStatusMixin, forms.ModelForm):
    # The revision this form was opened at: if the stored one has moved on when it is
    # saved, someone else saved in between and their work must not be silently lost.
    loaded_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CaseStudy
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # From the database, not the instance: a history revert hands the form an
            # old version, whose revision number is long out of date.
            self.fields["loaded_revision"].initial = (
                CaseStudy.objects.filter(pk=self.instance.pk)
                .values_list("revision", flat=True)
                .first()
            )
        self.offer_allowed_statuses()

    def clean_loaded_revision(self):
        loaded = self.cleaned_data.get("loaded_revision")
        if not self.instance.pk or loaded is None:
            return loaded
        # Lock the row for the rest of the save (the admin saves in one transaction), so
        # two saves at the same moment are also caught.
        current = (
            CaseStudy.objects.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values("revision", "updated_at", "updated_by__username")
            .first()
        )
        if current and current["revision"] != loaded:
            # Show the form again carrying the current revision: saving it once more is
            # then a choice made knowing what it replaces.
            self.data = self.data.copy()
            self.data["loaded_revision"] = current["revision"]
            who = current["updated_by__username"] or "someone"
            when = timezone.localtime(current["updated_at"]).strftime("%H:%M on %-d %B")
            history = reverse("admin:casestudies_casestudy_history", args=[self.instance.pk])
            raise ValidationError(
                format_html(
                    "This case study was changed by {} at {} since you opened it, so your changes have not been "
                    'saved. <a href="{}" target="_blank" rel="noopener">Review their changes</a> (opens the history), '
                    "then either save again to replace them with yours, or reload the page to start from theirs.",
                    who,
                    when,
                    history,
                ),
                code="edit_conflict",
            )
        return loaded

    def clean(self):
        cleaned = super().clean()
        if "imd_decile" in self.changed_data and cleaned.get("imd_basis") != ImdBasis.HAND:
            # A decile typed in by staff is theirs: imports must not overwrite it.
            cleaned["imd_basis"] = ImdBasis.HAND if cleaned.get("imd_decile") else ""
            self.instance.imd_basis = cleaned["imd_basis"]
        elif (
            "lsoa_code" in self.changed_data
            and "imd_basis" not in self.changed_data
            and cleaned.get("lsoa_code")
            and cleaned.get("imd_basis") != ImdBasis.HAND
        ):
            # A code typed over the one found from the coordinates overrides it.
            cleaned["imd_basis"] = ImdBasis.NEIGHBOURHOOD
        # The status is the workflow action's, set on the instance before this runs.
        if (
            self.instance.status == Status.PUBLISHED
            and self.instance.pk
            and "partners-TOTAL_FORMS" not in self.data
        ):
            # No partner or source forms came with this save (a history revert, say):
            # check what is stored, since the inline forms cannot.
            problems = [
                problem
                for problem in self.instance.publication_problems()
                if "partner" in problem or "source" in problem
            ]
            if problems:
                raise ValidationError(problems)
        return cleaned


class PublicationRequirementFormSet(forms.BaseInlineFormSet):
    """Inline formset that refuses to leave a published case study without any rows."""

    requirement = ""

    def clean(self):
        super().clean()
        if self.instance.status != Status.PUBLISHED:
            return
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(self.requirement)


class PartnerFormSet(PublicationRequirementFormSet):
    requirement = "A published case study needs at least one partner organisation."


class SourceFormSet(PublicationRequirementFormSet):
    requirement = (
        "A published case study needs at least one source: every fact in the library is referenced."
    )
