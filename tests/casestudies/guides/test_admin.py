"""A guide's workflow: editors write and submit, publishers publish, with history."""

from django.urls import reverse

from casestudies.models import Guide
from casestudies.models.choices import Status
from tests.forms import form_data


def _post_change(client, guide, **changes):
    url = reverse("admin:casestudies_guide_change", args=[guide.pk])
    data = form_data(client.get(url).content.decode(), "guide_form")
    for name, value in changes.items():
        data[name] = [value]
    return client.post(url, {**data, "_save": ["Save"]})


def test_an_editor_writes_a_draft_and_submits_it_but_cannot_publish(
    editor_client, make_case_study, make_guide
):
    guide = make_guide([make_case_study()], status=Status.DRAFT)
    response = _post_change(editor_client, guide, status="published")
    assert (
        "Only publishers can publish, unpublish or archive a guide" in response.content.decode()
        or ("not one of the available choices" in response.content.decode())
    )
    guide.refresh_from_db()
    assert guide.status == Status.DRAFT
    assert (
        _post_change(editor_client, guide, status="review", title="Better title").status_code == 302
    )
    guide.refresh_from_db()
    assert (guide.status, guide.title) == (Status.REVIEW, "Better title")


def test_a_publisher_publishes_and_history_keeps_each_version(
    publisher_client, make_case_study, make_guide
):
    guide = make_guide([make_case_study()], status=Status.REVIEW)
    assert _post_change(publisher_client, guide, status="published").status_code == 302
    guide.refresh_from_db()
    assert guide.status == Status.PUBLISHED and guide.published_at is not None
    assert list(guide.history.order_by("history_date").values_list("status", flat=True)) == [
        "review",
        "published",
    ]
    assert guide.history.latest().history_user.username == "publisher-account"


def test_an_editor_cannot_change_a_published_guide(editor_client, make_case_study, make_guide):
    guide = make_guide([make_case_study()], title="Examples to copy")
    response = editor_client.get(reverse("admin:casestudies_guide_change", args=[guide.pk]))
    assert (
        "This guide is published (or scheduled to be), so only publishers can change it."
        in response.content.decode()
    )
    url = reverse("admin:casestudies_guide_change", args=[guide.pk])
    editor_client.post(url, {"title": "Changed", "slug": guide.slug, "status": "published"})
    assert Guide.objects.get(pk=guide.pk).title == "Examples to copy"


def test_a_guide_without_a_published_case_study_cannot_be_published(
    publisher_client, make_case_study, make_guide
):
    guide = make_guide([make_case_study(status=Status.DRAFT)], status=Status.REVIEW)
    response = _post_change(publisher_client, guide, status="published")
    assert "It needs at least one published case study." in response.content.decode()
    guide.refresh_from_db()
    assert guide.status == Status.REVIEW
