"""The finder: reading the published library, filtered, searched, counted and ordered.

The finder imports models and services, never presenters or views.
"""
