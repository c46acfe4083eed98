"""The two staff groups of the publishing workflow."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "view_casestudy", "add_casestudy", "change_casestudy",
    "view_casestudypartner", "add_casestudypartner", "change_casestudypartner", "delete_casestudypartner",
    "view_source", "add_source", "change_source", "delete_source",
    "view_organisation", "add_organisation", "change_organisation",
    "view_theme", "add_theme", "change_theme",
]
PUBLISHER_PERMISSIONS = EDITOR_PERMISSIONS + [
    "publish_casestudy", "delete_casestudy", "delete_organisation", "delete_theme",
]


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrations finish; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", EDITOR_PERMISSIONS), ("Publishers", PUBLISHER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="casestudies", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
