"""The staff groups of the publishing workflow and what each may do.

Created by data migrations and made sure of again after every `migrate` (so a group
someone deleted comes back with the right permissions).
"""

EDITOR_PERMISSIONS = [
    "view_casestudy",
    "add_casestudy",
    "change_casestudy",
    "view_casestudypartner",
    "add_casestudypartner",
    "change_casestudypartner",
    "delete_casestudypartner",
    "view_source",
    "add_source",
    "change_source",
    "delete_source",
    "view_casestudyimage",
    "add_casestudyimage",
    "change_casestudyimage",
    "delete_casestudyimage",
    "view_organisation",
    "add_organisation",
    "change_organisation",
    "view_theme",
    "add_theme",
    "change_theme",
    "view_outcome",
    "add_outcome",
    "change_outcome",
    "delete_outcome",
    "view_indicator",
    "view_organisationidentifier",
    "add_organisationidentifier",
    "change_organisationidentifier",
    "delete_organisationidentifier",
    "view_verification",
    "add_verification",
    "view_datarelease",
    # The queue of what visitors send: editors triage it; only publishers delete.
    "view_suggestion",
    "change_suggestion",
    "view_correction",
    "change_correction",
    "view_contactmessage",
    "change_contactmessage",
    "view_guide",
    "add_guide",
    "change_guide",
    "view_guideentry",
    "add_guideentry",
    "change_guideentry",
    "delete_guideentry",
    # Editors propose site text; the workflow keeps what the public reads for publishers.
    "view_sitetext",
    "change_sitetext",
]
# Publishers also decide what is measured: indicators keep figures comparable.
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + [
    "publish_casestudy",
    "delete_casestudy",
    "delete_organisation",
    "delete_theme",
    "delete_guide",
    "add_indicator",
    "change_indicator",
    "delete_indicator",
    "add_datarelease",
    "delete_suggestion",
    "delete_correction",
    "delete_contactmessage",
    "add_sitetext",
    "delete_sitetext",
]
GROUPS = {"Editors": EDITOR_PERMISSIONS, "Publishers": PUBLISHER_PERMISSIONS}


def make_permissions(apps):
    """Permissions are normally made after migrations finish; a data migration that
    grants them needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def ensure_groups(apps, using="default"):
    """Create both groups if missing and give them their permissions (those that exist yet)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.using(using).filter(
                content_type__app_label="casestudies", codename__in=codenames
            )
        )
