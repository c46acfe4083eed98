"""The open data as it stands: the same CSV, JSON and GeoJSON the site serves, made
whole for a release (every published case study, in slug order so releases compare)."""

import json
from dataclasses import dataclass

from casestudies.finder import selectors
from casestudies.presenters import exports

CSV_NAME = "partnerships-in-place-case-studies.csv"
JSON_NAME = "partnerships-in-place-case-studies.json"
GEOJSON_NAME = "partnerships-in-place-case-studies.geojson"


@dataclass
class Snapshot:
    count: int
    files: dict  # file name: bytes
    sources: list  # [(title, web address)] of every source cited, once each


def take(version):
    case_studies = selectors.published_case_studies().order_by("slug")
    count = case_studies.count()
    records = [
        exports.json_record(case_study) for case_study in exports._api_queryset(case_studies)
    ]
    body = {"release": version, "licence": exports.licence(), "count": count, "results": records}
    files = {
        CSV_NAME: "".join(exports._csv_chunks(case_studies)).encode("utf-8"),
        JSON_NAME: json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"),
        GEOJSON_NAME: "".join(exports._feature_chunks(case_studies)).encode("utf-8"),
    }
    sources = {}
    for record in records:
        for source in record["sources"]:
            if source["url"]:
                sources.setdefault(source["url"], source["title"])
    return Snapshot(
        count=count, files=files, sources=sorted((title, url) for url, title in sources.items())
    )
