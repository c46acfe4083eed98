from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm, for the finder's "Did you mean …?" on PostgreSQL. The operation does
    nothing on other databases, so SQLite is unaffected."""

    dependencies = [("casestudies", "0016_workspace")]

    operations = [TrigramExtension()]
