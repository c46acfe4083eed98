"""Small helpers shared by the demo library's regional modules."""

from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def when(year, month, day):
    """A publication time: nine in the morning, London time."""
    return datetime(year, month, day, 9, 0, tzinfo=LONDON)


def source(key, title, publisher, url, kind, note=""):
    """A source as the loader takes it; `key` lets outcomes name the source they rest on."""
    return {
        "key": key,
        "title": title,
        "publisher": publisher,
        "url": url,
        "kind": kind,
        "note": note,
    }


def outcome(indicator, value, year, source_key, note=""):
    return {
        "indicator": indicator,
        "value": value,
        "year": year,
        "source": source_key,
        "note": note,
    }
