"""Finder cards, rendered once per case study per library version and kept in this
process's memory. A card depends only on its case study (and, for searches, the words
highlighted, so search results are rendered fresh)."""

from django.template.loader import render_to_string

from .models import CaseStudy

TEMPLATE = "casestudies/includes/case_study_card.html"
LIMIT = 20000  # cards kept; about 2 KB each

_cards = {}
_key = None


def cards_for(pks, index_key, query=""):
    """The HTML of each case study's card, in the order given."""
    global _cards, _key
    if _key != index_key or len(_cards) > LIMIT:
        _cards, _key = {}, index_key
    missing = [pk for pk in pks if query or pk not in _cards]
    if missing:
        found = CaseStudy.objects.filter(pk__in=missing).with_card_data().in_bulk()
        fresh = {
            pk: render_to_string(TEMPLATE, {"case_study": found[pk], "query": query, "comparable": True})
            for pk in missing
            if pk in found
        }
        if query:
            return [fresh[pk] for pk in pks if pk in fresh]
        _cards.update(fresh)
    return [_cards[pk] for pk in pks if pk in _cards]
