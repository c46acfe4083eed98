"""The open data described for machines: schema.org `Dataset` JSON-LD for /open-data/
(dataset search engines read it) and a DCAT-AP catalogue at /open-data/catalogue.jsonld,
both listing the live downloads and every release."""

from django.conf import settings

from casestudies.presenters.links import absolute_url, path_to
from casestudies.releases import snapshot
from casestudies.releases.models import DataRelease

LIVE_DOWNLOADS = [
    # (path name, title, media type)
    ("casestudies:export_csv", "CSV", "text/csv"),
    ("casestudies:api_list", "JSON", "application/json"),
    ("casestudies:export_geojson", "GeoJSON", "application/geo+json"),
]
RELEASE_FILES = [
    (snapshot.CSV_NAME, "CSV", "text/csv"),
    (snapshot.JSON_NAME, "JSON", "application/json"),
    (snapshot.GEOJSON_NAME, "GeoJSON", "application/geo+json"),
]
DESCRIPTION = (
    "Real partnerships between housing associations and community-led housing groups across the United "
    "Kingdom: place, partners, homes by tenure, funding, outcomes with their sources and evidence grades."
)


def _publisher():
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute_url(path_to("casestudies:home")),
    }


def schema_org_dataset():
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{settings.SITE_NAME}: partnerships between housing associations and community-led housing groups",
        "description": DESCRIPTION,
        "url": absolute_url(path_to("casestudies:open_data")),
        "license": settings.DATA_LICENCE_URL,
        "creator": _publisher(),
        "publisher": _publisher(),
        "isAccessibleForFree": True,
        "inLanguage": "en-GB",
        "spatialCoverage": {"@type": "Place", "name": "United Kingdom"},
        "distribution": [
            {
                "@type": "DataDownload",
                "name": title,
                "encodingFormat": media_type,
                "contentUrl": absolute_url(path_to(name)),
            }
            for name, title, media_type in LIVE_DOWNLOADS
        ],
    }
    latest = DataRelease.objects.first()
    if latest:
        data["version"] = latest.version
        data["dateModified"] = latest.created_at.isoformat()
        data["distribution"] += [
            {
                "@type": "DataDownload",
                "name": f"{title}, release {latest.version}",
                "encodingFormat": media_type,
                "contentUrl": absolute_url(latest.file_url(name)),
            }
            for name, title, media_type in RELEASE_FILES
        ]
    return data


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:issued": {"@type": "xsd:dateTime"},
    "dct:modified": {"@type": "xsd:dateTime"},
}


def _distribution(url, title, media_type, licence):
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": title,
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
        "dct:license": licence,
    }


def dcat_catalogue():
    """DCAT-AP: a catalogue holding the live dataset and one dataset per release."""
    licence = {"@id": settings.DATA_LICENCE_URL}
    publisher = {"@type": "foaf:Agent", "foaf:name": settings.SITE_NAME}
    open_data = absolute_url(path_to("casestudies:open_data"))
    live = {
        "@id": open_data + "#live",
        "@type": "dcat:Dataset",
        "dct:title": f"{settings.SITE_NAME}: case studies (live)",
        "dct:description": DESCRIPTION + " Changes as the library changes.",
        "dct:publisher": publisher,
        "dct:license": licence,
        "dcat:landingPage": {"@id": open_data},
        "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/country/GBR"},
        "dcat:distribution": [
            _distribution(absolute_url(path_to(name)), title, media_type, licence)
            for name, title, media_type in LIVE_DOWNLOADS
        ],
    }
    datasets = [live]
    for release in DataRelease.objects.all():
        page = absolute_url(release.get_absolute_url())
        datasets.append(
            {
                "@id": page,
                "@type": "dcat:Dataset",
                "dct:title": f"{settings.SITE_NAME}: case studies, release {release.version}",
                "dct:description": f"{DESCRIPTION} A fixed snapshot of {release.case_study_count} case studies.",
                "dct:issued": release.created_at.isoformat(),
                "dcat:version": release.version,
                "dct:publisher": publisher,
                "dct:license": licence,
                "dcat:landingPage": {"@id": page},
                "dcat:distribution": [
                    _distribution(
                        absolute_url(release.file_url(name)),
                        f"{title}, release {release.version}",
                        media_type,
                        licence,
                    )
                    for name, title, media_type in RELEASE_FILES
                ],
            }
        )
    return {
        "@context": DCAT_CONTEXT,
        "@id": absolute_url(path_to("casestudies:data_catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": f"{settings.SITE_NAME} open data",
        "dct:description": DESCRIPTION,
        "dct:publisher": publisher,
        "dct:license": licence,
        "foaf:homepage": {"@id": open_data},
        "dcat:dataset": datasets,
    }
