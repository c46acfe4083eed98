"""The insights' outcome figures, limited to evidence of a chosen grade or stronger."""

from decimal import Decimal

from django.db.models import Count, Sum

from casestudies.finder.selectors import framework_order
from casestudies.models import Indicator, Outcome
from casestudies.models.evidence import BY_SLUG, SLUGS, scale


def outcome_figures(case_studies, minimum):
    """The insights' outcome figures for these case studies, counting only outcomes graded
    `minimum` or stronger, and how many outcomes that left out."""
    outcomes = Outcome.objects.filter(case_study__in=case_studies.order_by().values("pk"))
    kept = outcomes.filter(evidence_strength__gte=minimum)
    rows = {
        row["indicator"]: row
        for row in kept.order_by()
        .values("indicator")
        .annotate(
            total=Sum("value"), rows=Count("pk"), case_studies=Count("case_study", distinct=True)
        )
    }
    figures = []
    for indicator in sorted(Indicator.objects.filter(pk__in=list(rows)), key=framework_order):
        row = rows[indicator.pk]
        total = Decimal(row["total"])
        value = indicator.figure(total, row["rows"])
        figures.append(
            {"indicator": indicator, "value": value, "case_studies": row["case_studies"]}
        )
    return figures, outcomes.count() - kept.count()


def chosen_minimum(params):
    """(minimum strength or None, error message) from the insights' `strength` parameter."""
    value = params.get("strength", "")
    if not value:
        return None, ""
    if value not in BY_SLUG or len(params.getlist("strength")) > 1:
        return (
            None,
            "We don't recognise that grade of evidence, so figures of every grade are counted.",
        )
    return BY_SLUG[value], ""


def insights_context(params, filterset, figures):
    """Limit the insights' outcome figures to a chosen grade, and say what that left out."""
    minimum, error = chosen_minimum(params)
    left_out = 0
    if minimum is not None and filterset.is_valid():
        figures.outcomes, left_out = outcome_figures(filterset.qs, minimum)
    return {
        "evidence_scale": [(slug, label) for _, slug, label, _ in scale()],
        "evidence_minimum": SLUGS.get(minimum, ""),
        "evidence_minimum_label": minimum.label if minimum else "",
        "evidence_left_out": left_out,
        "evidence_error": error,
        "evidence_hidden_pairs": [
            (name, value)
            for name, values in params.lists()
            for value in values
            if name != "strength"
        ],
    }
