"""A case study's history as people need it: each version with what changed in it
(fields word by word, and its partners, sources, outcomes, themes and images), and a
revert that puts partners, sources and outcomes back as they were.

The admin saves a case study's own row first and its inline rows just after, so a
version's partners, sources, outcomes and images are those standing just before the
next version of the case study (or now, for the latest).
"""

import difflib
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import models
from django.utils import timezone

from casestudies.models import CaseStudy, CaseStudyImage, CaseStudyPartner, Outcome, Source

# Kept by the machinery, not by people: never listed as a change.
_QUIET_FIELDS = {
    "id",
    "revision",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "search_text",
    "homes_total",
    "story_html",
}
_WORDS = re.compile(r"\S+|\s+")
_JUST_BEFORE = timedelta(microseconds=1)


def _describe_partner(partner):
    detail = f", {partner.role_detail}" if partner.role_detail else ""
    return f"{partner.organisation.display_name} ({partner.get_role_display().lower()}{detail})"


def _describe_source(source):
    return " · ".join(part for part in [source.title, source.publisher, source.url] if part)


def _describe_outcome(outcome):
    year = f" in {outcome.year}" if outcome.year else ""
    return f"{outcome.indicator.name}: {outcome.indicator.format_value(outcome.value)}{year}"


def _describe_image(image):
    words = image.alt_text or image.caption or "An image without a description"
    return f"{words}{' (cover)' if image.is_cover else ''}"


RELATED = [
    ("Partners", CaseStudyPartner, _describe_partner),
    ("Sources", Source, _describe_source),
    ("Outcomes", Outcome, _describe_outcome),
    ("Images", CaseStudyImage, _describe_image),
]
# What a revert puts back (images are files: their history keeps no file, so they stay).
RESTORED = [CaseStudyPartner, Source, Outcome]


@dataclass
class Change:
    label: str
    old: str = ""
    new: str = ""
    words: list = field(default_factory=list)  # [(kind, text)] for text: "same", "removed", "added"
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)


@dataclass
class Version:
    record: object
    changes: list


def rows_as_of(model, case_study_id, moment):
    """Instances of `model` belonging to the case study as they stood at `moment`."""
    latest = {}
    records = model.history.filter(case_study_id=case_study_id, history_date__lte=moment).order_by(
        "history_date", "history_id"
    )
    for record in records:
        latest[record.id] = record
    return [record.instance for record in latest.values() if record.history_type != "-"]


def versions(case_study):
    """Every version of `case_study`, newest first, each with what changed in it."""
    records = list(
        CaseStudy.history.filter(id=case_study.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    snapshots = [
        _snapshot(
            record,
            records[i + 1].history_date - _JUST_BEFORE if i + 1 < len(records) else timezone.now(),
        )
        for i, record in enumerate(records)
    ]
    listed = []
    for i, record in enumerate(records):
        changes = _differences(snapshots[i - 1], snapshots[i]) if i else []
        listed.append(Version(record, changes))
    return listed[::-1]


def latest_changes(case_study):
    """What the newest version changed from the one before it (for a revert's message)."""
    records = list(
        CaseStudy.history.filter(id=case_study.pk).order_by("-history_date", "-history_id")[:2]
    )
    if len(records) < 2:
        return []
    newest, before = records
    return _differences(
        _snapshot(before, newest.history_date - _JUST_BEFORE), _snapshot(newest, timezone.now())
    )


def boundary(record):
    """The moment up to which `record`'s related rows belong to it."""
    following = (
        CaseStudy.history.filter(id=record.id, history_date__gt=record.history_date)
        .order_by("history_date")
        .first()
    )
    return following.history_date - _JUST_BEFORE if following else timezone.now()


def _snapshot(record, moment):
    fields = {}
    for model_field in CaseStudy._meta.concrete_fields:
        if model_field.name in _QUIET_FIELDS:
            continue
        value = getattr(record, model_field.attname, None)
        if model_field.choices:
            value = dict(model_field.flatchoices).get(value, value)
        fields[model_field.verbose_name] = (
            "" if value is None else str(value),
            isinstance(model_field, models.TextField),
        )
    related = {
        label: {describe(row) for row in rows_as_of(model, record.id, moment)}
        for label, model, describe in RELATED
    }
    related["Themes"] = {row.theme.name for row in record.themes.select_related("theme")}
    return fields, related


def _differences(before, after):
    changes = []
    for label, (new, is_text) in after[0].items():
        old = before[0].get(label, ("", False))[0]
        if old != new:
            changes.append(
                Change(
                    str(label).capitalize(), old, new, words_changed(old, new) if is_text else []
                )
            )
    for label, new_rows in after[1].items():
        old_rows = before[1].get(label, set())
        if old_rows != new_rows:
            changes.append(
                Change(
                    label, added=sorted(new_rows - old_rows), removed=sorted(old_rows - new_rows)
                )
            )
    return changes


def words_changed(old, new):
    """The text as [(kind, words)], word by word, so a one-word edit reads as one."""
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    found = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old_words, new_words, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            found.append(("same", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            found.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            found.append(("added", "".join(new_words[j1:j2])))
    return found


def restore_related(case_study, record):
    """Put the case study's partners, sources and outcomes back as they stood at `record`'s
    version. Outcomes rest on sources, so sources come back first and go last."""
    moment = boundary(record)
    wanted = {
        model: {row.pk: row for row in rows_as_of(model, case_study.pk, moment)}
        for model in RESTORED
    }
    Outcome.objects.filter(case_study=case_study).exclude(pk__in=wanted[Outcome]).delete()
    CaseStudyPartner.objects.filter(case_study=case_study).exclude(
        pk__in=wanted[CaseStudyPartner]
    ).delete()
    for model in (Source, CaseStudyPartner, Outcome):
        for row in wanted[model].values():
            row.case_study = case_study
            row.save()
    Source.objects.filter(case_study=case_study).exclude(pk__in=wanted[Source]).delete()
