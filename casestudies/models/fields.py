"""Field types and validators shared by the library's models."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import (
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible

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
