"""PostgreSQL only: a GIN index on the weighted search vector.

The planner could use it for `@@` queries on the same expression. Migration 0020 replaces
it with a stored column and an index on that. SQLite searches without it.
"""

from django.db import migrations

INDEX_SQL = """
CREATE INDEX IF NOT EXISTS casestudy_search_idx ON casestudies_casestudy USING gin ((
    setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE(search_text, '')), 'C')
))
"""


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX_SQL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS casestudy_search_idx")


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0002_workflow_groups")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
