"""The change page fits: figures as people write them, sections that open and close, and a
preview of the story rendered as the public page renders it."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from casestudies.models import CaseStudy, Indicator, Outcome
from casestudies.workspace.form_fit import FigureInput, in_pounds

PREVIEW = "admin:casestudies_casestudy_preview_story"


def test_figures_show_as_whole_numbers_where_they_are_whole():
    widget = FigureInput()
    assert [
        widget.format_value(v)
        for v in (Decimal("7.00"), Decimal("100000.00"), Decimal("2.50"), None)
    ] == [
        "7",
        "100000",
        "2.5",
        None,
    ]


def test_the_change_page_opens_and_closes_by_section_and_shows_whole_figures(
    publisher_client, make_case_study
):
    case_study = make_case_study(body="## How it began\n\nThe **trust** found the site.")
    indicator = Indicator.objects.order_by("pk").first()
    Outcome.objects.create(
        case_study=case_study,
        indicator=indicator,
        value=Decimal("7.00"),
        source=case_study.sources.first(),
    )
    page = publisher_client.get(
        reverse("admin:casestudies_casestudy_change", args=[case_study.pk])
    ).content.decode()
    # Publishing, Place, Scheme, Homes, Money and Trust open; the record of who saved it starts closed.
    assert page.count('<details open class="workspace-section">') == 6
    assert '<details class="workspace-section">' in page
    assert 'name="outcomes-0-value" value="7"' in page
    preview = page[page.index("data-story-preview") :]
    assert (
        '<h2 id="how-it-began">How it began</h2>' in preview and "<strong>trust</strong>" in preview
    )


def test_the_preview_renders_exactly_as_the_public_page(publisher_client, make_case_study):
    story = "## Lessons\n\nKeep the **parish** close.\n\n<script>alert(1)</script>"
    case_study = make_case_study(slug="lessons", body=story)
    public = Client().get("/case-studies/lessons/").content.decode()
    shown = publisher_client.post(reverse(PREVIEW), {"body": story}).content.decode()
    assert shown in public  # the same HTML, character for character
    assert "<script>" not in shown
    assert case_study.body == story


def test_the_preview_is_for_staff_and_only_by_post(client, editor_client):
    assert editor_client.get(reverse(PREVIEW)).status_code == 405
    assert (
        "The story is empty." in editor_client.post(reverse(PREVIEW), {"body": ""}).content.decode()
    )
    anonymous = Client().post(reverse(PREVIEW), {"body": "Hello"})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_money_has_pounds_beside_it_and_stays_whole(publisher_client, make_case_study):
    case_study = make_case_study(capital_cost=250000, grant_funding=None)
    page = publisher_client.get(
        reverse("admin:casestudies_casestudy_change", args=[case_study.pk])
    ).content.decode()
    money = page[page.index('name="capital_cost"') - 200 : page.index('name="capital_cost"')]
    assert '<span class="money-input__symbol" aria-hidden="true">£</span>' in money
    assert 'name="capital_cost" value="250000"' in page
    assert page.count('class="money-input"') == len(in_pounds(CaseStudy)) == 3


def test_a_read_only_page_shows_figures_and_pounds_as_written(editor_client, make_case_study):
    case_study = make_case_study(capital_cost=250000)  # published: editors may only look
    Outcome.objects.create(
        case_study=case_study,
        indicator=Indicator.objects.order_by("pk").first(),
        value=Decimal("100000.00"),
        baseline=Decimal("2.50"),
        source=case_study.sources.first(),
    )
    page = editor_client.get(
        reverse("admin:casestudies_casestudy_change", args=[case_study.pk])
    ).content.decode()
    assert '<div class="readonly">£250,000</div>' in page
    assert '<div class="readonly">100,000</div>' in page
    assert '<div class="readonly">2.5</div>' in page
    assert "100000.00" not in page and "2.50" not in page
