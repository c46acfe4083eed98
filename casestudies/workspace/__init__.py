"""The curators' workspace: the staff side built on the Django admin.

dashboard (what is waiting, scheduled, stale), actions (the workflow as buttons on the
change page), reviews (comments kept with a case study), notifications (email after a
workflow step), site (the admin site: start page and navigation).
"""
