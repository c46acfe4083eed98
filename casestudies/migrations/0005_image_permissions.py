"""Editors and Publishers may add, change and remove case-study images."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_casestudyimage", "add_casestudyimage", "change_casestudyimage", "delete_casestudyimage"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="casestudies", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=["Editors", "Publishers"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0004_images"), ("casestudies", "0002_workflow_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
