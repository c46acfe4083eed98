"""Derived fields: what a case study's save works out from its other fields.

One place computes them all, run as every save begins (a pre_save signal), so no caller
needs to remember them and no page works them out again:
- the homes total, from the homes by tenure;
- the search text, from the story, the place and the partners' names;
- the story as safe HTML, from its Markdown;
- the deprivation lens: the neighbourhood and its decile, from the location;
- the revision, counted up, and the publication time, set when first published.

`CaseStudy.save` widens an `update_fields` save to the fields these feed
(`fields_written_by_save`), so partial saves keep them right.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from casestudies.models import CaseStudy, CaseStudyPartner
from casestudies.models.case_studies import LENS_INPUT_FIELDS
from casestudies.models.choices import Status
from casestudies.services import lens
from casestudies.services.markdown import render_markdown


@receiver(pre_save, sender=CaseStudy, dispatch_uid="derive_case_study_fields")
def derive_fields(sender, instance, raw=False, update_fields=None, **kwargs):
    """Set every derived field on the case study about to be saved."""
    if raw:  # loading a fixture or a backup: the stored values are the record
        return
    instance.revision = (instance.revision or 0) + 1
    instance.homes_total = instance.compute_homes_total()
    if update_fields is None or LENS_INPUT_FIELDS & set(update_fields):
        lens.apply_derived(instance)
    if instance.status == Status.PUBLISHED and instance.published_at is None:
        instance.published_at = timezone.now()
    instance.search_text = build_search_text(instance)
    instance.story_html = render_markdown(instance.body)


def build_search_text(case_study):
    """Everything searchable beyond title and summary, as one string."""
    parts = [
        case_study.body,
        case_study.get_community_model_display(),
        case_study.get_region_display(),
        case_study.place_name,
        case_study.local_authority_name,
        case_study.key_messages,
        case_study.target_audience,
        case_study.arrangement_detail,
        case_study.funders,
    ]
    if case_study.pk:
        partners = CaseStudyPartner.objects.filter(case_study_id=case_study.pk).select_related(
            "organisation__successor"
        )
        for partner in partners:
            parts.append(partner.organisation.name)
            if partner.organisation.successor_id:
                parts.append(partner.organisation.successor.name)
    return "\n".join(part for part in parts if part)


def refresh_search_text(case_study_ids):
    """Rebuild the search column after partners or their names change (no history entry)."""
    for case_study in CaseStudy.objects.filter(pk__in=list(case_study_ids)):
        text = build_search_text(case_study)
        if text != case_study.search_text:
            CaseStudy.objects.filter(pk=case_study.pk).update(search_text=text)
