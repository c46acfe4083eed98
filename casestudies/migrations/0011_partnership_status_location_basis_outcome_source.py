"""Whether a partnership goes on, what a case study's coordinates mark, and outcome
sources that no longer block deleting a whole case study.

Coordinates have always been asked for as those of the place, not the homes (the
field's help text says so), so existing case studies with coordinates are marked as
the centre of the place.

An outcome's source was PROTECT, which refused to delete a case study whose outcomes
rest on its own sources; RESTRICT still refuses to delete such a source on its own but
lets the case study go with its sources and outcomes together."""

import django.db.models.deletion
from django.db import migrations, models


def mark_existing_coordinates(apps, schema_editor):
    CaseStudy = apps.get_model("casestudies", "CaseStudy")
    CaseStudy.objects.filter(latitude__isnull=False, location_basis="").update(location_basis="place-centre")


class Migration(migrations.Migration):

    dependencies = [
        ('casestudies', '0010_sqlite_search_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='casestudy',
            name='location_basis',
            field=models.CharField(blank=True, choices=[('place-centre', 'Centre of the place named, not the homes'), ('site', 'The site itself'), ('area-centre', 'Centre of the wider area the scheme covers, not one neighbourhood')], help_text="Usually the centre of the place, so nobody's home is pinpointed.", max_length=16, verbose_name='the coordinates mark'),
        ),
        migrations.AddField(
            model_name='casestudy',
            name='partnership_status',
            field=models.CharField(choices=[('active', 'Active'), ('ended', 'Ended'), ('stalled', 'Stalled')], default='active', help_text='Ended or stalled partnerships stay in the library, with what happened, as lessons for others.', max_length=12),
        ),
        migrations.AddField(
            model_name='historicalcasestudy',
            name='location_basis',
            field=models.CharField(blank=True, choices=[('place-centre', 'Centre of the place named, not the homes'), ('site', 'The site itself'), ('area-centre', 'Centre of the wider area the scheme covers, not one neighbourhood')], help_text="Usually the centre of the place, so nobody's home is pinpointed.", max_length=16, verbose_name='the coordinates mark'),
        ),
        migrations.AddField(
            model_name='historicalcasestudy',
            name='partnership_status',
            field=models.CharField(choices=[('active', 'Active'), ('ended', 'Ended'), ('stalled', 'Stalled')], default='active', help_text='Ended or stalled partnerships stay in the library, with what happened, as lessons for others.', max_length=12),
        ),
        migrations.AlterField(
            model_name='outcome',
            name='source',
            field=models.ForeignKey(blank=True, help_text="One of this case study's sources.", null=True, on_delete=django.db.models.deletion.RESTRICT, related_name='outcomes', to='casestudies.source'),
        ),
        migrations.RunPython(mark_existing_coordinates, migrations.RunPython.noop),
    ]
