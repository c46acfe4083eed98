"""Every filter and sort of the finder can use an index, checked with EXPLAIN on
PostgreSQL (the engine the library scales out on)."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from casestudies.finder.search import apply_search
from casestudies.finder.selectors import filter_case_studies
from casestudies.models import CaseStudy, CaseStudyPartner

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="EXPLAIN plans are checked on PostgreSQL"
)

CONDITIONS = {
    "region": {"region": "north-east"},
    "model": {"community_model": "clt"},
    "delivery": {"delivery": "new-build"},
    "stage": {"stage": "live"},
    "status": {"partnership_status": "ended"},
    "setting": {"setting": "urban"},
    "deprivation": {"imd_decile__in": [1, 2, 3]},
    "deprivation not recorded": {"imd_decile__isnull": True},
    "completed from and to": {"year_completed__gte": 2010, "year_completed__lte": 2020},
    **{
        f"tenure {field}": {f"{field}__gt": 0}
        for field in (
            "homes_social_rent",
            "homes_affordable_rent",
            "homes_income_linked_rent",
            "homes_shared_ownership",
            "homes_discounted_sale",
            "homes_market",
            "homes_other_tenure",
        )
    },
    "published": {"status": "published", "published_at__lte": timezone.now()},
}


@pytest.fixture
def planner_prefers_indexes(db, make_case_study):
    for i in range(30):
        make_case_study(f"Plan {i}")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("ANALYZE casestudies_casestudy")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = on")


def plan(queryset):
    return queryset.explain()


@pytest.mark.parametrize("name", list(CONDITIONS))
def test_every_filter_condition_has_an_index(planner_prefers_indexes, name):
    text = plan(CaseStudy.objects.filter(**CONDITIONS[name]).only("pk"))
    assert "Seq Scan" not in text, f"{name}:\n{text}"
    assert "Index" in text


@pytest.mark.parametrize("sort", ["newest", "oldest", "title", "most-homes"])
def test_every_sort_can_read_an_index_in_order(planner_prefers_indexes, sort):
    queryset = filter_case_studies(QueryDict(f"sort={sort}")).qs[:20]
    text = plan(queryset)
    assert "Seq Scan on casestudies_casestudy " not in text and "Index" in text, f"{sort}:\n{text}"


def test_partner_and_theme_filters_use_their_indexes(planner_prefers_indexes):
    partners = plan(CaseStudyPartner.objects.filter(organisation_id=1).values("case_study_id"))
    assert "Seq Scan" not in partners and "Index" in partners
    themes = plan(CaseStudy.themes.through.objects.filter(theme_id=1).values("casestudy_id"))
    assert "Seq Scan" not in themes


def test_search_uses_the_gin_index(planner_prefers_indexes):
    # At 30 rows, walking the primary key and testing each stored document costs less;
    # without plain index scans the planner shows whether the GIN index can serve.
    with connection.cursor() as cursor:
        cursor.execute("SET enable_indexscan = off")
    try:
        text = plan(apply_search(CaseStudy.objects.all(), "homes village").only("pk"))
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET enable_indexscan = on")
    assert "casestudy_search_document_idx" in text, text


def test_the_finders_own_queries_avoid_full_scans(planner_prefers_indexes):
    for params in (
        "region=north-east&model=clt&delivery=new-build",
        "q=homes",
        "sort=most-homes",
        "tenure=social-rent",
    ):
        text = plan(filter_case_studies(QueryDict(params)).qs[:20])
        assert "Seq Scan on casestudies_casestudy " not in text, f"{params}:\n{text}"
