"""Load the demo library, safely and repeatably.

Records are matched by slug. A record that is missing is created; one that exists is
left alone unless `update` is asked for, in which case it is brought back to its demo
content. Either way, a record is only saved when something actually differs, so a
second run changes nothing and adds nothing to the history.

When the demo itself changes:

- a case study or organisation renamed in the demo lists its old slugs in
  `former_slugs`: the existing record is found under the old slug (never duplicated) and,
  with `update`, given the new slug. A case study's old address keeps working, as for any
  slug change.
- a case study dropped from the demo is listed in `RETIRED_CASE_STUDIES`: with `update` it
  is archived (out of public view, its history kept), never deleted. Organisations the demo
  no longer names are left alone: staff may have used them elsewhere.
- a changed cover drawing replaces the old cover only with `update`, and only where the
  cover is still the loader's own illustration.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from casestudies import images as image_files
from casestudies.demo import illustrations, library
from casestudies.guides.demo import sync_demo_guides
from casestudies.models import CaseStudy, CaseStudyImage, Indicator, Organisation, Theme
from casestudies.models.choices import Status
from casestudies.services.site_text import ensure_site_texts

CHANGE_REASON = "Loaded from the demo library"
RETIRED_REASON = "Retired from the demo library"

# Keys of a demo case study that are not CaseStudy fields.
RELATED_KEYS = {
    "slug",
    "former_slugs",
    "partners",
    "sources",
    "themes",
    "outcomes",
    "illustration",
    "body",
}


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self):
        return bool(self.created or self.updated)


def library_problems():
    """What is wrong with the demo data itself, before anything touches the database."""
    problems = []
    organisations = {data["slug"] for data in library.ORGANISATIONS}
    themes = {slug for slug, _, _ in library.THEMES}
    seen = set()
    for data in library.CASE_STUDIES:
        slug = data["slug"]
        if slug in seen:
            problems.append(f"{slug}: appears twice")
        seen.add(slug)
        for organisation, _, _ in data["partners"]:
            if organisation not in organisations:
                problems.append(f"{slug}: partner {organisation} is not among the organisations")
        problems += [
            f"{slug}: unknown theme {theme}"
            for theme in data.get("themes", [])
            if theme not in themes
        ]
        keys = [source["key"] for source in data["sources"]]
        if len(set(keys)) != len(keys):
            problems.append(f"{slug}: two sources share a key")
        for source in data["sources"]:
            if source.get("kind") not in library.SOURCE_KINDS:
                problems.append(f"{slug}: source {source['key']} has no known kind")
        for outcome in data.get("outcomes", []):
            if outcome["source"] not in keys:
                problems.append(
                    f"{slug}: an outcome rests on {outcome['source']}, which is not one of its sources"
                )
    for data in library.ORGANISATIONS:
        if data.get("successor") and data["successor"] not in organisations:
            problems.append(
                f"{data['slug']}: successor {data['successor']} is not among the organisations"
            )
    return problems


def _differs(obj, values):
    return any(getattr(obj, name) != value for name, value in values.items())


def _find(model, data):
    """The record for a demo entry: under its slug, or under one it had before."""
    found = model.objects.filter(slug=data["slug"]).first()
    if found is None and data.get("former_slugs"):
        found = model.objects.filter(slug__in=data["former_slugs"]).first()
    return found


def _save(obj):
    obj._change_reason = CHANGE_REASON
    obj.full_clean()
    obj.save()


def _upsert(model, data, values, report, update):
    obj = _find(model, data)
    if obj is None:
        obj = model(slug=data["slug"], **values)
        _save(obj)
        report.created.append(f"{model._meta.verbose_name}: {data['slug']}")
        return obj
    values = {**values, "slug": data["slug"]}
    if update and _differs(obj, values):
        for name, value in values.items():
            setattr(obj, name, value)
        _save(obj)
        report.updated.append(f"{model._meta.verbose_name}: {data['slug']}")
    else:
        report.unchanged += 1
    return obj


def _case_study_values(data):
    values = {key: value for key, value in data.items() if key not in RELATED_KEYS}
    values["body"] = data.get("body", "").strip()
    for key in ("latitude", "longitude"):
        if values.get(key) is not None:
            values[key] = Decimal(values[key])
    values["status"] = Status.PUBLISHED
    return values


def _current_rows(related, fields):
    return [
        {name: getattr(row, name) for name in fields} for row in related.order_by("order", "pk")
    ]


def _rows_match(related, wanted):
    fields = list(wanted[0]) if wanted else []
    return _current_rows(related, fields) == wanted and related.count() == len(wanted)


def _sync_rows(related, wanted):
    """Make a case study's related rows (partners, sources, outcomes) exactly `wanted`,
    in order, touching nothing when they already are."""
    if _rows_match(related, wanted):
        return False
    for row in related.all():
        row.delete()
    for values in wanted:
        _save(related.model(**{related.field.name: related.instance, **values}))
    return True


def _partners(partners, organisations):
    return [
        {"organisation": organisations[slug], "role": role, "role_detail": detail, "order": index}
        for index, (slug, role, detail) in enumerate(partners)
    ]


def _sources(sources):
    # `kind` stays in the demo data until the Source model has a field for it.
    return [
        {
            "title": s["title"],
            "publisher": s["publisher"],
            "url": s["url"],
            "note": s["note"],
            "order": index,
        }
        for index, s in enumerate(sources)
    ]


def _outcomes(outcomes, sources_by_key, indicators):
    return [
        {
            "indicator": indicators[outcome["indicator"]],
            "value": Decimal(outcome["value"]),
            "year": outcome["year"],
            "note": outcome["note"],
            "method": "",
            "source": sources_by_key[outcome["source"]],
            "order": index,
        }
        for index, outcome in enumerate(outcomes)
        if outcome["indicator"] in indicators  # staff may have retired an indicator
    ]


def _sync_sources_and_outcomes(case_study, data):
    """Sources first, then the outcomes that rest on them. An outcome protects its source,
    so when the sources change the old outcomes go before the sources are replaced."""
    wanted_sources = _sources(data["sources"])
    changed = False
    if not _rows_match(case_study.sources, wanted_sources):
        changed = case_study.outcomes.exists()
        for outcome in case_study.outcomes.all():
            outcome.delete()
        changed |= _sync_rows(case_study.sources, wanted_sources)
    rows = list(case_study.sources.order_by("order", "pk"))
    sources_by_key = {source["key"]: row for source, row in zip(data["sources"], rows)}
    indicators = {indicator.slug: indicator for indicator in Indicator.objects.all()}
    wanted_outcomes = _outcomes(data.get("outcomes", []), sources_by_key, indicators)
    changed |= _sync_rows(case_study.outcomes, wanted_outcomes)
    return changed


def _sync_case_study(data, organisations, themes, update, report):
    values = _case_study_values(data)
    case_study = _find(CaseStudy, data)
    created = case_study is None
    if created:
        # Partners and sources must exist before the case study can be published.
        case_study = CaseStudy(slug=data["slug"], **{**values, "status": Status.DRAFT})
        _save(case_study)
    elif not update:
        report.unchanged += 1
        return case_study
    values["slug"] = data["slug"]
    related_changed = _sync_rows(case_study.partners, _partners(data["partners"], organisations))
    related_changed |= _sync_sources_and_outcomes(case_study, data)
    wanted_themes = {themes[slug].pk for slug in data.get("themes", [])}
    if set(case_study.themes.values_list("pk", flat=True)) != wanted_themes:
        case_study.themes.set(wanted_themes)
        related_changed = True
    if created or _differs(case_study, values):
        for name, value in values.items():
            setattr(case_study, name, value)
        problems = case_study.publication_problems()
        if problems:
            raise ValueError(
                f"Demo case study {data['slug']} cannot be published: {' '.join(problems)}"
            )
        _save(case_study)
        (report.created if created else report.updated).append(f"case study: {data['slug']}")
    elif related_changed:
        report.updated.append(f"case study: {data['slug']} (partners, sources, outcomes or themes)")
    else:
        report.unchanged += 1
    return case_study


def _sync_successors(organisations, update):
    """Successors once every organisation exists (a successor may come later in the list)."""
    for data in library.ORGANISATIONS:
        organisation = organisations[data["slug"]]
        successor = organisations.get(data.get("successor"))
        wanted = successor.pk if successor else None
        if organisation.successor_id != wanted and (update or organisation.successor_id is None):
            organisation.successor = successor
            _save(organisation)


def _retire(update, report):
    if not update:
        return
    for slug, reason in library.RETIRED_CASE_STUDIES.items():
        case_study = CaseStudy.objects.filter(slug=slug).exclude(status=Status.ARCHIVED).first()
        if case_study is not None:
            case_study.status = Status.ARCHIVED
            case_study._change_reason = f"{RETIRED_REASON}: {reason}"
            case_study.full_clean()
            case_study.save()
            report.updated.append(f"case study: {slug} (archived: no longer in the demo library)")


def load_demo_library(update=False, images=True):
    """Load (or with `update`, restore) the demo library in one transaction, after checking
    the demo data itself, and say what changed."""
    problems = library_problems()
    if problems:
        raise ValueError("The demo library has problems: " + "; ".join(problems))
    with transaction.atomic():
        return _load(update, images)


def _load(update, images):
    report = Report()

    for data in library.INDICATORS:
        values = {key: value for key, value in data.items() if key != "slug"}
        _upsert(Indicator, data, values, report, update)

    themes = {}
    for slug, name, description in library.THEMES:
        themes[slug] = _upsert(
            Theme, {"slug": slug}, {"name": name, "description": description}, report, update
        )

    organisations = {}
    for data in library.ORGANISATIONS:
        values = {
            key: value
            for key, value in data.items()
            if key not in {"slug", "successor", "former_slugs"}
        }
        organisations[data["slug"]] = _upsert(Organisation, data, values, report, update)
    _sync_successors(organisations, update)

    for data in library.CASE_STUDIES:
        case_study = _sync_case_study(data, organisations, themes, update, report)
        if images:
            _sync_cover(case_study, data, update, report)
    _retire(update, report)
    sync_demo_guides(_upsert, _save, update, report)
    ensure_site_texts()  # the default words, for publishers to find in the admin
    return report


# Covers ---------------------------------------------------------------------------------


def _drawing(case_study, data):
    return illustrations.draw_cover(
        case_study.slug,
        setting=case_study.setting,
        homes=case_study.homes_total,
        delivery=case_study.delivery,
        region=case_study.region,
        partnership_status=case_study.partnership_status,
        **data.get("illustration", {}),
    )


def _is_own_illustration(image):
    return image.credit == illustrations.CREDIT and image.caption == illustrations.CAPTION


def _stored_bytes(image):
    with image.image.open("rb") as stored:
        return stored.read()


def _sync_cover(case_study, data, update, report):
    """Draw the case study's cover and store it through the normal image path (so it is
    checked, re-encoded and given renditions like any upload)."""
    if not case_study.images.exists():
        _add_cover(case_study, _drawing(case_study, data))
        report.created.append(f"cover illustration: {case_study.slug}")
        return
    if not update:
        return
    cover = case_study.images.filter(is_cover=True).first()
    if cover is None or not _is_own_illustration(cover):
        return  # a cover staff chose, or none: theirs to keep
    drawing = _drawing(case_study, data)
    processed = image_files.process_upload(
        SimpleUploadedFile(f"{case_study.slug}.jpg", drawing, content_type="image/jpeg")
    )
    if _stored_bytes(cover) == processed.content.read():
        return
    cover.delete()
    _add_cover(case_study, drawing)
    report.updated.append(f"cover illustration: {case_study.slug}")


def _add_cover(case_study, drawing):
    image = CaseStudyImage(
        case_study=case_study,
        image=SimpleUploadedFile(f"{case_study.slug}.jpg", drawing, content_type="image/jpeg"),
        is_cover=True,
        is_decorative=True,
        caption=illustrations.CAPTION,
        credit=illustrations.CREDIT,
        licence=illustrations.LICENCE,
    )
    _save(image)
