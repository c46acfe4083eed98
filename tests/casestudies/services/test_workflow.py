"""The workflow's rules, and every admin route that saves asking them.

Editors write; publishers decide what the public sees. That holds for a case study once
it is published, and for the organisations and themes published case studies show, by
whichever route a change is posted: the change form, the history form (revert), bulk
actions, delete or add.
"""

import re

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from simple_history.admin import SimpleHistoryAdmin

from casestudies.models import (
    CaseStudy,
    Guide,
    GuideEntry,
    Indicator,
    Organisation,
    OrganisationIdentifier,
    Outcome,
    Theme,
)
from casestudies.models.choices import Status
from casestudies.participation.models import ContactMessage, Correction, Suggestion
from casestudies.releases.service import cut_release
from casestudies.services import workflow
from tests.forms import form_data

PASSWORD = "correct horse battery"

# Every model admin on the site, from the site's own registry: an admin added later is
# walked without anyone remembering to list it.
REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.fixture
def library(db, django_user_model, make_organisation, make_case_study, make_theme):
    """A small public library: each model's first record (by id) is public."""
    site_admin = django_user_model.objects.create_superuser("site-admin", password=PASSWORD)
    lead = make_organisation("Lead Homes", website="https://lead.example.org/")
    merged = make_organisation("Merged Homes")
    lead.successor = merged  # public as the successor of a partner
    lead.save()
    theme = make_theme("Empty homes")
    indicator = Indicator.objects.order_by("pk").first() or Indicator.objects.create(
        name="Homes built", slug="homes-built", framework="housing-outputs", unit="homes"
    )
    indicator.save()  # a version in its history
    case_study = make_case_study(
        title="Public scheme",
        partners=[(lead, "housing-association")],
        themes=[theme],
        body="The story.",
    )
    Outcome.objects.create(
        case_study=case_study, indicator=indicator, value=12, source=case_study.sources.first()
    )
    OrganisationIdentifier.objects.create(organisation=lead, identifier="GB-COH-08123456")
    cut_release(user=None)
    # What visitors sent, already decided: only publishers may reopen it.
    sender = {
        "name": "Test Sender",
        "email": "sender@example.org",
        "staff_notes": "Checked.",
        "status": "accepted",
    }
    Suggestion.objects.create(
        partnership_name="Allendale homes",
        place="Allendale",
        community_organisation="CLT",
        **sender,
    )
    Correction.objects.create(
        case_study=case_study, wrong_fact="12 homes", should_say="14 homes", **sender
    )
    ContactMessage.objects.create(topic="other", message="Hello", **sender)
    guide = Guide.objects.create(
        title="Examples to copy",
        slug="examples-to-copy",
        introduction="Why these.",
        status=Status.PUBLISHED,
    )
    GuideEntry.objects.create(guide=guide, case_study=case_study, note="The plainest deal.")
    return {"site_admin": site_admin, "case_study": case_study, "organisations": [lead, merged]}


@pytest.fixture
def signed_in_editor(library, client, django_user_model):
    """An editor signed in through the sign-in form, after someone else's failed attempt
    (so the sign-in records have rows too)."""
    editor = django_user_model.objects.create_user(
        "editor-account", password=PASSWORD, is_staff=True
    )
    editor.groups.add(Group.objects.get(name=workflow.EDITORS_GROUP))
    login = reverse("admin:login")
    client.post(login, {"username": "someone-else", "password": "wrong", "next": "/"})
    client.post(login, {"username": "editor-account", "password": PASSWORD, "next": "/"})
    assert "_auth_user_id" in client.session
    from axes.models import AccessFailureLog

    # Failed sign-ins are counted, not logged, in this configuration: one row to post against.
    AccessFailureLog.objects.get_or_create(
        username="someone-else", ip_address="127.0.0.1", user_agent="tests"
    )
    return client


def database_rows():
    """Every row of every table (sessions aside: signing in writes one), by model and id."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label != "sessions.Session":
            rows[model._meta.label] = {
                row["pk"]: row for row in model._default_manager.values("pk", *_columns(model))
            }
    return rows


def _columns(model):
    return [field.attname for field in model._meta.concrete_fields]


def public_pages(library):
    anonymous = Client()
    paths = [
        reverse("casestudies:home"),
        reverse("casestudies:case_study_list"),
        reverse("casestudies:insights"),
        reverse("casestudies:organisation_list"),
        library["case_study"].get_absolute_url(),
        reverse("casestudies:guide_list"),
        *(guide.get_absolute_url() for guide in Guide.objects.all()),
        *(organisation.get_absolute_url() for organisation in library["organisations"]),
    ]
    return {
        path: (response.status_code, response.content)
        for path in paths
        for response in [anonymous.get(path)]
    }


def edited(model_admin, site_admin, obj, data):
    """The form as posted with every text, slug and web address field changed."""
    request = RequestFactory().get("/")
    request.user = site_admin
    for name, field in model_admin.get_form(request, obj).base_fields.items():
        if not data.get(name, [""])[0] or field.widget.is_hidden:
            continue  # an empty field may have a format to follow: leave it
        if isinstance(field, forms.URLField):
            data[name] = ["https://changed.example.org/"]
        elif isinstance(field, forms.SlugField):
            data[name] = [data[name][0] + "-changed"]
        elif type(field) is forms.CharField:
            data[name] = [data[name][0] + " (changed by an editor)"]
    return data


def saving_routes(model_admin, obj, site_admin, site_admin_client):
    """(name, url, data) for each route that saves, with what a person would post there."""
    opts = model_admin.opts
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    form_id = f"{opts.model_name}_form"
    change = reverse(f"{prefix}_change", args=[obj.pk])
    change_data = edited(
        model_admin,
        site_admin,
        obj,
        form_data(site_admin_client.get(change).content.decode(), form_id),
    )
    yield "change form", change, {**change_data, "_save": ["Save"]}
    # The workflow's buttons on the change page (and the add page) are routes that save too.
    workflow_actions = getattr(model_admin, "workflow_action_names", ())
    for action in workflow_actions:
        yield (
            f"change form, {action}",
            change,
            {**change_data, "_workflow": [action], "review_comment": ["Looks fine."]},
        )
    try:
        history_manager = getattr(model_admin.model, opts.simple_history_manager_attribute)
        version = history_manager.filter(**{opts.pk.attname: obj.pk}).earliest("history_date")
        history = reverse(f"{prefix}_simple_history", args=[obj.pk, version.history_id])
    except (AttributeError, NoReverseMatch):
        pass  # no history kept for this model
    else:
        history_form_id = f"{history_manager.model._meta.model_name}_form"
        history_data = form_data(site_admin_client.get(history).content.decode(), history_form_id)
        yield (
            "history form",
            history,
            {**edited(model_admin, site_admin, obj, history_data), "_change_history": ["1"]},
        )
    yield "delete", reverse(f"{prefix}_delete", args=[obj.pk]), {"post": ["yes"]}
    request = RequestFactory().get("/")
    request.user = site_admin
    for action in model_admin.get_actions(request):
        data = {
            "action": [action],
            "_selected_action": [str(obj.pk)],
            "index": ["0"],
            "post": ["yes"],
        }
        yield f"action {action}", reverse(f"{prefix}_changelist"), data
    yield "add form", reverse(f"{prefix}_add"), change_data
    for action in workflow_actions:
        yield (
            f"add form, {action}",
            reverse(f"{prefix}_add"),
            {**change_data, "_workflow": [action]},
        )


@pytest.mark.parametrize(
    "model, model_admin", REGISTERED, ids=[model._meta.label for model, _ in REGISTERED]
)
def test_no_route_lets_an_editor_change_what_is_public(
    model, model_admin, library, signed_in_editor
):
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, (
        f"Give the library fixture a public {model._meta.verbose_name} to post against."
    )
    site_admin_client = Client()
    site_admin_client.force_login(library["site_admin"])

    for route, url, data in saving_routes(
        model_admin, obj, library["site_admin"], site_admin_client
    ):
        rows, pages = database_rows(), public_pages(library)
        signed_in_editor.post(url, data)
        after = database_rows()
        if route.startswith("add form"):
            # Editors may add organisations and themes; what was there stays as it was.
            for label, table in rows.items():
                assert {pk: after[label].get(pk) for pk in table} == table, (
                    f"{route}: {label} changed"
                )
        else:
            assert after == rows, f"{route} of a public {model._meta.verbose_name} saved a change"
        assert public_pages(library) == pages, (
            f"{route} of a public {model._meta.verbose_name} changed the public site"
        )

        if route in ("change form", "history form") and isinstance(model_admin, SimpleHistoryAdmin):
            # The same post from a publisher does save: the editor's was refused, not malformed.
            response = site_admin_client.post(url, data)
            assert response.status_code == 302, re.findall(
                r'class="errorlist[^>]*>(.*?)</ul>', response.content.decode()
            )
            assert database_rows() != rows, f"{route}: the post saves nothing even for a publisher"


def test_an_editor_sees_a_public_organisation_read_only_and_why(library, editor_client):
    lead = library["organisations"][0]
    page = editor_client.get(
        reverse("admin:casestudies_organisation_change", args=[lead.pk])
    ).content.decode()
    assert 'name="name"' not in page and 'name="website"' not in page
    assert (
        "This organisation is on the public site (it is a partner in a published case study, or the successor "
        in page
    )
    assert "so only publishers can change it. Ask a publisher to make the change." in page
    history = lead.history.earliest("history_date")
    url = reverse(
        "admin:casestudies_organisation_simple_history", args=[lead.pk, history.history_id]
    )
    revert = editor_client.get(url).content.decode()
    assert "only publishers can change it" in revert
    assert 'name="_save"' not in revert  # no Revert button


def test_an_editor_sees_why_a_published_case_study_is_read_only(library, editor_client):
    url = reverse("admin:casestudies_casestudy_change", args=[library["case_study"].pk])
    page = editor_client.get(url).content.decode()
    assert 'name="title"' not in page
    assert (
        "This case study is published (or scheduled to be), so only publishers can change it."
        in page
    )


def test_an_editor_sees_why_an_indicator_is_read_only(library, editor_client):
    indicator = Indicator.objects.order_by("pk").first()
    page = editor_client.get(
        reverse("admin:casestudies_indicator_change", args=[indicator.pk])
    ).content.decode()
    assert "Only publishers can change indicators." in page


def test_editors_still_create_and_edit_what_is_not_public(
    editor_client, make_case_study, make_organisation, make_theme
):
    draft_partner = make_organisation("Draft Partner Trust", kind="community-land-trust")
    draft_theme = make_theme("Self-build")
    make_case_study(
        status=Status.DRAFT, partners=[(draft_partner, "community")], themes=[draft_theme]
    )

    url = reverse("admin:casestudies_organisation_change", args=[draft_partner.pk])
    data = form_data(
        editor_client.get(url).content.decode(),
        "organisation_form",
        description="A community land trust.",
    )
    assert editor_client.post(url, data).status_code == 302
    draft_partner.refresh_from_db()
    assert draft_partner.description == "A community land trust."

    url = reverse("admin:casestudies_theme_change", args=[draft_theme.pk])
    data = form_data(
        editor_client.get(url).content.decode(), "theme_form", name="Self-build and custom build"
    )
    assert editor_client.post(url, data).status_code == 302
    assert Theme.objects.get(pk=draft_theme.pk).name == "Self-build and custom build"

    add = reverse("admin:casestudies_organisation_add")
    data = form_data(
        editor_client.get(add).content.decode(),
        "organisation_form",
        name="New Co-op",
        slug="new-co-op",
    )
    data["kind"] = ["housing-cooperative"]
    assert editor_client.post(add, data).status_code == 302
    assert Organisation.objects.filter(slug="new-co-op").exists()


def test_publishers_change_public_organisations_and_themes(library, publisher_client):
    lead = library["organisations"][0]
    url = reverse("admin:casestudies_organisation_change", args=[lead.pk])
    data = form_data(
        publisher_client.get(url).content.decode(), "organisation_form", name="Lead Homes Group"
    )
    assert publisher_client.post(url, data).status_code == 302
    page = Client().get(library["case_study"].get_absolute_url()).content.decode()
    assert "Lead Homes Group" in page


def test_what_counts_as_public(library, make_organisation, make_case_study, make_theme):
    lead, merged = library["organisations"]
    later = make_organisation("Later Homes")
    merged.successor = later
    merged.save()
    draft_only = make_organisation("Draft Only Trust")
    make_case_study(
        status=Status.DRAFT,
        partners=[(draft_only, "community")],
        themes=[make_theme("Draft theme")],
    )
    scheduled = make_organisation("Scheduled Trust")
    from datetime import timedelta

    from django.utils import timezone

    make_case_study(
        status=Status.PUBLISHED,
        published_at=timezone.now() + timedelta(days=3),
        partners=[(scheduled, "community")],
    )
    archived = make_organisation("Archived Trust")
    make_case_study(status=Status.ARCHIVED, partners=[(archived, "community")])

    # Partners, their successors however many steps on, and partners of scheduled case studies.
    assert [workflow.is_public_organisation(o) for o in (lead, merged, later, scheduled)] == [
        True
    ] * 4
    assert [workflow.is_public_organisation(o) for o in (draft_only, archived)] == [False, False]
    assert workflow.is_public_theme(Theme.objects.get(name="Empty homes"))
    assert not workflow.is_public_theme(Theme.objects.get(name="Draft theme"))
    # Asked about what is stored, not the object in hand.
    lead.successor = None
    assert workflow.is_public_organisation(merged)


def test_a_bulk_action_leaves_what_an_editor_may_not_change(
    library, editor_client, make_case_study
):
    draft = make_case_study(status=Status.DRAFT)
    published = library["case_study"]
    response = editor_client.post(
        reverse("admin:casestudies_casestudy_changelist"),
        {"action": "submit_for_review", "_selected_action": [draft.pk, published.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "1 case study submitted for review." in text
    assert "1 selected case study was left as it is: only publishers can change it." in text
    assert CaseStudy.objects.get(pk=published.pk).status == Status.PUBLISHED
    assert CaseStudy.objects.get(pk=draft.pk).status == Status.REVIEW
