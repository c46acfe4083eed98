"""Server-drawn charts: never scaled, so their text keeps its size on a phone."""

import re

from casestudies.presenters.charts import Bar, bar_chart


def test_charts_are_fluid_and_never_scale_their_text():
    svg = str(bar_chart("c", "Title", "Summary", [Bar("Long label here", 10), Bar("Other", 5)]))
    assert "viewBox" not in svg  # a viewBox would shrink the text with the chart
    assert 'width="100%"' in svg
    sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', svg)}
    assert sizes and min(sizes) >= 12
    assert re.findall(
        r'<rect x="0" y="22" width="([\d.]+%|0)" height="14" rx="2" fill="#1', svg
    ) == ["100.0%", "50.0%"]
    assert '<title id="c-title">Title</title><desc id="c-desc">Summary</desc>' in svg


def test_chart_text_is_escaped():
    svg = str(bar_chart("c", "<b>", "<i>", [Bar("<script>", 1, text="<em>")]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;em&gt;" in svg
