"""The admin's spreadsheet import: upload, see every row's problems (nothing written), then
confirm; and the template to fill in."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from casestudies.workspace import importing

MAX_UPLOAD_BYTES = 5_000_000
_SALT = "casestudies.workspace.import"
_CONFIRM_SECONDS = 3600


class SpreadsheetForm(forms.Form):
    spreadsheet = forms.FileField(
        label="Spreadsheet",
        help_text="CSV (.csv) or Excel (.xlsx), with the template's headings in the first row.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class SpreadsheetImportAdmin:
    """Mixed into CaseStudyAdmin: /import/ and the template downloads."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="casestudies_casestudy_import"),
            path(
                "import/template.<str:kind>",
                view(self.import_template),
                name="casestudies_casestudy_import_template",
            ),
            *super().get_urls(),
        ]

    def import_template(self, request, kind):
        if kind == "csv":
            return _download(
                importing.template_csv().encode(),
                "text/csv; charset=utf-8",
                "case-studies-template.csv",
            )
        if kind == "xlsx":
            kind_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            return _download(importing.template_xlsx(), kind_type, "case-studies-template.xlsx")
        raise PermissionDenied

    def import_view(self, request):
        # Imports make drafts, so whoever may add a case study may import.
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import case studies from a spreadsheet",
        }
        form = SpreadsheetForm()
        if request.method == "POST" and "confirm" in request.POST:
            return self._import_confirmed(request, context)
        if request.method == "POST":
            form = SpreadsheetForm(request.POST, request.FILES)
            if form.is_valid():
                context.update(self._dry_run(request, form))
        context["form"] = form
        return TemplateResponse(request, "admin/workspace/import.html", context)

    def _dry_run(self, request, form):
        upload = form.cleaned_data["spreadsheet"]
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error(
                "spreadsheet",
                f"The file is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB: split it into smaller ones.",
            )
            return {}
        try:
            dataset = importing.read_spreadsheet(upload.name, upload.read())
        except importing.ImportRefused as refused:
            form.add_error("spreadsheet", str(refused))
            return {}
        result = importing.try_import(dataset, request.user, dry_run=True)
        problems = importing.row_problems(result)
        found = {"problems": problems, "file_name": upload.name, "row_count": dataset.height}
        if not problems:
            found["titles"] = [row["Title"] for row in dataset.dict]
            found["payload"] = signing.dumps(
                {"csv": dataset.export("csv"), "name": upload.name}, salt=_SALT, compress=True
            )
        return found

    def _import_confirmed(self, request, context):
        try:
            held = signing.loads(request.POST["confirm"], salt=_SALT, max_age=_CONFIRM_SECONDS)
        except signing.BadSignature:
            self.message_user(
                request, "That preview has expired: upload the spreadsheet again.", messages.ERROR
            )
            return HttpResponseRedirect(reverse("admin:casestudies_casestudy_import"))
        dataset = importing.read_spreadsheet("held.csv", held["csv"].encode())
        result = importing.try_import(dataset, request.user, dry_run=False)
        problems = importing.row_problems(result)
        if problems:  # something changed since the preview: the whole import was rolled back
            context.update(
                {
                    "problems": problems,
                    "file_name": held["name"],
                    "row_count": dataset.height,
                    "form": SpreadsheetForm(),
                }
            )
            return TemplateResponse(request, "admin/workspace/import.html", context)
        count = dataset.height
        self.message_user(
            request,
            f"Imported {count} case stud{'y' if count == 1 else 'ies'} from {held['name']} as drafts: "
            "none is public until a publisher publishes it.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:casestudies_casestudy_changelist") + "?status__exact=draft"
        )


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
