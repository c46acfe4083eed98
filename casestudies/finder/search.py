"""Free-text search over case studies.

Both databases match each word as the start of a word, stemmed, so "stocks" finds
Stocksfield and "renovating" finds renovation, and both rank alike, in three tiers:
every word in the title, every word in the summary, anywhere (title, summary, story,
place, partner names…). PostgreSQL reads a weighted tsvector stored in its own column
(title A, summary B, the rest C; migration 0020) through a GIN index; SQLite an FTS5
index of the same three columns, kept in step with the table by triggers
(`ensure_sqlite_index`).
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


def apply_search(queryset, query):
    """Filter to case studies matching every word of `query`, with a `search_rank` alias
    to order by (higher is better): 3 for the title, 2 for the summary, 1 elsewhere."""
    terms = search_terms(query)
    if not terms:
        return queryset
    if full_text_index_available():
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
    title, straight from the full-text index: the tiers apply_search ranks by. Drafts
    are among them; the finder keeps only what its published space holds. None where
    there is no such index."""
    terms = search_terms(query)
    if not terms or not full_text_index_available():
        return None
    tiers = []
    with connection.cursor() as cursor:
        for column in (None, "summary", "title"):
            cursor.execute(*_matching_sql(terms, column))
            tiers.append([pk for (pk,) in cursor.fetchall()])
    return tiers


# The weight each column has in PostgreSQL's search document (migration 0020).
DOCUMENT_WEIGHTS = {"title": "A", "summary": "B"}


def full_text_index_available():
    return connection.vendor == "postgresql" or sqlite_index_available()


def _matching_sql(terms, column=None):
    r"""SQL and its parameters for the pks matching every term as a word start, in
    `column` or anywhere. Terms are \w+ only, so neither query syntax can be broken by
    what people type."""
    if connection.vendor == "postgresql":
        weight = DOCUMENT_WEIGHTS[column] if column else ""
        tsquery = " & ".join(f"{term}:*{weight}" for term in terms)
        return (
            "SELECT id FROM casestudies_casestudy "
            "WHERE search_document @@ to_tsquery('english'::regconfig, %s)",
            [tsquery],
        )
    words = " ".join(f'"{term}"*' for term in terms)
    return (
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
        [f"{column} : ({words})" if column else words],
    )


def _matching(terms, column=None):
    return RawSQL(*_matching_sql(terms, column))


@functools.lru_cache(maxsize=256)
def highlight_pattern(query):
    """A regex matching whole words that are a search term or a form of it ("homes"
    marks "home" and "homes", never "homeshare" or part of "Homeshire")."""
    forms = set()
    for term in search_terms(query):
        forms.add(term)
        for ending in _ENDINGS:
            if term.endswith(ending) and len(term) - len(ending) >= 3:
                stem = term[: -len(ending)]
                forms.add(stem + "y" if ending == "ies" else stem)
    if not forms:
        return None
    alternatives = sorted((re.escape(form) for form in forms), key=len, reverse=True)
    endings = "|".join(_ENDINGS)
    return re.compile(
        r"\b(?:{})(?:{})?\b".format("|".join(alternatives), endings), re.IGNORECASE | re.UNICODE
    )


def highlight_spans(text, query, protected=()):
    """(start, end) of each word to mark in `text`, leaving alone any that fall inside
    one of the `protected` phrases (organisation names: "Karbon Homes" is a name, not
    a match for "homes")."""
    pattern = highlight_pattern(query)
    if pattern is None or not text:
        return []
    shielded = []
    for phrase in protected:
        if phrase:
            shielded += [found.span() for found in re.finditer(re.escape(phrase), text, re.I)]
    return [
        match.span()
        for match in pattern.finditer(text)
        if not any(start <= match.start() < end for start, end in shielded)
    ]


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
