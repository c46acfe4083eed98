"""The demo guide loads with the demo library, once."""

from django.core.management import call_command

from casestudies.models import Guide, GuideEntry


def test_the_demo_guide_is_published_with_its_case_studies_and_loads_idempotently(db, client):
    call_command("load_demo_data", "--no-images", verbosity=0)
    guide = Guide.objects.get(
        title="Housing associations and community land trusts: examples to copy"
    )
    assert guide.is_public
    entries = list(guide.entries.select_related("case_study"))
    assert len(entries) >= 6 and all(entry.note and entry.case_study.is_public for entry in entries)
    before = (Guide.history.count(), GuideEntry.history.count(), GuideEntry.objects.count())
    call_command("load_demo_data", "--no-images", verbosity=0)
    call_command("load_demo_data", "--no-images", "--update", verbosity=0)
    assert (Guide.history.count(), GuideEntry.history.count(), GuideEntry.objects.count()) == before
    page = client.get(guide.get_absolute_url()).content.decode()
    assert all(entry.case_study.title.replace("'", "&#x27;") in page for entry in entries)
