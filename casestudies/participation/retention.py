"""Keeping personal data only as long as the privacy notice says, and handing it over or
erasing it when a person asks. Everything here is derived from the submission models'
own declarations (PERSONAL_FIELDS, FREE_TEXT_FIELDS, DELETED_WHOLE)."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from casestudies.participation.models import SUBMISSION_MODELS, QueueStatus


@dataclass
class Purged:
    anonymised: dict = field(default_factory=dict)
    deleted: dict = field(default_factory=dict)

    def total(self):
        return sum(self.anonymised.values()) + sum(self.deleted.values())


def _blank(model):
    return {name: "" for name in model.PERSONAL_FIELDS}


def _add(counts, model, number):
    if number:
        name = str(model._meta.verbose_name_plural)
        counts[name] = counts.get(name, 0) + number


@transaction.atomic
def purge(now=None):
    """Delete spam after SPAM_RETENTION_DAYS; after PERSONAL_DATA_RETENTION_DAYS, delete
    messages and remove the sender's details from suggestions and corrections. Running
    it again changes nothing more, so it is safe to run daily."""
    now = now or timezone.now()
    personal_cutoff = now - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    spam_cutoff = now - timedelta(days=settings.SPAM_RETENTION_DAYS)
    done = Purged()
    for model in SUBMISSION_MODELS:
        spam = model.objects.filter(status=QueueStatus.SPAM, received_at__lt=spam_cutoff)
        _add(done.deleted, model, _delete(spam))
        expired = model.objects.filter(received_at__lt=personal_cutoff)
        if model.DELETED_WHOLE:
            _add(done.deleted, model, _delete(expired))
        else:
            number = expired.filter(anonymised_at__isnull=True).update(
                anonymised_at=now, **_blank(model)
            )
            _add(done.anonymised, model, number)
    return done


def _delete(queryset):
    number = queryset.count()
    if number:
        queryset.delete()
    return number


def _for_person(model, email):
    return (
        model.objects.filter(email__iexact=email.strip()) if email.strip() else model.objects.none()
    )


def person_data(email):
    """Everything kept about the sender with this email address, as plain data."""
    found = {}
    for model in SUBMISSION_MODELS:
        # What staff wrote about it (notes, who handled it) is not the sender's data.
        fields = [
            f for f in model._meta.concrete_fields if f.name not in ("handled_by", "staff_notes")
        ]
        rows = []
        for record in _for_person(model, email):
            values = {f.name: getattr(record, f.attname) for f in fields}
            rows.append(
                {
                    name: v.isoformat() if hasattr(v, "isoformat") else v
                    for name, v in values.items()
                }
            )
        if rows:
            found[str(model._meta.verbose_name_plural)] = rows
    return found


@transaction.atomic
def erase_person(email):
    """Remove everything that identifies the sender with this email address: messages
    go whole, suggestions and corrections keep only what they say about a partnership."""
    done = Purged()
    now = timezone.now()
    for model in SUBMISSION_MODELS:
        records = _for_person(model, email)
        if model.DELETED_WHOLE:
            _add(done.deleted, model, _delete(records))
        else:
            _add(
                done.anonymised,
                model,
                records.update(anonymised_at=now, consent_to_contact=False, **_blank(model)),
            )
    return done
