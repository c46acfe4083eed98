"""Markdown for case-study stories, rendered safely.

Two locks: raw HTML in the source is escaped as text rather than passed through, and
the result is cleaned by nh3 (a maintained HTML sanitiser) against a short allowlist,
so neither tags, event handlers nor javascript: links can reach a page.
"""

from functools import lru_cache

import markdown as markdown_lib
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "th": {"align"},
    "td": {"align"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


class _DemoteTopHeadings(Treeprocessor):
    """The page title is the only h1, so a story's "# Heading" becomes an h2."""

    def run(self, root):
        for element in root.iter("h1"):
            element.tag = "h2"


class _DemoteTopHeadingsExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_DemoteTopHeadings(md), "demote_h1", 30)


def _markdown():
    md = markdown_lib.Markdown(
        extensions=[
            "markdown.extensions.tables",
            "markdown.extensions.sane_lists",
            _DemoteTopHeadingsExtension(),
            TocExtension(permalink=False, anchorlink=False),
        ],
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


@lru_cache(maxsize=1024)
def render_markdown(text):
    """Safe HTML for a Markdown string (cached: stories change rarely, pages are read often)."""
    if not text:
        return ""
    html = _markdown().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
