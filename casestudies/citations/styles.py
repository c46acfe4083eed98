"""Formatting a CSL-JSON item in a citation style, with citeproc-py."""

import functools
import json
from pathlib import Path

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.utils.html import escape, strip_tags

STYLE_DIR = Path(__file__).parent / "styles"
# slug: (name shown, style file)
STYLES = {
    "harvard": ("Harvard", "harvard-cite-them-right.csl"),
    "apa": ("APA", "apa.csl"),
}


@functools.cache
def _style(slug):
    # Parsing a style takes a while; the styles never change while the server runs.
    return CitationStylesStyle(str(STYLE_DIR / STYLES[slug][1]), locale="en-GB", validate=False)


def _escaped(value):
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, list):
        return [_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: _escaped(part) for key, part in value.items()}
    return value


def _for_styles(item, html):
    """The item as the styles should see it: without a publisher or container that only
    repeats the author (the library publishes itself), and, for HTML, with every piece
    of text escaped, since citeproc-py's HTML output adds its tags to text as given."""
    author = item["author"][0].get("literal")
    item = {
        key: value
        for key, value in item.items()
        if not (key in ("publisher", "container-title") and value == author)
    }
    return {**_escaped(item), "id": item["id"]} if html else item


def formatted(item, slug, html=False):
    """The item's reference-list entry in the style `slug`: HTML (titles in <i>) or plain text."""
    return _formatted(json.dumps(item, sort_keys=True), slug, html)


# Formatting takes tens of milliseconds; an item changes only when what it cites does.
@functools.lru_cache(maxsize=2048)
def _formatted(item_json, slug, html):
    item = _for_styles(json.loads(item_json), html)
    bibliography = CitationStylesBibliography(
        _style(slug), CiteProcJSON([item]), formatter.html if html else formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    entry = str(bibliography.bibliography()[0])
    # citeproc-py escapes the item's text for HTML itself; the plain form has no markup.
    return entry if html else strip_tags(entry)
