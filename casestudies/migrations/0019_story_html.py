"""The story's HTML, rendered once on save instead of on every page view."""

from django.db import migrations, models


def render_stories(apps, schema_editor):
    from casestudies.services.markdown import render_markdown

    CaseStudy = apps.get_model("casestudies", "CaseStudy")
    for pk, body in CaseStudy.objects.exclude(body="").values_list("pk", "body").iterator():
        CaseStudy.objects.filter(pk=pk).update(story_html=render_markdown(body))


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0018_site_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="casestudy",
            name="story_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(render_stories, migrations.RunPython.noop),
    ]
