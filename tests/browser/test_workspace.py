"""The curators' workspace in a real browser: an editor's and a publisher's day, the
accessibility of its pages, and no page that scrolls sideways at 1280 px."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from casestudies.models import CaseStudy, Organisation
from tests.browser.conftest import watch_csp

pytestmark = pytest.mark.browser

PASSWORD = "a long and memorable password"


@pytest.fixture
def staff(demo_library, django_user_model):
    people = {}
    for username, group in [("edith", "Editors"), ("pat", "Publishers")]:
        user = django_user_model.objects.create_user(
            username, email=f"{username}@example.org", password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        people[username] = user
    django_user_model.objects.create_superuser(
        "site-admin", email="admin@example.org", password=PASSWORD
    )
    return people


@pytest.fixture
def sign_in(browser, live_server):
    opened = []

    def sign_in(username, **options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=live_server.url, **options)
        page = watch_csp(context.new_page())
        page.goto("/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("h1")).to_have_text("Your workspace")
        opened.append((context, page))
        return page

    yield sign_in
    for context, page in opened:
        context.close()
        assert page.csp_violations == []


def panel(page):
    return page.locator(".workflow-panel")


def success(page):
    return page.locator(".messagelist .success").inner_text()


def test_an_editors_and_a_publishers_day(staff, sign_in, axe):
    editor = sign_in("edith")
    editor.get_by_role("link", name="Start a new case study").click()
    editor.locator("#id_title").press_sequentially("Canal Side Homes")
    expect(editor.locator("#id_slug")).to_have_value(
        "canal-side-homes"
    )  # made from the title as it is typed
    editor.fill(
        "#id_summary", "Twelve homes beside the canal, built by a trust with a housing association."
    )
    editor.select_option("#id_region", "north-west")
    editor.fill("#id_body", "## How it began\n\nThe **trust** found the site in 2019.")
    editor.get_by_role("button", name="Preview the story as typed").click()
    preview = editor.locator(".story-preview__content")
    expect(preview.locator("h2")).to_have_text("How it began")
    expect(preview.locator("strong")).to_have_text("trust")
    editor.locator("#partners-0 .select2-selection").click()
    editor.locator(".select2-container--open .select2-search__field").fill("Karbon")
    editor.get_by_role("option", name="Karbon Homes", exact=True).click()
    editor.select_option("#id_partners-0-role", "housing-association")
    editor.fill("#id_sources-0-title", "The trust's annual report")
    editor.fill("#id_sources-0-url", "https://example.org/report")
    panel(editor).get_by_role("button", name="Submit for review").click()
    assert success(editor).startswith(
        "Submitted for review: the publishers have been sent an email"
    )
    expect(panel(editor).locator("h2").first).to_have_text("In review: waiting for a publisher.")
    # Every publisher hears, the site's superuser too.
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["admin@example.org", "pat@example.org"], "Waiting for review: Canal Side Homes")
    ]

    # axe-core is injected as a script, which the Content-Security-Policy would refuse; the
    # editor's pages, with the policy on, show the same pages break none of it.
    publisher = sign_in("pat", bypass_csp=True)
    waiting = publisher.locator("section", has=publisher.locator("#review-heading"))
    expect(waiting).to_contain_text("Canal Side Homes")
    expect(waiting).to_contain_text("edith")
    assert axe(publisher) == []
    waiting.get_by_role("link", name="Canal Side Homes").click()
    assert axe(publisher) == []
    panel(publisher).get_by_text("Return to editor", exact=True).click()
    publisher.fill("#id_review_comment", "Say who owns the land, please.")
    publisher.get_by_role("button", name="Return to editor with this comment").click()
    assert success(publisher).startswith("Returned to the editor with your comment, by email")
    assert (
        mail.outbox[-1].to == ["edith@example.org"]
        and "Say who owns the land, please." in mail.outbox[-1].body
    )

    editor.goto("/admin/")
    comments = editor.locator("section", has=editor.locator("#comments-heading"))
    expect(comments).to_contain_text("Say who owns the land, please.")
    editor.goto("/admin/")
    editor.locator("section", has=editor.locator("#drafts-heading")).get_by_role(
        "link", name="Canal Side Homes"
    ).click()
    expect(editor.locator(".review-trail")).to_contain_text("Say who owns the land, please.")
    editor.fill(
        "#id_summary",
        "Twelve homes beside the canal, on land the trust owns, built with a housing association.",
    )
    panel(editor).get_by_role("button", name="Submit for review").click()
    assert success(editor).startswith("Submitted for review")

    publisher.goto("/admin/")
    publisher.locator("section", has=publisher.locator("#review-heading")).get_by_role(
        "link", name="Canal Side Homes"
    ).click()
    panel(publisher).get_by_role("button", name="Publish now").click()
    assert success(publisher) == "Published: now live at /case-studies/canal-side-homes/."
    assert mail.outbox[-1].subject == "Published: Canal Side Homes" and mail.outbox[-1].to == [
        "edith@example.org"
    ]
    publisher.locator(".messagelist .success a").click()
    expect(publisher.locator("h1")).to_have_text("Canal Side Homes")
    publisher.go_back()

    publisher.get_by_role("link", name="History").click()
    assert axe(publisher) == []
    versions = publisher.locator(".history-version")
    expect(versions.first).to_contain_text("Published")
    expect(publisher.locator(".history-versions")).to_contain_text("Returned to the editor")
    expect(publisher.locator(".history-versions ins").first).to_be_visible()
    versions.last.get_by_role("link", name="View or revert to this version").click()
    expect(publisher.locator(".workflow-panel")).to_contain_text(
        "Reverting keeps its status as it is now (Published"
    )
    expect(publisher.get_by_label("Keep its status as it is now")).to_be_checked()
    assert axe(publisher) == []
    publisher.get_by_role("button", name="Revert").first.click()
    assert success(publisher).startswith("Reverted to the version of")
    assert "What it changed: summary" in success(publisher)
    assert "Its status is as it was; the changes are live at" in success(publisher)
    case_study = CaseStudy.objects.get(slug="canal-side-homes")
    assert case_study.is_public and case_study.summary.startswith(
        "Twelve homes beside the canal, built by"
    )
    publisher.goto("/case-studies/canal-side-homes/")
    expect(publisher.locator("h1")).to_have_text("Canal Side Homes")


def test_partners_and_sources_move_with_buttons_or_by_dragging(staff, sign_in, make_organisation):
    case_study = CaseStudy.objects.create(
        title="Order of things", slug="order-of-things", summary="Homes.", region="north-west"
    )
    for order, name in enumerate(["First Homes", "Second Trust", "Third Council"]):
        case_study.partners.create(
            organisation=make_organisation(name), role="community", order=order
        )
    for order, title in enumerate(["Report A", "Report B"]):
        case_study.sources.create(title=title, url="https://example.org/", order=order)
    editor = sign_in("edith")
    editor.goto(f"/admin/casestudies/casestudy/{case_study.pk}/change/")
    first = editor.locator("#partners-0")
    first.get_by_role("button", name="Move down: partner 1 of 4").click()
    expect(editor.get_by_role("status").last).to_have_text("Moved the partner to position 2 of 4.")
    editor.keyboard.press("Enter")  # focus stays on the button, so the keyboard goes on moving it
    expect(editor.get_by_role("status").last).to_have_text("Moved the partner to position 3 of 4.")
    editor.drag_and_drop("#sources-1 .inline-order__handle", "#sources-0 h3")
    panel(editor).get_by_role("button", name="Save draft").click()
    assert success(editor).startswith("Saved")
    assert [p.organisation.name for p in case_study.partners.all()] == [
        "Second Trust",
        "Third Council",
        "First Homes",
    ]
    assert [s.title for s in case_study.sources.all()] == ["Report B", "Report A"]


def test_importing_a_sheet_with_a_bad_row_then_merging_two_organisations(
    staff, sign_in, axe, tmp_path
):
    sheet = tmp_path / "partnerships.csv"
    rows = [
        ["Title", "Summary", "Region", "Housing association"],
        ["Quay Street homes", "Six homes on the quay.", "South West", "karbon-homes"],
        ["Harbour View", "Four homes.", "Atlantis", "Karbon Homes"],
    ]
    sheet.write_text("\n".join(",".join(row) for row in rows) + "\n")
    publisher = sign_in("pat", bypass_csp=True)
    publisher.get_by_role("link", name="Import case studies").click()
    assert axe(publisher) == []
    publisher.set_input_files("#id_spreadsheet", str(sheet))
    publisher.get_by_role("button", name="Check the spreadsheet").click()
    problems = publisher.locator("#import-problems")
    expect(problems).to_contain_text(
        "Nothing has been imported. 1 of the 2 rows in partnerships.csv needs putting right:"
    )
    expect(problems).to_contain_text("Row 3: Region: “Atlantis” is not one of: North East")
    assert axe(publisher) == []
    assert not CaseStudy.objects.filter(title__in=["Quay Street homes", "Harbour View"]).exists()

    duplicate = Organisation.objects.create(
        name="Karbon Homes Ltd", slug="karbon-homes-ltd", kind="housing-association"
    )
    publisher.goto("/admin/casestudies/organisation/?q=Karbon+Homes")
    for name in ["Karbon Homes", "Karbon Homes Ltd"]:
        publisher.locator("tr", has=publisher.get_by_role("link", name=name, exact=True)).locator(
            "input.action-select"
        ).check()
    publisher.select_option("select[name=action]", "merge_selected")
    publisher.get_by_role("button", name="Go").click()
    publisher.get_by_label("Karbon Homes (karbon-homes)", exact=False).check()
    publisher.get_by_role("button", name="Merge into the one chosen").click()
    assert success(publisher).startswith("Merged Karbon Homes Ltd into Karbon Homes")
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    publisher.goto("/organisations/karbon-homes-ltd/")
    assert publisher.url.endswith("/organisations/karbon-homes/")


def admin_pages():
    """Every registered admin's list, add page and first record, from the site's own registry."""
    for model, _model_admin in sorted(
        admin.site._registry.items(), key=lambda item: item[0]._meta.label
    ):
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        yield base
        yield f"{base}add/"
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            yield f"{base}{first.pk}/change/"
            yield f"{base}{first.pk}/history/"


def test_the_workspace_fits_at_200_percent_zoom(staff, sign_in, browser, live_server, axe):
    # 1280 px at 200% zoom leaves 640 CSS pixels: the width these pages are drawn at.
    case_study = CaseStudy.objects.filter(status="published").order_by("pk").first()
    login = browser.new_context(base_url=live_server.url, viewport={"width": 640, "height": 900})
    page = watch_csp(login.new_page())
    page.goto("/admin/login/")
    expect(page.locator("h1")).to_have_text("Sign in to the staff side")
    assert page.evaluate("document.documentElement.scrollWidth") <= 640
    login.close()
    publisher = sign_in("pat", viewport={"width": 640, "height": 900})
    wide = {}
    for path in [
        "/admin/",
        f"/admin/casestudies/casestudy/{case_study.pk}/change/",
        f"/admin/casestudies/casestudy/{case_study.pk}/history/",
        "/admin/casestudies/casestudy/import/",
        "/admin/casestudies/organisation/import/",
        "/admin/casestudies/casestudy/import/partners/",
    ]:
        publisher.goto(path)
        width = publisher.evaluate("document.documentElement.scrollWidth")
        if width > 640:
            wide[path] = width
    assert wide == {}


def test_no_admin_page_scrolls_sideways_at_1280_px(staff, sign_in):
    page = sign_in("site-admin")
    wide = {}
    for path in ["/admin/", *admin_pages()]:
        response = page.goto(path)
        assert response.status in (200, 403), path  # add pages of read-only records answer 403
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 1280:
            wide[path] = width
    assert wide == {}
