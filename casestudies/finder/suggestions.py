"""“Did you mean …?” for searches that find little.

Each search word that is not a word (or the start of one) in the published library's
titles, places and partner names is replaced by the closest word that is: by trigram
similarity on PostgreSQL (pg_trgm, migration 0018), by difflib's ratio on SQLite. The
vocabulary is drawn from published case studies only, so a suggestion can never name
something unpublished, and it is kept per library version.
"""

import bisect
import difflib
import re

from django.db import connection

from casestudies.finder import facet_index
from casestudies.finder.search import MAX_TERMS, search_terms
from casestudies.models import CaseStudy, Organisation

# Below this many results a search is worth a suggestion.
FEW_RESULTS = 3
# How alike a word must be to count as meant: difflib's ratio, pg_trgm's similarity.
DIFFLIB_CUTOFF = 0.75
TRIGRAM_CUTOFF = 0.35
SHORTEST_WORD = 4
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_vocabulary = None  # (library key, Vocabulary)


class Vocabulary:
    """The library's words, lower-cased and sorted for prefix look-ups, each with the
    spelling it first had (so "stocksfeld" becomes "Stocksfield", not "stocksfield")."""

    def __init__(self, texts):
        spelled = {}
        for text in texts:
            for word in _WORD.findall(text or ""):
                if len(word) >= SHORTEST_WORD:
                    spelled.setdefault(word.lower(), word)
        self.spelled = spelled
        self.words = sorted(spelled)

    def knows(self, term):
        """Whether the search already matches this term: a word, or the start of one."""
        at = bisect.bisect_left(self.words, term)
        return at < len(self.words) and self.words[at].startswith(term)

    def closest(self, term):
        if connection.vendor == "postgresql":
            return self._closest_by_trigrams(term)
        found = difflib.get_close_matches(term, self.words, n=1, cutoff=DIFFLIB_CUTOFF)
        return found[0] if found else None

    def _closest_by_trigrams(self, term):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM unnest(%s::text[]) AS word "
                "WHERE similarity(word, %s) >= %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [self.words, term, TRIGRAM_CUTOFF, term],
            )
            row = cursor.fetchone()
        return row[0] if row else None


def published_texts():
    """Titles, places and partner names of the published library."""
    published = CaseStudy.objects.published()
    for title, place, authority in published.values_list(
        "title", "place_name", "local_authority_name"
    ):
        yield title
        yield place
        yield authority
    partners = Organisation.objects.filter(partnerships__case_study__in=published)
    for name, successor in partners.values_list("name", "successor__name").distinct():
        yield name
        yield successor


def vocabulary():
    global _vocabulary
    key = facet_index.current().key
    if _vocabulary is None or _vocabulary[0] != key:
        _vocabulary = (key, Vocabulary(published_texts()))
    return _vocabulary[1]


def corrected_query(query):
    """The query with each unknown word replaced by the library word closest to it, or
    None when no word needs (or has) a correction."""
    terms = search_terms(query)[:MAX_TERMS]
    if not terms:
        return None
    words = vocabulary()
    changed = False
    corrected = []
    for term in terms:
        if words.knows(term) or term.isdigit():
            corrected.append(term)
            continue
        closest = words.closest(term)
        if closest is None:
            corrected.append(term)
        else:
            corrected.append(words.spelled[closest])
            changed = True
    return " ".join(corrected) if changed else None
