"""The demo library's drawn covers: deterministic, told apart at a glance, credited as
illustrations, and brought up to date by --update only where they are the loader's own."""

import io
from itertools import combinations
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image, ImageChops, ImageStat

from casestudies.demo import illustrations, library
from casestudies.models import CaseStudy, CaseStudyImage


def _drawing(data):
    homes = None
    if data.get("homes_built") is not None or data.get("homes_refurbished") is not None:
        homes = (data.get("homes_built") or 0) + (data.get("homes_refurbished") or 0)
    return illustrations.draw_cover(
        data["slug"],
        setting=data.get("setting", ""),
        homes=homes,
        delivery=data.get("delivery", ""),
        region=data.get("region", ""),
        partnership_status=data.get("partnership_status", "active"),
        **data.get("illustration", {}),
    )


def _small(jpeg):
    return Image.open(io.BytesIO(jpeg)).convert("RGB").resize((64, 36), Image.Resampling.BOX)


def test_the_same_case_study_always_gets_the_same_picture():
    data = library.CASE_STUDIES[0]
    first = _drawing(data)
    illustrations.draw_cover.cache_clear()
    assert _drawing(data) == first
    assert Image.open(io.BytesIO(first)).size == (illustrations.WIDTH, illustrations.HEIGHT)


def test_every_cover_names_a_building_and_material_the_drawing_knows():
    for data in library.CASE_STUDIES:
        spec = data["illustration"]
        assert spec["building"] in illustrations.BUILDINGS, data["slug"]
        assert spec["material"] in illustrations.MATERIALS, data["slug"]


def test_no_two_covers_look_alike():
    small = {data["slug"]: _small(_drawing(data)) for data in library.CASE_STUDIES}
    too_close = []
    for (a, image_a), (b, image_b) in combinations(small.items(), 2):
        # Mean difference per channel on a 64 × 36 thumbnail, 0–255: what a glance at a card takes in.
        difference = sum(ImageStat.Stat(ImageChops.difference(image_a, image_b)).mean) / 3
        if difference < 18:
            too_close.append((a, b, round(difference, 1)))
    assert too_close == []


def test_the_drawing_follows_the_data():
    base = dict(setting="urban", homes=6, delivery="new-build", material="red-brick")
    plain = _small(illustrations.draw_cover("same-slug", building="terrace", **base))
    differences = {}
    for name, variant in {
        "a chapel": dict(base, building="chapel"),
        "yellow brick": dict(base, building="terrace", material="yellow-brick"),
        "a partnership that ended": dict(base, building="terrace", partnership_status="ended"),
        "a winter garden": dict(base, building="terrace", feature="winter-garden"),
    }.items():
        other = _small(illustrations.draw_cover("same-slug", **variant))
        differences[name] = sum(ImageStat.Stat(ImageChops.difference(plain, other)).mean) / 3
    assert all(value > 1 for value in differences.values()), differences


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_update_redraws_only_the_loaders_own_covers_and_only_when_they_changed(db, media, capsys):
    call_command("load_demo_data", verbosity=0)
    covers = CaseStudyImage.objects.filter(is_cover=True)
    assert covers.count() == len(library.CASE_STUDIES)
    files, history = stored_files(media), CaseStudyImage.history.count()
    call_command("load_demo_data", update=True)
    assert "nothing changed" in capsys.readouterr().out
    assert stored_files(media) == files and CaseStudyImage.history.count() == history

    # An older drawing of one cover, and a photograph staff chose for another.
    old = CaseStudyImage.objects.get(case_study__slug="granby-four-streets-clt")
    old.delete()
    CaseStudyImage(
        case_study=CaseStudy.objects.get(slug="granby-four-streets-clt"),
        image=SimpleUploadedFile(
            "old.jpg", illustrations.draw_cover("an-older-drawing"), content_type="image/jpeg"
        ),
        is_cover=True,
        is_decorative=True,
        caption=illustrations.CAPTION,
        credit=illustrations.CREDIT,
        licence=illustrations.LICENCE,
    ).save()
    chosen = CaseStudyImage.objects.get(case_study__slug="solva-clt-ateb")
    chosen.credit, chosen.caption, chosen.alt_text, chosen.is_decorative = (
        "A resident",
        "The site",
        "The site",
        False,
    )
    chosen.save()

    call_command("load_demo_data", update=True)
    out = capsys.readouterr().out
    assert "cover illustration: granby-four-streets-clt" in out
    assert "solva-clt-ateb" not in out
    granby = CaseStudyImage.objects.get(case_study__slug="granby-four-streets-clt")
    with granby.image.open("rb") as stored:
        assert stored.read() != illustrations.draw_cover("an-older-drawing")
    assert CaseStudyImage.objects.get(case_study__slug="solva-clt-ateb").credit == "A resident"
