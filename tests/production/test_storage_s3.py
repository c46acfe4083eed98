"""Images in S3-compatible object storage (django-storages), against a local moto server."""

import io
import urllib.request

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from casestudies.models import CaseStudyImage
from tests.production.servers import MotoS3


@pytest.fixture(scope="module")
def s3():
    with MotoS3() as server:
        yield server


@pytest.fixture
def s3_storage(s3, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": s3.bucket,
                "endpoint_url": s3.endpoint,
                "access_key": "testing",
                "secret_key": "testing",
                "region_name": "us-east-1",
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": True,
            },
        },
    }
    for key in s3.keys():
        s3.client().delete_object(Bucket=s3.bucket, Key=key)
    return s3


def jpeg(size=(900, 600)):
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 60)).save(out, "JPEG")
    return out.getvalue()


def test_uploads_and_renditions_go_to_the_bucket(
    s3_storage, make_case_study, client, django_capture_on_commit_callbacks
):
    case_study = make_case_study(slug="in-the-bucket")
    image = CaseStudyImage(
        case_study=case_study,
        image=SimpleUploadedFile("homes.jpg", jpeg()),
        alt_text="Homes",
        is_cover=True,
    )
    image.full_clean()
    image.save()
    keys = s3_storage.keys()
    assert image.image.name in keys
    assert len([k for k in keys if k.startswith("renditions/")]) == 4  # 320 and 640, WebP and JPEG

    page = client.get("/case-studies/in-the-bucket/").content.decode()
    rendition_url = image.picture()["webp"][0].url
    assert rendition_url.startswith(s3_storage.endpoint) and rendition_url in page
    with urllib.request.urlopen(rendition_url) as fetched:
        assert Image.open(io.BytesIO(fetched.read())).format == "WEBP"

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert s3_storage.keys() == []


def test_a_refused_upload_writes_nothing_to_the_bucket(s3_storage, make_case_study):
    case_study = make_case_study()
    image = CaseStudyImage(
        case_study=case_study,
        image=SimpleUploadedFile("x.jpg", b"<html>not a photo</html>"),
        alt_text="x",
    )
    with pytest.raises(ValidationError):
        image.save()
    assert s3_storage.keys() == []


def test_health_checks_the_bucket(s3_storage, client, db):
    assert client.get("/healthz").json()["checks"]["storage"]["ok"] is True


def test_orphaned_files_in_the_bucket_are_found_and_removed(s3_storage, make_case_study):
    from django.core.management import call_command
    from django.db import transaction

    case_study = make_case_study()
    kept = CaseStudyImage(
        case_study=case_study, image=SimpleUploadedFile("kept.jpg", jpeg()), alt_text="Kept"
    )
    kept.save()
    in_use = s3_storage.keys()
    with pytest.raises(RuntimeError), transaction.atomic():  # stored, then the save never committed
        CaseStudyImage(
            case_study=case_study, image=SimpleUploadedFile("lost.jpg", jpeg()), alt_text="Lost"
        ).save()
        raise RuntimeError
    assert len(s3_storage.keys()) == 2 * len(in_use)

    call_command("clean_orphaned_media", "--delete", "--grace-hours", "0", verbosity=0)
    assert s3_storage.keys() == in_use
