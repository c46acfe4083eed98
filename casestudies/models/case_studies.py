"""The partnership case-study library.

A case study describes one partnership scheme in one place. Organisations are shared
between case studies (a housing association partners with many communities), so the
link between them is its own model carrying the role each organisation played.
"""

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from casestudies.models.choices import (
    TENURE_FIELDS,
    Arrangement,
    CommunityModel,
    Delivery,
    DeprivationIndex,
    ImdBasis,
    LocationBasis,
    PartnerRole,
    PartnershipStatus,
    Region,
    Setting,
    Stage,
    Status,
)
from casestudies.models.fields import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    UK_LATITUDE,
    UK_LONGITUDE,
    WebAddressField,
    homes_field,
    local_authority_code_validator,
    lsoa_code_validator,
    money_field,
    year_field,
)
from casestudies.models.organisations import Organisation, Theme
from casestudies.models.publishing import PublicationState, staff_member_field
from casestudies.models.storage import TimestampedModel

# Fields worked out from others whenever a case study is saved (services/derived.py does
# the work). They are named here, beside the fields themselves, so that a save naming only
# some fields (`update_fields`) still writes what those fields feed.
DERIVED_ON_EVERY_SAVE = frozenset({"homes_total", "search_text", "published_at", "revision"})
# The deprivation lens: the neighbourhood and decile, from the location.
LENS_INPUT_FIELDS = frozenset(
    {
        "latitude",
        "longitude",
        "location_basis",
        "lsoa_code",
        "local_authority_code",
        "local_authority_name",
        "region",
        "imd_basis",
        "imd_decile",
        "imd_edition",
    }
)
LENS_DERIVED_FIELDS = frozenset(
    {
        "lsoa_code",
        "neighbourhood_name",
        "local_authority_code",
        "local_authority_name",
        "imd_decile",
        "imd_edition",
        "imd_basis",
        "imd_approximate",
        "deprivation_note",
    }
)


# Checks of a case study's place that need the shipped boundaries and the imported
# deprivation figures: services.lens adds its check here when it is loaded (the app loads it
# at start-up), so the model validates with it without importing the layer above.
PLACE_CHECKS = []


def fields_written_by_save(update_fields):
    """The fields a save naming `update_fields` writes: those and what they feed."""
    written = set(update_fields) | DERIVED_ON_EVERY_SAVE
    if LENS_INPUT_FIELDS & written:
        written |= LENS_DERIVED_FIELDS
    # The story's HTML is written with the story, never on its own: a save of other
    # fields must not store HTML for a story that stays unsaved.
    if "body" in written:
        written.add("story_html")
    return written


def place_wording(*parts):
    """Parts of a place joined with commas, leaving out any already said:
    "Gresham, Middlesbrough" and "Middlesbrough" make "Gresham, Middlesbrough"."""
    said, pieces = [], set()
    for part in parts:
        part = (part or "").strip()
        if part and part.lower() not in pieces:
            said.append(part)
            pieces.update(piece.strip().lower() for piece in part.split(","))
    return ", ".join(said)


class CaseStudyQuerySet(models.QuerySet):
    def published(self, at=None):
        """Public now: published, and its publication time has come (so scheduling needs no cron)."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=at or timezone.now())

    def with_partners(self):
        """Partners with their organisations and successors (shown as "now part of …")."""
        return self.prefetch_related(
            models.Prefetch(
                "partners",
                queryset=CaseStudyPartner.objects.select_related("organisation__successor"),
            )
        )

    def _related(self, relation):
        # Outcomes and images live in modules that import this one, so reach them through the relation.
        return self.model._meta.get_field(relation).related_model

    def with_outcomes(self):
        """Outcomes with their indicators and sources."""
        return self.prefetch_related(
            models.Prefetch(
                "outcomes",
                queryset=self._related("outcomes").objects.select_related("indicator", "source"),
            )
        )

    def with_card_data(self):
        """What a list of case-study cards shows, in a fixed number of queries."""
        return self.with_partners().prefetch_related(
            models.Prefetch(
                "images",
                queryset=self._related("images").objects.filter(is_cover=True),
                to_attr="cover_images",
            ),
        )


class CaseStudy(PublicationState, TimestampedModel):
    """One partnership scheme in one place, told for people planning their own.

    Its partners, sources and themes are separate records because they are shared or
    repeated: several organisations with different roles, several references, and
    themes that cut across schemes.
    """

    # What it is
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="Part of the web address. If you change it, the old address keeps working.",
    )
    summary = models.TextField(
        max_length=600,
        blank=True,
        help_text="Two or three sentences shown in lists and search results.",
    )
    body = models.TextField(
        "story",
        blank=True,
        help_text="How the partnership came about and how it works. Markdown: ## Heading, **bold**, [link](https://…).",
    )
    key_messages = models.TextField(blank=True, help_text="The lessons for others, one per line.")
    target_audience = models.CharField(
        "who the homes are for",
        max_length=300,
        blank=True,
        help_text="For example: local people with a connection to the parish.",
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="case_studies")
    verification_notes = models.TextField(
        "what is unconfirmed",
        blank=True,
        help_text="Anything the sources disagree on or do not confirm. Shown to the public as unconfirmed.",
    )

    # Publishing
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        help_text="A future date schedules it: it goes public then. Empty means now, when published.",
    )
    featured = models.BooleanField(default=False, help_text="Show on the home page.")
    is_synthetic = models.BooleanField(
        "synthetic test record",
        default=False,
        editable=False,
        help_text="Made up by generate_case_studies for performance work; never real.",
    )
    revision = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Goes up with every save, so two staff editing at once are noticed.",
    )
    created_by = staff_member_field()
    updated_by = staff_member_field()

    # Place
    place_name = models.CharField(
        max_length=200, blank=True, help_text="Village, town or neighbourhood."
    )
    local_authority_name = models.CharField(max_length=200, blank=True)
    local_authority_code = models.CharField(
        max_length=9,
        blank=True,
        validators=[local_authority_code_validator],
        help_text="ONS code, e.g. E06000057.",
    )
    lsoa_code = models.CharField(
        "neighbourhood code",
        max_length=9,
        blank=True,
        validators=[lsoa_code_validator],
        help_text="The small area the homes are in (LSOA, Data Zone or Super Output Area). Found from the "
        "coordinates when left empty; to override what was found, type the right code here.",
    )
    neighbourhood_name = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="The official name of the neighbourhood code.",
    )
    region = models.CharField(max_length=32, choices=Region.choices, blank=True)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(UK_LATITUDE[0]), MaxValueValidator(UK_LATITUDE[1])],
        help_text="Of the place, not the homes' front doors. For example 54.947.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(UK_LONGITUDE[0]), MaxValueValidator(UK_LONGITUDE[1])],
        help_text="West of Greenwich is negative. For example -1.906.",
    )
    location_basis = models.CharField(
        "the coordinates mark",
        max_length=16,
        choices=LocationBasis.choices,
        blank=True,
        help_text="Usually the centre of the place, so nobody's home is pinpointed.",
    )
    setting = models.CharField(max_length=32, choices=Setting.choices, blank=True)
    imd_decile = models.PositiveSmallIntegerField(
        "deprivation decile",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Index of Multiple Deprivation decile of the neighbourhood: 1 is the most deprived 10%.",
    )
    imd_edition = models.CharField(
        "deprivation index",
        max_length=16,
        choices=DeprivationIndex.choices,
        blank=True,
        help_text="Each nation's own index: deciles of different nations are not comparable.",
    )
    imd_basis = models.CharField(
        "deprivation decile from",
        max_length=16,
        choices=ImdBasis.choices,
        blank=True,
        help_text="Filled in on saving, from the coordinates, the neighbourhood code or the local authority. "
        "If you set the decile yourself, choose “Entered by hand” so nothing overwrites it.",
    )
    imd_approximate = models.BooleanField(
        "deprivation decile approximate",
        default=False,
        editable=False,
        help_text="The neighbourhood or its decile is not certain (see the note).",
    )
    deprivation_note = models.CharField(
        max_length=500,
        blank=True,
        editable=False,
        help_text="How the neighbourhood and decile were found, and anything uncertain about them.",
    )

    # Scheme
    community_model = models.CharField(max_length=32, choices=CommunityModel.choices, blank=True)
    partnership_arrangement = models.CharField(
        max_length=40, choices=Arrangement.choices, blank=True
    )
    arrangement_detail = models.CharField(
        max_length=300,
        blank=True,
        help_text="The arrangement in a sentence, e.g. who holds the freehold and for how long the lease runs.",
    )
    delivery = models.CharField(max_length=16, choices=Delivery.choices, blank=True)
    homes_built = homes_field("homes built", "New-build homes.")
    homes_refurbished = homes_field(
        "homes refurbished or converted",
        "Homes made from existing buildings: empty homes brought back, conversions.",
    )
    homes_total = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Built plus refurbished; kept up to date on save.",
    )
    homes_social_rent = homes_field("social rent")
    homes_affordable_rent = homes_field("affordable rent")
    homes_income_linked_rent = homes_field("rent linked to local incomes")
    homes_shared_ownership = homes_field("shared ownership")
    homes_discounted_sale = homes_field("discounted sale")
    homes_market = homes_field("market")
    homes_other_tenure = homes_field("other tenure")
    stage = models.CharField(max_length=8, choices=Stage.choices, blank=True)
    partnership_status = models.CharField(
        max_length=12,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.ACTIVE,
        help_text="Ended or stalled partnerships stay in the library, with what happened, as lessons for others.",
    )
    year_started = year_field("year started")
    year_completed = year_field("year completed", "Leave empty if not finished.")
    capital_cost = money_field("capital cost")
    grant_funding = money_field("capital grant")
    revenue_funding = money_field(
        "revenue funding", "Money for running costs and the group's own work, in pounds."
    )
    funders = models.CharField(
        max_length=500,
        blank=True,
        help_text="Who paid, in words: e.g. Homes and Communities Agency grant.",
    )

    # Search: body, place and partner names in one column, kept current on save and
    # when partners change, so search needs no joins (and PostgreSQL can index it).
    search_text = models.TextField(blank=True, editable=False)
    # The story as safe HTML, rendered on save rather than on every page view.
    story_html = models.TextField(blank=True, editable=False)

    objects = CaseStudyQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["search_text", "homes_total", "story_html"], m2m_fields=[themes]
    )

    class Meta:
        verbose_name_plural = "case studies"
        ordering = ["-published_at", "title"]
        permissions = [("publish_casestudy", "Can publish, unpublish and archive case studies")]
        indexes = [
            models.Index(fields=["status", "published_at"], name="casestudy_public_idx"),
            models.Index(fields=["region"], name="casestudy_region_idx"),
            models.Index(fields=["community_model"], name="casestudy_model_idx"),
            models.Index(fields=["delivery"], name="casestudy_delivery_idx"),
            models.Index(fields=["stage"], name="casestudy_stage_idx"),
            models.Index(fields=["setting"], name="casestudy_setting_idx"),
            models.Index(fields=["imd_decile"], name="casestudy_imd_idx"),
            models.Index(fields=["partnership_status"], name="casestudy_partnership_idx"),
            models.Index(fields=["year_completed"], name="casestudy_completed_idx"),
            models.Index(fields=["title"], name="casestudy_title_idx"),
            # "Most homes" first, unknown counts last, the same on every database.
            models.Index(
                Coalesce(F("homes_total"), Value(-1)).desc(), name="casestudy_most_homes_idx"
            ),
            # Tenure filters ask "any homes at this tenure?": partial indexes hold just those rows.
            *[
                models.Index(
                    fields=[field], condition=Q(**{f"{field}__gt": 0}), name=f"cs_{field[6:]}_idx"
                )
                for field in TENURE_FIELDS.values()
            ],
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED)
                | (~Q(summary="") & ~Q(region="") & Q(published_at__isnull=False)),
                name="casestudy_published_has_summary_region_date",
            ),
            models.CheckConstraint(
                condition=Q(year_started__isnull=True)
                | Q(year_started__gte=EARLIEST_YEAR, year_started__lte=LATEST_YEAR),
                name="casestudy_year_started_plausible",
            ),
            models.CheckConstraint(
                condition=Q(year_completed__isnull=True)
                | Q(year_completed__gte=EARLIEST_YEAR, year_completed__lte=LATEST_YEAR),
                name="casestudy_year_completed_plausible",
            ),
            models.CheckConstraint(
                condition=Q(year_started__isnull=True)
                | Q(year_completed__isnull=True)
                | Q(year_completed__gte=F("year_started")),
                name="casestudy_completed_after_started",
            ),
            models.CheckConstraint(
                condition=Q(imd_decile__isnull=True)
                | (Q(imd_decile__gte=1, imd_decile__lte=10) & ~Q(imd_edition="")),
                name="casestudy_imd_decile_with_edition",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | Q(
                    latitude__gte=UK_LATITUDE[0],
                    latitude__lte=UK_LATITUDE[1],
                    longitude__gte=UK_LONGITUDE[0],
                    longitude__lte=UK_LONGITUDE[1],
                ),
                name="casestudy_coordinates_in_uk",
            ),
            models.CheckConstraint(
                condition=(
                    Q(homes_built__isnull=True)
                    & Q(homes_refurbished__isnull=True)
                    & Q(homes_total__isnull=True)
                )
                | Q(
                    homes_total=Coalesce(F("homes_built"), Value(0))
                    + Coalesce(F("homes_refurbished"), Value(0))
                ),
                name="casestudy_homes_total_is_sum",
            ),
            models.CheckConstraint(
                condition=Q(homes_total__isnull=True)
                | Q(
                    homes_total__gte=sum(
                        (Coalesce(F(field), Value(0)) for field in TENURE_FIELDS.values()), Value(0)
                    )
                ),
                name="casestudy_tenure_within_total",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The derived fields are set by services.derived as the save begins (pre_save).
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = fields_written_by_save(update_fields)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("casestudies:case_study_detail", args=[self.slug])

    # Publishing state -----------------------------------------------------------

    @property
    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def publication_problems(self, partner_count=None, source_count=None):
        """What stops this case study being published, in words staff can act on."""
        return [
            problem
            for _, problem in self.publication_problems_by_field(partner_count, source_count)
        ]

    def publication_problems_by_field(self, partner_count=None, source_count=None):
        """(field or inline, problem) for each thing that stops publication, so a page can
        link each problem to where it is put right."""
        problems = []
        if not self.summary.strip():
            problems.append(("summary", "It needs a summary."))
        if not self.region:
            problems.append(("region", "It needs a region."))
        if partner_count is None:
            partner_count = self.partners.count() if self.pk else 0
        if partner_count < 1:
            problems.append(("partners", "It needs at least one partner organisation."))
        if source_count is None:
            source_count = self.sources.count() if self.pk else 0
        if source_count < 1:
            problems.append(
                (
                    "sources",
                    "It needs at least one source: every fact in the library is referenced.",
                )
            )
        return problems

    # Figures ---------------------------------------------------------------------

    def compute_homes_total(self):
        if self.homes_built is None and self.homes_refurbished is None:
            return None
        return (self.homes_built or 0) + (self.homes_refurbished or 0)

    def tenure_mix(self):
        """[(Tenure, homes)] for the tenures with a number recorded, in the vocabulary's order."""
        mix = []
        for tenure, field in TENURE_FIELDS.items():
            value = getattr(self, field)
            if value:
                mix.append((tenure, value))
        return mix

    @property
    def tenure_total(self):
        return sum(value for _, value in self.tenure_mix())

    def key_message_list(self):
        return [
            line.strip(" -•*\t") for line in self.key_messages.splitlines() if line.strip(" -•*\t")
        ]

    @property
    def cover(self):
        """The cover image, from the card prefetch when there is one."""
        if hasattr(self, "cover_images"):
            return self.cover_images[0] if self.cover_images else None
        return self.images.filter(is_cover=True).first()

    @property
    def place_label(self):
        """Where it is, as people say it: the place and its council, each once."""
        return place_wording(self.place_name, self.local_authority_name)

    @property
    def place_with_region(self):
        return place_wording(self.place_name, self.local_authority_name, self.get_region_display())

    @property
    def stage_index(self):
        values = list(Stage.values)
        return values.index(self.stage) if self.stage in values else None

    # Validation ------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = (
                "Give both latitude and longitude, or leave both empty."
            )
        if self.location_basis and self.latitude is None and self.longitude is None:
            errors["location_basis"] = (
                "Say what the coordinates mark only once there are coordinates."
            )
        if self.year_started and self.year_completed and self.year_completed < self.year_started:
            errors["year_completed"] = "The year completed cannot be before the year started."
        if self.imd_decile is not None and not self.imd_edition:
            errors["imd_edition"] = (
                "Say which edition of the deprivation index the decile comes from."
            )
        for check in PLACE_CHECKS:
            errors.update(
                {field: message for field, message in check(self).items() if field not in errors}
            )
        total = self.compute_homes_total()
        if total is not None and self.tenure_total > total:
            errors["homes_social_rent"] = (
                f"The homes by tenure add up to {self.tenure_total}, more than the {total} homes built and refurbished."
            )
        if self.grant_funding and self.capital_cost and self.grant_funding > self.capital_cost:
            errors["grant_funding"] = "The capital grant is more than the whole capital cost."
        if self.status == Status.PUBLISHED:
            if self.published_at is None:
                self.published_at = timezone.now()
            if not self.summary.strip():
                errors["summary"] = "A published case study needs a summary."
            if not self.region:
                errors["region"] = "A published case study needs a region."
        if errors:
            raise ValidationError(errors)


class CaseStudyPartner(models.Model):
    """An organisation's part in one case study.

    A separate model rather than a plain many-to-many because the role matters (the
    same housing association may be developer in one place and manager in another)
    and because the order partners are listed in says who led.
    """

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnerships"
    )
    role = models.CharField(max_length=32, choices=PartnerRole.choices)
    role_detail = models.CharField(
        "what they did",
        max_length=300,
        blank=True,
        help_text="For example: co-funded the build; manages the homes on a long lease.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are listed first; list the lead first."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "partner"
        constraints = [
            models.UniqueConstraint(
                fields=["case_study", "organisation", "role"], name="casestudypartner_unique_role"
            )
        ]
        indexes = [models.Index(fields=["organisation", "case_study"], name="partner_org_case_idx")]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display().lower()})"


class Source(models.Model):
    """A reference behind a case study's facts. Belongs to one case study: a source is
    cited for what it says about that scheme, with the date it was read."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    url = WebAddressField("web address", max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    accessed_on = models.DateField("date accessed", null=True, blank=True)
    note = models.CharField(
        max_length=300, blank=True, help_text="Which facts it supports, if not all of them."
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title
