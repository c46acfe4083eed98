"""Images: what is refused and why, what is stripped, renditions, and files left behind."""

import errno
import io
import re
import struct
import zlib
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse
from PIL import Image

from casestudies import images
from casestudies.demo import library
from casestudies.models import CaseStudyImage, Organisation
from tests.forms import form_data

# Building files ----------------------------------------------------------------------


def photo(size=(800, 600), fmt="JPEG", mode="RGB", colour=(180, 90, 40), **save):
    image = Image.new(mode, size, colour)
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def halves(size=(800, 400)):
    """Left half red, right half blue: shows which way an image was turned."""
    image = Image.new("RGB", size, (220, 0, 0))
    image.paste((0, 0, 220), (size[0] // 2, 0, size[0], size[1]))
    return image


def with_gps_and_orientation(orientation=6):
    image = halves()
    exif = image.getexif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (54.0, 56.0, 49.0), 3: "W", 4: (1.0, 54.0, 20.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"taken at 12 Acacia Avenue", quality=90)
    return out.getvalue()


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(width=30000, height=30000):
    """A PNG of a few hundred bytes whose header promises 900 megapixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", rows)
        + png_chunk(b"IEND", b"")
    )


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


@pytest.fixture
def case_study(make_case_study):
    return make_case_study("Pictured scheme", slug="pictured")


def add_image(case_study, data, name="photo.jpg", **values):
    values.setdefault("alt_text", "A row of new homes")
    image = CaseStudyImage(case_study=case_study, image=upload(data, name), **values)
    image.full_clean()
    image.save()
    return image


# What is refused ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, name, words",
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "logo.svg",
            "web page, script or SVG drawing",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "logo.jpg",
            "web page, script or SVG drawing",
        ),
        (
            b"<!doctype html><html><body><script>steal()</script></body></html>",
            "photo.png",
            "web page, script or SVG drawing",
        ),
        (b"#!/bin/sh\nrm -rf /\n", "photo.jpg", "not an image we can read"),
        (photo(fmt="GIF", mode="P"), "photo.gif", "This is a GIF image"),
        (photo(fmt="BMP"), "photo.bmp", "This is a BMP image"),
        (photo(fmt="TIFF"), "photo.tiff", "This is a TIFF image"),
        (photo(fmt="PNG"), "photo.jpg", "ends in “.jpg” but the file is a PNG image"),
        (photo(fmt="JPEG"), "photo.webp", "ends in “.webp” but the file is a JPEG image"),
        (photo(fmt="JPEG"), "photo", "ends in “.(nothing)”"),
        (photo(size=(2000, 1500))[:6000], "photo.jpg", "damaged or incomplete"),
        (b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40, "photo.jpg", "not an image we can read"),
        (png_bomb(), "bomb.png", "megapixels"),
        (
            photo() + b"<script>alert(document.cookie)</script>",
            "photo.jpg",
            "web page or script code",
        ),
        (
            photo(comment=b"<html><script>alert(1)</script></html>"),
            "photo.jpg",
            "web page or script code",
        ),
        (
            photo() + b"PK\x03\x04" + b"\x00" * 2000,
            "photo.jpg",
            "other data hidden after the image",
        ),
        (
            photo(fmt="PNG") + b"%PDF-1.7 " + b"x" * 500,
            "photo.png",
            "other data hidden after the image",
        ),
        (b"", "empty.jpg", "The file is empty."),
    ],
    ids=[
        "svg",
        "svg-named-jpg",
        "html-named-png",
        "script",
        "gif",
        "bmp",
        "tiff",
        "png-named-jpg",
        "jpeg-named-webp",
        "no-extension",
        "truncated-jpeg",
        "garbage-after-jpeg-header",
        "decompression-bomb",
        "script-after-jpeg",
        "html-in-jpeg-comment",
        "zip-after-jpeg",
        "pdf-after-png",
        "empty",
    ],
)
def test_refused_files_are_explained_and_leave_nothing_behind(media, case_study, data, name, words):
    with pytest.raises(ValidationError) as refused:
        add_image(case_study, data, name)
    assert words in " ".join(refused.value.messages)
    assert stored_files(media) == []
    assert not CaseStudyImage.objects.exists()


def test_files_over_the_size_limit_are_refused(media, case_study, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 20_000
    noisy = Image.effect_noise((400, 400), 80).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, "JPEG", quality=95)
    assert len(out.getvalue()) > 20_000
    with pytest.raises(ValidationError) as refused:
        add_image(case_study, out.getvalue())
    assert re.search(
        r"This file is \d+ KB; the limit is 20 KB\. Save a smaller copy", refused.value.messages[0]
    )
    assert stored_files(media) == []


def test_pixel_limit_counts_every_frame(media, case_study, settings):
    settings.IMAGE_MAX_PIXELS = 100_000
    frames = [Image.new("RGB", (200, 200), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:])
    with pytest.raises(ValidationError) as refused:
        add_image(case_study, out.getvalue(), "animated.webp")
    assert "200 × 200 pixels across 3 frames" in refused.value.messages[0]
    add_image(case_study, photo(size=(200, 200), fmt="WEBP"), "still.webp")  # one frame fits


def test_large_images_are_refused_by_pixel_count(media, case_study, settings):
    settings.IMAGE_MAX_PIXELS = 100_000
    with pytest.raises(ValidationError) as refused:
        add_image(case_study, photo(size=(400, 300)))
    assert (
        "This image is 400 × 300 pixels, 0.1 megapixels in all; the limit is 0.1 megapixels."
        in refused.value.messages[0]
    )


def test_the_shell_route_is_checked_too(media, case_study):
    """Saving without full_clean (as an import script or the shell would) is still checked."""
    image = CaseStudyImage(
        case_study=case_study,
        image=upload(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "x.png"),
        alt_text="x",
    )
    with pytest.raises(ValidationError):
        image.save()
    assert stored_files(media) == []


def test_alt_text_is_required_unless_decorative(media, case_study):
    with pytest.raises(ValidationError) as refused:
        add_image(case_study, photo(), alt_text="")
    assert "Describe what the image shows" in " ".join(refused.value.messages)
    decorative = add_image(case_study, photo(), alt_text="", is_decorative=True)
    assert decorative.alt == ""


# What is accepted, and what is stripped --------------------------------------------------


def test_gps_and_all_other_metadata_are_stripped(media, case_study):
    original = with_gps_and_orientation()
    assert b"PhoneMaker" in original and b"Acacia" in original
    image = add_image(case_study, original)
    stored = Path(media, image.image.name).read_bytes()
    assert b"PhoneMaker" not in stored and b"Acacia" not in stored and b"Exif" not in stored
    reopened = Image.open(io.BytesIO(stored))
    assert dict(reopened.getexif()) == {}
    assert "icc_profile" not in reopened.info and "comment" not in reopened.info
    for rendition in Path(media, "renditions").rglob("*.*"):
        assert b"PhoneMaker" not in rendition.read_bytes()
        with Image.open(rendition) as opened:
            assert dict(opened.getexif()) == {}


def test_exif_orientation_is_applied_before_stripping(media, case_study):
    image = add_image(case_study, with_gps_and_orientation(orientation=6))
    assert (image.width, image.height) == (400, 800)  # the 800 × 400 picture stood up
    with Image.open(Path(media, image.image.name)) as opened:
        stored = opened.convert("RGB")
    top = stored.getpixel((200, 100))
    bottom = stored.getpixel((200, 700))
    assert top[0] > 150 and top[2] < 80  # the left (red) half is now at the top
    assert bottom[2] > 150 and bottom[0] < 80


def test_names_are_random_and_keep_the_real_format(media, case_study):
    first = add_image(case_study, photo(), "My house.JPEG")
    second = add_image(case_study, photo(fmt="PNG"), "My house.png")
    assert re.fullmatch(r"case-studies/[0-9a-f]{2}/[0-9a-f]{32}\.jpg", first.image.name)
    assert re.fullmatch(r"case-studies/[0-9a-f]{2}/[0-9a-f]{32}\.png", second.image.name)
    assert "house" not in first.image.name.lower()


def test_very_large_photos_are_stored_at_a_sensible_size(media, case_study, settings):
    image = add_image(case_study, photo(size=(4000, 3000)))
    assert (image.width, image.height) == (3000, 2250)


def test_transparent_png_keeps_transparency_and_gets_a_white_jpeg_fallback(media, case_study):
    data = photo(fmt="PNG", mode="RGBA", colour=(0, 0, 0, 0), size=(700, 400))
    image = add_image(case_study, data, "logo.png")
    with Image.open(Path(media, image.image.name)) as stored:
        assert stored.mode == "RGBA"
    jpeg = Path(media, images.rendition_file(image.image, 320, "JPEG").name)
    with Image.open(jpeg) as fallback:
        assert fallback.convert("RGB").getpixel((10, 10)) == (255, 255, 255)


# Renditions ------------------------------------------------------------------------------


def test_renditions_are_made_when_saved(media, case_study):
    image = add_image(case_study, photo(size=(1200, 800)))
    files = stored_files(media)
    # 320, 640 and 1024 fit a 1200-pixel image; 1600 would be an enlargement.
    assert len([f for f in files if f.startswith("renditions/") and f.endswith(".webp")]) == 3
    assert len([f for f in files if f.startswith("renditions/") and f.endswith(".jpg")]) == 3
    picture = image.picture()
    assert [r.width for r in picture["webp"]] == [320, 640, 1024]
    assert [r.height for r in picture["webp"]] == [213, 427, 683]
    for rendition in picture["webp"]:
        with Image.open(Path(media) / rendition.url.removeprefix("/media/")) as on_disk:
            assert on_disk.format == "WEBP" and on_disk.size == (rendition.width, rendition.height)


def test_regenerate_renditions_rebuilds_them(media, case_study, capsys):
    add_image(case_study, photo(size=(700, 500)))
    renditions = [p for p in Path(media, "renditions").rglob("*.*")]
    for path in renditions:
        path.unlink()
    call_command("regenerate_renditions", no_progress=True)
    assert "Rebuilt the renditions of 1 image." in capsys.readouterr().out
    assert sorted(p.name for p in Path(media, "renditions").rglob("*.*")) == sorted(
        p.name for p in renditions
    )


# Clean-up ----------------------------------------------------------------------------------


def test_a_failed_database_save_leaves_no_file(media, case_study):
    add_image(case_study, photo(), is_cover=True)
    before = stored_files(media)
    second_cover = CaseStudyImage(
        case_study=case_study, image=upload(photo()), alt_text="x", is_cover=True
    )
    with pytest.raises(IntegrityError):
        second_cover.save()  # the database refuses a second cover
    assert stored_files(media) == before


def test_a_full_disk_leaves_no_partial_file(media, case_study):
    real_save = FileSystemStorage._save

    def disk_full(storage, name, content):
        path = Path(storage.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.read()[:100])  # part of the file got written
        raise OSError(errno.ENOSPC, "No space left on device")

    with (
        mock.patch.object(FileSystemStorage, "_save", disk_full),
        pytest.raises(images.ImageStorageError) as error,
    ):
        add_image(case_study, photo())
    assert error.value.full
    assert "the server's storage is full" in str(error.value)
    assert stored_files(media) == []
    assert not CaseStudyImage.objects.exists()
    assert real_save is FileSystemStorage._save


def test_a_failed_rendition_leaves_no_file(media, case_study):
    real = images.generate_renditions

    def half_then_fail(source, width, rendition_set):
        images.rendition_file(source, 320, "WEBP").generate(force=True)
        raise OSError("storage went away")

    with (
        mock.patch.object(images, "generate_renditions", half_then_fail),
        pytest.raises(images.ImageStorageError),
    ):
        add_image(case_study, photo())
    assert stored_files(media) == []
    assert not CaseStudyImage.objects.exists()
    assert images.generate_renditions is real


def test_deleting_an_image_removes_its_files(media, case_study, django_capture_on_commit_callbacks):
    image = add_image(case_study, photo())
    assert len(stored_files(media)) == 1 + 4  # 800 wide: 320 and 640, in two formats
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert stored_files(media) == []


def test_deleting_a_case_study_removes_its_images_files(
    media, case_study, django_capture_on_commit_callbacks
):
    add_image(case_study, photo())
    add_image(case_study, photo(fmt="PNG"), "b.png")
    with django_capture_on_commit_callbacks(execute=True):
        case_study.delete()
    assert stored_files(media) == []


def test_replacing_an_image_removes_the_old_files(
    media, case_study, django_capture_on_commit_callbacks
):
    image = add_image(case_study, photo())
    old = stored_files(media)
    image.image = upload(photo(colour=(10, 200, 10)), "new.jpg")
    image.full_clean()
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    new = stored_files(media)
    assert len(new) == len(old) and not set(old) & set(new)


# Pages -------------------------------------------------------------------------------------


def test_case_study_page_uses_picture_srcset_and_sizes(client, media, case_study):
    add_image(
        case_study,
        photo(size=(1700, 900)),
        is_cover=True,
        alt_text="Seven homes on a former snooker club site",
    )
    add_image(
        case_study,
        photo(size=(900, 600)),
        "g.jpg",
        alt_text="The bungalows",
        caption="Branch End",
        credit="SCATA",
    )
    page = client.get("/case-studies/pictured/").content.decode()
    cover = re.search(r"<figure class=\"case-study__cover\">(.*?)</figure>", page, re.S).group(1)
    assert '<source type="image/webp" srcset="' in cover
    assert re.search(r'\.webp 320w, \S+\.webp 640w, \S+\.webp 1024w, \S+\.webp 1600w"', cover)
    assert 'width="1024" height="542"' in cover
    assert 'alt="Seven homes on a former snooker club site"' in cover
    assert 'fetchpriority="high"' in cover and 'loading="lazy"' not in cover
    gallery = re.search(r'<section class="gallery".*?</section>', page, re.S).group(0)
    assert 'loading="lazy"' in gallery and 'alt="The bungalows"' in gallery
    assert "Branch End" in gallery and "SCATA" in gallery
    assert '<meta property="og:image" content="http://testserver/media/renditions/' in page


def test_finder_cards_use_small_renditions(client, media, case_study):
    add_image(case_study, photo(size=(1700, 900)), is_cover=True)
    page = client.get("/case-studies/").content.decode()
    card = re.search(r'<picture class="card__thumb">(.*?)</picture>', page, re.S).group(1)
    # A thumbnail beside the title: the smallest rendition only, never the page's larger ones.
    assert " 320w" in card and " 640w" not in card and " 1024w" not in card
    # The first card's cover is the largest thing on a phone's first screen: loaded at once.
    assert 'fetchpriority="high"' in card and 'loading="lazy"' not in card


def test_no_page_request_opens_an_original_image(client, media, case_study, make_organisation):
    add_image(case_study, photo(size=(1200, 800)), is_cover=True)
    add_image(case_study, photo(size=(900, 600)), "g.jpg")
    organisation = case_study.partners.first().organisation
    organisation.logo = upload(photo(fmt="PNG", mode="RGBA"), "logo.png")
    organisation.save()

    def forbidden(*args, **kwargs):
        raise AssertionError("A page request opened an image file")

    def media_only(real):
        def method(storage, name, *args, **kwargs):
            if Path(storage.location) == Path(media):
                forbidden()
            return real(storage, name, *args, **kwargs)

        return method

    with (
        mock.patch.object(FileSystemStorage, "open", media_only(FileSystemStorage.open)),
        mock.patch.object(FileSystemStorage, "exists", media_only(FileSystemStorage.exists)),
        mock.patch("PIL.Image.open", forbidden),
    ):
        for url in [
            "/",
            "/case-studies/",
            "/case-studies/pictured/",
            organisation.get_absolute_url(),
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
            assert "<picture" in response.content.decode(), url


def test_organisation_logo_is_shown_with_png_fallback(
    client, media, case_study, django_capture_on_commit_callbacks
):
    organisation = case_study.partners.first().organisation
    organisation.logo = upload(photo(fmt="PNG", mode="RGBA", size=(600, 200)), "logo.png")
    organisation.full_clean()
    organisation.save()
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert f'alt="{organisation.name} logo"' in page
    assert re.search(r'srcset="/media/renditions/logos/\S+\.png 160w, \S+\.png 320w"', page)
    organisation.logo = None
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()
    assert [f for f in stored_files(media) if "logos" in f] == []


# The admin ----------------------------------------------------------------------------------


def test_admin_upload_shows_a_specific_error_and_keeps_nothing(
    publisher_client, media, make_case_study
):
    draft = make_case_study(status="draft", slug="draft-with-picture")
    url = reverse("admin:casestudies_casestudy_change", args=[draft.pk])
    data = form_data(publisher_client.get(url).content.decode(), "casestudy_form")
    data.update(
        {"images-TOTAL_FORMS": ["1"], "images-0-alt_text": ["A drawing"], "images-0-order": ["0"]}
    )
    data["images-0-image"] = SimpleUploadedFile(
        "drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    )
    response = publisher_client.post(url, data)
    assert response.status_code == 200
    assert (
        "This file is a web page, script or SVG drawing, not a photograph."
        in response.content.decode()
    )
    assert stored_files(media) == []

    data["images-0-image"] = SimpleUploadedFile("homes.jpg", photo())
    response = publisher_client.post(url, data)
    assert response.status_code == 302
    assert CaseStudyImage.objects.get(case_study=draft).width == 800
    changelist = publisher_client.get(
        reverse("admin:casestudies_casestudy_changelist")
    ).content.decode()
    assert changelist.count('<img src="/media/renditions/') == 0  # not a cover yet
    CaseStudyImage.objects.filter(case_study=draft).update(is_cover=True)
    changelist = publisher_client.get(
        reverse("admin:casestudies_casestudy_changelist")
    ).content.decode()
    assert re.search(
        r'<img src="/media/renditions/case-studies/\S+\.jpg" width="80" height="60" alt="">',
        changelist,
    )


def test_demo_covers_are_credited_illustrations(db, media):
    call_command("load_demo_data", verbosity=0)
    covers = CaseStudyImage.objects.filter(is_cover=True)
    assert covers.count() == len(library.CASE_STUDIES)  # one for every demo case study
    for cover in covers:
        assert cover.credit == "Illustration made for Partnerships in Place"
        assert "not a photograph" in cover.caption
        assert cover.is_decorative
    files = stored_files(media)
    call_command("load_demo_data", verbosity=0)
    assert stored_files(media) == files  # safe to run twice
    assert Organisation.objects.filter(logo="").count() == Organisation.objects.count()


@pytest.mark.parametrize("full_at", ["the original", "a rendition"])
def test_a_full_disk_during_an_admin_upload_gives_a_clear_message(
    publisher_client, media, make_case_study, full_at
):
    draft = make_case_study(status="draft", title="Before the upload", slug="disk-full")
    url = reverse("admin:casestudies_casestudy_change", args=[draft.pk])
    data = form_data(
        publisher_client.get(url).content.decode(),
        "casestudy_form",
        title="Changed with the upload",
    )
    data.update(
        {"images-TOTAL_FORMS": ["1"], "images-0-alt_text": ["Homes"], "images-0-order": ["0"]}
    )
    data["images-0-image"] = SimpleUploadedFile("homes.jpg", photo())
    real_save = FileSystemStorage._save

    def disk_full(storage, name, content):
        if full_at == "a rendition" and not name.startswith("renditions/"):
            return real_save(storage, name, content)  # the original is stored, then the disk fills
        path = Path(storage.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.read()[:100])  # part of the file got written
        raise OSError(errno.ENOSPC, "No space left on device")

    with mock.patch.object(FileSystemStorage, "_save", disk_full):
        response = publisher_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert (
        "The image could not be saved because the server&#x27;s storage is full."
        in response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.title == "Before the upload"  # the whole save was undone
    assert not CaseStudyImage.objects.exists()
    assert stored_files(media) == []
