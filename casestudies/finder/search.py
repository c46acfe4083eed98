"""Free-text search over case studies.

PostgreSQL uses its full-text search, ranked, over a weighted vector of title (A),
summary (B) and everything else (C: story, place, partner names…), backed by a GIN
index on exactly that expression (migration 0003). SQLite uses an FTS5 index of the
same three columns, kept in step with the table by triggers (`ensure_sqlite_index`).
Both match each word as the start of a word, stemmed, so "stocks" finds Stocksfield
and "renovating" finds renovation.
"""

import functools
import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

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
    """Filter to case studies matching every word of `query`, with a `search_rank` alias
    to order by (higher is better)."""
    terms = search_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        # Prefix matching ("stocks" finds Stocksfield); terms are \w+ only, so the raw
        # query syntax cannot be broken by what people type.
        tsquery = SearchQuery(
            " & ".join(f"{term}:*" for term in terms), search_type="raw", config="english"
        )
        vector = search_vector()
        return (
            queryset.alias(search_match=vector)
            .filter(search_match=tsquery)
            .alias(search_rank=SearchRank(vector, tsquery))
        )
    if sqlite_index_available():
        # Three tiers, as match_tiers gives them: every word in the title, every word in
        # the summary, anywhere.
        return queryset.filter(pk__in=_matching(terms)).alias(
            search_rank=Case(
                When(pk__in=_matching(terms, "title"), then=Value(3)),
                When(pk__in=_matching(terms, "summary"), then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
    for term in terms:
        queryset = queryset.filter(
            Q(title__icontains=term) | Q(summary__icontains=term) | Q(search_text__icontains=term)
        )
    return queryset.alias(
        search_rank=Case(
            When(title__icontains=terms[0], then=Value(3)),
            When(summary__icontains=terms[0], then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )


def match_tiers(query):
    """The pks of case studies matching `query` anywhere, in the summary and in the
    title, straight from SQLite's full-text index: the tiers apply_search ranks by,
    without touching the table. None where there is no such index (PostgreSQL ranks in
    the database instead)."""
    terms = search_terms(query)
    if not terms or not sqlite_index_available():
        return None
    tiers = []
    with connection.cursor() as cursor:
        for column in (None, "summary", "title"):
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [_fts_query(terms, column)],
            )
            tiers.append([pk for (pk,) in cursor.fetchall()])
    return tiers


def _fts_query(terms, column=None):
    r"""Every word as a word prefix; terms are \w+ only, so there is nothing to escape."""
    words = " ".join(f'"{term}"*' for term in terms)
    return f"{column} : ({words})" if column else words


def _matching(terms, column=None):
    return RawSQL(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts_query(terms, column)]
    )


@functools.lru_cache(maxsize=256)
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
    return re.compile(r"\b(?:{})\w*".format("|".join(stems)), re.IGNORECASE | re.UNICODE)


# SQLite's full-text index ------------------------------------------------------------------

FTS_TABLE = "casestudies_search"
FTS_COLUMNS = ("title", "summary", "search_text")
FTS_TRIGGERS = {
    "casestudies_search_insert": "AFTER INSERT ON casestudies_casestudy BEGIN {insert_new}; END",
    "casestudies_search_delete": "AFTER DELETE ON casestudies_casestudy BEGIN {delete_old}; END",
    "casestudies_search_update": (
        "AFTER UPDATE OF title, summary, search_text ON casestudies_casestudy BEGIN {delete_old}; {insert_new}; END"
    ),
}


@functools.lru_cache(maxsize=1)
def fts5_compiled():
    import sqlite3

    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        return False
    return True


def sqlite_index_available():
    return connection.vendor == "sqlite" and fts5_compiled()


def ensure_sqlite_index(db_connection):
    """Create the FTS5 index and its triggers if they are missing, and fill it.

    Run after every migrate: when a migration rebuilds the case study table, SQLite
    drops the table's triggers with it, and this puts them back."""
    if db_connection.vendor != "sqlite" or not fts5_compiled():
        return
    columns = ", ".join(FTS_COLUMNS)
    with db_connection.cursor() as cursor:
        tables = {
            row[0]
            for row in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
            )
        }
        if "casestudies_casestudy" not in tables:
            return
        missing = [name for name in (FTS_TABLE, *FTS_TRIGGERS) if name not in tables]
        if not missing:
            return
        if FTS_TABLE not in tables:
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, content='casestudies_casestudy', "
                "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
            )
        new = ", ".join(f"new.{column}" for column in FTS_COLUMNS)
        old = ", ".join(f"old.{column}" for column in FTS_COLUMNS)
        statements = {
            "insert_new": f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.id, {new})",
            "delete_old": f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) VALUES ('delete', old.id, {old})",
        }
        for name, body in FTS_TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body.format(**statements)}")
        # Whatever changed while a trigger was missing: index the table afresh.
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def drop_sqlite_index(db_connection):
    if db_connection.vendor != "sqlite":
        return
    with db_connection.cursor() as cursor:
        for name in FTS_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
