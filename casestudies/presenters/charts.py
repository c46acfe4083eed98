"""Bar charts drawn on the server as SVG: no chart library to download, readable without
JavaScript, and safe under the site's Content-Security-Policy (presentation attributes,
never style attributes or scripts).

The SVG has no viewBox, so it is never scaled: it takes the width of its column and its
text stays at the size it is written in (14 px), on a 320 px phone as on a desktop. Each
row is a line of text (the label, and the value at the right) above a bar whose length
is a percentage of the width.

Every chart has a title and a one-sentence summary that screen readers announce, and
the page shows the same numbers as a table beside it.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

FONT_SIZE = 14
ROW_HEIGHT = 46  # a line of text, the bar, and the space before the next row
TEXT_BASELINE = 16
BAR_TOP = 22
BAR_HEIGHT = 14
INK = "#1f2a24"
COLOURS = {"normal": "#1e5b47", "highlight": "#a04a26", "muted": "#8c968f"}


@dataclass
class Bar:
    label: str
    value: float
    text: str = ""  # how the value is written beside the label
    tone: str = "normal"  # "highlight" for the bars the summary talks about


def number(value):
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _percent(value, largest):
    return f"{100 * value / largest:.1f}%" if value else "0"


def bar_chart(chart_id, title, summary, bars):
    """An accessible horizontal bar chart as SVG markup."""
    bars = list(bars)
    height = ROW_HEIGHT * max(1, len(bars))
    largest = max((bar.value for bar in bars), default=0) or 1
    rows = format_html_join(
        "",
        '<g transform="translate(0 {})">'
        '<text x="0" y="{}" fill="{}" font-size="{}">{}</text>'
        '<text x="100%" y="{}" text-anchor="end" fill="{}" font-size="{}" font-weight="700">{}</text>'
        '<rect x="0" y="{}" width="100%" height="{}" rx="2" fill="#f1e8d8"></rect>'
        '<rect x="0" y="{}" width="{}" height="{}" rx="2" fill="{}"></rect></g>',
        (
            (
                index * ROW_HEIGHT,
                TEXT_BASELINE,
                INK,
                FONT_SIZE,
                bar.label,
                TEXT_BASELINE,
                INK,
                FONT_SIZE,
                bar.text or number(bar.value),
                BAR_TOP,
                BAR_HEIGHT,
                BAR_TOP,
                _percent(bar.value, largest),
                BAR_HEIGHT,
                COLOURS.get(bar.tone, COLOURS["normal"]),
            )
            for index, bar in enumerate(bars)
        ),
    )
    return format_html(
        '<svg class="chart" width="100%" height="{}" role="img" aria-labelledby="{}-title {}-desc" '
        'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        summary,
        rows,
    )
