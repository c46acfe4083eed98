"""PostgreSQL only: the weighted search vector stored in its own column, with a GIN index.

Migration 0003 indexed the expression itself. Matching could use that index, but every
match was then checked again, and every result ranked, by building the vector afresh
from the whole story: a search for a common word took seconds at 10,000 case studies.
A stored generated column is built once when a row is written (by any route, even a
bare UPDATE) and read as it is. SQLite keeps its FTS5 index.

A later migration that changes the type of the title, summary or search_text column
must drop this column first and add it again after: PostgreSQL refuses to alter a
column a generated column is made from.
"""

from django.db import migrations

DOCUMENT = """
    setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE(search_text, '')), 'C')
"""

FORWARD = [
    "ALTER TABLE casestudies_casestudy ADD COLUMN IF NOT EXISTS search_document tsvector "
    f"GENERATED ALWAYS AS ({DOCUMENT}) STORED",
    "CREATE INDEX IF NOT EXISTS casestudy_search_document_idx "
    "ON casestudies_casestudy USING gin (search_document)",
    "DROP INDEX IF EXISTS casestudy_search_idx",
]

BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS casestudy_search_idx ON casestudies_casestudy USING gin (({DOCUMENT}))",
    "DROP INDEX IF EXISTS casestudy_search_document_idx",
    "ALTER TABLE casestudies_casestudy DROP COLUMN IF EXISTS search_document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0019_story_html")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
