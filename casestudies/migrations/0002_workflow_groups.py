"""The two staff groups of the publishing workflow."""

from django.db import migrations

from casestudies.services.groups import ensure_groups, make_permissions


def create_groups(apps, schema_editor):
    make_permissions(apps)
    ensure_groups(apps, using=schema_editor.connection.alias)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
