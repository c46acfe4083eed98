"""Alerts for a search: an Atom feed of any finder view, and email digests of new case
studies matching a visitor's filters, with double opt-in and one-click unsubscribe."""
