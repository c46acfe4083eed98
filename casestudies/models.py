"""The partnership case-study library.

A case study describes one partnership scheme in one place. Organisations are shared
between case studies (a housing association partners with many communities), so the
link between them is its own model carrying the role each organisation played.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from simple_history.models import HistoricalRecords

from . import images
from .choices import (
    TENURE_FIELDS,
    Aggregation,
    Arrangement,
    CommunityModel,
    Delivery,
    DeprivationIndex,
    Framework,
    ImdBasis,
    ImdEdition,
    LocationBasis,
    OrganisationKind,
    PartnerRole,
    PartnershipStatus,
    Region,
    Setting,
    Stage,
    Status,
)
from .evidence import EvidenceStrength

# The United Kingdom's extent, with a little margin for the islands.
UK_LATITUDE = (Decimal("49.8"), Decimal("60.95"))
UK_LONGITUDE = (Decimal("-8.7"), Decimal("1.8"))
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100  # the database's outer bound; forms allow up to ten years ahead


@deconstructible
class NotLaterThanYearsAhead:
    """A year no more than `years` after the current one (plans, not fantasies)."""

    def __init__(self, years=10):
        self.years = years

    def __call__(self, value):
        latest = timezone.now().year + self.years
        if value is not None and value > latest:
            raise ValidationError(
                "%(value)s is too far ahead: use a year up to %(latest)s.",
                params={"value": value, "latest": latest},
                code="year_too_late",
            )

    def __eq__(self, other):
        return isinstance(other, NotLaterThanYearsAhead) and other.years == self.years


def year_field(verbose_name, help_text=""):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        help_text=help_text,
        validators=[MinValueValidator(EARLIEST_YEAR), NotLaterThanYearsAhead()],
    )


def homes_field(verbose_name, help_text=""):
    return models.PositiveIntegerField(verbose_name, null=True, blank=True, help_text=help_text)


def money_field(verbose_name, help_text=""):
    field = models.PositiveIntegerField(
        verbose_name, null=True, blank=True, help_text=help_text or "In pounds, no pence."
    )
    field.in_pounds = True  # the admin shows £ beside it
    return field


local_authority_code_validator = RegexValidator(
    r"^[ENSW]\d{8}$",
    "Use the nine-character ONS code, for example E06000057 for Northumberland.",
)
lsoa_code_validator = RegexValidator(
    r"^([EWS]01\d{6}|95[A-Z]{2}\d{2}[SWC]\d)$",
    "Use the official code of the neighbourhood: an LSOA in England or Wales (E01027392, W01001875), "
    "a Data Zone in Scotland (S01010260) or a Super Output Area in Northern Ireland (95GG39S1).",
)


# A web address is linked to from public pages: only http and https may be (never
# javascript:, data: or anything else a browser would run or open instead).
web_address_validator = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with https:// or http://."
)


def linkable(address):
    """`address` if a page may link to it, else "": a bad value stored without full_clean
    (an import, the shell) is then shown as text, never as a link."""
    try:
        web_address_validator(address)
    except ValidationError:
        return ""
    return address


class WebAddressField(models.URLField):
    """A URL field for http and https addresses only, whose form takes an address typed
    without a scheme as https."""

    default_validators = [web_address_validator]

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def _extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"


def upload_case_study_image(instance, filename):
    return images.random_name("case-studies", _extension(filename))


def upload_logo(instance, filename):
    return images.random_name("logos", _extension(filename))


class ImageUploadField(models.FileField):
    """A file field for images: checked and cleaned by casestudies.images in the model
    layer, offered to browsers as JPEG, PNG or WebP only."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("validators", [images.validate_image_upload])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.widget.attrs.setdefault("accept", images.ACCEPT_ATTRIBUTE)
        return field


class StoredImagesMixin(models.Model):
    """Saving a model with image fields: new uploads are checked and re-encoded before
    anything reaches storage, stored under random names, and their renditions made in
    the same transaction. If any step fails, every file written is removed again; files
    an upload replaces are removed once the change is committed."""

    # (file field, width field, height field, images.RenditionSet)
    image_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        written, replaced, to_render = [], [], []
        stored_names = {}
        if self.pk:
            names = [field for field, *_ in self.image_fields]
            stored_names = type(self).objects.filter(pk=self.pk).values(*names).first() or {}
        try:
            for field_name, width_field, height_field, rendition_set in self.image_fields:
                field_file = getattr(self, field_name)
                if field_file and not field_file._committed:
                    processed = images.process_upload(field_file)
                    field = self._meta.get_field(field_name)
                    storage = images.storage_for(field_file)
                    name = field.generate_filename(self, f"upload.{processed.extension}")
                    written.append((storage, name, rendition_set, 0))
                    try:
                        saved = storage.save(name, processed.content, max_length=field.max_length)
                    except OSError as error:
                        raise images.ImageStorageError(error) from error
                    written[-1] = (storage, saved, rendition_set, processed.width)
                    field_file.name, field_file._committed = saved, True
                    setattr(self, width_field, processed.width)
                    setattr(self, height_field, processed.height)
                    to_render.append((processed.content, saved, processed.width, rendition_set))
                if stored_names.get(field_name) and stored_names[field_name] != (
                    field_file.name or ""
                ):
                    replaced.append(
                        (images.storage_for(field_file), stored_names[field_name], rendition_set)
                    )
                if not field_file:
                    setattr(self, width_field, None)
                    setattr(self, height_field, None)
            with transaction.atomic():
                super().save(*args, **kwargs)
                for content, name, width, rendition_set in to_render:
                    content.seek(0)
                    content.name = name  # renditions are named after the stored file
                    try:
                        images.generate_renditions(content, width, rendition_set)
                    except OSError as error:
                        raise images.ImageStorageError(error) from error
        except BaseException:
            for storage, name, rendition_set, width in written:
                images.delete_files(
                    storage, [name, *images.rendition_names(_Named(name), width, rendition_set)]
                )
            raise
        if replaced:
            transaction.on_commit(lambda: _delete_image_files(replaced))

    def delete_image_files_on_commit(self):
        files = []
        for field_name, _, _, rendition_set in self.image_fields:
            field_file = getattr(self, field_name)
            if field_file:
                files.append((images.storage_for(field_file), field_file.name, rendition_set))
        if files:
            transaction.on_commit(lambda: _delete_image_files(files))


class _Named:
    """Just a name: enough for imagekit to work out where a rendition lives."""

    def __init__(self, name):
        self.name = name


def _delete_image_files(files):
    for storage, name, rendition_set in files:
        images.delete_files(
            storage, [name, *images.rendition_names(_Named(name), 0, rendition_set)]
        )


def _models_with_images():
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("casestudies").get_models()
        if issubclass(model, StoredImagesMixin)
    ]


def media_in_use(history=False):
    """Every stored file a record points to, with its renditions: what a backup keeps.
    With `history`, what earlier versions point to counts too, since reverting one brings
    it back: what clean_orphaned_media must never remove."""
    from simple_history.utils import get_history_model_for_model

    names = set()
    for model in _models_with_images():
        sources = [model, get_history_model_for_model(model)] if history else [model]
        for field_name, _, _, rendition_set in model.image_fields:
            for source in sources:
                for name in source._default_manager.exclude(**{field_name: ""}).values_list(
                    field_name, flat=True
                ):
                    names.add(name)
                    names.update(images.rendition_names(_Named(name), 0, rendition_set))
    return names


def media_folders():
    """The top folders of media storage that uploads and their renditions go into."""
    folders = set()
    for model in _models_with_images():
        for field_name, _, _, rendition_set in model.image_fields:
            sample = model._meta.get_field(field_name).generate_filename(None, "sample.jpg")
            folders.add(sample.split("/", 1)[0])
            folders.update(
                name.split("/", 1)[0]
                for name in images.rendition_names(_Named(sample), 0, rendition_set)
            )
    return sorted(folders)


class Organisation(StoredImagesMixin, TimestampedModel):
    """A housing association, community organisation, council, funder or enabler.

    Housing associations merge, so an organisation may have a `successor`: the record
    of the old name stays (case studies name who actually did the work) and the
    successor's page gathers its predecessors' partnerships.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    website = WebAddressField(blank=True)
    region = models.CharField(
        max_length=32,
        choices=Region.choices,
        blank=True,
        help_text="Where it is based or mostly works.",
    )
    description = models.TextField(
        blank=True, help_text="A few plain sentences: who they are and what they do."
    )
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text="The organisation this one became part of, if it merged or was taken over.",
    )
    succeeded_on = models.DateField(
        "date the successor took over", null=True, blank=True, help_text="Leave empty if not known."
    )
    logo = ImageUploadField(
        upload_to=upload_logo,
        blank=True,
        help_text="Optional. JPEG, PNG or WebP; a transparent PNG works best.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    image_fields = (("logo", "logo_width", "logo_height", images.LOGO),)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(successor=F("pk")), name="organisation_not_own_successor"
            ),
            models.CheckConstraint(
                condition=Q(succeeded_on__isnull=True) | Q(successor__isnull=False),
                name="organisation_succession_date_needs_successor",
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("casestudies:organisation_detail", args=[self.slug])

    @property
    def display_name(self):
        """ "Isos Housing (now part of Karbon Homes)" wherever the name is shown."""
        if self.successor_id:
            return f"{self.name} (now part of {self.successor.name})"
        return self.name

    def clean(self):
        super().clean()
        seen = {self.pk} if self.pk else set()
        successor = self.successor
        while successor is not None:
            if successor.pk in seen or successor is self:
                raise ValidationError(
                    {
                        "successor": "That would make a loop: an organisation cannot succeed itself, directly or through others."
                    }
                )
            seen.add(successor.pk)
            successor = successor.successor
        if self.succeeded_on and not self.successor_id:
            raise ValidationError(
                {"succeeded_on": "Choose the successor as well as the date it took over."}
            )

    def logo_renditions(self):
        """{"webp": [...], "fallback": [...]} for a <picture>, or None without a logo."""
        if not self.logo:
            return None
        return _picture(self.logo, self.logo_width, self.logo_height, images.LOGO)

    def lineage_ids(self):
        """This organisation and every organisation it succeeded, however many steps back."""
        ids = {self.pk}
        frontier = {self.pk}
        while frontier:
            frontier = set(
                Organisation.objects.filter(successor__in=frontier)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            ids |= frontier
        return ids


class Theme(models.Model):
    """A topic staff tag case studies with (older people, empty homes, rural…)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


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

    def with_outcomes(self):
        """Outcomes with their indicators and sources."""
        return self.prefetch_related(
            models.Prefetch(
                "outcomes", queryset=Outcome.objects.select_related("indicator", "source")
            )
        )

    def with_card_data(self):
        """What a list of case-study cards shows, in a fixed number of queries."""
        return self.with_partners().prefetch_related(
            models.Prefetch(
                "images",
                queryset=CaseStudyImage.objects.filter(is_cover=True),
                to_attr="cover_images",
            ),
        )


class CaseStudy(TimestampedModel):
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

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

    objects = CaseStudyQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "homes_total"], m2m_fields=[themes])

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
        self.revision = (self.revision or 0) + 1
        self.homes_total = self.compute_homes_total()
        from . import lens  # avoids an import cycle

        update_fields = kwargs.get("update_fields")
        if update_fields is None or lens.INPUT_FIELDS & set(update_fields):
            lens.apply_derived(self)
            if update_fields is not None:
                kwargs["update_fields"] = set(update_fields) | lens.DERIVED_FIELDS
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        from .search import build_search_text  # avoids an import cycle

        self.search_text = build_search_text(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | {
                "homes_total",
                "search_text",
                "published_at",
                "revision",
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("casestudies:case_study_detail", args=[self.slug])

    # Publishing state -----------------------------------------------------------

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

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
        from . import lens  # avoids an import cycle

        errors.update(
            {
                field: message
                for field, message in lens.place_problems(self).items()
                if field not in errors
            }
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


def _picture(field_file, width, height, rendition_set):
    return {
        "webp": images.renditions(field_file, width, height, rendition_set, "WEBP"),
        "fallback": images.renditions(
            field_file, width, height, rendition_set, rendition_set.fallback
        ),
        "fallback_type": "image/jpeg" if rendition_set.fallback == "JPEG" else "image/png",
        "width": width,
        "height": height,
    }


class CaseStudyImage(StoredImagesMixin, models.Model):
    """A photograph or illustration of a case study.

    One model serves both the cover and the gallery (the cover is the image flagged
    `is_cover`, at most one per case study), so every picture goes through the same
    checks, renditions and clean-up whichever role it plays.
    """

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="images")
    image = ImageUploadField(
        upload_to=upload_case_study_image, help_text="JPEG, PNG or WebP, up to 10 MB."
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt_text = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Required unless it is decorative.",
    )
    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Tick if the image adds nothing the text does not already say.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="Who took or made it.")
    licence = models.CharField(
        max_length=100, blank=True, help_text="For example: CC BY 4.0, or used with permission."
    )
    is_cover = models.BooleanField(
        "cover image", default=False, help_text="Shown at the top of the page and on cards."
    )
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    image_fields = (("image", "width", "height", images.PHOTO),)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "image"
        constraints = [
            models.UniqueConstraint(
                fields=["case_study"], condition=Q(is_cover=True), name="casestudyimage_one_cover"
            ),
            models.CheckConstraint(
                condition=Q(is_decorative=True) | ~Q(alt_text=""),
                name="casestudyimage_alt_text_or_decorative",
            ),
        ]

    def __str__(self):
        return self.alt_text or self.caption or f"Image {self.pk}"

    def clean(self):
        super().clean()
        if not self.is_decorative and not self.alt_text.strip():
            raise ValidationError(
                {
                    "alt_text": "Describe what the image shows for people who cannot see it, or tick “decorative”."
                }
            )

    @property
    def alt(self):
        return "" if self.is_decorative else self.alt_text

    def picture(self):
        return _picture(self.image, self.width, self.height, images.PHOTO)


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


# Models kept in modules of their own, registered with the app here.
from .alerts.models import AlertDelivery, AlertSubscription  # noqa: E402,F401  (alerts' models, in their own module)
from .guides.models import Guide, GuideEntry  # noqa: E402,F401  (the guides' models, in their own module)
from .identifiers import OrganisationIdentifier  # noqa: E402, F401

# What visitors send lives in its own package; imported here so its migrations are the app's.
from .participation.models import ContactMessage, Correction, Suggestion  # noqa: E402,F401
from .releases.models import DataRelease  # noqa: E402, F401
from .verification import Verification  # noqa: E402, F401
from .workspace.models import OrganisationRedirect, ReviewComment  # noqa: E402,F401  (the workspace's records belong to this app)
