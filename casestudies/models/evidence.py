"""How strong the evidence behind an outcome is: a small scale, shown beside every
figure and explained on the "How we grade evidence" page, and the insights' figures
limited to outcomes at or above a chosen grade."""

from decimal import Decimal

from django.db import models
from django.db.models import Count, Sum


class EvidenceStrength(models.IntegerChoices):
    # Stored as numbers so "at or above" is a plain comparison; slugs are for addresses.
    SELF_REPORTED = 1, "Reported by the scheme"
    FUNDER_OR_REGULATOR = 2, "Reported by a funder or regulator"
    INDEPENDENT_EVALUATION = 3, "Independently evaluated"
    PEER_REVIEWED = 4, "Peer-reviewed research"


SLUGS = {
    EvidenceStrength.SELF_REPORTED: "self-reported",
    EvidenceStrength.FUNDER_OR_REGULATOR: "funder-or-regulator",
    EvidenceStrength.INDEPENDENT_EVALUATION: "independent-evaluation",
    EvidenceStrength.PEER_REVIEWED: "peer-reviewed",
}
BY_SLUG = {slug: strength for strength, slug in SLUGS.items()}

DESCRIPTIONS = {
    EvidenceStrength.SELF_REPORTED: (
        "The figure comes from the partnership itself: its own website, annual report, newsletter or an "
        "interview with the people involved. Often the only figure there is, and usually honest, but nobody "
        "outside has checked it."
    ),
    EvidenceStrength.FUNDER_OR_REGULATOR: (
        "A body with a reason to check published the figure: a grant funder's report, a council's planning "
        "record, the Regulator of Social Housing, Homes England or a national housing agency."
    ),
    EvidenceStrength.INDEPENDENT_EVALUATION: (
        "An evaluation by someone outside the partnership, with a stated method: a commissioned evaluation, "
        "an audit, or a study by a research body or consultancy that names how it measured."
    ),
    EvidenceStrength.PEER_REVIEWED: (
        "Research published after review by other researchers, in a journal or an academic press."
    ),
}


def scale():
    """[(strength, slug, label, description)] from weakest to strongest."""
    return [
        (strength, SLUGS[strength], strength.label, DESCRIPTIONS[strength])
        for strength in EvidenceStrength
    ]


def slug_of(value):
    return SLUGS.get(value, "")


def outcome_figures(case_studies, minimum):
    """The insights' outcome figures for these case studies, counting only outcomes graded
    `minimum` or stronger, and how many outcomes that left out."""
    from casestudies.finder.selectors import framework_order
    from casestudies.models import Indicator, Outcome

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
        value = (
            total
            if indicator.aggregation == "sum"
            else (total / row["rows"]).quantize(Decimal("0.01"))
        )
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
