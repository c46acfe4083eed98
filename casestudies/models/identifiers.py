"""Organisation identifiers in org-id.guide form ("GB-COH-08123456"), so others can join
this library's data to theirs: the register's prefix, a hyphen, and the organisation's
number in that register, written as the register writes it."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords


@dataclass(frozen=True)
class Register:
    prefix: str
    name: str
    pattern: str
    example: str

    def matches(self, number):
        return re.fullmatch(self.pattern, number) is not None


REGISTERS = [
    Register("GB-COH", "Companies House", r"(\d{8}|[A-Z]{2}\d{6})", "GB-COH-08123456"),
    Register("GB-CHC", "Charity Commission for England and Wales", r"\d{6,7}", "GB-CHC-1123456"),
    Register("GB-SC", "Scottish Charity Regulator", r"SC\d{6}", "GB-SC-SC012345"),
    Register("GB-NIC", "Charity Commission for Northern Ireland", r"\d{6}", "GB-NIC-100123"),
    Register(
        "GB-MPR",
        "Mutuals Public Register (registered societies)",
        r"(IP|RS)?\d{1,6}R?",
        "GB-MPR-31122R",
    ),
    Register("GB-LAE", "Local authorities in England", r"[A-Z]{3,4}", "GB-LAE-NBL"),
    Register("GB-LAS", "Local authorities in Scotland", r"[A-Z]{3,4}", "GB-LAS-EDH"),
    Register("GB-LAW", "Local authorities in Wales", r"[A-Z]{3,4}", "GB-LAW-CRF"),
    Register("GB-LANI", "Local authorities in Northern Ireland", r"[A-Z]{3,4}", "GB-LANI-BFS"),
]
BY_PREFIX = {register.prefix: register for register in REGISTERS}


def register_for(identifier):
    """The register an identifier names (the longest matching prefix), or None."""
    for register in sorted(REGISTERS, key=lambda r: -len(r.prefix)):
        if identifier.startswith(register.prefix + "-"):
            return register
    return None


def validate_identifier(value):
    register = register_for(value)
    if register is None:
        prefixes = ", ".join(register.prefix for register in REGISTERS)
        raise ValidationError(
            "Start with the register's prefix from org-id.guide (%(prefixes)s), then a hyphen and the number: "
            "for example GB-COH-08123456.",
            params={"prefixes": prefixes},
            code="identifier_prefix",
        )
    number = value[len(register.prefix) + 1 :]
    if not register.matches(number):
        raise ValidationError(
            "“%(number)s” is not a number in the form the %(name)s uses: for example %(example)s.",
            params={"number": number, "name": register.name, "example": register.example},
            code="identifier_number",
        )


class OrganisationIdentifier(models.Model):
    """One organisation's number in one register."""

    organisation = models.ForeignKey(
        "casestudies.Organisation", on_delete=models.CASCADE, related_name="identifiers"
    )
    identifier = models.CharField(
        max_length=40,
        unique=True,
        validators=[validate_identifier],
        help_text="In org-id.guide form: GB-COH-08123456 (Companies House), GB-CHC-1123456 (charity), "
        "GB-MPR-31122R (registered society), GB-LAE-NBL (English local authority).",
    )

    history = HistoricalRecords()

    class Meta:
        app_label = "casestudies"
        ordering = ["identifier"]
        verbose_name = "organisation identifier"

    def __str__(self):
        return self.identifier

    @property
    def register(self):
        return register_for(self.identifier)

    def clean_fields(self, exclude=None):
        # Registers write their letters in capitals; people type them either way.
        self.identifier = (self.identifier or "").strip().upper()
        super().clean_fields(exclude)
