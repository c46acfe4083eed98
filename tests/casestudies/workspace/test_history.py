"""History that tells the truth: every version says what changed in it, partners and
sources included, word by word for text; a revert restores them and keeps the status."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from casestudies.models import CaseStudy, Indicator, Outcome
from casestudies.models.choices import Status
from casestudies.workspace import history
from tests.forms import form_data


def change_url(case_study):
    return reverse("admin:casestudies_casestudy_change", args=[case_study.pk])


def test_text_is_compared_word_by_word():
    assert history.words_changed("Homes for local people.", "Homes for young local people.") == [
        ("same", "Homes for "),
        ("added", "young "),
        ("same", "local people."),
    ]
    assert history.words_changed("Twelve homes", "Ten homes") == [
        ("removed", "Twelve"),
        ("added", "Ten"),
        ("same", " homes"),
    ]


def test_an_inline_edit_shows_in_the_history(publisher_client, make_case_study, make_organisation):
    case_study = make_case_study(title="Orchard Close", body="Twelve homes for local people.")
    make_organisation("Tamar Community Land Trust")
    page = publisher_client.get(change_url(case_study)).content.decode()
    data = form_data(page, "casestudy_form", body="Ten homes for local people.", _workflow="save")
    data["sources-0-title"] = ["The council's report"]
    publisher_client.post(change_url(case_study), data)

    newest = history.versions(case_study)[0]
    changes = {change.label: change for change in newest.changes}
    assert changes["Story"].words == [
        ("removed", "Twelve"),
        ("added", "Ten"),
        ("same", " homes for local people."),
    ]
    assert changes["Sources"].added == ["The council's report · https://example.org/"]
    assert changes["Sources"].removed == ["Source 1 · https://example.org/"]

    listed = publisher_client.get(
        reverse("admin:casestudies_casestudy_history", args=[case_study.pk])
    ).content.decode()
    assert "<del>Twelve</del><ins>Ten</ins> homes for local people." in listed
    assert "<ins>Added: The council&#x27;s report · https://example.org/</ins>" in listed
    assert (
        timezone.localtime(newest.record.history_date).strftime("%-d %B %Y, %H:%M") + ": Saved"
        in listed
    )
    assert "None" not in listed and "Change reason" not in listed


def test_reverting_restores_partners_sources_and_outcomes_and_keeps_it_live(
    publisher_client, make_case_study, make_organisation
):
    first_partner = make_organisation("Yarlington Housing Group")
    case_study = make_case_study(
        title="Before", slug="before", partners=[(first_partner, "housing-association")]
    )
    source = case_study.sources.get()
    indicator = Indicator.objects.order_by("pk").first()
    Outcome.objects.create(case_study=case_study, indicator=indicator, value=12, source=source)
    case_study.save()  # the version to go back to: its partners, source and outcome stand until the next
    version = case_study.history.latest()

    page = publisher_client.get(change_url(case_study)).content.decode()
    data = form_data(page, "casestudy_form", title="After", _workflow="save")
    data["partners-0-DELETE"] = ["on"]
    data["partners-1-organisation"] = [str(make_organisation("Wessex Community Land Trust").pk)]
    data["partners-1-role"] = ["community"]
    data["outcomes-0-DELETE"] = ["on"]
    assert publisher_client.post(change_url(case_study), data).status_code == 302
    assert [p.organisation.name for p in case_study.partners.all()] == [
        "Wessex Community Land Trust"
    ]
    assert not case_study.outcomes.exists()

    url = reverse(
        "admin:casestudies_casestudy_simple_history", args=[case_study.pk, version.history_id]
    )
    revert_page = publisher_client.get(url).content.decode()
    assert "Reverting keeps its status as it is now (Published: live since" in revert_page
    data = form_data(revert_page, None, _change_history="1")
    response = publisher_client.post(url, data, follow=True)
    assert "Reverted to the version of" in response.content.decode()

    case_study = CaseStudy.objects.get(pk=case_study.pk)
    assert (case_study.title, case_study.status, case_study.is_public) == (
        "Before",
        Status.PUBLISHED,
        True,
    )
    assert [p.organisation.name for p in case_study.partners.all()] == ["Yarlington Housing Group"]
    assert [(o.indicator, o.value, o.source) for o in case_study.outcomes.all()] == [
        (indicator, 12, source)
    ]
    public = Client().get("/case-studies/before/").content.decode()
    assert "Yarlington Housing Group" in public and "Wessex Community Land Trust" not in public


def revert_url(case_study, version):
    return reverse(
        "admin:casestudies_casestudy_simple_history", args=[case_study.pk, version.history_id]
    )


def test_a_revert_says_what_it_changed_and_that_the_status_stayed(
    publisher_client, make_case_study
):
    case_study = make_case_study(title="Before", slug="before")
    version = case_study.history.latest()
    CaseStudy.objects.filter(pk=case_study.pk).update(summary="A newer summary.")
    case_study.refresh_from_db()
    case_study.title = "After"
    case_study.save()

    url = revert_url(case_study, version)
    page = publisher_client.get(url).content.decode()
    assert 'value="save" checked' in page  # keeping the status is the default
    response = publisher_client.post(url, form_data(page, None), follow=True)
    said = response.content.decode()
    assert "What it changed: title, summary." in said
    assert "Its status is as it was; the changes are live at" in said
    assert CaseStudy.objects.get(pk=case_study.pk).is_public


def test_a_publisher_may_choose_to_unpublish_as_they_revert(publisher_client, make_case_study):
    case_study = make_case_study(title="Before", slug="before")
    version = case_study.history.latest()
    case_study.title = "After"
    case_study.save()

    url = revert_url(case_study, version)
    page = publisher_client.get(url).content.decode()
    assert "Unpublish it (back to draft)" in page and "Publish it now" not in page  # it is live
    response = publisher_client.post(url, form_data(page, None, _workflow="unpublish"), follow=True)
    said = response.content.decode()
    assert (
        "What it changed: title, status." in said
        and "Unpublished; it is a draft and not public" in said
    )
    case_study = CaseStudy.objects.get(pk=case_study.pk)
    assert (case_study.title, case_study.status) == ("Before", Status.DRAFT)
    assert case_study.history.latest().history_change_reason.endswith("(unpublished)")
    assert Client().get("/case-studies/before/").status_code == 404


def test_an_editor_cannot_publish_by_reverting(editor_client, make_case_study):
    case_study = make_case_study(title="Before", slug="before", status=Status.DRAFT)
    version = case_study.history.latest()
    case_study.title = "After"
    case_study.save()

    url = revert_url(case_study, version)
    page = editor_client.get(url).content.decode()
    assert "Submit it for review" in page and "Publish it now" not in page
    response = editor_client.post(url, form_data(page, None, _workflow="publish"))
    assert "Nothing has been reverted." in response.content.decode()
    assert "is not something you can do to this case study now" in response.content.decode()
    case_study = CaseStudy.objects.get(pk=case_study.pk)
    assert (case_study.title, case_study.status) == ("After", Status.DRAFT)


def test_publishing_by_reverting_asks_what_publishing_needs(publisher_client, make_case_study):
    case_study = make_case_study(title="Before", slug="before", status=Status.DRAFT, summary="")
    version = case_study.history.latest()
    case_study.summary = "A summary at last."
    case_study.save()

    url = revert_url(case_study, version)
    page = publisher_client.get(url).content.decode()
    response = publisher_client.post(url, form_data(page, None, _workflow="publish"))
    assert "Nothing has been reverted." in response.content.decode()
    assert CaseStudy.objects.get(pk=case_study.pk).status == Status.DRAFT
