"""Writing site text: the defaults for a new library, and publishing a proposal."""

from casestudies.models import SiteText
from casestudies.models.site_text_defaults import DEFAULTS
from casestudies.services import workflow


def ensure_site_texts():
    """A stored text for every key, with its default words, so publishers find each one
    in the admin. Texts already stored are left as they are. Returns how many were made."""
    existing = set(SiteText.objects.values_list("key", flat=True))
    made = 0
    for key, body in DEFAULTS.items():
        if key not in existing:
            text = SiteText(key=key, body=body)
            text._change_reason = "Default text"
            text.save()
            made += 1
    return made


def publish_proposal(site_text, user):
    """The proposed text becomes what the public reads, if `user` is a publisher. Returns
    False (changing nothing) when there is no proposal."""
    if not site_text.has_proposal:
        return False
    site_text.body, site_text.proposed_body = site_text.proposed_body, ""
    workflow.check_site_text_change(user, site_text)
    site_text.full_clean()
    site_text.updated_by = user
    site_text._change_reason = "Published"
    site_text.save()
    return True
