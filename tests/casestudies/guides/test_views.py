"""The public guides: only published guides, and in them only published case studies."""

import re

from casestudies.models.choices import Status


def words(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_guide_shows_its_published_case_studies_in_order_with_notes(
    client, make_case_study, make_guide
):
    second, first = make_case_study("Second scheme"), make_case_study("First scheme")
    guide = make_guide(
        [first, second],
        key_lessons="Keep the freehold.\nLet locally.",
        call_to_action="Call your hub.",
    )
    page = words(client.get(guide.get_absolute_url()))
    assert page.index("First scheme") < page.index("Second scheme")
    assert "Why it is here: Note on First scheme." in page
    assert "Keep the freehold." in page and "Let locally." in page
    assert "Call your hub." in page


def test_a_guide_with_an_unpublished_case_study_shows_the_rest(client, make_case_study, make_guide):
    public = make_case_study("Public scheme")
    draft = make_case_study("Secret draft", status=Status.DRAFT)
    guide = make_guide([draft, public])
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    assert "Public scheme" in words(response)
    assert "Secret draft" not in response.content.decode()
    assert draft.slug not in response.content.decode()


def test_unpublished_guides_are_not_found_but_staff_preview_them(
    client, make_case_study, make_guide, editor
):
    guide = make_guide([make_case_study("Public scheme")], title="Draft guide", status=Status.DRAFT)
    assert client.get(guide.get_absolute_url()).status_code == 404
    assert "Draft guide" not in client.get("/guides/").content.decode()
    client.force_login(editor)
    page = words(client.get(guide.get_absolute_url()))
    assert "Draft: not public." in page and "Draft guide" in page


def test_staff_previewing_see_draft_case_studies_marked_not_public(
    client, make_case_study, make_guide, editor
):
    guide = make_guide([make_case_study("Secret draft", status=Status.DRAFT)], status=Status.DRAFT)
    client.force_login(editor)
    assert "Secret draft Not public" in words(client.get(guide.get_absolute_url()))


def test_the_list_counts_only_published_case_studies(client, make_case_study, make_guide):
    make_guide(
        [make_case_study(), make_case_study(), make_case_study(status=Status.DRAFT)],
        summary="Three picked.",
    )
    page = words(client.get("/guides/"))
    assert "Examples to copy" in page and "Three picked." in page
    assert "2 case studies" in page


def test_case_studies_say_which_published_guides_they_are_in(client, make_case_study, make_guide):
    case_study = make_case_study("Public scheme")
    make_guide([case_study], title="Examples to copy")
    make_guide([case_study], title="Draft guide", status=Status.DRAFT)
    page = words(client.get(case_study.get_absolute_url()))
    assert "Part of the guide Examples to copy" in page
    assert "Draft guide" not in page


def test_publishing_a_guide_shows_at_once_on_cached_pages(
    client, make_case_study, make_guide, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    guide = make_guide([make_case_study("Public scheme")], status=Status.DRAFT)
    assert client.get(guide.get_absolute_url()).status_code == 404
    assert "Examples to copy" not in client.get("/guides/").content.decode()
    guide.status = Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        guide.save()
    assert client.get(guide.get_absolute_url()).status_code == 200
    assert "Examples to copy" in client.get("/guides/").content.decode()


def test_published_guides_are_in_the_sitemap(client, make_case_study, make_guide):
    make_guide([make_case_study()], title="Examples to copy")
    make_guide([make_case_study()], title="Draft guide", status=Status.DRAFT)
    sitemap = client.get("/sitemap-guides.xml").content.decode()
    assert "/guides/examples-to-copy/" in sitemap and "draft-guide" not in sitemap
