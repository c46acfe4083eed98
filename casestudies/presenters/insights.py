"""The charts on /insights/, each with a summary in words (announced to screen readers,
and shown to everyone) and the table of numbers it is drawn from.

What a case study does not record is said to be "not recorded", never counted as 0, and
a section with nothing recorded at all is folded into one line by the template
(`empty`). How the homes were made is told in one vocabulary, the Delivery choices, in the
chart, its table and its words alike, so the three always add up to the same totals.
"""

from casestudies.finder import facets
from casestudies.presenters.charts import Bar, bar_chart
from casestudies.presenters.wording import counted

NOT_RECORDED = "Not recorded"


def _join(parts):
    parts = list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def homes_cell(row):
    """A group's homes as its table shows them: unknown numbers are not added in as 0."""
    if not row["with_homes"]:
        return NOT_RECORDED
    if row["with_homes"] < row["count"]:
        return f"{row['homes']:,} ({row['count'] - row['with_homes']:,} not recorded)"
    return f"{row['homes']:,}"


def _bar_text(row):
    if not row["with_homes"]:
        return f"{row['count']:,}"
    return f"{row['count']:,} · {counted(row['homes'], 'home', 'homes')}"


def _chart(chart_id, title, summary, bars, headers, rows):
    return {
        "id": chart_id,
        "title": title,
        "summary": summary,
        "svg": bar_chart(chart_id, title, summary, bars) if bars else "",
        "headers": headers,
        "rows": rows,
        "empty": not bars,
    }


def _deprivation(figures):
    d = figures.deprivation
    if not d["recorded"]:
        return _chart(
            "chart-deprivation",
            "Case studies by how deprived their neighbourhood is, in its nation",
            "",
            [],
            [],
            [],
        )
    combined = (
        " (each in its own nation's index: the bars add the nations' own deciles)"
        if len(d["by_nation"]) > 1
        else ""
    )
    summary = (
        f"{counted(d['recorded'], 'case study has', 'case studies have')} a recorded deprivation decile{combined}. "
        f"{d['most_deprived_30']:,} of them ({d['share_most_deprived_30']}%) are in the most deprived 30% of "
        f"their nation's neighbourhoods, where 30% would be expected if partnerships were spread evenly; "
        f"{d['least_deprived_30']:,} ({d['share_least_deprived_30']}%) are in the least deprived 30%."
    )
    if d["not_recorded"]:
        summary += f" For {counted(d['not_recorded'], 'case study', 'case studies')} no decile is recorded."
    ends = {1: " (most deprived)", 10: " (least deprived)"}
    bars = [
        Bar(
            f"Decile {row['decile']}{ends.get(row['decile'], '')}",
            row["count"],
            tone="highlight" if row["decile"] <= 3 else "normal",
        )
        for row in figures.by_decile
    ]
    rows = [[row["decile"], f"{row['count']:,}"] for row in figures.by_decile]
    if d["not_recorded"]:
        rows.append([NOT_RECORDED, f"{d['not_recorded']:,}"])
    return _chart(
        "chart-deprivation",
        "Case studies by how deprived their neighbourhood is, in its nation",
        summary,
        bars,
        ["Decile in its nation's index (1 = most deprived 10%)", "Case studies"],
        rows,
    )


def _by_category(chart_id, title, rows, what, figures_total):
    shown = [row for row in rows if row["count"] and row["value"]]
    summary = ""
    if shown:
        top = max(shown, key=lambda row: row["count"])
        summary = (
            f"{top['label']} has the most case studies ({top['count']:,} of {figures_total:,}); "
            f"{counted(len(shown), what, what + 's')} {'is' if len(shown) == 1 else 'are'} represented."
        )
        unrecorded = sum(row["count"] for row in rows if not row["value"])
        if unrecorded:
            summary += (
                f" For {counted(unrecorded, 'case study', 'case studies')} it is not recorded."
            )
    return _chart(
        chart_id,
        title,
        summary,
        [Bar(row["label"], row["count"], text=_bar_text(row)) for row in shown],
        [what.capitalize(), "Case studies", "Homes"],
        [[row["label"], f"{row['count']:,}", homes_cell(row)] for row in rows if row["count"]],
    )


def _delivery(figures):
    """New build, refurbishment, conversion or mixed: the case study's own category, for
    the bars, the table and the words, so they reconcile with the homes in total."""
    rows = figures.by_delivery
    said = [row for row in rows if row["value"] and row["count"]]
    title = "How the homes were made"
    if not said:
        return _chart("chart-delivery", title, "", [], [], [])
    made_how = _join(f"{row['count']:,} {row['label'].lower()}" for row in said)
    summary = (
        f"{counted(sum(row['count'] for row in said), 'case study says', 'case studies say')} how the homes "
        f"were made: {made_how}."
    )
    with_numbers = [row for row in said if row["with_homes"]]
    if with_numbers:
        homes = _join(f"{row['homes']:,} {row['label'].lower()}" for row in with_numbers)
        summary += (
            f" Of the {sum(row['homes'] for row in with_numbers):,} homes they give numbers for: "
            f"{homes}."
        )
    unsaid = next((row for row in rows if not row["value"]), None)
    if unsaid and unsaid["count"]:
        summary += (
            f" For {counted(unsaid['count'], 'case study', 'case studies')} it is not recorded"
        )
        if unsaid["with_homes"]:
            summary += f" ({counted(unsaid['homes'], 'home', 'homes')} between them)"
        summary += "."
    return _chart(
        "chart-delivery",
        title,
        summary,
        [Bar(row["label"], row["count"], text=_bar_text(row)) for row in said],
        ["How the homes were made", "Case studies", "Homes"],
        [[row["label"], f"{row['count']:,}", homes_cell(row)] for row in rows if row["count"]],
    )


def _tenure(figures):
    rows = [row for row in figures.tenure if row["homes"]]
    summary = ""
    if rows:
        recorded = sum(row["homes"] for row in rows)
        top = max(rows, key=lambda row: row["homes"])
        summary = f"Of {recorded:,} homes with a recorded tenure, {top['homes']:,} are {top['label'].lower()}."
    return _chart(
        "chart-tenure",
        "Homes by tenure",
        summary,
        [Bar(row["label"], row["homes"]) for row in rows],
        ["Tenure", "Homes", "Case studies"],
        [[row["label"], f"{row['homes']:,}", f"{row['count']:,}"] for row in rows],
    )


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
