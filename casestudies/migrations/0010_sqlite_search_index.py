"""SQLite only: an FTS5 full-text index of title, summary and search text, kept in step
with the case study table by triggers (see casestudies.finder.search). PostgreSQL has its GIN
index from 0003."""

from django.db import migrations


def create_index(apps, schema_editor):
    from casestudies.finder.search import ensure_sqlite_index

    ensure_sqlite_index(schema_editor.connection)


def drop_index(apps, schema_editor):
    from casestudies.finder.search import drop_sqlite_index

    drop_sqlite_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0009_filter_indexes")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
