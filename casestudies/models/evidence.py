"""How strong the evidence behind an outcome is: a small scale, shown beside every
figure and explained on the "How we grade evidence" page, and the insights' figures
limited to outcomes at or above a chosen grade."""

from django.db import models


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
