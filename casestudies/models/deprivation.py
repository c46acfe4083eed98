"""Official deprivation figures for each small neighbourhood, one row per edition."""

from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.db.models import Avg, Q

from casestudies.models.choices import (
    ImdBasis,
    ImdEdition,
)


class DeprivationArea(models.Model):
    """One neighbourhood (LSOA) in an edition of the English Indices of Deprivation,
    imported from the official file by import_imd. Kept per edition because LSOA
    boundaries and codes change between editions (2011 areas for 2019, 2021 for 2025)."""

    edition = models.CharField(max_length=4, choices=ImdEdition.choices)
    lsoa_code = models.CharField(max_length=9)
    lsoa_name = models.CharField(max_length=200)
    local_authority_code = models.CharField(max_length=9)
    local_authority_name = models.CharField(max_length=200)
    score = models.DecimalField(max_digits=7, decimal_places=3)
    rank = models.PositiveIntegerField()
    decile = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "lsoa_code"], name="deprivationarea_unique_lsoa"
            ),
            models.CheckConstraint(
                condition=Q(decile__gte=1, decile__lte=10), name="deprivationarea_decile_range"
            ),
        ]
        indexes = [
            models.Index(fields=["edition", "local_authority_code"], name="deprivation_la_idx")
        ]

    def __str__(self):
        return f"{self.lsoa_code} {self.lsoa_name} ({self.edition}): decile {self.decile}"


def editions_present():
    found = set(DeprivationArea.objects.values_list("edition", flat=True).distinct())
    return sorted(found, reverse=True)  # newest first


def look_up_decile(lsoa_code, local_authority_code, editions=None):
    """(decile, edition, basis) from the newest edition that knows the place, or None."""
    if not lsoa_code and not local_authority_code:
        return None
    for edition in editions if editions is not None else editions_present():
        if lsoa_code:
            decile = (
                DeprivationArea.objects.filter(edition=edition, lsoa_code=lsoa_code)
                .values_list("decile", flat=True)
                .first()
            )
            if decile:
                return decile, edition, ImdBasis.NEIGHBOURHOOD
        if local_authority_code:
            decile = _local_authority_decile(edition, local_authority_code)
            if decile:
                return decile, edition, ImdBasis.LOCAL_AUTHORITY
    return None


def _local_authority_decile(edition, local_authority_code):
    """The decile the authority's average score would have if it were a neighbourhood."""
    areas = DeprivationArea.objects.filter(edition=edition)
    average = areas.filter(local_authority_code=local_authority_code).aggregate(score=Avg("score"))[
        "score"
    ]
    if average is None:
        return None
    more_deprived = areas.filter(score__gt=average).count()
    total = areas.count()
    return min(10, more_deprived * 10 // total + 1)
