"""Keep derived data current when the records it comes from change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CaseStudyImage, CaseStudyPartner, Organisation
from .search import refresh_search_text


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
        CaseStudyPartner.objects.filter(organisation_id__in=lineage).values_list("case_study_id", flat=True)
    )
    if case_study_ids:
        refresh_search_text(case_study_ids)


@receiver(post_delete, sender=CaseStudyImage)
@receiver(post_delete, sender=Organisation)
def image_owner_deleted(sender, instance, **kwargs):
    """Deleting an image, an organisation or (by cascade) a case study removes the
    files and their renditions, once the deletion is committed."""
    instance.delete_image_files_on_commit()
