"""Load the demo library, safely and repeatably.

Records are matched by slug. A record that is missing is created; one that exists is
left alone unless `update` is asked for, in which case it is brought back to its demo
content. Either way, a record is only saved when something actually differs, so a
second run changes nothing and adds nothing to the history.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from django.core.files.uploadedfile import SimpleUploadedFile

from ..choices import Status
from ..models import CaseStudy, CaseStudyImage, Indicator, Organisation, Theme
from . import illustrations, library

CHANGE_REASON = "Loaded from the demo library"


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self):
        return bool(self.created or self.updated)


def _differs(obj, values):
    return any(getattr(obj, name) != value for name, value in values.items())


def _upsert(model, slug, values, report, update):
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        obj = model(slug=slug, **values)
        obj._change_reason = CHANGE_REASON
        obj.full_clean()
        obj.save()
        report.created.append(f"{model._meta.verbose_name}: {slug}")
        return obj, True
    if update and _differs(obj, values):
        for name, value in values.items():
            setattr(obj, name, value)
        obj._change_reason = CHANGE_REASON
        obj.full_clean()
        obj.save()
        report.updated.append(f"{model._meta.verbose_name}: {slug}")
    else:
        report.unchanged += 1
    return obj, False


def _case_study_values(data):
    values = {
        key: value
        for key, value in data.items()
        if key not in {"slug", "partners", "sources", "themes", "body"}
    }
    values["body"] = data.get("body", "").strip()
    for key in ("latitude", "longitude"):
        if values.get(key) is not None:
            values[key] = Decimal(values[key])
    values["status"] = Status.PUBLISHED
    return values


def _sync_rows(related, wanted):
    """Make a case study's related rows (partners, sources, outcomes) exactly `wanted`,
    in order, touching nothing when they already are."""
    fields = list(wanted[0]) if wanted else []
    existing = list(related.order_by("order", "pk"))
    current = [{name: getattr(row, name) for name in fields} for row in existing]
    if current == wanted and len(existing) == len(wanted):
        return False
    for row in existing:
        row.delete()
    for values in wanted:
        related.create(**values)
    return True


def _partners(partners, organisations):
    return [
        {"organisation": organisations[slug], "role": role, "role_detail": detail, "order": index}
        for index, (slug, role, detail) in enumerate(partners)
    ]


def _sources(sources):
    return [
        {"title": s["title"], "publisher": s.get("publisher", ""), "url": s.get("url", ""), "note": s.get("note", ""), "order": i}
        for i, s in enumerate(sources)
    ]


def _outcomes(outcomes):
    indicators = {indicator.slug: indicator for indicator in Indicator.objects.all()}
    return [
        {
            "indicator": indicators[slug],
            "value": Decimal(value),
            "year": year,
            "note": note,
            "method": library.FROM_SOURCES,
            "order": index,
        }
        for index, (slug, value, year, note) in enumerate(outcomes)
        if slug in indicators  # staff may have retired an indicator
    ]


@transaction.atomic
def load_demo_library(update=False, images=True):
    report = Report()

    themes = {}
    for slug, name, description in library.THEMES:
        themes[slug], _ = _upsert(Theme, slug, {"name": name, "description": description}, report, update)

    organisations = {}
    for data in library.ORGANISATIONS:
        values = {k: v for k, v in data.items() if k not in {"slug", "successor"}}
        values.setdefault("website", "")
        values.setdefault("region", "")
        organisations[data["slug"]], _ = _upsert(Organisation, data["slug"], values, report, update)
    # Successors once every organisation exists (a successor may come later in the list).
    for data in library.ORGANISATIONS:
        if "successor" in data:
            organisation = organisations[data["slug"]]
            successor = organisations[data["successor"]]
            if organisation.successor_id is None or (update and organisation.successor_id != successor.pk):
                organisation.successor = successor
                organisation._change_reason = CHANGE_REASON
                organisation.save()

    for data in library.CASE_STUDIES:
        values = _case_study_values(data)
        case_study = CaseStudy.objects.filter(slug=data["slug"]).first()
        created = case_study is None
        if created:
            # Partners and sources must exist before the case study can be published.
            case_study = CaseStudy(slug=data["slug"], **{**values, "status": Status.DRAFT})
            case_study._change_reason = CHANGE_REASON
            case_study.full_clean()
            case_study.save()
        if created or update:
            related_changed = _sync_rows(case_study.partners, _partners(data["partners"], organisations))
            related_changed |= _sync_rows(case_study.sources, _sources(data["sources"]))
            related_changed |= _sync_rows(case_study.outcomes, _outcomes(library.OUTCOMES.get(data["slug"], [])))
            wanted_themes = {themes[slug].pk for slug in data.get("themes", [])}
            if set(case_study.themes.values_list("pk", flat=True)) != wanted_themes:
                case_study.themes.set(wanted_themes)
                related_changed = True
            if created or _differs(case_study, values):
                for name, value in values.items():
                    setattr(case_study, name, value)
                problems = case_study.publication_problems()
                if problems:
                    raise ValueError(f"Demo case study {data['slug']} cannot be published: {' '.join(problems)}")
                case_study._change_reason = CHANGE_REASON
                case_study.full_clean()
                case_study.save()
                (report.created if created else report.updated).append(f"case study: {data['slug']}")
            elif related_changed:
                report.updated.append(f"case study: {data['slug']} (partners, sources or themes)")
            else:
                report.unchanged += 1
        else:
            report.unchanged += 1
        if images and not case_study.images.exists():
            _add_cover(case_study)
            report.created.append(f"cover illustration: {data['slug']}")
    return report


def _add_cover(case_study):
    """Draw the case study's cover and store it through the normal image path (so it is
    checked, re-encoded and given renditions like any upload)."""
    data = illustrations.draw_cover(
        case_study.slug, case_study.setting, case_study.homes_total, case_study.delivery
    )
    image = CaseStudyImage(
        case_study=case_study,
        image=SimpleUploadedFile(f"{case_study.slug}.jpg", data, content_type="image/jpeg"),
        is_cover=True,
        is_decorative=True,
        caption=illustrations.CAPTION,
        credit=illustrations.CREDIT,
        licence=illustrations.LICENCE,
    )
    image._change_reason = CHANGE_REASON
    image.full_clean()
    image.save()
