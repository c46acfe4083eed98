"""Addresses of the public pages that take no arguments, worked out once per process:
every page links to a dozen of them, and reversing a URL is not free. Which pages those
are is read from the URL configuration."""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_script_prefix, reverse

from casestudies.presenters.routes import routes_without_arguments


@functools.lru_cache(maxsize=8)
def _paths(prefix):
    return {name.rpartition(":")[2]: reverse(name) for name, _ in routes_without_arguments()}


def paths():
    """{"home": "/", "case_study_list": "/case-studies/", …} for templates (as `urls`)."""
    return _paths(get_script_prefix())


def path_to(name):
    return paths()[name.rpartition(":")[2]]


def absolute_url(path):
    """The full address of a path, on SITE_URL: never on the request's Host header, which
    the client chooses. Addresses that are already absolute (media on object storage or
    a CDN) are left as they are."""
    if urlsplit(path).scheme:
        return path
    return settings.SITE_URL + path
