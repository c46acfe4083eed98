"""The release's Frictionless Data Package: `datapackage.json` describing each file, with
a Table Schema for every field of the CSV, the licence and the sources, and checked with
the frictionless library before anything is published."""

import hashlib
import json
import tempfile
from pathlib import Path

from django.conf import settings

from casestudies.presenters import exports, fieldtypes
from casestudies.presenters.links import absolute_url, path_to
from casestudies.releases import snapshot

DESCRIPTOR = "datapackage.json"


class ReleaseRefused(Exception):
    """Why a release cannot be cut, in words for the publisher; nothing has been written."""


def table_schema():
    """A Table Schema field for every CSV field, from `fieldtypes`; a field without a
    declared type stops the release rather than going out undescribed."""
    fields = []
    for name, description in exports.FIELDS:
        kind = fieldtypes.table_type(name)
        if kind is None:
            raise ReleaseRefused(
                f"The field “{name}” has no type in the release schema, so the data package would not describe it. "
                "Add it to casestudies/fieldtypes.py and cut the release again."
            )
        field = {"name": name, "type": kind, "description": description}
        if kind == "datetime":
            field["format"] = "any"  # ISO 8601 with microseconds and offset
        if fieldtypes.json_schema(name).get("format") == "uri":
            field["format"] = "uri"
        if name == "slug":
            field["constraints"] = {"required": True, "unique": True}
        fields.append(field)
    return {"fields": fields, "primaryKey": ["slug"], "missingValues": [""]}


def file_facts(content):
    return {"bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}


def descriptor(version, created_at, taken):
    files = taken.files
    resources = [
        {
            "name": "case-studies",
            "title": "Case studies (CSV)",
            "path": snapshot.CSV_NAME,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "schema": table_schema(),
            **file_facts(files[snapshot.CSV_NAME]),
        },
        {
            "name": "case-studies-json",
            "title": "Case studies in full, with partners, sources and outcomes (JSON)",
            "path": snapshot.JSON_NAME,
            "format": "json",
            "mediatype": "application/json",
            "profile": "data-resource",
            **file_facts(files[snapshot.JSON_NAME]),
        },
        {
            "name": "case-studies-geojson",
            "title": "Located case studies as points (GeoJSON)",
            "path": snapshot.GEOJSON_NAME,
            "format": "geojson",
            "mediatype": "application/geo+json",
            "profile": "data-resource",
            **file_facts(files[snapshot.GEOJSON_NAME]),
        },
    ]
    return {
        "profile": "data-package",
        "name": "partnerships-in-place",
        "title": f"{settings.SITE_NAME}: partnerships between housing associations and community-led housing groups",
        "description": f"Release {version}: {taken.count} published case studies.",
        "version": version,
        "created": created_at.isoformat(),
        "homepage": absolute_url(path_to("casestudies:open_data")),
        "licenses": [
            {
                "name": settings.DATA_LICENCE_NAME,
                "path": settings.DATA_LICENCE_URL,
                "title": settings.DATA_LICENCE_NAME,
            }
        ],
        "sources": [{"title": title, "path": url} for title, url in taken.sources],
        "contributors": [{"title": settings.SITE_NAME, "role": "publisher"}],
        "resources": resources,
    }


def validate(files):
    """Check the files as they will be published with frictionless; raise ReleaseRefused
    with its findings if anything fails."""
    from frictionless import validate as frictionless_validate

    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_bytes(content)
        report = frictionless_validate(str(Path(folder) / DESCRIPTOR))
    if not report.valid:
        problems = [error.message for error in report.errors]
        for task in report.tasks:
            problems += [f"{task.name}: {error.message}" for error in task.errors]
        raise ReleaseRefused(
            "The data package did not validate, so nothing was published: " + " ".join(problems[:5])
        )


def encode(descriptor_dict):
    return json.dumps(descriptor_dict, ensure_ascii=False, indent=2).encode("utf-8")
