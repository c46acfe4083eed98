"""Staff forms: the case-study form knows who is editing, so the workflow holds in it."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

from . import workflow
from .choices import ImdBasis, Status
from .models import CaseStudy


class CaseStudyAdminForm(forms.ModelForm):
    # Set by CaseStudyAdmin.get_form for each request.
    user = None

    class Meta:
        model = CaseStudy
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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

    def clean(self):
        cleaned = super().clean()
        if "imd_decile" in self.changed_data and cleaned.get("imd_basis") != ImdBasis.HAND:
            # A decile typed in by staff is theirs: imports must not overwrite it.
            cleaned["imd_basis"] = ImdBasis.HAND if cleaned.get("imd_decile") else ""
            self.instance.imd_basis = cleaned["imd_basis"]
        if cleaned.get("status") == Status.PUBLISHED and self.instance.pk and "partners-TOTAL_FORMS" not in self.data:
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
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if not kept:
            raise ValidationError(self.requirement)


class PartnerFormSet(PublicationRequirementFormSet):
    requirement = "A published case study needs at least one partner organisation."


class SourceFormSet(PublicationRequirementFormSet):
    requirement = "A published case study needs at least one source: every fact in the library is referenced."
