"""The compare page's table: the basics of each chosen case study, then every indicator
any of them reports, in words."""

from casestudies.finder.selectors import framework_order
from casestudies.services.lens import decile_label
from casestudies.templatetags.casestudies_tags import pounds


def comparison_rows(case_studies):
    """[(label, [value per case study])] for the compare table: the basics, then every
    indicator any of them reports."""

    def homes(cs):
        if cs.homes_total is None:
            return "Not recorded"
        if cs.homes_built and cs.homes_refurbished:
            return f"{cs.homes_total} ({cs.homes_built} new build, {cs.homes_refurbished} refurbished or converted)"
        if cs.homes_refurbished:
            return f"{cs.homes_total} refurbished or converted"
        return f"{cs.homes_total} new build"

    def timescale(cs):
        if cs.year_started and cs.year_completed:
            return f"{cs.year_started} to {cs.year_completed}"
        if cs.year_completed:
            return f"Completed {cs.year_completed}"
        if cs.year_started:
            return f"Started {cs.year_started}"
        return "Not recorded"

    rows = [
        (
            "Place",
            [
                ", ".join(filter(None, [cs.place_name, cs.local_authority_name])) or "Not recorded"
                for cs in case_studies
            ],
        ),
        ("Region", [cs.get_region_display() or "Not recorded" for cs in case_studies]),
        ("Setting", [cs.get_setting_display() or "Not recorded" for cs in case_studies]),
        (
            "Community model",
            [cs.get_community_model_display() or "Not recorded" for cs in case_studies],
        ),
        (
            "How the partnership works",
            [
                cs.arrangement_detail or cs.get_partnership_arrangement_display() or "Not recorded"
                for cs in case_studies
            ],
        ),
        (
            "Partners",
            [
                "; ".join(
                    f"{p.organisation.display_name} ({p.get_role_display().lower()})"
                    for p in cs.partners.all()
                )
                for cs in case_studies
            ],
        ),
        ("Homes", [homes(cs) for cs in case_studies]),
        (
            "Tenure",
            [
                "; ".join(f"{t.label}: {n}" for t, n in cs.tenure_mix()) or "Not recorded"
                for cs in case_studies
            ],
        ),
        ("Stage", [cs.get_stage_display() or "Not recorded" for cs in case_studies]),
        ("Timescale", [timescale(cs) for cs in case_studies]),
        ("Capital cost", [pounds(cs.capital_cost) or "Not recorded" for cs in case_studies]),
        ("Capital grant", [pounds(cs.grant_funding) or "Not recorded" for cs in case_studies]),
        (
            "Deprivation decile",
            [decile_label(cs) or "Not recorded" for cs in case_studies],
        ),
    ]
    indicators = {}
    for cs in case_studies:
        for outcome in cs.outcomes.all():
            indicators.setdefault(outcome.indicator_id, outcome.indicator)
    for indicator in sorted(indicators.values(), key=framework_order):
        values = []
        for cs in case_studies:
            found = [o.display_value for o in cs.outcomes.all() if o.indicator_id == indicator.pk]
            values.append("; ".join(found) or "–")
        rows.append((indicator.name, values))
    return rows
