"""Which saves end the page cache: derived from the app's models, not a list kept by hand."""

import pytest
from django.apps import apps

from casestudies import caching
from casestudies.participation.models import Suggestion
from casestudies.services.invalidation import PUBLIC_MODELS

pytestmark = pytest.mark.django_db


def test_every_model_but_visitors_data_and_history_ends_the_cache():
    models = set(apps.get_app_config("casestudies").get_models())
    left_out = {m for m in models if m not in PUBLIC_MODELS}
    assert left_out, "history and personal data are never public"
    assert all(
        getattr(m, "holds_personal_data", False) or m.__name__.startswith("Historical")
        for m in left_out
    )
    assert {"CaseStudy", "Organisation", "Guide", "DataRelease", "Verification"} <= {
        m.__name__ for m in PUBLIC_MODELS
    }


def test_a_visitors_suggestion_leaves_cached_pages_alone_and_an_edit_does_not(
    django_capture_on_commit_callbacks, make_case_study
):
    with django_capture_on_commit_callbacks() as callbacks:
        Suggestion.objects.create(
            partnership_name="Allendale homes", place="Allendale", community_organisation="CLT"
        )
    assert caching.bump not in callbacks
    with django_capture_on_commit_callbacks() as callbacks:
        make_case_study("Allendale homes")
    assert caching.bump in callbacks
