"""Merging duplicate organisations into the one kept: partners, successions and a logo
move across, the duplicates' addresses redirect to it, and history records each step."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect

from casestudies.models import CaseStudyPartner, Organisation
from casestudies.services import workflow
from casestudies.workspace.models import OrganisationRedirect


def merge_organisations(keep, duplicates, user):
    """Fold `duplicates` into `keep`. Publishers only (it changes what public pages name).
    Returns a sentence saying what moved."""
    duplicates = [duplicate for duplicate in duplicates if duplicate.pk != keep.pk]
    if not workflow.can_publish(user):
        raise PermissionDenied("Only publishers can merge organisations.")
    if not duplicates:
        raise ValueError("Choose at least one duplicate besides the organisation to keep.")
    moved = 0
    with transaction.atomic():
        for duplicate in duplicates:
            moved += _move_partners(duplicate, keep)
            for predecessor in Organisation.objects.filter(successor=duplicate).exclude(pk=keep.pk):
                predecessor.successor = keep
                predecessor._change_reason = f"Successor merged into {keep.name}"
                predecessor.save()
            if (
                duplicate.successor_id
                and not keep.successor_id
                and duplicate.successor_id != keep.pk
            ):
                keep.successor_id, keep.succeeded_on = (
                    duplicate.successor_id,
                    duplicate.succeeded_on,
                )
            if duplicate.logo and not keep.logo:
                keep.logo, keep.logo_width, keep.logo_height = (
                    duplicate.logo.name,
                    duplicate.logo_width,
                    duplicate.logo_height,
                )
                duplicate.logo = (
                    ""  # the file now belongs to the one kept: deleting this must not remove it
                )
            OrganisationRedirect.objects.filter(organisation=duplicate).update(organisation=keep)
            OrganisationRedirect.objects.update_or_create(
                old_slug=duplicate.slug, defaults={"organisation": keep}
            )
            duplicate._change_reason = f"Merged into {keep.name}"
            duplicate._history_user = user
            duplicate.delete()
        names = ", ".join(duplicate.name for duplicate in duplicates)
        keep._change_reason = f"Merged in {names}"
        keep._history_user = user
        keep.save()
    partners = f"{moved} partnership{'s' if moved != 1 else ''}"
    return f"Merged {names} into {keep.name}: {partners} moved across, and the old addresses now lead to {keep.name}."


def _move_partners(duplicate, keep):
    moved = 0
    for partner in CaseStudyPartner.objects.filter(organisation=duplicate):
        twin = CaseStudyPartner.objects.filter(
            case_study_id=partner.case_study_id, organisation=keep, role=partner.role
        )
        if twin.exists():
            partner.delete()  # already a partner in that role: one row is enough
        else:
            partner.organisation = keep
            partner.save()
        moved += 1
    return moved


def redirect_for(slug):
    """A permanent redirect from a merged organisation's address, or None."""
    found = (
        OrganisationRedirect.objects.select_related("organisation").filter(old_slug=slug).first()
    )
    return redirect(found.organisation.get_absolute_url(), permanent=True) if found else None
