"""Presenters: turning what the finder reads into what a page, a chart or a download shows.

Presenters import the finder, services and models, never views.
"""
