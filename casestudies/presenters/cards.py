"""Finder cards, rendered once per case study per library version and kept in this
process's memory. A card depends only on its case study and, in search results, on
the words highlighted: those are kept per set of search words."""

from django.template.loader import render_to_string

from casestudies.finder.per_version import PerVersion
from casestudies.finder.search import search_terms
from casestudies.finder.similar import similar_to
from casestudies.models import CaseStudy

TEMPLATE = "casestudies/includes/case_study_card.html"
_cards = PerVersion(limit=20000)  # about 2 KB a card


def cards_for(pks, query="", comparable=True):
    """The HTML of each case study's card, in the order given. Comparable cards have a
    box to tick for the comparison. The first card's cover loads at once (it is the
    largest thing on screen when the page opens); the rest load as they scroll in."""
    kept = _cards.current()
    variant = (tuple(search_terms(query)), comparable)
    wanted = [(pk, variant, position == 0) for position, pk in enumerate(pks)]
    missing = [key for key in wanted if key not in kept]
    if missing:
        found = CaseStudy.objects.filter(pk__in=[key[0] for key in missing]).with_card_data()
        found = found.in_bulk()
        for key in missing:
            case_study = found.get(key[0])
            if case_study is not None:
                kept[key] = render_to_string(TEMPLATE, _context(case_study, variant, key[2]))
    return [kept[key] for key in wanted if key in kept]


def _context(case_study, variant, eager):
    words = " ".join(variant[0])
    # Words inside partners' names are names, not matches: leave them unmarked.
    names = []
    for partner in case_study.partners.all():
        names += [partner.organisation.name, partner.organisation.display_name]
    return {
        "case_study": case_study,
        "query": words,
        "highlighting": (words, tuple(sorted(set(names), key=len, reverse=True))),
        "comparable": variant[1],
        "eager": eager,
    }


def similar_cards(case_study, limit=4):
    """[(card HTML, reasons)] for the case study page."""
    found = similar_to(case_study, limit)
    cards = cards_for([item.pk for item in found], comparable=False)
    return list(zip(cards, (item.reasons for item in found)))
