"""The admin's spreadsheet imports: upload, see every row's problems (nothing written),
then confirm; and the template to fill in. Each admin lists the kinds it imports in
`spreadsheet_imports` (the part of the address after import/, and the kind)."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from casestudies.workspace.spreadsheets import ImportRefused

MAX_UPLOAD_BYTES = 5_000_000
_SALT = "casestudies.workspace.import"
_CONFIRM_SECONDS = 3600
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SpreadsheetForm(forms.Form):
    spreadsheet = forms.FileField(
        label="Spreadsheet",
        help_text="CSV (.csv) or Excel (.xlsx), with the template's headings in the first row.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


def url_name(opts, key, template=False):
    """casestudies_casestudy_import, …_import_partners, …_import_template and so on."""
    return "_".join(
        part
        for part in [opts.app_label, opts.model_name, "import", key, "template" if template else ""]
        if part
    )


def every_import(admin_site, request):
    """[(words, address)] of each import the signed-in person may use, from the admins."""
    found = []
    for model_admin in admin_site._registry.values():
        for key, kind in getattr(model_admin, "spreadsheet_imports", {}).items():
            if model_admin.may_import(request, kind):
                found.append(
                    (
                        f"Import {kind.plural}",
                        reverse(f"{admin_site.name}:{url_name(model_admin.opts, key)}"),
                    )
                )
    return sorted(found)


class SpreadsheetImportAdmin:
    """Mixed into a ModelAdmin: import/<key>/ and its template downloads for each kind."""

    spreadsheet_imports = {}

    def get_urls(self):
        view = self.admin_site.admin_view
        urls = []
        for key, kind in self.spreadsheet_imports.items():
            prefix = f"import/{key}/" if key else "import/"
            urls += [
                path(
                    prefix,
                    view(self._import_view_for(key)),
                    name=url_name(self.opts, key),
                ),
                path(
                    f"{prefix}template.<str:file_type>",
                    view(self._template_view_for(kind)),
                    name=url_name(self.opts, key, template=True),
                ),
            ]
        return [*urls, *super().get_urls()]

    def may_import(self, request, kind):
        return getattr(self, f"has_{kind.permission}_permission")(request)

    def _template_view_for(self, kind):
        def template(request, file_type):
            if file_type == "csv":
                return _download(
                    kind.template_csv().encode(),
                    "text/csv; charset=utf-8",
                    f"{kind.file_stem}.csv",
                )
            if file_type == "xlsx":
                return _download(kind.template_xlsx(), XLSX_TYPE, f"{kind.file_stem}.xlsx")
            raise Http404("Templates come as .csv or .xlsx.")

        return template

    def _import_view_for(self, key):
        return lambda request: self.import_view(request, key)

    def import_view(self, request, key=""):
        kind = self.spreadsheet_imports[key]
        if not self.may_import(request, kind):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Import {kind.plural} from a spreadsheet",
            "kind": kind,
            "templates": [
                (words, reverse(f"admin:{url_name(self.opts, key, template=True)}", args=[ending]))
                for words, ending in [("Excel template", "xlsx"), ("CSV template", "csv")]
            ],
            "other_imports": [
                (words, address)
                for words, address in every_import(self.admin_site, request)
                if address != request.path
            ],
        }
        form = SpreadsheetForm()
        if request.method == "POST" and "confirm" in request.POST:
            return self._import_confirmed(request, context, kind, key)
        if request.method == "POST":
            form = SpreadsheetForm(request.POST, request.FILES)
            if form.is_valid():
                context.update(self._dry_run(request, form, kind, key))
        context["form"] = form
        return TemplateResponse(request, "admin/workspace/import.html", context)

    def _salt(self, key):
        return f"{_SALT}.{self.opts.label_lower}.{key}"

    def _dry_run(self, request, form, kind, key):
        upload = form.cleaned_data["spreadsheet"]
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error(
                "spreadsheet",
                f"The file is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB: split it into smaller ones.",
            )
            return {}
        try:
            dataset = kind.read(upload.name, upload.read())
        except ImportRefused as refused:
            form.add_error("spreadsheet", str(refused))
            return {}
        result = kind.try_import(dataset, request.user, dry_run=True)
        problems = kind.row_problems(result)
        found = {"problems": problems, "file_name": upload.name, "row_count": dataset.height}
        if not problems:
            found["titles"] = [kind.describe(row) for row in dataset.dict]
            found["payload"] = signing.dumps(
                {"csv": dataset.export("csv"), "name": upload.name},
                salt=self._salt(key),
                compress=True,
            )
        return found

    def _import_confirmed(self, request, context, kind, key):
        try:
            held = signing.loads(
                request.POST["confirm"], salt=self._salt(key), max_age=_CONFIRM_SECONDS
            )
        except signing.BadSignature:
            self.message_user(
                request, "That preview has expired: upload the spreadsheet again.", messages.ERROR
            )
            return HttpResponseRedirect(request.path)
        dataset = kind.read("held.csv", held["csv"].encode())
        result = kind.try_import(dataset, request.user, dry_run=False)
        problems = kind.row_problems(result)
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
        self.message_user(
            request,
            kind.done.format(counted=kind.counted(dataset.height), file_name=held["name"]),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse(f"admin:{kind.after_import}") + kind.after_import_query)


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
