"""The charts on /insights/, each with a summary in words (announced to screen readers,
and shown to everyone) and the table of numbers it is drawn from."""

from casestudies.finder import facets
from casestudies.presenters.charts import Bar, bar_chart


def _plural(count, one, many):
    return f"{count:,} {one if count == 1 else many}"


def _deprivation(figures):
    d = figures.deprivation
    if not d["recorded"]:
        summary = (
            "None of these case studies has a recorded deprivation decile: they have no coordinates or "
            "neighbourhood code, or their coordinates mark the centre of a whole area."
        )
    else:
        combined = (
            " (each in its own nation's index: the bars add the nations' own deciles)"
            if len(d["by_nation"]) > 1
            else ""
        )
        summary = (
            f"{_plural(d['recorded'], 'case study has', 'case studies have')} a recorded deprivation decile{combined}. "
            f"{d['most_deprived_30']:,} of them ({d['share_most_deprived_30']}%) are in the most deprived 30% of "
            f"their nation's neighbourhoods, where 30% would be expected if partnerships were spread evenly; "
            f"{d['least_deprived_30']:,} ({d['share_least_deprived_30']}%) are in the least deprived 30%."
        )
        if d["not_recorded"]:
            summary += f" {_plural(d['not_recorded'], 'case study has', 'case studies have')} no decile recorded."
    bars = [
        Bar(
            f"Decile {row['decile']}"
            + (
                " (most deprived)"
                if row["decile"] == 1
                else " (least deprived)"
                if row["decile"] == 10
                else ""
            ),
            row["count"],
            tone="highlight" if row["decile"] <= 3 else "normal",
        )
        for row in figures.by_decile
    ]
    return {
        "id": "chart-deprivation",
        "title": "Case studies by how deprived their neighbourhood is, in its nation",
        "summary": summary,
        "svg": bar_chart("chart-deprivation", "Case studies by deprivation decile", summary, bars)
        if d["recorded"]
        else "",
        "headers": ["Decile in its nation's index (1 = most deprived 10%)", "Case studies"],
        "rows": [[row["decile"], row["count"]] for row in figures.by_decile]
        + [["Not recorded", d["not_recorded"]]],
    }


def _by_category(chart_id, title, rows, what, figures_total):
    shown = [row for row in rows if row["count"]]
    if not shown:
        summary = f"No case studies here have a {what} recorded."
    else:
        top = max(shown, key=lambda row: row["count"])
        summary = (
            f"{top['label']} has the most case studies ({top['count']:,} of {figures_total:,}); "
            f"{_plural(len(shown), what, what + 's')} {'is' if len(shown) == 1 else 'are'} represented."
        )
    bars = [
        Bar(row["label"], row["count"], text=f"{row['count']:,} ({row['homes']:,} homes)")
        for row in shown
    ]
    return {
        "id": chart_id,
        "title": title,
        "summary": summary,
        "svg": bar_chart(chart_id, title, summary, bars) if bars else "",
        "headers": [what.capitalize(), "Case studies", "Homes"],
        "rows": [[row["label"], row["count"], row["homes"]] for row in rows if row["count"]],
    }


def _delivery(figures):
    homes = figures.homes
    summary = (
        f"{homes['built']:,} homes built new and {homes['refurbished']:,} made from existing buildings "
        f"(empty homes brought back, conversions), across the "
        f"{_plural(homes['case_studies_with_numbers'], 'case study', 'case studies')} that give numbers."
    )
    bars = [
        Bar("New build", homes["built"], tone="normal"),
        Bar("Refurbished or converted", homes["refurbished"], tone="highlight"),
    ]
    return {
        "id": "chart-delivery",
        "title": "Homes built new, and homes made from existing buildings",
        "summary": summary,
        "svg": bar_chart("chart-delivery", "Homes by how they were made", summary, bars),
        "headers": ["How the homes were made", "Case studies", "Homes"],
        "rows": [
            [row["label"], row["count"], row["homes"]]
            for row in figures.by_delivery
            if row["count"]
        ],
    }


def _tenure(figures):
    rows = [row for row in figures.tenure if row["homes"]]
    recorded = sum(row["homes"] for row in rows)
    if rows:
        top = max(rows, key=lambda row: row["homes"])
        summary = f"Of {recorded:,} homes with a recorded tenure, {top['homes']:,} are {top['label'].lower()}."
    else:
        summary = "No homes here have a recorded tenure."
    return {
        "id": "chart-tenure",
        "title": "Homes by tenure",
        "summary": summary,
        "svg": bar_chart(
            "chart-tenure",
            "Homes by tenure",
            summary,
            [Bar(row["label"], row["homes"]) for row in rows],
        )
        if rows
        else "",
        "headers": ["Tenure", "Homes", "Case studies"],
        "rows": [[row["label"], row["homes"], row["count"]] for row in rows],
    }


def charts_for(figures):
    """The deprivation chart, a chart for each facet whose breakdown has a title (in the
    facet table's order), then homes by delivery and by tenure."""
    by_facet = [
        _by_category(
            f"chart-{facet.param}",
            facet.breakdown.title,
            figures.breakdowns[facet.param],
            facet.breakdown.what,
            figures.total,
        )
        for facet in facets.of(facets.SINGLE)
        if facet.breakdown and facet.breakdown.title
    ]
    return [_deprivation(figures), *by_facet, _delivery(figures), _tenure(figures)]
