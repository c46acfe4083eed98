"""Keep derived data current when the records it comes from change."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from simple_history.models import HistoricalChanges

from casestudies import caching
from casestudies.models import CaseStudy, CaseStudyImage, CaseStudyPartner, Organisation
from casestudies.services.derived import refresh_search_text


@receiver(post_save, sender=CaseStudyPartner)
@receiver(post_delete, sender=CaseStudyPartner)
def partner_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_text([instance.case_study_id])


@receiver(post_save, sender=Organisation)
def organisation_changed(sender, instance, created, raw=False, **kwargs):
    """A renamed organisation, or a new successor, changes what finds its case studies."""
    if raw or created:
        return
    lineage = instance.lineage_ids()
    case_study_ids = set(
        CaseStudyPartner.objects.filter(organisation_id__in=lineage).values_list(
            "case_study_id", flat=True
        )
    )
    if case_study_ids:
        refresh_search_text(case_study_ids)


@receiver(post_delete, sender=CaseStudyImage)
@receiver(post_delete, sender=Organisation)
def image_owner_deleted(sender, instance, **kwargs):
    """Deleting an image, an organisation or (by cascade) a case study removes the
    files and their renditions, once the deletion is committed."""
    instance.delete_image_files_on_commit()


def _can_change_public_pages(model):
    """Every model of the app can change what the public sees, but for what visitors send
    (never shown: `holds_personal_data`) and history rows (saved beside their record)."""
    return not getattr(model, "holds_personal_data", False) and not issubclass(
        model, HistoricalChanges
    )


# Derived, so that a model added later ends the page cache without anyone listing it.
PUBLIC_MODELS = frozenset(
    filter(_can_change_public_pages, apps.get_app_config("casestudies").get_models())
)


@receiver(post_save)
@receiver(post_delete)
def library_changed(sender, **kwargs):
    """Anything the public can see changed: cached pages are out of date once the
    change is committed (not before, or another process could cache the old data
    under the new version)."""
    if sender in PUBLIC_MODELS:
        caching.note_change()
        transaction.on_commit(caching.bump)


@receiver(m2m_changed, sender=CaseStudy.themes.through)
def themes_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        caching.note_change()
        transaction.on_commit(caching.bump)
