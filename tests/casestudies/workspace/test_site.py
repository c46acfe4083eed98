"""The admin's start page and navigation: case studies first, sign-in records for superusers only."""

import re

from django.contrib.auth.models import Permission
from django.urls import reverse


def app_names(page):
    return re.findall(r'<caption>\s*<a href="[^"]*" class="section"[^>]*>([^<]+)</a>', page)


def test_case_studies_lead_the_navigation(publisher_client):
    page = publisher_client.get(reverse("admin:index")).content.decode()
    assert app_names(page)[0] == "Case studies"
    models = re.findall(r'<th scope="row" id="casestudies-([a-z]+)"', page)
    assert models[:2] == ["casestudy", "organisation"]


def test_sign_in_records_are_for_superusers_only(client, django_user_model, publisher):
    # Even a member of staff granted the permissions outright sees no access logs or lockouts.
    publisher.user_permissions.add(*Permission.objects.filter(content_type__app_label="axes"))
    client.force_login(publisher)
    assert "Axes" not in app_names(client.get(reverse("admin:index")).content.decode())
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403

    superuser = django_user_model.objects.create_superuser(
        "site-admin", password="correct horse battery"
    )
    client.force_login(superuser)
    names = app_names(client.get(reverse("admin:index")).content.decode())
    assert names[0] == "Case studies" and "Axes" in names
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200


def test_the_sign_in_page_is_branded_and_says_what_it_is_for(client):
    page = client.get(reverse("admin:login")).content.decode()
    assert 'href="/static/css/workspace.css"' in page
    assert "<h1>Sign in to the staff side</h1>" in page
    assert "Partnerships in Place: staff" in page and "Django administration" not in page


def test_every_admin_page_wears_the_workspace_look(client, django_user_model):
    # Pages of admins the workspace did not write (people, groups) as well as its own.
    superuser = django_user_model.objects.create_superuser("site-admin", password="long enough")
    client.force_login(superuser)
    for name in ["admin:auth_user_changelist", "admin:auth_group_add", "admin:index"]:
        page = client.get(reverse(name)).content.decode()
        assert page.count('href="/static/css/workspace.css"') == 1, name
