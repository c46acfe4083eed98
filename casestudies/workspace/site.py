"""The admin site: the dashboard as its start page, case studies first in the navigation,
and sign-in records (django-axes) for superusers only."""

from django.contrib import admin

# Apps shown first, in this order; the rest follow alphabetically as Django lists them.
FIRST_APPS = ["casestudies"]
# Apps whose records only superusers may see, whatever permissions a group grants.
SUPERUSER_ONLY_APPS = {"axes"}


class WorkspaceSite(admin.AdminSite):
    site_header = "Partnerships in Place: staff"
    site_title = "Partnerships in Place staff"
    index_title = "Your workspace"
    index_template = "admin/workspace/dashboard.html"
    login_template = "admin/workspace/login.html"

    def register(self, model_or_iterable, admin_class=None, **options):
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, type) else list(model_or_iterable)
        )
        for model in models:
            model_admin = admin_class or admin.ModelAdmin
            if model._meta.app_label in SUPERUSER_ONLY_APPS:
                model_admin = type(model_admin.__name__, (SuperusersOnly, model_admin), {})
            super().register(model, model_admin, **options)

    def index(self, request, extra_context=None):
        from casestudies.workspace import dashboard  # models are ready once a request arrives
        from casestudies.workspace.import_admin import every_import  # as dashboard, above

        context = {
            **(extra_context or {}),
            "dashboard": dashboard.for_user(request.user),
            "imports": every_import(self, request),
        }
        return super().index(request, context)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        first = {label: position for position, label in enumerate(FIRST_APPS)}
        apps.sort(key=lambda app: (first.get(app["app_label"], len(first)), app["name"].lower()))
        for app in apps:
            if app["app_label"] == "casestudies":
                app["models"].sort(
                    key=lambda model: _CASE_STUDY_MODEL_ORDER.get(model["object_name"], 99)
                )
        return apps


# Case studies are the work; the records they are made of follow.
_CASE_STUDY_MODEL_ORDER = {"CaseStudy": 0, "Organisation": 1, "Theme": 2, "Indicator": 3}


class SuperusersOnly:
    """Access logs and lockouts name people and addresses: superusers only."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return (
            request.user.is_active
            and request.user.is_superuser
            and super().has_view_permission(request, obj)
        )

    def has_change_permission(self, request, obj=None):
        return (
            request.user.is_active
            and request.user.is_superuser
            and super().has_change_permission(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return (
            request.user.is_active
            and request.user.is_superuser
            and super().has_delete_permission(request, obj)
        )

    def has_add_permission(self, request, *args):
        return (
            request.user.is_active
            and request.user.is_superuser
            and super().has_add_permission(request, *args)
        )
