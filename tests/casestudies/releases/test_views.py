"""The releases' public pages, their files at permanent addresses, the admin's button,
and the machine-readable catalogue of the open data."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from casestudies.models import DataRelease
from casestudies.releases import snapshot
from casestudies.releases.service import cut_release

pytestmark = pytest.mark.django_db


def test_the_release_list_and_page_show_files_changes_and_a_citation(client, make_case_study):
    assert (
        "No release has been published yet" in client.get("/open-data/releases/").content.decode()
    )
    make_case_study("Keswick", slug="keswick")
    first = cut_release(now=timezone.now() - timedelta(minutes=5))
    make_case_study("Anfield", slug="anfield")
    second = cut_release()
    listing = client.get("/open-data/releases/").content.decode()
    assert listing.index(f">Release {second.version}<") < listing.index(
        f">Release {first.version}<"
    )
    page = client.get(f"/open-data/releases/{second.version}/").content.decode()
    assert "Anfield (<code>anfield</code>)" in page and "<h3>Added (1)</h3>" in page
    assert f'href="/open-data/releases/{first.version}/"' in page
    assert re.search(
        rf"Partnerships in Place \({timezone.now().year}\) ‘Partnerships in Place: open data, release {re.escape(second.version)}’",
        page,
    )
    assert f"http://testserver/open-data/releases/{second.version}/" in page
    for name in second.files:
        assert f'href="/open-data/releases/{second.version}/{name}"' in page


def test_a_release_file_is_served_as_stored_and_kept_by_caches(client, make_case_study):
    make_case_study(slug="one")
    release = cut_release()
    response = client.get(f"/open-data/releases/{release.version}/{snapshot.CSV_NAME}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content).decode("utf-8-sig").startswith("slug,title")
    assert client.get(f"/open-data/releases/{release.version}/secrets.txt").status_code == 404
    assert client.get("/open-data/releases/1999-01-01/datapackage.json").status_code == 404
    assert client.get("/open-data/releases/1999-01-01/").status_code == 404


def test_publishers_cut_a_release_from_the_workspace(publisher_client, make_case_study):
    make_case_study(slug="one")
    assert (
        "Cut a release now"
        in publisher_client.get("/admin/casestudies/datarelease/").content.decode()
    )
    response = publisher_client.post("/admin/casestudies/datarelease/cut/", follow=True)
    release = DataRelease.objects.get()
    assert (
        f"Release {release.version} is published with 1 case studies." in response.content.decode()
    )
    assert release.created_by.username == "publisher-account"
    again = publisher_client.post("/admin/casestudies/datarelease/cut/", follow=True)
    assert "wait a minute before cutting another" in again.content.decode()
    assert DataRelease.objects.count() == 1


def test_editors_cannot_cut_a_release(editor_client, make_case_study):
    make_case_study(slug="one")
    assert (
        "Cut a release now"
        not in editor_client.get("/admin/casestudies/datarelease/").content.decode()
    )
    assert editor_client.post("/admin/casestudies/datarelease/cut/").status_code == 403
    assert not DataRelease.objects.exists()


def _json_ld(page):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )


def test_the_open_data_page_describes_a_dataset_with_its_downloads(client, make_case_study):
    data = _json_ld(client.get("/open-data/").content.decode())
    assert (
        data["@type"] == "Dataset"
        and data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    )
    urls = {d["contentUrl"]: d["encodingFormat"] for d in data["distribution"]}
    assert urls == {
        "http://testserver/case-studies.csv": "text/csv",
        "http://testserver/api/case-studies/": "application/json",
        "http://testserver/case-studies.geojson": "application/geo+json",
    }
    make_case_study(slug="one")
    release = cut_release()
    data = _json_ld(client.get("/open-data/").content.decode())
    assert data["version"] == release.version
    assert f"http://testserver/open-data/releases/{release.version}/{snapshot.CSV_NAME}" in [
        d["contentUrl"] for d in data["distribution"]
    ]


def test_the_dcat_catalogue_lists_the_live_data_and_every_release(client, make_case_study):
    make_case_study(slug="one")
    release = cut_release()
    response = client.get("/open-data/catalogue.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalogue = json.loads(response.content)
    assert (
        catalogue["@type"] == "dcat:Catalog"
        and catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    )
    live, released = catalogue["dcat:dataset"]
    assert [d["dcat:downloadURL"]["@id"] for d in live["dcat:distribution"]][
        0
    ] == "http://testserver/case-studies.csv"
    assert released["dcat:version"] == release.version
    assert released["dcat:distribution"][0]["dcat:mediaType"]["@id"].endswith("/text/csv")
    assert "/open-data/catalogue.jsonld" in client.get("/open-data/").content.decode()
