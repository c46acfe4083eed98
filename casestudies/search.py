"""Free-text search over case studies.

PostgreSQL uses its full-text search, ranked, over a weighted vector of title (A),
summary (B) and everything else (C: story, place, partner names…), backed by a GIN
index on exactly that expression (migration 0003). SQLite matches every word as a
substring instead: good enough for a small embedded library.
"""

import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

MAX_TERMS = 8
MAX_TERM_LENGTH = 40
_WORD = re.compile(r"\w+", re.UNICODE)
# Endings stripped before highlighting, so "homes" also marks "home" the way
# PostgreSQL's stemming matched it.
_ENDINGS = ("ings", "ing", "ies", "es", "ed", "s")


def search_terms(query):
    """The words of a query, lower-cased, deduplicated, bounded in number and length."""
    terms = []
    for word in _WORD.findall(query or ""):
        word = word.lower()[:MAX_TERM_LENGTH]
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def search_vector():
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("search_text", weight="C", config="english")
    )


def apply_search(queryset, query):
    """Filter to case studies matching every word of `query`, annotated with `search_rank`."""
    terms = search_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        # Prefix matching ("stocks" finds Stocksfield); terms are \w+ only, so the raw
        # query syntax cannot be broken by what people type.
        tsquery = SearchQuery(" & ".join(f"{term}:*" for term in terms), search_type="raw", config="english")
        vector = search_vector()
        return queryset.alias(search_match=vector).filter(search_match=tsquery).annotate(
            search_rank=SearchRank(vector, tsquery)
        )
    for term in terms:
        queryset = queryset.filter(
            Q(title__icontains=term) | Q(summary__icontains=term) | Q(search_text__icontains=term)
        )
    return queryset.annotate(
        search_rank=Case(
            When(title__icontains=terms[0], then=Value(3)),
            When(summary__icontains=terms[0], then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )


def highlight_pattern(query):
    """A regex matching words that begin with any search term (or its stem)."""
    stems = []
    for term in search_terms(query):
        for ending in _ENDINGS:
            if term.endswith(ending) and len(term) - len(ending) >= 3:
                term = term[: -len(ending)]
                break
        stems.append(re.escape(term))
    if not stems:
        return None
    stems.sort(key=len, reverse=True)
    return re.compile(r"\b(?:%s)\w*" % "|".join(stems), re.IGNORECASE | re.UNICODE)


def build_search_text(case_study):
    """Everything searchable beyond title and summary, as one string."""
    from .models import CaseStudyPartner

    parts = [
        case_study.body,
        case_study.get_community_model_display(),
        case_study.get_region_display(),
        case_study.place_name,
        case_study.local_authority_name,
        case_study.key_messages,
        case_study.target_audience,
        case_study.arrangement_detail,
        case_study.funders,
    ]
    if case_study.pk:
        partners = CaseStudyPartner.objects.filter(case_study_id=case_study.pk).select_related("organisation__successor")
        for partner in partners:
            parts.append(partner.organisation.name)
            if partner.organisation.successor_id:
                parts.append(partner.organisation.successor.name)
    return "\n".join(part for part in parts if part)


def refresh_search_text(case_study_ids):
    """Rebuild the search column after partners or their names change (no history entry)."""
    from .models import CaseStudy

    for case_study in CaseStudy.objects.filter(pk__in=list(case_study_ids)):
        text = build_search_text(case_study)
        if text != case_study.search_text:
            CaseStudy.objects.filter(pk=case_study.pk).update(search_text=text)
