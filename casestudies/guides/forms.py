"""Staff forms for guides: the workflow holds in them as in the case-study form."""

from django import forms
from django.core.exceptions import ValidationError

from casestudies.admin.forms import WorkflowStatusMixin
from casestudies.guides.models import Guide
from casestudies.models.choices import Status


class GuideAdminForm(WorkflowStatusMixin, forms.ModelForm):
    class Meta:
        model = Guide
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_allowed_statuses()


class GuideEntryFormSet(forms.BaseInlineFormSet):
    """A guide is published only with what the workflow asks of one, judged on the case
    studies as posted (the guide's form has already given the instance its new status)."""

    def clean(self):
        super().clean()
        if self.instance.status != Status.PUBLISHED:
            return
        chosen = [
            form.cleaned_data["case_study"].pk
            for form in self.forms
            if form.cleaned_data.get("case_study") and not form.cleaned_data.get("DELETE")
        ]
        problems = self.instance.publication_problems(case_study_ids=chosen)
        if problems:
            raise ValidationError(["This guide cannot be published yet.", *problems])
