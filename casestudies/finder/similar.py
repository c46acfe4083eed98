"""Similar partnerships: for one case study, the published ones most like it, with why.

Scored from the facet index: each trait the case study has (its community model,
arrangement, delivery, tenures, deprivation band, setting and region) is a bitmap of the
case studies that share it, and adding up the weights of those bitmaps gives every
candidate's score in one pass in C (numpy), with no query per candidate. The index has
no bitmap for the arrangement, so one is made per library version, from a single query.
"""

import threading
from dataclasses import dataclass

import numpy as np
from pyroaring import BitMap

from casestudies.finder import facet_index
from casestudies.models import CaseStudy
from casestudies.models.choices import (
    DEPRIVATION_BAND_DECILES,
    TENURE_FIELDS,
    Arrangement,
    CommunityModel,
    Delivery,
    DeprivationBand,
    Region,
    Setting,
    Tenure,
)

# How much sharing each trait counts: the kind of group and the deal struck matter most
# to someone planning their own, the place least.
WEIGHTS = {
    "model": 4,
    "arrangement": 4,
    "delivery": 2,
    "tenure": 1,
    "deprivation": 1,
    "setting": 2,
    "region": 1,
}
# Values too vague to make two case studies alike.
IGNORED = {"other", DeprivationBand.NOT_RECORDED.value}
LABELS = {
    "model": dict(CommunityModel.choices),
    "arrangement": dict(Arrangement.choices),
    "delivery": dict(Delivery.choices),
    "tenure": dict(Tenure.choices),
    "deprivation": dict(DeprivationBand.choices),
    "setting": dict(Setting.choices),
    "region": dict(Region.choices),
}
MODEL_PHRASES = {
    CommunityModel.CLT: "a CLT",
    CommunityModel.COOPERATIVE: "a co-operative",
    CommunityModel.DEVELOPMENT_TRUST: "a development trust",
}


def reason_for(facet, value):
    """How one shared trait reads on the page: "also a CLT", "also in the North East"."""
    label = LABELS[facet][value]
    if facet == "model":
        return f"also {MODEL_PHRASES.get(value, label.lower())}"
    if facet == "arrangement":
        return f"the same arrangement: {label[0].lower()}{label[1:]}"
    if facet == "region":
        return f"also in {label}"
    if facet == "deprivation":
        return f"also in the {label[0].lower()}{label[1:]}"
    return f"also {label.lower()}"


@dataclass
class Similar:
    pk: int
    score: int
    reasons: list


_arrangements = {"key": None, "bitmaps": {}, "of": {}}
_lock = threading.Lock()


def _arrangement_bitmaps(index, space):
    """{arrangement: bitmap of positions} and {pk: arrangement} for this index, made once."""
    with _lock:
        if _arrangements["key"] != index.key:
            of = dict(CaseStudy.objects.published().values_list("pk", "partnership_arrangement"))
            lists = {}
            for position, pk in enumerate(space.pks):
                if of.get(pk):
                    lists.setdefault(of[pk], []).append(position)
            _arrangements.update(
                key=index.key,
                of=of,
                bitmaps={value: BitMap(found) for value, found in lists.items()},
            )
        return _arrangements["bitmaps"], _arrangements["of"]


def traits_of(case_study):
    """The (facet, value) pairs that make other case studies like this one. Read from the
    case study itself, so a draft previewed by staff gets its neighbours too."""
    keys = [
        ("model", case_study.community_model),
        ("arrangement", case_study.partnership_arrangement),
    ]
    keys += [
        ("delivery", case_study.delivery),
        ("setting", case_study.setting),
        ("region", case_study.region),
    ]
    keys += [
        ("tenure", tenure.value)
        for tenure, field in TENURE_FIELDS.items()
        if (getattr(case_study, field) or 0) > 0
    ]
    band = _band(case_study.imd_decile)
    if band:
        keys.append(("deprivation", band))
    return [(facet, value) for facet, value in keys if value and value not in IGNORED]


def _band(decile):
    for band, deciles in DEPRIVATION_BAND_DECILES.items():
        if deciles and decile in deciles:
            return band.value
    return None


def similar_to(case_study, limit=4):
    """The `limit` published case studies most like this one, most alike first (then
    newest), each with the traits it shares, in words."""
    index = facet_index.current()
    space = index.space("newest")
    arrangements, _ = _arrangement_bitmaps(index, space)
    traits = traits_of(case_study)
    scores = np.zeros(len(space.pks), dtype=np.int64)
    shared = []
    for facet, value in traits:
        bitmap = (
            arrangements.get(value)
            if facet == "arrangement"
            else space.options.get(facet, {}).get(value)
        )
        if bitmap:
            scores[np.frombuffer(bitmap.to_array(), dtype=np.uint32)] += WEIGHTS[facet]
            shared.append((facet, value, bitmap))
    own = space.position_of(case_study.pk) if case_study.pk else None
    if own is not None:
        scores[own] = 0
    # Highest score first; a stable sort keeps the newest first among equals.
    order = np.argsort(-scores, kind="stable")[:limit]
    found = []
    for position in order.tolist():
        if scores[position] <= 0:
            break
        reasons = [
            reason_for(facet, value) for facet, value, bitmap in shared if position in bitmap
        ]
        found.append(Similar(pk=space.pks[position], score=int(scores[position]), reasons=reasons))
    return found
