"""Editors and Publishers may add, change and remove case-study images."""

from django.db import migrations

from casestudies.services.groups import ensure_groups, make_permissions


def grant(apps, schema_editor):
    make_permissions(apps)
    ensure_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0004_images"), ("casestudies", "0002_workflow_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
