import pytest

from casestudies.models import Guide, GuideEntry
from casestudies.models.choices import Status


@pytest.fixture
def make_guide(db):
    def make(case_studies, title="Examples to copy", status=Status.PUBLISHED, **values):
        values.setdefault("slug", title.lower().replace(" ", "-"))
        values.setdefault("introduction", "Why these partnerships, and what they show.")
        guide = Guide.objects.create(title=title, status=status, **values)
        for order, case_study in enumerate(case_studies):
            GuideEntry.objects.create(
                guide=guide, case_study=case_study, note=f"Note on {case_study.title}.", order=order
            )
        return guide

    return make
