"""Finder cards, rendered once per case study per library version and kept in this
process's memory. A card depends only on its case study and, in search results, on
the words highlighted: those are kept per set of search words."""

from django.template.loader import render_to_string

from casestudies.finder import facet_index
from casestudies.finder.search import search_terms
from casestudies.finder.similar import similar_to
from casestudies.models import CaseStudy

TEMPLATE = "casestudies/includes/case_study_card.html"
LIMIT = 20000  # cards kept; about 2 KB each

_cards = {}
_key = None


def cards_for(pks, query="", comparable=True):
    """The HTML of each case study's card, in the order given. Comparable cards have a
    box to tick for the comparison."""
    global _cards, _key
    index_key = facet_index.current().key
    if _key != index_key or len(_cards) > LIMIT:
        _cards, _key = {}, index_key
    variant = (tuple(search_terms(query)), comparable)
    missing = [pk for pk in pks if (pk, variant) not in _cards]
    if missing:
        found = CaseStudy.objects.filter(pk__in=missing).with_card_data().in_bulk()
        for pk in missing:
            if pk in found:
                context = {
                    "case_study": found[pk],
                    "query": " ".join(variant[0]),
                    "comparable": comparable,
                }
                _cards[pk, variant] = render_to_string(TEMPLATE, context)
    return [_cards[pk, variant] for pk in pks if (pk, variant) in _cards]


def similar_cards(case_study, limit=4):
    """[(card HTML, reasons)] for the case study page."""
    found = similar_to(case_study, limit)
    cards = cards_for([item.pk for item in found], comparable=False)
    return list(zip(cards, (item.reasons for item in found)))
