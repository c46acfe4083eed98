from django.contrib.admin.apps import AdminConfig


class WorkspaceAdminConfig(AdminConfig):
    """Django's admin with the workspace's site as the default one (admin.site)."""

    default_site = "casestudies.workspace.site.WorkspaceSite"
