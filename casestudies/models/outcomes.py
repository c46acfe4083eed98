"""Outcomes: what a partnership achieved, measured against a shared list of indicators."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from casestudies.models.case_studies import CaseStudy, Source
from casestudies.models.choices import (
    Aggregation,
    Framework,
)
from casestudies.models.evidence import EvidenceStrength
from casestudies.models.fields import year_field


class Indicator(models.Model):
    """A measure defined once by staff and reported the same way by every case study, so
    figures can be added up or averaged across the library.

    Indicators are records rather than fixed choices because the network will refine
    what it measures; outcomes point at them and keep their meaning when renamed.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    framework = models.CharField(max_length=32, choices=Framework.choices)
    unit = models.CharField(
        max_length=40, help_text="For example: homes, %, £, assets, index points."
    )
    description = models.TextField(blank=True, help_text="What exactly is counted, and how.")
    aggregation = models.CharField(
        "across case studies", max_length=8, choices=Aggregation.choices, default=Aggregation.SUM
    )
    lower_is_better = models.BooleanField(
        default=False, help_text="Tick for measures such as loneliness."
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order", "name"]

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def figure(self, total, rows):
        """The indicator's figure from its outcomes' total over `rows` of them: the total
        itself, or their average for an indicator that is not summed."""
        return total if self.aggregation == "sum" else (total / rows).quantize(Decimal("0.01"))

    def format_value(self, value):
        """A figure in this indicator's unit: £100,000, 42%, 1 home, 7 homes."""
        value = Decimal(value).quantize(Decimal("0.01")).normalize()
        text = f"{value:,f}" if value != value.to_integral() else f"{int(value):,}"
        if self.unit == "£":
            return f"£{text}"
        if self.unit == "%":
            return f"{text}%"
        unit = self.unit
        if value == 1 and unit.endswith("s") and " " not in unit:
            unit = unit[:-1]
        return f"{text} {unit}"


class Outcome(models.Model):
    """One measured result of a case study against an indicator, with where it came from.

    Belongs to the case study (its figures are about that scheme) and points at an
    indicator (so it can be compared and totalled with others).
    """

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="outcomes")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="outcomes")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    year = year_field("year measured")
    baseline = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The figure before, if known.",
    )
    baseline_year = year_field("baseline year")
    method = models.CharField(
        max_length=300,
        blank=True,
        help_text="How it was measured, e.g. resident survey, HACT wellbeing valuation.",
    )
    note = models.CharField(
        max_length=300, blank=True, help_text="Anything a reader needs, e.g. “25 to 30 years”."
    )
    # RESTRICT, not PROTECT: a source an outcome rests on cannot be deleted on its own, but
    # deleting the whole case study takes its sources and outcomes together.
    source = models.ForeignKey(
        Source,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="outcomes",
        help_text="One of this case study's sources.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    evidence_strength = models.PositiveSmallIntegerField(
        "strength of evidence",
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.SELF_REPORTED,
        help_text="Who stands behind the figure: see “How we grade evidence” on the public site.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__framework", "indicator__order", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="outcome_value_not_negative"),
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(baseline__gte=0),
                name="outcome_baseline_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "case_study"], name="outcome_indicator_case_idx")
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.display_value}"

    @property
    def display_value(self):
        return self.indicator.format_value(self.value)

    def clean(self):
        super().clean()
        if (
            self.source_id
            and self.case_study_id
            and self.source.case_study_id != self.case_study_id
        ):
            raise ValidationError({"source": "Choose one of this case study's own sources."})
        if not self.source_id and not self.method.strip():
            raise ValidationError(
                {
                    "source": "Say where this figure comes from: choose a source, or describe the method."
                }
            )
        if self.indicator_id and self.indicator.unit == "%" and self.value > 100:
            raise ValidationError({"value": "A percentage cannot be more than 100."})
        if self.baseline_year and self.year and self.baseline_year > self.year:
            raise ValidationError(
                {"baseline_year": "The baseline year cannot be after the year measured."}
            )
