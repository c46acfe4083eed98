"""The staff side: the admin for case studies and organisations, with the publishing workflow.

Importing the modules registers their admins with the site.
"""

from casestudies.admin import case_studies, evidence, site_text
