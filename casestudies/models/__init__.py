"""The partnership case-study library's records.

A case study describes one partnership scheme in one place. Organisations are shared
between case studies (a housing association partners with many communities), so the
link between them is its own model carrying the role each organisation played.

The models live in modules by subject; everything is re-exported here, so
`from casestudies.models import CaseStudy` and the migrations' references keep working.
"""

from casestudies.models.case_studies import CaseStudy, CaseStudyPartner, CaseStudyQuerySet, Source
from casestudies.models.deprivation import DeprivationArea
from casestudies.models.fields import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    UK_LATITUDE,
    UK_LONGITUDE,
    NotLaterThanYearsAhead,
    WebAddressField,
    linkable,
)
from casestudies.models.images import CaseStudyImage
from casestudies.models.organisations import Organisation, Theme
from casestudies.models.outcomes import Indicator, Outcome
from casestudies.models.storage import (
    ImageUploadField,
    TimestampedModel,
    media_folders,
    media_in_use,
    upload_case_study_image,
    upload_logo,
)

# isort: split
# Models kept in packages of their own, registered with the app here (after the core models,
# which they refer to). What visitors send lives in the participation package.
from casestudies.alerts.models import AlertDelivery, AlertSubscription
from casestudies.guides.models import Guide, GuideEntry
from casestudies.models.identifiers import OrganisationIdentifier
from casestudies.models.verification import Verification
from casestudies.participation.models import ContactMessage, Correction, Suggestion
from casestudies.releases.models import DataRelease
from casestudies.workspace.models import OrganisationRedirect, ReviewComment
