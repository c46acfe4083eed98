from html.parser import HTMLParser

import pytest

from casestudies.services.markdown import render_markdown

SAFE_TAGS = {
    "p",
    "a",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "blockquote",
    "br",
    "hr",
}


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend(attrs)


def markup(html):
    collector = TagCollector()
    collector.feed(html)
    return collector


def test_markdown_formats_a_story():
    html = render_markdown(
        "# How it started\n\nThe **village** asked.\n\n- homes\n- a shop\n\n[Read more](https://example.org/a)"
    )
    assert '<h2 id="how-it-started">How it started</h2>' in html  # the page title is the only h1
    assert "<strong>village</strong>" in html
    assert "<li>homes</li>" in html
    assert (
        '<a href="https://example.org/a" rel="noopener noreferrer nofollow">Read more</a>' in html
    )


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="#" onclick="steal()">click</a>',
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        '<div style="position:fixed">cover</div>',
        "![pic](https://example.org/x.png)",
    ],
)
def test_no_raw_html_or_script_gets_through(source):
    html = render_markdown(f"Before.\n\n{source}\n\nAfter.")
    found = markup(html)
    assert found.tags <= SAFE_TAGS, found.tags
    for name, value in found.attributes:
        assert not name.startswith("on") and name != "style", name
        if name == "href":
            assert value.startswith(("http://", "https://", "mailto:")), value
    assert "Before." in html and "After." in html


def test_raw_html_is_shown_as_text_not_dropped_silently():
    assert "&lt;b&gt;bold&lt;/b&gt;" in render_markdown("Some <b>bold</b> text")
