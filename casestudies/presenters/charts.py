"""Bar charts drawn on the server as SVG: no chart library to download, readable without
JavaScript, and safe under the site's Content-Security-Policy (presentation attributes,
never style attributes or scripts).

Every chart has a title and a one-sentence summary that screen readers announce, and
the page shows the same numbers as a table beside it.
"""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_WIDTH = 230
VALUE_GAP = 8
VALUE_ROOM = 150  # kept free at the right of the longest bar for its value
ROW_HEIGHT = 30
BAR_HEIGHT = 20
TOP = 8
COLOURS = {"normal": "#1e5b47", "highlight": "#a04a26", "muted": "#8c968f"}


@dataclass
class Bar:
    label: str
    value: float
    text: str = ""  # how the value is written at the end of the bar
    tone: str = "normal"  # "highlight" for the bars the summary talks about


def _number(value):
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_chart(chart_id, title, summary, bars):
    """An accessible horizontal bar chart as SVG markup."""
    bars = list(bars)
    height = TOP * 2 + ROW_HEIGHT * max(1, len(bars))
    largest = max((bar.value for bar in bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    rows = []
    for index, bar in enumerate(bars):
        y = TOP + index * ROW_HEIGHT
        length = round(room * bar.value / largest, 1) if bar.value else 0
        rows.append(
            format_html(
                '<g><text x="{}" y="{}" text-anchor="end" fill="#1f2a24" font-size="14">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}"></rect>'
                '<text x="{}" y="{}" fill="#1f2a24" font-size="14" font-weight="700">{}</text></g>',
                LABEL_WIDTH - VALUE_GAP,
                y + BAR_HEIGHT - 5,
                bar.label,
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                COLOURS.get(bar.tone, COLOURS["normal"]),
                LABEL_WIDTH + length + VALUE_GAP,
                y + BAR_HEIGHT - 5,
                bar.text or _number(bar.value),
            )
        )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-labelledby="{}-title {}-desc" '
        'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<line x1="{}" y1="0" x2="{}" y2="{}" stroke="#d6cbb8"></line>{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        summary,
        LABEL_WIDTH,
        LABEL_WIDTH,
        height,
        mark_safe("".join(rows)),
    )
