"""Similar partnerships, ranked on a constructed library."""

import re

from casestudies.finder.similar import similar_to
from casestudies.models.choices import Status

CLT_LEASE = {"community_model": "clt", "partnership_arrangement": "community-freehold-ha-lease"}


def test_ranking_counts_each_shared_trait_by_its_weight(make_case_study, django_assert_num_queries):
    subject = make_case_study(
        "Subject",
        region="south-west",
        setting="rural-village",
        delivery="new-build",
        homes_built=10,
        homes_social_rent=6,
        imd_decile=2,
        imd_edition="2019",
        imd_basis="hand",
        **CLT_LEASE,
    )
    make_case_study(
        "Everything",
        region="south-west",
        setting="rural-village",
        delivery="new-build",
        homes_built=4,
        homes_social_rent=4,
        imd_decile=3,
        imd_edition="2019",
        imd_basis="hand",
        **CLT_LEASE,
    )
    make_case_study("Model and arrangement", region="london", setting="urban", **CLT_LEASE)
    make_case_study(
        "Model, setting and region",
        region="south-west",
        setting="rural-village",
        community_model="clt",
    )
    make_case_study(
        "Setting only", region="london", setting="rural-village", community_model="cohousing"
    )
    make_case_study("Nothing alike", region="london", setting="urban", community_model="cohousing")
    make_case_study(
        "Draft twin", status=Status.DRAFT, region="south-west", setting="rural-village", **CLT_LEASE
    )

    similar_to(subject)  # builds the index and the arrangement bitmaps
    with django_assert_num_queries(0):
        found = similar_to(subject)
    titles = {cs.pk: cs.title for cs in type(subject).objects.all()}
    assert [titles[item.pk] for item in found] == [
        "Everything",
        "Model and arrangement",
        "Model, setting and region",
        "Setting only",
    ]
    assert found[0].reasons == [
        "also a CLT",
        "the same arrangement: community keeps the freehold, housing association leases and manages",
        "also new build",
        "also rural village",
        "also in South West",
        "also social rent",
        "also in the most deprived 30% of its nation's neighbourhoods",
    ]
    assert [item.score for item in found] == [15, 8, 7, 2]


def test_ties_go_to_the_newest_and_nothing_alike_is_left_out(make_case_study):
    from datetime import timedelta

    from django.utils import timezone

    subject = make_case_study("Subject", community_model="clt", region="london", setting="urban")
    older = make_case_study(
        "Older",
        community_model="clt",
        region="wales",
        setting="coastal",
        published_at=timezone.now() - timedelta(days=9),
    )
    newer = make_case_study(
        "Newer",
        community_model="clt",
        region="wales",
        setting="coastal",
        published_at=timezone.now() - timedelta(days=2),
    )
    make_case_study("Nothing alike", community_model="cohousing", region="wales", setting="coastal")
    assert [item.pk for item in similar_to(subject)] == [newer.pk, older.pk]


def test_the_case_study_page_shows_four_with_the_reason(client, make_case_study):
    subject = make_case_study("Subject", region="north-west", **CLT_LEASE)
    for number in range(5):
        make_case_study(f"Neighbour {number}", region="north-west", **CLT_LEASE)
    page = re.sub(r"\s+", " ", client.get(subject.get_absolute_url()).content.decode())
    section = page[page.index("Similar partnerships") :]
    assert section.count('class="similar"') == 4
    assert "Why: also a CLT, the same arrangement: community keeps the freehold" in section
