import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from casestudies.models import CaseStudy, CaseStudyPartner, Organisation, Source, Theme
from casestudies.models.choices import Status

_counter = itertools.count(1)


@pytest.fixture
def make_organisation(db):
    def make(name=None, **values):
        number = next(_counter)
        name = name or f"Organisation {number}"
        values.setdefault("slug", name.lower().replace(" ", "-").replace("(", "").replace(")", ""))
        values.setdefault("kind", "housing-association")
        return Organisation.objects.create(name=name, **values)

    return make


@pytest.fixture
def make_case_study(db, make_organisation):
    """A valid case study: published an hour ago, with a partner and a source, unless told otherwise."""

    def make(title=None, partners=None, sources=1, themes=(), **values):
        number = next(_counter)
        title = title or f"Case study {number}"
        values.setdefault("slug", f"case-study-{number}")
        values.setdefault("summary", f"Summary of {title}.")
        values.setdefault("region", "north-east")
        values.setdefault("status", Status.PUBLISHED)
        if values["status"] == Status.PUBLISHED:
            values.setdefault("published_at", timezone.now() - timedelta(hours=1))
        case_study = CaseStudy.objects.create(title=title, **values)
        if partners is None:
            partners = [(make_organisation(), "community")]
        for order, (organisation, role) in enumerate(partners):
            CaseStudyPartner.objects.create(
                case_study=case_study, organisation=organisation, role=role, order=order
            )
        for index in range(sources):
            Source.objects.create(
                case_study=case_study, title=f"Source {index + 1}", url="https://example.org/"
            )
        if themes:
            case_study.themes.set(themes)
        case_study.refresh_from_db()
        return case_study

    return make


@pytest.fixture
def make_theme(db):
    def make(name):
        return Theme.objects.create(name=name, slug=name.lower().replace(" ", "-"))

    return make


def _staff_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username, password="correct horse battery", is_staff=True
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _staff_user(django_user_model, "editor-account", "Editors")


@pytest.fixture
def publisher(db, django_user_model):
    return _staff_user(django_user_model, "publisher-account", "Publishers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client
