"""The staff side: the admin for case studies and organisations, with the publishing workflow.

Importing the modules registers their admins with the site.
"""

from casestudies.admin import case_studies, evidence

# isort: split
# The feature packages' admins build on the ones above: the guides, and the queue of
# suggestions, corrections and messages from visitors.
from casestudies.guides import admin as guides_admin
from casestudies.participation import admin as participation_admin
